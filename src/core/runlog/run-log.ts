// `Execuções`: one row per run, so a failure or a slow week is never silent.

import type { Workbook } from '../workbook/workbook';
import { DATETIME_FORMAT, DATE_FORMAT, SHEET } from '../sheets';
import { serialOfInstant, serialOfLocalDate, type LocalDate } from '../time/local-date';

export const RUN_LOG_HEADERS = [
  'Início', 'Fim', 'Gatilho', 'Semana', 'Situação', 'Turmas', 'Alunos', 'Chamadas', 'Mantidos', 'Repetições', 'Erros', 'Mensagem',
] as const;

export const RUN_LOG_FORMATS: readonly (string | undefined)[] = [DATETIME_FORMAT, DATETIME_FORMAT, undefined, DATE_FORMAT];

export type RunOutcome = 'Concluída' | 'Falhou' | 'Em andamento';

export interface RunLogEntry {
  readonly startedAt: number;
  readonly finishedAt: number;
  /** Who started it: `Manual`, `Agendada`, `CLI`, `Demo`. */
  readonly trigger: string;
  readonly week: LocalDate;
  readonly outcome: RunOutcome;
  readonly cohorts: number;
  readonly students: number;
  readonly calls: number;
  readonly carried: number;
  readonly retries: number;
  readonly errors: number;
  readonly message: string;
}

/** Appends one entry with one read and one write. */
export function appendRunLog(workbook: Workbook, entry: RunLogEntry, timeZone: string): void {
  const row = [
    serialOfInstant(entry.startedAt, timeZone), serialOfInstant(entry.finishedAt, timeZone), entry.trigger,
    serialOfLocalDate(entry.week), entry.outcome, entry.cohorts, entry.students, entry.calls, entry.carried,
    entry.retries, entry.errors, entry.message.slice(0, 1000),
  ];
  const stored = workbook.readSheet(SHEET.runs);
  if (stored === null || stored.length === 0) {
    workbook.writeSheet(SHEET.runs, { rows: [[...RUN_LOG_HEADERS], row], columnFormats: RUN_LOG_FORMATS, frozenRows: 1, owned: true });
  } else {
    workbook.replaceRowsFrom(SHEET.runs, stored.length, [row], RUN_LOG_FORMATS);
  }
}
