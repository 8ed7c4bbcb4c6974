import { HistoryIndex } from '../../../src/core/history/history-index';
import { encodeHistoryRow, HISTORY_HEADERS, type HistoryRow } from '../../../src/core/history/schema';
import type { Cell } from '../../../src/core/workbook/workbook';

const SP = 'America/Sao_Paulo';
const W1 = '2026-08-31';
const W2 = '2026-09-07';
const W3 = '2026-09-14';

const snapshot = (week: string, studentId: number, productId: number, progress: number, productName = `Produto ${productId}`): HistoryRow => ({
  week,
  cohort: 'T',
  studentId,
  name: `Aluno ${studentId}`,
  email: '',
  productId,
  productName,
  progress,
  lessonsCompleted: 0,
  lastAccessAt: null,
  expected: null,
  situation: 'Sem meta',
  origin: 'API',
  collectedAt: Date.UTC(2026, 8, 1, 12),
  phone: null,
});
const sheetOf = (...rows: (HistoryRow | Cell[])[]): Cell[][] => [
  [...HISTORY_HEADERS],
  ...rows.map((row) => (Array.isArray(row) ? row : encodeHistoryRow(row, SP))),
];

describe('HistoryIndex', () => {
  it('keeps the latest snapshot per student and product, whatever the row order', () => {
    const index = HistoryIndex.fromRows([
      snapshot(W2, 1, 11, 40),
      snapshot(W3, 1, 11, 55),
      snapshot(W1, 1, 11, 10),
      snapshot(W1, 1, 12, 5),
      snapshot(W2, 2, 11, 70),
    ]);
    expect(index.latest(1, 11)?.progress).toBe(55);
    expect(index.latest(1, 12)?.week).toBe(W1);
    expect(index.latest(2, 11)?.progress).toBe(70);
    expect(index.latest(2, 12)).toBeUndefined();
    expect(index.latest(3, 11)).toBeUndefined();
  });

  it('remembers product names, ignoring blank ones', () => {
    const index = HistoryIndex.fromRows([snapshot(W1, 1, 11, 0, 'Excel'), snapshot(W2, 1, 11, 0, ''), snapshot(W1, 1, 12, 0, '')]);
    expect(index.productName(11)).toBe('Excel');
    expect(index.productName(12)).toBeUndefined();
  });

  it('gives weekly means oldest first, only for weeks with all the products', () => {
    const index = HistoryIndex.fromRows([
      snapshot(W3, 1, 11, 80),
      snapshot(W3, 1, 12, 60),
      snapshot(W1, 1, 11, 10),
      snapshot(W1, 1, 12, 30),
      snapshot(W2, 1, 11, 50), // product 12 missing in W2
      snapshot(W2, 1, 13, 99), // not tracked
      snapshot(W2, 2, 12, 99), // another student
    ]);
    expect(index.weeklyMeans(1, [11, 12])).toEqual([
      { week: W1, mean: 20 },
      { week: W3, mean: 70 },
    ]);
    expect(index.weeklyMeans(1, [11])).toEqual([
      { week: W1, mean: 10 },
      { week: W2, mean: 50 },
      { week: W3, mean: 80 },
    ]);
    expect(index.weeklyMeans(9, [11])).toEqual([]);
  });

  it('indexes only weeks strictly before the week being collected', () => {
    const index = HistoryIndex.fromSheet(sheetOf(snapshot(W1, 1, 11, 10), snapshot(W2, 1, 11, 40), snapshot(W3, 1, 11, 90)), SP, W2);
    expect(index.latest(1, 11)?.week).toBe(W1);
    expect(index.weeklyMeans(1, [11])).toEqual([{ week: W1, mean: 10 }]);
  });

  it('decodes stored rows back into snapshots', () => {
    const stored = snapshot(W1, 1, 11, 42.5, 'Excel');
    expect(HistoryIndex.fromSheet(sheetOf(stored), SP, W3).latest(1, 11)).toEqual(stored);
  });

  it('lists unreadable rows by sheet index, skips blank ones, and still reads the rest', () => {
    const broken = encodeHistoryRow(snapshot(W1, 2, 11, 10), SP);
    broken[11] = 'Excelente';
    const values = sheetOf(snapshot(W1, 1, 11, 10), broken, [null, '', null], ['lixo'], snapshot(W2, 1, 11, 20));
    const index = HistoryIndex.fromSheet(values, SP, W3);
    expect(index.unreadableRows).toEqual([2, 4]);
    expect(index.latest(1, 11)?.progress).toBe(20);
    expect(index.latest(2, 11)).toBeUndefined();
  });

  it('takes product names from every week, the latest real one winning; a placeholder `Produto N` is no name', () => {
    const values = sheetOf(
      snapshot(W1, 1, 11, 0, 'Excel antigo'),
      snapshot(W2, 1, 11, 0, 'Excel'),
      snapshot(W3, 1, 11, 0, 'Produto 11'),
      snapshot(W3, 1, 12, 0, 'Produto 12'),
      snapshot(W3, 1, 13, 0, 'Word'),
    );
    const index = HistoryIndex.fromSheet(values, SP, W3);
    expect(index.productName(11)).toBe('Excel');
    expect(index.productName(12)).toBeUndefined();
    expect(index.productName(13)).toBe('Word'); // known from the week being collected too
  });

  it('knows which cohorts have rows in any week, the week being collected included', () => {
    const index = HistoryIndex.fromSheet(sheetOf({ ...snapshot(W3, 1, 11, 0), cohort: 'Turma B' }, snapshot(W1, 2, 11, 0)), SP, W3);
    expect(index.hasRowsOf('Turma B')).toBe(true);
    expect(index.hasRowsOf('T')).toBe(true);
    expect(index.hasRowsOf('Turma C')).toBe(false);
  });

  it('is empty for a missing sheet', () => {
    const index = HistoryIndex.fromSheet(null, SP, W3);
    expect(index.latest(1, 11)).toBeUndefined();
    expect(index.unreadableRows).toEqual([]);
  });
});
