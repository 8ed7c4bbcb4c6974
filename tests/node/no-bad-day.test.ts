// Issue 11 in the Node host: text that cannot break the file, one writer per workbook, the saved file
// stays the same file, an invalid API address or token never runs, numeric options are usage errors.

import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdtempSync, readlinkSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/node/cli';
import type { CliIo } from '../../src/node/cli-io';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook';
import { SHEET } from '../../src/core/sheets';
import { CUT_MARKER, MAX_CELL_CHARS, safeCellText } from '../../src/core/workbook/cell-text';
import { checkBaseUrl } from '../../src/core/cademi/base-url';
import { tokenProblem } from '../../src/core/cademi/token';
import { startSimulatorServer } from '../../src/simulator/server';

const ROOT = join(__dirname, '../..');

function capture(env: Record<string, string> = {}): { io: CliIo; out: () => string; err: () => string } {
  let stdout = '';
  let stderr = '';
  return {
    io: { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) }, env, cwd: ROOT },
    out: () => stdout,
    err: () => stderr,
  };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cademi-bad-day-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function newWorkbook(name = 'escola.xlsx'): Promise<string> {
  const file = join(dir, name);
  expect(await main(['init', file], capture().io)).toBe(0);
  expect(await main(['cohort', 'add', file, '--name', 'T7', '--tag', '101', '--start', '2026-07-06', '--products', '11,12,13'], capture().io)).toBe(0);
  return file;
}

describe('one cell-text rule (class 3)', () => {
  const nasty = `Ana\uFFFE\u0001\uD800 Souza 😀`;

  it('replaces what XML forbids, keeps emoji pairs, cuts at the lower host limit with a marker', () => {
    expect(safeCellText(nasty)).toBe('Ana\uFFFD\uFFFD\uFFFD Souza 😀');
    const long = safeCellText('x'.repeat(40_000));
    expect(long.length).toBe(MAX_CELL_CHARS);
    expect(long.endsWith(CUT_MARKER)).toBe(true);
    expect(safeCellText(`${'x'.repeat(MAX_CELL_CHARS - CUT_MARKER.length - 1)}😀tail`)).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('an .xlsx holding such text opens again, in exceljs and in LibreOffice', async () => {
    const book = XlsxWorkbook.empty();
    book.writeSheet('Dados', { rows: [['Nome'], [nasty], ['y'.repeat(40_000)], ['=HYPERLINK("https://evil.example.com")']] });
    const file = join(dir, 'texto.xlsx');
    await book.save(file);
    const rows = (await XlsxWorkbook.load(file)).readSheet('Dados')!;
    expect(rows[1][0]).toBe('Ana\uFFFD\uFFFD\uFFFD Souza 😀');
    expect(String(rows[2][0]).length).toBe(MAX_CELL_CHARS);
    expect(rows[3][0]).toBe('=HYPERLINK("https://evil.example.com")');
    if (existsSync('/usr/bin/soffice')) {
      execFileSync('soffice', ['--headless', '--convert-to', 'csv', '--outdir', dir, file], { stdio: 'ignore', timeout: 120_000, env: { ...process.env, HOME: dir } });
      expect(existsSync(join(dir, 'texto.csv'))).toBe(true);
    }
  }, 150_000);
});

describe('the API address and the token (classes 5 and 6)', () => {
  it('https anywhere, plain http only to this machine', () => {
    expect(checkBaseUrl('https://escola.cademi.com.br/api/v1/').ok).toBe(true);
    expect(checkBaseUrl('http://127.0.0.1:8787/api/v1').ok).toBe(true);
    expect(checkBaseUrl('http://localhost/api/v1').ok).toBe(true);
    expect(checkBaseUrl('http://escola.cademi.com.br/api/v1').ok).toBe(false);
    expect(checkBaseUrl('escola.cademi.com.br/api/v1').ok).toBe(false);
    expect(checkBaseUrl('https://escola .cademi.com.br').ok).toBe(false);
  });

  it('a token that no header can carry is refused without showing it', () => {
    expect(tokenProblem('abc123-XYZ')).toBeNull();
    for (const bad of ['abc\r\nX-Evil: 1', 'abç', 'a b', '']) {
      const problem = tokenProblem(bad)!;
      expect(problem).toMatch(/token/);
      if (bad) expect(problem).not.toContain(bad);
    }
  });

  it('an invalid URL da API stops sync with exit 2 naming the cell, never using the simulator', async () => {
    const file = await newWorkbook();
    const book = await XlsxWorkbook.load(file);
    const row = book.readSheet(SHEET.settings)!.findIndex((cells) => cells[0] === 'URL da API');
    book.updateRows(SHEET.settings, row, [['URL da API', 'http://escola.cademi.com.br/api/v1']]);
    await book.save(file);
    const run = capture({ CADEMI_TOKEN: 'abc' });
    expect(await main(['sync', file, '--date', '2026-09-14'], run.io)).toBe(2);
    expect(run.err()).toMatch(/URL da API/);
    expect(run.err()).not.toMatch(/token/i);
    expect(run.out()).not.toMatch(/simulador/i);
    expect((await XlsxWorkbook.load(file)).readSheet(SHEET.history) ?? []).toHaveLength(0);
  });

  it('CADEMI_BASE_URL follows the same rule, and CADEMI_TOKEN must be a header value', async () => {
    const file = await newWorkbook();
    const http = capture({ CADEMI_BASE_URL: 'http://escola.cademi.com.br/api/v1', CADEMI_TOKEN: 'abc' });
    expect(await main(['sync', file], http.io)).toBe(2);
    expect(http.err()).toMatch(/CADEMI_BASE_URL/);
    const token = capture({ CADEMI_BASE_URL: 'https://escola.cademi.com.br/api/v1', CADEMI_TOKEN: 'abc\u0007def' });
    expect(await main(['sync', file], token.io)).toBe(2);
    expect(token.err()).toMatch(/CADEMI_TOKEN/);
    expect(token.err()).not.toContain('abc\u0007def');
  });

  it('every failure the API can give reaches the coordinator in Portuguese, without the body', async () => {
    const answers: { status: number; headers: Record<string, string>; body: string }[] = [
      { status: 405, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ success: false, code: 405, msg: 'Invalid token abc' }) },
      { status: 500, headers: {}, body: '<h1>Internal Server Error</h1>' },
      { status: 302, headers: { location: 'https://login.example.com/sso?next=/api' }, body: '' },
      { status: 200, headers: {}, body: '{"success":true,"data":{"usuario":"nope"}}' },
    ];
    for (const answer of answers) {
      const server = await startSimulatorServer({ port: 0, studentCount: 6, fault: () => answer });
      try {
        const file = await newWorkbook(`escola-${answer.status}.xlsx`);
        const run = capture({ CADEMI_BASE_URL: server.url, CADEMI_TOKEN: 'simulador-token' });
        expect(await main(['sync', file], run.io)).toBe(1);
        const text = run.err();
        expect(text).not.toMatch(/\b(the|rejected|check|retry|failed|answered|unexpected)\b/i);
        expect(text).not.toMatch(/Invalid token abc|Internal Server Error|sso\?next|nope/);
        if (answer.status === 302) expect(text).toMatch(/URL da API.*https:\/\/login\.example\.com|https:\/\/login\.example\.com.*URL da API/);
      } finally {
        await server.close();
      }
    }
  }, 120_000);
});

describe('the saved file stays the same file (class 8)', () => {
  it('a private workbook stays private, and so is its preview', async () => {
    const file = await newWorkbook();
    chmodSync(file, 0o600);
    expect(await main(['sync', file, '--date', '2026-09-14'], capture().io)).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(file.replace(/\.xlsx$/, '.html')).mode & 0o777).toBe(0o600);
  });

  it('a symlinked workbook stays a link, and its target gets the week', async () => {
    const target = await newWorkbook('real.xlsx');
    const link = join(dir, 'link.xlsx');
    symlinkSync(target, link);
    expect(await main(['sync', link, '--date', '2026-09-14'], capture().io)).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(target);
    expect(((await XlsxWorkbook.load(target)).readSheet(SHEET.history) ?? []).length).toBeGreaterThan(1);
  });

  it('a read-only workbook is refused before any work, with a message', async () => {
    const file = await newWorkbook();
    chmodSync(file, 0o444);
    const run = capture();
    expect(await main(['sync', file, '--date', '2026-09-14'], run.io)).toBe(2);
    expect(run.err()).toMatch(/somente leitura/);
  });
});

describe('one writer per workbook (class 2)', () => {
  it('a command on a workbook another command holds is refused with "em uso", and the lock is released after', async () => {
    const file = await newWorkbook();
    const cli = join(ROOT, 'dist/cli.js');
    if (!existsSync(cli)) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'ignore' });
    // A real second process holds the lock while it runs a demo-sized sync on the embedded simulator.
    const holder = spawn(process.execPath, ['-e', `
      const lockfile = require(${JSON.stringify(require.resolve('proper-lockfile'))});
      lockfile.lock(${JSON.stringify(file)}, { realpath: false, lockfilePath: ${JSON.stringify(`${file}.lock`)}, stale: 20000, update: 5000 })
        .then(() => { process.stdout.write('held\\n'); setTimeout(() => process.exit(0), 60000); });
    `], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => holder.stdout!.once('data', () => resolve()));
    try {
      const add = capture();
      expect(await main(['cohort', 'add', file, '--name', 'T8', '--tag', '102', '--start', '2026-08-03', '--products', '11'], add.io)).toBe(1);
      expect(add.err()).toMatch(/em uso/);
      const sync = capture();
      expect(await main(['sync', file, '--date', '2026-09-14'], sync.io)).toBe(1);
      expect(sync.err()).toMatch(/em uso/);
    } finally {
      holder.kill('SIGKILL');
    }
    // The holder is gone: its lock stays until stale, so wait for the directory to age out is not
    // needed here; remove it as proper-lockfile would after the stale period and check the command runs.
    rmSync(`${file}.lock`, { recursive: true, force: true });
    expect(await main(['cohort', 'add', file, '--name', 'T8', '--tag', '102', '--start', '2026-08-03', '--products', '11'], capture().io)).toBe(0);
    expect(existsSync(`${file}.lock`)).toBe(false);
  }, 60_000);
});

describe('numeric options (class 11)', () => {
  it.each([
    [['simulator', '--students', 'abc']],
    [['simulator', '--port', '99999']],
    [['simulator', '--seed', '1.5']],
    [['demo', '--weeks', 'x', '--out', 'out/never.xlsx']],
    [['demo', '--students', '-3', '--out', 'out/never.xlsx']],
  ])('%j is a usage error (exit 2), no stack trace', async (argv) => {
    const run = capture();
    expect(await main(argv, run.io)).toBe(2);
    expect(run.err()).toMatch(/^erro: /);
    expect(run.err()).not.toMatch(/\n\s+at /);
  });
});
