// The simulated Cademi API as a pure function: HttpRequest → HttpResponse at the clock's instant.

import type { HttpRequest, HttpResponse } from '../core/http';
import type { Clock } from './clock';
import { errorResponse, type Profiler, profilerFor, successResponse } from './envelope';
import { accessPayload, productDetailPayload, productPayload, progressPayload, userPayload } from './payloads';
import { SlidingWindowLimiter } from './rate-limiter';
import { decodeCursor, encodeCursor, parseRequestUrl, type RequestUrl } from './request-url';
import { createSchool, type School } from './school';
import { createV3Handler, DEFAULT_V3_TOKEN, type SimulatedV3Credential, V3_BASE_SEGMENTS } from './v3-handler';

/** Options of `createSimulator`. */
export interface SimulatorOptions {
  /** The clock every answer is computed at (a VirtualClock in tests, systemClock in the server). */
  clock: Clock;
  /** The school to serve (default: `createSchool()`, seed 42). */
  school?: School;
  /** The API key clients must send (default 'simulador-token'). */
  token?: string;
  /** Requests admitted per rolling second (default 2, Cademi's documented limit). */
  ratePerSecond?: number;
  /** Requests admitted per rolling minute (default 120). */
  perMinute?: number;
  /** Students per page of `lista_por_tag` (default 150). */
  pageSize?: number;
  /** The v3 keys accepted under `/api/v3` (default: one full-access `ck_test_simulador`). */
  v3Credentials?: readonly SimulatedV3Credential[];
  /** Fault injection: a response returned instead of the real one (before auth and rate limit). */
  fault?: (request: HttpRequest, now: number) => HttpResponse | undefined;
}

/** Counters of what the simulator answered. */
export interface SimulatorStats {
  requests: number;
  responses429: number;
  byStatus: Record<number, number>;
}

/** A simulated Cademi API. */
export interface Simulator {
  /** Answers one request at `clock.now()`; only the rate limiter and the stats keep state. */
  handle(request: HttpRequest): HttpResponse;
  readonly school: School;
  /** Live counters (the same object across calls; `resetStats` zeroes it in place). */
  readonly stats: SimulatorStats;
  resetStats(): void;
  /** Forgets the requests the rate limiter remembers. */
  resetRateLimit(): void;
}

/** The default API key of the simulator. */
export const DEFAULT_TOKEN = 'simulador-token';
const PRODUCTS_PER_PAGE = 15;
const BASE_SEGMENTS = ['api', 'v1'];

/** What a route needs to answer. */
interface RouteContext {
  readonly school: School;
  readonly url: RequestUrl;
  /** Path segments after /api/v1. */
  readonly path: string[];
  readonly now: number;
  readonly profiler: Profiler;
  readonly pageSize: number;
}

type Route = (context: RouteContext) => HttpResponse | undefined;

function headerValue(headers: Readonly<Record<string, string>>, name: string): string | undefined {
  for (const key of Object.keys(headers)) if (key.toLowerCase() === name) return headers[key];
  return undefined;
}

function notFound(context: RouteContext, msg: string): HttpResponse {
  return errorResponse(404, msg, context.profiler);
}

/** A path segment as a positive id; null when it is not one (or absent). */
function positiveInt(text: string | undefined): number | null {
  return text !== undefined && /^\d{1,9}$/.test(text) ? Number(text) : null;
}

/** One page of a list ordered by a numeric key, with cursors that point after/before a key. */
function pageOf<T>(
  items: readonly T[],
  keyOf: (item: T) => number,
  cursor: Record<string, unknown> | null,
  size: number,
): { page: T[]; nextAfter: number | null; prevBefore: number | null } {
  let page: T[];
  if (cursor && typeof cursor.before === 'number') {
    const before = cursor.before;
    const earlier = items.filter((item) => keyOf(item) < before);
    page = earlier.slice(Math.max(0, earlier.length - size));
  } else {
    const after = cursor && typeof cursor.after === 'number' ? cursor.after : -Infinity;
    page = items.filter((item) => keyOf(item) > after).slice(0, size);
  }
  const [first] = page;
  const last = page.at(-1);
  if (first === undefined || last === undefined) return { page, nextAfter: null, prevBefore: null };
  const firstKey = keyOf(first);
  const lastKey = keyOf(last);
  return {
    page,
    nextAfter: items.some((item) => keyOf(item) > lastKey) ? lastKey : null,
    prevBefore: cursor !== null && items.some((item) => keyOf(item) < firstKey) ? firstKey : null,
  };
}

/**
 * Pages a list the way Cademi does: absolute next/prev URLs on the request's origin with an opaque
 * cursor, null when there is no such page. `list` names the listing so a cursor cannot be replayed
 * on another one.
 */
function paginated<T>(
  context: RouteContext,
  list: string,
  items: readonly T[],
  keyOf: (item: T) => number,
  size: number,
): { page: T[]; paginator: object } | HttpResponse {
  const cursorText = context.url.query.cursor;
  let cursor: Record<string, unknown> | null = null;
  if (cursorText !== undefined && cursorText !== '') {
    cursor = decodeCursor(cursorText);
    if (!cursor || cursor.list !== list) return errorResponse(400, 'Cursor inválido', context.profiler);
  }
  const { page, nextAfter, prevBefore } = pageOf(items, keyOf, cursor, size);
  const pageUrl = (position: object) =>
    `${context.url.origin}/${BASE_SEGMENTS.join('/')}/${context.path.map(encodeURIComponent).join('/')}?cursor=${encodeCursor({ list, ...position })}`;
  return {
    page,
    paginator: {
      perPage: size,
      next_page_url: nextAfter !== null ? pageUrl({ after: nextAfter }) : null,
      prev_page_url: prevBefore !== null ? pageUrl({ before: prevBefore }) : null,
    },
  };
}

const listStudentsByTag: Route = (context) => {
  const [resource, action, tagText] = context.path;
  if (resource !== 'usuario' || action !== 'lista_por_tag' || context.path.length !== 3) return undefined;
  const tagId = positiveInt(tagText);
  if (tagId === null || !context.school.tagById(tagId)) return notFound(context, `Tag ${tagText} não encontrada`);
  const students = context.school.studentsWithTagAt(tagId, context.now);
  const result = paginated(context, `tag:${tagId}`, students, (student) => student.id, context.pageSize);
  if ('status' in result) return result;
  return successResponse(
    { paginator: result.paginator, usuario: result.page.map((student) => userPayload(context.school, student, context.now)) },
    context.profiler,
  );
};

function findStudent(context: RouteContext, key: string | undefined) {
  if (key === undefined) return undefined;
  const student = context.school.findStudent(key);
  return student && context.school.existsAt(student.id, context.now) ? student : undefined;
}

const studentProgress: Route = (context) => {
  const [resource, action, studentKey, productText] = context.path;
  if (resource !== 'usuario' || action !== 'progresso_por_produto' || context.path.length !== 4) return undefined;
  const student = findStudent(context, studentKey);
  if (!student) return notFound(context, `Usuário ${studentKey} não encontrado`);
  const productId = positiveInt(productText);
  const product = productId === null ? undefined : context.school.productById(productId);
  if (!product) return notFound(context, `Produto ${productText} não encontrado`);
  if (!student.productIds.includes(product.id)) return notFound(context, `Usuário ${student.id} não tem acesso ao produto ${product.id}`);
  return successResponse({ progresso: progressPayload(context.school, student, product, context.now) }, context.profiler);
};

const studentAccesses: Route = (context) => {
  const [resource, action, studentKey] = context.path;
  if (resource !== 'usuario' || action !== 'acesso' || context.path.length !== 3) return undefined;
  const student = findStudent(context, studentKey);
  if (!student) return notFound(context, `Usuário ${studentKey} não encontrado`);
  return successResponse(
    { usuario: userPayload(context.school, student, context.now), acesso: accessPayload(context.school, student, context.now) },
    context.profiler,
  );
};

const oneStudent: Route = (context) => {
  const [resource, studentKey] = context.path;
  if (resource !== 'usuario' || context.path.length !== 2) return undefined;
  const student = findStudent(context, studentKey);
  if (!student) return notFound(context, `Usuário ${studentKey} não encontrado`);
  return successResponse({ usuario: userPayload(context.school, student, context.now) }, context.profiler);
};

const allTags: Route = (context) => {
  if (context.path.length !== 1 || context.path[0] !== 'tag') return undefined;
  return successResponse({ itens: context.school.tags.map((tag) => ({ id: tag.id, nome: tag.nome })) }, context.profiler);
};

const allProducts: Route = (context) => {
  if (context.path.length !== 1 || context.path[0] !== 'produto') return undefined;
  const result = paginated(context, 'produto', context.school.products, (product) => product.ordem, PRODUCTS_PER_PAGE);
  if ('status' in result) return result;
  return successResponse({ paginator: result.paginator, produto: result.page.map(productPayload) }, context.profiler);
};

const oneProduct: Route = (context) => {
  const [resource, productText] = context.path;
  if (resource !== 'produto' || context.path.length !== 2) return undefined;
  const productId = positiveInt(productText);
  const product = productId === null ? undefined : context.school.productById(productId);
  if (!product) return notFound(context, `Produto ${productText} não encontrado`);
  return successResponse({ produto: productDetailPayload(product) }, context.profiler);
};

// Order matters: the specific /usuario/… routes come before /usuario/{id}.
const ROUTES: readonly Route[] = [listStudentsByTag, studentProgress, studentAccesses, oneStudent, allTags, allProducts, oneProduct];

/** Creates a simulated Cademi API over a school, answering at `options.clock`'s instant. */
export function createSimulator(options: SimulatorOptions): Simulator {
  const clock = options.clock;
  const school = options.school ?? createSchool();
  const token = options.token ?? DEFAULT_TOKEN;
  const pageSize = options.pageSize ?? 150;
  const ratePerSecond = options.ratePerSecond ?? 2;
  const perMinute = options.perMinute ?? 120;
  const limiter = new SlidingWindowLimiter(ratePerSecond, perMinute);
  const stats: SimulatorStats = { requests: 0, responses429: 0, byStatus: {} };
  const answerV3 = createV3Handler({
    school,
    credentials: options.v3Credentials ?? [{ secret: DEFAULT_V3_TOKEN }],
    admit: (now) => limiter.tryAdmit(now),
    ratePerSecond,
    perMinute,
  });

  function record(response: HttpResponse): HttpResponse {
    stats.byStatus[response.status] = (stats.byStatus[response.status] ?? 0) + 1;
    if (response.status === 429) stats.responses429++;
    return response;
  }

  function answer(request: HttpRequest, now: number): HttpResponse {
    const profiler = profilerFor(school.seed, now, request.url);
    const injected = options.fault?.(request, now);
    if (injected) return injected;

    // API v3 (same school, same rate budget) has its own keys, envelope and errors: see v3-handler.ts.
    const v3Url = parseRequestUrl(request.url);
    if (v3Url !== null && V3_BASE_SEGMENTS.every((segment, index) => v3Url.segments[index] === segment)) return answerV3(request, v3Url, now);

    // Auth comes first: a bad key is refused without spending the client's rate budget.
    const authorization = (headerValue(request.headers, 'authorization') ?? '').trim();
    if (authorization === '') return errorResponse(403, 'Acesso negado: envie a chave da API no cabeçalho Authorization', profiler);
    if (authorization.replace(/^Bearer\s+/i, '') !== token) return errorResponse(405, 'Token inválido', profiler);

    const decision = limiter.tryAdmit(now);
    if (!decision.admitted) {
      return errorResponse(429, `Limite de requisições excedido: máximo de ${ratePerSecond} por segundo e ${perMinute} por minuto`, profiler, {
        'retry-after': String(decision.retryAfterSeconds),
      });
    }

    const url = parseRequestUrl(request.url);
    const isApiPath = url !== null && BASE_SEGMENTS.every((segment, index) => url.segments[index] === segment);
    if (request.method !== 'GET' || !url || !isApiPath) return errorResponse(404, 'Rota não encontrada', profiler);
    const context: RouteContext = { school, url, path: url.segments.slice(BASE_SEGMENTS.length), now, profiler, pageSize };
    for (const route of ROUTES) {
      const response = route(context);
      if (response) return response;
    }
    return errorResponse(404, 'Rota não encontrada', profiler);
  }

  return {
    handle(request) {
      stats.requests++;
      return record(answer(request, clock.now()));
    },
    school,
    stats,
    resetStats() {
      stats.requests = 0;
      stats.responses429 = 0;
      for (const status of Object.keys(stats.byStatus)) delete stats.byStatus[Number(status)];
    },
    resetRateLimit: () => limiter.reset(),
  };
}
