// `npm run bench`: figures, never pass/fail.

import { mkdirSync, writeFileSync } from 'node:fs';
import type { ApiGeneration } from '../src/core/cademi/types';
import { appsScriptBudget } from './apps-script-budget';
import { type CliRow, runCliScenario } from './cli-realtime';
import { runScaleScenario, type ScaleRow } from './scale';

const CONSUMER = { runtimeMinutes: 90, fetches: 20_000 };
const WORKSPACE = { runtimeMinutes: 360, fetches: 100_000 };

/** `npm run bench -- [--only 300:0.3] [--api v1|v3] [--skip budget,scale,cli]`: a subset while iterating. */
interface BenchArgs {
  readonly only: { students: number; share: number } | null;
  readonly apis: readonly ApiGeneration[];
  readonly skip: ReadonlySet<string>;
}

function benchArgs(argv: readonly string[]): BenchArgs {
  const value = (name: string) => {
    const at = argv.indexOf(name);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const only = value('--only');
  const [students, share] = (only ?? '').split(':').map(Number);
  const api = value('--api');
  return {
    only: only ? { students, share } : null,
    apis: api === 'v1' || api === 'v3' ? [api] : ['v1', 'v3'],
    skip: new Set((value('--skip') ?? '').split(',').filter(Boolean)),
  };
}

function scaleTable(args: BenchArgs): ScaleRow[] {
  const rows: ScaleRow[] = [];
  let scenarios: [number, number][] = [];
  for (const students of [300, 1000, 5000]) for (const share of [0.3, 0.6, 1]) scenarios.push([students, share]);
  scenarios.push([5000, 0.5]);
  if (args.only) scenarios = scenarios.filter(([students, share]) => students === args.only!.students && share === args.only!.share);
  console.log('\nScale: build/Code.js over the Apps Script fakes, simulator with a strict 2 req/s limiter and 300 ms latency, each scenario on both APIs.');
  console.log('Clock: virtual (scaled) — every scenario is longer than a minute of API time, so simulated time passes in seconds.');
  console.log(
    'api | students | active | calls | min calls | req/s | 429s | wall (s) | floor (s) | wall/floor | before 1st (s) | after last (s) | slices | runtime (min) | sheet calls | per slice | peak MB | baseline (s) | × faster',
  );
  for (const [students, share] of scenarios) {
    for (const api of args.apis) {
      const row = runScaleScenario(students, share, api);
      rows.push(row);
      console.log(
        [
          api,
          String(students).padStart(8),
          `${Math.round(share * 100)}%`.padStart(6),
          String(row.calls).padStart(5),
          String(row.minCalls).padStart(9),
          row.requestsPerSecond.toFixed(2).padStart(5),
          String(row.responses429).padStart(4),
          row.wallSeconds.toFixed(0).padStart(8),
          row.floorSeconds.toFixed(0).padStart(9),
          row.wallToFloor.toFixed(3).padStart(10),
          row.beforeFirstCallSeconds.toFixed(1).padStart(14),
          row.afterLastCallSeconds.toFixed(1).padStart(14),
          String(row.slices).padStart(6),
          row.triggerMinutes.toFixed(1).padStart(13),
          String(row.sheetCalls).padStart(11),
          row.sheetCallsPerSlice.toFixed(0).padStart(9),
          row.peakMemoryMb.toFixed(0).padStart(7),
          row.baselineWallSeconds.toFixed(0).padStart(12),
          row.speedup.toFixed(1).padStart(8),
        ].join(' | '),
      );
    }
  }
  return rows;
}

async function cliTable(args: BenchArgs): Promise<CliRow[]> {
  console.log('\nNode CLI: dist/cli.js sync against the simulator server on 127.0.0.1, strict 2 req/s, real time (first week: everyone fetched).');
  console.log('api | students | calls | 429s | wall (s) | floor (s) | wall/floor | before 1st (s) | after last (s)');
  const rows: CliRow[] = [];
  for (const api of args.apis) {
    const row = await runCliScenario(api);
    rows.push(row);
    console.log(
      [
        api,
        String(row.students).padStart(8),
        String(row.calls).padStart(5),
        String(row.responses429).padStart(4),
        row.wallSeconds.toFixed(1).padStart(8),
        row.floorSeconds.toFixed(1).padStart(9),
        row.wallToFloor.toFixed(3).padStart(10),
        row.beforeFirstCallSeconds.toFixed(2).padStart(14),
        row.afterLastCallSeconds.toFixed(2).padStart(14),
      ].join(' | '),
    );
  }
  return rows;
}

async function main(): Promise<void> {
  const started = Date.now();
  const args = benchArgs(process.argv.slice(2));
  mkdirSync('out', { recursive: true });
  if (!args.skip.has('budget')) budgetTable();
  if (!args.skip.has('scale')) writeFileSync('out/bench.json', JSON.stringify(scaleTable(args), null, 2));
  if (!args.skip.has('cli')) writeFileSync('out/bench-cli.json', JSON.stringify(await cliTable(args), null, 2));
  console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s real; written to out/bench-apps-script.json, out/bench.json and out/bench-cli.json)`);
}

function budgetTable(): void {
  const budget = appsScriptBudget();
  console.log('Apps Script: one weekly run, 3 products, 2 req/s, slices of 4.5 min (virtual clock)');
  console.log('api | students | incremental | calls  | slices | trigger runtime | % of consumer day (90 min / 20k) | % of Workspace day (6 h / 100k)');
  for (const row of budget) {
    const consumer = Math.max(row.runtimeMinutes / CONSUMER.runtimeMinutes, row.fetches / CONSUMER.fetches) * 100;
    const workspace = Math.max(row.runtimeMinutes / WORKSPACE.runtimeMinutes, row.fetches / WORKSPACE.fetches) * 100;
    console.log(
      `${row.api} | ${String(row.students).padStart(8)} | ${(row.incremental ? 'yes' : 'no').padEnd(11)} | ${String(row.calls).padStart(6)} | ${String(row.slices).padStart(6)} | ${row.runtimeMinutes.toFixed(1).padStart(11)} min | ${consumer.toFixed(0).padStart(30)} % | ${workspace.toFixed(0).padStart(29)} %`,
    );
  }
  writeFileSync('out/bench-apps-script.json', JSON.stringify(budget, null, 2));
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
