// Scale benchmark: the Apps Script host (build/Code.js over the fakes) against the simulator's strict
// 2 req/s limiter, for 300, 1,000 and 5,000 students × 3 products at 30%, 60% and 100% active, plus
// the first version's approach (every student, one call after another, 0.8 s apart) for comparison.
// The simulator's clock is virtual (scaled): hours of API time pass in seconds, and the tables say so.

import { progressRequest } from '../src/core/cademi/requests';
import type { ApiGeneration, ApiTarget } from '../src/core/cademi/types';
import { loadConfig } from '../src/core/config/load-config';
import { withSettingValue } from '../src/core/config/settings-sheet';
import { cohortRow, ensureConfigSheets } from '../src/core/config/templates';
import { encodeHistoryRow, HISTORY_FORMATS, HISTORY_HEADERS, type HistoryRow } from '../src/core/history/schema';
import type { ProductId, StudentId, TagId } from '../src/core/model/ids';
import { DEFAULT_SETTINGS } from '../src/core/model/settings';
import { writeReports } from '../src/core/report/report-sheets';
import { arrangeTabs } from '../src/core/report/tab-order';
import { COHORT_HEADERS, SHEET } from '../src/core/sheets';
import { dialectOf } from '../src/core/sync/dialect';
import { SpreadsheetWorkbook } from '../src/gas/spreadsheet-workbook';
import { runInstant } from '../src/node/run-date';
import { createSchool, createSimulator, DEFAULT_TOKEN, DEFAULT_V3_TOKEN, hashUnit, productV3Id, tagV3Id, userV3Id, VirtualClock } from '../src/simulator';
import { bundleCode } from '../testkit/bundle';
import { createAppsScriptEnv, loadBundle } from '../testkit/fakes';

const WEEK = '2026-11-23';
const PREVIOUS_WEEK = '2026-11-16';
const LATENCY_MS = 300;
const PRODUCTS = [11, 12, 13];

/** How the school's sheets and key look on each generation: v3 holds `tag_`/`prd_`/`usr_` ids and a `ck_test_` key. */
interface Generation {
  readonly target: ApiTarget;
  readonly tag: (id: number) => TagId;
  readonly product: (id: number) => ProductId;
  readonly student: (id: number) => StudentId;
}

const GENERATIONS: Readonly<Record<ApiGeneration, Generation>> = {
  v1: {
    target: { api: 'v1', baseUrl: 'https://escola.cademi.com.br/api/v1', token: DEFAULT_TOKEN },
    tag: (id) => id,
    product: (id) => id,
    student: (id) => id,
  },
  v3: {
    target: { api: 'v3', baseUrl: 'https://escola.cademi.com.br/api/v3', token: DEFAULT_V3_TOKEN },
    tag: tagV3Id,
    product: productV3Id,
    student: userV3Id,
  },
};

export interface ScaleRow {
  api: ApiGeneration;
  students: number;
  products: number;
  activeShare: number;
  calls: number;
  /** The fewest calls the API allows for the week: listing pages + progress calls of the active + product-name lookups. */
  minCalls: number;
  listingPages: number;
  productLookups: number;
  activeStudents: number;
  requestsPerSecond: number;
  responses429: number;
  wallSeconds: number;
  floorSeconds: number;
  wallToFloor: number;
  /** Fixed work before the first request reached the API (config, history), and after the last one (commit, reports). */
  beforeFirstCallSeconds: number;
  afterLastCallSeconds: number;
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

/**
 * Last week's rows, keyed by the generation's ids, built so that exactly `activeShare` of the students
 * with any access must be fetched: the others' last access is not later than their last snapshot.
 */
function syntheticHistory(
  school: ReturnType<typeof createSchool>,
  now: number,
  activeShare: number,
  ids: Generation,
): { rows: HistoryRow[]; fetched: number; listed: number } {
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
          studentId: ids.student(student.id),
          name: student.nome,
          email: student.email,
          productId: ids.product(productId),
          // A week-9 school knows its products' names from earlier weeks: no lookup is due.
          productName: school.productById(productId)?.nome ?? '',
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

/** The listing pages the week needs, walked with the job's own dialect (v1: 150 a page, v3: 200) on an unlimited simulator. */
function listingPages(school: ReturnType<typeof createSchool>, now: number, ids: Generation): number {
  const simulator = createSimulator({ clock: new VirtualClock(now), school, token: DEFAULT_TOKEN, ratePerSecond: 1e6, perMinute: 1e9 });
  const dialect = dialectOf(ids.target);
  let pages = 0;
  for (const cohort of school.cohorts) {
    const tagId = ids.tag(cohort.tagId);
    let request = dialect.tagPageRequest(tagId);
    for (;;) {
      pages++;
      const page = dialect.readTagPage(simulator.handle(request), tagId);
      if (page?.nextPageUrl == null) break;
      request = dialect.nextTagPageRequest(page.nextPageUrl, tagId);
    }
  }
  return pages;
}

/** Tracked products whose name the history lacks (blank or the `Produto N` stand-in): one lookup each. */
function productLookups(rows: readonly HistoryRow[], ids: Generation): number {
  return PRODUCTS.filter((id) => {
    const productId = ids.product(id);
    return !rows.some((row) => row.productId === productId && row.productName.trim() !== '' && row.productName !== `Produto ${productId}`);
  }).length;
}

/** The first version: every student every week, one v1 request per (student, product), sleeping 0.8 s between calls. */
function baseline(school: ReturnType<typeof createSchool>, now: number, pages: number): { calls: number; wallSeconds: number } {
  const clock = new VirtualClock(now);
  const simulator = createSimulator({ clock, school, token: DEFAULT_TOKEN });
  const target = GENERATIONS.v1.target;
  let calls = pages;
  clock.advance(pages * (LATENCY_MS + 800));
  for (const cohort of school.cohorts) {
    for (const student of school.studentsWithTagAt(cohort.tagId, now)) {
      for (const productId of PRODUCTS) {
        simulator.handle(progressRequest(target, student.id, productId));
        calls++;
        clock.advance(LATENCY_MS + 800);
      }
    }
  }
  return { calls, wallSeconds: (clock.now() - now) / 1000 };
}

/** Runs `build` with the fakes' globals (SpreadsheetApp…) in this realm, as the workbook adapter expects them. */
function withAppsScriptGlobals(globals: Record<string, unknown>, build: () => void): void {
  const realm = globalThis as Record<string, unknown>;
  const saved = Object.keys(globals).map((name) => [name, realm[name]] as const);
  Object.assign(realm, globals);
  try {
    build();
  } finally {
    for (const [name, value] of saved) {
      if (value === undefined) delete realm[name];
      else realm[name] = value;
    }
  }
}

export function runScaleScenario(students: number, activeShare: number, api: ApiGeneration = 'v1'): ScaleRow {
  const ids = GENERATIONS[api];
  const now = runInstant(WEEK, DEFAULT_SETTINGS);
  const school = createSchool({ studentCount: students });
  let simulator: ReturnType<typeof createSimulator> | undefined;
  // When the first and the last request reached the API: what lies outside is fixed spreadsheet work.
  const requestTimes = { first: Number.NaN, last: Number.NaN };
  const env = createAppsScriptEnv({
    handler: (request) => {
      if (Number.isNaN(requestTimes.first)) requestTimes.first = env.time.now();
      requestTimes.last = env.time.now();
      return simulator!.handle(request);
    },
    startTime: now,
    latencyMs: LATENCY_MS,
    urlFetchQuota: 100_000,
  });
  simulator = createSimulator({ clock: env.time, school, token: DEFAULT_TOKEN });
  const fns = loadBundle(bundleCode(), env);
  const history = syntheticHistory(school, now, activeShare, ids);
  env.runtime.quietly(() => {
    const workbook = new SpreadsheetWorkbook(env.spreadsheet.gas());
    ensureConfigSheets(workbook);
    const settings = withSettingValue(withSettingValue(workbook.readSheet(SHEET.settings), 'apiUrl', ids.target.baseUrl), 'apiVersion', api);
    workbook.writeSheet(SHEET.settings, { rows: settings });
    const cohorts = school.cohorts.map((cohort) =>
      cohortRow({
        ...cohort,
        tagId: ids.tag(cohort.tagId),
        productIds: cohort.productIds.map(ids.product),
        goalTrack: 'Padrão',
        tutorEmail: null,
        active: true,
      }),
    );
    workbook.writeSheet(SHEET.cohorts, { rows: [[...COHORT_HEADERS], ...cohorts] });
    workbook.writeSheet(SHEET.history, {
      rows: [[...HISTORY_HEADERS], ...history.rows.map((row) => encodeHistoryRow(row, 'America/Sao_Paulo'))],
      columnFormats: HISTORY_FORMATS,
    });
    env.properties.document.gas().setProperty('cademi.apiToken', ids.target.token);
    // A weekly run, not the first ever: last week's report sheets and charts exist, in the tab order
    // its commit left them, as they do every week but one (the first run's creating them is paid once,
    // and is not what a week costs).
    if (!process.env.BENCH_FIRST_RUN)
      withAppsScriptGlobals(env.globals, () => {
        const config = loadConfig(workbook);
        writeReports(workbook, config);
        arrangeTabs(workbook, config);
      });
  });
  const before = env.calls();
  let peak = process.memoryUsage().rss;
  let working = 0;
  const t0 = env.time.now();
  env.execute(() => fns.atualizarAgora(), { context: 'ui' });
  working += env.time.now() - t0;
  let runEnd = env.time.now();
  let slices = 1;
  for (let guard = 0; guard < 500 && env.properties.document.data.get('cademi.lastCompletedWeek') !== WEEK; guard++) {
    const runs = env.runTriggersUntil(env.time.now() + 10 * 60_000, fns);
    for (const run of runs) {
      if (run.error) throw run.error;
      working += run.durationMs;
      if (run.durationMs > 1000) runEnd = run.at + run.durationMs;
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
  const pages = listingPages(school, now, ids);
  const lookups = productLookups(history.rows, ids);
  // v1 asks once per (student, product), v3 once per student for every product.
  const progressCalls = api === 'v3' ? history.fetched : history.fetched * PRODUCTS.length;
  const calls = simulator.stats.requests;
  const activeWallMs = working;
  const base = baseline(school, now, api === 'v1' ? pages : listingPages(school, now, GENERATIONS.v1));
  return {
    api,
    students,
    products: PRODUCTS.length,
    activeShare,
    calls,
    minCalls: pages + progressCalls + lookups,
    listingPages: pages,
    productLookups: lookups,
    activeStudents: history.fetched,
    requestsPerSecond: calls / (activeWallMs / 1000),
    responses429: simulator.stats.responses429,
    wallSeconds: activeWallMs / 1000,
    floorSeconds: calls / 2,
    wallToFloor: activeWallMs / 1000 / (calls / 2),
    beforeFirstCallSeconds: (requestTimes.first - t0) / 1000,
    afterLastCallSeconds: (runEnd - requestTimes.last) / 1000,
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
