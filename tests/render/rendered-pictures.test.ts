// Pictures a person can look at, kept in out/pictures/: the demo's .xlsx as LibreOffice shows it in
// pt-BR (Resumo, Contatos da semana, every cohort's pivot and Gráficos tab, Execuções), the HTML
// preview and the sidebar in Chromium. Each picture is checked for what it must show, through its
// pixels and (for the sheets) the text of the same PDF page.

import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { REPORT_SHEET, reportSheetNames } from '../../src/core/identity/sheet-names';
import { COHORT_HEADERS, SHEET } from '../../src/core/sheets';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook';
import { useBuiltCli } from '../node/support/cli-harness';
import { CHROMIUM, describeWithTool, LIBREOFFICE, launchChromium } from '../support/external-tools';
import { colouredPixels, darkPixels, decodePng, distinctColors, isPng, type PngImage } from '../support/png';
import {
  buildDemo,
  type DemoOutput,
  PICTURES_DIR,
  POPPLER,
  type PreviewPictures,
  pictureName,
  renderSheets,
  type SheetPicture,
  screenshotPreview,
  screenshotSidebar,
} from './pictures';

const PT_BR_DATE = /\b\d{2}\/\d{2}\/\d{4}\b/;
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/;
/** A number with a decimal comma (61,1), as pt-BR shows fixed decimals. */
const PT_BR_DECIMAL = /\b\d+,\d\b/;

const decoded = new Map<string, PngImage>();

/** The picture's pixels (decoded once per file). */
function image(file: string): PngImage {
  const cached = decoded.get(file);
  if (cached) return cached;
  const bytes = readFileSync(file);
  expect(isPng(bytes)).toBe(true);
  const picture = decodePng(bytes);
  decoded.set(file, picture);
  return picture;
}

/** Not blank: a real size, more than a couple of colours, and dark pixels where text is drawn. */
function expectDrawn(picture: PngImage, minimum: { width: number; height: number; dark: number }): void {
  expect(picture.width).toBeGreaterThanOrEqual(minimum.width);
  expect(picture.height).toBeGreaterThanOrEqual(minimum.height);
  expect(distinctColors(picture)).toBeGreaterThan(8);
  expect(darkPixels(picture)).toBeGreaterThan(minimum.dark);
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The cohorts named in `Turmas` (the column under its "Turma" header), in order. */
function cohortNames(workbook: XlsxWorkbook): string[] {
  const rows = workbook.readSheet(SHEET.cohorts) ?? [];
  const headerAt = rows.findIndex((row) => row.includes(COHORT_HEADERS[0]));
  const column = rows[headerAt]?.indexOf(COHORT_HEADERS[0]) ?? -1;
  return rows
    .slice(headerAt + 1)
    .map((row) => row[column])
    .filter((name): name is string => typeof name === 'string' && name.trim() !== '');
}

/** The first text the sheet holds (its title or first header), which its picture must show. */
function firstText(workbook: XlsxWorkbook, sheet: string): string {
  const cell = (workbook.readSheet(sheet) ?? []).flat().find((value) => typeof value === 'string' && value.trim() !== '');
  return collapse(String(cell ?? ''));
}

describe('rendered pictures of the demo (out/pictures/)', () => {
  useBuiltCli();
  let dir: string;
  let demo: DemoOutput;
  let workbook: XlsxWorkbook;
  let cohorts: string[];
  let names: Map<string, { pivot: string; charts: string }>;

  beforeAll(async () => {
    rmSync(PICTURES_DIR, { recursive: true, force: true });
    dir = mkdtempSync(join(tmpdir(), 'cademi-render-'));
    demo = await buildDemo(dir);
    workbook = await XlsxWorkbook.load(demo.xlsx);
    cohorts = cohortNames(workbook);
    names = reportSheetNames(cohorts);
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // The real describe inside keeps its hooks apart from the outer ones (for the linter too).
  describeWithTool(LIBREOFFICE, 'with LibreOffice', () => {
    describeWithTool(POPPLER, 'and pdftoppm', () => {
      describe('the .xlsx in LibreOffice Calc set to pt-BR: one picture per sheet people read', () => {
        let pictures: Map<string, SheetPicture>;
        const picture = (sheet: string): SheetPicture => {
          const found = pictures.get(sheet);
          if (!found) throw new Error(`no picture of "${sheet}"`);
          return found;
        };
        const cohortTabs = () => cohorts.flatMap((cohort) => [names.get(cohort)?.pivot, names.get(cohort)?.charts]).filter((name): name is string => !!name);

        beforeAll(async () => {
          const sheets = [REPORT_SHEET.overview, REPORT_SHEET.contacts, ...cohortTabs(), SHEET.runs].filter((sheet) => workbook.sheetNames().includes(sheet));
          pictures = new Map((await renderSheets(demo.xlsx, sheets, PICTURES_DIR)).map((entry) => [entry.sheet, entry]));
        }, 300_000);

        it('renders Resumo, Contatos da semana and a pivot and a Gráficos tab for every cohort, under stable names', () => {
          expect(cohorts.length).toBeGreaterThanOrEqual(3);
          for (const sheet of [REPORT_SHEET.overview, REPORT_SHEET.contacts, ...cohortTabs()]) {
            expect(pictures.has(sheet)).toBe(true);
            expect(picture(sheet).file).toBe(join(PICTURES_DIR, pictureName(sheet)));
            expect(existsSync(picture(sheet).file)).toBe(true);
          }
          expect(pictureName(REPORT_SHEET.overview)).toBe('resumo.png');
          expect(pictureName(REPORT_SHEET.contacts)).toBe('contatos-da-semana.png');
          expect(pictureName('Gráficos Turma 2026-09')).toBe('graficos-turma-2026-09.png');
        });

        it('each picture is its sheet: drawn, showing the sheet’s first text, and no cell too narrow for its value (###)', () => {
          for (const [sheet, entry] of pictures) {
            expectDrawn(image(entry.file), { width: 300, height: 60, dark: 2_000 });
            expect(collapse(entry.text)).toContain(firstText(workbook, sheet));
            expect(entry.text).not.toContain('###');
          }
        });

        it('Resumo names every cohort, with dates as dd/mm/aaaa and numbers with a decimal comma', () => {
          const { text } = picture(REPORT_SHEET.overview);
          for (const cohort of cohorts) expect(text).toContain(cohort);
          expect(text).toMatch(PT_BR_DATE);
          expect(text).not.toMatch(ISO_DATE);
          expect(text).toMatch(PT_BR_DECIMAL);
        });

        it('Contatos da semana lists students by situation, its dates as dd/mm/aaaa', () => {
          const { text } = picture(REPORT_SHEET.contacts);
          expect(text).toMatch(/Em risco|Atrasado/);
          expect(text).toMatch(PT_BR_DATE);
          expect(text).not.toMatch(ISO_DATE);
        });

        it('a pivot shows situations and pt-BR numbers, and colours its cells', () => {
          for (const cohort of cohorts) {
            const pivot = picture(names.get(cohort)!.pivot);
            expect(pivot.text).toMatch(/Em dia|Em risco|Atrasado/);
            expect(pivot.text).toMatch(PT_BR_DECIMAL);
            expect(pivot.text).not.toMatch(ISO_DATE);
            expect(colouredPixels(image(pivot.file))).toBeGreaterThan(1_000);
          }
        });

        it('every Gráficos tab shows its charts as images (coloured marks), not only the data table', () => {
          for (const cohort of cohorts) {
            const charts = picture(names.get(cohort)!.charts);
            // A table alone is black text on white; the chart images bring the series' colours.
            expect(colouredPixels(image(charts.file))).toBeGreaterThan(5_000);
          }
        });
      });
    });
  });

  describeWithTool(CHROMIUM, 'the preview and the sidebar in Chromium', () => {
    /** Runs `body` with a browser of its own (a hook here would sit beside the outer ones). */
    async function withBrowser(body: (browser: Browser) => Promise<void>): Promise<void> {
      const browser = await launchChromium();
      try {
        await body(browser);
      } finally {
        await browser.close();
      }
    }

    it(
      'screenshots the HTML preview (preview.png) and a cohort’s charts, drawn',
      () =>
        withBrowser(async (browser) => {
          const chartSheet = names.get(cohorts[0])!.charts;
          const shots: PreviewPictures = await screenshotPreview(browser, demo.html, chartSheet, PICTURES_DIR);
          expect(shots.page).toBe(join(PICTURES_DIR, 'preview.png'));
          expectDrawn(image(shots.page), { width: 1400, height: 900, dark: 2_000 });
          expect(shots.marksPerChart.length).toBeGreaterThanOrEqual(cohorts.length);
          expect(shots.marksPerChart.filter((marks) => marks > 0).length).toBeGreaterThanOrEqual(cohorts.length);
          const charts = image(shots.charts);
          expectDrawn(charts, { width: 400, height: 200, dark: 1_000 });
          expect(colouredPixels(charts)).toBeGreaterThan(2_000);
        }),
      120_000,
    );

    it(
      'screenshots the sidebar (sidebar.png) with its cohorts and dd/mm/aaaa dates',
      () =>
        withBrowser(async (browser) => {
          const shot = await screenshotSidebar(browser, PICTURES_DIR);
          expect(shot.file).toBe(join(PICTURES_DIR, 'sidebar.png'));
          expectDrawn(image(shot.file), { width: 300, height: 400, dark: 1_000 });
          expect(shot.text).toContain('Turma 2026-09');
          expect(shot.text).toMatch(PT_BR_DATE);
          expect(shot.text).not.toMatch(ISO_DATE);
        }),
      120_000,
    );
  });
});
