// How close the spreadsheet is to Google Sheets' 10 million cell limit, and how many weeks are left
// at the current pace, so a school hears about it long before the limit.

export const SHEETS_CELL_LIMIT = 10_000_000;

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

/** "Planilha: 1,2 mi de 10 mi células (12%); cerca de 380 semanas restantes neste ritmo." */
export function describeGrowth(growth: GrowthEstimate): string {
  const millions = (cells: number) => (cells / 1_000_000).toFixed(1).replace('.', ',');
  const share = Math.round((100 * growth.cellsUsed) / growth.cellLimit);
  const weeks = growth.weeksLeft === null ? '' : growth.weeksLeft < 26
    ? ` ATENÇÃO: cerca de ${growth.weeksLeft} semana${growth.weeksLeft === 1 ? '' : 's'} até o limite; arquive semanas antigas do Histórico.`
    : ` Cerca de ${growth.weeksLeft} semanas restantes neste ritmo.`;
  return `Planilha: ${millions(growth.cellsUsed)} mi de ${millions(growth.cellLimit)} mi células (${share}%).${weeks}`;
}
