// What a fault injector needs to know about each Cademi API generation: which requests are the tag
// listings and the progress calls, how the generation spells an error body, a listing's next page and
// a progress answer. v3's paths and envelope come from the client's contract table (V3_CONTRACT), so
// a renamed path or key there moves the faults with it.

import type { ApiGeneration } from '../../src/core/cademi/types';
import { V3_CONTRACT } from '../../src/core/cademi-v3/contract';
import type { HttpRequest, HttpResponse } from '../../src/core/http';
import { tagV3Id } from '../../src/simulator';
import { v3Error } from '../../src/simulator/v3-payloads';

export type { ApiGeneration } from '../../src/core/cademi/types';

/** Both generations, in the order the suite runs and reports them. */
export const APIS: readonly ApiGeneration[] = ['v1', 'v3'];

/** Which (student, product) pairs a refused progress call costs: v1 one pair, v3 every product of the student. */
export interface ProgressTarget {
  /** As `Histórico`'s `Aluno ID` holds it (v1 integer, v3 `usr_…`). */
  readonly studentId: number | string;
  /** v1: the product; v3: null (one call answers for every product). */
  readonly productId: number | null;
}

export interface FaultGeneration {
  readonly api: ApiGeneration;
  /** A progress call (v1 `/usuario/progresso_por_produto/{id}/{produto}`, v3 `/users/{user_id}/progress`). */
  isProgress(request: HttpRequest): boolean;
  /** A page of a tag's listing (v1 `/usuario/lista_por_tag/{tag}`, v3 `/users?tag_id[]=…`). */
  isTagPage(request: HttpRequest): boolean;
  /** A page of the listing of this simulated tag (its v1 id; v3 asks for `tagV3Id` of it). */
  isTagPageOf(request: HttpRequest, v1TagId: number): boolean;
  /** Whether a listing request asks for a later page (carries a cursor). */
  hasCursor(request: HttpRequest): boolean;
  /** The cursor a listing request carries (v3), or its whole URL (v1, whose pages are URLs). */
  pagePointerOf(request: HttpRequest): string;
  /** The generation's error body: v1 `{success, code, msg}`, v3 `{error: {code, message, request_id, details}}`. */
  error(status: number, message: string, headers?: Record<string, string>): HttpResponse;
  /** The page pointer of a listing body (v1 `data.paginator.next_page_url`, v3 `page.next_cursor`); null at the end. */
  nextPointer(body: Record<string, unknown>): string | null;
  setNextPointer(body: Record<string, unknown>, pointer: string | null): void;
  /** Empties a listing body's students. */
  emptyListing(body: Record<string, unknown>): void;
  /** The progress percent's key as it appears in an answer's JSON, e.g. `"total":`. */
  readonly percentKey: string;
  /** A progress answer cut off mid-transfer (a 2xx body that is no JSON). */
  readonly truncatedProgress: string;
  /** The progress endpoint's label, as the run's messages name it. */
  readonly progressLabel: string;
  /** What a progress request refused for good costs. */
  progressTarget(request: HttpRequest): ProgressTarget | null;
}

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

function pathOf(request: HttpRequest): string {
  try {
    return new URL(request.url).pathname;
  } catch {
    return '';
  }
}

function queryValues(request: HttpRequest, name: string): string[] {
  try {
    return new URL(request.url).searchParams.getAll(name);
  } catch {
    return [];
  }
}

/** `/api/v3/users/{user_id}/progress` → a regex over a request's path. */
function v3PathPattern(path: string): RegExp {
  const escaped = `${V3_CONTRACT.basePath}${path}`.replace(/[.]/g, '\\.').replace(/\{\w+\}/g, '([^/]+)');
  return new RegExp(`^${escaped}$`);
}

const V3_PROGRESS = v3PathPattern(V3_CONTRACT.endpoints.userProgress.path);
const V3_USERS = v3PathPattern(V3_CONTRACT.endpoints.usersByTag.path);
const TAG_PARAM = V3_CONTRACT.endpoints.usersByTag.params[0].name;
const { list } = V3_CONTRACT.endpoints.usersByTag;

function at(body: Record<string, unknown>, path: string): { parent: Record<string, unknown>; key: string } | null {
  const keys = path.split('.');
  const key = keys.pop() as string;
  let node: unknown = body;
  for (const part of keys) {
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  }
  return typeof node === 'object' && node !== null ? { parent: node as Record<string, unknown>, key } : null;
}

const v1: FaultGeneration = {
  api: 'v1',
  isProgress: (request) => request.url.includes('/usuario/progresso_por_produto/'),
  isTagPage: (request) => request.url.includes('/usuario/lista_por_tag/'),
  isTagPageOf: (request, tagId) => pathOf(request).endsWith(`/usuario/lista_por_tag/${tagId}`),
  hasCursor: (request) => request.url.includes('cursor='),
  pagePointerOf: (request) => request.url,
  error: (status, message, headers = {}) => ({
    status,
    headers: { ...JSON_HEADERS, ...headers },
    body: JSON.stringify({ success: false, code: status, msg: message }),
  }),
  nextPointer: (body) => {
    const next = (body.data as { paginator?: { next_page_url?: unknown } } | undefined)?.paginator?.next_page_url;
    return typeof next === 'string' ? next : null;
  },
  setNextPointer: (body, pointer) => {
    const paginator = (body.data as { paginator?: Record<string, unknown> } | undefined)?.paginator;
    if (paginator) paginator.next_page_url = pointer;
  },
  emptyListing: (body) => {
    const data = body.data as Record<string, unknown> | undefined;
    if (Array.isArray(data?.usuario)) data.usuario = [];
    v1.setNextPointer(body, null);
  },
  percentKey: '"total":',
  truncatedProgress: '{"success":true,"code":200,"data":{"progresso":{"total":"4',
  progressLabel: 'GET /usuario/progresso_por_produto',
  progressTarget: (request) => {
    const ids = /progresso_por_produto\/(\d+)\/(\d+)/.exec(request.url);
    return ids ? { studentId: Number(ids[1]), productId: Number(ids[2]) } : null;
  },
};

let v3RequestIds = 0;

/** The v3 error codes the simulator (and Cademi's reference) give each status. */
const V3_CODES: Readonly<Record<number, string>> = {
  401: 'invalid_credential',
  403: 'permission_denied',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'state_conflict',
  422: 'validation_failed',
  429: 'rate_limited',
};

const v3: FaultGeneration = {
  api: 'v3',
  isProgress: (request) => V3_PROGRESS.test(pathOf(request)),
  isTagPage: (request) => V3_USERS.test(pathOf(request)) && queryValues(request, TAG_PARAM).length > 0,
  isTagPageOf: (request, tagId) => V3_USERS.test(pathOf(request)) && queryValues(request, TAG_PARAM).includes(tagV3Id(tagId)),
  hasCursor: (request) => queryValues(request, 'cursor').length > 0,
  pagePointerOf: (request) => queryValues(request, 'cursor').at(-1) ?? '',
  error: (status, message, headers = {}) =>
    v3Error(status, V3_CODES[status] ?? (status >= 500 ? 'internal_error' : 'http_error'), message, `req_falha${(++v3RequestIds).toString(36)}`, [], headers),
  nextPointer: (body) => {
    const slot = at(body, list.nextCursor.path);
    const next = slot?.parent[slot.key];
    return typeof next === 'string' ? next : null;
  },
  setNextPointer: (body, pointer) => {
    const slot = at(body, list.nextCursor.path);
    if (slot) slot.parent[slot.key] = pointer;
  },
  emptyListing: (body) => {
    const slot = at(body, list.items.path);
    if (slot && Array.isArray(slot.parent[slot.key])) slot.parent[slot.key] = [];
    v3.setNextPointer(body, null);
  },
  percentKey: `"${V3_CONTRACT.endpoints.userProgress.fields.percent.path}":`,
  truncatedProgress: `{"${list.items.path}":[{"${V3_CONTRACT.endpoints.userProgress.fields.productId.path}":"prd_sim0000b","${V3_CONTRACT.endpoints.userProgress.fields.percent.path}":4`,
  progressLabel: `GET ${V3_CONTRACT.endpoints.userProgress.path}`,
  progressTarget: (request) => {
    const user = V3_PROGRESS.exec(pathOf(request))?.[1];
    return user === undefined ? null : { studentId: decodeURIComponent(user), productId: null };
  },
};

export const GENERATIONS: Readonly<Record<ApiGeneration, FaultGeneration>> = { v1, v3 };

/** The key a request carried, without v3's `Bearer ` scheme. */
export function keyOf(request: HttpRequest): string {
  for (const name of Object.keys(request.headers)) {
    if (name.toLowerCase() === 'authorization') return request.headers[name].replace(/^Bearer\s+/i, '');
  }
  return '';
}

/** The request with `key` in its Authorization header, in the generation's scheme. */
export function withKey(request: HttpRequest, api: ApiGeneration, key: string): HttpRequest {
  const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => name.toLowerCase() !== 'authorization'));
  return { ...request, headers: { ...headers, Authorization: api === 'v3' ? `Bearer ${key}` : key } };
}
