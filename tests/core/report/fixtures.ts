// Hand-built `Histórico` rows and config for the report tests: cohorts A (with a goal) and B (without).

import type { SchoolConfig } from '../../../src/core/config/load-config';
import type { HistoryRow, Origin } from '../../../src/core/history/schema';
import type { CohortConfig } from '../../../src/core/model/cohort';
import type { GoalTrack } from '../../../src/core/model/goals';
import { DEFAULT_SETTINGS } from '../../../src/core/model/settings';
import type { Situation } from '../../../src/core/model/status';
import { type LocalDate, startOfLocalDate } from '../../../src/core/time/local-date';

export const TZ = 'America/Sao_Paulo';
const DAY_MS = 86_400_000;
export const [W0, W1, W2, W3] = ['2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23'];

/** 09:00 school time on `date`. */
export function at(date: LocalDate): number {
  return startOfLocalDate(date, TZ) + 9 * 3_600_000;
}

/** A linear track: 10 points a week (week 3 → 30%). */
export const LINEAR: GoalTrack = {
  name: 'Linear',
  points: [
    { week: 0, expected: 0 },
    { week: 10, expected: 100 },
  ],
};

export function cohort(overrides: Partial<CohortConfig> = {}): CohortConfig {
  return {
    name: 'A',
    tagId: 1,
    start: W0,
    productIds: [1, 2],
    goalTrack: 'Linear',
    tutorEmail: 'ana.tutora@escola.br',
    active: true,
    sheetRow: 1,
    ...overrides,
  };
}

export const A = cohort();
export const B = cohort({ name: 'B', tagId: 2, start: W2, goalTrack: null, tutorEmail: 'beto@escola.br', sheetRow: 2 });

export function config(cohorts: readonly CohortConfig[] = [A, B]): SchoolConfig {
  return { settings: DEFAULT_SETTINGS, cohorts, goalTracks: new Map([[LINEAR.name, LINEAR]]), issues: [] };
}

const EXPECTED: Record<string, number> = { [W0]: 0, [W1]: 10, [W2]: 20, [W3]: 30 };
const NAMES: Record<number, string> = { 1: 'Ana', 2: 'Bruno', 3: 'Carla', 4: 'Davi', 5: 'Eva', 6: 'Fábio', 7: 'Gil' };
/** Cademi's `celular` as students typed it (Davi and the others have none). */
export const PHONES: Record<number, string> = { 2: '(11) 98765-4321', 3: '+55 21 99876-5432' };

export interface WeekOf {
  readonly week: LocalDate;
  readonly cohort?: string;
  readonly progress: readonly [number, number];
  readonly situation: Situation;
  /** Days from the last access to the collection; null = never accessed. */
  readonly absent: number | null;
  readonly origin?: Origin;
  readonly expected?: number | null;
  /** Default: the student's entry in PHONES, else none. */
  readonly phone?: string | null;
}

/** The two product rows of one student-week. */
export function studentWeek(studentId: number, week: WeekOf): HistoryRow[] {
  const collectedAt = at(week.week);
  const cohortName = week.cohort ?? 'A';
  return [1, 2].map((productId, index) => ({
    week: week.week,
    cohort: cohortName,
    studentId,
    name: NAMES[studentId] ?? `Aluno ${studentId}`,
    email: `${(NAMES[studentId] ?? `aluno${studentId}`).toLowerCase()}@mail.com`,
    productId,
    productName: `Curso ${productId}`,
    progress: week.progress[index],
    lessonsCompleted: 0,
    lastAccessAt: week.absent === null ? null : collectedAt - week.absent * DAY_MS,
    expected: week.expected !== undefined ? week.expected : cohortName === 'A' ? EXPECTED[week.week] : null,
    situation: week.situation,
    origin: week.origin ?? 'API',
    collectedAt,
    phone: week.phone !== undefined ? week.phone : (PHONES[studentId] ?? null),
  }));
}

/**
 * The shared scenario (cohort A from W0, 10 pp a week; B from W2, no goal):
 * Ana on track; Bruno 12 pp behind with W2 missing; Carla stalled, absent and 25 pp behind (carried rows);
 * Davi moved from A to B at W2; Eva dropped out at W3; Fábio ahead, first row at W3.
 */
export const SCENARIO: HistoryRow[] = [
  ...studentWeek(1, { week: W0, progress: [0, 0], situation: 'Em dia', absent: 1 }),
  ...studentWeek(1, { week: W1, progress: [10, 10], situation: 'Em dia', absent: 1 }),
  ...studentWeek(1, { week: W2, progress: [20, 30], situation: 'Em dia', absent: 1 }),
  ...studentWeek(1, { week: W3, progress: [30, 40], situation: 'Em dia', absent: 1 }),
  ...studentWeek(2, { week: W1, progress: [10, 10], situation: 'Em dia', absent: 2 }),
  ...studentWeek(2, { week: W3, progress: [16, 20], situation: 'Atrasado', absent: 3 }),
  ...studentWeek(3, { week: W1, progress: [5, 5], situation: 'Atrasado', absent: 6 }),
  ...studentWeek(3, { week: W2, progress: [5, 5], situation: 'Em risco', absent: 13, origin: 'Mantido' }),
  ...studentWeek(3, { week: W3, progress: [5, 5], situation: 'Em risco', absent: 20, origin: 'Mantido' }),
  ...studentWeek(4, { week: W0, progress: [0, 0], situation: 'Em dia', absent: 1 }),
  ...studentWeek(4, { week: W1, progress: [10, 10], situation: 'Em dia', absent: 1 }),
  ...studentWeek(4, { week: W2, cohort: 'B', progress: [20, 20], situation: 'Sem meta', absent: 2 }),
  ...studentWeek(4, { week: W3, cohort: 'B', progress: [20, 22], situation: 'Em risco', absent: 30 }),
  ...studentWeek(5, { week: W2, progress: [40, 40], situation: 'Em dia', absent: 1 }),
  ...studentWeek(5, { week: W3, progress: [40, 40], situation: 'Desistente', absent: 8 }),
  ...studentWeek(6, { week: W3, progress: [50, 50], situation: 'Em dia', absent: 2 }),
];
