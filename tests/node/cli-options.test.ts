// Issue 11: every numeric and date option of every command is a usage error (exit 2, "erro: …",
// naming the option), never a stack trace; and an API address that is refused names where it came
// from and never blames the token, with or without one.

import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/node/cli';
import type { CliIo } from '../../src/node/cli-io';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook';
import { SHEET } from '../../src/core/sheets';

const ROOT = join(__dirname, '../..');

async function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) }, env, cwd: ROOT };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

let dir: string;
let file: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cademi-options-'));
  file = join(dir, 'escola.xlsx');
  expect((await cli(['init', file])).code).toBe(0);
  expect((await cli(['cohort', 'add', file, '--name', 'T1', '--tag', '101', '--start', '2026-07-06', '--products', '11,12'])).code).toBe(0);
  expect((await cli(['sync', file, '--date', '2026-09-14'])).code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function expectUsage(run: { code: number; stderr: string }, mentions: string): void {
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(/^erro/);
  expect(run.stderr).toContain(mentions);
  expect(run.stderr).not.toMatch(/erro inesperado|\n\s+at |TypeError|RangeError/);
}

describe('numeric and date options', () => {
  it.each([
    [['simulator', '--students', 'abc'], '--students'],
    [['simulator', '--students', '1e3'], '--students'],
    [['simulator', '--port', '-1'], '--port'],
    [['simulator', '--port', '80.5'], '--port'],
    [['simulator', '--latency-ms', 'Infinity'], '--latency-ms'],
    [['simulator', '--rate', '-2'], '--rate'],
    [['simulator', '--seed', 'abc'], '--seed'],
    [['demo', '--weeks', '105', '--out', 'nunca/x.xlsx'], '--weeks'],
    [['demo', '--weeks', '2.5', '--out', 'nunca/x.xlsx'], '--weeks'],
    [['demo', '--first-week', 'amanhã', '--out', 'nunca/x.xlsx'], '--first-week'],
    [['demo', '--students', 'muitos', '--out', 'nunca/x.xlsx'], '--students'],
    [['demo', '--out', ''], '--out'],
  ])('%j', async (argv, option) => {
    expectUsage(await cli(argv as string[]), option as string);
  });

  it('sync --date, cohort add and edit, student move and dropout', async () => {
    expectUsage(await cli(['sync', file, '--date', '14/09/2026']), '--date');
    expectUsage(await cli(['sync', file, '--date', '2026-02-29']), '--date');
    expectUsage(await cli(['cohort', 'add', file, '--name', 'T2', '--tag', 'abc', '--start', '2026-07-06', '--products', '11']), 'Tag ID');
    expectUsage(await cli(['cohort', 'add', file, '--name', 'T2', '--tag', '102', '--start', '2026-13-06', '--products', '11']), 'Início');
    expectUsage(await cli(['cohort', 'add', file, '--name', 'T2', '--tag', '102', '--start', '2026-07-06', '--products', 'onze']), 'Produtos');
    expectUsage(await cli(['cohort', 'edit', file, 'T1', '--tag', '-4']), '--tag');
    expectUsage(await cli(['cohort', 'edit', file, 'T1', '--products', '']), '--products');
    const student = String((await XlsxWorkbook.load(file)).readSheet(SHEET.history)![1][2]);
    expectUsage(await cli(['student', 'move', file, student, '--to', 'T1', '--from-week', 'semana 3']), '--from-week');
    expectUsage(await cli(['student', 'dropout', file, student, '--date', '2026-06-31']), '--date');
    expectUsage(await cli(['student', 'dropout', file, '-7', '--date', '2026-07-06']), '-7');
  });

  it('a port already taken is a usage error naming it', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as AddressInfo).port;
    try {
      expectUsage(await cli(['simulator', '--port', String(port)]), String(port));
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });
});

describe('a refused API address never blames the token', () => {
  async function withApiUrl(value: string): Promise<void> {
    const workbook = await XlsxWorkbook.load(file);
    const row = workbook.readSheet(SHEET.settings)!.findIndex((cells) => cells[0] === 'URL da API');
    workbook.updateRows(SHEET.settings, row, [['URL da API', value]]);
    await workbook.save(file);
  }
  afterEach(() => withApiUrl(''));

  it.each(['http://escola.cademi.com.br/api/v1', 'escola.cademi.com.br', 'https://escola cademi.com.br'])(
    'cell %p without CADEMI_TOKEN: exit 2 naming Configuração › URL da API, not the token',
    async (value) => {
      await withApiUrl(value);
      const before = (await XlsxWorkbook.load(file)).readSheet(SHEET.history)!.length;
      const run = await cli(['sync', file, '--date', '2026-09-21']);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/Configuração/);
      expect(run.stderr).toMatch(/URL da API/);
      expect(run.stderr).not.toMatch(/CADEMI_TOKEN|token|chave/i);
      expect(run.stdout).not.toMatch(/simulador/i);
      expect((await XlsxWorkbook.load(file)).readSheet(SHEET.history)!.length).toBe(before);
    },
  );

  it('a look-alike of a loopback host is refused, and the cell is checked before CADEMI_BASE_URL', async () => {
    await withApiUrl('http://localhost.evil.example/api/v1');
    expect((await cli(['sync', file, '--date', '2026-09-21'], { CADEMI_TOKEN: 'x' })).code).toBe(2);
    const run = await cli(['sync', file, '--date', '2026-09-21'], { CADEMI_BASE_URL: 'http://[::1]:9/api/v1', CADEMI_TOKEN: 'x' });
    // The cell is refused first: a workbook that names a bad API stops whatever the variable says.
    expect(run.stderr).toMatch(/URL da API/);
    await withApiUrl('');
    const env = await cli(['sync', file, '--date', '2026-09-21'], { CADEMI_BASE_URL: 'http://10.1.2.3/api/v1', CADEMI_TOKEN: 'x' });
    expect(env.code).toBe(2);
    expect(env.stderr).toMatch(/CADEMI_BASE_URL/);
    expect(env.stderr).toMatch(/https:\/\//);
  });
});
