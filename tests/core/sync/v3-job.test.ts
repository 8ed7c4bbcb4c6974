// The weekly job on Cademi API v3 from a school's first week: one progress call per student answers
// every tracked product, the incremental rule reads the users listing's `last_access_at`, product
// names come from GET /products/{product_id}, and a re-run replaces its week. Everything goes through
// runWeek and the embedded simulator; a transport wrapper records what the simulator was asked.

import { V3_CONTRACT, V3_ENDPOINTS } from '../../../src/core/cademi-v3/contract';
import { withSettingValue } from '../../../src/core/config/settings-sheet';
import { cohortRow, ensureConfigSheets } from '../../../src/core/config/templates';
import { HISTORY_HEADERS, type HistoryRow, historyKey } from '../../../src/core/history/schema';
import type { HttpRequest, HttpResponse } from '../../../src/core/http';
import { productNameUnavailable, unknownProduct } from '../../../src/core/messages/sync';
import { DEFAULT_GOAL_TRACK } from '../../../src/core/model/goals';
import { readHistoryRows } from '../../../src/core/report/report-sheets';
import { COHORT_HEADERS, SHEET } from '../../../src/core/sheets';
import type { SyncResult } from '../../../src/core/sync/job';
import { MemoryWorkbook } from '../../../src/core/workbook/memory-workbook';
import { advanceTo, type EmbeddedApi, embeddedApi } from '../../../src/node/embedded-api';
import { type ApiConnection, runWeek } from '../../../src/node/sync-runner';
import { productV3Id, tagV3Id, v1IdOf } from '../../../src/simulator';
import { v3Error } from '../../../src/simulator/v3-payloads';
import { mondayRun } from '../../support/school-workbook';

const TIME_ZONE = 'America/Sao_Paulo';
const WEEK_1 = '2026-09-07';
const WEEK_2 = '2026-09-14';
const COHORTS = 2;
const { endpoints } = V3_CONTRACT;
const USER_FIELDS = endpoints.usersByTag.fields;

/** One exchange the simulator saw, as the job sent it and as the job got it back. */
interface Exchange {
  readonly request: HttpRequest;
  readonly response: HttpResponse;
}

/** A v3 school: the simulator, a workbook whose Turmas hold tag_/prd_ ids and whose Configuração says v3. */
interface V3School {
  readonly api: EmbeddedApi;
  readonly workbook: MemoryWorkbook;
  /** Every exchange since the last `runOn`, in order. */
  readonly log: Exchange[];
  /** Runs one week at its Monday run instant, the simulator's clock moved there first. */
  runOn(week: string): Promise<SyncResult>;
}

/**
 * `fault` may replace the simulator's answer to a request (the simulator still sees it, so its
 * rate budget and clock move as with Cademi).
 */
function v3School(fault?: (request: HttpRequest) => HttpResponse | undefined, options: { extraProduct?: string } = {}): V3School {
  const api = embeddedApi({ startAt: mondayRun(WEEK_1), studentCount: 300, api: 'v3', latencyMs: 100 });
  const workbook = new MemoryWorkbook();
  ensureConfigSheets(workbook);
  const rows = api.simulator.school.cohorts.slice(0, COHORTS).map((cohort) =>
    cohortRow({
      name: cohort.name,
      tagId: tagV3Id(cohort.tagId),
      start: cohort.start,
      productIds: [...cohort.productIds.map(productV3Id), ...(options.extraProduct ? [options.extraProduct] : [])],
      goalTrack: DEFAULT_GOAL_TRACK.name,
      tutorEmail: null,
      active: true,
    }),
  );
  workbook.writeSheet(SHEET.cohorts, { rows: [[...COHORT_HEADERS], ...rows] });
  workbook.writeSheet(SHEET.settings, { rows: withSettingValue(workbook.readSheet(SHEET.settings), 'apiVersion', 'v3') });

  const log: Exchange[] = [];
  const connection: ApiConnection = {
    ...api,
    transport: {
      async send(requests) {
        const answers = await api.transport.send(requests);
        return answers.map((answer, index) => {
          const request = requests[index];
          const response = fault?.(request) ?? answer;
          log.push({ request, response });
          return response;
        });
      },
    },
  };
  return {
    api,
    workbook,
    log,
    async runOn(week) {
      log.length = 0;
      const now = mondayRun(week);
      advanceTo(api, now);
      return (await runWeek(workbook, connection, { now, trigger: 'Teste' })).result;
    },
  };
}

/** `/api/v3/users/{user_id}/progress` as a pattern over a request's path, from the contract table. */
function pathPattern(path: string): RegExp {
  return new RegExp(`^${V3_CONTRACT.basePath}${path.replace(/\{\w+\}/g, '([^/]+)')}$`);
}
const PROGRESS_PATH = pathPattern(endpoints.userProgress.path);
const PRODUCT_PATH = pathPattern(endpoints.product.path);
const USERS_PATH = pathPattern(endpoints.usersByTag.path);

const pathOf = (exchange: Exchange) => decodeURIComponent(new URL(exchange.request.url).pathname);
const hasCursor = (exchange: Exchange) => new URL(exchange.request.url).searchParams.has('cursor');

/** The user id of each progress request, in order (one entry per page asked). */
function progressCalls(log: readonly Exchange[]): string[] {
  return log.flatMap((exchange) => PROGRESS_PATH.exec(pathOf(exchange))?.[1] ?? []);
}

/** The product id of each GET /products/{product_id}. */
function productCalls(log: readonly Exchange[]): string[] {
  return log.flatMap((exchange) => PRODUCT_PATH.exec(pathOf(exchange))?.[1] ?? []);
}

/** The percent each progress answer gave, by `user|product`. */
function progressAnswers(log: readonly Exchange[]): Map<string, number> {
  const fields = endpoints.userProgress.fields;
  const percents = new Map<string, number>();
  for (const exchange of log) {
    const userId = PROGRESS_PATH.exec(pathOf(exchange))?.[1];
    if (userId === undefined) continue;
    const body = JSON.parse(exchange.response.body) as Record<string, Record<string, unknown>[]>;
    for (const item of body[endpoints.userProgress.list.items.path]) {
      percents.set(`${userId}|${item[fields.productId.path]}`, item[fields.percent.path] as number);
    }
  }
  return percents;
}

/** What the users listings answered this run: each listed user's last access (epoch ms, null = never). */
function listedUsers(log: readonly Exchange[]): Map<string, number | null> {
  const users = new Map<string, number | null>();
  for (const exchange of log.filter((candidate) => USERS_PATH.test(pathOf(candidate)))) {
    const body = JSON.parse(exchange.response.body) as Record<string, Record<string, unknown>[]>;
    for (const item of body[endpoints.usersByTag.list.items.path]) {
      const lastAccess = item[USER_FIELDS.lastAccessAt.path];
      users.set(String(item[USER_FIELDS.id.path]), typeof lastAccess === 'string' ? Date.parse(lastAccess) : null);
    }
  }
  return users;
}

const history = (workbook: MemoryWorkbook): HistoryRow[] => readHistoryRows(workbook.readSheet(SHEET.history), TIME_ZONE);
const ofWeek = (rows: readonly HistoryRow[], week: string) => rows.filter((row) => row.week === week);
/** The products every simulated cohort tracks, as Turmas holds them on v3. */
const trackedProducts = (school: V3School) => school.api.simulator.school.cohorts[0].productIds.map(productV3Id);

/** How many times each id occurs. */
function countBy(ids: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

describe('a school on Cademi API v3 from its first week', () => {
  let school: V3School;
  let week1: { result: SyncResult; log: Exchange[]; listed: Map<string, number | null> };
  let week2: { result: SyncResult; log: Exchange[]; listed: Map<string, number | null> };

  beforeAll(async () => {
    school = v3School();
    const result1 = await school.runOn(WEEK_1);
    week1 = { result: result1, log: [...school.log], listed: listedUsers(school.log) };
    const result2 = await school.runOn(WEEK_2);
    week2 = { result: result2, log: [...school.log], listed: listedUsers(school.log) };
  }, 60_000);

  it('asks only v3 paths of the simulator, and no progress call per product', () => {
    for (const { log } of [week1, week2]) {
      expect(log.length).toBeGreaterThan(0);
      for (const exchange of log) {
        const path = pathOf(exchange);
        expect([PROGRESS_PATH, PRODUCT_PATH, USERS_PATH].some((pattern) => pattern.test(path))).toBe(true);
      }
    }
    // The job's own count of calls is what the simulator received.
    expect(week1.result.stats.calls).toBe(week1.log.length);
  });

  it('first week: one progress call per listed student who ever accessed, none for those who never did', () => {
    const accessed = [...week1.listed].filter(([, lastAccess]) => lastAccess !== null).map(([id]) => id);
    const neverAccessed = [...week1.listed].filter(([, lastAccess]) => lastAccess === null).map(([id]) => id);
    expect(accessed.length).toBeGreaterThan(50);
    expect(neverAccessed.length).toBeGreaterThan(0);
    const firstPages = progressCalls(week1.log.filter((exchange) => !hasCursor(exchange)));
    expect(firstPages.sort()).toEqual(accessed.sort());
    expect([...countBy(firstPages).values()].every((count) => count === 1)).toBe(true);
    // Three tracked products, one answer: far fewer progress calls than (student, product) pairs.
    expect(progressCalls(week1.log).length).toBe(accessed.length);
  });

  it('first week: every tracked product of each listed student gets its row from that one answer, under usr_/prd_ ids', () => {
    const rows = ofWeek(history(school.workbook), WEEK_1);
    const tracked = trackedProducts(school);
    expect(new Set(rows.map((row) => row.studentId))).toEqual(new Set(week1.listed.keys()));
    for (const id of week1.listed.keys()) {
      expect(
        rows
          .filter((row) => row.studentId === id)
          .map((row) => row.productId)
          .sort(),
      ).toEqual([...tracked].sort());
    }
    expect(rows).toHaveLength(week1.listed.size * tracked.length);
    // Each value is the one the student's progress answer gave for that product.
    const answered = progressAnswers(week1.log);
    for (const row of rows.filter((candidate) => candidate.origin === 'API')) {
      expect(row.progress).toBe(answered.get(`${row.studentId}|${row.productId}`));
    }
    expect(rows.filter((row) => row.origin === 'API')).toHaveLength(progressCalls(week1.log).length * tracked.length);
    // Who never accessed has 0% without a call.
    const never = rows.filter((row) => week1.listed.get(String(row.studentId)) === null);
    expect(never.length).toBeGreaterThan(0);
    expect(never.every((row) => row.origin === 'Mantido' && row.progress === 0)).toBe(true);
    // The cells themselves hold the v3 ids as text.
    const sheet = school.workbook.readSheet(SHEET.history)!;
    const studentColumn = HISTORY_HEADERS.indexOf('Aluno ID');
    const productColumn = HISTORY_HEADERS.indexOf('Produto ID');
    for (const cells of sheet.slice(1)) {
      expect(cells[studentColumn]).toEqual(expect.stringMatching(/^usr_/));
      expect(cells[productColumn]).toEqual(expect.stringMatching(/^prd_/));
    }
  });

  it('names each product from GET /products/{product_id}, asked once per product in the first week only', () => {
    const tracked = trackedProducts(school);
    expect(productCalls(week1.log).sort()).toEqual([...tracked].sort());
    expect(productCalls(week2.log)).toEqual([]);
    for (const row of history(school.workbook)) {
      expect(row.productName).toBe(school.api.simulator.school.productById(v1IdOf('prd_', String(row.productId))!)!.nome);
    }
  });

  it('second week: a student whose last_access_at is not later than the last snapshot is carried without a call', () => {
    const snapshotAt = mondayRun(WEEK_1);
    const hadRows = new Set(ofWeek(history(school.workbook), WEEK_1).map((row) => String(row.studentId)));
    // The README's rule, from what the listing said: accessed after the snapshot, or new and ever accessed.
    const accessedSince = (id: string, lastAccess: number | null) => lastAccess !== null && (!hadRows.has(id) || lastAccess > snapshotAt);
    const shouldCall = [...week2.listed].filter(([id, lastAccess]) => accessedSince(id, lastAccess)).map(([id]) => id);
    const carried = [...week2.listed].filter(([id, lastAccess]) => hadRows.has(id) && !accessedSince(id, lastAccess)).map(([id]) => id);
    // The clock's week moved some students to a new session and left others idle: both cases are here.
    expect(shouldCall.length).toBeGreaterThan(10);
    // Carried despite having accessed at some point: what only the last_access_at comparison decides.
    expect(carried.filter((id) => week2.listed.get(id) !== null).length).toBeGreaterThan(10);

    const called = progressCalls(week2.log.filter((exchange) => !hasCursor(exchange)));
    expect(called.sort()).toEqual(shouldCall.sort());
    expect([...countBy(called).values()].every((count) => count === 1)).toBe(true);

    const rows = history(school.workbook);
    const before = new Map(ofWeek(rows, WEEK_1).map((row) => [`${row.studentId}|${row.productId}`, row]));
    const now = ofWeek(rows, WEEK_2);
    for (const id of carried) {
      const mine = now.filter((row) => row.studentId === id);
      expect(mine).toHaveLength(trackedProducts(school).length);
      for (const row of mine) {
        expect(row.origin).toBe('Mantido');
        expect(row.progress).toBe(before.get(`${id}|${row.productId}`)!.progress);
      }
    }
    for (const id of shouldCall) expect(now.filter((row) => row.studentId === id).every((row) => row.origin === 'API')).toBe(true);
    expect(week2.result.stats.carried).toBeGreaterThanOrEqual(carried.length * trackedProducts(school).length);
  });

  it('a re-run of a week on v3 replaces that week’s rows and leaves the other week as it was', async () => {
    const rowsBefore = history(school.workbook);
    const again = await school.runOn(WEEK_2);
    const rowsAfter = history(school.workbook);
    expect(again.rows.length).toBeGreaterThan(0);
    expect(ofWeek(rowsAfter, WEEK_2)).toHaveLength(again.rows.length);
    expect(ofWeek(rowsAfter, WEEK_2)).toHaveLength(ofWeek(rowsBefore, WEEK_2).length);
    expect(new Set(rowsAfter.map(historyKey)).size).toBe(rowsAfter.length);
    expect(ofWeek(rowsAfter, WEEK_1)).toEqual(ofWeek(rowsBefore, WEEK_1));
  });
});

/** Answers the product lookup of one product could give that cost its name only. */
const NAMELESS_ANSWERS: readonly [string, HttpResponse][] = [
  ['404 without an envelope (a path Cademi does not serve)', { status: 404, headers: { 'content-type': 'text/html' }, body: '<h1>Not Found</h1>' }],
  ['403 (a key without the products permission)', v3Error(403, 'permission_denied', 'Sem permissão', 'req_teste403')],
  ['a null name', { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: productV3Id(12), name: null }) }],
  ['another shape', { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: productV3Id(12), title: 'sem o campo name' }) }],
];

// The lookup is an endpoint this version assumes: but for Cademi's own "no such product" (below),
// whatever it answers for good, the product keeps its rows (the progress answers hold it) under the
// stand-in name, with a warning and no error.
describe.each(NAMELESS_ANSWERS)('GET /products/{product_id} answering %s for one product', (_label, answer) => {
  const nameless = productV3Id(12);
  let school: V3School;
  let result: SyncResult;

  beforeAll(async () => {
    school = v3School((request) => (decodeURIComponent(new URL(request.url).pathname).endsWith(`/products/${nameless}`) ? answer : undefined));
    result = await school.runOn(WEEK_1);
  }, 60_000);

  it('keeps the product’s rows under the stand-in name "Produto prd_…", the others named from the API', () => {
    const week = ofWeek(history(school.workbook), WEEK_1);
    const rows = week.filter((row) => row.productId === nameless);
    expect(result.collectedCohorts).toHaveLength(COHORTS);
    // As many rows as each of the other products: one per listed student.
    expect(rows.length).toBeGreaterThan(0);
    expect(rows).toHaveLength(week.filter((row) => row.productId === productV3Id(11)).length);
    expect(new Set(rows.map((row) => row.productName))).toEqual(new Set([`Produto ${nameless}`]));
    const names = new Map(week.map((row) => [row.productId, row.productName]));
    expect(names.get(productV3Id(11))).toBe(school.api.simulator.school.productById(11)!.nome);
    expect(names.get(productV3Id(13))).toBe(school.api.simulator.school.productById(13)!.nome);
  });

  it('says so in a warning, flags nothing in Turmas, and asks once', () => {
    expect(result.warnings).toContain(productNameUnavailable(nameless, V3_ENDPOINTS.product));
    expect(result.errors).toEqual([]);
    expect(result.cohortProblems).toEqual([]);
    expect(productCalls(school.log).filter((id) => id === nameless)).toHaveLength(1);
  });
});

// In v3's envelope, a 404 is Cademi saying the product does not exist (a typo in `Turmas`): as on v1,
// the product is left out of the week, the error said and its `Produtos` cell flagged.
describe('GET /products/{product_id} answering 404 in v3’s envelope for one product', () => {
  const missing = productV3Id(12);
  let school: V3School;
  let result: SyncResult;

  beforeAll(async () => {
    school = v3School((request) =>
      decodeURIComponent(new URL(request.url).pathname).endsWith(`/products/${missing}`)
        ? v3Error(404, 'not_found', 'Produto não encontrado', 'req_teste404')
        : undefined,
    );
    result = await school.runOn(WEEK_1);
  }, 60_000);

  it('completes the week for the other products, each named from the API', () => {
    const rows = ofWeek(history(school.workbook), WEEK_1);
    expect(result.collectedCohorts).toHaveLength(COHORTS);
    expect(rows.filter((row) => row.productId === missing)).toEqual([]);
    const names = new Map(rows.map((row) => [row.productId, row.productName]));
    expect(names.get(productV3Id(11))).toBe(school.api.simulator.school.productById(11)!.nome);
    expect(names.get(productV3Id(13))).toBe(school.api.simulator.school.productById(13)!.nome);
  });

  it('says the product does not exist and flags it in Turmas, asking once', () => {
    expect(result.errors).toContain(unknownProduct(missing));
    expect(result.cohortProblems.filter((problem) => problem.column === 'Produtos').map((problem) => problem.cohort)).toHaveLength(COHORTS);
    expect(productCalls(school.log).filter((id) => id === missing)).toHaveLength(1);
  });
});

// A mistyped product id whose lookup cannot say it does not exist (here: a key without the products
// permission): every progress answer lacks it. One note says so for the product, however many students,
// and each cohort's `Produtos` cell points at the id.
describe('a tracked product no student’s progress includes (a mistyped id the lookup cannot confirm)', () => {
  const typo = 'prd_digitadoerrado';
  let school: V3School;
  let result: SyncResult;

  beforeAll(async () => {
    school = v3School((request) => (decodeURIComponent(new URL(request.url).pathname).endsWith(`/products/${typo}`) ? NAMELESS_ANSWERS[1][1] : undefined), {
      extraProduct: typo,
    });
    result = await school.runOn(WEEK_1);
  }, 60_000);

  it('records the other products, and of it only the rows of students not asked (never online)', () => {
    const rows = ofWeek(history(school.workbook), WEEK_1);
    const asked = new Set(progressCalls(school.log));
    expect(rows.filter((row) => row.productId === typo && asked.has(String(row.studentId)))).toEqual([]);
    expect(rows.filter((row) => row.productId === productV3Id(11)).length).toBeGreaterThan(0);
  });

  it('says it in one note for all the students, pointing at Turmas, and flags each cohort’s Produtos cell', () => {
    const notes = result.errors.filter((error) => error.includes(typo));
    expect(notes).toHaveLength(1);
    const students = progressCalls(school.log).length;
    expect(notes[0]).toMatch(
      new RegExp(
        `^Produto ${typo}, ${students} alunos \\(usr_\\w+, usr_\\w+, usr_\\w+ e mais ${students - 3}\\): o progresso na Cademi não inclui esse produto`,
      ),
    );
    expect(notes[0]).toContain('confira o ID na coluna Produtos de Turmas');
    expect(result.stats.skipped).toBe(students);
    const flagged = result.cohortProblems.filter((problem) => problem.column === 'Produtos' && problem.message.includes(typo));
    expect(flagged.map((problem) => problem.cohort).sort()).toEqual(
      school.api.simulator.school.cohorts
        .slice(0, COHORTS)
        .map((cohort) => cohort.name)
        .sort(),
    );
  });
});
