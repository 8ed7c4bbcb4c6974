// `Correspondências`: the students matched across the v1 → v3 switch, one row each, appended as the
// runs make them and never rewritten: `ID v1 | ID v3 | E-mail | Semana`.

import { DATE_FORMAT, MATCHES_HEADERS, SHEET } from '../sheets';
import { localDateOfSerial, parseLocalDate, serialOfLocalDate } from '../time/local-date';
import type { Cell, Workbook } from '../workbook/workbook';
import type { StudentMatch } from './student-matches';

const FORMATS: readonly (string | undefined)[] = ['0', '@', '@', DATE_FORMAT];

/** The recorded matches; a row a person broke is skipped (its student may be matched again by e-mail). */
export function readStudentMatches(workbook: Workbook): StudentMatch[] {
  const matches: StudentMatch[] = [];
  for (const cells of (workbook.readSheet(SHEET.matches) ?? []).slice(1)) {
    const [v1, v3, email, week] = cells;
    const v1Id = typeof v1 === 'number' ? v1 : Number(String(v1 ?? '').trim());
    const v3Id = String(v3 ?? '').trim();
    const weekDate = typeof week === 'number' ? localDateOfSerial(week) : parseLocalDate(String(week ?? ''));
    if (!Number.isSafeInteger(v1Id) || v1Id <= 0 || !/^usr_[A-Za-z0-9._~-]{1,128}$/.test(v3Id) || weekDate === null) continue;
    matches.push({ v1Id, v3Id, email: String(email ?? '').trim(), week: weekDate });
  }
  return matches;
}

/** Appends the run's new matches (nothing is written when there are none). */
export function recordStudentMatches(workbook: Workbook, matches: readonly StudentMatch[]): void {
  if (matches.length === 0) return;
  const existing = workbook.readSheet(SHEET.matches);
  const rows: Cell[][] = existing && existing.length > 0 ? existing.map((row) => [...row]) : [[...MATCHES_HEADERS]];
  for (const match of matches) rows.push([match.v1Id, match.v3Id, match.email, serialOfLocalDate(match.week)]);
  workbook.writeSheet(SHEET.matches, { rows, columnFormats: FORMATS, frozenRows: 1 });
}
