// The workbook as one self-contained HTML page (inline CSS and SVG, no scripts, no URLs) to open offline.

import { CHART_KIND_LABEL, chartNotDrawn, EMPTY_SHEET, lastRowsShown, NO_SHEETS, previewSummary, rowCount, SHEET_NAV_LABEL } from '../../core/messages/preview';
import type { ChartSpec } from '../../core/workbook/sheet-specs';
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

const STYLE = `
:root { --frozen-width: 15rem; --rownum-width: 3.5rem; font-family: Arial, Helvetica, sans-serif; color: #202124; }
* { box-sizing: border-box; }
body { margin: 0; background: #f1f3f4; }
.page-header { background: #1a73e8; color: #fff; padding: 16px 24px; }
.page-header h1 { margin: 0 0 4px; font-size: 22px; }
.page-header p { margin: 0; font-size: 13px; opacity: .9; }
nav.tabs { position: sticky; top: 0; z-index: 20; display: flex; flex-wrap: wrap; gap: 4px; padding: 8px 24px 0; background: #e8eaed; border-bottom: 1px solid #dadce0; }
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

/** Classes and offset of a frozen column's cells (sticky at the left, after the row numbers). */
function frozenColumn(column: number, frozenColumns: number): { className: string; left: string } {
  return {
    className: column === frozenColumns - 1 ? 'frozen frozen-last' : 'frozen',
    left: `left: calc(var(--rownum-width) + ${column} * var(--frozen-width))`,
  };
}

function headerCellHtml(value: Cell, column: number, frozenColumns: number): string {
  const text = escapeHtml(displayCell(value, undefined).text);
  if (column >= frozenColumns) return `<th scope="col">${text}</th>`;
  const frozen = frozenColumn(column, frozenColumns);
  return `<th scope="col" class="${frozen.className}" style="${frozen.left}" title="${text}">${text}</th>`;
}

function dataCellHtml(value: Cell, column: number, content: SheetContent): string {
  const frozenColumns = content.frozenColumns ?? 0;
  const display = displayCell(value, content.columnFormats?.[column]);
  const classes: string[] = [];
  const styles: string[] = [];
  if (display.align === 'right') classes.push('num');
  if (display.align === 'center') classes.push('bool');
  if (column < frozenColumns) {
    const frozen = frozenColumn(column, frozenColumns);
    classes.push(frozen.className);
    styles.push(frozen.left);
  }
  const colors = conditionalColors(content.conditionalFormats ?? [], column, value);
  if (colors?.background) styles.push(`background: ${colors.background}`);
  if (colors?.color) styles.push(`color: ${colors.color}`);
  const text = escapeHtml(display.text);
  const title = column < frozenColumns && display.text ? ` title="${text}"` : '';
  return `<td${classes.length ? ` class="${classes.join(' ')}"` : ''}${styles.length ? ` style="${styles.join('; ')}"` : ''}${title}>${text}</td>`;
}

function tableHtml(content: SheetContent, maxRows: number): string {
  const rows = content.rows;
  if (rows.length === 0) return `<p class="note">${EMPTY_SHEET}</p>`;
  const width = rows.reduce((widest, row) => Math.max(widest, row.length), 0);
  const frozenColumns = Math.min(content.frozenColumns ?? 0, width);
  const muted = new Set(content.mutedRows ?? []);
  const dataCount = rows.length - 1;
  const firstShown = Math.max(1, rows.length - maxRows);
  const shownCount = rows.length - firstShown;

  const [header = []] = rows;
  const headerCells = Array.from({ length: width }, (_, column) => headerCellHtml(header[column] ?? null, column, frozenColumns)).join('');
  const body: string[] = [];
  for (const [offset, row] of rows.slice(firstShown).entries()) {
    const index = firstShown + offset;
    const cells = Array.from({ length: width }, (_, column) => dataCellHtml(row[column] ?? null, column, content)).join('');
    body.push(`<tr${muted.has(index) ? ' class="muted"' : ''}><th scope="row" class="rownum">${index + 1}</th>${cells}</tr>`);
  }
  const note = shownCount < dataCount ? `<p class="note truncated">${lastRowsShown(shownCount, dataCount)}</p>` : `<p class="note">${rowCount(dataCount)}</p>`;
  return [
    note,
    '<div class="table-wrap"><table class="grid">',
    `<thead><tr><th class="rownum" scope="col">1</th>${headerCells}</tr></thead>`,
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
  return [
    `<section class="sheet" id="${anchor}" aria-labelledby="${anchor}-titulo"${tabColorStyle(sheet.content)}>`,
    `<h2 id="${anchor}-titulo">${escapeHtml(sheet.name)}</h2>`,
    figures.length ? `<div class="charts">${figures.join('\n')}</div>` : '',
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
 * and per sheet its charts (inline SVG) then its table with number formats, conditional colours,
 * muted rows and a sticky header. Hidden sheets are left out. Every cell, name and title is
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
