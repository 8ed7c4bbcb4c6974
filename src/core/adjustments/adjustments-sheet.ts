// `Ajustes`: cohort moves and dropouts recorded by coordinators, each undoable, never deleted.

import { readDate } from '../config/cells';
import { ADJUSTMENT_NOT_FOUND, invalidAdjustmentDate } from '../messages/adjustments';
import { idOfCell, type StudentId } from '../model/ids';
import { ADJUSTMENT_HEADERS, DATE_FORMAT, SHEET } from '../sheets';
import { type LocalDate, localDateOfSerial, parseLocalDate, serialOfLocalDate } from '../time/local-date';
import type { Cell, Workbook } from '../workbook/workbook';

export type AdjustmentAction = 'Mover' | 'Desistência';

export interface Adjustment {
  /** Stable key: a hash of what the adjustment says (date, student, action, target). */
  readonly id: string;
  /** 0-based row in `Ajustes` (header = 0). */
  readonly row: number;
  /** Moves: the first week under the new cohort. Dropouts: the dropout date. */
  readonly date: LocalDate;
  readonly studentId: StudentId;
  readonly name: string;
  readonly action: AdjustmentAction;
  readonly from: string;
  readonly to: string;
  readonly reason: string;
  readonly by: string;
  readonly undoneAt: LocalDate | null;
}

export type NewAdjustment = Omit<Adjustment, 'id' | 'row' | 'undoneAt'>;

const FORMATS = [DATE_FORMAT, '0', undefined, undefined, undefined, undefined, undefined, undefined, DATE_FORMAT];

function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

function adjustmentId(adjustment: Pick<Adjustment, 'date' | 'studentId' | 'action' | 'to' | 'row'>): string {
  return fnv1a(`${adjustment.row}|${adjustment.date}|${adjustment.studentId}|${adjustment.action}|${adjustment.to}`);
}

const text = (cell: Cell | undefined) => (cell === null || cell === undefined ? '' : String(cell).trim());

/** Reads `Ajustes`; rows a person broke are skipped (and do not take effect). */
export function parseAdjustments(values: Cell[][] | null): Adjustment[] {
  const adjustments: Adjustment[] = [];
  (values ?? []).slice(1).forEach((cells, index) => {
    const row = index + 1;
    const date = readDate(cells[0] ?? null);
    const studentId = idOfCell(cells[1]);
    const action = text(cells[3]);
    if (!date.ok || studentId === null || (action !== 'Mover' && action !== 'Desistência')) return;
    const undone = cells[8] === null || cells[8] === undefined || cells[8] === '' ? null : readDate(cells[8]);
    const base = { row, date: date.value, studentId, action: action as AdjustmentAction, to: text(cells[5]) };
    adjustments.push({
      ...base,
      id: adjustmentId(base),
      name: text(cells[2]),
      from: text(cells[4]),
      reason: text(cells[6]),
      by: text(cells[7]),
      undoneAt: undone?.ok ? undone.value : undone ? localDateOfSerial(0) : null,
    });
  });
  return adjustments;
}

function encode(adjustment: NewAdjustment, undoneAt: LocalDate | null): Cell[] {
  return [
    serialOfLocalDate(adjustment.date),
    adjustment.studentId,
    adjustment.name,
    adjustment.action,
    adjustment.from,
    adjustment.to,
    adjustment.reason,
    adjustment.by,
    undoneAt === null ? null : serialOfLocalDate(undoneAt),
  ];
}

/** Appends one adjustment (creating the sheet on first use) with one read and one write. */
export function appendAdjustment(workbook: Workbook, adjustment: NewAdjustment): Adjustment {
  if (!parseLocalDate(adjustment.date)) throw new Error(invalidAdjustmentDate(adjustment.date));
  const stored = workbook.readSheet(SHEET.adjustments);
  if (stored === null || stored.length === 0) {
    workbook.writeSheet(SHEET.adjustments, { rows: [[...ADJUSTMENT_HEADERS], encode(adjustment, null)], columnFormats: FORMATS, frozenRows: 1 });
  } else {
    workbook.replaceRowsFrom(SHEET.adjustments, stored.length, [encode(adjustment, null)], FORMATS);
  }
  const row = stored === null || stored.length === 0 ? 1 : stored.length;
  return { ...adjustment, row, id: adjustmentId({ ...adjustment, row }), undoneAt: null };
}

/** Marks an adjustment undone (the row stays, for the record). Throws when the id is unknown. */
export function undoAdjustment(workbook: Workbook, id: string, today: LocalDate): Adjustment {
  const values = workbook.readSheet(SHEET.adjustments);
  const adjustment = parseAdjustments(values).find((candidate) => candidate.id === id);
  if (!adjustment) throw new Error(ADJUSTMENT_NOT_FOUND);
  if (adjustment.undoneAt !== null) return adjustment;
  workbook.updateRows(SHEET.adjustments, adjustment.row, [encode(adjustment, today)]);
  return { ...adjustment, undoneAt: today };
}
