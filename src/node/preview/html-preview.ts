// The workbook as one self-contained HTML page (inline CSS and SVG, no scripts, no URLs) to open offline.

import { CHART_KIND_LABEL, chartNotDrawn, EMPTY_SHEET, lastRowsShown, NO_SHEETS, previewSummary, rowCount, SHEET_NAV_LABEL } from '../../core/messages/preview';
import { columnWidthsOf } from '../../core/workbook/column-widths';
import type { ChartSpec, RowStyle } from '../../core/workbook/sheet-specs';
import type { Cell, SheetContent } from '../../core/workbook/workbook';
import { conditionalColors, displayCell, safeColor } from './cell-format';
import { renderChartSvg } from './chart-svg';
import { escapeHtml } from './escape-html';

export interface PreviewSheet {
  readonly name: string;
  readonly content: SheetContent;
}

export interface PreviewOptions {
  /** The page's heading, e.g. the school's name. */
  readonly title: string;
  /** When the workbook was built, already formatted for people (shown as given). */
  readonly generatedAt: string;
  /** Data rows shown per sheet; longer sheets show their last rows. Default 1500. */
  readonly maxRowsPerSheet?: number;
}

const DEFAULT_MAX_ROWS_PER_SHEET = 1500;

/**
 * The page's CSS. The sheet tabs stay on one line and scroll sideways, as a spreadsheet's tab bar: a
 * sticky nav wrapped over two or more lines grew taller than the sections' `scroll-margin-top` and
 * covered the heading a tab link jumps to.
 */
const STYLE = `
:root { --frozen-width: 15rem; --rownum-width: 3.5rem; font-family: Arial, Helvetica, sans-serif; color: #202124; }
* { box-sizing: border-box; }
body { margin: 0; background: #f1f3f4; }
.page-header { background: #1a73e8; color: #fff; padding: 16px 24px; }
.page-header h1 { margin: 0 0 4px; font-size: 22px; }
.page-header p { margin: 0; font-size: 13px; opacity: .9; }
nav.tabs { position: sticky; top: 0; z-index: 20; display: flex; flex-wrap: nowrap; overflow-x: auto; gap: 4px; padding: 8px 24px 0; background: #e8eaed; border-bottom: 1px solid #dadce0; }
nav.tabs a { display: block; padding: 6px 14px; font-size: 13px; color: #3c4043; text-decoration: none; background: #fff; border: 1px solid #dadce0; border-bottom: none; border-top: 4px solid var(--tab-color, #dadce0); border-radius: 6px 6px 0 0; white-space: nowrap; }
nav.tabs a:hover, nav.tabs a:focus { background: #e8f0fe; }
main { padding: 8px 24px 48px; }
section.sheet { margin: 16px 0 32px; padding: 16px; background: #fff; border: 1px solid #dadce0; border-left: 6px solid var(--tab-color, #dadce0); border-radius: 6px; scroll-margin-top: 56px; }
section.sheet h2 { margin: 0 0 12px; font-size: 18px; }
.charts { display: flex; flex-wrap: wrap; align-items: flex-start; gap: 16px; margin-bottom: 16px; }
figure.chart { margin: 0; padding: 8px; border: 1px solid #e8eaed; border-radius: 6px; background: #fff; }
figure.chart svg { display: block; max-width: 100%; height: auto; }
figure.chart figcaption { margin-top: 4px; font-size: 12px; color: #5f6368; }
figure.chart-error { padding: 12px; color: #a50e0e; background: #fce8e6; }
p.note { margin: 0 0 8px; font-size: 13px; color: #5f6368; }
p.note.truncated { color: #7f5a00; background: #fef7e0; padding: 6px 10px; border-radius: 4px; display: inline-block; }
.table-wrap { max-height: 70vh; overflow: auto; border: 1px solid #dadce0; }
table.grid { border-collapse: separate; border-spacing: 0; font-size: 12px; }
table.grid th, table.grid td { padding: 3px 8px; border-right: 1px solid #e8eaed; border-bottom: 1px solid #e8eaed; white-space: nowrap; background-clip: padding-box; }
table.grid thead th { position: sticky; top: 0; z-index: 3; background: #f8f9fa; font-weight: bold; text-align: left; border-bottom: 2px solid #bdc1c6; }
table.grid td { background: #fff; }
table.grid .rownum { position: sticky; left: 0; z-index: 2; width: var(--rownum-width); min-width: var(--rownum-width); max-width: var(--rownum-width); text-align: right; color: #80868b; background: #f8f9fa; font-weight: normal; }
table.grid thead .rownum { z-index: 5; }
table.grid .frozen { position: sticky; z-index: 2; width: var(--frozen-width); min-width: var(--frozen-width); max-width: var(--frozen-width); overflow: hidden; text-overflow: ellipsis; }
table.grid thead .frozen { z-index: 4; }
table.grid .frozen-last { box-shadow: 2px 0 0 #bdc1c6; }
table.grid td.num { text-align: right; font-variant-numeric: tabular-nums; }
table.grid td.bool { text-align: center; }
table.grid td.wrap, table.grid th.wrap { white-space: normal; }
.sheet-titles { margin: 0 0 10px; }
.sheet-titles p { margin: 0 0 4px; font-size: 13px; }
table.grid tr.muted td { color: #9aa0a6; }
table.grid tbody tr:hover td { filter: brightness(.97); }
@media print { nav.tabs { position: static; } .table-wrap { max-height: none; overflow: visible; } }
`;

/** Anchor of the n-th visible sheet; never derived from the (untrusted) sheet name. */
function sheetAnchor(index: number): string {
  return `aba-${index + 1}`;
}

function tabColorStyle(content: SheetContent): string {
  const color = safeColor(content.tabColor);
  return color ? ` style="--tab-color: ${color}"` : '';
}

/** Classes and offset of a frozen column's cells (sticky at the left, after the row numbers); `position` counts shown columns. */
function frozenColumn(position: number, frozenCount: number): { className: string; left: string } {
  return {
    className: position === frozenCount - 1 ? 'frozen frozen-last' : 'frozen',
    left: `left: calc(var(--rownum-width) + ${position} * var(--frozen-width))`,
  };
}

/** How the sheet's table is laid out for the page: which columns show, which stay frozen, how wide each is. */
interface Layout {
  readonly content: SheetContent;
  readonly headerRow: number;
  /** Sheet columns shown, in order (hidden columns are left out, as the hosts hide them). */
  readonly columns: readonly number[];
  /** Shown columns at the left that stay in view (the sheet's frozen ones that are not hidden). */
  readonly frozenCount: number;
  readonly widths: readonly number[];
  readonly wrapped: ReadonlySet<number>;
  readonly styles: ReadonlyMap<number, RowStyle>;
}

function layoutOf(content: SheetContent): Layout {
  const width = content.rows.reduce((widest, row) => Math.max(widest, row.length), 0);
  const hidden = new Set(content.hiddenColumns ?? []);
  const columns = Array.from({ length: width }, (_, column) => column).filter((column) => !hidden.has(column));
  const frozen = Math.min(content.frozenColumns ?? 0, width);
  return {
    content,
    headerRow: Math.max(0, Math.min(content.headerRow ?? 0, content.rows.length - 1)),
    columns,
    frozenCount: columns.filter((column) => column < frozen).length,
    widths: columnWidthsOf(content),
    wrapped: new Set(content.wrappedColumns ?? []),
    styles: new Map((content.rowStyles ?? []).map((style) => [style.row, style])),
  };
}

/** CSS of a row style (bold, colours, size), each value checked before it reaches the page. */
function rowStyleCss(style: RowStyle | undefined): string[] {
  if (!style) return [];
  const css: string[] = [];
  if (style.bold) css.push('font-weight: bold');
  const background = safeColor(style.background);
  if (background) css.push(`background: ${background}`);
  const color = safeColor(style.fontColor);
  if (color) css.push(`color: ${color}`);
  if (style.fontSize !== undefined && Number.isFinite(style.fontSize) && style.fontSize > 0 && style.fontSize <= 36) css.push(`font-size: ${style.fontSize}pt`);
  return css;
}

/** Sets one CSS property in `styles`, replacing the row style's value for it. */
function setStyle(styles: string[], property: string, value: string): void {
  const at = styles.findIndex((style) => style.startsWith(`${property}:`));
  if (at >= 0) styles.splice(at, 1);
  styles.push(`${property}: ${value}`);
}

function headerCellHtml(layout: Layout, value: Cell, column: number, position: number): string {
  const text = escapeHtml(displayCell(value, undefined).text);
  const classes = layout.wrapped.has(column) ? ['wrap'] : [];
  const styles = [`min-width: ${layout.widths[column] ?? 0}px`, ...(layout.wrapped.has(column) ? [`max-width: ${layout.widths[column] ?? 0}px`] : [])];
  if (position >= layout.frozenCount)
    return `<th scope="col"${classes.length ? ` class="${classes.join(' ')}"` : ''} style="${styles.join('; ')}">${text}</th>`;
  const frozen = frozenColumn(position, layout.frozenCount);
  return `<th scope="col" class="${frozen.className}" style="${frozen.left}" title="${text}">${text}</th>`;
}

function dataCellHtml(layout: Layout, value: Cell, row: number, column: number, position: number): string {
  const { content } = layout;
  const display = displayCell(value, content.columnFormats?.[column]);
  const classes: string[] = [];
  // The row's own look first; a colour rule over the cell wins over it, as in Sheets.
  const styles: string[] = rowStyleCss(layout.styles.get(row));
  if (display.align === 'right') classes.push('num');
  if (display.align === 'center') classes.push('bool');
  if (layout.wrapped.has(column)) {
    classes.push('wrap');
    styles.push(`max-width: ${layout.widths[column] ?? 0}px`);
  }
  if (position < layout.frozenCount) {
    const frozen = frozenColumn(position, layout.frozenCount);
    classes.push(frozen.className);
    styles.push(frozen.left);
  }
  const colors = conditionalColors(content.conditionalFormats ?? [], column, value);
  if (colors?.background) setStyle(styles, 'background', colors.background);
  if (colors?.color) setStyle(styles, 'color', colors.color);
  const text = escapeHtml(display.text);
  const title = position < layout.frozenCount && display.text ? ` title="${text}"` : '';
  return `<td${classes.length ? ` class="${classes.join(' ')}"` : ''}${styles.length ? ` style="${styles.join('; ')}"` : ''}${title}>${text}</td>`;
}

/** True when no shown column of the row holds anything. */
function isBlankRow(layout: Layout, cells: readonly Cell[] | undefined): boolean {
  return layout.columns.every((column) => displayCell(cells?.[column] ?? null, undefined).text.trim() === '');
}

/**
 * The rows `from`…`to` (exclusive) above the header (a title, a headline, a legend, a caption) as
 * lines of text, styled as the sheet styles them; empty rows are left out.
 */
function titleHtml(layout: Layout, from: number, to: number): string {
  const lines: string[] = [];
  for (let row = from; row < Math.min(to, layout.headerRow); row++) {
    const cells = layout.content.rows[row] ?? [];
    const text = layout.columns
      .map((column) => displayCell(cells[column] ?? null, undefined).text)
      .filter((part) => part.trim() !== '')
      .join(' ');
    if (text === '') continue;
    const css = rowStyleCss(layout.styles.get(row));
    lines.push(`<p${css.length ? ` style="${css.join('; ')}"` : ''}>${escapeHtml(text)}</p>`);
  }
  return lines.length ? `<div class="sheet-titles">${lines.join('\n')}</div>` : '';
}

function tableHtml(content: SheetContent, maxRows: number): string {
  if (content.rows.length === 0) return `<p class="note">${EMPTY_SHEET}</p>`;
  const layout = layoutOf(content);
  const { headerRow } = layout;
  // Rows with nothing in sight (under a hidden chart block) are not rows a reader sees.
  let end = content.rows.length;
  while (end > headerRow + 1 && isBlankRow(layout, content.rows[end - 1])) end--;
  const rows = content.rows.slice(0, end);
  const muted = new Set(content.mutedRows ?? []);
  const dataCount = rows.length - headerRow - 1;
  const firstShown = Math.max(headerRow + 1, rows.length - maxRows);
  const shownCount = rows.length - firstShown;

  const header = rows[headerRow] ?? [];
  const headerCells = layout.columns.map((column, position) => headerCellHtml(layout, header[column] ?? null, column, position)).join('');
  const body: string[] = [];
  for (const [offset, row] of rows.slice(firstShown).entries()) {
    const index = firstShown + offset;
    const cells = layout.columns.map((column, position) => dataCellHtml(layout, row[column] ?? null, index, column, position)).join('');
    body.push(`<tr${muted.has(index) ? ' class="muted"' : ''}><th scope="row" class="rownum">${index + 1}</th>${cells}</tr>`);
  }
  const note = shownCount < dataCount ? `<p class="note truncated">${lastRowsShown(shownCount, dataCount)}</p>` : `<p class="note">${rowCount(dataCount)}</p>`;
  return [
    note,
    '<div class="table-wrap"><table class="grid">',
    `<thead><tr><th class="rownum" scope="col">${headerRow + 1}</th>${headerCells}</tr></thead>`,
    `<tbody>${body.join('\n')}</tbody>`,
    '</table></div>',
  ].join('\n');
}

async function chartHtml(spec: ChartSpec, rows: readonly (readonly Cell[])[]): Promise<string> {
  const id = escapeHtml(spec.id);
  const caption = `${escapeHtml(spec.title)} — ${CHART_KIND_LABEL[spec.kind] ?? escapeHtml(String(spec.kind))}`;
  try {
    const svg = await renderChartSvg(spec, rows as Cell[][]);
    return `<figure class="chart" data-chart-id="${id}">${svg}<figcaption>${caption}</figcaption></figure>`;
  } catch {
    // The drawing library's message is English: the caption and the data block tell what to check.
    return [
      `<figure class="chart chart-error" data-chart-id="${id}">`,
      `<p>${escapeHtml(chartNotDrawn(spec.title))}</p>`,
      `<figcaption>${caption}</figcaption></figure>`,
    ].join('');
  }
}

async function sheetHtml(sheet: PreviewSheet, index: number, maxRows: number): Promise<string> {
  const anchor = sheetAnchor(index);
  const charts = [...(sheet.content.charts ?? [])].sort((a, b) => a.position.row - b.position.row || a.position.column - b.position.column);
  const figures: string[] = [];
  for (const spec of charts) figures.push(await chartHtml(spec, sheet.content.rows));
  // Title rows above the first chart read before the charts (a headline); those below it (a caption
  // over the data) after them, just above the table, as in the sheet.
  const layout = sheet.content.rows.length ? layoutOf(sheet.content) : null;
  const split = Math.min(layout?.headerRow ?? 0, ...charts.map((spec) => spec.position.row));
  return [
    `<section class="sheet" id="${anchor}" aria-labelledby="${anchor}-titulo"${tabColorStyle(sheet.content)}>`,
    `<h2 id="${anchor}-titulo">${escapeHtml(sheet.name)}</h2>`,
    layout ? titleHtml(layout, 0, split) : '',
    figures.length ? `<div class="charts">${figures.join('\n')}</div>` : '',
    layout ? titleHtml(layout, split, layout.headerRow) : '',
    tableHtml(sheet.content, maxRows),
    '</section>',
  ].join('\n');
}

function rowLimit(option: number | undefined): number {
  if (option === undefined || !Number.isFinite(option)) return DEFAULT_MAX_ROWS_PER_SHEET;
  return Math.max(1, Math.floor(option));
}

/**
 * One self-contained HTML page of the workbook: a header, a nav of the sheets (tab colours kept),
 * and per sheet its title rows, its charts (inline SVG), then its table from its header row, with
 * number formats, widths, wrapped and hidden columns, row styles, conditional colours, muted rows
 * and a sticky header. Cell links (a WhatsApp number) show as their text: the page holds no URL. Hidden sheets are left out. Every cell, name and title is
 * HTML-escaped: names from the API are shown as text, never as markup or formulas.
 */
export async function renderPreviewHtml(sheets: readonly PreviewSheet[], options: PreviewOptions): Promise<string> {
  const maxRows = rowLimit(options.maxRowsPerSheet);
  const visible = sheets.filter((sheet) => !sheet.content.hidden);
  const hiddenCount = sheets.length - visible.length;
  const sections: string[] = [];
  for (const [index, sheet] of visible.entries()) sections.push(await sheetHtml(sheet, index, maxRows));
  const tabs = visible.map((sheet, index) => `<a href="#${sheetAnchor(index)}"${tabColorStyle(sheet.content)}>${escapeHtml(sheet.name)}</a>`).join('\n');
  const summary = escapeHtml(previewSummary(options.generatedAt, visible.length, hiddenCount));
  return [
    '<!doctype html>',
    '<html lang="pt-BR">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(options.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<header class="page-header"><h1>${escapeHtml(options.title)}</h1><p>${summary}</p></header>`,
    `<nav class="tabs" aria-label="${SHEET_NAV_LABEL}">${tabs}</nav>`,
    '<main>',
    visible.length ? sections.join('\n') : `<p class="note">${NO_SHEETS}</p>`,
    '</main>',
    '</body>',
    '</html>',
  ].join('\n');
}
