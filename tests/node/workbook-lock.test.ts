// Issue 11, class 2 (and the file rules of class 8 that the lock enforces): one writer per workbook,
// with two concurrent main() calls in one process and with real processes of the built CLI; the lock
// released on every exit path; a dead command's lock taken over; a lock lost mid-command saves nothing.

import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/node/cli';
import type { CliIo } from '../../src/node/cli-io';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook';
import { writeFileAtomically } from '../../src/node/atomic-file';
import { LOCK_STALE_MS, WorkbookBusyError, WorkbookLockLostError, withWorkbookLock } from '../../src/node/workbook-lock';
import { SHEET } from '../../src/core/sheets';
import { GatedApi } from './support/gated-api';

const ROOT = join(__dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');
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

function spawnCli(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', HOME: tmpdir(), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const done = new Promise<Outcome & { signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code: code ?? -1, signal, stdout, stderr })),
  );
  return { done, signal: (name: NodeJS.Signals) => child.kill(name) };
}

let dir: string;
let api: GatedApi;
beforeAll(() => {
  if (!existsSync(CLI)) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'ignore' });
});
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cademi-lock-'));
  api = await GatedApi.start();
});
afterEach(async () => {
  await api.close();
  rmSync(dir, { recursive: true, force: true });
});

const cohort = () => api.simulator.simulator.school.cohorts[0];
const addArgs = (file: string, name: string) => ['cohort', 'add', file, '--name', name, '--tag', String(9000 + name.length), '--start', cohort().start, '--products', cohort().productIds.join(',')];

async function schoolWorkbook(name = 'escola.xlsx'): Promise<string> {
  const file = join(dir, name);
  expect((await cli(['init', file])).code).toBe(0);
  const first = cohort();
  expect((await cli(['cohort', 'add', file, '--name', first.name, '--tag', String(first.tagId), '--start', first.start, '--products', first.productIds.join(',')])).code).toBe(0);
  return file;
}

const history = async (file: string) => (await XlsxWorkbook.load(file)).readSheet(SHEET.history) ?? [];
const cohortNames = async (file: string) => (await XlsxWorkbook.load(file)).readSheet(SHEET.cohorts)!.slice(1).map((row) => row[0]);
const leftovers = (folder: string) => readdirSync(folder).filter((name) => name.endsWith('.tmp') || name.endsWith('.lock'));

describe('two concurrent main() calls on one workbook', () => {
  it('a cohort add and a second sync during a sync are refused (exit 1, "em uso"); the sync saves its week; nothing is lost', async () => {
    const file = await schoolWorkbook();
    const syncing = cli(['sync', file, '--date', RUN_DATE], api.env);
    await api.arrived;
    const [added, second, dropout] = await Promise.all([
      cli(addArgs(file, 'Durante')),
      cli(['sync', file, '--date', RUN_DATE], api.env),
      cli(['student', 'dropout', file, '1', '--date', RUN_DATE]),
    ]);
    for (const refused of [added, second, dropout]) {
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/^erro: a planilha .* está em uso por outro comando/);
      expect(refused.stderr).toContain(file);
      expect(refused.stderr).toMatch(/Tente de novo/);
      expect(refused.stdout).toBe('');
    }
    api.release();
    const done = await syncing;
    expect(done.code).toBe(0);
    const rows = (await history(file)).length;
    expect(rows).toBeGreaterThan(1);
    expect(await cohortNames(file)).not.toContain('Durante');
    // What was refused can be redone, and it then keeps the sync's week.
    expect((await cli(addArgs(file, 'Durante'))).code).toBe(0);
    expect(await cohortNames(file)).toContain('Durante');
    expect((await history(file)).length).toBe(rows);
    expect(leftovers(dir)).toEqual([]);
  });

  it('whatever the interleaving, every command that reports success has its change in the file', async () => {
    const file = await schoolWorkbook();
    api.release();
    const runs = await Promise.all([
      cli(['sync', file, '--date', RUN_DATE], api.env),
      cli(addArgs(file, 'A')),
      cli(addArgs(file, 'BB')),
      cli(['sync', file, '--date', '2026-11-23'], api.env),
    ]);
    for (const run of runs) expect([0, 1]).toContain(run.code);
    const weeks = new Set((await history(file)).slice(1).map((row) => row[0]));
    const names = await cohortNames(file);
    if (runs[0].code === 0) expect(weeks.size).toBeGreaterThanOrEqual(1);
    if (runs[1].code === 0) expect(names).toContain('A');
    if (runs[2].code === 0) expect(names).toContain('BB');
    if (runs[0].code === 0 && runs[3].code === 0) expect(weeks.size).toBe(2);
    for (const run of runs.filter((candidate) => candidate.code === 1)) expect(run.stderr).toMatch(/em uso/);
    expect(leftovers(dir)).toEqual([]);
  });
});

describe('the lock is released on every exit path', () => {
  it('after a usage error, a config error, an unreadable file and a failed run, the next command runs', async () => {
    const file = await schoolWorkbook();
    const workbook = await XlsxWorkbook.load(file);
    const row = workbook.readSheet(SHEET.settings)!.findIndex((cells) => cells[0] === 'URL da API');
    workbook.updateRows(SHEET.settings, row, [['URL da API', 'http://escola.example.com/api/v1']]);
    await workbook.save(file);
    expect((await cli(['sync', file, '--date', RUN_DATE])).code).toBe(2);
    expect(existsSync(`${file}.lock`)).toBe(false);
    expect((await cli(['cohort', 'add', file, '--name', 'X', '--tag', 'abc', '--start', RUN_DATE, '--products', '1'])).code).toBe(2);
    expect(existsSync(`${file}.lock`)).toBe(false);
    expect((await cli(['cohort', 'add', file, '--bogus'])).code).toBe(2);
    expect(existsSync(`${file}.lock`)).toBe(false);
    expect((await cli(['student', 'dropout', file, '424242', '--date', RUN_DATE])).code).toBe(2);
    expect(existsSync(`${file}.lock`)).toBe(false);
    const notXlsx = join(dir, 'texto.xlsx');
    writeFileSync(notXlsx, 'isto não é um xlsx');
    expect((await cli(['sync', notXlsx])).code).toBe(2);
    expect(existsSync(`${notXlsx}.lock`)).toBe(false);
    // A run that fails (the API refuses the token) releases it too.
    workbook.updateRows(SHEET.settings, row, [['URL da API', api.url]]);
    await workbook.save(file);
    api.release();
    expect((await cli(['sync', file, '--date', RUN_DATE], { CADEMI_TOKEN: 'outro-token' })).code).toBe(1);
    expect(leftovers(dir)).toEqual([]);
    // An exception inside the locked work is rethrown after the release.
    await expect(withWorkbookLock(file, async () => Promise.reject(new Error('falha')))).rejects.toThrow('falha');
    expect(existsSync(`${file}.lock`)).toBe(false);
    expect((await cli(addArgs(file, 'Depois'))).code).toBe(0);
  });

  it.each(['SIGTERM', 'SIGINT'] as const)('a sync stopped by %s removes its lock and leaves the workbook as it was, with no temp file', async (signal) => {
    const file = await schoolWorkbook();
    const before = readFileSync(file);
    const run = spawnCli(['sync', file, '--date', RUN_DATE], api.env);
    await api.arrived;
    expect(existsSync(`${file}.lock`)).toBe(true);
    run.signal(signal);
    const done = await run.done;
    expect(done.signal ?? done.code).toBeTruthy();
    expect(existsSync(`${file}.lock`)).toBe(false);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(leftovers(dir)).toEqual([]);
  });
});

describe('a dead command does not block the file for good', () => {
  it('the lock of a killed process is refused while fresh, then taken over once stale, and the takeover is said', async () => {
    const file = await schoolWorkbook();
    const killed = spawnCli(['sync', file, '--date', RUN_DATE], api.env);
    await api.arrived;
    killed.signal('SIGKILL');
    expect((await killed.done).signal).toBe('SIGKILL');
    expect(existsSync(`${file}.lock`)).toBe(true);
    const fresh = await cli(addArgs(file, 'Cedo'));
    expect(fresh.code).toBe(1);
    expect(fresh.stderr).toMatch(/em uso/);
    // What the clock does after the stale period: the dead holder never refreshed its lock.
    const past = new Date(Date.now() - LOCK_STALE_MS - 5_000);
    utimesSync(`${file}.lock`, past, past);
    const taken = await cli(addArgs(file, 'Depois'));
    expect(taken.code).toBe(0);
    expect(taken.stderr).toMatch(/bloqueio .* deixado por um comando interrompido .* foi retomado/);
    expect(await cohortNames(file)).toContain('Depois');
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('a temp file left by a killed save is swept by the next save under the lock', async () => {
    const file = await schoolWorkbook();
    const orphan = join(dir, '.escola.xlsx.0123456789ab.tmp');
    writeFileSync(orphan, 'meio arquivo');
    const unrelated = join(dir, '.outra.xlsx.0123456789ab.tmp');
    writeFileSync(unrelated, 'de outra planilha');
    expect((await cli(addArgs(file, 'Limpa'))).code).toBe(0);
    expect(existsSync(orphan)).toBe(false);
    expect(existsSync(unrelated)).toBe(true);
  });
});

describe('a long command keeps its lock fresh', () => {
  it('the holder refreshes the lock directory while it works (what keeps the lock of a long sync from going stale)', async () => {
    const file = await schoolWorkbook();
    let finish!: () => void;
    const held = new Promise<void>((resolve) => (finish = resolve));
    const run = withWorkbookLock(file, () => held);
    // Wait for the lock to exist, then for its first refresh (an event, bounded; no fixed sleep decides the result).
    const waitFor = async (condition: () => boolean) => {
      for (let tries = 0; tries < 150 && !condition(); tries++) await new Promise((resolve) => setTimeout(resolve, 100));
      return condition();
    };
    expect(await waitFor(() => existsSync(`${file}.lock`))).toBe(true);
    const first = statSync(`${file}.lock`).mtimeMs;
    expect(await waitFor(() => statSync(`${file}.lock`).mtimeMs > first)).toBe(true);
    const busy = await cli(addArgs(file, 'Durante'));
    expect(busy.code).toBe(1);
    finish();
    await run;
    expect(existsSync(`${file}.lock`)).toBe(false);
  }, 30_000);
});

describe('a lock lost mid-command', () => {
  it('a takeover while the holder stalled is seen before the rename: nothing is saved (exit code 1 in the CLI)', async () => {
    const file = await schoolWorkbook();
    const before = readFileSync(file);
    const workbook = await XlsxWorkbook.load(file);
    workbook.writeSheet('Nova', { rows: [['x']] });
    const run = withWorkbookLock(file, async () => {
      // Another process found the lock stale and took it: its directory is a new one.
      rmSync(`${file}.lock`, { recursive: true });
      mkdirSync(`${file}.lock`);
      await workbook.save(file);
    });
    await expect(run).rejects.toBeInstanceOf(WorkbookLockLostError);
    await expect(run).rejects.toThrow(/foi perdido .* nada foi salvo/);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    // The new holder's lock is left alone.
    expect(existsSync(`${file}.lock`)).toBe(true);
    rmSync(`${file}.lock`, { recursive: true });
  });

  it('answers for its own command only: another workbook locked in the same process still saves', async () => {
    const one = await schoolWorkbook('um.xlsx');
    const two = await schoolWorkbook('dois.xlsx');
    let releaseTwo!: () => void;
    const twoMayFinish = new Promise<void>((resolve) => (releaseTwo = resolve));
    const second = withWorkbookLock(two, async () => {
      await twoMayFinish;
      writeFileAtomically(two, readFileSync(two));
      return 'salvo';
    });
    const first = withWorkbookLock(one, async () => {
      rmSync(`${one}.lock`, { recursive: true });
      try {
        writeFileAtomically(one, 'x');
      } finally {
        releaseTwo();
      }
    });
    await expect(first).rejects.toBeInstanceOf(WorkbookLockLostError);
    await expect(second).resolves.toBe('salvo');
  });

  it('one path, one lock: the same workbook through a symlink is busy while held', async () => {
    const file = await schoolWorkbook('real.xlsx');
    const link = join(dir, 'apelido.xlsx');
    symlinkSync('real.xlsx', link);
    let inner: unknown = null;
    await withWorkbookLock(file, async () => {
      inner = await withWorkbookLock(link, async () => 'nunca').catch((error: unknown) => error);
    });
    expect(inner).toBeInstanceOf(WorkbookBusyError);
    expect(String((inner as Error).message)).toContain(link);
  });
});

describe('the files a run rewrites are checked before it runs', () => {
  it('a read-only preview or archive refuses the sync up front: no API call, nothing changed', async () => {
    const file = await schoolWorkbook();
    api.release();
    for (const companion of ['escola.html', 'escola-arquivo.xlsx']) {
      const path = join(dir, companion);
      writeFileSync(path, 'x');
      chmodSync(path, 0o444);
      const before = readFileSync(file);
      const requests = api.simulator.simulator.stats.requests;
      const run = await cli(['sync', file, '--date', RUN_DATE], api.env);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/somente leitura/);
      expect(run.stderr).toContain(companion);
      expect(api.simulator.simulator.stats.requests).toBe(requests);
      expect(readFileSync(file).equals(before)).toBe(true);
      rmSync(path);
    }
  });

  it('a folder that cannot take the temp file is refused with a message naming it (mode bits, so root too)', async () => {
    const folder = join(dir, 'trancada');
    mkdirSync(folder);
    const file = join(folder, 'escola.xlsx');
    expect((await cli(['init', file])).code).toBe(0);
    chmodSync(folder, 0o555);
    try {
      const run = await cli(addArgs(file, 'X'));
      if (process.getuid?.() === 0) {
        // Root writes in a 0555 folder: the command runs, and leaves no temp or lock behind.
        expect(run.code).toBe(0);
      } else {
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(/não é possível gravar na pasta/);
      }
      expect(leftovers(folder)).toEqual([]);
    } finally {
      chmodSync(folder, 0o755);
    }
  });

  const asRoot = process.getuid?.() === 0 ? it : it.skip;
  asRoot('run as root, a workbook owned by someone else keeps its owner and group (only root can make such a file)', async () => {
    const file = await schoolWorkbook();
    chownSync(file, 4321, 4321);
    chmodSync(file, 0o640);
    api.release();
    expect((await cli(['sync', file, '--date', RUN_DATE], api.env)).code).toBe(0);
    const after = statSync(file);
    expect([after.uid, after.gid, after.mode & 0o777]).toEqual([4321, 4321, 0o640]);
  });
});
