// Finding a student by name or e-mail among those in `Histórico` (accents and case ignored).

import type { HistoryRow } from '../history/schema';
import type { StudentId } from '../model/ids';
import type { StudentMatch } from '../sidebar/api';

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();
}

/** Each student once, with their latest cohort; best matches (name start) first. */
export function searchStudents(history: readonly HistoryRow[], query: string, limit = 20): StudentMatch[] {
  const needle = fold(query);
  if (needle.length < 2) return [];
  const latest = new Map<StudentId, HistoryRow>();
  for (const row of history) {
    const current = latest.get(row.studentId);
    if (!current || current.week <= row.week) latest.set(row.studentId, row);
  }
  const matches: { match: StudentMatch; rank: number }[] = [];
  for (const row of latest.values()) {
    const name = fold(row.name);
    const email = fold(row.email);
    const rank = name.startsWith(needle) ? 0 : name.includes(needle) ? 1 : email.includes(needle) ? 2 : String(row.studentId) === needle ? 0 : -1;
    if (rank >= 0) matches.push({ match: { studentId: row.studentId, name: row.name, email: row.email, cohort: row.cohort }, rank });
  }
  return matches
    .sort((a, b) => a.rank - b.rank || a.match.name.localeCompare(b.match.name, 'pt-BR'))
    .slice(0, limit)
    .map((entry) => entry.match);
}
