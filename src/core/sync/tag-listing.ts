// Phase 2 of the weekly job: every active cohort's tag listing, all cohorts at once, each followed
// page by page with every guard of the cursor, its students de-duplicated by id. Resumable: the
// checkpoint keeps only which listings ended and the page walks still running.

import { CademiUnsafeUrlError } from '../cademi/errors';
import { advancePageWalk, isPageWalkComplete, newPageWalk, type PageWalk } from '../cademi/pagination';
import type { StudentDateField } from '../cademi/types';
import type { HttpRequest, HttpResponse } from '../http';
import { emptyTagReason, pageLeftOrigin, pagingUntrusted, unknownTagReason } from '../messages/sync';
import type { CohortConfig } from '../model/cohort';
import { compareIds, type StudentId } from '../model/ids';
import { cohortKeys, type SyncCheckpoint } from './checkpoint';
import type { ApiDialect, ListedStudent } from './dialect/dialect';
import { SyncFailedError } from './errors';
import type { StagedStudent } from './staging';

/** Pages per tag before the listing is not trusted to end (400 × 150 students, far above any cohort). */
export const MAX_PAGES_PER_TAG = 400;

/** The listing's part of a checkpoint. */
export type ListingCursor = Pick<SyncCheckpoint, 'listed' | 'unknownTags' | 'walks'>;

/** A walk that ended normally, as a resumed listing knows it (its pages are not needed any more). */
const LISTED: PageWalk = { nextUrl: null, pages: 0, seen: [], stopReason: 'last' };

export class TagListing {
  private readonly walks = new Map<string, PageWalk>();
  /** Cohorts whose tag Cademi does not know (404), in the order they were found. */
  private readonly unknownTags = new Set<string>();
  /** Each cohort's students by id: a cursor may repeat a student across pages, a resumed slice re-reads the staging. */
  private readonly students = new Map<string, Map<StudentId, StagedStudent>>();
  /** Students Cademi sent an impossible date for, by field (a set: a student may be listed by two tags). */
  private readonly impossibleDates = new Map<StudentDateField, Set<StudentId>>();

  /**
   * @param cohorts the run's cohorts, in `Turmas` order
   * @param hasHistory whether `Histórico` holds rows of a cohort (an empty listing then keeps them)
   * @param resume the checkpoint of an earlier slice; keys of cohorts no longer active are ignored
   */
  constructor(
    readonly cohorts: readonly CohortConfig[],
    private readonly dialect: ApiDialect,
    private readonly hasHistory: (cohort: string) => boolean,
    resume?: ListingCursor,
  ) {
    for (const cohort of cohorts) this.students.set(cohort.name, new Map());
    if (resume) this.resume(resume);
    for (const cohort of cohorts) {
      if (!this.walks.has(cohort.name)) this.walks.set(cohort.name, newPageWalk(dialect.tagPageRequest(cohort.tagId).url));
    }
  }

  /** The cohorts whose next page may be asked for now, in `Turmas` order. */
  pending(): CohortConfig[] {
    return this.cohorts.filter((cohort) => {
      const walk = this.walkOf(cohort.name);
      return !this.unknownTags.has(cohort.name) && walk.nextUrl !== null && walk.stopReason === null;
    });
  }

  /** True once every listing has ended (or its tag turned out unknown). */
  done(): boolean {
    return this.pending().length === 0;
  }

  /**
   * The request for a cohort's next page. A next URL on another origin fails the run: the token is
   * never sent there, and without that page the cohort would be silently incomplete.
   */
  pageRequest(cohort: CohortConfig): HttpRequest {
    const walk = this.walkOf(cohort.name);
    if (walk.pages === 0) return this.dialect.tagPageRequest(cohort.tagId);
    if (walk.nextUrl === null) throw new Error(`TagListing.pageRequest: the listing of ${cohort.name} has ended`);
    const endpoint = this.dialect.endpoints.tagStudents;
    try {
      return this.dialect.nextTagPageRequest(walk.nextUrl, cohort.tagId);
    } catch (error) {
      if (!(error instanceof CademiUnsafeUrlError)) throw error;
      throw new SyncFailedError('api', pageLeftOrigin(endpoint, cohort.tagId, error.unsafeOrigin), endpoint, cohort.name);
    }
  }

  /**
   * Reads one page of a cohort's listing and advances its walk. Returns the page's students (the
   * caller stages them through `addStudent`), or null when Cademi does not know the tag: the cohort
   * is then out of the run. Throws SyncFailedError when the walk repeats a URL or reaches the page
   * cap: a week with students missing is worse than none. Other errors are the caller's to map.
   */
  acceptPage(cohortName: string, response: HttpResponse): StagedStudent[] | null {
    const cohort = this.cohortNamed(cohortName);
    const page = this.dialect.readTagPage(response, cohort.tagId);
    if (page === null) {
      this.unknownTags.add(cohortName);
      return null;
    }
    const endpoint = this.dialect.endpoints.tagStudents;
    const walk = advancePageWalk(this.walkOf(cohortName), { itemCount: page.students.length, nextPageUrl: page.nextPageUrl }, MAX_PAGES_PER_TAG);
    this.walks.set(cohortName, walk);
    if (walk.stopReason === 'repeated' || walk.stopReason === 'cap') {
      throw new SyncFailedError('api', pagingUntrusted(endpoint, cohort.tagId, walk.stopReason, MAX_PAGES_PER_TAG), endpoint, cohortName);
    }
    return page.students.map((student) => stagedStudent(cohortName, student.id, student));
  }

  /** Keeps a student of a cohort of the run; false for a repeat or a cohort the run does not have. */
  addStudent(record: StagedStudent): boolean {
    const cohort = this.students.get(record.cohort);
    if (!cohort || cohort.has(record.studentId)) return false;
    cohort.set(record.studentId, record);
    for (const field of record.impossibleDates ?? []) {
      const students = this.impossibleDates.get(field) ?? new Set<StudentId>();
      this.impossibleDates.set(field, students.add(record.studentId));
    }
    return true;
  }

  /** A cohort's students, in the order they were first listed. */
  studentsOf(cohortName: string): Iterable<StagedStudent> {
    return this.students.get(cohortName)?.values() ?? [];
  }

  /** Every student some cohort listed (or that was fetched into one). */
  listedIds(): Set<StudentId> {
    const ids = new Set<StudentId>();
    for (const students of this.students.values()) for (const id of students.keys()) ids.add(id);
    return ids;
  }

  /** The cohorts whose tag Cademi does not know, in the order found (a resumed slice: the checkpoint's). */
  unknownTagCohorts(): CohortConfig[] {
    return [...this.unknownTags].map((name) => this.cohortNamed(name));
  }

  /**
   * The cohorts whose listing ended with nobody while the history has their rows: an empty answer
   * (a tag emptied by mistake, a server answering `[]`) is no reason to erase a cohort's week.
   */
  emptyCohorts(): CohortConfig[] {
    return this.cohorts.filter((cohort) => !this.unknownTags.has(cohort.name) && this.listedEmptyWithHistory(cohort));
  }

  /** Why the run does not collect a cohort (its old rows of the week then stay), or null when it does. */
  notCollectedReason(cohort: CohortConfig): string | null {
    if (this.unknownTags.has(cohort.name)) return unknownTagReason(cohort.tagId);
    return this.listedEmptyWithHistory(cohort) ? emptyTagReason(cohort.tagId) : null;
  }

  /** The cohorts the run collects, in `Turmas` order. */
  collectable(): CohortConfig[] {
    return this.cohorts.filter((cohort) => this.notCollectedReason(cohort) === null);
  }

  /** Students with an impossible date, by field, in the order first seen. */
  impossibleDateStudents(): [StudentDateField, StudentId[]][] {
    return [...this.impossibleDates].map(([field, students]) => [field, [...students].sort(compareIds)]);
  }

  /**
   * Where the listings stand, for the checkpoint: per cohort only whether its listing ended (or its
   * tag is unknown) and, while it is listing, its page walk. A cohort not yet started is left out.
   */
  cursor(): ListingCursor {
    const keys = cohortKeys(this.cohorts);
    const listed: string[] = [];
    const unknownTags: string[] = [];
    const walks: Record<string, PageWalk> = {};
    for (const cohort of this.cohorts) {
      const key = keys.get(cohort.name)!;
      const walk = this.walkOf(cohort.name);
      if (this.unknownTags.has(cohort.name)) unknownTags.push(key);
      else if (isPageWalkComplete(walk)) listed.push(key);
      else if (walk.stopReason === null && walk.nextUrl !== null && walk.pages > 0) walks[key] = walk;
    }
    return { listed, unknownTags, walks };
  }

  private resume(cursor: ListingCursor): void {
    const keys = cohortKeys(this.cohorts);
    const byKey = new Map(this.cohorts.map((cohort) => [keys.get(cohort.name)!, cohort]));
    for (const key of cursor.listed) {
      const cohort = byKey.get(key);
      if (cohort) this.walks.set(cohort.name, LISTED);
    }
    for (const key of cursor.unknownTags) {
      const cohort = byKey.get(key);
      if (cohort) this.unknownTags.add(cohort.name);
    }
    for (const [key, walk] of Object.entries(cursor.walks)) {
      const cohort = byKey.get(key);
      if (cohort) this.walks.set(cohort.name, walk);
    }
  }

  private listedEmptyWithHistory(cohort: CohortConfig): boolean {
    return isPageWalkComplete(this.walkOf(cohort.name)) && this.students.get(cohort.name)!.size === 0 && this.hasHistory(cohort.name);
  }

  private walkOf(cohortName: string): PageWalk {
    return this.walks.get(cohortName)!;
  }

  /** The run's cohort of that name (a key or a cursor of this run names only those). */
  cohortNamed(name: string): CohortConfig {
    return this.cohorts.find((candidate) => candidate.name === name)!;
  }
}

/** A student as the staging sheet keeps it, in the cohort that listed (or was given) them. */
export function stagedStudent(cohort: string, studentId: StudentId, student: ListedStudent): StagedStudent {
  return {
    kind: 'student',
    cohort,
    studentId,
    name: student.name,
    email: student.email,
    phone: student.phone,
    createdAt: student.createdAt,
    lastAccessAt: student.lastAccessAt,
    ...(student.impossibleDates ? { impossibleDates: student.impossibleDates } : {}),
  };
}
