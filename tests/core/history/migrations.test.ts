// A schema change of Histórico migrates with a backup copy; unknown layouts are refused, not guessed.

import { type HistoryMigration, migrateHistory, readMigratedHistory } from '../../../src/core/history/migrations';
import { checkHistoryHeader, HISTORY_HEADERS } from '../../../src/core/history/schema';
import { SHEET } from '../../../src/core/sheets';
import { MemoryWorkbook } from '../../../src/core/workbook/memory-workbook';

// A hypothetical earlier layout: no `Aulas concluídas`, no `Origem`.
const OLD = HISTORY_HEADERS.filter((name) => name !== 'Aulas concluídas' && name !== 'Origem');
const addColumns: HistoryMigration = {
  from: OLD,
  migrateRow: (row) => [...row.slice(0, 8), null, ...row.slice(8, 11), 'API', row[11] ?? null],
};
const oldRow = [46279, 'Turma 2026-07', 1001, 'Lívia', 'l@x.com', 11, 'Fundamentos', 50, 46277.5, 40, 'Em dia', 46279.25];

describe('migrateHistory', () => {
  it('copies the old sheet to a dated backup and rewrites it with the current headers', () => {
    const workbook = new MemoryWorkbook();
    workbook.writeSheet(SHEET.history, { rows: [[...OLD], oldRow] });
    const outcome = migrateHistory(workbook, '2026-11-23', [addColumns]);
    expect(outcome).toEqual({ migrated: true, backupSheet: 'Histórico (backup 2026-11-23)' });
    expect(workbook.readSheet('Histórico (backup 2026-11-23)')).toEqual([[...OLD], oldRow]);
    const migrated = workbook.readSheet(SHEET.history)!;
    expect(migrated[0]).toEqual([...HISTORY_HEADERS]);
    expect(migrated[1]).toEqual([46279, 'Turma 2026-07', 1001, 'Lívia', 'l@x.com', 11, 'Fundamentos', 50, null, 46277.5, 40, 'Em dia', 'API', 46279.25]);
    expect(() => checkHistoryHeader(migrated)).not.toThrow();
    // A second backup the same day gets its own name.
    workbook.writeSheet(SHEET.history, { rows: [[...OLD], oldRow] });
    expect(migrateHistory(workbook, '2026-11-23', [addColumns]).backupSheet).toBe('Histórico (backup 2026-11-23) 2');
  });

  it('leaves the current layout and unknown layouts alone (a renamed column stops the run instead)', () => {
    const workbook = new MemoryWorkbook();
    workbook.writeSheet(SHEET.history, { rows: [[...HISTORY_HEADERS]] });
    expect(migrateHistory(workbook, '2026-11-23', [addColumns]).migrated).toBe(false);
    const renamed = HISTORY_HEADERS.map((name) => (name === 'Nome' ? 'Aluno' : name));
    workbook.writeSheet(SHEET.history, { rows: [renamed] });
    expect(migrateHistory(workbook, '2026-11-23', [addColumns]).migrated).toBe(false);
    expect(workbook.sheetNames()).toEqual([SHEET.history]);
    expect(() => checkHistoryHeader(workbook.readSheet(SHEET.history))).toThrow(/coluna 4 deveria ser "Nome"/);
  });
});

describe('readMigratedHistory', () => {
  it('returns the migrated table from a single read', () => {
    const workbook = new MemoryWorkbook();
    workbook.writeSheet(SHEET.history, { rows: [[...OLD], oldRow] });
    const reads = workbook.calls.reads;
    const values = readMigratedHistory(workbook, '2026-11-23', [addColumns]);
    expect(workbook.calls.reads - reads).toBe(1);
    expect(values).toEqual(workbook.readSheet(SHEET.history));
  });
});
