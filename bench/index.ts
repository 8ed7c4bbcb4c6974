// `npm run bench`: figures, never pass/fail.

import { mkdirSync, writeFileSync } from 'node:fs';
import { appsScriptBudget } from './apps-script-budget';

const CONSUMER = { runtimeMinutes: 90, fetches: 20_000 };
const WORKSPACE = { runtimeMinutes: 360, fetches: 100_000 };

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
  console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s real; written to out/bench-apps-script.json)`);
}

main();
