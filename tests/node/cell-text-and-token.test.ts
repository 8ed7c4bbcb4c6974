// Issue 11, classes 3 and 5 in the Node host: one cell-text rule for what XML forbids, what no cell
// can hold and what looks like a formula; API text of that kind, or echoing the token, goes through a
// real sync into an .xlsx that opens again (exceljs, a second sync, LibreOffice when installed) with
// every cell safe and no token anywhere; a token no header can carry is refused without showing it.

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HttpRequest, HttpResponse } from '../../src/core/http';
import { ECHOED_TOKEN } from '../../src/core/messages/cademi';
import { SHEET } from '../../src/core/sheets';
import { CUT_MARKER, MAX_CELL_CHARS, safeCellText } from '../../src/core/workbook/cell-text';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook';
import { createSchool } from '../../src/simulator';
import { type SimulatorServer, startSimulatorServer } from '../../src/simulator/server';
import { hasTool, LIBREOFFICE } from '../support/external-tools';
import { cli, cohortOptions, initWorkbook, SIMULATOR_TOKEN as TOKEN, useTempDir } from './support/cli-harness';

const FORBIDDEN = 'Ana\uFFFE\u0001\uD800 Souza 😀';
/** FORBIDDEN as every host writes it: each forbidden character replaced, the emoji pair kept. */
const FORBIDDEN_SAFE = 'Ana\uFFFD\uFFFD\uFFFD Souza 😀';
const LONG = `Bruno ${'B'.repeat(40_000)}`;
const ECHO = `${TOKEN}@eco.example.com`;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for the control characters XML forbids
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Converts `file` to CSV with LibreOffice, in `dir`: it opens the file or the CSV is missing. */
function libreOfficeOpens(file: string, dir: string, csvName: string): boolean {
  execFileSync('soffice', ['--headless', '--convert-to', 'csv', '--outdir', dir, file], {
    stdio: 'ignore',
    timeout: 120_000,
    env: { ...process.env, HOME: dir },
  });
  return existsSync(join(dir, csvName));
}

/** Every text cell of every sheet. */
function texts(book: XlsxWorkbook): string[] {
  return book.sheetNames().flatMap((name) => (book.readSheet(name) ?? []).flat().filter((cell): cell is string => typeof cell === 'string'));
}

describe('one cell-text rule (class 3)', () => {
  const dir = useTempDir('cademi-cell-rule-');

  it('replaces what XML forbids, keeps emoji pairs, cuts at the lower host limit with a marker', () => {
    expect(safeCellText(FORBIDDEN)).toBe(FORBIDDEN_SAFE);
    const long = safeCellText('x'.repeat(40_000));
    expect(long.length).toBe(MAX_CELL_CHARS);
    expect(long.endsWith(CUT_MARKER)).toBe(true);
    expect(safeCellText(`${'x'.repeat(MAX_CELL_CHARS - CUT_MARKER.length - 1)}😀tail`)).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('an .xlsx the workbook writes with such text opens again, in exceljs and in LibreOffice, a formula-like text kept as text', async () => {
    const book = XlsxWorkbook.empty();
    book.writeSheet('Dados', { rows: [['Nome'], [FORBIDDEN], ['y'.repeat(40_000)], ['=HYPERLINK("https://evil.example.com")']] });
    const file = join(dir(), 'texto.xlsx');
    await book.save(file);
    const rows = (await XlsxWorkbook.load(file)).readSheet('Dados')!;
    expect(rows[1][0]).toBe(FORBIDDEN_SAFE);
    expect(String(rows[2][0]).length).toBe(MAX_CELL_CHARS);
    expect(rows[3][0]).toBe('=HYPERLINK("https://evil.example.com")');
    if (hasTool(LIBREOFFICE)) expect(libreOfficeOpens(file, dir(), 'texto.csv')).toBe(true);
  }, 150_000);
});

describe('odd API text through a real sync (classes 3 and 5)', () => {
  let server: SimulatorServer;
  const dir = useTempDir('cademi-cell-text-', 'all');
  let file: string;
  let inner = false;
  const cohort = createSchool({ studentCount: 12 }).cohorts[0];

  beforeAll(async () => {
    server = await startSimulatorServer({
      port: 0,
      studentCount: 12,
      // The tag page's first two students get names no file should break on (the simulator's own answer, edited).
      fault: (request: HttpRequest): HttpResponse | undefined => {
        if (inner || !/lista_por_tag\//.test(request.url)) return undefined;
        inner = true;
        let real: HttpResponse;
        try {
          real = server.simulator.handle(request);
        } finally {
          inner = false;
        }
        if (real.status !== 200) return real;
        const body = JSON.parse(real.body) as { data: { usuario: { nome: string; email: string }[] } };
        const [first, second] = body.data.usuario;
        // A server that echoes the request: the token comes back as a student's e-mail.
        if (first) Object.assign(first, { nome: FORBIDDEN, email: ECHO });
        if (second) second.nome = LONG;
        return { ...real, body: JSON.stringify(body) };
      },
    });
    file = await initWorkbook(join(dir(), 'escola.xlsx'), cohortOptions(cohort));
  }, 60_000);

  afterAll(() => server.close());

  it('writes a workbook that loads again, with safe text and no token, and a second sync works on it', async () => {
    const env = { CADEMI_BASE_URL: server.url, CADEMI_TOKEN: TOKEN };
    const first = await cli(['sync', file], env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);

    const book = await XlsxWorkbook.load(file);
    const cells = texts(book);
    const history = (book.readSheet(SHEET.history) ?? []).flat();
    expect(history).toContain(FORBIDDEN_SAFE);
    const cut = history.find((cell) => typeof cell === 'string' && cell.startsWith('Bruno BBB')) as string;
    expect(cut.length).toBe(MAX_CELL_CHARS);
    expect(cut.endsWith(CUT_MARKER)).toBe(true);
    expect(history).toContain(`${ECHOED_TOKEN}@eco.example.com`);
    expect(cells.some((cell) => XML_FORBIDDEN.test(cell))).toBe(false);
    expect(cells.some((cell) => cell.length > MAX_CELL_CHARS)).toBe(false);
    expect(cells.join('\n')).not.toContain(TOKEN);
    const preview = file.replace(/\.xlsx$/, '.html');
    expect(readFileSync(preview, 'utf8')).not.toContain(TOKEN);

    const second = await cli(['sync', file], env);
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);
    expect((await XlsxWorkbook.load(file)).readSheet(SHEET.history)!.flat()).toContain(FORBIDDEN_SAFE);

    if (hasTool(LIBREOFFICE)) expect(libreOfficeOpens(file, dir(), 'escola.csv')).toBe(true);
  }, 180_000);
});

describe('the token (class 5)', () => {
  const dir = useTempDir('cademi-token-');

  it('a CADEMI_TOKEN no header can carry stops the sync (exit 2) naming the variable, never showing the token', async () => {
    const file = await initWorkbook(join(dir(), 'escola.xlsx'), ['--name', 'T7', '--tag', '101', '--start', '2026-07-06', '--products', '11,12,13']);
    const before = readFileSync(file);
    const run = await cli(['sync', file], { CADEMI_BASE_URL: 'https://escola.cademi.com.br/api/v1', CADEMI_TOKEN: 'abc\u0007def' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/CADEMI_TOKEN/);
    expect(run.stderr).not.toContain('abc\u0007def');
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});
