// What a failed answer means to the run, whichever API generation gave it: the job branches on this,
// never on a generation's error classes (v3's extend v1's base class, not its subclasses).

import { CademiAuthError, CademiBusinessRuleError, CademiNotFoundError, CademiRateLimitError, CademiShapeError, isRetryable } from '../cademi/errors';
import {
  CademiV3AuthError,
  CademiV3NotFoundError,
  CademiV3PermissionError,
  CademiV3RateLimitError,
  CademiV3RejectedError,
  CademiV3ShapeError,
} from '../cademi-v3/errors';

/**
 * - `auth`: the key is refused or may not do this (stop; someone must fix the key);
 * - `rate-limit`: 429, wait `retryAfterMs`; `retry`: worth repeating later (5xx, transport);
 * - `not-found`: the id does not exist (or is outside the key's scope); `refused`: a business rule said no;
 * - `shape`: the answer does not read as the contract says; `other`: anything else.
 */
export type FailureKind = 'auth' | 'rate-limit' | 'retry' | 'not-found' | 'refused' | 'shape' | 'other';

export function failureOf(error: unknown): FailureKind {
  if (error instanceof CademiAuthError || error instanceof CademiV3AuthError || error instanceof CademiV3PermissionError) return 'auth';
  if (error instanceof CademiRateLimitError || error instanceof CademiV3RateLimitError) return 'rate-limit';
  if (isRetryable(error)) return 'retry';
  if (error instanceof CademiNotFoundError || error instanceof CademiV3NotFoundError) return 'not-found';
  if (error instanceof CademiBusinessRuleError || error instanceof CademiV3RejectedError) return 'refused';
  if (error instanceof CademiShapeError || error instanceof CademiV3ShapeError) return 'shape';
  return 'other';
}

/**
 * Whether a failure stops the run on any endpoint: a key Cademi refuses outright (401; v1's 401 and
 * 403 alike), a rate limit, or a failure worth retrying. A v3 permission error (403) is not: it says
 * the key may not use that one endpoint, which only an assumed lookup can shrug off.
 */
export function isRunStopping(error: unknown): boolean {
  const failure = failureOf(error);
  if (failure === 'auth') return !(error instanceof CademiV3PermissionError);
  return failure === 'rate-limit' || failure === 'retry';
}
