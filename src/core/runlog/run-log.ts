// `Execuções`: one row per run, so a failure or a slow week is never silent.

import { DATE_FORMAT, DATETIME_FORMAT, INTEGER_FORMAT, SHEET } from '../sheets';
import { type LocalDate, serialOfInstant, serialOfLocalDate } from '../time/local-date';
import type { Cell, Workbook } from '../workbook/workbook';

export const RUN_LOG_HEADERS = [
  'Início',
  'Fim',
  'Gatilho',
  'Semana',
  'Situação',
  'Turmas',
  'Alunos',
  'Chamadas',
  'Mantidos',
  'Repetições',
  'Erros',
  'Avisos',
  'Mensagem',
] as const;

/** The headers before `Avisos` existed: a log of that shape is brought up to date by its next append. */
const HEADERS_WITHOUT_WARNINGS = RUN_LOG_HEADERS.filter((name) => name !== 'Avisos');
const WARNINGS_COLUMN = RUN_LOG_HEADERS.indexOf('Avisos');
const MESSAGE_COLUMN = RUN_LOG_HEADERS.indexOf('Mensagem');

/** Dates as dates, and the counts with thousands separators (`1.131` chamadas); the rest as written. */
const FORMAT_OF: Partial<Record<(typeof RUN_LOG_HEADERS)[number], string>> = {
  Início: DATETIME_FORMAT,
  Fim: DATETIME_FORMAT,
  Semana: DATE_FORMAT,
  Turmas: INTEGER_FORMAT,
  Alunos: INTEGER_FORMAT,
  Chamadas: INTEGER_FORMAT,
  Mantidos: INTEGER_FORMAT,
  Repetições: INTEGER_FORMAT,
  Erros: INTEGER_FORMAT,
  Avisos: INTEGER_FORMAT,
};
export const RUN_LOG_FORMATS: readonly (string | undefined)[] = RUN_LOG_HEADERS.map((name) => FORMAT_OF[name]);

/** The message is long: wide and wrapped, so a row reads without resizing. */
const MESSAGE_WIDTH_PX = 480;

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
  /** Problems that cost this week data (a cohort or product not collected, a row not recorded). */
  readonly errors: number;
  /** Everything else worth saying that lost nothing (a cohort that has not started yet, an ignored adjustment). */
  readonly warnings: number;
  readonly message: string;
}

/** How far back a completed run's row is looked for (a redo follows its killed slice closely). */
const REDO_WINDOW_ROWS = 50;
/** Start instants closer than this (in days, ~0.1 s) are the same run's. */
const SAME_START_DAYS = 1e-6;

/**
 * Appends one entry with one read and one write. A `Concluída` entry whose run (same start and
 * week) is already logged as `Concluída` replaces that row instead: a slice killed after writing its
 * log row, but before the completion was recorded, is redone and must not log the run twice.
 */
export function appendRunLog(workbook: Workbook, entry: RunLogEntry, timeZone: string): void {
  const row = [
    serialOfInstant(entry.startedAt, timeZone),
    serialOfInstant(entry.finishedAt, timeZone),
    entry.trigger,
    serialOfLocalDate(entry.week),
    entry.outcome,
    entry.cohorts,
    entry.students,
    entry.calls,
    entry.carried,
    entry.retries,
    entry.errors,
    entry.warnings,
    entry.message.slice(0, 1000),
  ];
  const stored = workbook.readSheet(SHEET.runs);
  if (stored === null || stored.length === 0) {
    writeRunLog(workbook, [row]);
    return;
  }
  if (hasHeaders(stored[0], HEADERS_WITHOUT_WARNINGS)) {
    // A log from before `Avisos`: its rows get the column (empty: their Erros counted both), all in one write.
    const rows = stored.slice(1).map((cells) => [...cells.slice(0, WARNINGS_COLUMN), null, ...cells.slice(WARNINGS_COLUMN)]);
    const logged = entry.outcome === 'Concluída' ? loggedCompletion([[...RUN_LOG_HEADERS], ...rows], row) : -1;
    if (logged > 0) rows[logged - 1] = row;
    else rows.push(row);
    writeRunLog(workbook, rows);
    return;
  }
  const logged = entry.outcome === 'Concluída' ? loggedCompletion(stored, row) : -1;
  if (logged > 0) workbook.updateRows(SHEET.runs, logged, [row]);
  else workbook.replaceRowsFrom(SHEET.runs, stored.length, [row], RUN_LOG_FORMATS);
}

function writeRunLog(workbook: Workbook, rows: Cell[][]): void {
  const columnWidths = RUN_LOG_HEADERS.map((_, column) => (column === MESSAGE_COLUMN ? MESSAGE_WIDTH_PX : undefined));
  workbook.writeSheet(SHEET.runs, {
    rows: [[...RUN_LOG_HEADERS], ...rows],
    columnFormats: RUN_LOG_FORMATS,
    columnWidths,
    wrappedColumns: [MESSAGE_COLUMN],
    frozenRows: 1,
    owned: true,
  });
}

function hasHeaders(header: readonly Cell[] | undefined, expected: readonly string[]): boolean {
  return header !== undefined && header.length >= expected.length && expected.every((name, index) => String(header[index] ?? '').trim() === name);
}

function loggedCompletion(stored: readonly (readonly unknown[])[], row: readonly unknown[]): number {
  // The last REDO_WINDOW_ROWS rows, newest first, never the header.
  const recent = [...stored.entries()].slice(Math.max(1, stored.length - REDO_WINDOW_ROWS)).reverse();
  for (const [index, cells] of recent) {
    if (
      cells[4] === 'Concluída' &&
      Math.abs(Number(cells[3]) - Number(row[3])) < SAME_START_DAYS &&
      Math.abs(Number(cells[0]) - Number(row[0])) < SAME_START_DAYS
    )
      return index;
  }
  return -1;
}
