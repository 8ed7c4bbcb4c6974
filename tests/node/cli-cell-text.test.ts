// Issue 11, classes 3 and 5 in the Node host: API text that XML forbids, that no cell can hold, or that
// echoes the token goes through a real sync into an .xlsx that opens again (exceljs, a second sync,
// LibreOffice when installed) with every cell safe and no token anywhere.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HttpRequest, HttpResponse } from '../../src/core/http';
import { ECHOED_TOKEN } from '../../src/core/messages/cademi';
import { CUT_MARKER, MAX_CELL_CHARS } from '../../src/core/workbook/cell-text';
import { SHEET } from '../../src/core/sheets';
import { main } from '../../src/node/cli';
import type { CliIo } from '../../src/node/cli-io';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook';
import { createSchool } from '../../src/simulator';
import { startSimulatorServer, type SimulatorServer } from '../../src/simulator/server';

const TOKEN = 'simulador-token';
const FORBIDDEN = 'Ana\uFFFE\u0001\uD800 Souza 😀';
const LONG = `Bruno ${'B'.repeat(40_000)}`;
const ECHO = `${TOKEN}@eco.example.com`;
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

async function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) }, env, cwd: process.cwd() };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/** Every text cell of every sheet. */
function texts(book: XlsxWorkbook): string[] {
  return book.sheetNames().flatMap((name) => (book.readSheet(name) ?? []).flat().filter((cell): cell is string => typeof cell === 'string'));
}

describe('odd API text through a real sync', () => {
  let server: SimulatorServer;
  let dir: string;
  let file: string;
  let inner = false;
  const cohort = createSchool({ studentCount: 12 }).cohorts[0];

  beforeAll(async () => {
    server = await startSimulatorServer({
      port: 0, studentCount: 12,
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
    dir = mkdtempSync(join(tmpdir(), 'cademi-cell-text-'));
    file = join(dir, 'escola.xlsx');
    expect((await cli(['init', file])).code).toBe(0);
    expect((await cli(['cohort', 'add', file, '--name', cohort.name, '--tag', String(cohort.tagId), '--start', cohort.start, '--products', cohort.productIds.join(',')])).code).toBe(0);
  }, 60_000);

  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes a workbook that loads again, with safe text and no token, and a second sync works on it', async () => {
    const env = { CADEMI_BASE_URL: server.url, CADEMI_TOKEN: TOKEN };
    const first = await cli(['sync', file], env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);

    const book = await XlsxWorkbook.load(file);
    const cells = texts(book);
    const history = (book.readSheet(SHEET.history) ?? []).flat();
    expect(history).toContain('Ana\uFFFD\uFFFD\uFFFD Souza 😀');
    const cut = history.find((cell) => typeof cell === 'string' && cell.startsWith('Bruno BBB')) as string;
    expect(cut.length).toBe(MAX_CELL_CHARS);
    expect(cut.endsWith(CUT_MARKER)).toBe(true);
    expect(history).toContain(`${ECHOED_TOKEN}@eco.example.com`);
    expect(cells.some((cell) => XML_FORBIDDEN.test(cell))).toBe(false);
    expect(cells.some((cell) => cell.length > MAX_CELL_CHARS)).toBe(false);
    expect(cells.join('\n')).not.toContain(TOKEN);
    const preview = file.replace(/\.xlsx$/, '.html');
    if (existsSync(preview)) expect(readFileSync(preview, 'utf8')).not.toContain(TOKEN);

    const second = await cli(['sync', file], env);
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);
    expect((await XlsxWorkbook.load(file)).readSheet(SHEET.history)!.flat()).toContain('Ana\uFFFD\uFFFD\uFFFD Souza 😀');

    // LibreOffice is installed on this machine (checked with `which soffice`); skip only where it is not.
    if (existsSync('/usr/bin/soffice')) {
      execFileSync('soffice', ['--headless', '--convert-to', 'csv', '--outdir', dir, file], { stdio: 'ignore', timeout: 120_000, env: { ...process.env, HOME: dir } });
      expect(existsSync(join(dir, 'escola.csv'))).toBe(true);
    }
  }, 180_000);
});
