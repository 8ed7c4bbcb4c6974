// What the recorded adjustments mean for a run: where a moved student belongs, whether one dropped out.

import type { StudentId } from '../model/ids';
import { type LocalDate, mondayOf } from '../time/local-date';
import type { Adjustment } from './adjustments-sheet';

export interface EffectiveAdjustments {
  /** The cohort a student was moved to, as of `week`; null when no move applies. */
  moveFor(studentId: StudentId, week: LocalDate): string | null;
  /** The dropout date when it is on or before `today`; null otherwise. */
  dropoutFor(studentId: StudentId, today: LocalDate): LocalDate | null;
  /** Students moved into `cohort` as of `week`. */
  movedInto(cohort: string, week: LocalDate): StudentId[];
}

/** Undone adjustments are ignored; among the rest, the latest one wins. */
export function effectiveAdjustments(adjustments: readonly Adjustment[]): EffectiveAdjustments {
  const active = adjustments.filter((adjustment) => adjustment.undoneAt === null);
  const moves = active.filter((adjustment) => adjustment.action === 'Mover').sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.row - b.row));
  const dropouts = active.filter((adjustment) => adjustment.action === 'Desistência');
  const moveFor = (studentId: StudentId, week: LocalDate): string | null => {
    let target: string | null = null;
    for (const move of moves) if (move.studentId === studentId && mondayOf(move.date) <= week) target = move.to;
    return target;
  };
  return {
    moveFor,
    dropoutFor(studentId, today) {
      const dates = dropouts.filter((dropout) => dropout.studentId === studentId && dropout.date <= today).map((dropout) => dropout.date);
      return dates.sort()[0] ?? null;
    },
    movedInto(cohort, week) {
      const ids = new Set(moves.map((move) => move.studentId));
      return [...ids].filter((id) => moveFor(id, week) === cohort);
    },
  };
}

export const NO_ADJUSTMENTS: EffectiveAdjustments = effectiveAdjustments([]);
