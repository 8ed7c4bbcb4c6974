// The Histórico rows the archive tests (core rollover, the .xlsx archive, the archive spreadsheet)
// roll over: one cohort, weekly from FIRST_WEEK, one row per student.

import { addDays, serialOfLocalDate } from '../../src/core/time/local-date';
import type { Cell } from '../../src/core/workbook/workbook';

export const FIRST_WEEK = '2026-01-05';

/** The Monday `index` weeks after FIRST_WEEK. */
export const weekAt = (index: number): string => addDays(FIRST_WEEK, 7 * index);

/** A complete Histórico row (HISTORY_HEADERS order) for `student` in `week`, at `progress` %. */
export const historyRow = (week: string, student: number, progress = 50.5): Cell[] => [
  serialOfLocalDate(week),
  'Turma A',
  student,
  `Aluno ${student}`,
  `a${student}@escola.com`,
  7,
  'Curso',
  progress,
  10,
  null,
  40,
  'Em dia',
  'API',
  serialOfLocalDate(week) + 0.5,
  null,
];
