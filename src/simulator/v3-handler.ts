// The simulated Cademi API v3 under `/api/v3`: the same school as v1, with v3 ids (v3-ids.ts), the
// error envelope, opaque cursors that carry their filters, progress events and `/openapi.json`, all
// shaped by the client's contract table (V3_CONTRACT), so the simulator speaks what the client reads.

import { type EndpointContract, V3_CONTRACT, type V3EndpointName } from '../core/cademi-v3/contract';
import { isV3Id } from '../core/cademi-v3/ids';
import { v3KeyMode } from '../core/cademi-v3/keys';
import { cursorHash } from '../core/cademi-v3/paging';
import type { HttpRequest, HttpResponse } from '../core/http';
import { openApiDocument } from './openapi';
import type { RateDecision } from './rate-limiter';
import { decodeCursor, encodeCursor, queryPairs, type RequestUrl } from './request-url';
import type { School } from './school';
import { compareEventKeys, type EventKey, eventKey, eventsBetween } from './v3-events';
import { eventV3Id, productV3Id, tagV3Id, userV3Id, v1IdOf } from './v3-ids';
import { type V3ErrorDetail, v3Error, v3Success, writeFields, writeList } from './v3-payloads';

/** The v3 key the simulator accepts by default (a sandbox key, as Cademi's `ck_test_…`). */
export const DEFAULT_V3_TOKEN = 'ck_test_simulador';

/** One v3 credential the simulator accepts. */
export interface SimulatedV3Credential {
  /** The secret sent in Authorization (`Bearer <secret>` or the secret alone). */
  readonly secret: string;
  /**
   * The endpoints this key may call (absent: all). Any valid key may call `currentCredential` and
   * `openapi`; the others answer 403 `permission_denied`.
   */
  readonly endpoints?: readonly V3EndpointName[];
}

/** What the v3 routes share with the v1 handler. */
export interface V3HandlerOptions {
  readonly school: School;
  readonly credentials: readonly SimulatedV3Credential[];
  /** The simulator's one rate limiter (v1 and v3 share the account's budget). */
  readonly admit: (now: number) => RateDecision;
  readonly ratePerSecond: number;
  readonly perMinute: number;
}

const { endpoints } = V3_CONTRACT;
/** The path segments of the v3 base (`/api/v3`). */
export const V3_BASE_SEGMENTS = V3_CONTRACT.basePath.split('/').filter((segment) => segment !== '');
/** A page's size when the request names none. */
const DEFAULT_LIMIT = 50;
/** `status=active`: accessed in the last 30 days [known]. */
const ACTIVE_WINDOW_MS = 30 * 86_400_000;
const ALWAYS_ALLOWED: readonly V3EndpointName[] = ['currentCredential', 'openapi'];
const EVENT_TYPE = /^[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)*$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/i;

/** What one request's route reads. */
interface V3Context {
  readonly school: School;
  readonly url: RequestUrl;
  readonly pairs: ReadonlyArray<readonly [string, string]>;
  readonly pathValues: Readonly<Record<string, string>>;
  readonly now: number;
  readonly requestId: string;
  readonly credential: SimulatedV3Credential;
  readonly headers: Readonly<Record<string, string>>;
}

/** A rejected parameter: becomes 422 `validation_failed` naming it. */
class ParamProblem extends Error {
  constructor(readonly detail: V3ErrorDetail) {
    super(detail.issue);
  }
}

function headerValue(headers: Readonly<Record<string, string>>, name: string): string | undefined {
  for (const key of Object.keys(headers)) if (key.toLowerCase() === name) return headers[key];
  return undefined;
}

/** The endpoint whose path shape matches the segments after `/api/v3`, with its path values. */
function routeOf(segments: readonly string[]): { name: V3EndpointName; endpoint: EndpointContract; values: Record<string, string> } | null {
  for (const [name, endpoint] of Object.entries(endpoints) as [V3EndpointName, EndpointContract][]) {
    const shape = endpoint.path.split('/').filter((part) => part !== '');
    if (shape.length !== segments.length) continue;
    const values: Record<string, string> = {};
    const matches = shape.every((part, index) => {
      const segment = segments[index] as string;
      const param = /^\{(\w+)\}$/.exec(part)?.[1];
      if (param === undefined) return part === segment;
      values[param] = segment;
      return true;
    });
    if (matches) return { name, endpoint, values };
  }
  return null;
}

// ---- parameters ----

function values(context: V3Context, name: string): string[] {
  return context.pairs.filter(([key]) => key === name).map(([, value]) => value);
}

function single(context: V3Context, name: string): string | undefined {
  return values(context, name).at(-1);
}

function limitOf(context: V3Context, endpoint: EndpointContract): number {
  const declared = endpoint.params.find((param) => param.name === 'limit');
  const { min = 1, max = 200 } = declared ?? {};
  const text = single(context, 'limit');
  if (text === undefined) return Math.min(DEFAULT_LIMIT, max);
  if (!/^\d{1,6}$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new ParamProblem({ field: 'limit', issue: `deve ser um inteiro de ${min} a ${max}` });
  }
  return Number(text);
}

function badCursor(): ParamProblem {
  return new ParamProblem({ field: 'cursor', issue: 'cursor inválido, ou de outra listagem ou de outros filtros' });
}

/** The cursor sent, when it was written for this listing (`list`) with the same filters; null without one. */
function cursorOf(context: V3Context, list: string, filters: string): Record<string, unknown> | null {
  const text = single(context, 'cursor');
  if (text === undefined || text === '') return null;
  const cursor = decodeCursor(text);
  if (cursor === null || cursor.l !== list || cursor.f !== cursorHash(filters)) throw badCursor();
  return cursor;
}

/** The key a cursor of a keyed listing (users by id, progress by product order) points after; null without one. */
function cursorAfter(context: V3Context, list: string, filters: string): number | null {
  const cursor = cursorOf(context, list, filters);
  if (cursor === null) return null;
  if (typeof cursor.a !== 'number') throw badCursor();
  return cursor.a;
}

function cursorFor(list: string, filters: string, after: number): string {
  return encodeCursor({ l: list, f: cursorHash(filters), a: after });
}

/** One page of `items` (ordered by `keyOf`, ascending) after the cursor, and the next cursor. */
function pageAfter<T>(items: readonly T[], keyOf: (item: T) => number, after: number | null, limit: number, cursorOf: (key: number) => string) {
  const rest = after === null ? items : items.filter((item) => keyOf(item) > after);
  const page = rest.slice(0, limit);
  const last = page.at(-1);
  return { page, nextCursor: last !== undefined && rest.length > page.length ? cursorOf(keyOf(last)) : null };
}

function studentOf(context: V3Context) {
  const text = context.pathValues.user_id ?? '';
  const studentId = v1IdOf(V3_CONTRACT.ids.prefixes.user, text);
  const student = studentId === null ? undefined : context.school.studentById(studentId);
  return student !== undefined && context.school.existsAt(student.id, context.now) ? student : undefined;
}

// ---- routes ----

type V3Route = (context: V3Context) => HttpResponse;

function notFound(context: V3Context, what: string): HttpResponse {
  return v3Error(404, 'not_found', `${what} não encontrado`, context.requestId);
}

function userValues(context: V3Context, studentId: number) {
  const student = context.school.studentById(studentId);
  if (student === undefined) throw new Error(`no student ${studentId}`);
  return {
    id: userV3Id(student.id),
    name: student.nome,
    email: student.email,
    phone: student.celular,
    createdAt: student.createdAt,
    lastAccessAt: context.school.lastAccessAt(student.id, context.now),
  };
}

const usersByTag: V3Route = (context) => {
  const endpoint = endpoints.usersByTag;
  const tagTexts = values(context, 'tag_id[]');
  if (tagTexts.length === 0) throw new ParamProblem({ field: 'tag_id[]', issue: 'informe ao menos uma tag' });
  const tagIds = new Set<number>();
  for (const text of tagTexts) {
    if (!isV3Id(text, V3_CONTRACT.ids.prefixes.tag)) throw new ParamProblem({ field: 'tag_id[]', issue: 'não é um id de tag (tag_…)' });
    const tagId = v1IdOf(V3_CONTRACT.ids.prefixes.tag, text);
    if (tagId === null || context.school.tagById(tagId) === undefined) return notFound(context, 'Tag');
    tagIds.add(tagId);
  }
  const status = single(context, 'status');
  if (status !== undefined && status !== 'active') throw new ParamProblem({ field: 'status', issue: 'o único valor aceito é active' });
  const limit = limitOf(context, endpoint);
  const filters = `${[...tagIds].sort((a, b) => a - b).join(',')}|${status ?? ''}`;
  const after = cursorAfter(context, 'users', filters);

  const byId = new Map<number, number>();
  for (const tagId of tagIds) for (const student of context.school.studentsWithTagAt(tagId, context.now)) byId.set(student.id, student.id);
  let ids = [...byId.keys()].sort((a, b) => a - b);
  if (status === 'active') {
    ids = ids.filter((id) => {
      const last = context.school.lastAccessAt(id, context.now);
      return last !== null && last > context.now - ACTIVE_WINDOW_MS;
    });
  }
  const { page, nextCursor } = pageAfter(
    ids,
    (id) => id,
    after,
    limit,
    (key) => cursorFor('users', filters, key),
  );
  const items = page.map((id) => writeFields(endpoint.fields, userValues(context, id)));
  return v3Success(writeList(endpoint.list, items, nextCursor), context.requestId);
};

/** The percent a student had in a product at an instant, as the progress answer gives it (one decimal). */
function percentAt(context: V3Context, studentId: number, productId: number, at: number): number {
  const product = context.school.productById(productId);
  const total = product?.lessons.length ?? 0;
  const completed = context.school.progressAt(studentId, productId, at)?.completed ?? 0;
  return total === 0 ? 0 : Number(((completed / total) * 100).toFixed(1));
}

const userProgress: V3Route = (context) => {
  const endpoint = endpoints.userProgress;
  const student = studentOf(context);
  if (student === undefined) return notFound(context, 'Usuário');
  const limit = limitOf(context, endpoint);
  const filters = String(student.id);
  const after = cursorAfter(context, 'progress', filters);
  const products = student.productIds
    .map((productId) => context.school.productById(productId))
    .filter((product) => product !== undefined)
    .sort((a, b) => a.ordem - b.ordem);
  const { page, nextCursor } = pageAfter(
    products,
    (product) => product.ordem,
    after,
    limit,
    (key) => cursorFor('progress', filters, key),
  );
  const items = page.map((product) => {
    const summary = context.school.progressAt(student.id, product.id, context.now);
    const completed = summary?.completed ?? 0;
    return writeFields(endpoint.fields, {
      productId: productV3Id(product.id),
      // As v1's `total` text, to one decimal: the same student reads the same percent on both.
      percent: percentAt(context, student.id, product.id, context.now),
      lessonsCompleted: completed,
      lastLessonAt: summary?.lastActivityAt ?? null,
    });
  });
  return v3Success(writeList(endpoint.list, items, nextCursor), context.requestId);
};

const oneUser: V3Route = (context) => {
  const student = studentOf(context);
  if (student === undefined) return notFound(context, 'Usuário');
  const tagIds = context.school.tagsOfStudentAt(student.id, context.now).map(tagV3Id);
  return v3Success(writeFields(endpoints.user.fields, { ...userValues(context, student.id), tagIds }), context.requestId);
};

const oneProduct: V3Route = (context) => {
  const productId = v1IdOf(V3_CONTRACT.ids.prefixes.product, context.pathValues.product_id ?? '');
  const product = productId === null ? undefined : context.school.productById(productId);
  if (product === undefined) return notFound(context, 'Produto');
  return v3Success(writeFields(endpoints.product.fields, { id: productV3Id(product.id), name: product.nome }), context.requestId);
};

const events: V3Route = (context) => {
  const endpoint = endpoints.events;
  const type = single(context, 'type');
  if (type !== undefined && !EVENT_TYPE.test(type)) throw new ParamProblem({ field: 'type', issue: 'não é um tipo de evento' });
  const afterText = single(context, 'occurred_after');
  const occurredAfter = afterText === undefined ? Number.NEGATIVE_INFINITY : Date.parse(afterText);
  if (afterText !== undefined && (!RFC3339.test(afterText) || !Number.isFinite(occurredAfter))) {
    throw new ParamProblem({ field: 'occurred_after', issue: 'deve ser uma data e hora RFC 3339' });
  }
  const limit = limitOf(context, endpoint);
  const filters = `${type ?? ''}|${afterText === undefined ? '' : occurredAfter}`;
  const cursor = cursorOf(context, 'events', filters);
  let position: EventKey | null = null;
  if (cursor !== null) {
    const key = cursor.k;
    if (!Array.isArray(key) || key.length !== 4 || !key.every((part) => typeof part === 'number')) throw badCursor();
    position = key as unknown as EventKey;
  }
  // Only the window still to list is produced: from the cursor's instant (or the filter's) to now.
  const windowStart = position === null ? occurredAfter : Math.max(occurredAfter, position[0] - 1);
  const listed = eventsBetween(context.school, windowStart, context.now).filter(
    (event) => (type === undefined || event.type === type) && (position === null || compareEventKeys(eventKey(event), position) > 0),
  );
  const page = listed.slice(0, limit);
  const last = page.at(-1);
  const items = page.map((event) =>
    writeFields(endpoint.fields, {
      id: eventV3Id(event.studentId, event.session, event.productId, event.typeIndex),
      type: event.type,
      occurredAt: event.occurredAt,
      userId: userV3Id(event.studentId),
      productId: productV3Id(event.productId),
      percent: percentAt(context, event.studentId, event.productId, event.occurredAt),
    }),
  );
  const nextCursor = last !== undefined && listed.length > page.length ? encodeCursor({ l: 'events', f: cursorHash(filters), k: eventKey(last) }) : null;
  return v3Success(writeList(endpoint.list, items, nextCursor), context.requestId);
};

const currentCredential: V3Route = (context) =>
  v3Success(
    writeFields(endpoints.currentCredential.fields, {
      id: `key_sim${cursorHash(context.credential.secret).slice(0, 8)}`,
      mode: v3KeyMode(context.credential.secret),
    }),
    context.requestId,
  );

const openapi: V3Route = (context) => {
  const body = JSON.stringify(openApiDocument(`${context.url.origin}${V3_CONTRACT.basePath}`));
  const etag = `"${cursorHash(body)}"`;
  const headers = { 'content-type': 'application/json; charset=utf-8', 'x-request-id': context.requestId, etag };
  if (headerValue(context.headers, 'if-none-match') === etag) return { status: 304, headers, body: '' };
  return { status: 200, headers, body };
};

const ROUTES: { readonly [K in V3EndpointName]: V3Route } = {
  usersByTag,
  userProgress,
  user: oneUser,
  product: oneProduct,
  events,
  currentCredential,
  openapi,
};

/**
 * The v3 half of the simulator: answers a request whose path starts with `/api/v3`. Order: the key
 * (401, without spending the rate budget), the shared rate limit (429 with Retry-After), the route
 * (404), the key's permissions (403), the parameters (422), then the answer.
 */
export function createV3Handler(options: V3HandlerOptions): (request: HttpRequest, url: RequestUrl, now: number) => HttpResponse {
  let sequence = 0;

  return (request, url, now) => {
    sequence++;
    const requestId = `req_sim${Math.max(0, Math.floor(now)).toString(36)}${sequence.toString(36).padStart(4, '0')}`;
    const authorization = (headerValue(request.headers, 'authorization') ?? '').trim();
    if (authorization === '') return v3Error(401, 'unauthenticated', 'Envie a chave da API no cabeçalho Authorization', requestId);
    const secret = authorization.replace(/^Bearer\s+/i, '');
    const credential = options.credentials.find((candidate) => candidate.secret === secret);
    if (credential === undefined) return v3Error(401, 'invalid_credential', 'Chave da API inválida ou revogada', requestId);

    const decision = options.admit(now);
    if (!decision.admitted) {
      const limits = `máximo de ${options.ratePerSecond} por segundo e ${options.perMinute} por minuto`;
      return v3Error(429, 'rate_limited', `Limite de requisições excedido: ${limits}`, requestId, [], { 'retry-after': String(decision.retryAfterSeconds) });
    }

    const route = routeOf(url.segments.slice(V3_BASE_SEGMENTS.length));
    if (route === null) return v3Error(404, 'not_found', 'Rota não encontrada', requestId);
    if (request.method !== route.endpoint.method) return v3Error(405, 'method_not_allowed', 'Método não permitido', requestId);
    if (credential.endpoints !== undefined && !ALWAYS_ALLOWED.includes(route.name) && !credential.endpoints.includes(route.name)) {
      return v3Error(403, 'permission_denied', 'A chave não tem permissão para esta chamada', requestId);
    }
    const pairs = queryPairs(request.url);
    if (pairs === null) return v3Error(422, 'validation_failed', 'Parâmetros mal codificados', requestId);
    const context: V3Context = {
      school: options.school,
      url,
      pairs,
      pathValues: route.values,
      now,
      requestId,
      credential,
      headers: request.headers,
    };
    try {
      return ROUTES[route.name](context);
    } catch (error) {
      if (!(error instanceof ParamProblem)) throw error;
      return v3Error(422, 'validation_failed', 'Parâmetros inválidos', requestId, [error.detail]);
    }
  };
}
