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
  CademiUnsafeUrlError,
  isRetryable,
} from '../cademi/errors';
import { advancePageWalk, isPageWalkComplete, newPageWalk, type PageWalk } from '../cademi/pagination';
import { ENDPOINTS, followPageRequest, productRequest, progressRequest, studentRequest, tagStudentsRequest } from '../cademi/requests';
import { parseProduct, parseProgress, parseStudent, parseTagStudentsPage } from '../cademi/responses';
import type { ApiTarget, CademiStudent, StudentDateField } from '../cademi/types';
import type { SchoolConfig } from '../config/load-config';
import type { HistoryIndex } from '../history/history-index';
import type { HistoryRow } from '../history/schema';
import { type HttpRequest, type HttpResponse, withoutSecret } from '../http';
import type { CohortConfig } from '../model/cohort';
import { pushedKey } from '../push/pushed-sheet';
import type { PushedProgress } from '../push/webhook-events';
import { type LocalDate, localDateOf, weekKeyOf } from '../time/local-date';
import { CHECKPOINT_VERSION, cohortKeys, type SyncCheckpoint } from './checkpoint';
import { SyncFailedError } from './errors';
import { isForeignNotFound, shownUrl } from './missing-endpoint';
import { MAX_CONSECUTIVE_RATE_LIMITS, type PendingWait, RetryLedger } from './retry-ledger';
import { studentRows, type WeekContext } from './snapshot';
import type { StagedProduct, StagedProgress, StagedRecord, StagedSkip, StagedStudent } from './staging';

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
  pageLeftOrigin,
  pagingUntrusted,
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
  readonly warnings: string[];
  /** Problems the API revealed in `Turmas` (an unknown tag or product), to flag at the cell. */
  readonly cohortProblems: CohortProblem[];
}

export interface CohortProblem {
  readonly cohort: string;
  readonly column: 'Tag ID' | 'Produtos';
  readonly message: string;
}

interface WorkItem {
  readonly cohort: CohortConfig;
  readonly student: StagedStudent;
  readonly productId: number;
}

const MAX_PAGES_PER_TAG = 400;

export class SyncJob {
  readonly week: LocalDate;
  readonly runId: string;
  readonly now: number;
  readonly stats: SyncStats = { calls: 0, retries: 0, carried: 0, pushed: 0, skipped: 0, students: 0, cohorts: 0 };
  readonly warnings: string[] = [];
  private readonly cohortProblems: CohortProblem[] = [];

  private readonly cohorts: CohortConfig[];
  private readonly products = new Map<number, StagedProduct>();
  private readonly studentsByCohort = new Map<string, Map<number, StagedStudent>>();
  private readonly outcomes = new Map<string, StagedProgress | StagedSkip>();
  private readonly records: StagedRecord[] = [];
  private readonly walks: Record<string, PageWalk> = {};
  private readonly failedCohorts: Record<string, string> = {};
  /** Requests handed out and not answered yet: key → URL (named when the address turns out not to exist). */
  private readonly inFlight = new Map<string, string>();
  private readonly retries: RetryLedger;
  /** Students Cademi sent an impossible date for, by field (a set: a student may be listed by two tags). */
  private readonly impossibleDates = new Map<StudentDateField, Set<number>>();
  private emptyChecked = false;
  private workItems: WorkItem[] | null = null;
  private readonly workByKey = new Map<string, WorkItem>();
  /** Work items before this index were handed out once; later hand-outs come from `waiting`. */
  private workCursor = 0;
  /** Progress requests to send again: backed off after an error, or released unsent. */
  private readonly waiting = new Set<string>();
  private remaining = 0;
  /** Students moved in `Ajustes` that the API does not know. */
  private readonly missingStudents = new Set<number>();

  constructor(
    private readonly input: SyncJobInput,
    resume?: { checkpoint: SyncCheckpoint; records: readonly StagedRecord[] },
  ) {
    const { settings } = input.config;
    this.now = resume?.checkpoint.now ?? input.now;
    this.runId = resume?.checkpoint.runId ?? input.runId;
    this.week = weekKeyOf(this.now, settings.timeZone);
    const today = localDateOf(this.now, settings.timeZone);
    this.cohorts = input.config.cohorts.filter((cohort) => {
      if (!cohort.active) return false;
      if (cohort.start > today) {
        this.warnings.push(cohortStartsLater(cohort.name, cohort.start));
        return false;
      }
      return true;
    });
    this.stats.cohorts = this.cohorts.length;
    for (const cohort of this.cohorts) this.studentsByCohort.set(cohort.name, new Map());
    this.retries = new RetryLedger(input.maxAttempts ?? 6, resume?.checkpoint.notBefore);
    if (resume) {
      this.resumeListing(resume.checkpoint);
      this.stats.calls = resume.checkpoint.calls;
      this.stats.retries = resume.checkpoint.retries;
      resume.records.forEach((record) => this.stage(record));
    }
    for (const cohort of this.cohorts) {
      if (!this.walks[cohort.name]) this.walks[cohort.name] = newPageWalk(tagStudentsRequest(input.target, cohort.tagId).url);
    }
  }

  /** The school's time zone (for messages that say when a wait ends). */
  get timeZone(): string {
    return this.input.config.settings.timeZone;
  }

  /** True when every (student, product) of the week has a value or a reason it has none. */
  get complete(): boolean {
    return this.plannedWork() !== null && this.remaining === 0;
  }

  /** How far the run is: listing cohorts, then (student, product) pairs settled out of the total. */
  progress(): { listing: boolean; settled: number; total: number } {
    if (this.workItems === null) return { listing: true, settled: 0, total: 0 };
    return { listing: false, settled: this.workItems.length - this.remaining, total: this.workItems.length };
  }

  /** Up to `max` requests that may be sent now (fewer while pages depend on earlier answers). */
  nextRequests(max: number, now: number): OutgoingRequest[] {
    const out: OutgoingRequest[] = [];
    if (this.retries.holding(now)) return out;
    const offer = (key: string, build: () => HttpRequest | null): boolean => {
      if (out.length >= max) return false;
      if (this.inFlight.has(key) || this.retries.backingOff(key, now)) return true;
      const request = build();
      if (request) {
        out.push({ key, request });
        this.inFlight.set(key, request.url);
      }
      return out.length < max;
    };
    for (const productId of this.unknownProducts()) {
      if (!offer(`product:${productId}`, () => productRequest(this.input.target, productId))) return out;
    }
    for (const cohort of this.cohorts) {
      const walk = this.walks[cohort.name];
      if (this.failedCohorts[cohort.name] || walk.nextUrl === null || walk.stopReason !== null) continue;
      if (!offer(`tag:${cohort.name}`, () => this.pageRequest(cohort, walk))) return out;
    }
    if (this.listingDone()) {
      for (const { studentId, cohort } of this.movedStudentsToFetch()) {
        if (!offer(`student:${studentId}:${cohort}`, () => studentRequest(this.input.target, studentId))) return out;
      }
    }
    const items = this.plannedWork();
    if (items === null) return out;
    const progressOf = (key: string) => {
      const item = this.workByKey.get(key)!;
      return () => progressRequest(this.input.target, item.student.studentId, item.productId);
    };
    for (const key of [...this.waiting]) {
      if (out.length >= max) return out;
      if (this.outcomes.has(key)) {
        this.waiting.delete(key);
        continue;
      }
      if (this.retries.backingOff(`progress:${key}`, now)) continue;
      this.waiting.delete(key);
      offer(`progress:${key}`, progressOf(key));
    }
    while (out.length < max && this.workCursor < items.length) {
      const item = items[this.workCursor++];
      const key = workKey(item.student.studentId, item.productId);
      if (!this.outcomes.has(key)) offer(`progress:${key}`, progressOf(key));
    }
    return out;
  }

  /** When the earliest request held back by a back-off or Cademi's Retry-After may go (null if none is waiting). */
  nextRetryAt(): number | null {
    return this.pendingWait()?.until ?? null;
  }

  /** What the job waits for when it has nothing to send: a 429's hold first, else the earliest back-off. */
  pendingWait(): PendingWait | null {
    return this.retries.pendingWait();
  }

  /** Feeds the response to a request handed out by `nextRequests`. Throws SyncFailedError when the run cannot go on. */
  accept(key: string, answer: HttpResponse, now: number): void {
    const response = withoutSecret(answer, this.input.target.token); // a server that echoes the request must not get the token into a cell
    const url = this.inFlight.get(key) ?? '';
    this.inFlight.delete(key);
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
      this.retries.succeeded(key);
    } catch (error) {
      this.handleFailure(key, error, now);
    }
  }

  /** Hands back requests that were handed out but never sent (a slice ending early). */
  release(keys: readonly string[]): void {
    for (const key of keys) {
      this.inFlight.delete(key);
      if (key.startsWith('progress:')) this.waiting.add(key.slice('progress:'.length));
    }
  }

  /**
   * The cursor to resume from: per cohort only whether its listing ended (or its tag is unknown) and,
   * while it is listing, its page walk. A cohort not yet started is left out and starts over.
   */
  checkpoint(): SyncCheckpoint {
    const keys = cohortKeys(this.cohorts);
    const listed: string[] = [];
    const unknownTags: string[] = [];
    const walks: Record<string, PageWalk> = {};
    for (const cohort of this.cohorts) {
      const key = keys.get(cohort.name)!;
      const walk = this.walks[cohort.name];
      if (this.failedCohorts[cohort.name] !== undefined) unknownTags.push(key);
      else if (isPageWalkComplete(walk)) listed.push(key);
      else if (walk.stopReason === null && walk.nextUrl !== null && walk.pages > 0) walks[key] = walk;
    }
    const holdUntil = this.retries.holdUntil();
    const held = holdUntil === null ? {} : { notBefore: holdUntil };
    return {
      version: CHECKPOINT_VERSION,
      runId: this.runId,
      week: this.week,
      now: this.now,
      listed,
      unknownTags,
      walks,
      calls: this.stats.calls,
      retries: this.stats.retries,
      ...held,
    };
  }

  /** Everything collected so far, for the staging sheet. */
  stagingRecords(): readonly StagedRecord[] {
    return this.records;
  }

  /**
   * The week's rows; call once `complete` is true. Throws SyncFailedError (`empty`) when the run
   * collected nothing: no cohort could be collected, or the collected ones gave no row at all.
   */
  result(): SyncResult {
    const items = this.plannedWork();
    if (items === null || !this.complete) throw new Error('SyncJob.result() called before the run completed');
    if (this.cohorts.length === 0) {
      // Nothing was due (no active cohort, or none started yet): said as such, not as cohorts that failed.
      const starts = this.input.config.cohorts.filter((cohort) => cohort.active).map((cohort) => cohort.start);
      throw new SyncFailedError('empty', noCohortToCollect(starts.length > 0 ? starts.sort()[0] : null), ENDPOINTS.tagStudents, null);
    }
    const collected = this.cohorts.filter((cohort) => this.notCollectedReason(cohort) === null);
    if (collected.length === 0) {
      const reasons = this.cohorts.map((cohort) => cohortReason(cohort.name, this.notCollectedReason(cohort)!));
      throw new SyncFailedError('empty', noCohortCollected(reasons), ENDPOINTS.tagStudents, null);
    }
    const trackedIds = new Set(this.cohorts.flatMap((cohort) => cohort.productIds));
    const context: WeekContext = {
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
    const rows: HistoryRow[] = [];
    let current: { cohort: CohortConfig; student: StagedStudent; progress: StagedProgress[] } | null = null;
    const today = localDateOf(this.now, this.input.config.settings.timeZone);
    const flush = () => {
      if (!current) return;
      const droppedOut = this.adjustments.dropoutFor(current.student.studentId, today) !== null;
      rows.push(...studentRows(context, current.cohort, current.student, current.progress, droppedOut));
    };
    for (const item of items) {
      if (!current || current.student !== item.student || current.cohort !== item.cohort) {
        flush();
        current = { cohort: item.cohort, student: item.student, progress: [] };
      }
      const outcome = this.outcomes.get(workKey(item.student.studentId, item.productId));
      if (outcome?.kind === 'progress') current.progress.push(outcome);
    }
    flush();
    this.stats.students = new Set(items.map((item) => item.student.studentId)).size;
    this.stats.skipped = [...this.outcomes.values()].filter((outcome) => outcome.kind === 'skip').length;
    if (rows.length === 0) {
      // A week of nobody is no success: an empty answer must never replace a week's rows.
      const message = this.stats.students === 0 ? noStudentsCollected(collected.map((cohort) => cohort.name)) : noRowsCollected(this.stats.students);
      throw new SyncFailedError('empty', message, ENDPOINTS.tagStudents, null);
    }
    const dateWarnings = [...this.impossibleDates].map(([field, students]) =>
      impossibleDates(
        field,
        [...students].sort((a, b) => a - b),
      ),
    );
    return {
      week: this.week,
      rows,
      collectedCohorts: collected.map((cohort) => cohort.name),
      stats: { ...this.stats },
      warnings: [...this.warnings, ...dateWarnings],
      cohortProblems: [...this.cohortProblems],
    };
  }

  // --- internals ---------------------------------------------------------------------------

  /** Restores the listing state of a checkpoint; keys of cohorts no longer active are ignored. */
  private resumeListing(checkpoint: SyncCheckpoint): void {
    const keys = cohortKeys(this.cohorts);
    const byKey = new Map(this.cohorts.map((cohort) => [keys.get(cohort.name)!, cohort]));
    for (const key of checkpoint.listed) {
      const cohort = byKey.get(key);
      if (cohort) this.walks[cohort.name] = { nextUrl: null, pages: 0, seen: [], stopReason: 'last' };
    }
    for (const key of checkpoint.unknownTags) {
      const cohort = byKey.get(key);
      if (cohort) this.markUnknownTag(cohort);
    }
    for (const [key, walk] of Object.entries(checkpoint.walks)) {
      const cohort = byKey.get(key);
      if (cohort) this.walks[cohort.name] = walk;
    }
  }

  private stage(record: StagedRecord): void {
    switch (record.kind) {
      case 'product':
        if (this.products.has(record.productId)) return;
        this.products.set(record.productId, record);
        break;
      case 'student': {
        const cohort = this.studentsByCohort.get(record.cohort);
        if (!cohort || cohort.has(record.studentId)) return;
        cohort.set(record.studentId, record);
        for (const field of record.impossibleDates ?? []) {
          const students = this.impossibleDates.get(field) ?? new Set<number>();
          this.impossibleDates.set(field, students.add(record.studentId));
        }
        break;
      }
      case 'progress':
      case 'skip': {
        const key = workKey(record.studentId, record.productId);
        if (this.outcomes.has(key)) return;
        this.outcomes.set(key, record);
        if (this.workByKey.has(key)) this.remaining--;
        if (record.kind === 'progress' && record.origin === 'Mantido') this.stats.carried++;
        break;
      }
    }
    this.records.push(record);
  }

  private unknownProducts(): number[] {
    const ids = new Set(this.cohorts.flatMap((cohort) => cohort.productIds));
    return [...ids].filter((id) => !this.products.has(id) && this.input.history.productName(id) === undefined);
  }

  private productName(productId: number): string | undefined {
    return this.products.get(productId)?.name ?? this.input.history.productName(productId);
  }

  private pageRequest(cohort: CohortConfig, walk: PageWalk): HttpRequest | null {
    if (walk.pages === 0) return tagStudentsRequest(this.input.target, cohort.tagId);
    try {
      return followPageRequest(this.input.target, walk.nextUrl!, ENDPOINTS.tagStudents);
    } catch (error) {
      if (!(error instanceof CademiUnsafeUrlError)) throw error;
      // The token is never sent there; without that page the cohort would be silently incomplete.
      throw new SyncFailedError('api', pageLeftOrigin(ENDPOINTS.tagStudents, cohort.tagId, error.unsafeOrigin), ENDPOINTS.tagStudents, cohort.name);
    }
  }

  private acceptProduct(productId: number, response: HttpResponse): void {
    try {
      const product = parseProduct(response, ENDPOINTS.product);
      this.stage({ kind: 'product', productId, name: product.name });
    } catch (error) {
      if (!(error instanceof CademiNotFoundError)) throw error;
      this.warnings.push(unknownProduct(productId));
      for (const cohort of this.cohorts.filter((candidate) => candidate.productIds.includes(productId))) {
        this.cohortProblems.push({ cohort: cohort.name, column: 'Produtos', message: unknownProductNote(productId) });
      }
      this.stage({ kind: 'product', productId, name: '' });
    }
  }

  private acceptTagPage(cohortName: string, response: HttpResponse): void {
    const cohort = this.cohorts.find((candidate) => candidate.name === cohortName)!;
    let page;
    try {
      page = parseTagStudentsPage(response, ENDPOINTS.tagStudents);
    } catch (error) {
      if (error instanceof CademiNotFoundError) {
        this.markUnknownTag(cohort);
        return;
      }
      throw error;
    }
    page.items.forEach((student: CademiStudent) => this.stage(stagedStudent(cohortName, student.id, student)));
    const walk = advancePageWalk(this.walks[cohortName], { itemCount: page.items.length, nextPageUrl: page.nextPageUrl }, MAX_PAGES_PER_TAG);
    this.walks[cohortName] = walk;
    if (walk.stopReason === 'repeated' || walk.stopReason === 'cap') {
      // The listing cannot be trusted to be complete: a week with students missing is worse than none.
      throw new SyncFailedError(
        'api',
        pagingUntrusted(ENDPOINTS.tagStudents, cohort.tagId, walk.stopReason, MAX_PAGES_PER_TAG),
        ENDPOINTS.tagStudents,
        cohortName,
      );
    }
  }

  private acceptProgress(key: string, response: HttpResponse): void {
    const [studentId, productId] = key.split('|').map(Number);
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
      this.warnings.push(progressSkipped(studentId, productId, error.status));
    }
  }

  private get adjustments(): EffectiveAdjustments {
    return this.input.adjustments ?? NO_ADJUSTMENTS;
  }

  /** Students moved (in `Ajustes`) into an active cohort whose tag does not list them: fetched one by one. */
  private movedStudentsToFetch(): { studentId: number; cohort: string }[] {
    const listed = new Set<number>();
    for (const students of this.studentsByCohort.values()) for (const id of students.keys()) listed.add(id);
    const missing: { studentId: number; cohort: string }[] = [];
    for (const cohort of this.cohorts) {
      if (this.notCollectedReason(cohort) !== null) continue;
      for (const studentId of this.adjustments.movedInto(cohort.name, this.week)) {
        if (!listed.has(studentId) && !this.missingStudents.has(studentId)) missing.push({ studentId, cohort: cohort.name });
      }
    }
    return missing;
  }

  private acceptMovedStudent(studentId: number, cohortName: string, response: HttpResponse): void {
    try {
      const student = parseStudent(response, ENDPOINTS.student);
      this.stage(stagedStudent(cohortName, studentId, student));
    } catch (error) {
      if (!(error instanceof CademiNotFoundError)) throw error;
      this.missingStudents.add(studentId);
      this.warnings.push(movedStudentMissing(studentId, cohortName));
    }
  }

  /** A cohort whose tag Cademi does not know: said in the warnings and at its `Turmas` cell, on every slice. */
  private markUnknownTag(cohort: CohortConfig): void {
    const reason = unknownTagReason(cohort.tagId);
    this.failedCohorts[cohort.name] = reason;
    this.warnings.push(cohortNotSynced(cohort.name, reason));
    this.cohortProblems.push({ cohort: cohort.name, column: 'Tag ID', message: unknownTagNote(cohort.tagId) });
  }

  /**
   * A cohort whose tag listing ended with nobody while the history has its rows: an empty answer
   * (a tag emptied by mistake, a server answering `[]`) is no reason to erase the cohort's week.
   */
  private listedEmptyWithHistory(cohort: CohortConfig): boolean {
    return isPageWalkComplete(this.walks[cohort.name]) && this.studentsByCohort.get(cohort.name)!.size === 0 && this.input.history.hasRowsOf(cohort.name);
  }

  /** Why this run does not collect a cohort (its old rows of the week then stay), or null when it does. */
  private notCollectedReason(cohort: CohortConfig): string | null {
    return this.failedCohorts[cohort.name] ?? (this.listedEmptyWithHistory(cohort) ? emptyTagReason(cohort.tagId) : null);
  }

  /** The empty cohorts, said once per job in the warnings and at their `Tag ID` cell. */
  private noteEmptyCohorts(): void {
    if (this.emptyChecked) return;
    this.emptyChecked = true;
    for (const cohort of this.cohorts) {
      if (this.failedCohorts[cohort.name] !== undefined || !this.listedEmptyWithHistory(cohort)) continue;
      this.warnings.push(cohortNotSynced(cohort.name, emptyTagReason(cohort.tagId)));
      this.cohortProblems.push({ cohort: cohort.name, column: 'Tag ID', message: emptyTagNote(cohort.tagId) });
    }
  }

  private handleFailure(key: string, error: unknown, now: number): never | void {
    const cohort = this.cohortOfKey(key);
    const where = cohort ? inCohort(cohort) : '';
    if (error instanceof CademiAuthError) {
      throw new SyncFailedError('auth', `${error.message}${where}`, error.endpoint, cohort);
    }
    if (error instanceof CademiRateLimitError) {
      const streak = this.retries.rateLimited(key, error.retryAfterMs, error.endpoint, now);
      if (streak === null)
        throw new SyncFailedError('retries-exhausted', retriesExhausted(`${error.message}${where}`, MAX_CONSECUTIVE_RATE_LIMITS), error.endpoint, cohort);
      this.retryLater(key);
      return;
    }
    if (isRetryable(error)) {
      const cademiError = error as CademiError;
      const attempt = this.retries.failed(key, cademiError.endpoint, now);
      if (attempt === null) {
        throw new SyncFailedError(
          'retries-exhausted',
          retriesExhausted(`${cademiError.message}${where}`, this.input.maxAttempts ?? 6),
          cademiError.endpoint,
          cohort,
        );
      }
      this.retryLater(key);
      return;
    }
    this.retries.refused();
    if (error instanceof CademiError) {
      const kind = error instanceof CademiShapeError ? 'shape' : 'api';
      throw new SyncFailedError(kind, `${error.message}${where}`, error.endpoint, cohort);
    }
    throw error;
  }

  private retryLater(key: string): void {
    this.stats.retries++;
    if (key.startsWith('progress:')) this.waiting.add(key.slice('progress:'.length));
  }

  private cohortOfKey(key: string): string | null {
    if (key.startsWith('tag:')) return key.slice(4);
    if (key.startsWith('progress:')) return this.workByKey.get(key.slice('progress:'.length))?.cohort.name ?? null;
    return null;
  }

  private listingDone(): boolean {
    return this.cohorts.every((cohort) => {
      const walk = this.walks[cohort.name];
      return this.failedCohorts[cohort.name] !== undefined || walk.stopReason !== null || walk.nextUrl === null;
    });
  }

  /** The week's (student, product) list, once every listing is done; carried pairs are settled here. */
  private plannedWork(): WorkItem[] | null {
    if (this.workItems) return this.workItems;
    if (!this.listingDone() || this.unknownProducts().length > 0 || this.movedStudentsToFetch().length > 0) return null;
    this.noteEmptyCohorts();
    const items = this.buildWork();
    for (const item of items) {
      const key = workKey(item.student.studentId, item.productId);
      this.workByKey.set(key, item);
      if (!this.outcomes.has(key)) this.remaining++;
    }
    this.workItems = items;
    for (const item of items) this.carryIfUnchanged(item);
    return items;
  }

  private buildWork(): WorkItem[] {
    // A student listed under several active cohorts' tags belongs to the one that started last;
    // a move recorded in `Ajustes` overrides the tags from its week on.
    const owner = new Map<number, CohortConfig>();
    const record = new Map<number, StagedStudent>();
    let conflicts = 0;
    for (const cohort of this.cohorts) {
      if (this.notCollectedReason(cohort) !== null) continue;
      for (const student of this.studentsByCohort.get(cohort.name)!.values()) {
        const current = owner.get(student.studentId);
        if (current) conflicts++;
        if (!current || cohort.start >= current.start) owner.set(student.studentId, cohort);
        if (!record.has(student.studentId)) record.set(student.studentId, student);
      }
    }
    if (conflicts > 0) this.warnings.push(studentsInSeveralCohorts(conflicts));
    const active = new Map(this.cohorts.filter((cohort) => this.notCollectedReason(cohort) === null).map((cohort) => [cohort.name, cohort]));
    for (const studentId of record.keys()) {
      const target = this.adjustments.moveFor(studentId, this.week);
      if (target === null) continue;
      const cohort = active.get(target);
      if (cohort) owner.set(studentId, cohort);
      else owner.delete(studentId); // moved to an archived or unknown cohort: no longer counted here
    }
    const items: WorkItem[] = [];
    for (const cohort of active.values()) {
      const productIds = cohort.productIds.filter((id) => this.productName(id) !== '');
      const students = [...record.values()].filter((student) => owner.get(student.studentId) === cohort).sort((a, b) => a.studentId - b.studentId);
      for (const student of students) for (const productId of productIds) items.push({ cohort, student, productId });
    }
    return items;
  }

  /** The incremental rule: no access since the last snapshot means no progress since it. */
  private carryIfUnchanged(item: WorkItem): void {
    const key = workKey(item.student.studentId, item.productId);
    if (this.outcomes.has(key) || this.input.incremental === false) return;
    const previous = this.input.history.latest(item.student.studentId, item.productId);
    const lastAccess = item.student.lastAccessAt;
    if (lastAccess === null) {
      this.stage({
        kind: 'progress',
        studentId: item.student.studentId,
        productId: item.productId,
        progress: previous?.progress ?? 0,
        lessonsCompleted: previous?.lessonsCompleted ?? 0,
        origin: 'Mantido',
      });
    } else if (previous && lastAccess <= previous.collectedAt) {
      this.stage({
        kind: 'progress',
        studentId: item.student.studentId,
        productId: item.productId,
        progress: previous.progress,
        lessonsCompleted: previous.lessonsCompleted,
        origin: 'Mantido',
      });
    } else {
      // A webhook received after the last access already says where the student is: no call needed.
      // It carries only the percent, so the lesson count stays the last one the API gave.
      const pushed = this.input.pushed?.get(pushedKey(item.student.studentId, item.productId));
      if (pushed && pushed.receivedAt >= lastAccess && (!previous || pushed.receivedAt > previous.collectedAt)) {
        this.stats.pushed++;
        this.stage({
          kind: 'progress',
          studentId: item.student.studentId,
          productId: item.productId,
          progress: pushed.percent,
          lessonsCompleted: previous?.lessonsCompleted ?? 0,
          origin: 'API',
        });
      }
    }
  }
}

function workKey(studentId: number, productId: number): string {
  return `${studentId}|${productId}`;
}

/** The endpoint label of a request key, for a failure found before its response was parsed. */
function endpointOfKey(key: string): string {
  if (key.startsWith('product:')) return ENDPOINTS.product;
  if (key.startsWith('tag:')) return ENDPOINTS.tagStudents;
  if (key.startsWith('student:')) return ENDPOINTS.student;
  return ENDPOINTS.progress;
}

function stagedStudent(cohort: string, studentId: number, student: CademiStudent): StagedStudent {
  return {
    kind: 'student',
    cohort,
    studentId,
    name: student.name,
    email: student.email,
    createdAt: student.createdAt,
    lastAccessAt: student.lastAccessAt,
    ...(student.impossibleDates ? { impossibleDates: student.impossibleDates } : {}),
  };
}
