// Dates as Brazilian people type and read them: `21/09/2026` (and `21/09/2026 10:00`), ISO
// `2026-09-21` still accepted where a date is typed. The one parser and formatter every host and
// message uses (CLI options, config cells, the sidebar's fields, the catalogue's sentences).

import { type LocalDate, parseLocalDate } from './local-date';
import { wallTimeOf } from './zoned';

const BR_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad2 = (value: number | string) => String(value).padStart(2, '0');

/**
 * A typed date, `dd/mm/aaaa` (day and month may have one digit) or ISO `aaaa-mm-dd`, as an ISO
 * LocalDate; null when it is neither or not a real calendar day (31/02/2026).
 */
export function parseBrDate(text: string): LocalDate | null {
  const trimmed = text.trim();
  const [, day, month, year] = BR_DATE.exec(trimmed) ?? [];
  if (day !== undefined && month !== undefined && year !== undefined) return parseLocalDate(`${year}-${pad2(month)}-${pad2(day)}`);
  return parseLocalDate(trimmed);
}

/** An ISO LocalDate as people read it, `dd/mm/aaaa`; any other text is returned as given. */
export function formatBrDate(date: LocalDate): string {
  const [, year, month, day] = ISO_DATE.exec(date) ?? [];
  return year !== undefined && month !== undefined && day !== undefined ? `${day}/${month}/${year}` : date;
}

/** An instant on the wall clock of `timeZone`, `dd/mm/aaaa hh:mm`. */
export function formatBrDateTime(epochMs: number, timeZone: string): string {
  const wall = wallTimeOf(epochMs, timeZone);
  return `${pad2(wall.day)}/${pad2(wall.month)}/${wall.year} ${pad2(wall.hour)}:${pad2(wall.minute)}`;
}
