// Scale benchmark: the Apps Script host (build/Code.js over the fakes) against the simulator's strict
// 2 req/s limiter, for 300, 1,000 and 5,000 students × 3 products at 30%, 60% and 100% active, plus
// the first version's approach (every student, one call after another, 0.8 s apart) for comparison.
// The simulator's clock is virtual (scaled): hours of API time pass in seconds, and the tables say so.

import { progressRequest, tagStudentsRequest } from '../src/core/cademi/requests';
import { parseTagStudentsPage } from '../src/core/cademi/responses';
import { cohortRow, ensureConfigSheets } from '../src/core/config/templates';
import { encodeHistoryRow, HISTORY_FORMATS, HISTORY_HEADERS, type HistoryRow } from '../src/core/history/schema';
import { DEFAULT_SETTINGS } from '../src/core/model/settings';
import { COHORT_HEADERS, SHEET } from '../src/core/sheets';
import { SpreadsheetWorkbook } from '../src/gas/spreadsheet-workbook';
import { runInstant } from '../src/node/run-date';
import { createSchool, createSimulator, hashUnit, VirtualClock } from '../src/simulator';
import { bundleCode } from '../testkit/bundle';
import { createAppsScriptEnv, loadBundle } from '../testkit/fakes';

const TOKEN = 'simulador-token';
const API_URL = 'https://escola.cademi.com.br/api/v1';
const WEEK = '2026-11-23';
const PREVIOUS_WEEK = '2026-11-16';
const LATENCY_MS = 300;
const PRODUCTS = [11, 12, 13];

export interface ScaleRow {
  students: number;
  products: number;
  activeShare: number;
  calls: number;
  minCalls: number;
  requestsPerSecond: number;
  responses429: number;
  wallSeconds: number;
  floorSeconds: number;
  wallToFloor: number;
  slices: number;
  triggerMinutes: number;
  sheetCalls: number;
  sheetCallsPerSlice: number;
  peakMemoryMb: number;
  baselineCalls: number;
  baselineWallSeconds: number;
  speedup: number;
  clock: 'virtual';
}

/** Last week's rows, built so that exactly `activeShare` of the students with any access must be fetched. */
function syntheticHistory(school: ReturnType<typeof createSchool>, now: number, activeShare: number): { rows: HistoryRow[]; fetched: number; listed: number } {
  const rows: HistoryRow[] = [];
  let fetched = 0;
  let listed = 0;
  const seen = new Set<number>();
  // A student under two tags counts in the cohort that started last, as the job decides.
  for (const cohort of [...school.cohorts].reverse()) {
    for (const student of school.studentsWithTagAt(cohort.tagId, now)) {
      if (seen.has(student.id)) continue;
      seen.add(student.id);
      listed++;
      const lastAccess = school.lastAccessAt(student.id, now);
      const active = lastAccess !== null && hashUnit(7, student.id) < activeShare;
      if (active) fetched++;
      for (const productId of PRODUCTS) {
        rows.push({
          week: PREVIOUS_WEEK,
          cohort: cohort.name,
          studentId: student.id,
          name: student.nome,
          email: student.email,
          productId,
          productName: `Produto ${productId}`,
          progress: 0,
          lessonsCompleted: 0,
          lastAccessAt: lastAccess,
          expected: null,
          situation: 'Sem meta',
          origin: 'API',
          // Active students accessed after their last snapshot; the others did not.
          collectedAt: active ? lastAccess - 1000 : now - 60_000,
          phone: null,
        });
      }
    }
  }
  return { rows, fetched, listed };
}

function tagPages(school: ReturnType<typeof createSchool>, now: number): number {
  const simulator = createSimulator({ clock: new VirtualClock(now), school, token: TOKEN, ratePerSecond: 1e6, perMinute: 1e9 });
  let pages = 0;
  for (const cohort of school.cohorts) {
    let url: string | null = tagStudentsRequest({ baseUrl: API_URL, token: TOKEN }, cohort.tagId).url;
    while (url) {
      pages++;
      url = parseTagStudentsPage(simulator.handle({ method: 'GET', url, headers: { Authorization: TOKEN } })).nextPageUrl;
    }
  }
  return pages;
}

/** The first version: every student every week, one request at a time, sleeping 0.8 s between calls. */
function baseline(school: ReturnType<typeof createSchool>, now: number, pages: number): { calls: number; wallSeconds: number } {
  const clock = new VirtualClock(now);
  const simulator = createSimulator({ clock, school, token: TOKEN });
  let calls = pages;
  clock.advance(pages * (LATENCY_MS + 800));
  for (const cohort of school.cohorts) {
    for (const student of school.studentsWithTagAt(cohort.tagId, now)) {
      for (const productId of PRODUCTS) {
        simulator.handle(progressRequest({ baseUrl: API_URL, token: TOKEN }, student.id, productId));
        calls++;
        clock.advance(LATENCY_MS + 800);
      }
    }
  }
  return { calls, wallSeconds: (clock.now() - now) / 1000 };
}

export function runScaleScenario(students: number, activeShare: number): ScaleRow {
  const now = runInstant(WEEK, DEFAULT_SETTINGS);
  const school = createSchool({ studentCount: students });
  let simulator: ReturnType<typeof createSimulator> | undefined;
  const env = createAppsScriptEnv({ handler: (request) => simulator!.handle(request), startTime: now, latencyMs: LATENCY_MS, urlFetchQuota: 100_000 });
  simulator = createSimulator({ clock: env.time, school, token: TOKEN });
  const fns = loadBundle(bundleCode(), env);
  const history = syntheticHistory(school, now, activeShare);
  env.runtime.quietly(() => {
    const workbook = new SpreadsheetWorkbook(env.spreadsheet.gas());
    ensureConfigSheets(workbook);
    const settings = workbook.readSheet(SHEET.settings)!;
    settings[settings.findIndex((row) => row[0] === 'URL da API')][1] = API_URL;
    workbook.writeSheet(SHEET.settings, { rows: settings });
    workbook.writeSheet(SHEET.cohorts, {
      rows: [[...COHORT_HEADERS], ...school.cohorts.map((cohort) => cohortRow({ ...cohort, goalTrack: 'Padrão', tutorEmail: null, active: true }))],
    });
    workbook.writeSheet(SHEET.history, {
      rows: [[...HISTORY_HEADERS], ...history.rows.map((row) => encodeHistoryRow(row, 'America/Sao_Paulo'))],
      columnFormats: HISTORY_FORMATS,
    });
    env.properties.document.gas().setProperty('cademi.apiToken', TOKEN);
  });
  const before = env.calls();
  let peak = process.memoryUsage().rss;
  let working = 0;
  const t0 = env.time.now();
  env.execute(() => fns.atualizarAgora(), { context: 'ui' });
  working += env.time.now() - t0;
  let slices = 1;
  for (let guard = 0; guard < 500 && env.properties.document.data.get('cademi.lastCompletedWeek') !== WEEK; guard++) {
    const runs = env.runTriggersUntil(env.time.now() + 10 * 60_000, fns);
    for (const run of runs) {
      if (run.error) throw run.error;
      working += run.durationMs;
    }
    slices += runs.filter((run) => run.durationMs > 1000).length;
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  const after = env.calls();
  if (process.env.BENCH_DEBUG) {
    const delta = Object.entries(after)
      .map(([name, count]) => [name, count - (before[name] ?? 0)] as const)
      .filter(([, n]) => n > 5)
      .sort((a, b) => b[1] - a[1]);
    console.log(JSON.stringify(delta));
  }
  const sheetCalls = Object.entries(after)
    .filter(
      ([name]) =>
        !name.startsWith('UrlFetchApp') &&
        !name.startsWith('Utilities') &&
        !name.startsWith('PropertiesService') &&
        !name.startsWith('Properties.') &&
        !name.startsWith('Lock') &&
        !name.startsWith('ScriptApp') &&
        !name.startsWith('Trigger'),
    )
    .reduce((sum, [name, count]) => sum + count - (before[name] ?? 0), 0);
  const pages = tagPages(school, now);
  const calls = simulator.stats.requests;
  const activeWallMs = working;
  const base = baseline(school, now, pages);
  return {
    students,
    products: PRODUCTS.length,
    activeShare,
    calls,
    minCalls: pages + history.fetched * PRODUCTS.length,
    requestsPerSecond: calls / (activeWallMs / 1000),
    responses429: simulator.stats.responses429,
    wallSeconds: activeWallMs / 1000,
    floorSeconds: calls / 2,
    wallToFloor: activeWallMs / 1000 / (calls / 2),
    slices,
    triggerMinutes: activeWallMs / 60_000,
    sheetCalls,
    sheetCallsPerSlice: sheetCalls / slices,
    peakMemoryMb: peak / 1024 / 1024,
    baselineCalls: base.calls,
    baselineWallSeconds: base.wallSeconds,
    speedup: base.wallSeconds / (activeWallMs / 1000),
    clock: 'virtual',
  };
}
