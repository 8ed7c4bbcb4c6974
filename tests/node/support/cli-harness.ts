// Test support for the Node host's CLI: main() in this process with its output captured, the built
// CLI as a real process, a temp folder per test, a virtual clock for the CLI, and the few workbook
// steps most CLI tests share (init and cohorts, Histórico, URL da API).

import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SHEET } from '../../../src/core/sheets';
import type { Cell } from '../../../src/core/workbook/workbook';
import { main } from '../../../src/node/cli';
import type { CliIo } from '../../../src/node/cli-io';
import type { DriverClock } from '../../../src/node/drive-job';
import { XlsxWorkbook } from '../../../src/node/xlsx-workbook';
import { DEFAULT_TOKEN, VirtualClock } from '../../../src/simulator';

export const ROOT = join(__dirname, '../../..');
export const BUILT_CLI = join(ROOT, 'dist/cli.js');
/** The simulator's API key (the simulator server accepts only this one). */
export const SIMULATOR_TOKEN = DEFAULT_TOKEN;

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `cademi-monitor <args>` through main() in this process, with only `env` as its environment (and `clock`, else useVirtualClock's, else the system's). */
export async function cli(args: string[], env: Record<string, string> = {}, options: { clock?: DriverClock } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env,
    cwd: ROOT,
    clock: options.clock ?? virtualClock ?? undefined,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

export interface SpawnedRun extends CliRun {
  /** The signal that ended the process (its code is then -1). */
  readonly signal: NodeJS.Signals | null;
}

export interface SpawnedCli {
  readonly done: Promise<SpawnedRun>;
  signal(name: NodeJS.Signals): void;
}

/** Builds dist/cli.js before the file's tests when it is missing (a test file run on its own). */
export function useBuiltCli(): void {
  beforeAll(() => {
    if (!existsSync(BUILT_CLI)) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'ignore' });
  }, 120_000);
}

/** The built CLI as its own process, so its lock, its crash or its kill is real (call useBuiltCli() in the file). */
export function spawnCli(args: string[], env: Record<string, string> = {}): SpawnedCli {
  const child = spawn(process.execPath, [BUILT_CLI, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: tmpdir(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const done = new Promise<SpawnedRun>((resolve) => child.on('close', (code, signal) => resolve({ code: code ?? -1, signal, stdout, stderr })));
  return { done, signal: (name) => child.kill(name) };
}

/**
 * A temp folder made before each test ('each') or once for the enclosing block ('all'), removed
 * after it. Returns the folder's path (read it inside a test or a hook).
 */
export function useTempDir(prefix: string, scope: 'each' | 'all' = 'each'): () => string {
  let dir: string | null = null;
  (scope === 'each' ? beforeEach : beforeAll)(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
  });
  (scope === 'each' ? afterEach : afterAll)(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = null;
  });
  return () => {
    if (!dir) throw new Error('useTempDir: the folder exists only inside a test or a hook');
    return dir;
  };
}

/** The clock cli() gives main() while useVirtualClock() is on (null: the system's). */
let virtualClock: (DriverClock & { readonly waits: number[] }) | null = null;

/**
 * A virtual clock for each test's real-API syncs (through CliIo.clock): pacing, back-offs and
 * Retry-After waits pass at once, while the requests still go over real HTTP. Returns the waits
 * slept so far in the current test.
 */
export function useVirtualClock(): { waits(): readonly number[]; slept(): number } {
  beforeEach(() => {
    const clock = new VirtualClock(Date.now());
    const waits: number[] = [];
    virtualClock = {
      waits,
      now: () => clock.now(),
      sleep: async (ms) => {
        waits.push(ms);
        clock.advance(ms);
      },
    };
  });
  afterEach(() => {
    virtualClock = null;
  });
  return { waits: () => virtualClock?.waits ?? [], slept: () => (virtualClock?.waits ?? []).reduce((sum, ms) => sum + ms, 0) };
}

/** A cohort as `cohort add` takes it. */
export interface CohortSpec {
  readonly name: string;
  readonly tagId: number;
  readonly start: string;
  readonly productIds: readonly number[];
}

/** `--name … --tag … --start … --products …` for a cohort (the simulator's, or one of the test's). */
export function cohortOptions(cohort: CohortSpec): string[] {
  return ['--name', cohort.name, '--tag', String(cohort.tagId), '--start', cohort.start, '--products', cohort.productIds.join(',')];
}

/** Two cohorts of the embedded simulator's school, as `cohort add` takes them. */
export const JULY_COHORT = ['--name', 'Turma 2026-07', '--tag', '101', '--start', '2026-07-06', '--products', '11,12,13', '--goal', 'Padrão'];
export const AUGUST_COHORT = ['--name', 'Turma 2026-08', '--tag', '102', '--start', '2026-08-03', '--products', '11,12,13', '--goal', 'Padrão'];

/** `init`, then `cohort add` with each list of options: a workbook ready to sync. Every command must succeed, silently on stderr. */
export async function initWorkbook(file: string, ...cohorts: string[][]): Promise<string> {
  for (const args of [['init', file], ...cohorts.map((options) => ['cohort', 'add', file, ...options])]) {
    const run = await cli(args);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  }
  return file;
}

/** `sync --date` for each date in turn (the embedded simulator, unless the workbook names an API), every one succeeding. */
export async function syncWeeks(file: string, ...dates: string[]): Promise<void> {
  for (const date of dates) expect((await cli(['sync', file, '--date', date])).code).toBe(0);
}

/** The `Histórico` sheet of a saved workbook, header included (empty when it has none yet). */
export async function readHistory(file: string): Promise<Cell[][]> {
  return (await XlsxWorkbook.load(file)).readSheet(SHEET.history) ?? [];
}

/** Writes `URL da API` in Configuração, as a coordinator would. */
export async function setApiUrl(file: string, value: string): Promise<void> {
  const workbook = await XlsxWorkbook.load(file);
  const row = workbook.readSheet(SHEET.settings)!.findIndex((cells) => cells[0] === 'URL da API');
  workbook.updateRows(SHEET.settings, row, [['URL da API', value]]);
  await workbook.save(file);
}
