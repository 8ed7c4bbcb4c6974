// Rolling `Histórico` over before Sheets' 10 million cell limit: the oldest whole weeks move to an
// archive, the latest weeks stay, and the reports keep working over what stays.

import { SHEET } from '../sheets';
import type { LocalDate } from '../time/local-date';
import type { Cell } from '../workbook/workbook';
import { SHEETS_CELL_LIMIT } from './growth';
import { HISTORY_HEADERS, weekOfCell } from './schema';

export interface RolloverOptions {
  /** Cells the spreadsheet holds now, across all sheets (Workbook.cellCount()). */
  readonly cellsUsed: number;
  /** Default 10,000,000 (Google Sheets). */
  readonly cellLimit?: number;
  /** Act when cellsUsed is above this share of the limit. Default 0.8. */
  readonly threshold?: number;
  /** Archive until the use falls below this share of the limit, when the kept weeks allow. Default 0.6. */
  readonly targetShare?: number;
  /** The latest weeks that are never archived. Default 26 (half a year of reports and trends). */
  readonly keepWeeks?: number;
  /** Cells one row frees (Sheets counts the sheet's grid width). Default: the table's width. */
  readonly cellsPerRow?: number;
}

export interface RolloverPlan {
  /** Header + the rows of the archived weeks, in their order in the sheet. */
  readonly archive: Cell[][];
  /** Header + every other row (including rows whose week cannot be read), in their order. */
  readonly keep: Cell[][];
  /** The archived weeks, oldest first. */
  readonly archivedWeeks: LocalDate[];
}

export const ROLLOVER_DEFAULTS = { threshold: 0.8, targetShare: 0.6, keepWeeks: 26 } as const;

/**
 * Plans which weeks leave `Histórico` (its values, header first). Returns null when nothing needs to
 * move: the use is at or under the threshold, or every week present is among the latest `keepWeeks`.
 * Only whole weeks move, oldest first; rows whose week cannot be read always stay (never lost).
 */
export function planRollover(values: Cell[][] | null, options: RolloverOptions): RolloverPlan | null {
  const cellLimit = options.cellLimit ?? SHEETS_CELL_LIMIT;
  const threshold = options.threshold ?? ROLLOVER_DEFAULTS.threshold;
  const targetShare = Math.min(options.targetShare ?? ROLLOVER_DEFAULTS.targetShare, threshold);
  const keepWeeks = Math.max(0, options.keepWeeks ?? ROLLOVER_DEFAULTS.keepWeeks);
  const header = values?.[0];
  if (values === null || header === undefined || values.length <= 1 || options.cellsUsed <= threshold * cellLimit) return null;

  const body = values.slice(1).map((row) => ({ row, week: weekOfCell(row[0]) }));
  // A row costs the table's full width in cells, whatever its own length (loop: no spread over huge arrays).
  let width = Math.max(header.length, HISTORY_HEADERS.length);
  for (const { row } of body) if (row.length > width) width = row.length;
  const cellsPerRow = Math.max(width, options.cellsPerRow ?? 0);
  const rowsPerWeek = new Map<LocalDate, number>();
  for (const { week } of body) if (week !== null) rowsPerWeek.set(week, (rowsPerWeek.get(week) ?? 0) + 1);

  const weeks = [...rowsPerWeek.keys()].sort();
  const archivable = weeks.slice(0, Math.max(0, weeks.length - keepWeeks));
  const target = targetShare * cellLimit;
  const archived = new Set<LocalDate>();
  let cells = options.cellsUsed;
  for (const week of archivable) {
    if (cells < target) break;
    archived.add(week);
    cells -= (rowsPerWeek.get(week) ?? 0) * cellsPerRow;
  }
  if (archived.size === 0) return null;

  const archive: Cell[][] = [header];
  const keep: Cell[][] = [header];
  for (const { row, week } of body) (week !== null && archived.has(week) ? archive : keep).push(row);
  return { archive, keep, archivedWeeks: [...archived] };
}

/** The archive's name for a range of weeks: `Histórico 2026-01-05 a 2026-06-29`. */
export function archiveName(firstWeek: LocalDate, lastWeek: LocalDate): string {
  return `${SHEET.history} ${firstWeek} a ${lastWeek}`;
}
