// `Motivo`: why a student has their `Situação`, in plain Portuguese for tutors.

import * as say from '../messages/reports';
import type { CohortConfig } from '../model/cohort';
import { weeksSinceStart } from '../model/goals';
import type { Thresholds } from '../model/settings';
import { classifyStudent } from '../model/status';
import { daysBetween, localDateOf } from '../time/local-date';
import type { CohortStudent } from './cohort-history';

/** The facts behind a flag, when the rules no longer reproduce the stored situation (thresholds changed). */
function facts(student: CohortStudent, thresholds: Thresholds, weekNumber: number): string[] {
  const { latest } = student;
  const out: string[] = [];
  if (student.daysWithoutAccess === null) out.push(say.NEVER_ACCESSED_REASON);
  else if (student.daysWithoutAccess >= thresholds.warnDaysWithoutAccess) out.push(say.absenceReason(student.daysWithoutAccess));
  if (latest.mean < 100 && student.weeksWithoutProgress >= thresholds.stalledWeeks) out.push(say.stalledReason(student.weeksWithoutProgress));
  if (latest.expected !== null && latest.expected - latest.mean > 0) out.push(say.belowGoalOfWeekReason(latest.expected - latest.mean, weekNumber));
  return out;
}

/**
 * The `Motivo` of a student's latest week, e.g. "15 dias sem acesso · 0 pp em 2 semanas · 12 pp
 * abaixo da meta da semana 3": the reasons of classifyStudent, re-run on the stored figures, with the
 * cohort's week number. Empty for `Em dia`.
 */
export function explainSituation(student: CohortStudent, cohort: CohortConfig, thresholds: Thresholds, timeZone: string): string {
  const { latest } = student;
  const weekNumber = weeksSinceStart(cohort, latest.week);
  switch (latest.situation) {
    case 'Em dia':
      return '';
    case 'Desistente':
      return say.DROPOUT_REASON;
    case 'Sem meta': {
      const absent = student.daysWithoutAccess === null || student.daysWithoutAccess >= thresholds.warnDaysWithoutAccess;
      return [say.NO_GOAL_REASON, ...(absent ? facts(student, thresholds, weekNumber).slice(0, 1) : [])].join(say.REASON_SEPARATOR);
    }
    default: {
      // A flagged student is past the grace period; the join date is not stored, so count from the cohort's start.
      const daysInCohort = Math.max(thresholds.graceDays, daysBetween(cohort.start, localDateOf(latest.collectedAt, timeZone)));
      const { situation, reasons } = classifyStudent(
        {
          progress: latest.mean,
          expected: latest.expected,
          daysWithoutAccess: student.daysWithoutAccess,
          weeksWithoutProgress: student.weeksWithoutProgress,
          daysInCohort,
          droppedOut: false,
        },
        thresholds,
      );
      const flagged = (situation === 'Em risco' || situation === 'Atrasado') && reasons.length > 0;
      const list = flagged ? reasons.map((reason) => say.withGoalWeek(reason, weekNumber)) : facts(student, thresholds, weekNumber);
      return list.join(say.REASON_SEPARATOR);
    }
  }
}
