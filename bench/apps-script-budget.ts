// What a weekly run costs in Apps Script: slices of 4.5 minutes and trigger runtime, for 300, 1,000
// and 5,000 students × 3 products at 2 req/s, with and without the incremental rule — measured on
// the virtual clock with the same slice driver the Apps Script host uses, against the simulator.

import type { ApiGeneration } from '../src/core/cademi/types';
import { loadConfig } from '../src/core/config/load-config';
import { cohortRow, ensureConfigSheets } from '../src/core/config/templates';
import { HistoryIndex } from '../src/core/history/history-index';
import type { HistoryRow } from '../src/core/history/schema';
import type { ProductId, TagId } from '../src/core/model/ids';
import { DEFAULT_SETTINGS } from '../src/core/model/settings';
import { COHORT_HEADERS, SHEET } from '../src/core/sheets';
import { SyncJob } from '../src/core/sync/job';
import { runSlice } from '../src/core/sync/slice-driver';
import { addDays } from '../src/core/time/local-date';
import { MemoryWorkbook } from '../src/core/workbook/memory-workbook';
import { embeddedApi } from '../src/node/embedded-api';
import { runInstant } from '../src/node/run-date';
import { productV3Id, tagV3Id } from '../src/simulator';

const SLICE_MS = 4.5 * 60 * 1000;
/** UrlFetchApp.fetchAll round trip for a batch of 2, and the per-slice spreadsheet work (read config + history, write staging). */
const FETCH_LATENCY_MS = 300;
const SLICE_OVERHEAD_MS = 8_000;

export interface BudgetRow {
  api: ApiGeneration;
  students: number;
  incremental: boolean;
  calls: number;
  slices: number;
  runtimeMinutes: number;
  fetches: number;
}

function runWeekInSlices(api: ReturnType<typeof embeddedApi>, job: SyncJob): { slices: number; runtimeMs: number } {
  let slices = 0;
  let runtimeMs = 0;
  const io = {
    now: () => api.virtualClock.now(),
    sleep: (ms: number) => api.virtualClock.advance(ms),
    fetchAll: (requests: readonly import('../src/core/http').HttpRequest[]) => {
      const responses = requests.map((request) => api.simulator.handle(request));
      api.virtualClock.advance(FETCH_LATENCY_MS);
      return responses;
    },
  };
  while (!job.complete) {
    slices++;
    const start = api.virtualClock.now();
    api.virtualClock.advance(SLICE_OVERHEAD_MS);
    runSlice(job, io, { requestsPerSecond: 2, deadline: start + SLICE_MS });
    runtimeMs += api.virtualClock.now() - start;
    // The next tick comes 10 minutes after this one started (bound script).
    api.virtualClock.set(Math.max(api.virtualClock.now(), start + 10 * 60 * 1000));
  }
  return { slices, runtimeMs };
}

export function appsScriptBudget(
  studentCounts: readonly number[] = [300, 1000, 5000],
  weeks = 8,
  generations: readonly ApiGeneration[] = ['v1', 'v3'],
): BudgetRow[] {
  const rows: BudgetRow[] = [];
  for (const students of studentCounts) for (const generation of generations) rows.push(...budgetOf(students, weeks, generation));
  return rows;
}

function budgetOf(students: number, weeks: number, generation: ApiGeneration): BudgetRow[] {
  const rows: BudgetRow[] = [];
  const firstWeek = '2026-09-07';
  const api = embeddedApi({ startAt: runInstant(firstWeek, DEFAULT_SETTINGS), studentCount: students, latencyMs: 0, api: generation });
  // On v3 the school's Turmas hold v3 ids, as a school's would once it switches.
  const ids: { tag: (id: number) => TagId; product: (id: number) => ProductId } =
    generation === 'v3' ? { tag: tagV3Id, product: productV3Id } : { tag: (id) => id, product: (id) => id };
  const workbook = new MemoryWorkbook();
  ensureConfigSheets(workbook);
  const cohorts = api.simulator.school.cohorts.map((cohort) =>
    cohortRow({ ...cohort, tagId: ids.tag(cohort.tagId), productIds: cohort.productIds.map(ids.product), goalTrack: 'Padrão', tutorEmail: null, active: true }),
  );
  workbook.writeSheet(SHEET.cohorts, { rows: [[...COHORT_HEADERS], ...cohorts] });
  const config = loadConfig(workbook);
  let history: HistoryRow[] = [];
  // Weeks before the measured one build the history the incremental rule needs.
  for (let week = 0; week <= weeks; week++) {
    const now = runInstant(addDays(firstWeek, 7 * week), DEFAULT_SETTINGS);
    if (now > api.virtualClock.now()) api.virtualClock.set(now);
    const measured = week === weeks;
    for (const incremental of measured ? [true, false] : [true]) {
      api.simulator.resetStats();
      const job = new SyncJob({ config, target: api.target, history: HistoryIndex.fromRows(history), now, runId: `b${week}${incremental}`, incremental });
      const { slices, runtimeMs } = runWeekInSlices(api, job);
      const result = job.result();
      if (measured) {
        rows.push({
          api: generation,
          students,
          incremental,
          calls: result.stats.calls,
          slices,
          runtimeMinutes: runtimeMs / 60_000,
          fetches: api.simulator.stats.requests,
        });
      } else {
        history = [...history, ...result.rows];
      }
    }
  }
  return rows;
}
