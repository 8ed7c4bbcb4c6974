// The offline HTML preview: formats, colours, escaping, truncation, charts; then drawn in headless Chromium.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildReportSheets } from '../../src/core/report/report-sheets';
import { CHART_SIZE_PX } from '../../src/core/workbook/chart-frame';
import type { ChartSpec, ConditionalFormatSpec } from '../../src/core/workbook/sheet-specs';
import type { Cell, SheetContent } from '../../src/core/workbook/workbook';
import { chartToVegaLite, escapeHtml, type PreviewSheet, renderChartSvg, renderPreviewHtml } from '../../src/node/preview';
import { conditionalColors, displayCell, gradientColor } from '../../src/node/preview/cell-format';
import { config, SCENARIO } from '../core/report/fixtures';
import { CHROMIUM, itWithTool, launchChromium } from '../support/external-tools';

const OUT_DIR = resolve(__dirname, '../../out');
const HTML_PATH = join(OUT_DIR, 'preview-test.html');
const PNG_PATH = join(OUT_DIR, 'preview-test.png');

const INJECTED_NAME = '<img src=x onerror=alert(1)>';
const FORMULA_NAME = '=HYPERLINK("http://x","Clique")';
const SCRIPT_CELL = '<script>alert("x")</script>';
const SCRIPT_SHEET = 'Notas <script>alert(1)</script>';

/** 2026-03-16 as a spreadsheet serial number. */
const MARCH_16 = 46097;

const SITUATION_RULES: ConditionalFormatSpec[] = [
  { kind: 'text-equals', column: 2, text: 'Em risco', background: '#f4c7c3', fontColor: '#a50e0e' },
  { kind: 'text-equals', column: 2, text: 'Atrasado', background: '#fce8b2', fontColor: '#7f5a00' },
  { kind: 'text-equals', column: 2, text: 'Em dia', background: '#b7e1cd', fontColor: '#0d652d' },
  { kind: 'text-equals', column: 2, text: 'Desistente', background: null, fontColor: '#9aa0a6' },
];

const PIVOT_TITLE = 'Turma A · Tutor: Ana Souza · semana 3 (16/03/2026)';
const PIVOT_LEGEND = 'Cores: distância até o esperado da semana';

function pivotSheet(): PreviewSheet {
  const rows: Cell[][] = [
    [PIVOT_TITLE, null, null, null, null, null, null, null, null, null],
    [PIVOT_LEGEND],
    [
      'Aluno',
      'E-mail',
      'Situação',
      'Última semana',
      'Progresso (%)',
      'Diferença do esperado (pontos)',
      'Semanas sem avanço',
      'Módulo 1 (%)',
      'Módulo 2 (%)',
      'Chave',
    ],
    ['Ana Souza', 'ana@example.com', 'Em dia', MARCH_16, 82.25, 7.5, 0, 100, 64.5, 'chave-oculta-1'],
    [INJECTED_NAME, 'x@example.com', 'Em risco', MARCH_16, 12, -20, 3, 24, 0, 'chave-oculta-2'],
    [FORMULA_NAME, 'y@example.com', 'Atrasado', MARCH_16 - 7, 45.5, -6, 1, 91, 0, 'chave-oculta-3'],
    ['Bruno Lima', 'bruno@example.com', 'Desistente', MARCH_16 - 28, 5, -30, 4, 1234.5, 0, 'chave-oculta-4'],
  ];
  return {
    name: 'Turma A',
    content: {
      rows,
      headerRow: 2,
      columnFormats: [undefined, undefined, undefined, 'dd/mm/yyyy', '#,##0.0', '+#,##0.0;-#,##0.0;0.0', '#,##0', '#,##0.0', '0.0'],
      rowStyles: [
        { row: 0, bold: true, fontSize: 12 },
        { row: 1, fontColor: '#5f6368' },
        { row: 3, background: '#fef7e0' },
      ],
      hiddenColumns: [9],
      wrappedColumns: [1],
      frozenRows: 3,
      frozenColumns: 1,
      filter: true,
      conditionalFormats: [
        ...SITUATION_RULES,
        {
          kind: 'gradient',
          columnRange: [4, 4],
          min: { color: '#e67c73', value: 0 },
          mid: { color: '#ffd666', value: 50 },
          max: { color: '#57bb8a', value: 100 },
        },
        {
          kind: 'gradient',
          columnRange: [5, 5],
          min: { color: '#e67c73', value: -15 },
          mid: { color: '#ffffff', value: 0 },
          max: { color: '#57bb8a', value: 15 },
        },
        { kind: 'gradient', columnRange: [6, 6], min: { color: '#ffffff', value: 0 }, max: { color: '#e67c73', value: 3 } },
        {
          kind: 'gradient',
          columnRange: [7, 8],
          min: { color: '#e67c73', value: 0 },
          mid: { color: '#ffd666', value: 50 },
          max: { color: '#57bb8a', value: 100 },
        },
      ],
      mutedRows: [6],
    },
  };
}

/** Week labels whose alphabetical order differs from the table's. */
const WEEKS = ['S10 · 02/03', 'S2 · 09/03', 'S1 · 16/03', 'S11 · 23/03'];

const CHART_ROWS: Cell[][] = [
  [
    'Semana',
    'Mediana (%)',
    'Média (%)',
    'Esperado (%)',
    null,
    'Semana',
    'Em risco',
    'Atrasado',
    'Em dia',
    null,
    'Progresso atual (%)',
    'Alunos',
    null,
    'Semana',
    'Vazio',
  ],
  [WEEKS[0], 10, 12.5, 15, null, WEEKS[0], 2, 3, 5, null, '0–10', 1],
  [WEEKS[1], 22, 20, 30, null, WEEKS[1], 1, 4, 5, null, '10–20', 0],
  [WEEKS[2], 35.5, 33, 45, null, WEEKS[2], 1, 2, 7, null, '20–30', 3],
  [WEEKS[3], null, null, 60, null, WEEKS[3], null, null, null, null, '30–40', 6],
];

const CHARTS: ChartSpec[] = [
  {
    id: 'progress-curve',
    title: 'Progresso da turma A',
    kind: 'line',
    xTitle: 'Semana da turma',
    yTitle: 'Progresso (%)',
    range: { row: 0, column: 0, rows: 5, columns: 4 },
    series: [
      { name: 'Mediana (%)', color: '#1a73e8' },
      { name: 'Média (%)', color: '#12b5cb' },
      { name: 'Esperado (%)', dashed: true, color: '#5f6368' },
    ],
    position: { row: 0, column: 16 },
  },
  {
    id: 'situations-by-week',
    title: 'Alunos por situação — A',
    kind: 'stacked-column',
    xTitle: 'Semana da turma',
    yTitle: 'Alunos',
    range: { row: 0, column: 5, rows: 5, columns: 4 },
    series: [
      { name: 'Em risco', color: '#d93025' },
      { name: 'Atrasado', color: '#f9ab00' },
      { name: 'Em dia', color: '#1e8e3e' },
    ],
    position: { row: 20, column: 16 },
  },
  {
    id: 'progress-distribution',
    title: 'Distribuição do progresso atual — A',
    kind: 'column',
    xTitle: 'Progresso atual (%)',
    yTitle: 'Alunos',
    range: { row: 0, column: 10, rows: 5, columns: 2 },
    series: [{ name: 'Alunos', color: '#1a73e8' }],
    position: { row: 40, column: 16 },
  },
  {
    id: 'not-yet',
    title: 'Gráfico ainda sem semanas',
    kind: 'line',
    xTitle: 'Semana',
    yTitle: 'Alunos',
    range: { row: 0, column: 13, rows: 1, columns: 2 },
    series: [{ name: 'Vazio' }],
    position: { row: 60, column: 16 },
  },
];

function historySheet(rowCount: number): PreviewSheet {
  const rows: Cell[][] = [['Semana', 'Aluno', 'Progresso (%)', 'Registrado em']];
  for (let index = 1; index <= rowCount; index++) rows.push([MARCH_16 - 7 * (index % 40), `Aluno ${index}`, (index % 101) + 0.25, MARCH_16 + 0.5]);
  return { name: 'Histórico', content: { rows, columnFormats: ['dd/mm/yyyy', '@', '0.0', 'dd/mm/yyyy hh:mm'], frozenRows: 1 } };
}

function workbookSheets(): PreviewSheet[] {
  return [
    pivotSheet(),
    { name: 'Gráficos Turma A', content: { rows: CHART_ROWS, frozenRows: 0, charts: CHARTS, tabColor: '#9e9e9e' } },
    { name: SCRIPT_SHEET, content: { rows: [['Observação'], [SCRIPT_CELL], [true]] } },
    historySheet(3000),
    { name: '_staging', content: { rows: [['estado']], hidden: true } },
  ];
}

const contentOf = (sheet: PreviewSheet): SheetContent => sheet.content;

describe('cell display', () => {
  test('number formats as a Brazilian reader sees them', () => {
    expect(displayCell(MARCH_16, 'dd/mm/yyyy').text).toBe('16/03/2026');
    expect(displayCell(MARCH_16 + 0.5, 'dd/mm/yyyy hh:mm').text).toBe('16/03/2026 12:00');
    expect(displayCell(MARCH_16, 'yyyy-mm-dd').text).toBe('16/03/2026');
    expect(displayCell(82.25, '0.0').text).toBe('82,3');
    expect(displayCell(1234.56, '#,##0.0').text).toBe('1.234,6');
    expect(displayCell(1234567, '#,##0')).toEqual({ text: '1.234.567', align: 'right' });
    expect(displayCell(-1234.5, '#,##0.0').text).toBe('-1.234,5');
    expect(displayCell(-0.04, '0.0').text).toBe('0,0');
    expect(displayCell(7.6, '0').text).toBe('8');
    expect(displayCell(12345, '@')).toEqual({ text: '12345', align: 'left' });
    expect(displayCell(0.5, undefined).text).toBe('0,5');
    expect(displayCell(null, '0.0').text).toBe('');
    expect(displayCell(true, undefined).text).toBe('VERDADEIRO');
    expect(displayCell(FORMULA_NAME, '0').text).toBe(FORMULA_NAME);
  });

  test('a signed format shows a gain with its plus sign, a loss with its minus, and zero bare', () => {
    const signed = '+#,##0.0;-#,##0.0;0.0';
    expect(displayCell(5, signed).text).toBe('+5,0');
    expect(displayCell(-12.25, signed).text).toBe('-12,3');
    expect(displayCell(-1500, signed).text).toBe('-1.500,0');
    expect(displayCell(0, signed).text).toBe('0,0');
    expect(displayCell(-0.5, '0.0;(0.0)').text).toBe('-0,5'); // a section it does not know: shown as typed, not guessed
  });

  test('gradients interpolate through the mid point and clamp at the ends', () => {
    const min = { color: '#000000', value: 0 };
    const mid = { color: '#ffffff', value: 50 };
    const max = { color: '#ff0000', value: 100 };
    expect(gradientColor(-5, min, max, mid)).toBe('#000000');
    expect(gradientColor(25, min, max, mid)).toBe('#808080');
    expect(gradientColor(75, min, max, mid)).toBe('#ff8080');
    expect(gradientColor(500, min, max, mid)).toBe('#ff0000');
    expect(gradientColor(50, min, max)).toBe('#800000');
  });

  test('the first matching rule colours a cell; text rules need the exact text', () => {
    const rules = contentOf(pivotSheet()).conditionalFormats ?? [];
    expect(conditionalColors(rules, 2, 'Em risco')).toEqual({ background: '#f4c7c3', color: '#a50e0e' });
    expect(conditionalColors(rules, 2, 'Desistente')).toEqual({ color: '#9aa0a6' });
    expect(conditionalColors(rules, 2, 'em risco')).toBeNull();
    expect(conditionalColors(rules, 4, 'texto')).toBeNull();
    expect(conditionalColors(rules, 6, 3)).toEqual({ background: '#e67c73' });
  });

  test('the escape covers the five HTML characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});

describe('charts', () => {
  test('the Vega-Lite spec keeps the table order, the colours and inline data only', () => {
    // biome-ignore lint/suspicious/noExplicitAny: the test reads into the spec's nested JSON, which chartToVegaLite types as object
    const spec = chartToVegaLite(CHARTS[0], CHART_ROWS) as Record<string, any>;
    // The whole chart (axes, title and legend in it) at the one size the sheets keep room for.
    expect([spec.width, spec.height]).toEqual([CHART_SIZE_PX.width, CHART_SIZE_PX.height]);
    expect(spec.autosize).toEqual({ type: 'fit', contains: 'padding' });
    expect(spec.encoding.x.sort).toEqual(WEEKS);
    expect(spec.encoding.color.scale).toEqual({ domain: ['Mediana (%)', 'Média (%)', 'Esperado (%)'], range: ['#1a73e8', '#12b5cb', '#5f6368'] });
    expect(spec.encoding.strokeDash.scale.range).toEqual([
      [1, 0],
      [1, 0],
      [6, 4],
    ]);
    expect(spec.data.values).toContainEqual({ category: WEEKS[3], series: 'Esperado (%)', seriesIndex: 2, value: 60 });
    expect(JSON.stringify(spec.data)).not.toMatch(/url/i);
  });

  test('the rendered SVG draws the categories in table order', async () => {
    const svg = await renderChartSvg(CHARTS[0], CHART_ROWS);
    expect(svg.startsWith('<svg')).toBe(true);
    const labelX = WEEKS.map((week) => {
      const match = new RegExp(`translate\\(([\\d.]+),\\d+\\)"[^>]*>${week}</text>`).exec(svg);
      expect(match).not.toBeNull();
      return Number(match![1]);
    });
    expect([...labelX].sort((a, b) => a - b)).toEqual(labelX);
    expect(svg).toContain('Semana da turma');
    expect(svg).toContain('Progresso (%)');
  });

  test('a block without data rows gives a placeholder SVG', async () => {
    const svg = await renderChartSvg(CHARTS[3], CHART_ROWS);
    expect(svg).toMatch(/^<svg[^>]*class="chart-empty"/);
    expect(svg).toContain('sem dados ainda');
  });

  test('chart titles and series names from the table are escaped in the SVG', async () => {
    const rows: Cell[][] = [
      ['Semana', INJECTED_NAME],
      ['<b>S1</b>', 3],
    ];
    const spec: ChartSpec = { ...CHARTS[2], title: SCRIPT_CELL, range: { row: 0, column: 0, rows: 2, columns: 2 } };
    const svg = await renderChartSvg(spec, rows);
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<b>');
  });
});

describe('the report sheets in the preview', () => {
  let html = '';
  const section = (name: string) => {
    const start = html.indexOf(`>${escapeHtml(name)}</h2>`);
    return html.slice(start, html.indexOf('</section>', start));
  };

  beforeAll(async () => {
    const sheets = buildReportSheets(SCENARIO, config(), null).map((sheet) => ({ name: sheet.name, content: sheet.content }));
    html = await renderPreviewHtml(sheets, { title: 'Relatórios', generatedAt: '23/03/2026 09:00' });
  });

  test("draws Resumo's headline before its chart, and no row of the hidden chart block", () => {
    const resumo = section('Resumo');
    expect(resumo.indexOf('Resumo das turmas · atualizado em 23/03/2026 09:00')).toBeLessThan(resumo.indexOf('<figure'));
    expect(resumo).toContain('2 linhas');
    expect(resumo).not.toMatch(/<td[^>]*>Semana 3<\/td>/);
    expect(resumo).not.toMatch(/<th[^>]*>Esperado: Linear<\/th>/);
  });

  test('puts a chart sheet’s caption over its data, after the charts, and its title before them', () => {
    const charts = section('Gráficos A');
    const caption = charts.indexOf('Dados dos gráficos acima');
    expect(charts.indexOf('Gráficos da turma A · Tutor: ana.tutora@escola.br')).toBeLessThan(charts.indexOf('<figure'));
    expect(caption).toBeGreaterThan(charts.lastIndexOf('</figure>'));
    expect(caption).toBeLessThan(charts.indexOf('<table'));
  });
});

describe('HTML preview', () => {
  let html = '';

  beforeAll(async () => {
    html = await renderPreviewHtml(workbookSheets(), { title: 'Escola <Teste> — prévia', generatedAt: '16/03/2026 08:00' });
    mkdirSync(OUT_DIR, { recursive: true });
    writeFileSync(HTML_PATH, html, 'utf8');
  });

  test('is one self-contained page: no scripts, no external URLs', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\b(?:src|href)="(?:https?:)?\/\//i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).toContain('<title>Escola &lt;Teste&gt; — prévia</title>');
  });

  test('escapes names and cells from the API', () => {
    expect(html).not.toContain('<img src=x');
    expect(html).toContain(escapeHtml(INJECTED_NAME));
    expect(html).toContain(escapeHtml(FORMULA_NAME));
    expect(html).toContain(escapeHtml(SCRIPT_CELL));
    expect(html).toContain(escapeHtml(SCRIPT_SHEET));
  });

  test('applies number formats, conditional colours, muted rows and tab colours', () => {
    expect(html).toContain('>16/03/2026<');
    expect(html).toContain('>82,3<');
    expect(html).toContain('background: #f4c7c3; color: #a50e0e">Em risco<');
    expect(html).toMatch(/<tr class="muted">.*Bruno Lima/);
    expect(html).toContain('--tab-color: #9e9e9e');
    expect(html).toContain('1 aba oculta não exibida');
    expect(html).not.toContain('_staging');
  });

  test('shows the rows above the header as the sheet’s title, styled, and the table from its header row', () => {
    const section = html.slice(html.indexOf('>Turma A</h2>'), html.indexOf('</section>', html.indexOf('>Turma A</h2>')));
    expect(section).toContain(`<p style="font-weight: bold; font-size: 12pt">${escapeHtml(PIVOT_TITLE)}</p>`);
    expect(section).toContain(`<p style="color: #5f6368">${escapeHtml(PIVOT_LEGEND)}</p>`);
    expect(section.indexOf(escapeHtml(PIVOT_TITLE))).toBeLessThan(section.indexOf('<table'));
    // The header is the sheet's row 3 (its number), the data rows keep theirs; the titles are not table rows.
    expect(section).toMatch(/<thead><tr><th class="rownum" scope="col">3<\/th><th scope="col" class="frozen frozen-last"[^>]*>Aluno<\/th>/);
    expect(section).toContain('<th scope="row" class="rownum">4</th>');
    expect(section).not.toMatch(/<td[^>]*>Turma A · Tutor/);
    expect(section).toContain('4 linhas');
  });

  test('leaves hidden columns out, wraps the declared ones, sizes columns and draws row styles under the colour rules', () => {
    const section = html.slice(html.indexOf('>Turma A</h2>'), html.indexOf('</section>', html.indexOf('>Turma A</h2>')));
    expect(section).not.toContain('chave-oculta');
    expect(section).not.toContain('>Chave<');
    expect(section).toMatch(/<th scope="col" class="wrap" style="min-width: \d+px; max-width: \d+px">E-mail<\/th>/);
    expect(section).toMatch(/<td class="wrap" style="background: #fef7e0; max-width: \d+px">ana@example.com<\/td>/);
    // The colour rule of `Situação` wins over the row's background, as in Sheets.
    expect(section).toContain('style="background: #b7e1cd; color: #0d652d">Em dia<');
    expect(section).toContain('>+7,5<');
    expect(section).toContain('>-20,0<');
    expect(section).toContain('>1.234,5<');
    expect(section).toMatch(/<tr class="muted">.*Bruno Lima/);
  });

  test('a long sheet shows its last rows and says so', () => {
    expect(html).toContain('mostrando as últimas 1.500 de 3.000 linhas');
    expect(html).toContain('>Aluno 3000<');
    expect(html).toContain('>Aluno 1501<');
    expect(html).not.toContain('>Aluno 1500<');
    expect(html).toContain('>16/03/2026 12:00<');
  });

  itWithTool(CHROMIUM, 'draws every chart in headless Chromium and shows names as text', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      const requests: string[] = [];
      page.on('request', (request) => {
        if (!request.url().startsWith('file:')) requests.push(request.url());
      });
      const dialogs: string[] = [];
      page.on('dialog', async (dialog) => {
        dialogs.push(dialog.message());
        await dialog.dismiss();
      });
      await page.goto(pathToFileURL(HTML_PATH).href, { waitUntil: 'load' });

      const charts = await page.$$eval('figure.chart', (figures) =>
        figures.map((figure) => ({
          id: figure.getAttribute('data-chart-id'),
          svgs: figure.querySelectorAll('svg').length,
          marks: figure.querySelectorAll('g.mark-line.role-mark path, g.mark-rect.role-mark path, g.mark-symbol.role-mark path').length,
          axes: figure.querySelectorAll('g.role-axis').length,
          legend: figure.querySelectorAll('g.role-legend').length,
          caption: figure.querySelector('figcaption')?.textContent ?? '',
          empty: figure.querySelectorAll('svg.chart-empty').length,
        })),
      );
      expect(charts.map((chart) => chart.id)).toEqual(['progress-curve', 'situations-by-week', 'progress-distribution', 'not-yet']);
      for (const chart of charts) {
        expect(chart.svgs).toBe(1);
        expect(chart.caption.length).toBeGreaterThan(0);
        if (chart.id === 'not-yet') {
          expect(chart.empty).toBe(1);
        } else {
          expect(chart.marks).toBeGreaterThan(0);
          expect(chart.axes).toBeGreaterThanOrEqual(2);
        }
      }
      expect(charts.find((chart) => chart.id === 'progress-curve')!.legend).toBe(1);
      expect(charts.find((chart) => chart.id === 'situations-by-week')!.legend).toBe(1);

      const cellTexts = await page.$$eval('section.sheet table.grid tbody td', (cells) => cells.map((cell) => cell.textContent));
      expect(cellTexts).toContain(INJECTED_NAME);
      expect(cellTexts).toContain(FORMULA_NAME);
      expect(cellTexts).toContain(SCRIPT_CELL);
      expect(await page.$$('table img, table script, main script')).toHaveLength(0);
      expect(await page.$$eval('nav.tabs a', (links) => links.map((link) => link.textContent))).toContain(SCRIPT_SHEET);

      // The tsconfig has no DOM lib: reach the page's getComputedStyle through a typed globalThis.
      const stickyHeader = await page.$eval(
        'table.grid thead th:not(.rownum)',
        (cell) => (globalThis as unknown as { getComputedStyle(element: unknown): { position: string } }).getComputedStyle(cell).position,
      );
      expect(stickyHeader).toBe('sticky');
      expect(await page.locator('text=mostrando as últimas 1.500 de 3.000 linhas').count()).toBe(1);

      expect(requests).toEqual([]);
      expect(dialogs).toEqual([]);
      await page.screenshot({ path: PNG_PATH, fullPage: true });
    } finally {
      await browser.close();
    }
  });
});
