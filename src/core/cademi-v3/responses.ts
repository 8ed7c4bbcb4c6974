// Reads Cademi API v3 answers: transport and status first (the error envelope's `code` and
// `request_id` kept, its `message` dropped), then the list envelope and the declared fields of each
// item, validated against the contract table into the typed model.

import { requestIdOf } from '../cademi/errors';
import { originOf } from '../cademi/requests';
import { retryAfterMs } from '../cademi/responses';
import { type HttpResponse, isTransportFailure } from '../http';
import { BODY_NOT_JSON, bodyNotObject, NOTHING_FOUND, UNKNOWN_ENDPOINT, wrongKind } from '../messages/cademi';
import { type EndpointContract, type FieldContract, type ListContract, V3_CONTRACT, V3_ENDPOINTS } from './contract';
import {
  CademiV3AuthError,
  type CademiV3Error,
  CademiV3HttpError,
  CademiV3NotFoundError,
  CademiV3PermissionError,
  CademiV3RateLimitError,
  CademiV3RedirectError,
  CademiV3RejectedError,
  CademiV3ServerError,
  CademiV3ShapeError,
  CademiV3TransportError,
  type V3ErrorDetails,
} from './errors';
import { type FieldSite, type FieldValues, isRecord, kindOf, lookup, readFields, shapeErrorAt } from './fields';
import type { CademiV3Credential, CademiV3Event, CademiV3Product, CademiV3Progress, CademiV3User, CademiV3UserWithTags, V3Page } from './types';

const { endpoints } = V3_CONTRACT;

function headerOf(response: HttpResponse, name: string): string | undefined {
  // Hosts promise lower-case names; tolerate others anyway.
  for (const key of Object.keys(response.headers)) {
    if (key.toLowerCase() === name) return response.headers[key];
  }
  return undefined;
}

/** Headers a request id may come in when the body has none. */
const REQUEST_ID_HEADERS = ['x-request-id', 'request-id', 'cademi-request-id'];

/** An `error.code` worth keeping: a plain identifier (`validation_failed`), so it cannot carry text. */
const ERROR_CODE = /^[a-z][a-z0-9_.-]{0,63}$/i;

/** `error.code` and `error.request_id` of the envelope; `error.message` and `error.details` are never read. */
function envelopeOf(body: unknown): { code?: string; requestId?: string; isError: boolean } {
  const { path, code: codeKey, requestId: requestIdKey } = V3_CONTRACT.errorEnvelope;
  const error = isRecord(body) ? body[path] : undefined;
  if (!isRecord(error)) return { isError: false };
  const code = typeof error[codeKey] === 'string' && ERROR_CODE.test(error[codeKey]) ? error[codeKey] : undefined;
  const requestId = typeof error[requestIdKey] === 'string' ? requestIdOf(error[requestIdKey]) : undefined;
  return { isError: true, ...(code === undefined ? {} : { code }), ...(requestId === undefined ? {} : { requestId }) };
}

function requestIdFromHeaders(response: HttpResponse): string | undefined {
  for (const name of REQUEST_ID_HEADERS) {
    const id = requestIdOf(headerOf(response, name));
    if (id !== undefined) return id;
  }
  return undefined;
}

/** Where a redirect points, as an origin only (its path and query may carry anything). */
function redirectOrigin(response: HttpResponse): string | null {
  const authority = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec((headerOf(response, 'location') ?? '').trim());
  const origin = authority ? originOf(authority[0]) : null;
  return origin !== null && origin.length <= 120 && /^https?:\/\/[a-z0-9.-]+(:\d+)?$/.test(origin) ? origin : null;
}

function errorForStatus(details: V3ErrorDetails, response: HttpResponse, nowMs: number): CademiV3Error {
  const { status } = details;
  if (status >= 300 && status <= 399) return new CademiV3RedirectError(details, redirectOrigin(response));
  if (status === 401) return new CademiV3AuthError(details);
  if (status === 403) return new CademiV3PermissionError(details);
  if (status === 404) return new CademiV3NotFoundError(details);
  if (status === 409 || status === 412 || status === 422) return new CademiV3RejectedError(details);
  if (status === 429) return new CademiV3RateLimitError(details, retryAfterMs(headerOf(response, 'retry-after'), nowMs));
  if (status >= 500 && status <= 599) return new CademiV3ServerError(details);
  return new CademiV3HttpError(details);
}

function tryJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/**
 * Throws the typed error a response stands for, or returns its parsed JSON body (an object).
 * Order: transport failure, HTTP status (with the envelope's code and request id), JSON, then an
 * error envelope inside a 2xx (classified as an HTTP error, never read as data).
 */
export function checkV3Response(response: HttpResponse, endpoint: string = UNKNOWN_ENDPOINT, nowMs: number = Date.now()): Record<string, unknown> {
  if (isTransportFailure(response)) {
    throw new CademiV3TransportError({ endpoint, status: 0 }, String(response.transportError ?? ''));
  }
  const parsed = tryJson(response.body);
  const envelope = parsed.ok ? envelopeOf(parsed.value) : { isError: false };
  const requestId = envelope.requestId ?? requestIdFromHeaders(response);
  const details: V3ErrorDetails = {
    endpoint,
    status: response.status,
    ...(envelope.code === undefined ? {} : { code: envelope.code }),
    ...(requestId === undefined ? {} : { requestId }),
  };
  if (response.status < 200 || response.status > 299) throw errorForStatus(details, response, nowMs);
  // A truncated or garbled body is a transport accident more often than an API change: retried.
  if (!parsed.ok) throw new CademiV3ShapeError(details, { field: '', problem: BODY_NOT_JSON, missing: false, assumed: false, index: null }, true);
  const body = parsed.value;
  if (!isRecord(body)) throw new CademiV3ShapeError(details, { field: '', problem: bodyNotObject(kindOf(body)), missing: false, assumed: false, index: null });
  if (envelope.isError) throw new CademiV3HttpError(details);
  return body;
}

/** The details a shape error of a 2xx answer carries (its request id header, when token-like). */
function okDetails(response: HttpResponse, label: string): V3ErrorDetails {
  const requestId = requestIdFromHeaders(response);
  return { endpoint: label, status: response.status, ...(requestId === undefined ? {} : { requestId }) };
}

// ---- the list envelope ----

type ListEndpoint = EndpointContract & { readonly list: ListContract };

/** One page: the declared fields of every item (in order) and the next cursor ('' and null both end the list). */
function readPage<Fs extends Readonly<Record<string, FieldContract>>>(
  response: HttpResponse,
  endpoint: ListEndpoint,
  fields: Fs,
  label: string,
  nowMs: number,
): V3Page<FieldValues<Fs>> {
  const body = checkV3Response(response, label, nowMs);
  const site: FieldSite = { endpoint, details: okDetails(response, label), index: null };
  const { items: itemsKey, nextCursor: cursorKey } = endpoint.list;

  const items = lookup(body, itemsKey.path);
  const itemsAssumed = itemsKey.knowledge === 'assumed';
  if (!items.present) throw shapeErrorAt(site, itemsKey.path, itemsAssumed, wrongKind('array', NOTHING_FOUND), true);
  if (!Array.isArray(items.value)) throw shapeErrorAt(site, itemsKey.path, itemsAssumed, wrongKind('array', kindOf(items.value)), false);

  const cursor = lookup(body, cursorKey.path);
  const cursorAssumed = cursorKey.knowledge === 'assumed';
  // Required even on the last page: a renamed cursor read as "no next page" would silently drop every later page.
  if (!cursor.present) throw shapeErrorAt(site, cursorKey.path, cursorAssumed, wrongKind('string', NOTHING_FOUND), true);
  if (cursor.value !== null && typeof cursor.value !== 'string') {
    throw shapeErrorAt(site, cursorKey.path, cursorAssumed, wrongKind('string', kindOf(cursor.value)), false);
  }
  const nextCursor = typeof cursor.value === 'string' && cursor.value.trim() !== '' ? cursor.value : null;

  const values = items.value.map((item: unknown, index: number) => {
    const itemSite: FieldSite = { ...site, index };
    if (!isRecord(item)) throw shapeErrorAt(itemSite, `${itemsKey.path}[]`, itemsAssumed, wrongKind('object', kindOf(item)), false);
    return readFields(item, fields, itemSite);
  });
  return { items: values, nextCursor };
}

// ---- parsers, one per endpoint ----

const orEmpty = (text: string | null): string => text ?? '';

/** A user as both user answers give it (the list and the single user), blank texts for missing ones. */
function userOf(
  user: Pick<CademiV3User, 'id' | 'phone' | 'createdAt' | 'lastAccessAt'> & { readonly name: string | null; readonly email: string | null },
): CademiV3User {
  return { id: user.id, name: orEmpty(user.name), email: orEmpty(user.email), phone: user.phone, createdAt: user.createdAt, lastAccessAt: user.lastAccessAt };
}

/** `GET /users?tag_id[]=…` → one page of users. The caller accumulates pages (see paging.ts). */
export function parseUsersPage(response: HttpResponse, nowMs: number = Date.now()): V3Page<CademiV3User> {
  const page = readPage(response, endpoints.usersByTag, endpoints.usersByTag.fields, V3_ENDPOINTS.usersByTag, nowMs);
  return {
    items: page.items.map(userOf),
    nextCursor: page.nextCursor,
  };
}

/** `GET /users/{user_id}/progress` → one page of the user's progress, one item per product. */
export function parseUserProgressPage(response: HttpResponse, nowMs: number = Date.now()): V3Page<CademiV3Progress> {
  const page = readPage(response, endpoints.userProgress, endpoints.userProgress.fields, V3_ENDPOINTS.userProgress, nowMs);
  return {
    items: page.items.map(
      (item): CademiV3Progress => ({
        productId: item.productId,
        percent: item.percent,
        lessonsCompleted: item.lessonsCompleted,
        lastActivityAt: item.lastLessonAt,
      }),
    ),
    nextCursor: page.nextCursor,
  };
}

/** `GET /users/{user_id}` → the user and their tags. */
export function parseUser(response: HttpResponse, nowMs: number = Date.now()): CademiV3UserWithTags {
  const label = V3_ENDPOINTS.user;
  const body = checkV3Response(response, label, nowMs);
  const user = readFields(body, endpoints.user.fields, { endpoint: endpoints.user, details: okDetails(response, label), index: null });
  return { ...userOf(user), tagIds: user.tagIds };
}

/** `GET /products/{product_id}` → the product's name ('' when Cademi gives none). */
export function parseProduct(response: HttpResponse, nowMs: number = Date.now()): CademiV3Product {
  const label = V3_ENDPOINTS.product;
  const body = checkV3Response(response, label, nowMs);
  const product = readFields(body, endpoints.product.fields, { endpoint: endpoints.product, details: okDetails(response, label), index: null });
  return { id: product.id, name: orEmpty(product.name) };
}

/** `GET /events` → one page of events, oldest first. */
export function parseEventsPage(response: HttpResponse, nowMs: number = Date.now()): V3Page<CademiV3Event> {
  const page = readPage(response, endpoints.events, endpoints.events.fields, V3_ENDPOINTS.events, nowMs);
  return {
    items: page.items.map(
      (event): CademiV3Event => ({ id: event.id, type: event.type, occurredAt: event.occurredAt, userId: event.userId, productId: event.productId }),
    ),
    nextCursor: page.nextCursor,
  };
}

/** True for an event whose type the contract takes to mean "this user's progress may have changed". */
export function isProgressEvent(event: Pick<CademiV3Event, 'type'>): boolean {
  return (V3_CONTRACT.progressEventTypes.values as readonly string[]).includes(event.type);
}

/** `GET /credentials/current` → what the answer says about the key (any 2xx validates it). */
export function parseCurrentCredential(response: HttpResponse, nowMs: number = Date.now()): CademiV3Credential {
  const label = V3_ENDPOINTS.currentCredential;
  const body = checkV3Response(response, label, nowMs);
  const site: FieldSite = { endpoint: endpoints.currentCredential, details: okDetails(response, label), index: null };
  const credential = readFields(body, endpoints.currentCredential.fields, site);
  return { id: credential.id, mode: credential.mode };
}
