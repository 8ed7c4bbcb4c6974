// Issue 11, classes 11 and 6 in the CLI: every numeric and date option of every command is a usage
// error (exit 2, "erro: …", naming the option), never a stack trace; and an API address that is
// refused (the URL da API cell or CADEMI_BASE_URL) stops the sync naming where it came from, never
// blames the token and never falls back to the simulator.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { SHEET } from '../../src/core/sheets';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook';
import { type SimulatorServer, startSimulatorServer } from '../../src/simulator/server';
import { type CliRun, cli, cohortOptions, initWorkbook, SIMULATOR_TOKEN, setApiUrl, spawnCli, syncWeeks, useBuiltCli, useTempDir } from './support/cli-harness';

useBuiltCli();
const dir = useTempDir('cademi-options-', 'all');
let file: string;
beforeAll(async () => {
  file = await initWorkbook(join(dir(), 'escola.xlsx'), ['--name', 'T1', '--tag', '101', '--start', '2026-07-06', '--products', '11,12']);
  await syncWeeks(file, '2026-09-14');
});

function expectUsage(run: CliRun, mentions: string): void {
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(/^erro: /);
  expect(run.stderr).toContain(mentions);
  expect(run.stderr).not.toMatch(/erro inesperado|\n\s+at |TypeError|RangeError/);
}

describe('numeric and date options are usage errors, never stack traces (class 11)', () => {
  /** Stands for the demo's --out file, in the test's folder: a refused demo writes nothing there. */
  const OUT = '<out>';
  const out = () => join(dir(), 'nunca', 'x.xlsx');

  const cases: [string[], string][] = [
    [['simulator', '--students', 'abc'], '--students'],
    [['simulator', '--students', '1e3'], '--students'],
    [['simulator', '--students', '0'], '--students'],
    [['simulator', '--port', '-1'], '--port'],
    [['simulator', '--port', '80.5'], '--port'],
    [['simulator', '--port', '99999'], '--port'],
    [['simulator', '--port', 'http'], '--port'],
    [['simulator', '--latency-ms', 'Infinity'], '--latency-ms'],
    [['simulator', '--latency-ms', 'abc'], '--latency-ms'],
    [['simulator', '--latency-ms', '-5'], '--latency-ms'],
    [['simulator', '--rate', '-2'], '--rate'],
    [['simulator', '--rate', '0'], '--rate'],
    [['simulator', '--rate', 'x'], '--rate'],
    [['simulator', '--seed', 'abc'], '--seed'],
    [['simulator', '--seed', '1.5'], '--seed'],
    [['demo', '--weeks', '105', '--out', OUT], '--weeks'],
    [['demo', '--weeks', '2.5', '--out', OUT], '--weeks'],
    [['demo', '--weeks', 'x', '--out', OUT], '--weeks'],
    [['demo', '--weeks', '0', '--out', OUT], '--weeks'],
    [['demo', '--first-week', 'amanhã', '--out', OUT], '--first-week'],
    [['demo', '--first-week', '2026-02-30', '--out', OUT], '--first-week'],
    [['demo', '--students', 'muitos', '--out', OUT], '--students'],
    [['demo', '--students', '-3', '--out', OUT], '--students'],
    [['demo', '--out', ''], '--out'],
  ];

  it.each(cases)('%j', async (argv, option) => {
    expectUsage(await cli(argv.map((arg) => (arg === OUT ? out() : arg))), option);
    if (argv.includes(OUT)) expect(existsSync(out())).toBe(false);
  });

  it('sync --date, cohort add and edit, student move and dropout', async () => {
    expectUsage(await cli(['sync', file, '--date', '31/09/2026']), '--date');
    expectUsage(await cli(['sync', file, '--date', '14/09/26']), '--date');
    expectUsage(await cli(['sync', file, '--date', '2026-02-29']), '--date');
    expectUsage(await cli(['sync', file, '--date', 'ontem']), '--date');
    expectUsage(await cli(['sync', file, '--date', '2026-13-01']), '--date');
    expectUsage(await cli(['cohort', 'add', file, '--name', 'T2', '--tag', 'abc', '--start', '2026-07-06', '--products', '11']), 'Tag ID');
    expectUsage(await cli(['cohort', 'add', file, '--name', 'T2', '--tag', '102', '--start', '2026-13-06', '--products', '11']), 'Início');
    expectUsage(await cli(['cohort', 'add', file, '--name', 'T2', '--tag', '102', '--start', '2026-07-06', '--products', 'onze']), 'Produtos');
    expectUsage(await cli(['cohort', 'edit', file, 'T1', '--tag', '-4']), '--tag');
    expectUsage(await cli(['cohort', 'edit', file, 'T1', '--tag', 'abc']), '--tag');
    expectUsage(await cli(['cohort', 'edit', file, 'T1', '--products', '']), '--products');
    expectUsage(await cli(['cohort', 'edit', file, 'T1', '--products', '11,x']), '--products');
    expectUsage(await cli(['cohort', 'edit', file, 'T1', '--start', '2026-02-30']), '--start');
    const student = String((await XlsxWorkbook.load(file)).readSheet(SHEET.history)![1][2]);
    expectUsage(await cli(['student', 'move', file, student, '--to', 'T1', '--from-week', 'semana 3']), '--from-week');
    expectUsage(await cli(['student', 'dropout', file, student, '--date', '2026-06-31']), '--date');
    expectUsage(await cli(['student', 'dropout', file, '-7', '--date', '2026-07-06']), '-7');
    expectUsage(await cli(['student', 'dropout', file, '12abc', '--date', '2026-07-06']), '12abc');
  });

  it("options the parser refuses are said in Portuguese, naming the option or argument (never Node's English)", async () => {
    const runs: [string[], RegExp][] = [
      [
        ['sync', file, '--foo'],
        /^erro: opção desconhecida --foo\n\nuso: cademi-monitor sync <arquivo.xlsx> \[--date DD\/MM\/AAAA\]\nAjuda e exemplos: cademi-monitor sync --help\n$/,
      ],
      [['cohort', 'add', file, '--name'], /^erro: a opção --name precisa de um valor/],
      [
        ['cohort', 'add', file, '--name', 'T9', '--tag', '109', '--start', '2026-07-06', '--products', '11', '--inactive=sim'],
        /^erro: a opção --inactive não aceita valor/,
      ],
      [['cohort', 'list', file, '--inactive'], /^erro: opção desconhecida --inactive/],
      [['cohort', 'list', file, 'T1'], /^erro: argumento a mais: "T1"/],
      [['init', file, 'outro.xlsx'], /^erro: /],
      [['sync', file, 'extra.xlsx'], /^erro: /],
    ];
    for (const [argv, said] of runs) {
      const run = await cli(argv);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(said);
      expect(run.stderr).not.toMatch(/Unknown option|argument missing|does not take|Unexpected argument|ERR_PARSE_ARGS/i);
    }
  });

  it('a file that is not an .xlsx is refused in Portuguese, never quoting the reader', async () => {
    const broken = join(dir(), 'quebrado.xlsx');
    writeFileSync(broken, 'PK\u0003\u0004 isto não é uma planilha');
    const run = await cli(['sync', broken]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `erro: ${broken} não pôde ser lido como .xlsx (o arquivo está corrompido ou não é uma planilha); abra-o no Excel ou no LibreOffice para conferir, ou escolha outro arquivo.\n`,
    );
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

  it('the built CLI as its own process: `simulator --students abc` exits 2 with the message, no stack', async () => {
    const run = await spawnCli(['simulator', '--students', 'abc']).done;
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^erro: --students/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('a refused API address stops the sync, never blames the token, never uses the simulator (class 6)', () => {
  let api: SimulatorServer;
  beforeAll(async () => {
    api = await startSimulatorServer({ port: 0, studentCount: 4 });
  });
  afterAll(() => api.close());
  afterEach(() => setApiUrl(file, ''));

  it.each([
    'http://escola.cademi.com.br/api/v1',
    'escola.cademi.com.br/api/v1',
    'escola.cademi.com.br',
    'https://escola .cademi.com.br/api/v1',
    'https://escola cademi.com.br',
    'http://127.0.0.1.evil.example/api/v1',
    'http://localhost.evil.example/api/v1',
  ])('URL da API %p, with or without CADEMI_TOKEN: exit 2 naming Configuração › URL da API, the file unchanged', async (value) => {
    await setApiUrl(file, value);
    const before = readFileSync(file);
    for (const env of [{}, { CADEMI_TOKEN: SIMULATOR_TOKEN }] as Record<string, string>[]) {
      const run = await cli(['sync', file, '--date', '2026-09-21'], env);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/Configuração/);
      expect(run.stderr).toMatch(/URL da API/);
      expect(run.stderr).toMatch(/https:\/\//);
      expect(run.stderr).not.toMatch(/CADEMI_TOKEN|token|chave/i);
      expect(run.stdout).not.toMatch(/simulador/i);
      expect(readFileSync(file).equals(before)).toBe(true);
    }
  });

  it('the cell is checked before CADEMI_BASE_URL: a workbook that names a bad API stops whatever the variable says', async () => {
    await setApiUrl(file, 'http://localhost.evil.example/api/v1');
    const run = await cli(['sync', file, '--date', '2026-09-21'], { CADEMI_BASE_URL: 'http://[::1]:9/api/v1', CADEMI_TOKEN: 'x' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/URL da API/);
  });

  it('CADEMI_BASE_URL follows the same rule, over a valid cell and over an empty one', async () => {
    const requests = api.simulator.stats.requests;
    for (const cell of [api.url, '']) {
      await setApiUrl(file, cell);
      const before = readFileSync(file);
      for (const value of ['http://escola.cademi.com.br/api/v1', 'ftp://escola.cademi.com.br', 'https://a b.com', 'http://10.1.2.3/api/v1']) {
        const run = await cli(['sync', file, '--date', '2026-09-21'], { CADEMI_BASE_URL: value, CADEMI_TOKEN: SIMULATOR_TOKEN });
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(/CADEMI_BASE_URL/);
        expect(run.stderr).toMatch(/https:\/\//);
        expect(run.stderr).not.toMatch(/token|chave/i);
        expect(run.stdout).not.toMatch(/simulador/i);
      }
      expect(readFileSync(file).equals(before)).toBe(true);
    }
    // Not even the valid cell's API was asked.
    expect(api.simulator.stats.requests).toBe(requests);
  });

  it('loopback http is allowed (the local simulator); only an empty cell and no variable use the embedded one, and say so', async () => {
    const other = await initWorkbook(join(dir(), 'local.xlsx'), cohortOptions(api.simulator.school.cohorts[0]));
    await setApiUrl(other, api.url.replace('127.0.0.1', 'localhost'));
    const requests = api.simulator.stats.requests;
    const real = await cli(['sync', other, '--date', '2026-11-16'], { CADEMI_TOKEN: SIMULATOR_TOKEN });
    expect(real.code).toBe(0);
    expect(real.stdout).not.toMatch(/simulador Cademi embutido/);
    expect(api.simulator.stats.requests).toBeGreaterThan(requests);
    await setApiUrl(other, '');
    const embedded = await cli(['sync', other, '--date', '2026-11-16']);
    expect(embedded.code).toBe(0);
    expect(embedded.stdout).toMatch(/simulador Cademi embutido/);
  });
});
