// A run that cannot finish: it says which call, which cohort, and what to do. Nothing is written.

export type SyncFailureKind = 'auth' | 'api' | 'retries-exhausted' | 'shape';

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
