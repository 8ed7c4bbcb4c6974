// Issue 11, class 2: one writer per workbook, with concurrent main() calls in one process and with
// real processes of the built CLI; every name of a file shares its lock; the lock released on every
// exit path; a dead command's lock taken over once stale; a lock lost mid-command saves nothing.
// (What the lock protects, the saved file itself, is tested in saved-file.test.ts.)

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHEET } from '../../src/core/sheets';
import { writeFileAtomically } from '../../src/node/atomic-file';
import { LOCK_STALE_MS, WorkbookBusyError, WorkbookLockLostError, withWorkbookLock } from '../../src/node/workbook-lock';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook';
import { cli, cohortOptions, initWorkbook, readHistory, setApiUrl, spawnCli, useBuiltCli, useTempDir } from './support/cli-harness';
import { GatedApi } from './support/gated-api';

const RUN_DATE = '2026-11-16';

useBuiltCli();
const dir = useTempDir('cademi-lock-');
let api: GatedApi;
beforeEach(async () => {
  api = await GatedApi.start();
});
afterEach(() => api.close());

const cohort = () => api.simulator.simulator.school.cohorts[0];
/** `cohort add` of an extra cohort on a tag of its own. */
const addArgs = (file: string, name: string) => ['cohort', 'add', file, ...cohortOptions({ ...cohort(), name, tagId: 9000 + name.length })];
/** A workbook with the simulator's first cohort, not synced yet. */
const schoolWorkbook = (name = 'escola.xlsx') => initWorkbook(join(dir(), name), cohortOptions(cohort()));
const cohortNames = async (file: string) =>
  (await XlsxWorkbook.load(file))
    .readSheet(SHEET.cohorts)!
    .slice(1)
    .map((row) => row[0]);
const leftovers = (folder: string) => readdirSync(folder).filter((name) => name.endsWith('.tmp') || name.endsWith('.lock'));
const sync = (file: string) => ['sync', file, '--date', RUN_DATE];

describe('while a command holds the workbook, every other writing command is refused', () => {
  it('a cohort add, a dropout and a second sync, in this process or as processes of their own, fail at once (exit 1, "em uso"); the sync saves its week; nothing is lost', async () => {
    const file = await schoolWorkbook();
    const syncing = cli(sync(file), api.env);
    await api.arrived;
    const refused = await Promise.all([
      cli(addArgs(file, 'Durante')),
      cli(sync(file), api.env),
      cli(['student', 'dropout', file, '1', '--date', RUN_DATE]),
      spawnCli(sync(file), api.env).done,
      spawnCli(addArgs(file, 'Turma Extra')).done,
    ]);
    for (const run of refused) {
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^erro: a planilha .* está em uso por outro comando/);
      expect(run.stderr).toContain(file);
      expect(run.stderr).toMatch(/Tente de novo/);
      expect(run.stderr).not.toMatch(/erro inesperado|\n\s+at /);
      expect(run.stdout).toBe('');
    }
    api.release();
    const done = await syncing;
    expect(done.code).toBe(0);
    const rows = (await readHistory(file)).length;
    expect(rows).toBeGreaterThan(1);
    expect(await cohortNames(file)).not.toContain('Durante');
    expect(await cohortNames(file)).not.toContain('Turma Extra');
    // What was refused can be redone, and it then keeps the sync's week.
    expect((await cli(addArgs(file, 'Durante'))).code).toBe(0);
    expect((await cli(addArgs(file, 'Turma Extra'))).code).toBe(0);
    expect(await cohortNames(file)).toEqual(expect.arrayContaining(['Durante', 'Turma Extra']));
    expect((await readHistory(file)).length).toBe(rows);
    expect(leftovers(dir())).toEqual([]);
  }, 120_000);

  it('whatever the interleaving, every command that reports success has its change in the file', async () => {
    const file = await schoolWorkbook();
    api.release();
    const runs = await Promise.all([
      cli(sync(file), api.env),
      cli(addArgs(file, 'A')),
      cli(addArgs(file, 'BB')),
      cli(['sync', file, '--date', '2026-11-23'], api.env),
    ]);
    for (const run of runs) expect([0, 1]).toContain(run.code);
    // Without one success the checks below would all be skipped: the first to take the lock always succeeds.
    expect(runs.some((run) => run.code === 0)).toBe(true);
    const weeks = new Set((await readHistory(file)).slice(1).map((row) => row[0]));
    const names = await cohortNames(file);
    if (runs[0].code === 0) expect(weeks.size).toBeGreaterThanOrEqual(1);
    if (runs[1].code === 0) expect(names).toContain('A');
    if (runs[2].code === 0) expect(names).toContain('BB');
    if (runs[0].code === 0 && runs[3].code === 0) expect(weeks.size).toBe(2);
    for (const run of runs.filter((candidate) => candidate.code === 1)) expect(run.stderr).toMatch(/em uso/);
    expect(leftovers(dir())).toEqual([]);
  });

  it('one file, one lock: through a symlink the workbook is busy while another process or this one holds it', async () => {
    const file = await schoolWorkbook('real.xlsx');
    const link = join(dir(), 'apelido.xlsx');
    symlinkSync('real.xlsx', link);
    const holder = spawnCli(sync(file), api.env);
    await api.arrived;
    const viaLink = await spawnCli(addArgs(link, 'Pelo link')).done;
    expect(viaLink.code).toBe(1);
    expect(viaLink.stderr).toMatch(/em uso/);
    api.release();
    expect((await holder.done).code).toBe(0);

    let inner: unknown = null;
    await withWorkbookLock(file, async () => {
      inner = await withWorkbookLock(link, async () => 'nunca').catch((error: unknown) => error);
    });
    expect(inner).toBeInstanceOf(WorkbookBusyError);
    expect(String((inner as Error).message)).toContain(link);
  }, 120_000);
});

describe('the lock is released on every exit path', () => {
  it('after a usage error, a config error, an unreadable file and a failed run, the next command runs', async () => {
    const file = await schoolWorkbook();
    await setApiUrl(file, 'http://escola.example.com/api/v1');
    expect((await cli(sync(file))).code).toBe(2);
    expect(existsSync(`${file}.lock`)).toBe(false);
    expect((await cli(['cohort', 'add', file, '--name', 'X', '--tag', 'abc', '--start', RUN_DATE, '--products', '1'])).code).toBe(2);
    expect(existsSync(`${file}.lock`)).toBe(false);
    expect((await cli(['cohort', 'add', file, '--bogus'])).code).toBe(2);
    expect(existsSync(`${file}.lock`)).toBe(false);
    expect((await cli(['student', 'dropout', file, '424242', '--date', RUN_DATE])).code).toBe(2);
    expect(existsSync(`${file}.lock`)).toBe(false);
    const notXlsx = join(dir(), 'texto.xlsx');
    writeFileSync(notXlsx, 'isto não é um xlsx');
    expect((await cli(['sync', notXlsx])).code).toBe(2);
    expect(existsSync(`${notXlsx}.lock`)).toBe(false);
    // A run that fails (the API refuses the token) releases it too.
    await setApiUrl(file, api.url);
    api.release();
    expect((await cli(sync(file), { CADEMI_TOKEN: 'outro-token' })).code).toBe(1);
    expect(leftovers(dir())).toEqual([]);
    // An exception inside the locked work is rethrown after the release.
    await expect(withWorkbookLock(file, async () => Promise.reject(new Error('falha')))).rejects.toThrow('falha');
    expect(existsSync(`${file}.lock`)).toBe(false);
    expect((await cli(addArgs(file, 'Depois'))).code).toBe(0);
  });

  it.each(['SIGTERM', 'SIGINT'] as const)('a sync stopped by %s removes its lock and leaves the workbook as it was, with no temp file', async (signal) => {
    const file = await schoolWorkbook();
    const before = readFileSync(file);
    const run = spawnCli(sync(file), api.env);
    await api.arrived;
    expect(existsSync(`${file}.lock`)).toBe(true);
    run.signal(signal);
    const done = await run.done;
    expect(done.signal ?? done.code).toBeTruthy();
    expect(existsSync(`${file}.lock`)).toBe(false);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(leftovers(dir())).toEqual([]);
  });
});

describe('a dead command does not block the file for good', () => {
  it('the lock of a killed process refuses every command while fresh, is taken over once stale, and the takeover is said', async () => {
    const file = await schoolWorkbook();
    const killed = spawnCli(sync(file), api.env);
    await api.arrived;
    killed.signal('SIGKILL');
    expect((await killed.done).signal).toBe('SIGKILL');
    expect(existsSync(`${file}.lock`)).toBe(true);
    api.release();
    const fresh = await Promise.all([cli(addArgs(file, 'Cedo')), cli(sync(file), api.env), spawnCli(sync(file), api.env).done]);
    for (const run of fresh) {
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/em uso/);
    }
    // What the clock does after the stale period: the dead holder never refreshed its lock.
    const past = new Date(Date.now() - LOCK_STALE_MS - 5_000);
    utimesSync(`${file}.lock`, past, past);
    const taken = await spawnCli(sync(file), api.env).done;
    expect(taken.code).toBe(0);
    expect(taken.stderr).toMatch(/bloqueio .* deixado por um comando interrompido .* foi retomado/);
    expect(taken.stderr).not.toMatch(/em uso/);
    expect((await readHistory(file)).length).toBeGreaterThan(1);
    expect(await cohortNames(file)).not.toContain('Cedo');
    expect(existsSync(`${file}.lock`)).toBe(false);
  }, 120_000);
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
    expect(readdirSync(dir()).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    // The new holder's lock is left alone.
    expect(existsSync(`${file}.lock`)).toBe(true);
    rmSync(`${file}.lock`, { recursive: true });
  });

  it('a lock changed under its holder is found by the refresh timer: nothing is saved, the command fails cleanly (no crash from a timer)', async () => {
    const file = await schoolWorkbook();
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
    expect(readdirSync(dir()).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    // Nothing of the lost lock blocks the next command.
    rmSync(`${file}.lock`, { recursive: true, force: true });
    expect((await cli(addArgs(file, 'Depois'))).code).toBe(0);
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
});
