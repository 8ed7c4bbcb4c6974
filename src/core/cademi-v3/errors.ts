// Typed Cademi API v3 failures, by cause. Each carries the endpoint, the HTTP status, the error
// envelope's `code` and `request_id` (not secret: it is what Cademi's support asks for), never the
// envelope's `message` (untrusted text that can echo the request) nor a value read from a body.
// They extend v1's CademiError, so `isRetryable` and the request id in messages work for both generations.

import { CademiError } from '../cademi/errors';
import { classifyTransportFailure, type TransportFailureKind } from '../http';
import { transportKind } from '../messages/cademi';
import { cademiV3Messages as say } from '../messages/cademi-v3';

/** What a v3 failure is about; branch on this (or on `code`), never on a message. */
export type V3ErrorKind = 'auth' | 'permission' | 'not-found' | 'rejected' | 'rate-limit' | 'server' | 'transport' | 'redirect' | 'http' | 'shape' | 'paging';

/** Fields every v3 error carries besides its message. */
export interface V3ErrorDetails {
  /** Endpoint label, e.g. `GET /users/{user_id}/progress`. */
  readonly endpoint: string;
  /** HTTP status (0 when there was no answer, or no request: a paging refusal). */
  readonly status: number;
  /** `error.code` of the envelope (`not_found`, `permission_denied`, …), when it is a plain code. */
  readonly code?: string;
  /** `error.request_id` of the envelope, or a request id header, when token-like. */
  readonly requestId?: string;
}

/** Base class of every error this client throws about a v3 call. */
export class CademiV3Error extends CademiError {
  readonly kind: V3ErrorKind;
  readonly code?: string;

  constructor(message: string, details: V3ErrorDetails, kind: V3ErrorKind, retryable: boolean) {
    super(
      message,
      { endpoint: details.endpoint, status: details.status, ...(details.requestId === undefined ? {} : { requestId: details.requestId }) },
      retryable,
    );
    this.kind = kind;
    if (details.code !== undefined) this.code = details.code;
  }
}

/** 401: a bad or missing key. The run must stop until someone replaces it. */
export class CademiV3AuthError extends CademiV3Error {
  constructor(details: V3ErrorDetails) {
    super(say.auth(details.endpoint, details.code), details, 'auth', false);
  }
}

/** 403: the key is valid but may not do this. */
export class CademiV3PermissionError extends CademiV3Error {
  constructor(details: V3ErrorDetails) {
    super(say.permission(details.endpoint, details.code), details, 'permission', false);
  }
}

/** 404: not found, or outside the key's scope (a key limited to some products does not see the others). */
export class CademiV3NotFoundError extends CademiV3Error {
  constructor(details: V3ErrorDetails) {
    super(say.notFound(details.endpoint, details.code), details, 'not-found', false);
  }
}

/** 409, 412, 422: the request was refused (`code` says why: `validation_failed`, `state_conflict`, …). */
export class CademiV3RejectedError extends CademiV3Error {
  constructor(details: V3ErrorDetails) {
    super(say.rejected(details.endpoint, details.status, details.code), details, 'rejected', false);
  }
}

/** 429: too many requests. `retryAfterMs` says how long to wait before the next call. */
export class CademiV3RateLimitError extends CademiV3Error {
  readonly retryAfterMs: number;

  constructor(details: V3ErrorDetails, retryAfterMs: number) {
    super(say.rateLimit(details.endpoint, retryAfterMs, details.code), details, 'rate-limit', true);
    this.retryAfterMs = retryAfterMs;
  }
}

/** 5xx: Cademi's side; the official client retries these up to 3 times. */
export class CademiV3ServerError extends CademiV3Error {
  constructor(details: V3ErrorDetails) {
    super(say.server(details.endpoint, details.status, details.code), details, 'server', true);
  }
}

/** Status 0: no HTTP answer at all (DNS, timeout, connection reset). */
export class CademiV3TransportError extends CademiV3Error {
  /** The class of failure only: the platform's own text may quote the URL or the headers. */
  readonly transportError: TransportFailureKind;

  constructor(details: V3ErrorDetails, transportError: string) {
    const kind = classifyTransportFailure(transportError);
    super(say.transport(details.endpoint, transportKind(kind)), details, 'transport', true);
    this.transportError = kind;
  }
}

/** 3xx: never followed (it would carry the key elsewhere). */
export class CademiV3RedirectError extends CademiV3Error {
  constructor(details: V3ErrorDetails, toOrigin: string | null) {
    super(say.redirect(details.endpoint, details.status, toOrigin), details, 'redirect', false);
  }
}

/** Any other status, or an error envelope inside a 2xx answer. */
export class CademiV3HttpError extends CademiV3Error {
  constructor(details: V3ErrorDetails) {
    super(say.http(details.endpoint, details.status, details.code), details, 'http', false);
  }
}

/** Where a shape error was found. */
export interface ShapeProblem {
  /** The field from the body's root as the contract names it (`items[].percent`); '' for the whole body. */
  readonly field: string;
  /** What was wrong, in pt-BR (`esperava number, veio string`); never the value itself. */
  readonly problem: string;
  /** The key was absent. */
  readonly missing: boolean;
  /** The field is one the contract marks `assumed` (the reference does not name it). */
  readonly assumed: boolean;
  /** 0-based index of the list item, or null outside a list. */
  readonly index: number | null;
}

/**
 * The body was not JSON, or did not have the shape the contract declares. An `assumed` field gets its
 * own message (the field is our guess: the doctor command compares it with the published contract).
 */
export class CademiV3ShapeError extends CademiV3Error {
  readonly field: string;
  readonly problem: string;
  readonly missing: boolean;
  readonly assumed: boolean;
  readonly index: number | null;

  /** @param retryable true for a body that is not JSON at all (usually cut off in transit). */
  constructor(details: V3ErrorDetails, shape: ShapeProblem, retryable = false) {
    super(shapeMessage(details.endpoint, shape), details, 'shape', retryable);
    this.field = shape.field;
    this.problem = shape.problem;
    this.missing = shape.missing;
    this.assumed = shape.assumed;
    this.index = shape.index;
  }
}

function shapeMessage(endpoint: string, shape: ShapeProblem): string {
  const item = shape.index === null ? null : shape.index + 1;
  if (!shape.assumed) return say.shape(endpoint, shape.field, shape.problem);
  return shape.missing ? say.assumedFieldMissing(endpoint, shape.field, item) : say.assumedFieldMistyped(endpoint, shape.field, shape.problem, item);
}

/** Why a list walk was refused: a cursor seen before (it would loop forever), or more pages than any real list. */
export type PagingRefusal = 'repeated' | 'cap';

/** A list walk that cannot go on without reading pages again or forever; what was read is incomplete. */
export class CademiV3PagingError extends CademiV3Error {
  readonly reason: PagingRefusal;
  /** Pages read when it stopped. */
  readonly pages: number;

  constructor(endpoint: string, reason: PagingRefusal, pages: number) {
    super(reason === 'repeated' ? say.repeatedCursor(endpoint, pages) : say.pageCap(endpoint, pages), { endpoint, status: 0 }, 'paging', false);
    this.reason = reason;
    this.pages = pages;
  }
}
