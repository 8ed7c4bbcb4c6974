// How close the spreadsheet is to Google Sheets' 10 million cell limit, and how many weeks are left
// at the current pace, so a school hears about it long before the limit.

import { spreadsheetGrowth } from '../messages/history';

export const SHEETS_CELL_LIMIT = 10_000_000;

/** Fewer weeks left than this, and the run log says ATENÇÃO. */
const WARN_WEEKS_LEFT = 26;

export interface GrowthEstimate {
  readonly cellsUsed: number;
  readonly cellLimit: number;
  /** Cells one more week adds to `Histórico` (its rows × columns). */
  readonly cellsPerWeek: number;
  /** null when nothing grows (no rows this week). */
  readonly weeksLeft: number | null;
}

export function estimateGrowth(cellsUsed: number, rowsPerWeek: number, columns: number): GrowthEstimate {
  const cellsPerWeek = rowsPerWeek * columns;
  const weeksLeft = cellsPerWeek === 0 ? null : Math.max(0, Math.floor((SHEETS_CELL_LIMIT - cellsUsed) / cellsPerWeek));
  return { cellsUsed, cellLimit: SHEETS_CELL_LIMIT, cellsPerWeek, weeksLeft };
}

/** "Planilha: 1,2 mi de 10 mi células (12%). Cerca de 380 semanas restantes neste ritmo." */
export function describeGrowth(growth: GrowthEstimate): string {
  const millions = (cells: number) => (cells / 1_000_000).toFixed(1).replace('.', ',');
  const share = Math.round((100 * growth.cellsUsed) / growth.cellLimit);
  return spreadsheetGrowth(millions(growth.cellsUsed), millions(growth.cellLimit), share, growth.weeksLeft, WARN_WEEKS_LEFT);
}
