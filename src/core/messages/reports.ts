// Sentences of the sheets the job builds (`Turma <nome>`, `Gráficos <nome>`, `Resumo`, `Contatos da
// semana`): why a student has their `Situação`, why they are on this week's contact list, and the
// charts' titles, in Brazilian Portuguese for tutors. Headers and situation words are vocabulary and
// stay with their tables (report/*, model/status).

/** Decimal points as a Brazilian reader writes them: `12,5`. */
function formatPoints(points: number): string {
  return String(Math.round(points * 10) / 10).replace('.', ',');
}

// ---- `Motivo`: why a student has their situation ------------------------------------------------

/** A dropout recorded in `Ajustes`. */
export const DROPOUT_REASON = 'desistência registrada';

/** A student who finished every tracked product. */
export const FINISHED_REASON = 'concluiu os produtos';

/** A newcomer not judged yet. */
export function graceReason(daysInCohort: number): string {
  return `na turma há ${daysInCohort} dias (carência)`;
}

/** A student with no access on record. */
export const NEVER_ACCESSED_REASON = 'nunca acessou';

/** Days since the last access. */
export function absenceReason(days: number): string {
  return `${days} dias sem acesso`;
}

/** No progress for some weeks. */
export function stalledReason(weeks: number): string {
  return `0 pp em ${weeks} semanas`;
}

/** How far below the goal curve, as classifyStudent says it (no week: it does not know the cohort). */
export function belowGoalReason(points: number): string {
  return `${formatPoints(points)} pp abaixo da meta`;
}

/** How far below the goal curve, with the cohort's week number (the pivot's `Motivo`). */
export function belowGoalOfWeekReason(points: number, weekNumber: number): string {
  return `${belowGoalReason(points)} da semana ${weekNumber}`;
}

/** A reason from classifyStudent with the cohort's week number added to its goal gap, if it has one. */
export function withGoalWeek(reason: string, weekNumber: number): string {
  return reason.replace(/abaixo da meta$/, `abaixo da meta da semana ${weekNumber}`);
}

/** A cohort without a goal track. */
export const NO_GOAL_REASON = 'turma sem meta';

/** Between the reasons of one `Motivo`. */
export const REASON_SEPARATOR = ' · ';

// ---- `Mudança`: why a student is on this week's contact list ---------------------------------------

/** Flagged in the student's first recorded week. */
export function firstWeekChange(situation: string): string {
  return `primeira semana: ${situation}`;
}

/** Worse than last week. */
export function situationChange(before: string, now: string): string {
  return `${before} → ${now}`;
}

/** `Em risco` for a second week running. */
export const AT_RISK_TWO_WEEKS = 'Em risco há 2 semanas';

// ---- charts -------------------------------------------------------------------------------------

/** `Resumo`'s chart: the cohorts' mean progress, aligned by weeks since start. */
export const OVERVIEW_CHART_TITLE = 'Progresso médio das turmas por semana';

/** `Resumo`'s chart's horizontal axis. */
export const OVERVIEW_CHART_X_TITLE = 'Semanas desde o início da turma';

/** A cohort's progress curve against the expected one. */
export function progressChartTitle(cohort: string): string {
  return `Progresso da turma ${cohort}`;
}

/** A cohort's students by situation, week by week. */
export function situationsChartTitle(cohort: string): string {
  return `Alunos por situação — ${cohort}`;
}

/** How a cohort's current progress spreads. */
export function distributionChartTitle(cohort: string): string {
  return `Distribuição do progresso atual — ${cohort}`;
}

// ---- sheets the job owns ------------------------------------------------------------------------

/** The warning Sheets shows before someone edits a sheet the job rebuilds. */
export const REBUILT_SHEET_WARNING = 'Gerada pelo Progresso Cademi: alterações feitas aqui são refeitas na próxima atualização.';
