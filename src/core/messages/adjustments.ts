// Messages about `Ajustes` (cohort moves and dropouts), from the sidebar's server and the core that
// records them, in Brazilian Portuguese. The CLI's wording of the same refusals is in cli.ts and is
// reused where the sentence is the same (a missing student, a target cohort that is gone).

/** A date that is no calendar date (a move's first week, a dropout's date). */
export function invalidAdjustmentDate(date: string): string {
  return `data inválida: ${date}`;
}

/** A date the sidebar sent that is not `AAAA-MM-DD`. */
export const SIDEBAR_DATE_INVALID = 'data inválida (AAAA-MM-DD)';

/** The adjustment to undo is no longer where the list said (someone edited `Ajustes`). */
export const ADJUSTMENT_NOT_FOUND = 'ajuste não encontrado (a aba Ajustes mudou?); atualize a lista';

/** A move into the cohort the student is already in. */
export function alreadyInCohort(cohort: string): string {
  return `o aluno já está na turma "${cohort}"`;
}
