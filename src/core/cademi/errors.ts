// Typed Cademi API failures: each says what went wrong, at which endpoint, and what to do about it,
// in pt-BR from the message catalogue. No message or field carries the API token, a response body's
// text (an error's `msg` can echo the request) or a field value (bodies hold login_auto).

import { classifyTransportFailure, type TransportFailureKind } from '../http';
import { cademiMessages as say, transportKind } from '../messages/cademi';

/** Fields every Cademi error carries besides its message. */
export interface CademiErrorDetails {
  /** Endpoint label, e.g. `GET /usuario/lista_por_tag/{tag_id}`. */
  readonly endpoint: string;
  /** HTTP status (0 for a transport failure). */
  readonly status: number;
  /** The numeric `code` of Cademi's error envelope, when there is one. */
  readonly envelopeCode?: number;
  /** The answer's request id header, when it is a short token-like string (see `requestIdOf`). */
  readonly requestId?: string;
}

/** Base class of every error this module throws about a Cademi call. */
export class CademiError extends Error {
  readonly endpoint: string;
  readonly status: number;
  readonly envelopeCode?: number;
  readonly requestId?: string;
  /** True when repeating the same request later may succeed (429, 5xx, transport). */
  readonly retryable: boolean;

  constructor(message: string, details: CademiErrorDetails, retryable: boolean) {
    super(details.requestId === undefined ? message : `${message} ${say.requestId(details.requestId)}`);
    this.name = new.target.name;
    this.endpoint = details.endpoint;
    this.status = details.status;
    if (details.envelopeCode !== undefined) this.envelopeCode = details.envelopeCode;
    if (details.requestId !== undefined) this.requestId = details.requestId;
    this.retryable = retryable;
  }
}

/** 403 (no auth header) or 405 (invalid token): the run must stop and someone must replace the key. */
export class CademiAuthError extends CademiError {
  constructor(details: CademiErrorDetails) {
    super(say.auth(details.endpoint, details.status), details, false);
  }
}

/** 429: too many requests. `retryAfterMs` says how long to wait before the next call. */
export class CademiRateLimitError extends CademiError {
  readonly retryAfterMs: number;

  constructor(details: CademiErrorDetails, retryAfterMs: number) {
    super(say.rateLimit(details.endpoint, details.status, retryAfterMs), details, true);
    this.retryAfterMs = retryAfterMs;
  }
}

/** 404: the student, product or tag does not exist (or the student has no access to the product). */
export class CademiNotFoundError extends CademiError {
  constructor(details: CademiErrorDetails) {
    super(say.notFound(details.endpoint), details, false);
  }
}

/** 409: Cademi refused the request on a business rule (its reason text is never kept: it may echo the request). */
export class CademiBusinessRuleError extends CademiError {
  constructor(details: CademiErrorDetails) {
    super(say.businessRule(details.endpoint), details, false);
  }
}

/** 5xx: a failure on Cademi's side; retrying later usually works. */
export class CademiServerError extends CademiError {
  constructor(details: CademiErrorDetails) {
    super(say.server(details.endpoint, details.status), details, true);
  }
}

/** Status 0: no HTTP answer at all (DNS, timeout, connection reset). */
export class CademiTransportError extends CademiError {
  /** The class of failure only: the platform's own text may quote the URL or the headers. */
  readonly transportError: TransportFailureKind;

  constructor(details: CademiErrorDetails, transportError: string) {
    const kind = classifyTransportFailure(transportError);
    super(say.transport(details.endpoint, transportKind(kind)), details, true);
    this.transportError = kind;
  }
}

/** The body was not JSON, or its JSON did not have the shape this client expects. */
export class CademiShapeError extends CademiError {
  /** Path of the failing field, e.g. `data.usuario[3].id` (empty for the whole body). */
  readonly field: string;
  /** What was wrong with it, e.g. `expected number, got string`. */
  readonly problem: string;

  /** @param retryable true for a body that is not JSON at all (usually cut off in transit). */
  constructor(details: CademiErrorDetails, field: string, problem: string, retryable = false) {
    super(say.shape(details.endpoint, field, problem), details, retryable);
    this.field = field;
    this.problem = problem;
  }
}

/** A next_page_url outside the configured API origin: following it would hand the token to a stranger. */
export class CademiUnsafeUrlError extends CademiError {
  /** The origin (scheme://host[:port]) the URL pointed to, or '' when it could not be parsed. */
  readonly unsafeOrigin: string;

  constructor(endpoint: string, unsafeOrigin: string, expectedOrigin: string) {
    super(say.unsafeUrl(endpoint, unsafeOrigin, expectedOrigin), { endpoint, status: 0 }, false);
    this.unsafeOrigin = unsafeOrigin;
  }
}

/** Any other failure: an unexpected non-2xx status, or `success:false` in a 2xx answer. */
export class CademiHttpError extends CademiError {
  constructor(details: CademiErrorDetails, envelopeCode: number | undefined = details.envelopeCode) {
    super(say.http(details.endpoint, details.status, envelopeCode, details.status >= 200 && details.status < 300), { ...details, envelopeCode }, false);
  }
}

/** 3xx: the base URL is not the API (a redirect would carry the token elsewhere, so it is never followed). */
export class CademiRedirectError extends CademiError {
  constructor(details: CademiErrorDetails, toOrigin: string | null) {
    super(say.redirect(details.endpoint, details.status, toOrigin), details, false);
  }
}

/** A request id header value worth keeping: short and token-like, so it cannot carry text or a secret. */
export function requestIdOf(value: string | undefined): string | undefined {
  const text = (value ?? '').trim();
  return /^[A-Za-z0-9][A-Za-z0-9._:-]{3,63}$/.test(text) ? text : undefined;
}

/** True for a Cademi error worth retrying (rate limit, server, transport); false for anything else. */
export function isRetryable(error: unknown): boolean {
  return error instanceof CademiError && error.retryable;
}
