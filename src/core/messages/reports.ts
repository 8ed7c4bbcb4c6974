// Sentences of the sheets the job builds (`Turma <nome>`, `Gráficos <nome>`, `Resumo`, `Contatos da
// semana`): why a student has their `Situação`, why they are on this week's contact list, and the
// charts' titles, in Brazilian Portuguese for tutors. Headers and situation words are vocabulary and
// stay with their tables (report/*, model/status).

import { countOf, formatCount } from './numbers';

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

/**
 * A cohort's progress curve against the expected one. `cohort`: the name without a leading "Turma"
 * (cohortNameWithoutPrefix), so "Turma 2026-09" reads "Progresso da turma 2026-09".
 */
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

// ---- titles and legends above the tables (`Resumo`, `Turma <nome>`, `Gráficos <nome>`) ------------

/** `Resumo`'s first line. `lastUpdate`: the latest collection, `dd/mm/aaaa hh:mm`; null before the first run. */
export function overviewTitle(lastUpdate: string | null): string {
  return lastUpdate === null ? 'Resumo das turmas · ainda sem coleta' : `Resumo das turmas · atualizado em ${lastUpdate}`;
}

/** `Resumo`'s headline: this week's calls (the `Contatos da semana` list), then the active cohorts' students at risk and dropouts. */
export function overviewHeadline(toContact: number, atRisk: number, dropouts: number): string {
  const contact = `${countOf(toContact, 'aluno', 'alunos')} para contatar esta semana (aba Contatos da semana)`;
  return `${contact} · ${formatCount(atRisk)} em risco · ${countOf(dropouts, 'desistente', 'desistentes')}`;
}

/** Cohorts without a goal track: their students are never judged behind pace. */
export function cohortsWithoutGoal(names: readonly string[]): string {
  return `Sem meta, alertas de ritmo não disparam: ${names.join(', ')}. Escolha a Meta na aba Turmas.`;
}

/** What the colours of `Resumo`'s rows mean (shares of active students at risk, in %). */
export function overviewColourLegend(highShare: number, watchShare: number): string {
  return `Cores das linhas: vermelho com ${formatCount(highShare)}% ou mais dos alunos ativos em risco, amarelo a partir de ${formatCount(watchShare)}%.`;
}

/** Above the data block of `Resumo`'s chart (in hidden columns: seen only when someone shows them). */
export const OVERVIEW_CHART_DATA_CAPTION = 'Dados do gráfico de progresso médio por semana';

/** A goal track's expected curve as a chart series. */
export function expectedSeriesName(track: string): string {
  return `Esperado: ${track}`;
}

/** The tutor as a title says it ("Tutor: Ana Souza"), or that `Turmas` names none. */
function tutorPart(tutor: string): string {
  return tutor === '' ? 'sem tutor em Turmas' : `Tutor: ${tutor}`;
}

/**
 * A pivot's first line. `cohort`: as a title names it, "Turma 2026-09" (cohortTitleName); `week`:
 * the cohort's week number and its Monday (`dd/mm/aaaa`), null before any row.
 */
export function pivotTitle(cohort: string, tutor: string, week: { readonly number: number; readonly date: string } | null): string {
  const weekPart = week === null ? '' : ` · semana ${week.number} (${week.date})`;
  return `${cohort} · ${tutorPart(tutor)}${weekPart}`;
}

/** What the pivot's colours mean, for a cohort with a goal (`riskPoints`: full red, the `Em risco` line). */
export function pivotColourLegend(riskPoints: number): string {
  return `Cores nas semanas e na diferença: distância até o esperado da semana, em pontos (vermelho: ${formatCount(riskPoints)} ou mais abaixo; branco: no esperado; verde: acima).`;
}

/** The pivot's legend for a cohort without a goal: nothing to compare with. */
export const PIVOT_NO_GOAL_LEGEND = 'Turma sem meta: sem esperado para comparar, as semanas ficam sem cores. Escolha a Meta na aba Turmas.';

/** A chart sheet's first line (`cohort` without a leading "Turma"). */
export function chartSheetTitle(cohort: string, tutor: string): string {
  return `Gráficos da turma ${cohort} · ${tutorPart(tutor)}`;
}

/** Above a chart sheet's data blocks, under the charts. */
export const CHART_DATA_CAPTION = 'Dados dos gráficos acima';
