// A report chart as a PNG for the .xlsx (exceljs places images, not charts): the preview's SVG, rasterised by resvg.

import { renderAsync } from '@resvg/resvg-js';
import type { ChartSpec } from '../../core/workbook/sheet-specs';
import type { Cell } from '../../core/workbook/workbook';
import { renderChartSvg } from './chart-svg';

/** Pixels per display pixel: drawn at twice the size it is shown, so it stays sharp on dense screens and when zoomed. */
export const CHART_PNG_SCALE = 2;

/**
 * The family resvg falls back to for an unnamed or generic font. Liberation Sans comes with LibreOffice
 * on Debian and has Arial's metrics (the SVG's first choice); when it is missing resvg takes the first
 * system font it found, and the SVG's own stack names DejaVu Sans before the generic family.
 */
const FALLBACK_FONT_FAMILY = 'Liberation Sans';

export interface ChartPng {
  readonly png: Uint8Array;
  /** The size, in pixels, the image should occupy in the sheet (the PNG itself is CHART_PNG_SCALE times larger). */
  readonly width: number;
  readonly height: number;
}

/** Renders a report chart to a PNG through the same SVG as the HTML preview; an empty block gives the "sem dados ainda" card. */
export async function renderChartPng(spec: ChartSpec, rows: readonly (readonly Cell[])[]): Promise<ChartPng> {
  const svg = await renderChartSvg(spec, rows);
  const image = await renderAsync(svg, {
    fitTo: { mode: 'zoom', value: CHART_PNG_SCALE },
    background: '#ffffff',
    font: { loadSystemFonts: true, defaultFontFamily: FALLBACK_FONT_FAMILY, sansSerifFamily: FALLBACK_FONT_FAMILY },
    // resvg's warnings (a missing font family) are English and would land on the CLI's stderr.
    logLevel: 'off',
  });
  return { png: new Uint8Array(image.asPng()), width: image.width / CHART_PNG_SCALE, height: image.height / CHART_PNG_SCALE };
}
