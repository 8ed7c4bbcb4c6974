// The sidebar's server side: one entry (`sidebarRpc`) dispatching to a fixed table of functions,
// each re-checking its inputs and writing through the same core as the sheets and the CLI.

import { z } from 'zod';
import { appendAdjustment, parseAdjustments, undoAdjustment } from '../core/adjustments/adjustments-sheet';
import { CademiRateLimitError, isRetryable } from '../core/cademi/errors';
import { advancePageWalk, newPageWalk } from '../core/cademi/pagination';
import { accessRequest, ENDPOINTS, followPageRequest, productsRequest, tagsRequest } from '../core/cademi/requests';
import { checkResponse, parseAccess, parseProductsPage, parseTags } from '../core/cademi/responses';
import type { ApiTarget } from '../core/cademi/types';
import { apiTargetFor } from '../core/config/api-choice';
import { archiveCohort, saveCohort, validateCohortInput } from '../core/config/cohort-editing';
import { loadConfig } from '../core/config/load-config';
import { parseSettingsSheet } from '../core/config/settings-sheet';
import { ensureConfigSheets } from '../core/config/templates';
import type { HistoryRow } from '../core/history/schema';
import type { HttpRequest, HttpResponse } from '../core/http';
import { alreadyInCohort, SIDEBAR_DATE_INVALID } from '../core/messages/adjustments';
import { tokenMessages } from '../core/messages/cademi';
import { moveTargetUnavailable, studentNotInHistory } from '../core/messages/cli';
import { SIDEBAR_FUNCTION_UNAVAILABLE, SIDEBAR_NEEDS_V1, SIDEBAR_TITLE, sidebarArgumentsInvalid } from '../core/messages/menu';
import { WORKBOOK_BUSY_FOR_CHANGE } from '../core/messages/sync';
import { compareIds, type StudentId } from '../core/model/ids';
import { readHistoryRows } from '../core/report/report-sheets';
import { tookOverNotice } from '../core/schedule/tick-owner';
import { SHEET } from '../core/sheets';
import type { AdjustmentView, CohortInput, Option, PossibleDropout, RunStatus, SidebarApi } from '../core/sidebar/api';
import { SIDEBAR_METHODS } from '../core/sidebar/api';
import { adjustmentView, buildSidebarState } from '../core/sidebar/state';
import { searchStudents } from '../core/students/student-search';
import { localDateOf, parseLocalDate } from '../core/time/local-date';
import { apiUrlRefusalForKey } from './api-target';
import { currentRunStatus } from './run-status';
import { SpreadsheetWorkbook } from './spreadsheet-workbook';
import { readToken, setRunRequested } from './state-store';
import { ensureTickTrigger } from './triggers';
import { fetchOneRequest } from './urlfetch-transport';
import { runOneSlice } from './weekly-run';
import { withWorkbookLock } from './workbook-lock';

/** At most this many inactive students are checked per click: each costs one API call at 2 req/s. */
const DROPOUT_CHECK_LIMIT = 30;

const isoDate = z.string().refine((text) => parseLocalDate(text) !== null, SIDEBAR_DATE_INVALID);
const cohortInput = z.object({
  name: z.string().max(200),
  tagId: z.number().int(),
  start: z.string().max(20),
  productIds: z.array(z.number().int()).max(50),
  goalTrack: z.string().max(200).nullable(),
  tutorEmail: z.string().max(200).nullable(),
});
const studentId = z.number().int().positive();
const shortText = z.string().max(500);

/** Argument schemas per method: what the browser sends is checked again here. */
const ARGUMENTS: Record<keyof SidebarApi, z.ZodType<unknown[]>> = {
  getState: z.tuple([]),
  listTags: z.tuple([]),
  listProducts: z.tuple([]),
  validateCohort: z.tuple([cohortInput, z.string().max(200).nullable()]),
  saveCohort: z.tuple([cohortInput, z.string().max(200).nullable()]),
  archiveCohort: z.tuple([z.string().max(200)]),
  searchStudents: z.tuple([z.string().max(100)]),
  moveStudent: z.tuple([studentId, z.string().max(200), isoDate, shortText]),
  markDropout: z.tuple([studentId, isoDate, shortText]),
  undoAdjustment: z.tuple([z.string().regex(/^[0-9a-f]{8}$/)]),
  possibleDropouts: z.tuple([]),
  runNow: z.tuple([]),
  runStatus: z.tuple([]),
};

/**
 * One request for a sidebar action, paced and retried like the job's: another execution (the tick)
 * may be using the API's 2 requests per second at the same moment.
 */
function fetchPaced(request: HttpRequest): HttpResponse {
  for (let attempt = 1; ; attempt++) {
    Utilities.sleep(500);
    const response = fetchOneRequest(request);
    try {
      checkResponse(response);
      return response;
    } catch (error) {
      if (!isRetryable(error) || attempt >= 4) return response; // the parser reports it clearly
      Utilities.sleep(error instanceof CademiRateLimitError ? error.retryAfterMs : 1000 * attempt);
    }
  }
}

function workbook(): SpreadsheetWorkbook {
  return new SpreadsheetWorkbook(SpreadsheetApp.getActiveSpreadsheet());
}

/** Read-only (the poll of the run status calls it): `Configuração` alone, not the whole config with its identity checks. */
function timeZone(book: SpreadsheetWorkbook): string {
  return parseSettingsSheet(book.readSheet(SHEET.settings)).settings.timeZone;
}

/** Wait for a slice's writes this long before saying the workbook is busy (a slice holds it up to ~5 min). */
const SIDEBAR_LOCK_WAIT_MS = 20_000;

/**
 * Every method that may write the spreadsheet (loadConfig does: it names sheets back) runs under the
 * workbook lock, so it never interleaves with a slice; a busy workbook changes nothing and says so.
 */
function exclusive<T>(work: () => T): T {
  return withWorkbookLock(SIDEBAR_LOCK_WAIT_MS, work, () => {
    throw new Error(WORKBOOK_BUSY_FOR_CHANGE);
  });
}

/** The v1 target of the sidebar's Cademi calls (tags, products, accesses: v1 endpoints only, so a v3 key is refused clearly). */
function apiTarget(book: SpreadsheetWorkbook): ApiTarget {
  const { settings, apiUrl } = parseSettingsSheet(book.readSheet(SHEET.settings));
  const token = readToken();
  const urlRefused = apiUrlRefusalForKey(settings, apiUrl, token);
  if (urlRefused) throw new Error(urlRefused);
  if (!token) throw new Error(tokenMessages.missing());
  const target = apiTargetFor(settings.apiVersion, settings.apiUrl, token);
  if (target.api === 'v3') throw new Error(SIDEBAR_NEEDS_V1);
  return target;
}

function history(book: SpreadsheetWorkbook): HistoryRow[] {
  return readHistoryRows(book.readSheet(SHEET.history), timeZone(book));
}

function actor(): string {
  return Session.getActiveUser().getEmail() || 'editor';
}

function latestRowOf(rows: readonly HistoryRow[], id: number): HistoryRow | undefined {
  return rows.filter((row) => row.studentId === id).sort((a, b) => (a.week < b.week ? 1 : -1))[0];
}

const server: SidebarApi = {
  getState() {
    return exclusive(() => {
      const book = workbook();
      ensureConfigSheets(book);
      return buildSidebarState(book, currentRunStatus(timeZone(book)), readToken() !== null);
    });
  },
  listTags() {
    return parseTags(fetchPaced(tagsRequest(apiTarget(workbook()))))
      .map((tag): Option => ({ id: tag.id, name: tag.name }))
      .sort((a, b) => compareIds(b.id, a.id));
  },
  listProducts() {
    const target = apiTarget(workbook());
    const products: Option[] = [];
    let walk = newPageWalk(productsRequest(target).url);
    while (walk.nextUrl !== null && walk.stopReason === null) {
      const page = parseProductsPage(fetchPaced(followPageRequest(target, walk.nextUrl, ENDPOINTS.products)));
      products.push(...page.items.map((product) => ({ id: product.id, name: product.name })));
      walk = advancePageWalk(walk, { itemCount: page.items.length, nextPageUrl: page.nextPageUrl }, 50);
    }
    return products;
  },
  validateCohort(input: CohortInput, originalName: string | null) {
    return exclusive(() => validateCohortInput(workbook(), input, originalName));
  },
  saveCohort(input: CohortInput, originalName: string | null) {
    return exclusive(() => {
      const book = workbook();
      ensureConfigSheets(book);
      return saveCohort(book, input, originalName);
    });
  },
  archiveCohort(name: string) {
    return exclusive(() => archiveCohort(workbook(), name));
  },
  searchStudents(query: string) {
    return searchStudents(history(workbook()), query);
  },
  moveStudent(id: number, toCohort: string, fromWeek: string, reason: string): AdjustmentView {
    return exclusive(() => {
      const book = workbook();
      const target = loadConfig(book).cohorts.find((cohort) => cohort.name === toCohort && cohort.active);
      if (!target) throw new Error(moveTargetUnavailable(toCohort));
      const latest = latestRowOf(history(book), id);
      if (!latest) throw new Error(studentNotInHistory(id));
      if (latest.cohort === toCohort) throw new Error(alreadyInCohort(toCohort));
      return adjustmentView(
        appendAdjustment(book, { date: fromWeek, studentId: id, name: latest.name, action: 'Mover', from: latest.cohort, to: toCohort, reason, by: actor() }),
      );
    });
  },
  markDropout(id: number, date: string, reason: string): AdjustmentView {
    return exclusive(() => {
      const book = workbook();
      const latest = latestRowOf(history(book), id);
      if (!latest) throw new Error(studentNotInHistory(id));
      return adjustmentView(
        appendAdjustment(book, { date, studentId: id, name: latest.name, action: 'Desistência', from: latest.cohort, to: '', reason, by: actor() }),
      );
    });
  },
  undoAdjustment(id: string): AdjustmentView {
    return exclusive(() => {
      const book = workbook();
      return adjustmentView(undoAdjustment(book, id, localDateOf(Date.now(), timeZone(book))));
    });
  },
  possibleDropouts(): PossibleDropout[] {
    return exclusive(() => {
      const book = workbook();
      const config = loadConfig(book);
      const target = apiTarget(book);
      const rows = history(book);
      const dropped = new Set(
        parseAdjustments(book.readSheet(SHEET.adjustments))
          .filter((a) => a.action === 'Desistência' && a.undoneAt === null)
          .map((a) => a.studentId),
      );
      // biome-ignore lint/complexity/useMathMinMax: weeks are ISO date strings, which Math.max would turn into NaN
      const latestWeek = rows.reduce((week, row) => (row.week > week ? row.week : week), '');
      const inactive = new Map<StudentId, HistoryRow>();
      for (const row of rows) {
        if (row.week !== latestWeek || dropped.has(row.studentId) || row.situation === 'Desistente') continue;
        const days = row.lastAccessAt === null ? Infinity : (row.collectedAt - row.lastAccessAt) / 86_400_000;
        // Only students already absent past the risk line are checked, to spare the rate limit.
        if (days >= config.settings.riskDaysWithoutAccess) inactive.set(row.studentId, row);
      }
      const candidates = [...inactive.values()].slice(0, DROPOUT_CHECK_LIMIT);
      const found: PossibleDropout[] = [];
      for (const row of candidates) {
        const { accesses } = parseAccess(fetchPaced(accessRequest(target, row.studentId)));
        const tracked = config.cohorts.find((cohort) => cohort.name === row.cohort)?.productIds ?? [];
        const ended = accesses.filter((access) => tracked.includes(access.product.id) && access.ended);
        const open = accesses.filter((access) => tracked.includes(access.product.id) && !access.ended);
        if (ended.length === 0 || open.length > 0) continue;
        found.push({
          studentId: row.studentId,
          name: row.name,
          email: row.email,
          cohort: row.cohort,
          daysWithoutAccess: row.lastAccessAt === null ? null : Math.floor((row.collectedAt - row.lastAccessAt) / 86_400_000),
          endedProducts: ended.map((access) => access.product.name),
        });
      }
      return found;
    });
  },
  runNow(): RunStatus {
    setRunRequested(true);
    const install = ensureTickTrigger();
    runOneSlice({ trigger: 'Manual' });
    const zone = timeZone(workbook());
    const status = currentRunStatus(zone);
    return install.kind === 'took-over' ? { ...status, automationNotice: tookOverNotice(install.previous, zone) } : status;
  },
  runStatus() {
    return currentRunStatus(timeZone(workbook()));
  },
};

/** The only function the sidebar calls. Unknown methods and malformed arguments are refused. */
export function dispatchSidebarCall(method: unknown, args: unknown): unknown {
  if (typeof method !== 'string' || !(SIDEBAR_METHODS as readonly string[]).includes(method)) {
    throw new Error(SIDEBAR_FUNCTION_UNAVAILABLE);
  }
  const name = method as keyof SidebarApi;
  const parsed = ARGUMENTS[name].safeParse(args ?? []);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    // zod's own wording is English: only the refinements written here carry a message worth showing.
    throw new Error(sidebarArgumentsInvalid(name, issue?.path.join('.') ?? '', issue?.code === 'custom' ? issue.message : null));
  }
  return (server[name] as (...values: unknown[]) => unknown)(...parsed.data);
}

/** "Gerenciar turmas…": the sidebar, one inlined HTML file. */
export function showSidebar(): void {
  const output = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(SIDEBAR_TITLE);
  SpreadsheetApp.getUi().showSidebar(output);
}
