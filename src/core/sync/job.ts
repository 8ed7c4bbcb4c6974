// The resumable weekly sync as a sans-I/O state machine: it hands out requests and is fed responses.
// Hosts (Apps Script, Node, tests) perform the HTTP, the pacing and the persistence between slices.

import { type EffectiveAdjustments, NO_ADJUSTMENTS } from '../adjustments/effective';
import {
  CademiAuthError,
  CademiBusinessRuleError,
  CademiError,
  CademiNotFoundError,
  CademiRateLimitError,
  CademiShapeError,
  isRetryable,
} from '../cademi/errors';
import { ENDPOINTS, productRequest, progressRequest, studentRequest } from '../cademi/requests';
import { parseProduct, parseProgress, parseStudent } from '../cademi/responses';
import { withoutSecret } from '../cademi/token';
import type { ApiTarget } from '../cademi/types';
import type { SchoolConfig } from '../config/load-config';
import type { HistoryIndex } from '../history/history-index';
import type { HistoryRow } from '../history/schema';
import type { HttpRequest, HttpResponse } from '../http';
import type { CohortConfig } from '../model/cohort';
import type { PushedProgress } from '../push/webhook-events';
import { type LocalDate, localDateOf, weekKeyOf } from '../time/local-date';
import { CHECKPOINT_VERSION, type SyncCheckpoint } from './checkpoint';
import { SyncFailedError } from './errors';
import { isForeignNotFound, shownUrl } from './missing-endpoint';
import { MAX_CONSECUTIVE_RATE_LIMITS, type PendingWait, RetryLedger } from './retry-ledger';
import type { WeekContext } from './snapshot';
import { StagedAnswers } from './staged-answers';
import type { StagedRecord } from './staging';
import { stagedStudent, TagListing } from './tag-listing';
import { buildWorkList, carryForward, type MovedStudent, movedStudentsToFetch, weekRows, workKey } from './work-plan';
import { WorkQueue } from './work-queue';

export type { PendingWait } from './retry-ledger';

import {
  cohortNotSynced,
  cohortReason,
  cohortStartsLater,
  emptyTagNote,
  emptyTagReason,
  endpointMissing,
  impossibleDates,
  inCohort,
  movedStudentMissing,
  noCohortCollected,
  noCohortToCollect,
  noRowsCollected,
  noStudentsCollected,
  progressSkipped,
  retriesExhausted,
  studentsInSeveralCohorts,
  unknownProduct,
  unknownProductNote,
  unknownTagNote,
  unknownTagReason,
} from '../messages/sync';

export interface SyncJobInput {
  readonly config: SchoolConfig;
  readonly target: ApiTarget;
  /** Rows of the weeks before this run's week. */
  readonly history: HistoryIndex;
  /** "Today" for the whole run (epoch ms). */
  readonly now: number;
  readonly runId: string;
  /** Attempts per request before the run fails (429, 5xx, timeouts). */
  readonly maxAttempts?: number;
  /** false = fetch every (student, product), as a naive sync would (benchmarks compare the two). */
  readonly incremental?: boolean;
  /** Moves and dropouts recorded in `Ajustes`. */
  readonly adjustments?: EffectiveAdjustments;
  /** The latest progress Cademi pushed by webhook, by `studentId|productId`. */
  readonly pushed?: ReadonlyMap<string, PushedProgress>;
}

/** A request the host should perform, with the key it must hand back with the response. */
export interface OutgoingRequest {
  readonly key: string;
  readonly request: HttpRequest;
}

export interface SyncStats {
  calls: number;
  retries: number;
  /** (student, product) pairs carried forward without a call: calls saved by the incremental rule. */
  carried: number;
  /** (student, product) pairs taken from a webhook received after the student's last access. */
  pushed: number;
  skipped: number;
  students: number;
  cohorts: number;
}

export interface SyncResult {
  readonly week: LocalDate;
  /** The rows this run collected, of the cohorts in `collectedCohorts` only. */
  readonly rows: HistoryRow[];
  /**
   * The cohorts whose rows of the week this run replaces. A cohort missing here (unknown tag, or a
   * tag that listed nobody while the cohort has rows) keeps the rows it already had for the week.
   */
  readonly collectedCohorts: readonly string[];
  readonly stats: SyncStats;
  /** Everything worth saying about the run, `errors` included (the rest are warnings: nothing was lost). */
  readonly warnings: string[];
  /** The notes among `warnings` that cost the week data: a cohort or product not collected, a row not recorded. */
  readonly errors: string[];
  /** Problems the API revealed in `Turmas` (an unknown tag or product), to flag at the cell. */
  readonly cohortProblems: CohortProblem[];
}

export interface CohortProblem {
  readonly cohort: string;
  readonly column: 'Tag ID' | 'Produtos';
  readonly message: string;
}

/** Request keys: the kind of request, then what it is for. */
const PRODUCT = 'product:';
const TAG = 'tag:';
const STUDENT = 'student:';
const PROGRESS = 'progress:';

/**
 * The coordinator of a run: it routes each answer to the part that reads it and asks each part, in
 * phase order, what may be sent next. Request bookkeeping is the `RetryLedger`'s, the cohorts'
 * listings the `TagListing`'s, what was collected `StagedAnswers`', and the week's work list is
 * decided by the pure functions of `work-plan` and worked through by a `WorkQueue`.
 */
export class SyncJob {
  readonly week: LocalDate;
  readonly runId: string;
  readonly now: number;
  readonly stats: SyncStats = { calls: 0, retries: 0, carried: 0, pushed: 0, skipped: 0, students: 0, cohorts: 0 };
  readonly warnings: string[] = [];
  /** The subset of `warnings` that cost the week data (Execuções counts them as Erros, the rest as Avisos). */
  readonly errors: string[] = [];

  private readonly ledger: RetryLedger;
  private readonly listing: TagListing;
  private readonly collected = new StagedAnswers();
  private readonly problems: CohortProblem[] = [];
  /** The week's (student, product) pairs, once every listing and what it depends on are in. */
  private work: WorkQueue | null = null;

  constructor(
    private readonly input: SyncJobInput,
    resume?: { checkpoint: SyncCheckpoint; records: readonly StagedRecord[] },
  ) {
    const { settings } = input.config;
    this.now = resume?.checkpoint.now ?? input.now;
    this.runId = resume?.checkpoint.runId ?? input.runId;
    this.week = weekKeyOf(this.now, settings.timeZone);
    const today = localDateOf(this.now, settings.timeZone);
    const cohorts = input.config.cohorts.filter((cohort) => {
      if (!cohort.active) return false;
      if (cohort.start > today) {
        this.warnings.push(cohortStartsLater(cohort.name, cohort.start));
        return false;
      }
      return true;
    });
    this.stats.cohorts = cohorts.length;
    this.ledger = new RetryLedger(input.maxAttempts ?? 6, resume?.checkpoint.notBefore);
    this.listing = new TagListing(cohorts, input.target, (cohort) => input.history.hasRowsOf(cohort), resume?.checkpoint);
    // An unknown tag is said on every slice, not only the one that found it.
    for (const cohort of this.listing.unknownTagCohorts()) this.noteUnknownTag(cohort);
    if (resume) {
      this.stats.calls = resume.checkpoint.calls;
      this.stats.retries = resume.checkpoint.retries;
      for (const record of resume.records) this.stage(record);
    }
  }

  /** The school's time zone (for messages that say when a wait ends). */
  get timeZone(): string {
    return this.input.config.settings.timeZone;
  }

  /** True when every (student, product) of the week has a value or a reason it has none. */
  get complete(): boolean {
    const work = this.plannedWork();
    return work !== null && work.remaining === 0;
  }

  /** How far the run is: listing cohorts, then (student, product) pairs settled out of the total. */
  progress(): { listing: boolean; settled: number; total: number } {
    if (this.work === null) return { listing: true, settled: 0, total: 0 };
    return { listing: false, settled: this.work.items.length - this.work.remaining, total: this.work.items.length };
  }

  /** Up to `max` requests that may be sent now (fewer while pages depend on earlier answers). */
  nextRequests(max: number, now: number): OutgoingRequest[] {
    const out: OutgoingRequest[] = [];
    if (this.ledger.holding(now)) return out;
    const { target } = this.input;
    /** Hands out one request unless it is out already or backing off; false once the batch is full. */
    const offer = (key: string, build: () => HttpRequest): boolean => {
      if (out.length >= max) return false;
      if (!this.ledger.mayHandOut(key, now)) return true;
      const request = build();
      out.push({ key, request });
      this.ledger.handedOut(key, request.url);
      return out.length < max;
    };
    for (const productId of this.unknownProducts()) {
      if (!offer(`${PRODUCT}${productId}`, () => productRequest(target, productId))) return out;
    }
    for (const cohort of this.listing.pending()) {
      if (!offer(`${TAG}${cohort.name}`, () => this.listing.pageRequest(cohort))) return out;
    }
    if (this.listing.done()) {
      for (const { studentId, cohort } of this.movedStudentsToFetch()) {
        if (!offer(`${STUDENT}${studentId}:${cohort}`, () => studentRequest(target, studentId))) return out;
      }
    }
    const work = this.plannedWork();
    if (work === null) return out;
    const progressOf = (pair: string) => () => {
      const item = work.item(pair)!;
      return progressRequest(target, item.student.studentId, item.productId);
    };
    for (const key of this.ledger.waitingWith(PROGRESS)) {
      if (out.length >= max) return out;
      const pair = key.slice(PROGRESS.length);
      if (this.collected.hasOutcome(pair)) this.ledger.forget(key);
      else if (!this.ledger.backingOff(key, now)) offer(key, progressOf(pair));
    }
    while (out.length < max) {
      const item = work.next();
      if (item === null) break;
      const pair = workKey(item.student.studentId, item.productId);
      if (!this.collected.hasOutcome(pair)) offer(`${PROGRESS}${pair}`, progressOf(pair));
    }
    return out;
  }

  /** When the earliest request held back by a back-off or Cademi's Retry-After may go (null if none is waiting). */
  nextRetryAt(): number | null {
    return this.pendingWait()?.until ?? null;
  }

  /** What the job waits for when it has nothing to send: a 429's hold first, else the earliest back-off. */
  pendingWait(): PendingWait | null {
    return this.ledger.pendingWait();
  }

  /** Feeds the response to a request handed out by `nextRequests`. Throws SyncFailedError when the run cannot go on. */
  accept(key: string, answer: HttpResponse, now: number): void {
    const response = withoutSecret(answer, this.input.target.token); // a server that echoes the request must not get the token into a cell
    const url = this.ledger.answered(key);
    this.stats.calls++;
    if (isForeignNotFound(response)) {
      // Every address the job calls must exist: this one is not Cademi answering, whatever the key.
      throw new SyncFailedError('endpoint', endpointMissing(shownUrl(url)), endpointOfKey(key), this.cohortOfKey(key));
    }
    const [kind, ...rest] = key.split(':');
    try {
      if (kind === 'product') this.acceptProduct(Number(rest[0]), response);
      else if (kind === 'tag') this.acceptTagPage(rest.join(':'), response);
      else if (kind === 'student') this.acceptMovedStudent(Number(rest[0]), rest.slice(1).join(':'), response);
      else this.acceptProgress(rest.join(':'), response);
      this.ledger.succeeded(key);
    } catch (error) {
      this.handleFailure(key, error, now);
    }
  }

  /** Hands back requests that were handed out but never sent (a slice ending early). */
  release(keys: readonly string[]): void {
    for (const key of keys) this.ledger.release(key);
  }

  /**
   * The cursor to resume from: per cohort only whether its listing ended (or its tag is unknown) and,
   * while it is listing, its page walk. A cohort not yet started is left out and starts over.
   */
  checkpoint(): SyncCheckpoint {
    const holdUntil = this.ledger.holdUntil();
    return {
      version: CHECKPOINT_VERSION,
      runId: this.runId,
      week: this.week,
      now: this.now,
      ...this.listing.cursor(),
      calls: this.stats.calls,
      retries: this.stats.retries,
      ...(holdUntil === null ? {} : { notBefore: holdUntil }),
    };
  }

  /** Everything collected so far, for the staging sheet. */
  stagingRecords(): readonly StagedRecord[] {
    return this.collected.all();
  }

  /**
   * The week's rows; call once `complete` is true. Throws SyncFailedError (`empty`) when the run
   * collected nothing: no cohort could be collected, or the collected ones gave no row at all.
   */
  result(): SyncResult {
    const work = this.plannedWork();
    if (work === null || work.remaining > 0) throw new Error('SyncJob.result() called before the run completed');
    const { cohorts } = this.listing;
    if (cohorts.length === 0) {
      // Nothing was due (no active cohort, or none started yet): said as such, not as cohorts that failed.
      const starts = this.input.config.cohorts.filter((cohort) => cohort.active).map((cohort) => cohort.start);
      throw new SyncFailedError('empty', noCohortToCollect(starts.sort()[0] ?? null), ENDPOINTS.tagStudents, null);
    }
    const collected = this.listing.collectable();
    if (collected.length === 0) {
      const reasons = cohorts.map((cohort) => cohortReason(cohort.name, this.listing.notCollectedReason(cohort)!));
      throw new SyncFailedError('empty', noCohortCollected(reasons), ENDPOINTS.tagStudents, null);
    }
    const today = localDateOf(this.now, this.input.config.settings.timeZone);
    const rows = weekRows(
      this.weekContext(),
      work.items,
      (pair) => this.collected.outcome(pair),
      (studentId) => this.adjustments.dropoutFor(studentId, today) !== null,
    );
    this.stats.students = new Set(work.items.map((item) => item.student.studentId)).size;
    this.stats.skipped = this.collected.skipped();
    if (rows.length === 0) {
      // A week of nobody is no success: an empty answer must never replace a week's rows.
      const message = this.stats.students === 0 ? noStudentsCollected(collected.map((cohort) => cohort.name)) : noRowsCollected(this.stats.students);
      throw new SyncFailedError('empty', message, ENDPOINTS.tagStudents, null);
    }
    const dateWarnings = this.listing.impossibleDateStudents().map(([field, students]) => impossibleDates(field, students));
    return {
      week: this.week,
      rows,
      collectedCohorts: collected.map((cohort) => cohort.name),
      stats: { ...this.stats },
      warnings: [...this.warnings, ...dateWarnings],
      errors: [...this.errors],
      cohortProblems: [...this.problems],
    };
  }

  // --- internals ---------------------------------------------------------------------------

  /** Takes a record from an answer or from the staging sheet; a repeat of one already taken is dropped. */
  private stage(record: StagedRecord): void {
    if (record.kind === 'student' && !this.listing.addStudent(record)) return;
    if (!this.collected.add(record)) return;
    if (record.kind === 'progress' || record.kind === 'skip') this.work?.settle(workKey(record.studentId, record.productId));
    if (record.kind === 'progress' && record.origin === 'Mantido') this.stats.carried++;
  }

  /** Tracked products whose name neither this run nor the history knows. */
  private unknownProducts(): number[] {
    const ids = new Set(this.listing.cohorts.flatMap((cohort) => cohort.productIds));
    return [...ids].filter((id) => !this.collected.hasProduct(id) && this.input.history.productName(id) === undefined);
  }

  private productName(productId: number): string | undefined {
    return this.collected.productName(productId) ?? this.input.history.productName(productId);
  }

  private get adjustments(): EffectiveAdjustments {
    return this.input.adjustments ?? NO_ADJUSTMENTS;
  }

  private movedStudentsToFetch(): MovedStudent[] {
    return movedStudentsToFetch(this.listing.collectable(), this.listing.listedIds(), this.collected.missingStudents(), this.adjustments, this.week);
  }

  /** The week's work list, once every listing, product name and moved student is in; carried pairs are settled here. */
  private plannedWork(): WorkQueue | null {
    if (this.work) return this.work;
    if (!this.listing.done() || this.unknownProducts().length > 0 || this.movedStudentsToFetch().length > 0) return null;
    this.noteEmptyCohorts();
    const { items, conflicts } = buildWorkList({
      cohorts: this.listing.collectable(),
      studentsOf: (cohort) => this.listing.studentsOf(cohort),
      adjustments: this.adjustments,
      week: this.week,
      productName: (productId) => this.productName(productId),
    });
    if (conflicts > 0) this.warnings.push(studentsInSeveralCohorts(conflicts));
    this.work = new WorkQueue(items, (pair) => this.collected.hasOutcome(pair));
    if (this.input.incremental !== false) {
      for (const item of items) {
        if (this.collected.hasOutcome(workKey(item.student.studentId, item.productId))) continue;
        const carried = carryForward(item, { history: this.input.history, pushed: this.input.pushed });
        if (carried?.source === 'pushed') this.stats.pushed++;
        if (carried) this.stage(carried.record);
      }
    }
    return this.work;
  }

  private weekContext(): WeekContext {
    const trackedIds = new Set(this.listing.cohorts.flatMap((cohort) => cohort.productIds));
    return {
      week: this.week,
      now: this.now,
      settings: this.input.config.settings,
      goalTracks: this.input.config.goalTracks,
      history: this.input.history,
      productNames: new Map(
        [...trackedIds].flatMap((id) => {
          const name = this.productName(id);
          return name === undefined || name === '' ? [] : [[id, name] as const];
        }),
      ),
    };
  }

  private acceptProduct(productId: number, response: HttpResponse): void {
    try {
      const product = parseProduct(response, ENDPOINTS.product);
      this.stage({ kind: 'product', productId, name: product.name });
    } catch (error) {
      if (!(error instanceof CademiNotFoundError)) throw error;
      this.noteError(unknownProduct(productId));
      for (const cohort of this.listing.cohorts.filter((candidate) => candidate.productIds.includes(productId))) {
        this.problems.push({ cohort: cohort.name, column: 'Produtos', message: unknownProductNote(productId) });
      }
      this.stage({ kind: 'product', productId, name: '' });
    }
  }

  private acceptTagPage(cohortName: string, response: HttpResponse): void {
    const students = this.listing.acceptPage(cohortName, response);
    if (students === null) this.noteUnknownTag(this.listing.cohortNamed(cohortName));
    else for (const student of students) this.stage(student);
  }

  private acceptMovedStudent(studentId: number, cohortName: string, response: HttpResponse): void {
    try {
      const student = parseStudent(response, ENDPOINTS.student);
      this.stage(stagedStudent(cohortName, studentId, student));
    } catch (error) {
      if (!(error instanceof CademiNotFoundError)) throw error;
      this.collected.noteMissingStudent(studentId);
      this.warnings.push(movedStudentMissing(studentId, cohortName));
    }
  }

  private acceptProgress(pair: string, response: HttpResponse): void {
    const [studentId, productId] = pair.split('|').map(Number);
    if (studentId === undefined || productId === undefined) throw new Error(`SyncJob: malformed progress key "${pair}"`);
    try {
      const progress = parseProgress(response, ENDPOINTS.progress);
      this.stage({
        kind: 'progress',
        studentId,
        productId,
        progress: progress.percent,
        lessonsCompleted: progress.lessonsCompleted,
        origin: 'API',
      });
    } catch (error) {
      if (!(error instanceof CademiNotFoundError || error instanceof CademiBusinessRuleError)) throw error;
      // The answer's own text (`msg`) is never kept: a server may echo anything, the token included.
      this.stage({ kind: 'skip', studentId, productId, reason: `HTTP ${error.status}` });
      this.noteError(progressSkipped(studentId, productId, error.status));
    }
  }

  /** A note that cost the week data: said with the warnings, and counted apart as an error. */
  private noteError(message: string): void {
    this.warnings.push(message);
    this.errors.push(message);
  }

  /** A cohort whose tag Cademi does not know: said in the warnings and at its `Turmas` cell. */
  private noteUnknownTag(cohort: CohortConfig): void {
    this.noteError(cohortNotSynced(cohort.name, unknownTagReason(cohort.tagId)));
    this.problems.push({ cohort: cohort.name, column: 'Tag ID', message: unknownTagNote(cohort.tagId) });
  }

  /** The cohorts listed empty while the history has their rows, said once per job in the warnings and at their `Tag ID` cell. */
  private noteEmptyCohorts(): void {
    for (const cohort of this.listing.emptyCohorts()) {
      this.noteError(cohortNotSynced(cohort.name, emptyTagReason(cohort.tagId)));
      this.problems.push({ cohort: cohort.name, column: 'Tag ID', message: emptyTagNote(cohort.tagId) });
    }
  }

  /** Turns a failed answer into a retry (the ledger says when, or that attempts are spent) or the run's end. */
  private handleFailure(key: string, error: unknown, now: number): never | void {
    const cohort = this.cohortOfKey(key);
    const where = cohort ? inCohort(cohort) : '';
    if (error instanceof CademiAuthError) {
      throw new SyncFailedError('auth', `${error.message}${where}`, error.endpoint, cohort);
    }
    if (error instanceof CademiRateLimitError) {
      const streak = this.ledger.rateLimited(key, error.retryAfterMs, error.endpoint, now);
      if (streak === null)
        throw new SyncFailedError('retries-exhausted', retriesExhausted(`${error.message}${where}`, MAX_CONSECUTIVE_RATE_LIMITS), error.endpoint, cohort);
      this.stats.retries++;
      return;
    }
    if (isRetryable(error)) {
      const cademiError = error as CademiError;
      const attempt = this.ledger.failed(key, cademiError.endpoint, now);
      if (attempt === null) {
        throw new SyncFailedError(
          'retries-exhausted',
          retriesExhausted(`${cademiError.message}${where}`, this.ledger.maxAttempts),
          cademiError.endpoint,
          cohort,
        );
      }
      this.stats.retries++;
      return;
    }
    this.ledger.refused();
    if (error instanceof CademiError) {
      const kind = error instanceof CademiShapeError ? 'shape' : 'api';
      throw new SyncFailedError(kind, `${error.message}${where}`, error.endpoint, cohort);
    }
    throw error;
  }

  private cohortOfKey(key: string): string | null {
    if (key.startsWith(TAG)) return key.slice(TAG.length);
    if (key.startsWith(PROGRESS)) return this.work?.item(key.slice(PROGRESS.length))?.cohort.name ?? null;
    return null;
  }
}

/** The endpoint label of a request key, for a failure found before its response was parsed. */
function endpointOfKey(key: string): string {
  if (key.startsWith(PRODUCT)) return ENDPOINTS.product;
  if (key.startsWith(TAG)) return ENDPOINTS.tagStudents;
  if (key.startsWith(STUDENT)) return ENDPOINTS.student;
  return ENDPOINTS.progress;
}
