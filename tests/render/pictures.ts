// Pictures of what people see, for a person to look at (out/pictures/) and for the README (docs/pictures/):
// the demo's .xlsx as LibreOffice shows it in pt-BR (one PNG per sheet, through PDF and pdftoppm), the
// HTML preview and the sidebar in Chromium. Used by tests/render/rendered-pictures.test.ts and by
// `npm run pictures` (scripts/pictures.mjs bundles pictures-cli.ts).

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { type ExternalTool, LIBREOFFICE } from '../support/external-tools';
import { FakeSidebarServer, installScriptRunStandIn, XSS_COHORT_NAME } from '../ui/sidebar-standin';

export const ROOT = join(__dirname, '../..');
export const PICTURES_DIR = join(ROOT, 'out/pictures');
export const README_PICTURES_DIR = join(ROOT, 'docs/pictures');

/** pdftoppm and pdftotext (Debian's poppler-utils): the PDF's pages as PNG, and as text to check. */
export const POPPLER: ExternalTool = { name: 'pdftoppm', path: '/usr/bin/pdftoppm', install: 'apt-get install poppler-utils' };
const PDFTOTEXT = '/usr/bin/pdftotext';

/** Pixels per inch of the sheet pictures: 96 is 1:1 with a screen at 100% zoom. */
const SHEET_DPI = 96;
/** A sheet is cut to the top-left of what a full-HD screen shows, as a person opening it sees it. */
const SHEET_CROP = { width: 1920, height: 1080 } as const;
const LIBREOFFICE_TIMEOUT_MS = 180_000;
const TOOL_TIMEOUT_MS = 60_000;

/** `Gráficos Turma 2026-09` → `graficos-turma-2026-09.png`: lower case ASCII, one dash between words. */
export function pictureName(sheetName: string): string {
  const slug = sheetName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${slug || 'aba'}.png`;
}

interface ToolRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs a program in its own process group, killed whole when it outlives `timeoutMs`: soffice is a
 * wrapper whose soffice.bin child would otherwise survive the kill.
 */
function runTool(command: string, args: readonly string[], options: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<ToolRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: options.env ?? process.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      reject(new Error(`${command} took more than ${(options.timeoutMs ?? TOOL_TIMEOUT_MS) / 1000} s: ${args.join(' ')}`));
    }, options.timeoutMs ?? TOOL_TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

async function runOrThrow(command: string, args: readonly string[], options: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<string> {
  const run = await runTool(command, args, options);
  if (run.code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${run.code}: ${run.stderr.trim()}`);
  return run.stdout;
}

export interface DemoOutput {
  readonly xlsx: string;
  readonly html: string;
}

/** The built CLI's `demo` (dist/cli.js, as a person runs it) into `dir`: its .xlsx and the HTML preview beside it. */
export async function buildDemo(dir: string): Promise<DemoOutput> {
  const xlsx = join(dir, 'demo.xlsx');
  await runOrThrow(process.execPath, [join(ROOT, 'dist/cli.js'), 'demo', '--out', xlsx], {
    env: { PATH: process.env.PATH ?? '', HOME: dir },
    timeoutMs: 300_000,
  });
  const html = join(dir, 'demo.html');
  if (!existsSync(xlsx) || !existsSync(html)) throw new Error(`the demo wrote no ${existsSync(xlsx) ? html : xlsx}`);
  return { xlsx, html };
}

/** The workbook's tab names in tab order (LibreOffice's sheet positions). */
export async function sheetOrder(xlsx: string): Promise<string[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(xlsx);
  // `worksheets` is sorted by the position in workbook.xml, which is the tab order.
  return book.worksheets.map((sheet) => sheet.name);
}

/** LibreOffice's user profile settings: pt-BR for the interface and for the locale numbers and dates follow. */
const PT_BR_REGISTRY = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>pt-BR</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooLocale" oor:op="fuse"><value>pt-BR</value></prop></item>
<item oor:path="/org.openoffice.Office.Linguistic/General"><prop oor:name="DefaultLocale" oor:op="fuse"><value>pt-BR</value></prop></item>
</oor:items>
`;

/**
 * A fresh LibreOffice profile in `dir`, set to pt-BR, with the export macro (export-sheets.xba) in
 * its Standard library. LibreOffice lays out a new profile on its first start, replacing any Basic
 * library found there (and does so again if the settings lose its first-start marks), so it is
 * started once with only the settings, then given the macro.
 */
async function libreOfficeProfile(dir: string, env: NodeJS.ProcessEnv): Promise<string> {
  const profile = pathToFileURL(join(dir, 'profile')).href;
  const user = join(dir, 'profile/user');
  // Before the first start, which keeps these settings and marks the profile as set up.
  mkdirSync(user, { recursive: true });
  writeFileSync(join(user, 'registrymodifications.xcu'), PT_BR_REGISTRY);
  await runOrThrow(LIBREOFFICE.path, [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--terminate_after_init'], {
    env,
    timeoutMs: LIBREOFFICE_TIMEOUT_MS,
  });
  const library = join(user, 'basic/Standard');
  const index = join(library, 'script.xlb');
  if (!existsSync(index)) throw new Error(`LibreOffice made no Basic library in ${library}`);
  writeFileSync(join(library, 'Pictures.xba'), readFileSync(join(__dirname, 'export-sheets.xba')));
  const xlb = readFileSync(index, 'utf8');
  if (!xlb.includes('library:name="Pictures"')) {
    writeFileSync(index, xlb.replace('</library:library>', ' <library:element library:name="Pictures"/>\n</library:library>'));
  }
  return profile;
}

export interface SheetPicture {
  readonly sheet: string;
  readonly file: string;
  /** The page's text as pdftotext reads it (layout kept): what the picture shows, for checks. */
  readonly text: string;
}

/**
 * Renders `sheets` (tab names of `xlsx`) the way LibreOffice Calc shows them in pt-BR: one PDF page per
 * sheet (the export macro), each page to `outDir/<pictureName>.png` at 96 dpi, cut to a full-HD screen.
 */
export async function renderSheets(xlsx: string, sheets: readonly string[], outDir: string): Promise<SheetPicture[]> {
  const order = await sheetOrder(xlsx);
  const indices = sheets.map((sheet) => {
    const index = order.indexOf(sheet);
    if (index < 0) throw new Error(`the workbook has no sheet "${sheet}" (it has: ${order.join(', ')})`);
    return index;
  });
  const work = mkdtempSync(join(tmpdir(), 'cademi-pictures-'));
  try {
    // HOME too, so nothing of the user's own LibreOffice settings is read or written.
    const env = { ...process.env, HOME: work };
    const profile = await libreOfficeProfile(work, env);
    const pdf = join(work, 'sheets.pdf');
    const macro = `macro:///Standard.Pictures.ExportSheets("${pathToFileURL(xlsx).href}","${pathToFileURL(pdf).href}","${indices.join('/')}")`;
    await runOrThrow(LIBREOFFICE.path, [`-env:UserInstallation=${profile}`, '--headless', '--norestore', macro], { env, timeoutMs: LIBREOFFICE_TIMEOUT_MS });
    if (!existsSync(pdf)) throw new Error(`LibreOffice wrote no PDF of ${xlsx} (the export macro failed)`);
    mkdirSync(outDir, { recursive: true });
    const pictures: SheetPicture[] = [];
    for (const [at, sheet] of sheets.entries()) {
      const page = String(at + 1);
      const file = join(outDir, pictureName(sheet));
      const crop = ['-x', '0', '-y', '0', '-W', String(SHEET_CROP.width), '-H', String(SHEET_CROP.height)];
      await runOrThrow(POPPLER.path, ['-f', page, '-l', page, '-r', String(SHEET_DPI), ...crop, '-png', '-singlefile', pdf, file.replace(/\.png$/, '')]);
      const text = await runOrThrow(PDFTOTEXT, ['-f', page, '-l', page, '-layout', pdf, '-']);
      pictures.push({ sheet, file, text });
    }
    return pictures;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export interface PreviewPictures {
  /** The top of the preview, as it opens. */
  readonly page: string;
  /** One cohort's charts section. */
  readonly charts: string;
  /** Drawn marks (lines, bars, points) per chart of the preview. */
  readonly marksPerChart: number[];
}

/** Screenshots of the HTML preview in Chromium: the page as it opens, and the charts of `chartSheet`. */
export async function screenshotPreview(browser: Browser, html: string, chartSheet: string, outDir: string): Promise<PreviewPictures> {
  mkdirSync(outDir, { recursive: true });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'pt-BR' });
  try {
    // The preview is one offline file: anything else it asked for would be a bug.
    await page.route(/^(?!file:)/, (route) => route.abort());
    await page.goto(pathToFileURL(html).href);
    const pagePicture = join(outDir, 'preview.png');
    await page.screenshot({ path: pagePicture });
    const figures = page.locator('figure.chart');
    const marksPerChart: number[] = [];
    for (let at = 0; at < (await figures.count()); at++) {
      marksPerChart.push(await figures.nth(at).locator('.mark-line path, .mark-rect path, .mark-symbol path').count());
    }
    const section = page
      .locator('section.sheet', { has: page.locator('h2', { hasText: chartSheet }) })
      .locator('.charts')
      .first();
    const chartsPicture = join(outDir, `preview-${pictureName(chartSheet)}`);
    // A section taller than the window is captured in one piece; the sticky tab bar would be drawn
    // across its middle, where it never is for a person scrolling, so it stays at the page's top here.
    await page.addStyleTag({ content: 'nav.tabs { position: static; }' });
    await section.screenshot({ path: chartsPicture });
    return { page: pagePicture, charts: chartsPicture, marksPerChart };
  } finally {
    await page.close();
  }
}

/** A screenshot of the sidebar (build/Sidebar.html) over the tests' in-memory server, as a coordinator opens it. */
export async function screenshotSidebar(browser: Browser, outDir: string): Promise<{ file: string; text: string }> {
  mkdirSync(outDir, { recursive: true });
  const server = new FakeSidebarServer();
  // The fake's script-injection cohort is there for the escaping tests, not for a picture.
  const injected = server.cohorts.findIndex((cohort) => cohort.name === XSS_COHORT_NAME);
  if (injected >= 0) server.cohorts.splice(injected, 1);
  const page = await browser.newPage({ viewport: { width: 300, height: 800 }, locale: 'pt-BR' });
  try {
    await page.route(/^(?!file:)/, (route) => route.abort());
    await installScriptRunStandIn(page, server.handler);
    await page.goto(pathToFileURL(join(ROOT, 'build/Sidebar.html')).href);
    await page.waitForSelector('body[data-ready="true"]');
    const file = join(outDir, 'sidebar.png');
    await page.screenshot({ path: file, fullPage: true });
    return { file, text: await page.locator('body').innerText() };
  } finally {
    await page.close();
  }
}
