import { HISTORY_HEADERS, weekOfCell } from '../../../src/core/history/schema';
import { HistoryNotesError, planWeekReplacement } from '../../../src/core/history/week-replacement';
import { serialOfLocalDate } from '../../../src/core/time/local-date';
import { MemoryWorkbook } from '../../../src/core/workbook/memory-workbook';
import type { Cell } from '../../../src/core/workbook/workbook';

const W1 = '2026-08-31';
const W2 = '2026-09-07';
const W3 = '2026-09-14';
const W4 = '2026-09-21';

/** A stored row of `week` for a student, tagged so tests can tell old rows from new ones. */
const row = (week: string, student: number, tag = 'old'): Cell[] => [serialOfLocalDate(week), tag, student];
const sheet = (...rows: Cell[][]): Cell[][] => [[...HISTORY_HEADERS], ...rows];

/** Applies a plan the way the job does, so tests check the sheet that results. */
function apply(values: Cell[][] | null, week: string, weekRows: Cell[][]): { result: Cell[][]; fromRow: number } {
  const workbook = new MemoryWorkbook();
  workbook.writeSheet('Histórico', { rows: values ?? [] });
  const plan = planWeekReplacement(values, week, weekRows);
  workbook.replaceRowsFrom('Histórico', plan.fromRow, plan.rows);
  return { result: workbook.readSheet('Histórico')!, fromRow: plan.fromRow };
}

function apply2(values: Cell[][], week: string, weekRows: Cell[][], collectedCohorts?: ReadonlySet<string>): { result: Cell[][]; fromRow: number } {
  const workbook = new MemoryWorkbook();
  workbook.writeSheet('Histórico', { rows: values });
  const plan = planWeekReplacement(values, week, weekRows, { collectedCohorts });
  workbook.replaceRowsFrom('Histórico', plan.fromRow, plan.rows);
  return { result: workbook.readSheet('Histórico')!, fromRow: plan.fromRow };
}

describe('planWeekReplacement', () => {
  it('writes the header and the rows into an empty or missing sheet', () => {
    const rows = [row(W1, 1, 'new')];
    expect(planWeekReplacement(null, W1, rows)).toEqual({ fromRow: 0, rows: [[...HISTORY_HEADERS], ...rows] });
    expect(planWeekReplacement([], W1, rows)).toEqual({ fromRow: 0, rows: [[...HISTORY_HEADERS], ...rows] });
  });

  it('appends after a header-only sheet', () => {
    expect(planWeekReplacement(sheet(), W1, [row(W1, 1)])).toEqual({ fromRow: 1, rows: [row(W1, 1)] });
  });

  it('appends a new newest week at the end, writing only that week', () => {
    const values = sheet(row(W1, 1), row(W1, 2), row(W2, 1), row(W2, 2));
    const weekRows = [row(W3, 1, 'new'), row(W3, 2, 'new')];
    expect(planWeekReplacement(values, W3, weekRows)).toEqual({ fromRow: values.length, rows: weekRows });
  });

  it('re-running the newest week replaces only from its first row', () => {
    const values = sheet(row(W1, 1), row(W1, 2), row(W2, 1), row(W2, 2), row(W2, 3));
    const weekRows = [row(W2, 1, 'new'), row(W2, 2, 'new')];
    const plan = planWeekReplacement(values, W2, weekRows);
    expect(plan).toEqual({ fromRow: 3, rows: weekRows });
    const { result } = apply(values, W2, weekRows);
    expect(result).toEqual(sheet(row(W1, 1), row(W1, 2), ...weekRows)); // student 3's old W2 row is gone
  });

  it('re-running an older week rewrites the body, other weeks unchanged and in week order', () => {
    const values = sheet(row(W1, 1), row(W2, 1), row(W2, 2), row(W3, 1), row(W3, 2));
    const weekRows = [row(W2, 7, 'new')];
    const plan = planWeekReplacement(values, W2, weekRows);
    expect(plan.fromRow).toBe(1);
    expect(plan.rows).toEqual([row(W1, 1), row(W2, 7, 'new'), row(W3, 1), row(W3, 2)]);
  });

  it('re-running the oldest week puts it first', () => {
    const values = sheet(row(W1, 1), row(W2, 1));
    expect(apply(values, W1, [row(W1, 1, 'new')]).result).toEqual(sheet(row(W1, 1, 'new'), row(W2, 1)));
  });

  it('inserts a missing older week between its neighbours', () => {
    const values = sheet(row(W1, 1), row(W3, 1));
    expect(apply(values, W2, [row(W2, 1, 'new')]).result).toEqual(sheet(row(W1, 1), row(W2, 1, 'new'), row(W3, 1)));
  });

  it('reads weeks typed as ISO text like serial ones', () => {
    const values = sheet([W1, 'old', 1], [W2, 'old', 1]);
    expect(planWeekReplacement(values, W2, [row(W2, 1, 'new')])).toEqual({ fromRow: 2, rows: [row(W2, 1, 'new')] });
  });

  it('keeps rows a person broke (unreadable week) wherever the plan goes', () => {
    const broken: Cell[] = ['??', 'quebrada', 9];
    const newest = apply(sheet(row(W1, 1), broken, row(W2, 1)), W2, [row(W2, 1, 'new')]);
    expect(newest.fromRow).toBe(3);
    expect(newest.result).toEqual(sheet(row(W1, 1), broken, row(W2, 1, 'new')));

    const older = apply(sheet(row(W1, 1), broken, row(W2, 1)), W1, [row(W1, 1, 'new')]);
    expect(older.result).toContainEqual(broken);
    expect(older.result).toHaveLength(4);
  });

  it("rewrites an unsorted sheet whole: the week's old rows go, every other row stays exactly once", () => {
    const values = sheet(row(W3, 1), row(W1, 1), row(W2, 1), row(W4, 1), row(W2, 2), row(W1, 2));
    const weekRows = [row(W2, 1, 'new'), row(W2, 2, 'new')];
    const plan = planWeekReplacement(values, W2, weekRows);
    expect(plan.fromRow).toBe(1);
    const body = plan.rows;
    expect(body.filter((cells) => weekOfCell(cells[0]) === W2)).toEqual(weekRows);
    const others = values.slice(1).filter((cells) => weekOfCell(cells[0]) !== W2);
    expect(body.filter((cells) => weekOfCell(cells[0]) !== W2)).toEqual(others); // same rows, same relative order
    expect(body).toHaveLength(others.length + weekRows.length);
  });

  it('does not take the fast path when a later week sits above the re-run week', () => {
    // The newest week is W3, but a W3 row appears before a W2 row: appending after the first W3 would drop W2.
    const values = sheet(row(W1, 1), row(W3, 1), row(W2, 1));
    const { fromRow, result } = apply(values, W3, [row(W3, 1, 'new')]);
    expect(fromRow).toBe(1);
    expect(result).toEqual(sheet(row(W1, 1), row(W2, 1), row(W3, 1, 'new')));
  });

  it('re-running with no rows removes the week', () => {
    expect(apply(sheet(row(W1, 1), row(W2, 1)), W2, []).result).toEqual(sheet(row(W1, 1)));
    expect(apply(sheet(row(W1, 1), row(W2, 1)), W1, []).result).toEqual(sheet(row(W2, 1)));
  });

  describe('with the cohorts the run collected', () => {
    // Full rows: week, cohort, student, …, product at index 5.
    const full = (week: string, cohort: string, student: number, product: number, tag = 'old'): Cell[] => [
      serialOfLocalDate(week),
      cohort,
      student,
      tag,
      null,
      product,
      null,
      0,
      0,
      null,
      null,
      'Sem meta',
      'API',
      1,
    ];

    it("replaces only those cohorts' rows of the week; the others stay, and other weeks too", () => {
      const values = sheet(full(W1, 'A', 1, 11), full(W2, 'A', 1, 11), full(W2, 'B', 2, 11), full(W2, 'B', 3, 11));
      const { result } = apply2(values, W2, [full(W2, 'A', 1, 11, 'new')], new Set(['A']));
      expect(result).toEqual(sheet(full(W1, 'A', 1, 11), full(W2, 'B', 2, 11), full(W2, 'B', 3, 11), full(W2, 'A', 1, 11, 'new')));
    });

    it("a new row takes the place of a kept cohort's row with its key (a student moved in), never doubling it", () => {
      const values = sheet(full(W2, 'B', 2, 11), full(W2, 'B', 3, 11));
      const { result } = apply2(values, W2, [full(W2, 'A', 2, 11, 'new')], new Set(['A']));
      expect(result).toEqual(sheet(full(W2, 'B', 3, 11), full(W2, 'A', 2, 11, 'new')));
    });
  });

  describe('with columns people added', () => {
    const full = (week: string, student: number, product: number, tag = 'old'): Cell[] => [
      serialOfLocalDate(week),
      'A',
      student,
      tag,
      null,
      product,
      null,
      0,
      0,
      null,
      null,
      'Sem meta',
      'API',
      1,
      null,
    ];
    const header = [...HISTORY_HEADERS, 'Observação', 'Ligar?'];
    const noted = (row: Cell[], ...extras: Cell[]) => [...row, ...extras, ...Array(2 - extras.length).fill(null)];

    it('the fast path carries each note to the new row with its key, blanks the others, and the stale tail is cleared', () => {
      const values: Cell[][] = [
        header,
        noted(full(W1, 1, 11), 'w1'),
        noted(full(W2, 1, 11), 'a'),
        noted(full(W2, 2, 11), null, 'sim'),
        noted(full(W2, 3, 11), null),
      ];
      const weekRows = [full(W2, 2, 11, 'new'), full(W2, 1, 11, 'new')];
      const { result, fromRow } = apply2(values, W2, weekRows);
      expect(fromRow).toBe(2);
      expect(result).toEqual([header, noted(full(W1, 1, 11), 'w1'), noted(full(W2, 2, 11, 'new'), null, 'sim'), noted(full(W2, 1, 11, 'new'), 'a')]);
    });

    it('the full rewrite keeps every row whole, notes of other weeks included', () => {
      const values: Cell[][] = [header, noted(full(W1, 1, 11), 'w1'), noted(full(W2, 1, 11), 'a'), noted(full(W3, 1, 11), 'w3')];
      const { result, fromRow } = apply2(values, W2, [full(W2, 1, 11, 'new'), full(W2, 4, 11, 'new')]);
      expect(fromRow).toBe(1);
      expect(result).toEqual([
        header,
        noted(full(W1, 1, 11), 'w1'),
        noted(full(W2, 1, 11, 'new'), 'a'),
        noted(full(W2, 4, 11, 'new')),
        noted(full(W3, 1, 11), 'w3'),
      ]);
    });

    it('a note on a row the week no longer has refuses the write, naming the column and the row', () => {
      const values: Cell[][] = [header, noted(full(W2, 1, 11), null, 'sim'), noted(full(W2, 2, 11), null)];
      expect(() => planWeekReplacement(values, W2, [full(W2, 2, 11, 'new')])).toThrow(HistoryNotesError);
      expect(() => planWeekReplacement(values, W2, [full(W2, 2, 11, 'new')])).toThrow(/na coluna "Ligar\?" .*\(linha 2: aluno 1, produto 11\)/);
      // Without notes there, the same re-run is fine.
      expect(planWeekReplacement([header, noted(full(W2, 1, 11)), noted(full(W2, 2, 11))], W2, [full(W2, 2, 11, 'new')]).rows).toHaveLength(1);
    });

    it('ids stored as text still match their key', () => {
      const asText = full(W2, 1, 11).map((cell, index) => (index === 2 || index === 5 ? String(cell) : cell));
      const { result } = apply2([header, noted(asText, 'a')], W2, [full(W2, 1, 11, 'new')]);
      expect(result[1]).toEqual(noted(full(W2, 1, 11, 'new'), 'a'));
    });
  });

  it('is idempotent: running the same week twice gives the same sheet', () => {
    const values = sheet(row(W1, 1), row(W2, 1), row(W3, 1));
    const weekRows = [row(W2, 1, 'new'), row(W2, 5, 'new')];
    const once = apply(values, W2, weekRows).result;
    expect(apply(once, W2, weekRows).result).toEqual(once);
  });
});
