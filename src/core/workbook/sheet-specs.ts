// Formatting and chart instructions as plain data: hosts turn them into Sheets rules/charts or .xlsx parts.

/** A colour stop of a colour scale; `value` is a number in the cells' own unit. */
export interface GradientPoint {
  readonly color: string;
  readonly value: number;
}

/**
 * A conditional format over the data rows (the header row excluded). Column indices are 0-based;
 * `columnRange` is inclusive at both ends.
 */
export type ConditionalFormatSpec =
  | {
      readonly kind: 'gradient';
      readonly columnRange: readonly [number, number];
      readonly min: GradientPoint;
      readonly mid?: GradientPoint;
      readonly max: GradientPoint;
    }
  | {
      readonly kind: 'text-equals';
      readonly column: number;
      readonly text: string;
      /** null leaves the background alone (only the font changes). */
      readonly background: string | null;
      readonly fontColor: string;
    };

/**
 * What a column's data rows accept (the header and any title rows above it excluded): a real date, or
 * one of a list (a dropdown). Both hosts reject other input with the rule's pt-BR help text.
 */
export type ValidationSpec =
  | { readonly kind: 'date'; readonly column: number; readonly helpText: string }
  | { readonly kind: 'list'; readonly column: number; readonly values: readonly string[]; readonly helpText: string };

/**
 * Rows past the last data row that a validation still covers (in both hosts), so a row a person types
 * just below the table gets the same date check or dropdown; the header and title rows never do.
 */
export const VALIDATION_SPARE_ROWS = 100;

/** A link on one cell (0-based): the cell shows its own text, a click opens `url`. */
export interface CellLink {
  readonly row: number;
  readonly column: number;
  readonly url: string;
}

/** How one whole row (0-based) looks: a title, a tutor's band. Unset properties keep the defaults. */
export interface RowStyle {
  readonly row: number;
  readonly bold?: boolean;
  readonly background?: string;
  readonly fontColor?: string;
  /** Points; the default is the host's (10 in Sheets, 11 in the .xlsx). */
  readonly fontSize?: number;
}

/** A 0-based block of a sheet's table: first column = categories, first row = series names. */
export interface TableRange {
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
}

export interface ChartSeries {
  readonly name: string;
  readonly dashed?: boolean;
  readonly color?: string;
}

export type ChartKind = 'line' | 'stacked-column' | 'column';

export interface ChartSpec {
  /**
   * What the chart is (e.g. 'progress-curve'), unique within its sheet and never derived from its title
   * or a cohort's name (the sheet is the cohort's): hosts find the chart placed under this id and
   * update it in place, so a reworded title or a renamed cohort never duplicates it.
   */
  readonly id: string;
  readonly title: string;
  readonly kind: ChartKind;
  readonly xTitle: string;
  readonly yTitle: string;
  /** Where the chart's data is in the sheet's table; may hold only the header row when there is no data yet. */
  readonly range: TableRange;
  /** One per data column of `range`, in order. */
  readonly series: readonly ChartSeries[];
  /** The 0-based cell of the chart's top-left corner. */
  readonly position: { readonly row: number; readonly column: number };
}
