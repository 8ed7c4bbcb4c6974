// Words of the HTML preview written beside the workbook (src/node/preview), in Brazilian
// Portuguese: its heading, the notes over each table and the charts' captions. Sheet names, headers
// and cells come from the workbook itself.

import { formatCount } from './numbers';

/** The page's title and heading for a synced workbook. */
export function previewTitle(file: string): string {
  return `Progresso Cademi — ${file}`;
}

/** The page's title and heading for the demo's workbook. */
export const DEMO_PREVIEW_TITLE = 'Progresso Cademi — demonstração';

/** The line under the heading: when, how many sheets, how many hidden ones were left out. */
export function previewSummary(generatedAt: string, visibleSheets: number, hiddenSheets: number): string {
  return [
    `Gerado em ${generatedAt}`,
    `${visibleSheets} ${visibleSheets === 1 ? 'aba' : 'abas'}`,
    ...(hiddenSheets > 0 ? [`${hiddenSheets} ${hiddenSheets === 1 ? 'aba oculta não exibida' : 'abas ocultas não exibidas'}`] : []),
  ].join(' · ');
}

/** The accessible name of the row of sheet links. */
export const SHEET_NAV_LABEL = 'Abas da planilha';

/** A workbook with no visible sheet. */
export const NO_SHEETS = 'Nenhuma aba para mostrar.';

/** A sheet without rows. */
export const EMPTY_SHEET = 'Aba vazia.';

/** Over a table: how many data rows it has. */
export function rowCount(rows: number): string {
  return `${formatCount(rows)} ${rows === 1 ? 'linha' : 'linhas'}`;
}

/** Over a long table: only its last rows are shown. */
export function lastRowsShown(shown: number, total: number): string {
  return `mostrando as últimas ${formatCount(shown)} de ${formatCount(total)} linhas`;
}

/** A chart's kind, in its caption. */
export const CHART_KIND_LABEL: Readonly<Record<'line' | 'stacked-column' | 'column', string>> = {
  line: 'gráfico de linhas',
  'stacked-column': 'colunas empilhadas',
  column: 'gráfico de colunas',
};

/** A chart the preview could not draw (the drawing library's own text is English, so it is not shown). */
export function chartNotDrawn(title: string): string {
  return `Não foi possível desenhar o gráfico "${title}". Confira o bloco de dados do gráfico na tabela abaixo.`;
}

/** A series whose header cell is empty. */
export function unnamedSeries(position: number): string {
  return `Série ${position}`;
}

/** A chart with nothing to draw yet (a week-one cohort, an empty block). */
export const NO_CHART_DATA = 'sem dados ainda';

/** The accessible name of an empty chart's card. */
export function emptyChartLabel(title: string): string {
  return `${title}: ${NO_CHART_DATA}`;
}

/** A true/false cell, as Sheets shows it in pt-BR. */
export function booleanText(value: boolean): string {
  return value ? 'VERDADEIRO' : 'FALSO';
}
