// The Node CLI in real time: `cademi-monitor sync` (dist/cli.js, a child process) against the simulator
// server on 127.0.0.1 at its strict 2 req/s limit, for schools sized so the week needs at least 120
// calls (a floor of 60 s or more), on both API generations. Nothing here is virtual: the wall time is
// the process's, from spawn to exit (start-up, workbook load, the paced calls, reports, save, preview).

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiGeneration } from '../src/core/cademi/types';
import { withSettingValue } from '../src/core/config/settings-sheet';
import { cohortRow, ensureConfigSheets } from '../src/core/config/templates';
import type { ProductId, TagId } from '../src/core/model/ids';
import { COHORT_HEADERS, SHEET } from '../src/core/sheets';
import { XlsxWorkbook } from '../src/node/xlsx-workbook';
import { createSchool, DEFAULT_TOKEN, DEFAULT_V3_TOKEN, productV3Id, tagV3Id } from '../src/simulator';
import { startSimulatorServer } from '../src/simulator/server';

export interface CliRow {
  readonly api: ApiGeneration;
  readonly students: number;
  readonly calls: number;
  readonly responses429: number;
  /** Spawn to exit of `cademi-monitor sync`. */
  readonly wallSeconds: number;
  /** From the first request the server saw to the last. */
  readonly apiSeconds: number;
  readonly floorSeconds: number;
  readonly wallToFloor: number;
  /** Before the first request (start-up, load, plan) and after the last (reports, save, preview). */
  readonly beforeFirstCallSeconds: number;
  readonly afterLastCallSeconds: number;
  readonly serverLatencyMs: number;
  readonly clock: 'real';
}

/** A first week (no history: everyone is fetched) of a school this size needs ≥ 120 calls on each generation. */
export const CLI_SCHOOLS: Readonly<Record<ApiGeneration, number>> = { v1: 60, v3: 170 };

/** Added by the server to every answer: a LAN-like round trip, so the pacer's handling of latency shows. */
const SERVER_LATENCY_MS = 20;

export async function runCliScenario(api: ApiGeneration, students = CLI_SCHOOLS[api]): Promise<CliRow> {
  const dir = mkdtempSync(join(tmpdir(), 'cademi-bench-'));
  const server = await startSimulatorServer({ port: 0, studentCount: students, latencyMs: SERVER_LATENCY_MS, api });
  try {
    const file = join(dir, 'escola.xlsx');
    await schoolWorkbook(file, api, students);
    const times: number[] = [];
    const handle = server.simulator.handle.bind(server.simulator);
    // The server's own handler: when each request arrived (the simulator object is this process's).
    (server.simulator as { handle: typeof handle }).handle = (request) => {
      times.push(Date.now());
      return handle(request);
    };
    const token = api === 'v3' ? DEFAULT_V3_TOKEN : DEFAULT_TOKEN;
    const started = Date.now();
    const code = await runCli(['sync', file], { CADEMI_BASE_URL: server.url, CADEMI_TOKEN: token });
    const ended = Date.now();
    if (code !== 0) throw new Error(`cademi-monitor sync exited ${code}`);
    const calls = server.simulator.stats.requests;
    const first = times[0] ?? started;
    const last = times[times.length - 1] ?? ended;
    return {
      api,
      students,
      calls,
      responses429: server.simulator.stats.responses429,
      wallSeconds: (ended - started) / 1000,
      apiSeconds: (last - first) / 1000,
      floorSeconds: calls / 2,
      wallToFloor: (ended - started) / 1000 / (calls / 2),
      beforeFirstCallSeconds: (first - started) / 1000,
      afterLastCallSeconds: (ended - last) / 1000,
      serverLatencyMs: SERVER_LATENCY_MS,
      clock: 'real',
    };
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The simulated school's cohorts in `Turmas`, with the generation's ids, and `Versão da API` set. */
async function schoolWorkbook(file: string, api: ApiGeneration, students: number): Promise<void> {
  const school = createSchool({ studentCount: students });
  const workbook = XlsxWorkbook.empty();
  ensureConfigSheets(workbook);
  workbook.writeSheet(SHEET.settings, { rows: withSettingValue(workbook.readSheet(SHEET.settings), 'apiVersion', api) });
  const ids: { tag: (id: number) => TagId; product: (id: number) => ProductId } =
    api === 'v3' ? { tag: tagV3Id, product: productV3Id } : { tag: (id) => id, product: (id) => id };
  const cohorts = school.cohorts.map((cohort) =>
    cohortRow({ ...cohort, tagId: ids.tag(cohort.tagId), productIds: cohort.productIds.map(ids.product), goalTrack: 'Padrão', tutorEmail: null, active: true }),
  );
  workbook.writeSheet(SHEET.cohorts, { rows: [[...COHORT_HEADERS], ...cohorts] });
  await workbook.save(file);
}

function runCli(args: readonly string[], env: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(process.cwd(), 'dist', 'cli.js'), ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) process.stderr.write(stderr);
      resolve(code ?? 1);
    });
  });
}
