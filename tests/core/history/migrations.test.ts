// A schema change of Histórico migrates with a backup copy; unknown layouts are refused, not guessed.

import {
  HISTORY_HEADERS_V1,
  HISTORY_MIGRATIONS,
  type HistoryMigration,
  isHistoryHeader,
  migrateHistory,
  readMigratedHistory,
} from '../../../src/core/history/migrations';
import { checkHistoryHeader, decodeHistoryRow, HISTORY_FORMATS, HISTORY_HEADERS } from '../../../src/core/history/schema';
import { SHEET } from '../../../src/core/sheets';
import { MemoryWorkbook } from '../../../src/core/workbook/memory-workbook';

// A hypothetical layout before the first one: no `Aulas concluídas`, no `Origem`. Its migration
// leads to HISTORY_HEADERS_V1, from which the product's own migrations go on.
const OLD = HISTORY_HEADERS_V1.filter((name) => name !== 'Aulas concluídas' && name !== 'Origem');
const addColumns: HistoryMigration = {
  from: OLD,
  migrateRow: (row) => [...row.slice(0, 8), null, ...row.slice(8, 11), 'API', row[11] ?? null],
};
const CHAIN = [addColumns, ...HISTORY_MIGRATIONS];
const oldRow = [46279, 'Turma 2026-07', 1001, 'Lívia', 'l@x.com', 11, 'Fundamentos', 50, 46277.5, 40, 'Em dia', 46279.25];
const v1Row = [46279, 'Turma 2026-07', 1001, 'Lívia', 'l@x.com', 11, 'Fundamentos', 50, 4, 46277.5, 40, 'Em dia', 'Mantido', 46279.25];

describe('the Celular migration (14 columns → 15)', () => {
  it('backs the old sheet up and appends an empty Celular to every row; the rows still read', () => {
    const workbook = new MemoryWorkbook();
    workbook.writeSheet(SHEET.history, { rows: [[...HISTORY_HEADERS_V1], v1Row, v1Row] });
    expect(() => checkHistoryHeader(workbook.readSheet(SHEET.history))).toThrow(/coluna 15 deveria ser "Celular"/);
    expect(migrateHistory(workbook, '2026-11-23')).toEqual({ migrated: true, backupSheet: 'Histórico (backup 2026-11-23)' });
    expect(workbook.readSheet('Histórico (backup 2026-11-23)')).toEqual([[...HISTORY_HEADERS_V1], v1Row, v1Row]);
    const migrated = workbook.readSheet(SHEET.history)!;
    expect(migrated).toEqual([[...HISTORY_HEADERS], [...v1Row, null], [...v1Row, null]]);
    expect(workbook.sheet(SHEET.history)).toMatchObject({ columnFormats: [...HISTORY_FORMATS], frozenRows: 1, features: { owned: true } });
    expect(() => checkHistoryHeader(migrated)).not.toThrow();
    expect(decodeHistoryRow(migrated[1], 'America/Sao_Paulo')).toMatchObject({ studentId: 1001, origin: 'Mantido', phone: null });
    // Run again, it is the current layout: nothing more happens.
    expect(migrateHistory(workbook, '2026-11-23').migrated).toBe(false);
  });

  it('keeps columns people added after the job’s own under their headers, after Celular', () => {
    const workbook = new MemoryWorkbook();
    workbook.writeSheet(SHEET.history, { rows: [[...HISTORY_HEADERS_V1, 'Observação'], [...v1Row, 'ligar'], v1Row] });
    migrateHistory(workbook, '2026-11-23');
    expect(workbook.readSheet(SHEET.history)).toEqual([
      [...HISTORY_HEADERS, 'Observação'],
      [...v1Row, null, 'ligar'],
      [...v1Row, null, null],
    ]);
    expect(() => checkHistoryHeader(workbook.readSheet(SHEET.history))).not.toThrow();
  });

  it('is the header of Histórico to the code that finds or renames it before the run migrates it', () => {
    expect(isHistoryHeader([...HISTORY_HEADERS])).toBe(true);
    expect(isHistoryHeader([...HISTORY_HEADERS_V1, 'Observação'])).toBe(true);
    expect(isHistoryHeader([' Semana ', ...HISTORY_HEADERS_V1.slice(1)])).toBe(true);
    expect(isHistoryHeader(HISTORY_HEADERS_V1.slice(0, 13))).toBe(false);
    expect(isHistoryHeader(HISTORY_HEADERS.map((name) => (name === 'Nome' ? 'Aluno' : name)))).toBe(false);
  });
});

describe('migrateHistory', () => {
  it('copies the old sheet to a dated backup and rewrites it with the current headers', () => {
    const workbook = new MemoryWorkbook();
    workbook.writeSheet(SHEET.history, { rows: [[...OLD], oldRow] });
    const outcome = migrateHistory(workbook, '2026-11-23', CHAIN);
    expect(outcome).toEqual({ migrated: true, backupSheet: 'Histórico (backup 2026-11-23)' });
    expect(workbook.readSheet('Histórico (backup 2026-11-23)')).toEqual([[...OLD], oldRow]);
    const migrated = workbook.readSheet(SHEET.history)!;
    expect(migrated[0]).toEqual([...HISTORY_HEADERS]);
    expect(migrated[1]).toEqual([46279, 'Turma 2026-07', 1001, 'Lívia', 'l@x.com', 11, 'Fundamentos', 50, null, 46277.5, 40, 'Em dia', 'API', 46279.25, null]);
    expect(() => checkHistoryHeader(migrated)).not.toThrow();
    // A second backup the same day gets its own name.
    workbook.writeSheet(SHEET.history, { rows: [[...OLD], oldRow] });
    expect(migrateHistory(workbook, '2026-11-23', CHAIN).backupSheet).toBe('Histórico (backup 2026-11-23) 2');
  });

  it('leaves the current layout and unknown layouts alone (a renamed column stops the run instead)', () => {
    const workbook = new MemoryWorkbook();
    workbook.writeSheet(SHEET.history, { rows: [[...HISTORY_HEADERS]] });
    expect(migrateHistory(workbook, '2026-11-23', CHAIN).migrated).toBe(false);
    const renamed = HISTORY_HEADERS.map((name) => (name === 'Nome' ? 'Aluno' : name));
    workbook.writeSheet(SHEET.history, { rows: [renamed] });
    expect(migrateHistory(workbook, '2026-11-23', CHAIN).migrated).toBe(false);
    expect(workbook.sheetNames()).toEqual([SHEET.history]);
    expect(() => checkHistoryHeader(workbook.readSheet(SHEET.history))).toThrow(/coluna 4 deveria ser "Nome"/);
  });
});

describe('readMigratedHistory', () => {
  it('returns the migrated table from a single read', () => {
    const workbook = new MemoryWorkbook();
    workbook.writeSheet(SHEET.history, { rows: [[...OLD], oldRow] });
    const reads = workbook.calls.reads;
    const values = readMigratedHistory(workbook, '2026-11-23', CHAIN);
    expect(workbook.calls.reads - reads).toBe(1);
    expect(values).toEqual(workbook.readSheet(SHEET.history));
  });
});
