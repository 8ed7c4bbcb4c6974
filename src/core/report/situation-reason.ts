// `Motivo`: why a student has their `Situação`, in plain Portuguese a tutor can check against the
// row's own numbers (`Dias sem acesso`, `Progresso (%)`, `Esperado (%)`).

import * as say from '../messages/contacts';
import { DROPOUT_REASON } from '../messages/reports';
import type { Thresholds } from '../model/settings';
import type { CohortStudent } from './cohort-history';
import { round1 } from './statistics';

/** Which of the `Configuração` limits a fact is held to: `Em risco`'s or `Atrasado`'s. */
type Level = 'risk' | 'late';

/**
 * The points below the expected curve as the row shows them: `Esperado (%)` minus `Progresso (%)`,
 * each rounded to one decimal first, so "18 pontos" is exactly the difference a reader computes.
 */
export function shownGap(student: CohortStudent): number | null {
  const { latest } = student;
  return latest.expected === null ? null : round1(round1(latest.expected) - round1(latest.mean));
}

/** One reason, by the rule it comes from. */
interface Fact {
  readonly rule: 'absence' | 'stall' | 'gap';
  readonly text: string;
}

/**
 * The facts of the latest week that pass the limits of `level`, each one checkable in the row: the
 * days without access (or that the student never accessed), the weeks without progress, the points
 * below the expected curve. The same rules as classifyStudent, on the figures the row shows.
 */
function factsAt(student: CohortStudent, thresholds: Thresholds, level: Level): Fact[] {
  const { latest } = student;
  const out: Fact[] = [];
  const days = student.daysWithoutAccess;
  const absenceLimit = level === 'risk' ? thresholds.riskDaysWithoutAccess : thresholds.warnDaysWithoutAccess;
  // Never accessing is always worth saying of a flagged student (their `Dias sem acesso` is blank).
  if (days === null) out.push({ rule: 'absence', text: say.NEVER_ACCESSED });
  else if (days >= absenceLimit) out.push({ rule: 'absence', text: say.daysWithoutAccessReason(days) });
  if (latest.mean < 100 && student.weeksWithoutProgress >= thresholds.stalledWeeks) {
    out.push({ rule: 'stall', text: say.noProgressReason(student.weeksWithoutProgress) });
  }
  const gapLimit = level === 'risk' ? thresholds.riskPoints : thresholds.latePoints;
  const gap = latest.expected === null ? null : latest.expected - latest.mean;
  const shown = shownGap(student);
  if (gap !== null && shown !== null && gap >= gapLimit && shown > 0) out.push({ rule: 'gap', text: say.pointsBelowExpectedReason(shown) });
  return out;
}

const joined = (facts: readonly (Fact | string)[]) => facts.map((fact) => (typeof fact === 'string' ? fact : fact.text)).join(say.PART_SEPARATOR);

/**
 * The `Motivo` of a student's latest week, e.g. "10 dias sem acesso", "sem avanço há 2 semanas",
 * "18 pontos abaixo do esperado" (joined by " · " when several hold). A flagged student's reasons
 * are the limits of their level that the row's figures pass; when those figures no longer reach
 * the stored level (the limits changed since the collection), the reasons of the level below are
 * given with a note saying the situation is the collection's, so a flag never stands unexplained
 * or explained by a number the row contradicts. Empty for `Em dia`.
 */
export function explainSituation(student: CohortStudent, thresholds: Thresholds): string {
  switch (student.latest.situation) {
    case 'Em dia':
      return '';
    case 'Desistente':
      return DROPOUT_REASON;
    case 'Sem meta':
      return joined([say.NO_GOAL, ...factsAt(student, thresholds, 'late').filter((fact) => fact.rule === 'absence')]);
    case 'Em risco': {
      const risk = factsAt(student, thresholds, 'risk');
      return joined(risk.length > 0 ? risk : [...factsAt(student, thresholds, 'late'), say.SITUATION_FROM_COLLECTION]);
    }
    case 'Atrasado': {
      const late = factsAt(student, thresholds, 'late');
      return joined(late.length > 0 ? late : [say.SITUATION_FROM_COLLECTION]);
    }
  }
}
