// A deterministic, seeded school: catalogue, students and pure "what was true at instant t" queries.

import type { LocalDate } from '../core/time/local-date';
import { buildTimeline, replayLessons, sessionsUntil, sessionTimeAt, slotCountsAt, slotOf, type Timeline } from './activity';
import { SCHOOL_TIME_ZONE, SchoolCalendar } from './calendar';
import {
  BONUS_PRODUCT_ID,
  buildCohorts,
  buildProducts,
  buildTags,
  type Cohort,
  cohortAt,
  type Lesson,
  type Product,
  type Tag,
  VIP_TAG,
  WAITING_LIST_TAG,
} from './catalog';
import { buildRoster, type Student } from './roster';

/** Options of `createSchool`. */
export interface SchoolOptions {
  /** Seed of every random choice (default 42). Same seed, same school, same answers. */
  seed?: number;
  /** How many students (default 500). */
  studentCount?: number;
}

/** A student's progress in one product at some instant (counts only: cheap to ask). */
export interface ProgressSummary {
  readonly completed: number;
  readonly opened: number;
  readonly totalLessons: number;
  /** Lessons that have an `acesso_em` (every opened lesson has one). */
  readonly lessonsWithAccess: number;
  /** max(acesso_em) over the product's lessons, null when none was opened. */
  readonly lastActivityAt: number | null;
}

/** One opened lesson as `aulas[]` reports it. */
export interface LessonVisit {
  readonly lesson: Lesson;
  readonly count: number;
  readonly lastAccessAt: number;
  readonly completed: boolean;
}

/** A student's access to a product at some instant (`acesso[]`). */
export interface ProductAccess {
  readonly product: Product;
  readonly startedAt: number;
  /** null = no end (lifetime access). */
  readonly endsAt: number | null;
  readonly durationMonths: number | null;
  readonly durationType: 'vitalicio' | 'months';
  readonly ended: boolean;
}

/** The simulated school. All `…At(…, t)` queries are pure functions of the seed and t. */
export interface School {
  readonly seed: number;
  readonly timeZone: string;
  readonly calendar: SchoolCalendar;
  /** The monthly cohorts (tags 101..105), for a demo to fill its configuration from. */
  readonly cohorts: readonly Cohort[];
  /** All products in `ordem` (the studied ones and catalogue extras). */
  readonly products: readonly Product[];
  /** All tags by id. */
  readonly tags: readonly Tag[];
  /** All students by id, including those not yet enrolled at a given instant. */
  readonly students: readonly Student[];
  studentById(id: number): Student | undefined;
  /** Finds a student by numeric id, e-mail (any case) or CPF (with or without punctuation). */
  findStudent(idEmailOrDoc: string): Student | undefined;
  productById(id: number): Product | undefined;
  tagById(id: number): Tag | undefined;
  /** True once the student's account exists (`criado_em` ≤ t). */
  existsAt(studentId: number, t: number): boolean;
  /** Students carrying a tag at t, ordered by id. A switcher carries only one cohort tag at a time. */
  studentsWithTagAt(tagId: number, t: number): Student[];
  /** The tag ids a student carries at t. */
  tagsOfStudentAt(studentId: number, t: number): number[];
  /** The last session at or before t (`ultimo_acesso_em`), null if none. */
  lastAccessAt(studentId: number, t: number): number | null;
  /** Counts of one product at t; undefined when the student has no access to the product. */
  progressAt(studentId: number, productId: number, t: number): ProgressSummary | undefined;
  /** The opened lessons of one product at t, by `ordem` (slower: replays the sessions). */
  lessonVisitsAt(studentId: number, productId: number, t: number): LessonVisit[];
  /** The student's product accesses at t (empty before the account exists). */
  accessesAt(studentId: number, t: number): ProductAccess[];
  /** All session instants of a student (for tests and benchmarks). */
  sessionTimesOf(studentId: number): readonly number[];
}

const DEFAULT_SEED = 42;
const DEFAULT_STUDENT_COUNT = 500;
const CALENDAR_FIRST_DATE: LocalDate = '2026-06-01'; // a Monday, before any enrolment
const CALENDAR_DAYS = 520;
const ACCESS_MONTHS = 12;
const DAY_MS = 86_400_000;

function digitsOnly(text: string): string {
  return text.replace(/\D/g, '');
}

/** Builds the school for a seed. Cheap: timelines are built lazily, once per student. */
export function createSchool(options: SchoolOptions = {}): School {
  const seed = options.seed ?? DEFAULT_SEED;
  const studentCount = options.studentCount ?? DEFAULT_STUDENT_COUNT;
  if (!Number.isInteger(studentCount) || studentCount < 1) throw new Error(`studentCount must be a positive integer, got ${studentCount}`);

  const calendar = new SchoolCalendar(CALENDAR_FIRST_DATE, CALENDAR_DAYS);
  const cohorts = buildCohorts();
  const products = buildProducts();
  const tags = buildTags(cohorts);
  const students = buildRoster(seed, studentCount, cohorts, calendar);

  const productsById = new Map(products.map((product) => [product.id, product]));
  const tagsById = new Map(tags.map((tag) => [tag.id, tag]));
  const studentsById = new Map(students.map((student) => [student.id, student]));
  const studentsByEmail = new Map(students.map((student) => [student.email.toLowerCase(), student]));
  const studentsByDoc = new Map(students.filter((s) => s.doc !== null).map((s) => [digitsOnly(s.doc as string), s]));
  const timelines = new Map<number, Timeline>();

  // Candidates per tag, by id; time filters are applied per query.
  const candidatesByTag = new Map<number, Student[]>(tags.map((tag) => [tag.id, []]));
  for (const student of students) {
    candidatesByTag.get(cohortAt(cohorts, student.cohortIndex).tagId)?.push(student);
    if (student.switchAt !== null) candidatesByTag.get(cohortAt(cohorts, student.cohortIndex + 1).tagId)?.push(student);
    if (student.vip) candidatesByTag.get(VIP_TAG.id)?.push(student);
    if (student.waitingList) candidatesByTag.get(WAITING_LIST_TAG.id)?.push(student);
  }
  for (const list of candidatesByTag.values()) list.sort((a, b) => a.id - b.id);

  function timelineOf(student: Student): Timeline {
    let timeline = timelines.get(student.id);
    if (!timeline) {
      timeline = buildTimeline(seed, student, calendar, productsById);
      timelines.set(student.id, timeline);
    }
    return timeline;
  }

  function cohortTagAt(student: Student, t: number): number {
    const moved = student.switchAt !== null && t >= student.switchAt;
    return cohortAt(cohorts, student.cohortIndex + (moved ? 1 : 0)).tagId;
  }

  function tagsOf(student: Student, t: number): number[] {
    if (t < student.createdAt) return [];
    const tagIds = [cohortTagAt(student, t)];
    if (student.vip) tagIds.push(VIP_TAG.id);
    if (student.waitingList) tagIds.push(WAITING_LIST_TAG.id);
    return tagIds.sort((a, b) => a - b);
  }

  function hasAccess(student: Student, productId: number): boolean {
    return student.productIds.includes(productId);
  }

  return {
    seed,
    timeZone: SCHOOL_TIME_ZONE,
    calendar,
    cohorts,
    products,
    tags,
    students,
    studentById: (id) => studentsById.get(id),
    findStudent(idEmailOrDoc) {
      const key = idEmailOrDoc.trim();
      if (/^\d+$/.test(key)) {
        const byId = studentsById.get(Number(key));
        if (byId) return byId;
      }
      return studentsByEmail.get(key.toLowerCase()) ?? (digitsOnly(key).length === 11 ? studentsByDoc.get(digitsOnly(key)) : undefined);
    },
    productById: (id) => productsById.get(id),
    tagById: (id) => tagsById.get(id),
    existsAt(studentId, t) {
      const student = studentsById.get(studentId);
      return student !== undefined && t >= student.createdAt;
    },
    studentsWithTagAt(tagId, t) {
      return (candidatesByTag.get(tagId) ?? []).filter((student) => tagsOf(student, t).includes(tagId));
    },
    tagsOfStudentAt(studentId, t) {
      const student = studentsById.get(studentId);
      return student ? tagsOf(student, t) : [];
    },
    lastAccessAt(studentId, t) {
      const student = studentsById.get(studentId);
      if (!student) return null;
      const timeline = timelineOf(student);
      const count = sessionsUntil(timeline, t);
      return count === 0 ? null : sessionTimeAt(timeline, count - 1);
    },
    progressAt(studentId, productId, t) {
      const student = studentsById.get(studentId);
      const product = productsById.get(productId);
      if (!student || !product || !hasAccess(student, productId)) return undefined;
      const totalLessons = product.lessons.length;
      const timeline = timelineOf(student);
      const count = sessionsUntil(timeline, t);
      const slot = slotOf(productId);
      if (count === 0 || slot < 0) return { completed: 0, opened: 0, totalLessons, lessonsWithAccess: 0, lastActivityAt: null };
      const { completed, opened, lastTouch } = slotCountsAt(timeline, count - 1, slot);
      return {
        completed,
        opened,
        totalLessons,
        lessonsWithAccess: opened,
        lastActivityAt: lastTouch < 0 ? null : sessionTimeAt(timeline, lastTouch),
      };
    },
    lessonVisitsAt(studentId, productId, t) {
      const student = studentsById.get(studentId);
      const product = productsById.get(productId);
      if (!student || !product || !hasAccess(student, productId)) return [];
      const timeline = timelineOf(student);
      const records = replayLessons(seed, student, calendar, productsById, timeline, sessionsUntil(timeline, t), productId);
      const visits: LessonVisit[] = [];
      // replayLessons keeps one record per lesson of the product, in order.
      product.lessons.forEach((lesson, position) => {
        const record = records[position];
        if (record && record.count > 0) {
          visits.push({ lesson, count: record.count, lastAccessAt: record.lastAccessAt, completed: record.completed });
        }
      });
      return visits;
    },
    accessesAt(studentId, t) {
      const student = studentsById.get(studentId);
      if (!student || t < student.createdAt) return [];
      return student.productIds.map((productId): ProductAccess => {
        const product = productsById.get(productId) as Product;
        // The bonus is a lifetime gift; course access lasts a year unless the school closes it.
        if (productId === BONUS_PRODUCT_ID) {
          return { product, startedAt: student.createdAt, endsAt: null, durationMonths: null, durationType: 'vitalicio', ended: false };
        }
        const closedEarly = student.accessEndsAt !== null && t >= student.accessEndsAt;
        const plannedEnd = student.createdAt + Math.round((ACCESS_MONTHS * 365.25 * DAY_MS) / 12 / 1000) * 1000;
        return {
          product,
          startedAt: student.createdAt,
          endsAt: closedEarly ? (student.accessEndsAt as number) : plannedEnd,
          durationMonths: ACCESS_MONTHS,
          durationType: 'months',
          ended: closedEarly || t >= plannedEnd,
        };
      });
    },
    sessionTimesOf(studentId) {
      const student = studentsById.get(studentId);
      return student ? timelineOf(student).sessionTimes : [];
    },
  };
}
