// What the job needs from past weeks: each student's latest snapshot per product (to carry values
// forward without a call) and their weekly progress means (to count weeks without progress).

import type { ProductId, StudentId } from '../model/ids';
import type { LocalDate } from '../time/local-date';
import type { Cell } from '../workbook/workbook';
import { decodeHistoryRow, type HistoryRow } from './schema';

export class HistoryIndex {
  private readonly latestByKey = new Map<string, HistoryRow>();
  private readonly rowsByStudent = new Map<StudentId, HistoryRow[]>();
  /** Each product's Cademi name, from the latest week that recorded one (any week: a name is a name). */
  private readonly productNames = new Map<ProductId, { week: LocalDate; name: string }>();
  /** Students by e-mail (trimmed, lower case), from every week: what matches a student across the v1 → v3 switch. */
  private readonly idsByEmail = new Map<string, Set<StudentId>>();
  /** Cohorts with at least one row in any week, this one included. */
  private readonly cohortsWithRows = new Set<string>();
  /** Rows a person broke (unreadable); they are left in place and reported, never deleted. */
  readonly unreadableRows: number[] = [];

  /**
   * Indexes the stored rows of weeks strictly before `beforeWeek` for snapshots and means; product
   * names and the cohorts that have rows come from every week.
   */
  static fromSheet(values: Cell[][] | null, timeZone: string, beforeWeek: LocalDate): HistoryIndex {
    const index = new HistoryIndex();
    if (!values) return index;
    for (const [i, cells] of values.entries()) {
      if (i === 0) continue; // the header
      const row = decodeHistoryRow(cells, timeZone);
      if (row === null) {
        if (cells.some((cell) => cell !== null && cell !== '')) index.unreadableRows.push(i);
        continue;
      }
      index.note(row);
      if (row.week < beforeWeek) index.add(row);
    }
    return index;
  }

  static fromRows(rows: readonly HistoryRow[]): HistoryIndex {
    const index = new HistoryIndex();
    rows.forEach((row) => {
      index.note(row);
      index.add(row);
    });
    return index;
  }

  /** What any week tells: the product's name (the stand-in `Produto N` is no name) and that the cohort has rows. */
  private note(row: HistoryRow): void {
    this.cohortsWithRows.add(row.cohort);
    const email = emailKey(row.email);
    if (email !== '') this.idsByEmail.set(email, (this.idsByEmail.get(email) ?? new Set()).add(row.studentId));
    const name = row.productName.trim();
    if (name === '' || name === standInProductName(row.productId)) return;
    const known = this.productNames.get(row.productId);
    if (!known || known.week <= row.week) this.productNames.set(row.productId, { week: row.week, name: row.productName });
  }

  /** The ids the history knows a student by, from their e-mail (empty for an unknown or blank one). */
  studentsWithEmail(email: string): StudentId[] {
    const key = emailKey(email);
    return key === '' ? [] : [...(this.idsByEmail.get(key) ?? [])];
  }

  private add(row: HistoryRow): void {
    const key = `${row.studentId}|${row.productId}`;
    const latest = this.latestByKey.get(key);
    if (!latest || latest.week < row.week) this.latestByKey.set(key, row);
    const list = this.rowsByStudent.get(row.studentId) ?? [];
    list.push(row);
    this.rowsByStudent.set(row.studentId, list);
  }

  /** The student's most recent snapshot of a product, if any. */
  latest(studentId: StudentId, productId: ProductId): HistoryRow | undefined {
    return this.latestByKey.get(`${studentId}|${productId}`);
  }

  /** The product's name as Cademi gave it in some run, or undefined when no row recorded a real one. */
  productName(productId: ProductId): string | undefined {
    return this.productNames.get(productId)?.name;
  }

  /** True when some week of the history has rows of this cohort. */
  hasRowsOf(cohort: string): boolean {
    return this.cohortsWithRows.has(cohort);
  }

  /** Mean progress over `productIds` per past week with all of them recorded, oldest first. */
  weeklyMeans(studentId: StudentId, productIds: readonly ProductId[]): { week: LocalDate; mean: number }[] {
    const byWeek = new Map<LocalDate, Map<ProductId, number>>();
    for (const row of this.rowsByStudent.get(studentId) ?? []) {
      if (!productIds.includes(row.productId)) continue;
      const week = byWeek.get(row.week) ?? new Map<ProductId, number>();
      week.set(row.productId, row.progress);
      byWeek.set(row.week, week);
    }
    return [...byWeek.entries()]
      .filter(([, values]) => values.size === productIds.length)
      .map(([week, values]) => ({ week, mean: [...values.values()].reduce((a, b) => a + b, 0) / values.size }))
      .sort((a, b) => (a.week < b.week ? -1 : 1));
  }
}

/** What a row says when a product's name was never known (the runs before names were kept wrote it). */
export function standInProductName(productId: ProductId): string {
  return `Produto ${productId}`;
}

/** An e-mail as matching compares it: trimmed, lower case (Cademi keeps what people typed). */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}
