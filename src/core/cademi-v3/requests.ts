// Builds the HttpRequest values for each Cademi API v3 endpoint the monitor reads (no I/O here).
// Paths, parameter names and limits come from the contract table; ids are checked before they go
// into a path or a query, and a list's next page is the same request plus `cursor=`.

import { labelOfUrl } from '../cademi/requests';
import { tokenProblem } from '../cademi/token';
import type { HttpRequest } from '../http';
import { tokenMessages } from '../messages/cademi';
import { cademiV3Messages as say, V3_SEGMENT } from '../messages/cademi-v3';
import { type EndpointContract, type ParamContract, V3_CONTRACT } from './contract';
import { v3Id } from './ids';
import type { TagId, UserId, V3Target } from './types';

const { endpoints } = V3_CONTRACT;

/** The base URL without trailing slashes, so paths can be appended with one '/'. */
function baseOf(target: V3Target): string {
  return target.baseUrl.trim().replace(/\/+$/, '');
}

function headersOf(target: V3Target, extra: Readonly<Record<string, string>> = {}): Record<string, string> {
  // Backstop for every path: a key that is no header value never reaches fetch/UrlFetchApp, whose
  // error text could quote it.
  const problem = tokenProblem(target.token);
  if (problem !== null) throw new Error(tokenMessages.runRefused(problem));
  const scheme = target.authScheme ?? V3_CONTRACT.authorization.schemes[0];
  const value = scheme === 'bearer' ? `Bearer ${target.token}` : target.token;
  return { [V3_CONTRACT.authorization.header]: value, Accept: 'application/json', ...extra };
}

/** A declared parameter of the endpoint, by name (a typo here is a bug, caught by the tests). */
function param(endpoint: EndpointContract, name: string): ParamContract {
  const found = endpoint.params.find((candidate) => candidate.name === name);
  if (found === undefined) throw new Error(`cademi-v3: ${endpoint.path} declares no parameter ${name}`);
  return found;
}

/** `limit` within the declared bounds (default: the most a page may hold). */
function limitOf(endpoint: EndpointContract, limit: number | undefined): string {
  const { min = 1, max = 200 } = param(endpoint, 'limit');
  const value = limit ?? max;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new RangeError(`cademi-v3: limit for ${endpoint.path} must be an integer in ${min}–${max}, got ${value}`);
  }
  return String(value);
}

/** The query pairs, in order, with the cursor last when there is one (the next page = same filters + cursor). */
type Query = ReadonlyArray<readonly [string, string]>;

function withCursor(endpoint: EndpointContract, query: Query, cursor: string | null): Query {
  if (cursor === null) return query;
  if (cursor.trim() === '') throw new RangeError(`cademi-v3: an empty cursor for ${endpoint.path} means the list ended there: nothing is left to request`);
  return [...query, [param(endpoint, 'cursor').name, cursor]];
}

function get(
  target: V3Target,
  endpoint: EndpointContract,
  pathValues: Readonly<Record<string, string>>,
  query: Query,
  headers?: Record<string, string>,
): HttpRequest {
  const path = endpoint.path.replace(/\{(\w+)\}/g, (_whole, name: string) => {
    const value = pathValues[name];
    if (value === undefined) throw new Error(`cademi-v3: no value for {${name}} in ${endpoint.path}`);
    return encodeURIComponent(value);
  });
  const search = query.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join('&');
  return { method: 'GET', url: `${baseOf(target)}${path}${search === '' ? '' : `?${search}`}`, headers: headersOf(target, headers) };
}

/** What a users-by-tag listing filters on. Pass the same value for every page of one listing. */
export interface UsersByTagQuery {
  /** Users carrying any of these tags (at least one; duplicates are sent once). */
  readonly tagIds: readonly string[];
  /** `active`: only users who accessed in the last 30 days. */
  readonly status?: 'active';
  /** 1–200; default 200. */
  readonly limit?: number;
}

/**
 * `GET /users?tag_id[]=tag_…&limit=200`: one page of the users carrying any of the tags; `cursor` is
 * the previous page's `page.next_cursor` (null for the first page). Tag ids are checked (`tag_…`).
 */
export function usersByTagRequest(target: V3Target, query: UsersByTagQuery, cursor: string | null = null): HttpRequest {
  const endpoint = endpoints.usersByTag;
  const tagIds: TagId[] = [...new Set(query.tagIds.map((tagId) => v3Id(tagId, 'tag_', V3_SEGMENT.tagId)))];
  if (tagIds.length === 0) throw new Error(say.noTags());
  const pairs: (readonly [string, string])[] = tagIds.map((tagId) => [param(endpoint, 'tag_id[]').name, tagId] as const);
  if (query.status !== undefined) pairs.push([param(endpoint, 'status').name, query.status]);
  pairs.push(['limit', limitOf(endpoint, query.limit)]);
  return get(target, endpoint, {}, withCursor(endpoint, pairs, cursor));
}

/** How a progress listing is paged. */
export interface PageOptions {
  /** 1–200; default 200. */
  readonly limit?: number;
}

/** `GET /users/{user_id}/progress`: one page of the user's progress in every product (cursor as above). */
export function userProgressRequest(target: V3Target, userId: string, options: PageOptions = {}, cursor: string | null = null): HttpRequest {
  const endpoint = endpoints.userProgress;
  const user: UserId = v3Id(userId, 'usr_', V3_SEGMENT.userId);
  return get(target, endpoint, { user_id: user }, withCursor(endpoint, [['limit', limitOf(endpoint, options.limit)]], cursor));
}

/** `GET /users/{user_id}`: one user, with tags. */
export function userRequest(target: V3Target, userId: string): HttpRequest {
  return get(target, endpoints.user, { user_id: v3Id(userId, 'usr_', V3_SEGMENT.userId) }, []);
}

/** `GET /products/{product_id}`: one product, for its name (an assumed path: see the contract). */
export function productRequest(target: V3Target, productId: string): HttpRequest {
  return get(target, endpoints.product, { product_id: v3Id(productId, 'prd_', V3_SEGMENT.productId) }, []);
}

/** What an events listing filters on. Pass the same value for every page of one listing. */
export interface EventsQuery {
  /** One event type (e.g. one of `V3_CONTRACT.progressEventTypes.values`); absent = every type. */
  readonly type?: string;
  /** Only events after this instant (epoch ms), sent as RFC 3339 in UTC. */
  readonly occurredAfter?: number;
  /** 1–200; default 200. */
  readonly limit?: number;
}

/** An event type as catalogued (`progress.updated`): lower-case words joined by dots or underscores. */
const EVENT_TYPE = /^[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)*$/;

/** `GET /events?type=…&occurred_after=…`: one page of the account's events, oldest first (cursor as above). */
export function eventsRequest(target: V3Target, query: EventsQuery = {}, cursor: string | null = null): HttpRequest {
  const endpoint = endpoints.events;
  const pairs: (readonly [string, string])[] = [];
  if (query.type !== undefined) {
    if (!EVENT_TYPE.test(query.type)) throw new RangeError(`cademi-v3: "${query.type}" is no event type`);
    pairs.push([param(endpoint, 'type').name, query.type]);
  }
  if (query.occurredAfter !== undefined) {
    if (!Number.isFinite(query.occurredAfter)) throw new RangeError('cademi-v3: occurredAfter must be an instant (epoch ms)');
    pairs.push([param(endpoint, 'occurred_after').name, new Date(query.occurredAfter).toISOString()]);
  }
  pairs.push(['limit', limitOf(endpoint, query.limit)]);
  return get(target, endpoint, {}, withCursor(endpoint, pairs, cursor));
}

/** `GET /credentials/current`: answers any valid key, without extra permissions (validates a key). */
export function currentCredentialRequest(target: V3Target): HttpRequest {
  return get(target, endpoints.currentCredential, {}, []);
}

/** `GET /openapi.json`: the live contract (for the doctor); with the last ETag, a 304 means unchanged. */
export function openApiRequest(target: V3Target, etag?: string): HttpRequest {
  const ifNoneMatch = etag !== undefined && /^(?:W\/)?"[\x21\x23-\x7e]*"$/.test(etag) ? { 'If-None-Match': etag } : undefined;
  return get(target, endpoints.openapi, {}, [], ifNoneMatch);
}

// Path shapes (after the base) → label; the more specific shapes first.
const PATH_LABELS: ReadonlyArray<readonly [RegExp, string]> = Object.values(endpoints)
  .map((endpoint) => [new RegExp(`^${endpoint.path.replace(/[.]/g, '\\.').replace(/\{\w+\}/g, '[^/]+')}$`), `${endpoint.method} ${endpoint.path}`] as const)
  .sort(([a], [b]) => b.source.length - a.source.length);

/**
 * Maps a concrete v3 request URL back to its endpoint label (for error messages). A URL outside the
 * base or of an unknown shape gives `GET <path>` without query, so a cursor never lands in a log.
 */
export function v3EndpointOf(url: string, target: V3Target): string {
  return labelOfUrl(url, baseOf(target), PATH_LABELS);
}
