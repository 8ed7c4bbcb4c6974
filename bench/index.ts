// `npm run bench`: figures, never pass/fail.

import { mkdirSync, writeFileSync } from 'node:fs';
import { appsScriptBudget } from './apps-script-budget';
import { runScaleScenario, type ScaleRow } from './scale';

const CONSUMER = { runtimeMinutes: 90, fetches: 20_000 };
const WORKSPACE = { runtimeMinutes: 360, fetches: 100_000 };

function scaleTable(): ScaleRow[] {
  const rows: ScaleRow[] = [];
  const scenarios: [number, number][] = [];
  for (const students of [300, 1000, 5000]) for (const share of [0.3, 0.6, 1]) scenarios.push([students, share]);
  scenarios.push([5000, 0.5]);
  console.log('\nScale: build/Code.js over the Apps Script fakes, simulator with a strict 2 req/s limiter and 300 ms latency.');
  console.log('Clock: virtual (scaled) — every scenario is longer than a minute of API time, so simulated time passes in seconds.');
  console.log(
    'students | active | calls | min calls | req/s | 429s | wall (s) | floor (s) | wall/floor | slices | runtime (min) | sheet calls | per slice | peak MB | baseline (s) | × faster',
  );
  for (const [students, share] of scenarios) {
    const row = runScaleScenario(students, share);
    rows.push(row);
    console.log(
      [
        String(students).padStart(8),
        `${Math.round(share * 100)}%`.padStart(6),
        String(row.calls).padStart(5),
        String(row.minCalls).padStart(9),
        row.requestsPerSecond.toFixed(2).padStart(5),
        String(row.responses429).padStart(4),
        row.wallSeconds.toFixed(0).padStart(8),
        row.floorSeconds.toFixed(0).padStart(9),
        row.wallToFloor.toFixed(2).padStart(10),
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
  return rows;
}

function main(): void {
  const started = Date.now();
  const budget = appsScriptBudget();
  console.log('Apps Script: one weekly run, 3 products, 2 req/s, slices of 4.5 min (virtual clock)');
  console.log('students | incremental | calls  | slices | trigger runtime | % of consumer day (90 min / 20k) | % of Workspace day (6 h / 100k)');
  for (const row of budget) {
    const consumer = Math.max(row.runtimeMinutes / CONSUMER.runtimeMinutes, row.fetches / CONSUMER.fetches) * 100;
    const workspace = Math.max(row.runtimeMinutes / WORKSPACE.runtimeMinutes, row.fetches / WORKSPACE.fetches) * 100;
    console.log(
      `${String(row.students).padStart(8)} | ${(row.incremental ? 'yes' : 'no').padEnd(11)} | ${String(row.calls).padStart(6)} | ${String(row.slices).padStart(6)} | ${row.runtimeMinutes.toFixed(1).padStart(11)} min | ${consumer.toFixed(0).padStart(30)} % | ${workspace.toFixed(0).padStart(29)} %`,
    );
  }
  mkdirSync('out', { recursive: true });
  writeFileSync('out/bench-apps-script.json', JSON.stringify(budget, null, 2));
  const scale = scaleTable();
  writeFileSync('out/bench.json', JSON.stringify(scale, null, 2));
  console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s real; written to out/bench-apps-script.json and out/bench.json)`);
}

main();
