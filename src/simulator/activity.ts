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
  while ((lessons[opened]?.count ?? 0) > 0) opened++;
  return opened;
}

/** Slot `slot` of the book: the book has one slot per STUDY_ORDER entry, so a missing one is a bug. */
function slotIn(book: LessonBook, slot: number): LessonRecord[] {
  const lessons = book[slot];
  if (!lessons) throw new Error(`Slot ${slot} is outside the lesson book (${book.length} slots)`);
  return lessons;
}

/** Lesson `position` of a slot: positions are drawn within the slot's length, so a missing one is a bug. */
function lessonAt(lessons: LessonRecord[], position: number): LessonRecord {
  const lesson = lessons[position];
  if (!lesson) throw new Error(`Lesson ${position} is outside a slot of ${lessons.length} lessons`);
  return lesson;
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
    const current = slotIn(book, slot);
    const lessons = openedCount(current) > 0 ? current : slotIn(book, Math.max(0, slot - 1));
    const furthest = Math.max(0, openedCount(lessons) - 1);
    touch(lessonAt(lessons, furthest), at, false);
    return;
  }

  // Lessons left half-watched last time are finished first.
  for (const lessons of book) {
    for (const lesson of lessons) if (lesson.count > 0 && !lesson.completed) touch(lesson, at, true);
  }

  if (mainSlot < 0) {
    // Everything tracked is opened: a rewatch of some lesson.
    const slot = hashInt(seed, 0, TRACKED_SLOTS - 1, SALT.rewatch, id, index);
    const lessons = slotIn(book, slot);
    touch(lessonAt(lessons, hashInt(seed, 0, lessons.length - 1, SALT.rewatch, id, index, 1)), at, true);
  } else {
    const lessons = slotIn(book, mainSlot);
    const perSession = student.profile === 'fast' ? hashInt(seed, 2, 3, SALT.lessons, id, index) : hashInt(seed, 1, 2, SALT.lessons, id, index);
    const first = openedCount(lessons);
    const last = Math.min(lessons.length, first + perSession) - 1;
    for (let position = first; position <= last; position++) {
      const leftHalfWatched = position === last && hashUnit(seed, SALT.pending, id, index) < 0.3;
      touch(lessonAt(lessons, position), at, !leftHalfWatched);
    }
    // Near the end of a product, students peek at the next one (products overlap a little).
    const nextSlot = mainSlot + 1;
    if (nextSlot < TRACKED_SLOTS && (last + 1) / lessons.length >= 0.75 && hashUnit(seed, SALT.overlap, id, index) < 0.35) {
      const nextLessons = slotIn(book, nextSlot);
      const nextLesson = nextLessons[openedCount(nextLessons)];
      if (nextLesson) touch(nextLesson, at, true);
    }
  }

  if (student.productIds.includes(BONUS_PRODUCT_ID) && hashUnit(seed, SALT.bonus, id, index) < 0.12) {
    const bonus = slotIn(book, BONUS_SLOT);
    const nextLesson = bonus[openedCount(bonus)];
    if (nextLesson) touch(nextLesson, at, true);
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
      let touched = lastTouch[slot] ?? -1;
      for (const lesson of lessons) {
        if (lesson.count > 0) opened++;
        if (lesson.completed) completed++;
        if (lesson.lastAccessAt === at) touched = index;
      }
      lastTouch[slot] = touched;
      const base = (index * SLOT_COUNT + slot) * 3;
      counts[base] = completed;
      counts[base + 1] = opened;
      counts[base + 2] = touched;
    });
  });
  return { sessionTimes, counts };
}

/** The instant of session `session` (0-based; callers count sessions with `sessionsUntil`). */
export function sessionTimeAt(timeline: Timeline, session: number): number {
  const at = timeline.sessionTimes[session];
  if (at === undefined) throw new Error(`Session ${session} is outside a timeline of ${timeline.sessionTimes.length} sessions`);
  return at;
}

/** One slot's counts after session `session`, as `buildTimeline` stored them. */
export function slotCountsAt(timeline: Timeline, session: number, slot: number): { completed: number; opened: number; lastTouch: number } {
  const base = (session * SLOT_COUNT + slot) * 3;
  const { counts } = timeline;
  const completed = counts[base];
  const opened = counts[base + 1];
  const lastTouch = counts[base + 2];
  if (completed === undefined || opened === undefined || lastTouch === undefined) {
    throw new Error(`Session ${session}, slot ${slot} is outside the timeline's counts`);
  }
  return { completed, opened, lastTouch };
}

/** How many sessions happened at or before `at` (binary search). */
export function sessionsUntil(timeline: Timeline, at: number): number {
  const times = timeline.sessionTimes;
  let low = 0;
  let high = times.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    // low <= middle < high <= times.length: the entry exists.
    if ((times[middle] ?? Number.POSITIVE_INFINITY) <= at) low = middle + 1;
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
  for (const [index, at] of timeline.sessionTimes.slice(0, sessionCount).entries()) {
    applySession(seed, student, book, index, at, calendar.dayAt(at));
  }
  const slot = slotOf(productId);
  return slot < 0 ? [] : slotIn(book, slot);
}
