// The latest progress each webhook reported, per (student, product), in the hidden `_Webhook` sheet.

import { idOfCell, type ProductId, type StudentId } from '../model/ids';
import type { Cell, Workbook } from '../workbook/workbook';
import type { PushedProgress } from './webhook-events';

const PUSHED_SHEET = '_Webhook';
const HEADERS = ['Aluno ID', 'Produto ID', 'Progresso (%)', 'Recebido em (ms)'] as const;

const keyOf = (studentId: StudentId, productId: ProductId) => `${studentId}|${productId}`;

export function readPushedProgress(workbook: Workbook): Map<string, PushedProgress> {
  const latest = new Map<string, PushedProgress>();
  for (const row of (workbook.readSheet(PUSHED_SHEET) ?? []).slice(1)) {
    // A short row gets NaN for its missing cells, so the check below skips it.
    const studentId = idOfCell(row[0]);
    const productId = idOfCell(row[1]);
    const [percent = Number.NaN, receivedAt = Number.NaN] = row.slice(2, 4).map(Number);
    if (studentId === null || productId === null || ![percent, receivedAt].every(Number.isFinite)) continue;
    const key = keyOf(studentId, productId);
    if ((latest.get(key)?.receivedAt ?? -1) < receivedAt) latest.set(key, { studentId, productId, percent, receivedAt });
  }
  return latest;
}

/** Keeps only the latest value per (student, product): the sheet stays as small as the school. */
export function recordPushedProgress(workbook: Workbook, events: readonly PushedProgress[]): void {
  const latest = readPushedProgress(workbook);
  for (const event of events) {
    const key = keyOf(event.studentId, event.productId);
    if ((latest.get(key)?.receivedAt ?? -1) <= event.receivedAt) latest.set(key, event);
  }
  const rows: Cell[][] = [[...HEADERS], ...[...latest.values()].map((event) => [event.studentId, event.productId, event.percent, event.receivedAt])];
  workbook.writeSheet(PUSHED_SHEET, { rows, hidden: true });
}

export function pushedKey(studentId: StudentId, productId: ProductId): string {
  return keyOf(studentId, productId);
}
