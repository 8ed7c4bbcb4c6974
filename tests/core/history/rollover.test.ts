// Rolling `Histórico` over before the cell limit: whole weeks, oldest first, the latest weeks kept,
// unreadable rows never lost, and the archive written before the live sheet shrinks.

import { type ArchiveSink, describeRollover, rollOverHistory, rowsMissingFromArchive } from '../../../src/core/history/archive-sink';
import { archiveName, planRollover } from '../../../src/core/history/rollover';
import { HISTORY_FORMATS, HISTORY_HEADERS, HistorySchemaError } from '../../../src/core/history/schema';
import { SHEET } from '../../../src/core/sheets';
import { serialOfLocalDate } from '../../../src/core/time/local-date';
import { MemoryWorkbook } from '../../../src/core/workbook/memory-workbook';
import type { Cell } from '../../../src/core/workbook/workbook';
import { historyRow, weekAt } from '../../support/history-fixture';

const row = (week: string, student: number): Cell[] => historyRow(week, student, 50);
const sheet = (rows: Cell[][]): Cell[][] => [[...HISTORY_HEADERS], ...rows];
/** `weeks` weeks of `perWeek` students each, oldest first. */
const history = (weeks: number, perWeek = 2): Cell[][] =>
  sheet(Array.from({ length: weeks }, (_, week) => Array.from({ length: perWeek }, (_, student) => row(weekAt(week), student + 1))).flat());
const weekOfRow = (cells: readonly Cell[]) => cells[0];

describe('planRollover', () => {
  it('does nothing at or under 80% of the limit, or with no rows', () => {
    expect(planRollover(history(40), { cellsUsed: 800, cellLimit: 1000 })).toBeNull();
    expect(planRollover(history(40), { cellsUsed: 801, cellLimit: 1000 })).not.toBeNull();
    expect(planRollover(null, { cellsUsed: 10_000_000 })).toBeNull();
    expect(planRollover([], { cellsUsed: 10_000_000 })).toBeNull();
    expect(planRollover(sheet([]), { cellsUsed: 10_000_000 })).toBeNull();
  });

  it('uses Sheets’ 10 million cells and 80% by default', () => {
    expect(planRollover(history(40), { cellsUsed: 8_000_000 })).toBeNull();
    expect(planRollover(history(40), { cellsUsed: 8_000_001 })?.archivedWeeks).toEqual([
      weekAt(0),
      weekAt(1),
      weekAt(2),
      weekAt(3),
      weekAt(4),
      weekAt(5),
      weekAt(6),
      weekAt(7),
      weekAt(8),
      weekAt(9),
      weekAt(10),
      weekAt(11),
      weekAt(12),
      weekAt(13),
    ]);
  });

  it('archives the oldest whole weeks until the use is below 60%', () => {
    const values = history(40); // 28 cells a week
    const plan = planRollover(values, { cellsUsed: 900, cellLimit: 1000 })!;
    // 900 − 11 × 28 = 592 < 600; ten weeks (620) would not be enough.
    expect(plan.archivedWeeks).toEqual(Array.from({ length: 11 }, (_, index) => weekAt(index)));
    expect(plan.archive).toEqual([values[0], ...values.slice(1, 23)]);
    expect(plan.keep).toEqual([values[0], ...values.slice(23)]);
  });

  it('never splits a week, even when part of it would be enough', () => {
    const big = sheet([...Array.from({ length: 20 }, (_, student) => row(weekAt(0), 100 + student)), ...history(30).slice(1)]);
    const plan = planRollover(big, { cellsUsed: 801, cellLimit: 1000 })!;
    expect(plan.archivedWeeks).toEqual([weekAt(0)]);
    expect(plan.archive.slice(1).every((cells) => weekOfRow(cells) === serialOfLocalDate(weekAt(0)))).toBe(true);
    // 22 rows × 14 = 308 cells: 801 − 308 < 600, though 15 of its rows would have been enough.
    expect(plan.archive).toHaveLength(1 + 20 + 2);
    expect(plan.keep.slice(1).some((cells) => weekOfRow(cells) === serialOfLocalDate(weekAt(0)))).toBe(false);
  });

  it('finds a week’s rows wherever a sort put them', () => {
    const values = history(30);
    const shuffled = sheet(values.slice(1).sort((a, b) => Number(a[2]) - Number(b[2]) || Number(b[0]) - Number(a[0])));
    const plan = planRollover(shuffled, { cellsUsed: 801, cellLimit: 1000 })!;
    const archived = new Set(plan.archivedWeeks.map(serialOfLocalDate));
    expect(plan.archive.slice(1)).toHaveLength(2 * plan.archivedWeeks.length);
    expect(plan.keep.slice(1).some((cells) => archived.has(Number(cells[0])))).toBe(false);
    expect(plan.archive.length + plan.keep.length).toBe(shuffled.length + 1);
  });

  it('never archives the latest 26 weeks (or keepWeeks), even above the target', () => {
    const plan = planRollover(history(30), { cellsUsed: 1000, cellLimit: 1000 })!;
    expect(plan.archivedWeeks).toEqual([weekAt(0), weekAt(1), weekAt(2), weekAt(3)]);
    expect(planRollover(history(26), { cellsUsed: 1000, cellLimit: 1000 })).toBeNull();
    expect(planRollover(history(30), { cellsUsed: 1000, cellLimit: 1000, keepWeeks: 29 })!.archivedWeeks).toEqual([weekAt(0)]);
  });

  it('keeps rows whose week cannot be read, in their place', () => {
    const values = history(40);
    const broken: Cell[] = ['semana?', 'Turma A', 99];
    const empty: Cell[] = [null, 'Turma A', 98];
    values.splice(1, 0, broken);
    values.splice(5, 0, empty);
    const plan = planRollover(values, { cellsUsed: 900, cellLimit: 1000 })!;
    expect(plan.keep.slice(1, 3)).toEqual([broken, empty]);
    expect(plan.archive).not.toContainEqual(broken);
    expect(plan.archive.length + plan.keep.length).toBe(values.length + 1);
  });

  it('counts a row at the grid width when told (Sheets counts empty columns too)', () => {
    const narrow = planRollover(history(40), { cellsUsed: 900, cellLimit: 1000 })!;
    const wide = planRollover(history(40), { cellsUsed: 900, cellLimit: 1000, cellsPerRow: 26 })!;
    expect(wide.archivedWeeks.length).toBeLessThan(narrow.archivedWeeks.length);
  });

  it('names the archive by its first and last week', () => {
    expect(archiveName('2026-01-05', '2026-06-29')).toBe('Histórico 2026-01-05 a 2026-06-29');
  });
});

/** A sink that keeps what it receives, like a tiny archive spreadsheet. */
class MemorySink implements ArchiveSink {
  readonly tables = new Map<string, Cell[][]>();
  append(name: string, rows: Cell[][]): string {
    const existing = this.tables.get(name) ?? null;
    this.tables.set(name, existing ? [...existing, ...rowsMissingFromArchive(existing, rows)] : rows.map((cells) => [...cells]));
    return `memória › ${name}`;
  }
}

function workbookWith(values: Cell[][]): MemoryWorkbook {
  const workbook = new MemoryWorkbook();
  workbook.writeSheet(SHEET.history, { rows: values, frozenRows: 1 });
  return workbook;
}

describe('rollOverHistory', () => {
  const options = { cellLimit: 1000, keepWeeks: 4 };

  it('moves the archived rows to the sink and rewrites Histórico with the kept rows in one write', () => {
    const values = history(40); // 81 rows × 14 = 1134 cells
    const workbook = workbookWith(values);
    const sink = new MemorySink();
    const writesBefore = workbook.calls.writes;
    const outcome = rollOverHistory(workbook, sink, options)!;
    expect(outcome.archivedWeeks[0]).toBe(weekAt(0));
    expect(outcome.name).toBe(archiveName(weekAt(0), outcome.archivedWeeks[outcome.archivedWeeks.length - 1]));
    expect(outcome.destination).toBe(`memória › ${outcome.name}`);
    const archived = sink.tables.get(outcome.name)!;
    const kept = workbook.readSheet(SHEET.history)!;
    expect(archived[0]).toEqual([...HISTORY_HEADERS]);
    expect(kept[0]).toEqual([...HISTORY_HEADERS]);
    expect(archived.length - 1 + kept.length - 1).toBe(values.length - 1);
    expect(outcome.rows).toBe(archived.length - 1);
    expect(workbook.cellCount()).toBeLessThan(600);
    expect(workbook.calls.writes - writesBefore).toBe(1);
    expect(workbook.sheet(SHEET.history)).toMatchObject({ frozenRows: 1, columnFormats: [...HISTORY_FORMATS], features: { owned: true } });
    expect(describeRollover(outcome)).toMatch(/^Histórico: \d+ semanas \(05\/01\/2026 a \d{2}\/\d{2}\/\d{4}, \d+ linhas\) arquivadas em memória › /);
  });

  it('returns null and writes nothing when there is room', () => {
    const workbook = workbookWith(history(40));
    const sink = new MemorySink();
    const readsBefore = workbook.calls.reads;
    expect(rollOverHistory(workbook, sink, { cellLimit: 10_000 })).toBeNull();
    expect(sink.tables.size).toBe(0);
    expect(workbook.calls.reads).toBe(readsBefore); // the history is not even read
  });

  it('appends to the archive before touching Histórico', () => {
    const values = history(40);
    const workbook = workbookWith(values);
    let seenDuringAppend: Cell[][] | null = null;
    rollOverHistory(
      workbook,
      {
        append: (name) => {
          seenDuringAppend = workbook.readSheet(SHEET.history);
          return name;
        },
      },
      options,
    );
    expect(seenDuringAppend).toEqual(values);
  });

  it('a sink that throws leaves Histórico untouched', () => {
    const values = history(40);
    const workbook = workbookWith(values);
    const writesBefore = workbook.calls.writes;
    const failing: ArchiveSink = {
      append: () => {
        throw new Error('arquivo indisponível');
      },
    };
    expect(() => rollOverHistory(workbook, failing, options)).toThrow('arquivo indisponível');
    expect(workbook.readSheet(SHEET.history)).toEqual(values);
    expect(workbook.calls.writes).toBe(writesBefore);
  });

  it('a rollover redone after a crash adds no row twice to the archive', () => {
    const values = history(40);
    const sink = new MemorySink();
    const first = rollOverHistory(workbookWith(values), sink, options)!;
    // The crash came before Histórico was saved: the same rows are archived again.
    const again = rollOverHistory(workbookWith(values), sink, options)!;
    expect(again.name).toBe(first.name);
    expect(sink.tables.get(first.name)).toHaveLength(first.rows + 1);
  });

  it('stops with the schema error, archiving nothing, when the columns were changed', () => {
    const values = history(40);
    values[0] = values[0].map((cell, index) => (index === 2 ? 'ID do aluno' : cell));
    const sink = new MemorySink();
    expect(() => rollOverHistory(workbookWith(values), sink, options)).toThrow(HistorySchemaError);
    expect(sink.tables.size).toBe(0);
  });
});

describe('rowsMissingFromArchive', () => {
  it('skips rows the archive holds, tolerating read-back noise, and keeps true repeats', () => {
    const a = row(weekAt(0), 1);
    const b = row(weekAt(0), 2);
    const readBack = a.map((cell) => (typeof cell === 'number' ? cell + 1e-9 : cell === null ? '' : cell));
    expect(rowsMissingFromArchive([[...HISTORY_HEADERS], readBack], sheet([a, b]))).toEqual([b]);
    expect(rowsMissingFromArchive(null, sheet([a, a]))).toEqual([a, a]);
    expect(rowsMissingFromArchive(sheet([a]), sheet([a, a]))).toEqual([a]);
  });
});
