// A run that cannot finish: it says which call, which cohort, and what to do. Nothing is written.

/**
 * `endpoint`: an address that must exist answered 404 without Cademi's envelope (a wrong base URL, a
 * proxy page). `wait`: Cademi asked for a wait longer than the host may wait. `empty`: no cohort
 * could be collected, or none listed a student.
 */
export type SyncFailureKind = 'auth' | 'api' | 'retries-exhausted' | 'shape' | 'endpoint' | 'wait' | 'empty';

export class SyncFailedError extends Error {
  constructor(
    readonly kind: SyncFailureKind,
    message: string,
    readonly endpoint: string,
    readonly cohort: string | null,
  ) {
    super(message);
    this.name = 'SyncFailedError';
  }
}
