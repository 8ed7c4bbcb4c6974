// The report charts as PNG images for the .xlsx: the preview's own SVG rasterised at twice the display
// size, with the series' colours, drawn text (system fonts) and pt-BR numbers; an empty block still says so.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHART_SIZE_PX } from '../../src/core/workbook/chart-frame';
import type { ChartSpec } from '../../src/core/workbook/sheet-specs';
import type { Cell } from '../../src/core/workbook/workbook';
import { CHART_PNG_SCALE, renderChartPng, renderChartSvg } from '../../src/node/preview';
import { countColor, darkPixels, decodePng, distinctColors, isPng, pngSize } from '../support/png';
import { ROOT, useBuiltCli } from './support/cli-harness';

const BLUE = '#1a73e8';
const GREY = '#5f6368';
const RED = '#d93025';
const YELLOW = '#f9ab00';
const GREEN = '#188038';

const LINE: ChartSpec = {
  id: 'progress-curve',
  title: 'Progresso da turma — Integração',
  kind: 'line',
  xTitle: 'Semana da turma',
  yTitle: 'Aulas vistas',
  range: { row: 0, column: 0, rows: 4, columns: 3 },
  series: [
    { name: 'Mediana', color: BLUE },
    { name: 'Esperado', color: GREY, dashed: true },
  ],
  position: { row: 0, column: 5 },
};

const LINE_ROWS: Cell[][] = [
  ['Semana', 'Mediana', 'Esperado'],
  ['S1', 1200.5, 1500],
  ['S2', 2250, 3000],
  ['S3', 3000, 4500],
];

const STACKED: ChartSpec = {
  id: 'situations',
  title: 'Situação por semana',
  kind: 'stacked-column',
  xTitle: 'Semana',
  yTitle: 'Alunos',
  range: { row: 0, column: 0, rows: 3, columns: 4 },
  series: [
    { name: 'Em risco', color: RED },
    { name: 'Atrasado', color: YELLOW },
    { name: 'Em dia', color: GREEN },
  ],
  position: { row: 0, column: 5 },
};

const STACKED_ROWS: Cell[][] = [
  ['Semana', 'Em risco', 'Atrasado', 'Em dia'],
  ['S1', 2, 3, 5],
  ['S2', 1, 4, 5],
];

/** The width and height written on the SVG's root element. */
function svgSize(svg: string): { width: number; height: number } {
  const root = /^<svg[^>]*>/.exec(svg)?.[0] ?? '';
  return { width: Number(/\swidth="([\d.]+)"/.exec(root)?.[1]), height: Number(/\sheight="([\d.]+)"/.exec(root)?.[1]) };
}

describe('renderChartPng', () => {
  it('gives a PNG drawn at twice the display size it reports, which is the SVG preview’s size', async () => {
    const chart = await renderChartPng(LINE, LINE_ROWS);
    expect(isPng(chart.png)).toBe(true);
    expect(CHART_PNG_SCALE).toBe(2);
    expect(pngSize(chart.png)).toEqual({ width: 2 * chart.width, height: 2 * chart.height });
    expect({ width: chart.width, height: chart.height }).toEqual(svgSize(await renderChartSvg(LINE, LINE_ROWS)));
    // The whole picture, axes, title and legend included, is the one size the sheets keep room for.
    expect({ width: chart.width, height: chart.height }).toEqual(CHART_SIZE_PX);
  });

  it('keeps that size for every kind however many weeks and series it draws: a long legend wraps, it does not grow the picture', async () => {
    const names = ['Turma 2026-07', 'Turma 2026-08', 'Turma 2026-09', 'Turma 2026-10', 'Turma 2026-11', 'Esperado: Padrão 12 semanas'];
    const rows: Cell[][] = [
      ['Semana', ...names],
      ...Array.from({ length: 40 }, (_, week) => [`S${week} · 07/09`, ...names.map((_, index) => week * 2 + index)]),
    ];
    const range = { row: 0, column: 0, rows: rows.length, columns: names.length + 1 };
    const series = names.map((name) => ({ name }));
    for (const kind of ['line', 'stacked-column', 'column'] as const) {
      const chart = await renderChartPng({ ...LINE, kind, range, series }, rows);
      expect({ kind, width: chart.width, height: chart.height }).toEqual({ kind, ...CHART_SIZE_PX });
    }
  });

  it('draws each line series in its colour on a white background', async () => {
    const image = decodePng((await renderChartPng(LINE, LINE_ROWS)).png);
    const pixels = image.width * image.height;
    expect(countColor(image, '#ffffff')).toBeGreaterThan(pixels / 2);
    // Lines 2 px wide at 2× with point marks: hundreds of pixels of the exact colour each.
    expect(countColor(image, BLUE)).toBeGreaterThan(500);
    expect(countColor(image, GREY)).toBeGreaterThan(300);
    expect(countColor(image, RED)).toBe(0);
    expect(distinctColors(image)).toBeGreaterThan(20);
  });

  it('draws a stacked column chart with a block of each series colour', async () => {
    const image = decodePng((await renderChartPng(STACKED, STACKED_ROWS)).png);
    for (const color of [RED, YELLOW, GREEN]) expect(countColor(image, color)).toBeGreaterThan(2000);
  });

  it('draws text with a system font: the title is dark pixels in the top band, the axis labels left of the plot', async () => {
    const chart = await renderChartPng(LINE, LINE_ROWS);
    const image = decodePng(chart.png);
    // The title sits in the first ~30 display pixels; without a usable font resvg draws no glyphs at all.
    expect(darkPixels(image, { x: 0, y: 0, width: image.width, height: 2 * 30 })).toBeGreaterThan(800);
    expect(darkPixels(image, { x: 0, y: 2 * 40, width: 2 * 70, height: 2 * 260 })).toBeGreaterThan(500);
  });

  it('labels numbers the Brazilian way in the SVG it draws (dot for thousands, comma for decimals)', async () => {
    const svg = await renderChartSvg(LINE, LINE_ROWS);
    const labels = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => match[1]);
    expect(labels).toEqual(expect.arrayContaining(['1.000', '4.500']));
    expect(labels.some((label) => /\d,\d{3}\b/.test(label ?? ''))).toBe(false);
    const decimals = await renderChartSvg({ ...LINE, range: { ...LINE.range, rows: 3 } }, [
      ['Semana', 'Mediana', 'Esperado'],
      ['S1', 0.5, 1.2],
      ['S2', 0.7, 1.4],
    ]);
    expect(decimals).toMatch(/>0,4<\/text>/);
    expect(decimals).not.toMatch(/>0\.4<\/text>/);
    expect(pngSize((await renderChartPng(LINE, LINE_ROWS)).png)).toEqual({ width: 2 * svgSize(svg).width, height: 2 * svgSize(svg).height });
  });

  it('renders a block with only its header row as the "sem dados ainda" card, text drawn', async () => {
    const chart = await renderChartPng(LINE, LINE_ROWS.slice(0, 1));
    expect({ width: chart.width, height: chart.height }).toEqual({ width: CHART_SIZE_PX.width, height: 96 });
    const image = decodePng(chart.png);
    // The card (emptyChartSvg): title in #202124 around y = 32, "sem dados ainda" in #5f6368 around y = 64.
    const titleBand = { x: 0, y: 2 * 16, width: image.width, height: 2 * 22 };
    const labelBand = { x: 0, y: 2 * 50, width: 2 * 200, height: 2 * 20 };
    expect(darkPixels(image, titleBand)).toBeGreaterThan(500);
    expect(darkPixels(image, labelBand, 200)).toBeGreaterThan(300);
    expect(countColor(image, GREY)).toBeGreaterThan(100);
    expect(countColor(image, BLUE)).toBe(0);
  });

  describe('in the bundles', () => {
    useBuiltCli();

    it('is loaded at run time by dist/cli.js (a native package esbuild leaves out) and never reaches build/Code.js', () => {
      expect(readFileSync(join(ROOT, 'dist/cli.js'), 'utf8')).toContain('require("@resvg/resvg-js")');
      expect(readFileSync(join(ROOT, 'build/Code.js'), 'utf8')).not.toMatch(/resvg/i);
    });
  });
});
