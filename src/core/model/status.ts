// Each student's weekly situation (`Situação`) from the thresholds in `Configuração`.

import * as say from '../messages/reports';
import type { Thresholds } from './settings';

export const SITUATIONS = ['Em dia', 'Atrasado', 'Em risco', 'Sem meta', 'Desistente'] as const;
export type Situation = (typeof SITUATIONS)[number];

export interface StudentWeek {
  /** Mean progress (0-100) over the cohort's tracked products. */
  readonly progress: number;
  /** Expected mean progress this week; null when the cohort has no goal track. */
  readonly expected: number | null;
  /** Days since the last access; null when the student never accessed. */
  readonly daysWithoutAccess: number | null;
  /** Consecutive weeks, up to this one, in which the mean progress did not rise. */
  readonly weeksWithoutProgress: number;
  /** Days since the student joined the cohort. */
  readonly daysInCohort: number;
  readonly droppedOut: boolean;
}

/** Consecutive weeks, ending with this one, in which the mean did not rise. */
export function weeksWithoutProgress(pastMeans: readonly number[], currentMean: number): number {
  let count = 0;
  let later = currentMean;
  for (const earlier of [...pastMeans].reverse()) {
    // Negated rather than `>` so a NaN mean ends the run, as it always has.
    if (!(later <= earlier + 1e-9)) break;
    count++;
    later = earlier;
  }
  return count;
}

export interface Classification {
  readonly situation: Situation;
  /** Plain-Portuguese reasons, for tutors (e.g. "15 dias sem acesso"). */
  readonly reasons: string[];
}

/**
 * Rules, first match wins: a recorded dropout; finished students; the grace period for newcomers; `Em risco` for long
 * absence, a stall or a large gap; `Sem meta` when there is no curve to compare with; `Atrasado`
 * for a shorter absence or a smaller gap; otherwise `Em dia`.
 */
export function classifyStudent(week: StudentWeek, thresholds: Thresholds): Classification {
  if (week.droppedOut) return { situation: 'Desistente', reasons: [say.DROPOUT_REASON] };
  const noGoal: Situation = week.expected === null ? 'Sem meta' : 'Em dia';
  // A student who finished every product has nothing left to fall behind on, present or not.
  if (week.progress >= 100) return { situation: noGoal, reasons: [say.FINISHED_REASON] };
  if (week.daysInCohort < thresholds.graceDays) {
    return { situation: noGoal, reasons: [say.graceReason(Math.max(0, week.daysInCohort))] };
  }
  const gap = week.expected === null ? 0 : week.expected - week.progress;
  const absent = week.daysWithoutAccess === null ? week.daysInCohort : week.daysWithoutAccess;
  const absence = week.daysWithoutAccess === null ? say.NEVER_ACCESSED_REASON : say.absenceReason(absent);
  const stalled = week.progress < 100 && week.weeksWithoutProgress >= thresholds.stalledWeeks;

  const risk: string[] = [];
  if (absent >= thresholds.riskDaysWithoutAccess) risk.push(absence);
  if (stalled) risk.push(say.stalledReason(week.weeksWithoutProgress));
  if (week.expected !== null && gap >= thresholds.riskPoints) risk.push(say.belowGoalReason(gap));
  if (risk.length > 0) return { situation: 'Em risco', reasons: risk };
  if (week.expected === null) return { situation: 'Sem meta', reasons: [] };

  const late: string[] = [];
  if (absent >= thresholds.warnDaysWithoutAccess) late.push(absence);
  if (gap >= thresholds.latePoints) late.push(say.belowGoalReason(gap));
  if (late.length > 0) return { situation: 'Atrasado', reasons: late };
  return { situation: 'Em dia', reasons: [] };
}
