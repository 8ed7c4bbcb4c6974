// The simulated students: who they are, which cohort they join and how they behave (their profile).

import { instantInDay, type SchoolCalendar } from './calendar';
import { BONUS_PRODUCT_ID, COHORT_SHARES, type Cohort, cohortAt, TRACKED_PRODUCT_IDS } from './catalog';
import { FORMULA_NAME, identityOf, MARKUP_NAME } from './people';
import { hashInt, hashUnit } from './random';

/** How a student behaves over the weeks. */
export type Profile = 'steady' | 'fast' | 'stalled' | 'late' | 'dropout' | 'switcher' | 'never';

/** Every profile once, in the order the first students of each cohort receive them. */
export const PROFILES: readonly Profile[] = ['steady', 'fast', 'stalled', 'late', 'dropout', 'switcher', 'never'];

// Shares of the remaining students (cumulative thresholds are derived below).
const PROFILE_SHARES: ReadonlyArray<[Profile, number]> = [
  ['steady', 0.36],
  ['fast', 0.12],
  ['stalled', 0.12],
  ['late', 0.1],
  ['dropout', 0.12],
  ['switcher', 0.08],
  ['never', 0.1],
];

/** First student id (the docs' samples use ids in the thousands). */
export const FIRST_STUDENT_ID = 1001;
/** How long after their first access students keep studying at all. */
const ACTIVE_WEEKS = 40;

const SALT = {
  profile: 21,
  firstAccess: 22,
  stall: 23,
  drop: 24,
  accessEnd: 25,
  switchDay: 26,
  switchHour: 27,
  created: 28,
  createdHour: 29,
  gratis: 30,
  vip: 31,
  bonus: 32,
  waiting: 33,
  percentComma: 34,
  dateOffset: 35,
};

/** One simulated student, fixed for the whole simulation (what changes over time lives in activity.ts). */
export interface Student {
  readonly id: number;
  readonly nome: string;
  readonly email: string;
  readonly doc: string | null;
  readonly celular: string | null;
  /** A fake auto-login URL: a credential in the real API, so clients must never keep it. */
  readonly loginAutoUrl: string;
  readonly gratis: boolean;
  readonly createdAt: number;
  readonly profile: Profile;
  /** Index into the school's cohorts of the cohort the student enrolled in. */
  readonly cohortIndex: number;
  /** Product ids the student can access (the tracked ones, plus the bonus for some). */
  readonly productIds: readonly number[];
  readonly vip: boolean;
  readonly waitingList: boolean;
  /** Day number of the first session, null for students who never access. */
  readonly firstAccessDay: number | null;
  /** Last day with any session (end of the active period, or the dropout's last week). */
  readonly lastActiveDay: number;
  /** Stalled students: from this day on, sessions no longer complete lessons. */
  readonly stallDay: number | null;
  /** Dropouts: the instant their product accesses are closed (`encerrado: true`). */
  readonly accessEndsAt: number | null;
  /** Switchers: the instant they move to the next cohort's tag. */
  readonly switchAt: number | null;
  /** Some students' `total` comes as "41,7%" instead of "41.7%". */
  readonly percentWithComma: boolean;
  /** Some students' dates come as "…T…-03:00" instead of "YYYY-MM-DD HH:MM:SS". */
  readonly datesWithOffset: boolean;
}

/** How many students each cohort gets, summing exactly to `studentCount`. */
function cohortSizes(studentCount: number, cohortCount: number): number[] {
  const sizes: number[] = [];
  let cumulativeShare = 0;
  let assigned = 0;
  for (let index = 0; index < cohortCount; index++) {
    cumulativeShare += COHORT_SHARES[index] ?? 0;
    const boundary = index === cohortCount - 1 ? studentCount : Math.round(studentCount * cumulativeShare);
    sizes.push(boundary - assigned);
    assigned = boundary;
  }
  return sizes;
}

function drawProfile(seed: number, studentId: number): Profile {
  const draw = hashUnit(seed, SALT.profile, studentId);
  let threshold = 0;
  for (const [profile, share] of PROFILE_SHARES) {
    threshold += share;
    if (draw < threshold) return profile;
  }
  return 'steady';
}

function profileOf(seed: number, studentId: number, positionInCohort: number, isLastCohort: boolean): Profile {
  // The first students of every cohort cover every profile, so even a tiny school shows them all.
  const profile = PROFILES[positionInCohort] ?? drawProfile(seed, studentId);
  // The last cohort has no next cohort to switch to.
  return profile === 'switcher' && isLastCohort ? 'steady' : profile;
}

interface StudentPlacement {
  readonly id: number;
  readonly cohortIndex: number;
  readonly positionInCohort: number;
}

function buildStudent(seed: number, placement: StudentPlacement, cohorts: readonly Cohort[], calendar: SchoolCalendar): Student {
  const { id, cohortIndex, positionInCohort } = placement;
  const isLastCohort = cohortIndex === cohorts.length - 1;
  const profile = profileOf(seed, id, positionInCohort, isLastCohort);
  const startDay = calendar.dayOf(cohortAt(cohorts, cohortIndex).start);
  // Two fixed students carry hostile names (ids 1008 and 1009, in the first cohort).
  const specialName = id === FIRST_STUDENT_ID + 7 ? FORMULA_NAME : id === FIRST_STUDENT_ID + 8 ? MARKUP_NAME : undefined;
  const identity = identityOf(seed, id, specialName);

  let firstAccessDay: number | null = startDay + hashInt(seed, 0, 3, SALT.firstAccess, id);
  if (profile === 'late') firstAccessDay = startDay + hashInt(seed, 14, 28, SALT.firstAccess, id);
  if (profile === 'never') firstAccessDay = null;

  const activeUntilDay = (firstAccessDay ?? startDay) + ACTIVE_WEEKS * 7;
  let lastActiveDay = activeUntilDay;
  let stallDay: number | null = null;
  let accessEndsAt: number | null = null;
  let switchAt: number | null = null;
  if (profile === 'stalled' && firstAccessDay !== null) {
    stallDay = firstAccessDay + 7 * hashInt(seed, 2, 5, SALT.stall, id);
  }
  if (profile === 'dropout' && firstAccessDay !== null) {
    lastActiveDay = firstAccessDay + 7 * hashInt(seed, 2, 6, SALT.drop, id);
    // The school closes the dropout's access some weeks after they vanish.
    const endDay = lastActiveDay + hashInt(seed, 21, 35, SALT.accessEnd, id);
    accessEndsAt = instantInDay(calendar, endDay, 9 + 8 * hashUnit(seed, SALT.accessEnd, id, 1));
  }
  if (profile === 'switcher') {
    const nextStartDay = calendar.dayOf(cohortAt(cohorts, cohortIndex + 1).start);
    const switchDay = nextStartDay - hashInt(seed, 0, 7, SALT.switchDay, id);
    switchAt = instantInDay(calendar, switchDay, 9 + 9 * hashUnit(seed, SALT.switchHour, id));
  }

  const createdDay = startDay - 1 - hashInt(seed, 0, 20, SALT.created, id);
  const vip = hashUnit(seed, SALT.vip, id) < 0.06;
  const hasBonus = vip || hashUnit(seed, SALT.bonus, id) < 0.3;
  return {
    id,
    nome: identity.nome,
    email: identity.email,
    doc: identity.doc,
    celular: identity.celular,
    loginAutoUrl: `https://escola-simulada.cademi.com.br/auth/login?crstk=${identity.loginToken}${id.toString(16)}`,
    gratis: hashUnit(seed, SALT.gratis, id) < 0.08,
    createdAt: instantInDay(calendar, createdDay, 24 * hashUnit(seed, SALT.createdHour, id)),
    profile,
    cohortIndex,
    productIds: hasBonus ? [...TRACKED_PRODUCT_IDS, BONUS_PRODUCT_ID] : TRACKED_PRODUCT_IDS.slice(),
    vip,
    waitingList: profile === 'never' ? hashUnit(seed, SALT.waiting, id) < 0.5 : hashUnit(seed, SALT.waiting, id) < 0.02,
    firstAccessDay,
    lastActiveDay,
    stallDay,
    accessEndsAt,
    switchAt,
    percentWithComma: hashUnit(seed, SALT.percentComma, id) < 0.3,
    datesWithOffset: hashUnit(seed, SALT.dateOffset, id) < 0.2,
  };
}

/** All students, ids from 1001 upwards, cohort after cohort (ids grow with enrolment). */
export function buildRoster(seed: number, studentCount: number, cohorts: readonly Cohort[], calendar: SchoolCalendar): Student[] {
  const students: Student[] = [];
  const sizes = cohortSizes(studentCount, cohorts.length);
  let id = FIRST_STUDENT_ID;
  sizes.forEach((size, cohortIndex) => {
    for (let positionInCohort = 0; positionInCohort < size; positionInCohort++) {
      students.push(buildStudent(seed, { id, cohortIndex, positionInCohort }, cohorts, calendar));
      id++;
    }
  });
  return students;
}
