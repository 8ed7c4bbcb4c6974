// Typed Cademi API failures: each says what went wrong, at which endpoint, and what to do about it.
// No message ever carries the API token, a response body or a field value (bodies hold login_auto).

/** Fields every Cademi error carries besides its message. */
export interface CademiErrorDetails {
  /** Endpoint label, e.g. `GET /usuario/lista_por_tag/{tag_id}`. */
  readonly endpoint: string;
  /** HTTP status (0 for a transport failure). */
  readonly status: number;
  /** The `msg` of the API's error envelope, verbatim (often Portuguese); kept out of `message`. */
  readonly apiMessage?: string;
}

/** Base class of every error this module throws about a Cademi call. */
export class CademiError extends Error {
  readonly endpoint: string;
  readonly status: number;
  readonly apiMessage?: string;
  /** True when repeating the same request later may succeed (429, 5xx, transport). */
  readonly retryable: boolean;

  constructor(message: string, details: CademiErrorDetails, retryable: boolean) {
    super(message);
    this.name = new.target.name;
    this.endpoint = details.endpoint;
    this.status = details.status;
    if (details.apiMessage !== undefined) this.apiMessage = details.apiMessage;
    this.retryable = retryable;
  }
}

/** 403 (no auth header) or 405 (invalid token): the run must stop and someone must replace the key. */
export class CademiAuthError extends CademiError {
  constructor(details: CademiErrorDetails) {
    super(
      `Cademi rejected the API token at ${details.endpoint} (HTTP ${details.status}): the token is missing, ` +
        'expired or revoked. Generate a new API key in Cademi and replace it in the settings; the sync has stopped.',
      details,
      false,
    );
  }
}

/** 429: too many requests. `retryAfterMs` says how long to wait before the next call. */
export class CademiRateLimitError extends CademiError {
  readonly retryAfterMs: number;

  constructor(details: CademiErrorDetails, retryAfterMs: number) {
    super(
      `Cademi rate limit reached at ${details.endpoint} (HTTP ${details.status}); retry after ` +
        `${Math.ceil(retryAfterMs / 1000)} s. The API allows 2 requests per second and 120 per minute: ` +
        'lower the request rate setting if this keeps happening.',
      details,
      true,
    );
    this.retryAfterMs = retryAfterMs;
  }
}

/** 404: the student, product or tag does not exist (or the student has no access to the product). */
export class CademiNotFoundError extends CademiError {
  constructor(details: CademiErrorDetails) {
    super(
      `Cademi found nothing at ${details.endpoint} (HTTP 404): the student, product or tag id may be wrong ` +
        'or deleted, or the student has no access to that product. Check the ids in the cohort settings.',
      details,
      false,
    );
  }
}

/** 409: Cademi refused the request on a business rule (the reason is in `apiMessage`). */
export class CademiBusinessRuleError extends CademiError {
  constructor(details: CademiErrorDetails) {
    super(
      `Cademi refused the request at ${details.endpoint} (HTTP 409, business rule). ` +
        'Check that the student and product ids belong together; the API reason is in apiMessage.',
      details,
      false,
    );
  }
}

/** 5xx: a failure on Cademi's side; retrying later usually works. */
export class CademiServerError extends CademiError {
  constructor(details: CademiErrorDetails) {
    super(
      `Cademi had a server error at ${details.endpoint} (HTTP ${details.status}). ` +
        'This is on Cademi\'s side: the request will be retried; if it persists, try again later.',
      details,
      true,
    );
  }
}

/** Status 0: no HTTP answer at all (DNS, timeout, connection reset). */
export class CademiTransportError extends CademiError {
  readonly transportError: string;

  constructor(details: CademiErrorDetails, transportError: string) {
    super(
      `Could not reach Cademi at ${details.endpoint} (network failure: ${transportError || 'unknown'}). ` +
        'Check the connection and the base URL setting; the request will be retried.',
      details,
      true,
    );
    this.transportError = transportError;
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
    super(
      `Cademi answered ${details.endpoint} with an unexpected shape: ${field ? `${field}: ` : ''}${problem}. ` +
        'Check that the base URL ends in /api/v1; otherwise the API may have changed, so report this ' +
        'endpoint and field.',
      details,
      retryable,
    );
    this.field = field;
    this.problem = problem;
  }
}

/** A next_page_url outside the configured API origin: following it would hand the token to a stranger. */
export class CademiUnsafeUrlError extends CademiError {
  /** The origin (scheme://host[:port]) the URL pointed to, or '' when it could not be parsed. */
  readonly unsafeOrigin: string;

  constructor(endpoint: string, unsafeOrigin: string, expectedOrigin: string) {
    super(
      `Cademi's next_page_url for ${endpoint} points to ${unsafeOrigin || 'an unparseable address'}, not to ` +
        `the configured API origin ${expectedOrigin}; the token will not be sent there. Check the base URL ` +
        'setting (it must be the school\'s own API address) and report this answer.',
      { endpoint, status: 0 },
      false,
    );
    this.unsafeOrigin = unsafeOrigin;
  }
}

/** Any other failure: an unexpected non-2xx status, or `success:false` in a 2xx answer. */
export class CademiHttpError extends CademiError {
  constructor(details: CademiErrorDetails, envelopeCode?: number) {
    const what =
      details.status >= 200 && details.status < 300
        ? `reported failure (success:false${envelopeCode === undefined ? '' : `, code ${envelopeCode}`})`
        : `answered HTTP ${details.status}`;
    super(
      `Cademi ${what} at ${details.endpoint}. The API reason is in apiMessage; check the request ids ` +
        'and settings, and report it if it persists.',
      details,
      false,
    );
  }
}

/** True for a Cademi error worth retrying (rate limit, server, transport); false for anything else. */
export function isRetryable(error: unknown): boolean {
  return error instanceof CademiError && error.retryable;
}
