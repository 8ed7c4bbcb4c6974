// Issue 11, classes 2, 6, 8 and the numeric options of 11, in the Node host: one writer per workbook
// (real processes of the built CLI), an API address that is refused instead of falling back to the
// simulator, a saved file that keeps its mode and its links, and usage errors instead of stack traces.

import { execFileSync, spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/node/cli';
import type { CliIo } from '../../src/node/cli-io';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook';
import { ArchiveWorkbook } from '../../src/node/archive-workbook';
import { writeFileAtomically } from '../../src/node/atomic-file';
import { WorkbookLockLostError, withWorkbookLock } from '../../src/node/workbook-lock';
import { SHEET } from '../../src/core/sheets';
import { startSimulatorServer, type SimulatorServer } from '../../src/simulator/server';

const ROOT = join(__dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');
const TOKEN = 'simulador-token';
const RUN_DATE = '2026-11-16';

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(args: string[], env: Record<string, string> = {}): Promise<Outcome> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) }, env, cwd: ROOT };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/** The built CLI as its own process, so its lock, its crash or its kill is real. */
function spawnCli(args: string[], env: Record<string, string> = {}): { done: Promise<Outcome>; kill: () => void } {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', HOME: tmpdir(), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const done = new Promise<Outcome>((resolve) => child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 137 : 1), stdout, stderr })));
  return { done, kill: () => child.kill('SIGKILL') };
}

/**
 * The simulator behind a gate: every request waits until the gate opens, so a sync can be held in the
 * middle of its run for as long as a test needs, with no timing involved. `arrived` resolves on the first request.
 */
class GatedApi {
  private open = false;
  private readonly waiting: (() => void)[] = [];
  private first!: () => void;
  readonly arrived = new Promise<void>((resolve) => (this.first = resolve));
  private constructor(private readonly http: Server, readonly simulator: SimulatorServer) {}

  static async start(): Promise<GatedApi> {
    const simulator = await startSimulatorServer({ port: 0, studentCount: 4 });
    let gated: GatedApi | null = null;
    const http = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        const answer = () => {
          const headers = Object.fromEntries(Object.entries(request.headers).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
          const result = simulator.simulator.handle({ method: 'GET', url: `${gated!.url.replace(/\/api\/v1$/, '')}${request.url}`, headers });
          response.writeHead(result.status, result.headers);
          response.end(result.body);
        };
        gated!.first();
        if (gated!.open) answer();
        else gated!.waiting.push(answer);
      });
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    gated = new GatedApi(http, simulator);
    return gated;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.http.address() as AddressInfo).port}/api/v1`;
  }

  get env(): Record<string, string> {
    return { CADEMI_BASE_URL: this.url, CADEMI_TOKEN: TOKEN };
  }

  release(): void {
    this.open = true;
    this.waiting.splice(0).forEach((answer) => answer());
  }

  async close(): Promise<void> {
    this.release();
    this.http.closeAllConnections();
    await new Promise((resolve) => this.http.close(resolve));
    await this.simulator.close();
  }
}

let dir: string;
beforeAll(() => {
  if (!existsSync(CLI)) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'ignore' });
});
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cademi-file-safety-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The simulator's first cohort, or (with a name) an extra cohort on a tag of its own. */
const cohortArgs = (api: SimulatorServer, name?: string) => {
  const cohort = api.simulator.school.cohorts[0];
  if (name !== undefined) return ['--name', name, '--tag', String(9000 + name.length), '--start', cohort.start, '--products', cohort.productIds.join(',')];
  return ['--name', cohort.name, '--tag', String(cohort.tagId), '--start', cohort.start, '--products', cohort.productIds.join(',')];
};

async function schoolWorkbook(api: SimulatorServer, name = 'escola.xlsx'): Promise<string> {
  const file = join(dir, name);
  expect((await cli(['init', file])).code).toBe(0);
  expect((await cli(['cohort', 'add', file, ...cohortArgs(api)])).code).toBe(0);
  return file;
}

async function historyRows(file: string): Promise<number> {
  return ((await XlsxWorkbook.load(file)).readSheet(SHEET.history) ?? []).length;
}

async function setApiUrl(file: string, value: string): Promise<void> {
  const workbook = await XlsxWorkbook.load(file);
  const row = workbook.readSheet(SHEET.settings)!.findIndex((cells) => cells[0] === 'URL da API');
  workbook.updateRows(SHEET.settings, row, [['URL da API', value]]);
  await workbook.save(file);
}

describe('one writer per workbook (class 2)', () => {
  let api: GatedApi;
  beforeEach(async () => {
    api = await GatedApi.start();
  });
  afterEach(() => api.close());

  it('while a sync holds the file, a second sync and a cohort add fail at once with "em uso"; afterwards both work', async () => {
    const file = await schoolWorkbook(api.simulator);
    const first = spawnCli(['sync', file, '--date', RUN_DATE], api.env);
    await api.arrived;
    const extra = ['cohort', 'add', file, ...cohortArgs(api.simulator, 'Turma Extra')];
    const [second, added] = await Promise.all([spawnCli(['sync', file, '--date', RUN_DATE], api.env).done, spawnCli(extra).done]);
    for (const refused of [second, added]) {
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/em uso/);
      expect(refused.stderr).toContain(file);
      expect(refused.stderr).not.toMatch(/erro inesperado|\n\s+at /);
      expect(refused.stdout).not.toMatch(/adicionada|Semana/);
    }
    api.release();
    const done = await first.done;
    expect(done.code).toBe(0);
    expect(existsSync(`${file}.lock`)).toBe(false);
    const rows = await historyRows(file);
    expect(rows).toBeGreaterThan(1);
    expect((await cli(extra)).code).toBe(0);
    expect((await XlsxWorkbook.load(file)).readSheet(SHEET.cohorts)!.map((row) => row[0])).toContain('Turma Extra');
    expect(await historyRows(file)).toBe(rows);
  }, 120_000);

  it('a killed holder leaves a lock that is refused while fresh and taken over once stale', async () => {
    const file = await schoolWorkbook(api.simulator);
    const killed = spawnCli(['sync', file, '--date', RUN_DATE], api.env);
    await api.arrived;
    killed.kill();
    expect((await killed.done).code).toBe(137);
    expect(existsSync(`${file}.lock`)).toBe(true);
    api.release();
    const fresh = await spawnCli(['sync', file, '--date', RUN_DATE], api.env).done;
    expect(fresh.code).toBe(1);
    expect(fresh.stderr).toMatch(/em uso/);
    // Age the dead holder's lock past the stale period (what the clock would do in 20 s).
    const past = new Date(Date.now() - 60_000);
    utimesSync(`${file}.lock`, past, past);
    const taken = await spawnCli(['sync', file, '--date', RUN_DATE], api.env).done;
    expect(taken.stderr).not.toMatch(/em uso/);
    expect(taken.code).toBe(0);
    expect(await historyRows(file)).toBeGreaterThan(1);
    expect(existsSync(`${file}.lock`)).toBe(false);
  }, 120_000);

  it('every name of one file shares one lock: a command through a symlink is refused while the target is held', async () => {
    const file = await schoolWorkbook(api.simulator, 'real.xlsx');
    const link = join(dir, 'link.xlsx');
    symlinkSync(file, link);
    const holder = spawnCli(['sync', file, '--date', RUN_DATE], api.env);
    await api.arrived;
    const viaLink = await spawnCli(['cohort', 'add', link, ...cohortArgs(api.simulator, 'Pelo link')]).done;
    expect(viaLink.code).toBe(1);
    expect(viaLink.stderr).toMatch(/em uso/);
    api.release();
    expect((await holder.done).code).toBe(0);
  }, 120_000);

  it('a lock lost mid-command saves nothing and fails cleanly (no crash from a timer)', async () => {
    const file = await schoolWorkbook(api.simulator);
    const before = readFileSync(file);
    const workbook = await XlsxWorkbook.load(file);
    workbook.writeSheet('Nova', { rows: [['x']] });
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      const run = withWorkbookLock(file, async () => {
        // Someone else's process changed the lock under us (as a takeover would).
        const other = new Date(Date.now() + 5_000);
        utimesSync(`${file}.lock`, other, other);
        jest.advanceTimersByTime(6_000);
        // Let the lock's refresh finish its real stat of the directory.
        for (let i = 0; i < 200; i++) await new Promise((resolve) => setImmediate(resolve));
        await workbook.save(file);
      });
      await expect(run).rejects.toBeInstanceOf(WorkbookLockLostError);
      await expect(run).rejects.toThrow(/nada foi salvo/);
    } finally {
      jest.useRealTimers();
    }
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    // Nothing of the lost lock blocks the next command.
    rmSync(`${file}.lock`, { recursive: true, force: true });
    expect((await cli(['cohort', 'add', file, ...cohortArgs(api.simulator, 'Depois')])).code).toBe(0);
  });
});

describe('an API address is refused, never replaced by the simulator (class 6)', () => {
  let api: SimulatorServer;
  beforeEach(async () => {
    api = await startSimulatorServer({ port: 0, studentCount: 4 });
  });
  afterEach(() => api.close());

  it.each(['http://escola.cademi.com.br/api/v1', 'escola.cademi.com.br/api/v1', 'https://escola .cademi.com.br/api/v1', 'http://127.0.0.1.evil.example/api/v1'])(
    'URL da API %p stops sync with exit 2 naming the cell, and writes nothing',
    async (value) => {
      const file = await schoolWorkbook(api);
      await setApiUrl(file, value);
      const run = await cli(['sync', file, '--date', RUN_DATE], { CADEMI_TOKEN: TOKEN });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/Configuração/);
      expect(run.stderr).toMatch(/URL da API/);
      expect(run.stderr).toMatch(/https:\/\//);
      expect(run.stderr).not.toMatch(/token|chave/i);
      expect(run.stdout).not.toMatch(/simulador/i);
      expect(await historyRows(file)).toBe(0);
      expect(api.simulator.stats.requests).toBe(0);
    },
  );

  it('CADEMI_BASE_URL follows the same rule, even over a valid cell', async () => {
    const file = await schoolWorkbook(api);
    await setApiUrl(file, api.url);
    for (const value of ['http://escola.cademi.com.br/api/v1', 'ftp://escola.cademi.com.br', 'https://a b.com']) {
      const run = await cli(['sync', file, '--date', RUN_DATE], { CADEMI_BASE_URL: value, CADEMI_TOKEN: TOKEN });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/CADEMI_BASE_URL/);
      expect(run.stderr).not.toMatch(/token|chave/i);
    }
    expect(await historyRows(file)).toBe(0);
    expect(api.simulator.stats.requests).toBe(0);
  });

  it('loopback http is allowed (the local simulator); only an empty cell and no variable use the embedded one, and say so', async () => {
    const file = await schoolWorkbook(api);
    await setApiUrl(file, api.url.replace('127.0.0.1', 'localhost'));
    const real = await cli(['sync', file, '--date', RUN_DATE], { CADEMI_TOKEN: TOKEN });
    expect(real.code).toBe(0);
    expect(real.stdout).not.toMatch(/simulador Cademi embutido/);
    expect(api.simulator.stats.requests).toBeGreaterThan(0);
    await setApiUrl(file, '');
    const embedded = await cli(['sync', file, '--date', RUN_DATE]);
    expect(embedded.code).toBe(0);
    expect(embedded.stdout).toMatch(/simulador Cademi embutido/);
  });
});

describe('the saved file stays the same file (class 8)', () => {
  let api: SimulatorServer;
  beforeEach(async () => {
    api = await startSimulatorServer({ port: 0, studentCount: 4 });
  });
  afterEach(() => api.close());

  it.each([0o600, 0o640])('a %o workbook keeps its mode, and its new preview is no more readable', async (mode) => {
    const file = await schoolWorkbook(api);
    chmodSync(file, mode);
    expect((await cli(['sync', file, '--date', RUN_DATE], { CADEMI_BASE_URL: api.url, CADEMI_TOKEN: TOKEN })).code).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(mode);
    expect(statSync(join(dir, 'escola.html')).mode & 0o777 & ~mode).toBe(0);
    expect((await cli(['cohort', 'add', file, ...cohortArgs(api, 'Outra')])).code).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(mode);
  });

  it('a new archive beside a private workbook is private too', async () => {
    const main = join(dir, 'escola.xlsx');
    writeFileSync(main, 'x');
    chmodSync(main, 0o600);
    const archive = ArchiveWorkbook.beside(main);
    archive.append('Histórico 2026-01-05 a 2026-06-29', [['Semana'], ['2026-01-05']]);
    await archive.save();
    expect(statSync(archive.path).mode & 0o777).toBe(0o600);
  });

  it('a temp file is created with the final mode even with an open umask, and a failed save leaves none', () => {
    const previous = process.umask(0);
    try {
      const privateFile = join(dir, 'privado.txt');
      writeFileSync(privateFile, 'a', { mode: 0o600 });
      chmodSync(privateFile, 0o600);
      writeFileAtomically(privateFile, 'b');
      expect(statSync(privateFile).mode & 0o777).toBe(0o600);
      const beside = join(dir, 'ao-lado.html');
      writeFileAtomically(beside, '<p>', { limitTo: privateFile });
      expect(statSync(beside).mode & 0o777).toBe(0o600);
    } finally {
      process.umask(previous);
    }
    // A folder where a file should be: the rename fails, and the temp file is removed.
    const blocked = join(dir, 'pasta.xlsx');
    mkdirSync(blocked);
    expect(() => writeFileAtomically(blocked, 'x')).toThrow();
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('a symlinked workbook stays a link and its target gets the week; the temp file is written beside the target', async () => {
    const targetDir = join(dir, 'dados');
    mkdirSync(targetDir);
    const target = join(targetDir, 'real.xlsx');
    expect((await cli(['init', target])).code).toBe(0);
    expect((await cli(['cohort', 'add', target, ...cohortArgs(api)])).code).toBe(0);
    chmodSync(target, 0o600);
    const link = join(dir, 'escola.xlsx');
    symlinkSync(join('dados', 'real.xlsx'), link);
    expect((await cli(['sync', link, '--date', RUN_DATE], { CADEMI_BASE_URL: api.url, CADEMI_TOKEN: TOKEN })).code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(join('dados', 'real.xlsx'));
    expect(await historyRows(target)).toBeGreaterThan(1);
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it.each([0o444, 0o400, 0o555])('a read-only (%o) workbook is refused before any API call, with a message', async (mode) => {
    const file = await schoolWorkbook(api);
    const before = readFileSync(file);
    chmodSync(file, mode);
    const run = await cli(['sync', file, '--date', RUN_DATE], { CADEMI_BASE_URL: api.url, CADEMI_TOKEN: TOKEN });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/somente leitura/);
    expect(api.simulator.stats.requests).toBe(0);
    const add = await cli(['cohort', 'add', file, ...cohortArgs(api, 'Outra')]);
    expect(add.code).toBe(2);
    expect(add.stderr).toMatch(/somente leitura/);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(mode);
  });
});

describe('numeric and date options are usage errors, never stack traces (class 11)', () => {
  const out = () => join(dir, 'nunca.xlsx');
  const cases: (() => string[])[] = [
    () => ['simulator', '--students', 'abc'],
    () => ['simulator', '--students', '0'],
    () => ['simulator', '--port', '99999'],
    () => ['simulator', '--port', 'http'],
    () => ['simulator', '--latency-ms', 'abc'],
    () => ['simulator', '--latency-ms', '-5'],
    () => ['simulator', '--rate', '0'],
    () => ['simulator', '--rate', 'x'],
    () => ['simulator', '--seed', '1.5'],
    () => ['demo', '--weeks', 'x', '--out', out()],
    () => ['demo', '--weeks', '0', '--out', out()],
    () => ['demo', '--students', '-3', '--out', out()],
    () => ['demo', '--first-week', '2026-02-30', '--out', out()],
    () => ['sync', join(dir, 'escola.xlsx'), '--date', 'ontem'],
    () => ['sync', join(dir, 'escola.xlsx'), '--date', '2026-13-01'],
  ];

  it.each(cases.map((make, index) => [index, make]))('case %i is exit 2 with "erro:" and no stack', async (_, make) => {
    const argv = (make as () => string[])();
    if (argv[0] === 'sync') expect((await cli(['init', argv[1]])).code).toBe(0);
    const run = await cli(argv);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^erro: /);
    expect(run.stderr).toContain(argv[argv.indexOf(argv.find((arg) => arg.startsWith('--'))!)]);
    expect(run.stderr).not.toMatch(/erro inesperado|\n\s+at /);
    expect(existsSync(out())).toBe(false);
  });

  it('cohort edit and student dropout refuse malformed numbers and dates', async () => {
    const file = join(dir, 'escola.xlsx');
    expect((await cli(['init', file])).code).toBe(0);
    expect((await cli(['cohort', 'add', file, '--name', 'T1', '--tag', '101', '--start', '2026-07-06', '--products', '11,12'])).code).toBe(0);
    for (const argv of [
      ['cohort', 'edit', file, 'T1', '--tag', 'abc'],
      ['cohort', 'edit', file, 'T1', '--products', '11,x'],
      ['cohort', 'edit', file, 'T1', '--start', '2026-02-30'],
      ['student', 'dropout', file, '12abc', '--date', '2026-07-06'],
    ]) {
      const run = await cli(argv);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^erro: /);
      expect(run.stderr).not.toMatch(/erro inesperado|\n\s+at /);
    }
  });

  it('the built CLI: `simulator --students abc` is a usage error with exit 2', () => {
    let code = 0;
    let stderr = '';
    try {
      execFileSync(process.execPath, [CLI, 'simulator', '--students', 'abc'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      code = (error as { status: number }).status;
      stderr = String((error as { stderr: Buffer }).stderr);
    }
    expect(code).toBe(2);
    expect(stderr).toMatch(/^erro: --students/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
