// What the job needs from past weeks: each student's latest snapshot per product (to carry values
// forward without a call) and their weekly progress means (to count weeks without progress).

import type { Cell } from '../workbook/workbook';
import type { LocalDate } from '../time/local-date';
import { decodeHistoryRow, type HistoryRow } from './schema';

export class HistoryIndex {
  private readonly latestByKey = new Map<string, HistoryRow>();
  private readonly rowsByStudent = new Map<number, HistoryRow[]>();
  private readonly productNames = new Map<number, string>();
  /** Rows a person broke (unreadable); they are left in place and reported, never deleted. */
  readonly unreadableRows: number[] = [];

  /** Indexes the stored rows of weeks strictly before `beforeWeek`. */
  static fromSheet(values: Cell[][] | null, timeZone: string, beforeWeek: LocalDate): HistoryIndex {
    const index = new HistoryIndex();
    if (!values) return index;
    for (let i = 1; i < values.length; i++) {
      const row = decodeHistoryRow(values[i], timeZone);
      if (row === null) {
        if (values[i].some((cell) => cell !== null && cell !== '')) index.unreadableRows.push(i);
        continue;
      }
      if (row.week < beforeWeek) index.add(row);
    }
    return index;
  }

  static fromRows(rows: readonly HistoryRow[]): HistoryIndex {
    const index = new HistoryIndex();
    rows.forEach((row) => index.add(row));
    return index;
  }

  private add(row: HistoryRow): void {
    const key = `${row.studentId}|${row.productId}`;
    const latest = this.latestByKey.get(key);
    if (!latest || latest.week < row.week) this.latestByKey.set(key, row);
    const list = this.rowsByStudent.get(row.studentId) ?? [];
    list.push(row);
    this.rowsByStudent.set(row.studentId, list);
    if (row.productName !== '') this.productNames.set(row.productId, row.productName);
  }

  /** The student's most recent snapshot of a product, if any. */
  latest(studentId: number, productId: number): HistoryRow | undefined {
    return this.latestByKey.get(`${studentId}|${productId}`);
  }

  productName(productId: number): string | undefined {
    return this.productNames.get(productId);
  }

  /** Mean progress over `productIds` per past week with all of them recorded, oldest first. */
  weeklyMeans(studentId: number, productIds: readonly number[]): { week: LocalDate; mean: number }[] {
    const byWeek = new Map<LocalDate, Map<number, number>>();
    for (const row of this.rowsByStudent.get(studentId) ?? []) {
      if (!productIds.includes(row.productId)) continue;
      const week = byWeek.get(row.week) ?? new Map<number, number>();
      week.set(row.productId, row.progress);
      byWeek.set(row.week, week);
    }
    return [...byWeek.entries()]
      .filter(([, values]) => values.size === productIds.length)
      .map(([week, values]) => ({ week, mean: [...values.values()].reduce((a, b) => a + b, 0) / values.size }))
      .sort((a, b) => (a.week < b.week ? -1 : 1));
  }
}
