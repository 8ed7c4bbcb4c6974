// The connection check as a sans-I/O run: it hands out one request at a time (and the instant it
// may go), reads each answer into report lines, retries what may pass on a second try (429, 5xx, no
// answer), and stops asking once the key is refused. Node drives it with fetch (or the embedded
// simulator), Apps Script with UrlFetchApp; tests with the simulator's handler.

import { CademiAuthError, CademiError, CademiRateLimitError, CademiServerError, CademiTransportError, isRetryable } from '../cademi/errors';
import { withoutSecret } from '../cademi/token';
import type { ApiGeneration } from '../cademi/types';
import { CademiV3AuthError, CademiV3PermissionError, CademiV3RateLimitError, CademiV3ServerError, CademiV3TransportError } from '../cademi-v3/errors';
import type { HttpRequest, HttpResponse } from '../http';
import { type DoctorHost, doctorMessages as say } from '../messages/doctor';
import { type CheckLine, type DoctorStep, failure, ok, type StepResult } from './check-line';

/** Everything the check will do: the lines known before any request, and the requests. */
export interface DoctorPlan {
  readonly host: DoctorHost;
  readonly api: ApiGeneration;
  readonly lines: readonly CheckLine[];
  /** The key every answer is scrubbed of ('' when no request is made). */
  readonly token: string;
  readonly steps: readonly DoctorStep[];
  /** v1 has no call that only validates a key: any answer given with the key says it was accepted. */
  readonly keyCheckedByAnswers: boolean;
}

/** The report: every line by section, and whether the next run can succeed. */
export interface DoctorReport {
  readonly api: ApiGeneration;
  readonly lines: readonly CheckLine[];
  /** True only with no failure line. */
  readonly canRun: boolean;
}

/** A request to send, not before `notBefore` (epoch ms; a retry's wait). */
export interface DoctorRequest {
  readonly request: HttpRequest;
  readonly notBefore: number;
}

/** Tries per request: the first and two retries. */
export const DOCTOR_ATTEMPTS = 3;
/** The longest Retry-After a check sits through; the run's own pacing covers Cademi's minute window. */
const MAX_RETRY_WAIT_MS = 60_000;

const SECTION_ORDER = ['access', 'config', 'cohorts', 'contract'] as const;

export class DoctorRun {
  private readonly queue: DoctorStep[];
  private readonly lines: CheckLine[] = [];
  private attempt = 1;
  private notBefore = 0;
  private keyAccepted = false;
  private keyRefused = false;

  constructor(private readonly plan: DoctorPlan) {
    this.queue = [...plan.steps];
  }

  /** The next request to send, or null when the check is done. */
  next(): DoctorRequest | null {
    const [step] = this.queue;
    return step === undefined ? null : { request: step.request, notBefore: this.notBefore };
  }

  /** Reads the answer to the request `next` gave. */
  answer(response: HttpResponse, nowMs: number): void {
    const step = this.queue[0];
    if (step === undefined) throw new Error('doctor: an answer with no request pending');
    let result: StepResult;
    try {
      result = step.read(withoutSecret(response, this.plan.token), nowMs);
      this.keyAccepted = true;
    } catch (error) {
      if (!(error instanceof CademiError)) throw error;
      if (isRetryable(error) && this.attempt < DOCTOR_ATTEMPTS) {
        this.notBefore = nowMs + retryWait(error, this.attempt);
        this.attempt++;
        return;
      }
      if (answeredWithKey(error)) this.keyAccepted = true;
      result = step.explain?.(error) ?? this.generalReading(error);
    }
    this.queue.shift();
    this.attempt = 1;
    this.notBefore = 0;
    this.lines.push(...result.lines);
    // A follow-up goes next: it belongs with the answer that made it possible.
    this.queue.unshift(...(result.next ?? []));
    if (result.stop) {
      this.keyRefused = true;
      const skipped = this.queue.splice(0).length;
      if (skipped > 0) this.lines.push({ section: 'access', status: 'info', text: say.skippedAfterRefusal(skipped) });
    }
  }

  /** True when every request was answered (or skipped). */
  get done(): boolean {
    return this.queue.length === 0;
  }

  report(): DoctorReport {
    const lines = [...this.plan.lines, ...this.lines];
    if (this.plan.keyCheckedByAnswers && this.keyAccepted && !this.keyRefused) lines.push(ok('access', say.keyAcceptedV1()));
    const sorted = SECTION_ORDER.flatMap((section) => lines.filter((line) => line.section === section));
    return { api: this.plan.api, lines: sorted, canRun: !sorted.some((line) => line.status === 'failure') };
  }

  /** What an error means when the step has nothing more specific to say. */
  private generalReading(error: CademiError): StepResult {
    const { host } = this.plan;
    const code = (error as { code?: string }).code;
    if (error instanceof CademiAuthError || error instanceof CademiV3AuthError) {
      return { lines: [failure('access', say.keyRefused(host, error.endpoint, error.status, code))], stop: true };
    }
    if (error instanceof CademiV3PermissionError) return { lines: [failure('access', say.permission(error.endpoint, code, say.purpose.other))] };
    if (error instanceof CademiTransportError || error instanceof CademiV3TransportError) {
      return { lines: [failure('access', say.noAnswer(host, error.endpoint, error.transportError, this.attempt))] };
    }
    if (error instanceof CademiServerError || error instanceof CademiV3ServerError) {
      return { lines: [failure('access', say.serverError(error.endpoint, error.status, this.attempt))] };
    }
    // Typed errors' own messages name the endpoint, the status and the field, never the body's text.
    return { lines: [failure('access', error.message)] };
  }
}

function retryWait(error: CademiError, attempt: number): number {
  if (error instanceof CademiRateLimitError || error instanceof CademiV3RateLimitError) return Math.min(MAX_RETRY_WAIT_MS, Math.max(1, error.retryAfterMs));
  return 1000 * attempt;
}

/** An HTTP answer the key got through to (404, 422, 403 on v3…): the key itself was accepted. */
function answeredWithKey(error: CademiError): boolean {
  if (error instanceof CademiAuthError || error instanceof CademiV3AuthError) return false;
  return error.status >= 200 && error.status <= 499 && error.status !== 429;
}
