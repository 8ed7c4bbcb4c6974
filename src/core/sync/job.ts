// The resumable weekly sync as a sans-I/O state machine: it hands out requests and is fed responses.
// Hosts (Apps Script, Node, tests) perform the HTTP, the pacing and the persistence between slices.

import { type EffectiveAdjustments, NO_ADJUSTMENTS } from '../adjustments/effective';
import { CademiError, isRetryable } from '../cademi/errors';
import { withoutSecret } from '../cademi/token';
import type { ApiGeneration, ApiTarget } from '../cademi/types';
import type { SchoolConfig } from '../config/load-config';
import { type StudentMatch, StudentMatcher } from '../continuity/student-matches';
import { type HistoryIndex, standInProductName } from '../history/history-index';
import type { HistoryRow } from '../history/schema';
import type { HttpRequest, HttpResponse } from '../http';
import type { CohortConfig } from '../model/cohort';
import type { PushedProgress } from '../push/webhook-events';
import { type LocalDate, localDateOf, weekKeyOf } from '../time/local-date';
import { failureOf, isRunStopping } from './api-failure';
import { CHECKPOINT_VERSION, type SyncCheckpoint } from './checkpoint';
import { type ApiDialect, dialectOf, type ProductProgress } from './dialect';
import { SyncFailedError } from './errors';
import { shownUrl } from './missing-endpoint';
import { MAX_CONSECUTIVE_RATE_LIMITS, type PendingWait, RetryLedger } from './retry-ledger';
import type { WeekContext } from './snapshot';
import { StagedAnswers } from './staged-answers';
import type { StagedProgress, StagedRecord, StagedSkip, StagedStudent } from './staging';
import { stagedStudent, TagListing } from './tag-listing';
import { UserProgressPages } from './user-progress';
import { buildWorkList, carryForward, type MovedStudent, movedStudentsToFetch, type WorkItem, weekRows, workKey } from './work-plan';
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
  movedStudentUnmatched,
  noCohortCollected,
  noCohortToCollect,
  noRowsCollected,
  noStudentsCollected,
  productNameUnavailable,
  productNobodyHasNote,
  progressSkipped,
  retriesExhausted,
  studentsInSeveralCohorts,
  unknownProduct,
  unknownProductNote,
  unknownTagNote,
  unknownTagReason,
} from '../messages/sync';
import { idOfText, type ProductId, type StudentId } from '../model/ids';

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
  /** Students matched across the v1 → v3 switch (`Correspondências`). */
  readonly matches?: readonly StudentMatch[];
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
  /** v3 students this run matched to a v1 id of the history (to record in `Correspondências`). */
  readonly matches: readonly StudentMatch[];
  /** The API generation the run read (said in `Execuções`, so a switch shows in the log). */
  readonly api: ApiGeneration;
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
/** v3: one student's progress in every product (`userprogress:<student>`). */
const USER_PROGRESS = 'userprogress:';

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
  /** The generation the run calls: its requests and how its answers read. */
  private readonly dialect: ApiDialect;
  /** v3 answers of students whose progress spans several pages. */
  private readonly userPages = new UserProgressPages();
  /** Which history id each v3 student's rows use (v1's, when the e-mail matches). */
  private readonly matcher: StudentMatcher;
  /** The week's items by student id (as text), built once the work list is. */
  private userItemsCache: Map<string, WorkItem[]> | null = null;
  private readonly listing: TagListing;
  private readonly collected = new StagedAnswers();
  private readonly problems: CohortProblem[] = [];
  /** The week's (student, product) pairs, once every listing and what it depends on are in. */
  private work: WorkQueue | null = null;
  /** See stagingOnSheet. */
  private savedStaging: { sheetRows: number; records: number } | null = null;

  constructor(
    private readonly input: SyncJobInput,
    resume?: {
      checkpoint: SyncCheckpoint;
      records: readonly StagedRecord[];
      /** The staging sheet's data rows, of any run: when they are all `records`, a pause appends to them. */
      sheetRows?: number;
    },
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
    this.dialect = dialectOf(input.target);
    this.matcher = new StudentMatcher({ recorded: input.matches ?? [], studentsWithEmail: (email) => input.history.studentsWithEmail(email) }, this.week);
    this.listing = new TagListing(cohorts, this.dialect, (cohort) => input.history.hasRowsOf(cohort), resume?.checkpoint);
    // An unknown tag is said on every slice, not only the one that found it.
    for (const cohort of this.listing.unknownTagCohorts()) this.noteUnknownTag(cohort);
    if (resume) {
      this.stats.calls = resume.checkpoint.calls;
      this.stats.retries = resume.checkpoint.retries;
      for (const record of resume.records) this.stage(record);
      if (resume.sheetRows === resume.records.length) this.savedStaging = { sheetRows: resume.sheetRows, records: this.collected.all().length };
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
    const { dialect } = this;
    /** Hands out one request unless it is out already or backing off; false once the batch is full. */
    const offer: Offer = (key, build) => {
      if (out.length >= max) return false;
      if (!this.ledger.mayHandOut(key, now)) return true;
      const request = build();
      out.push({ key, request });
      this.ledger.handedOut(key, request.url);
      return out.length < max;
    };
    for (const productId of this.unknownProducts()) {
      if (!offer(`${PRODUCT}${productId}`, () => dialect.productRequest(productId))) return out;
    }
    for (const cohort of this.listing.pending()) {
      if (!offer(`${TAG}${cohort.name}`, () => this.listing.pageRequest(cohort))) return out;
    }
    if (this.listing.done()) {
      for (const { studentId, cohort } of this.movedStudentsToFetch()) {
        const apiId = this.apiIdOfMoved(studentId, cohort);
        if (apiId !== null && !offer(`${STUDENT}${studentId}:${cohort}`, () => dialect.studentRequest(apiId))) return out;
      }
    }
    const work = this.plannedWork();
    if (work === null) return out;
    const room = () => out.length < max;
    if (dialect.progressPerStudent) this.offerUserProgress(work, offer, room, now);
    else this.offerPairProgress(work, offer, room, now);
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
    const [kind, ...rest] = key.split(':');
    // An assumed lookup (v3's product names) may be missing from the account's API: that costs the name only.
    const soft = kind === 'product' && this.dialect.productLookupAssumed;
    if (!soft && this.dialect.isForeignNotFound(response)) {
      // Every address the job calls must exist: this one is not Cademi answering, whatever the key.
      throw new SyncFailedError('endpoint', endpointMissing(shownUrl(url)), this.endpointOfKey(key), this.cohortOfKey(key));
    }
    try {
      if (kind === 'product') this.acceptProduct(idOfText(rest[0] ?? '') ?? Number.NaN, response);
      else if (kind === 'tag') this.acceptTagPage(rest.join(':'), response);
      else if (kind === 'student') this.acceptMovedStudent(idOfText(rest[0] ?? '') ?? Number.NaN, rest.slice(1).join(':'), response);
      else if (kind === 'userprogress') this.acceptUserProgress(key, response);
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
   * What the staging sheet already holds of `stagingRecords()`: its data rows (this run's, every one)
   * and the records they are, a prefix. Null when the sheet must be written whole (a first pause, or
   * a sheet with rows of another run).
   */
  stagingOnSheet(): { readonly sheetRows: number; readonly records: number } | null {
    return this.savedStaging;
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
      throw new SyncFailedError('empty', noCohortToCollect(starts.sort()[0] ?? null), this.dialect.endpoints.tagStudents, null);
    }
    const collected = this.listing.collectable();
    if (collected.length === 0) {
      const reasons = cohorts.map((cohort) => cohortReason(cohort.name, this.listing.notCollectedReason(cohort)!));
      throw new SyncFailedError('empty', noCohortCollected(reasons), this.dialect.endpoints.tagStudents, null);
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
      throw new SyncFailedError('empty', message, this.dialect.endpoints.tagStudents, null);
    }
    const dateWarnings = this.listing.impossibleDateStudents().map(([field, students]) => impossibleDates(field, students));
    const skips = skipNotes(work.items, (pair) => this.collected.outcome(pair));
    return {
      week: this.week,
      rows,
      collectedCohorts: collected.map((cohort) => cohort.name),
      stats: { ...this.stats },
      warnings: [...this.warnings, ...skips.messages, ...dateWarnings],
      errors: [...this.errors, ...skips.messages],
      cohortProblems: [...this.problems, ...skips.problems],
      matches: this.newMatches(),
      api: this.dialect.api,
    };
  }

  // --- internals ---------------------------------------------------------------------------

  /** The matches of this week's students not recorded before (made in this slice or an earlier one). */
  private newMatches(): StudentMatch[] {
    const recorded = new Set((this.input.matches ?? []).map((match) => match.v3Id));
    const made = new Map<string, StudentMatch>();
    for (const cohort of this.listing.cohorts) {
      for (const student of this.listing.studentsOf(cohort.name)) {
        const { apiId, studentId } = student;
        if (typeof apiId !== 'string' || typeof studentId !== 'number' || recorded.has(apiId)) continue;
        made.set(apiId, { v1Id: studentId, v3Id: apiId, email: student.email, week: this.week });
      }
    }
    return [...made.values()];
  }

  /** A listed (or fetched) student under the id their rows use: on v3, the matched v1 id when there is one. */
  private keyed(record: StagedStudent): StagedStudent {
    if (this.dialect.api !== 'v3') return record;
    const { key, apiId } = this.matcher.resolve(record.apiId ?? record.studentId, record.email);
    return key === apiId ? record : { ...record, studentId: key, apiId };
  }

  /** Takes a record from an answer or from the staging sheet; a repeat of one already taken is dropped. */
  private stage(input: StagedRecord): void {
    const record = input.kind === 'student' ? this.keyed(input) : input;
    if (record.kind === 'student' && !this.listing.addStudent(record)) return;
    if (!this.collected.add(record)) return;
    if (record.kind === 'progress' || record.kind === 'skip') this.work?.settle(workKey(record.studentId, record.productId));
    if (record.kind === 'progress' && record.origin === 'Mantido') this.stats.carried++;
  }

  /** Tracked products whose name neither this run nor the history knows. */
  private unknownProducts(): ProductId[] {
    const ids = new Set(this.listing.cohorts.flatMap((cohort) => cohort.productIds));
    return [...ids].filter((id) => !this.collected.hasProduct(id) && this.input.history.productName(id) === undefined);
  }

  private productName(productId: ProductId): string | undefined {
    return this.collected.productName(productId) ?? this.input.history.productName(productId);
  }

  private get adjustments(): EffectiveAdjustments {
    return this.input.adjustments ?? NO_ADJUSTMENTS;
  }

  /**
   * The id a moved student is fetched by: on v3 a v1 id must have been matched; one that was not is
   * said once and left out (as a student Cademi does not know), so the week can still complete.
   */
  private apiIdOfMoved(studentId: StudentId, cohort: string): StudentId | null {
    if (this.dialect.api !== 'v3') return studentId;
    const apiId = this.matcher.apiIdOf(studentId);
    if (apiId !== null) return apiId;
    this.collected.noteMissingStudent(studentId);
    this.warnings.push(movedStudentUnmatched(studentId, cohort));
    return null;
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

  private acceptProduct(productId: ProductId, response: HttpResponse): void {
    let name: string | null;
    try {
      name = this.dialect.readProduct(response);
    } catch (error) {
      // An assumed lookup that fails for good costs the name only (a key without the products
      // permission included); a refused key, a rate limit or a retry is the run's, as on any endpoint.
      if (!this.dialect.productLookupAssumed || isRunStopping(error)) throw error;
      name = '';
    }
    if (name === '') {
      this.warnings.push(productNameUnavailable(productId, this.dialect.endpoints.product));
      this.stage({ kind: 'product', productId, name: standInProductName(productId) });
      return;
    }
    if (name !== null) {
      this.stage({ kind: 'product', productId, name });
      return;
    }
    this.noteError(unknownProduct(productId));
    for (const cohort of this.listing.cohorts.filter((candidate) => candidate.productIds.includes(productId))) {
      this.problems.push({ cohort: cohort.name, column: 'Produtos', message: unknownProductNote(productId) });
    }
    this.stage({ kind: 'product', productId, name: '' });
  }

  private acceptTagPage(cohortName: string, response: HttpResponse): void {
    const students = this.listing.acceptPage(cohortName, response);
    if (students === null) this.noteUnknownTag(this.listing.cohortNamed(cohortName));
    else for (const student of students) this.stage(student);
  }

  private acceptMovedStudent(studentId: StudentId, cohortName: string, response: HttpResponse): void {
    const student = this.dialect.readStudent(response);
    if (student === null) {
      this.collected.noteMissingStudent(studentId);
      this.warnings.push(movedStudentMissing(studentId, cohortName));
      return;
    }
    // On v3 the answer's `usr_…` is the API id; the rows keep the id Ajustes named.
    const record = stagedStudent(cohortName, studentId, student);
    this.stage(student.id === studentId ? record : { ...record, apiId: student.id });
  }

  /** v1: the answer for one (student, product). */
  private acceptProgress(pair: string, response: HttpResponse): void {
    const item = this.work?.item(pair);
    if (item === undefined) throw new Error(`SyncJob: no work item for progress key "${pair}"`);
    const { studentId } = item.student;
    const { productId } = item;
    try {
      const [progress] = this.dialect.readProgress(response, productId).items;
      if (progress === undefined) throw new Error(`SyncJob: an empty progress answer for "${pair}"`);
      this.stage({ kind: 'progress', studentId, productId, progress: progress.percent, lessonsCompleted: progress.lessonsCompleted, origin: 'API' });
    } catch (error) {
      this.skipUnanswerable(error, [item]);
    }
  }

  /** v3: one page of a student's progress in every product; the last page settles all their pairs. */
  private acceptUserProgress(key: string, response: HttpResponse): void {
    const items = this.userItems().get(key.slice(USER_PROGRESS.length)) ?? [];
    let answered: ProductProgress[] | null;
    try {
      answered = this.userPages.add(key, this.dialect.readProgress(response, null), this.dialect.endpoints.progress);
    } catch (error) {
      this.userPages.drop(key);
      this.skipUnanswerable(error, items);
      return;
    }
    if (answered === null) return;
    const byProduct = new Map(answered.map((progress) => [progress.productId, progress]));
    for (const { student, productId } of items) {
      const { studentId } = student;
      if (this.collected.hasOutcome(workKey(studentId, productId))) continue;
      const progress = byProduct.get(productId);
      if (progress === undefined) {
        this.stage({ kind: 'skip', studentId, productId, reason: SKIP_ABSENT });
      } else {
        this.stage({ kind: 'progress', studentId, productId, progress: progress.percent, lessonsCompleted: progress.lessonsCompleted, origin: 'API' });
      }
    }
  }

  /**
   * A 404 (no access, unknown) or a refusal settles the pairs as skipped: their rows are not recorded
   * and the week says so. Anything else is the caller's to retry or to fail the run with.
   */
  private skipUnanswerable(error: unknown, items: readonly WorkItem[]): void {
    const failure = failureOf(error);
    if (failure !== 'not-found' && failure !== 'refused') throw error;
    // The answer's own text (`msg`, `error.message`) is never kept: a server may echo anything, the token included.
    const { status } = error as CademiError;
    for (const { student, productId } of items) {
      if (this.collected.hasOutcome(workKey(student.studentId, productId))) continue;
      this.stage({ kind: 'skip', studentId: student.studentId, productId, reason: `HTTP ${status}` });
    }
  }

  /** v1: one request per (student, product) not settled yet, retries first. */
  private offerPairProgress(work: WorkQueue, offer: Offer, room: () => boolean, now: number): void {
    const progressOf = (pair: string) => () => {
      const item = work.item(pair)!;
      return this.dialect.progressRequest(item.student.apiId ?? item.student.studentId, item.productId, null);
    };
    for (const key of this.ledger.waitingWith(PROGRESS)) {
      if (!room()) return;
      const pair = key.slice(PROGRESS.length);
      if (this.collected.hasOutcome(pair)) this.ledger.forget(key);
      else if (!this.ledger.backingOff(key, now)) offer(key, progressOf(pair));
    }
    while (room()) {
      const item = work.next();
      if (item === null) break;
      const pair = workKey(item.student.studentId, item.productId);
      if (!this.collected.hasOutcome(pair)) offer(`${PROGRESS}${pair}`, progressOf(pair));
    }
  }

  /** v3: one request per student with a pair not settled yet; next pages and retries first. */
  private offerUserProgress(work: WorkQueue, offer: Offer, room: () => boolean, now: number): void {
    const progressOf = (key: string) => () => {
      const student = this.userItems().get(key.slice(USER_PROGRESS.length))![0]!.student;
      return this.dialect.progressRequest(student.apiId ?? student.studentId, null, this.userPages.cursorOf(key));
    };
    const continuing = new Set(this.userPages.continuing());
    for (const key of new Set([...continuing, ...this.ledger.waitingWith(USER_PROGRESS)])) {
      if (!room()) return;
      if (this.studentSettled(key)) this.ledger.forget(key);
      else if (!this.ledger.backingOff(key, now)) offer(key, progressOf(key));
    }
    while (room()) {
      const item = work.next();
      if (item === null) break;
      if (this.collected.hasOutcome(workKey(item.student.studentId, item.productId))) continue;
      const key = `${USER_PROGRESS}${item.student.studentId}`;
      if (!continuing.has(key)) offer(key, progressOf(key));
    }
  }

  /** True once every pair of the key's student has an outcome. */
  private studentSettled(key: string): boolean {
    const items = this.userItems().get(key.slice(USER_PROGRESS.length)) ?? [];
    return items.every((item) => this.collected.hasOutcome(workKey(item.student.studentId, item.productId)));
  }

  /** The week's work items grouped by student (keyed by the id as text), once the work list exists. */
  private userItems(): Map<string, WorkItem[]> {
    if (this.userItemsCache) return this.userItemsCache;
    const byStudent = new Map<string, WorkItem[]>();
    for (const item of this.work?.items ?? []) {
      const key = String(item.student.studentId);
      const items = byStudent.get(key);
      if (items) items.push(item);
      else byStudent.set(key, [item]);
    }
    if (this.work) this.userItemsCache = byStudent;
    return byStudent;
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
    const failure = failureOf(error);
    if (failure === 'auth') {
      const refused = error as CademiError;
      throw new SyncFailedError('auth', `${refused.message}${where}`, refused.endpoint, cohort);
    }
    if (failure === 'rate-limit') {
      const limited = error as CademiError & { readonly retryAfterMs: number };
      const streak = this.ledger.rateLimited(key, limited.retryAfterMs, limited.endpoint, now);
      if (streak === null)
        throw new SyncFailedError('retries-exhausted', retriesExhausted(`${limited.message}${where}`, MAX_CONSECUTIVE_RATE_LIMITS), limited.endpoint, cohort);
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
      throw new SyncFailedError(failure === 'shape' ? 'shape' : 'api', `${error.message}${where}`, error.endpoint, cohort);
    }
    throw error;
  }

  private cohortOfKey(key: string): string | null {
    if (key.startsWith(TAG)) return key.slice(TAG.length);
    if (key.startsWith(PROGRESS)) return this.work?.item(key.slice(PROGRESS.length))?.cohort.name ?? null;
    if (key.startsWith(USER_PROGRESS)) return this.userItems().get(key.slice(USER_PROGRESS.length))?.[0]?.cohort.name ?? null;
    return null;
  }

  /** The endpoint label of a request key, for a failure found before its response was parsed. */
  private endpointOfKey(key: string): string {
    const { endpoints } = this.dialect;
    if (key.startsWith(PRODUCT)) return endpoints.product;
    if (key.startsWith(TAG)) return endpoints.tagStudents;
    if (key.startsWith(STUDENT)) return endpoints.student;
    return endpoints.progress;
  }
}

/** Hands out one request (built only when it may go); false once the batch is full. */
type Offer = (key: string, build: () => HttpRequest) => boolean;

/** The reason a v3 answer gets for a tracked product it does not list. */
const SKIP_ABSENT = 'ausente';

/**
 * What the week's skipped pairs cost, from the staged outcomes (so a skip of an earlier slice is said
 * too): one note per product and reason, however many students, and a note at a cohort's `Produtos`
 * cell when none of the students asked about came with the product (what a mistyped id looks like).
 */
function skipNotes(
  items: readonly WorkItem[],
  outcomeOf: (pair: string) => StagedProgress | StagedSkip | undefined,
): { messages: string[]; problems: CohortProblem[] } {
  const groups = new Map<string, { productId: ProductId; reason: string; students: StudentId[] }>();
  const perProduct = new Map<ProductId, number>();
  const perCohort = new Map<string, { cohort: string; productId: ProductId; items: number; skipped: number; reasons: Set<string> }>();
  for (const { cohort, student, productId } of items) {
    const outcome = outcomeOf(workKey(student.studentId, productId));
    // Only the pairs asked this week count: a student carried (not online since, or never) was not.
    if (outcome === undefined || (outcome.kind === 'progress' && outcome.origin === 'Mantido')) continue;
    perProduct.set(productId, (perProduct.get(productId) ?? 0) + 1);
    const tallyKey = workKey(cohort.name, productId);
    const tally = perCohort.get(tallyKey) ?? { cohort: cohort.name, productId, items: 0, skipped: 0, reasons: new Set<string>() };
    perCohort.set(tallyKey, tally);
    tally.items += 1;
    if (outcome.kind !== 'skip') continue;
    tally.skipped += 1;
    tally.reasons.add(outcome.reason);
    const groupKey = workKey(String(productId), outcome.reason);
    const group = groups.get(groupKey) ?? { productId, reason: outcome.reason, students: [] };
    groups.set(groupKey, group);
    group.students.push(student.studentId);
  }
  // A business-rule refusal (409) is about the students, not the id.
  const suspectsId = (reasons: Iterable<string>) => ![...reasons].includes(SKIP_REFUSED);
  const messages = [...groups.values()].map((group) =>
    progressSkipped(group.productId, group.reason, group.students, group.students.length === perProduct.get(group.productId) && suspectsId([group.reason])),
  );
  const problems = [...perCohort.values()]
    .filter((tally) => tally.skipped === tally.items && suspectsId(tally.reasons))
    .map((tally) => ({ cohort: tally.cohort, column: 'Produtos' as const, message: productNobodyHasNote(tally.productId, [...tally.reasons].join(', ')) }));
  return { messages, problems };
}

const SKIP_REFUSED = 'HTTP 409';
