// Study sessions and the lesson progress they produce: progress only ever changes at a session.

import { instantInDay, type SchoolCalendar } from './calendar';
import { BONUS_PRODUCT_ID, type Product, TRACKED_PRODUCT_IDS } from './catalog';
import { hashInt, hashUnit } from './random';
import type { Profile, Student } from './roster';

/** Products a session can work on, in study order; a student's slot j is STUDY_ORDER[j]. */
export const STUDY_ORDER = [...TRACKED_PRODUCT_IDS, BONUS_PRODUCT_ID];
const SLOT_COUNT = STUDY_ORDER.length;
const BONUS_SLOT = STUDY_ORDER.indexOf(BONUS_PRODUCT_ID);
const TRACKED_SLOTS = TRACKED_PRODUCT_IDS.length;

const SALT = { attend: 41, hour: 42, lessons: 43, pending: 44, overlap: 45, bonus: 46, rewatch: 47 };

/**
 * Chance of a session on a weekday while the student is active. With 1–2 lessons a session
 * (2–3 for fast students), a steady student needs about five months for the 72 tracked lessons
 * and a fast one about two: a cohort's curves spread out over a 12-week window.
 */
const DAILY_ACTIVITY: Record<Profile, number> = {
  steady: 0.35,
  fast: 0.6,
  stalled: 0.35,
  late: 0.35,
  dropout: 0.35,
  switcher: 0.4,
  never: 0,
};
/** Switchers barely study in the cohort they are about to leave. */
const SWITCHER_ACTIVITY_BEFORE_MOVE = 0.2;
const WEEKEND_FACTOR = 0.5;

/** The lesson-level state of one product for one student, at some instant. */
export interface LessonRecord {
  /** Times opened (0 = never). */
  count: number;
  /** Last opening, epoch ms (0 when never opened). */
  lastAccessAt: number;
  completed: boolean;
}

/** Lesson states per slot (see STUDY_ORDER), mutated session by session. */
type LessonBook = LessonRecord[][];

/** A student's whole study history: session instants plus cumulative counts after each session. */
export interface Timeline {
  /** Session instants, ascending. */
  readonly sessionTimes: readonly number[];
  /** After session i, slot j: [completed, opened, index of the last session touching it or -1]. */
  readonly counts: Int16Array;
}

function emptyBook(products: ReadonlyMap<number, Product>): LessonBook {
  return STUDY_ORDER.map((productId) => (products.get(productId)?.lessons ?? []).map(() => ({ count: 0, lastAccessAt: 0, completed: false })));
}

function openedCount(lessons: LessonRecord[]): number {
  let opened = 0;
  while (opened < lessons.length && lessons[opened].count > 0) opened++;
  return opened;
}

function touch(lesson: LessonRecord, at: number, complete: boolean): void {
  lesson.count++;
  lesson.lastAccessAt = at;
  if (complete) lesson.completed = true;
}

/**
 * Applies session `index` (at instant `at`) to the book. Everything here is a function of the
 * seed, the student and the session index, so replaying sessions always gives the same book.
 */
function applySession(seed: number, student: Student, book: LessonBook, index: number, at: number, day: number): void {
  const id = student.id;
  const tracked = book.slice(0, TRACKED_SLOTS);
  const mainSlot = tracked.findIndex((lessons) => openedCount(lessons) < lessons.length);

  if (student.stallDay !== null && day >= student.stallDay) {
    // Stalled: logs in and reopens the furthest lesson, but completes nothing more.
    const slot = mainSlot < 0 ? TRACKED_SLOTS - 1 : mainSlot;
    const lessons = openedCount(book[slot]) > 0 ? book[slot] : book[Math.max(0, slot - 1)];
    const furthest = Math.max(0, openedCount(lessons) - 1);
    touch(lessons[furthest], at, false);
    return;
  }

  // Lessons left half-watched last time are finished first.
  for (const lessons of book) {
    for (const lesson of lessons) if (lesson.count > 0 && !lesson.completed) touch(lesson, at, true);
  }

  if (mainSlot < 0) {
    // Everything tracked is opened: a rewatch of some lesson.
    const slot = hashInt(seed, 0, TRACKED_SLOTS - 1, SALT.rewatch, id, index);
    const lessons = book[slot];
    touch(lessons[hashInt(seed, 0, lessons.length - 1, SALT.rewatch, id, index, 1)], at, true);
  } else {
    const lessons = book[mainSlot];
    const perSession = student.profile === 'fast' ? hashInt(seed, 2, 3, SALT.lessons, id, index) : hashInt(seed, 1, 2, SALT.lessons, id, index);
    const first = openedCount(lessons);
    const last = Math.min(lessons.length, first + perSession) - 1;
    for (let position = first; position <= last; position++) {
      const leftHalfWatched = position === last && hashUnit(seed, SALT.pending, id, index) < 0.3;
      touch(lessons[position], at, !leftHalfWatched);
    }
    // Near the end of a product, students peek at the next one (products overlap a little).
    const nextSlot = mainSlot + 1;
    if (nextSlot < TRACKED_SLOTS && (last + 1) / lessons.length >= 0.75 && hashUnit(seed, SALT.overlap, id, index) < 0.35) {
      const nextLessons = book[nextSlot];
      const nextPosition = openedCount(nextLessons);
      if (nextPosition < nextLessons.length) touch(nextLessons[nextPosition], at, true);
    }
  }

  if (student.productIds.includes(BONUS_PRODUCT_ID) && hashUnit(seed, SALT.bonus, id, index) < 0.12) {
    const bonus = book[BONUS_SLOT];
    const position = openedCount(bonus);
    if (position < bonus.length) touch(bonus[position], at, true);
  }
}

function activityChance(student: Student, day: number, at: number): number {
  if (student.profile === 'switcher' && student.switchAt !== null && at < student.switchAt) return SWITCHER_ACTIVITY_BEFORE_MOVE;
  const weekday = day % 7; // day 0 of the calendar is a Monday
  return DAILY_ACTIVITY[student.profile] * (weekday >= 5 ? WEEKEND_FACTOR : 1);
}

/** The instants of a student's sessions: at most one a day, drawn per day from the hash. */
function sessionTimesOf(seed: number, student: Student, calendar: SchoolCalendar): number[] {
  const times: number[] = [];
  if (student.firstAccessDay === null) return times;
  for (let day = student.firstAccessDay; day <= student.lastActiveDay; day++) {
    const at = instantInDay(calendar, day, 7 + 16 * hashUnit(seed, SALT.hour, student.id, day));
    // The first access day always has a session: that is what makes it the first access.
    if (day === student.firstAccessDay || hashUnit(seed, SALT.attend, student.id, day) < activityChance(student, day, at)) {
      times.push(at);
    }
  }
  return times;
}

/** Builds a student's timeline: all sessions and the counts after each one. */
export function buildTimeline(seed: number, student: Student, calendar: SchoolCalendar, products: ReadonlyMap<number, Product>): Timeline {
  const sessionTimes = sessionTimesOf(seed, student, calendar);
  const counts = new Int16Array(sessionTimes.length * SLOT_COUNT * 3);
  const book = emptyBook(products);
  const lastTouch = new Array<number>(SLOT_COUNT).fill(-1);
  sessionTimes.forEach((at, index) => {
    applySession(seed, student, book, index, at, calendar.dayAt(at));
    book.forEach((lessons, slot) => {
      let completed = 0;
      let opened = 0;
      for (const lesson of lessons) {
        if (lesson.count > 0) opened++;
        if (lesson.completed) completed++;
        if (lesson.lastAccessAt === at) lastTouch[slot] = index;
      }
      const base = (index * SLOT_COUNT + slot) * 3;
      counts[base] = completed;
      counts[base + 1] = opened;
      counts[base + 2] = lastTouch[slot];
    });
  });
  return { sessionTimes, counts };
}

/** How many sessions happened at or before `at` (binary search). */
export function sessionsUntil(timeline: Timeline, at: number): number {
  const times = timeline.sessionTimes;
  let low = 0;
  let high = times.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (times[middle] <= at) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The slot of a product in STUDY_ORDER, or -1 when sessions never work on it. */
export function slotOf(productId: number): number {
  return STUDY_ORDER.indexOf(productId);
}

/** Replays the first `sessionCount` sessions and returns one product's lesson states. */
export function replayLessons(
  seed: number,
  student: Student,
  calendar: SchoolCalendar,
  products: ReadonlyMap<number, Product>,
  timeline: Timeline,
  sessionCount: number,
  productId: number,
): LessonRecord[] {
  const book = emptyBook(products);
  for (let index = 0; index < sessionCount; index++) {
    const at = timeline.sessionTimes[index];
    applySession(seed, student, book, index, at, calendar.dayAt(at));
  }
  const slot = slotOf(productId);
  return slot < 0 ? [] : book[slot];
}
