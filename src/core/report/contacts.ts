// `Contatos da semana`: whom each tutor should contact this week, keeping what tutors typed on rebuilds.

import type { SchoolConfig } from '../config/load-config';
import { type HistoryRow, weekOfCell } from '../history/schema';
import { REPORT_SHEET } from '../identity/sheet-names';
import { AT_RISK_TWO_WEEKS, firstWeekChange, situationChange } from '../messages/reports';
import type { Situation } from '../model/status';
import { DATE_FORMAT } from '../sheets';
import { type LocalDate, serialOfLocalDate } from '../time/local-date';
import type { Cell } from '../workbook/workbook';
import { type CohortStudent, summarizeCohort } from './cohort-history';
import { attentionRank } from './situation-style';
import { round1, round1OrNull } from './statistics';

export const CONTACT_HEADERS = [
  'Semana',
  'Tutor',
  'Turma',
  'Aluno',
  'E-mail',
  'Situação',
  'Mudança',
  'Dias sem acesso',
  'Progresso (%)',
  'Esperado (%)',
  'Contato em',
  'Resultado',
  'Aluno ID',
] as const;

/** The columns tutors type in: carried over from the sheet's current values on every rebuild. */
const TUTOR_COLUMNS = ['Contato em', 'Resultado'] as const;

type ContactHeader = (typeof CONTACT_HEADERS)[number];
const COLUMN = Object.fromEntries(CONTACT_HEADERS.map((name, index) => [name, index])) as Record<ContactHeader, number>;
const CONTACT_FORMATS: readonly (string | undefined)[] = [
  DATE_FORMAT,
  undefined,
  undefined,
  undefined,
  undefined,
  undefined,
  undefined,
  '0',
  '0.0',
  '0.0',
  DATE_FORMAT,
  undefined,
  '0',
];

export interface WeeklyContacts {
  readonly sheetName: 'Contatos da semana';
  /** The week listed (the latest recorded week of any active cohort); null before the first run. */
  readonly week: LocalDate | null;
  /**
   * Header, then this week's contacts grouped by tutor (most urgent first), then older or no longer
   * flagged rows in which a tutor had typed something, kept as they were.
   */
  readonly rows: Cell[][];
  readonly columnFormats: (string | undefined)[];
  readonly frozenRows: 1;
}

interface Contact {
  readonly tutor: string;
  readonly cohort: string;
  readonly student: CohortStudent;
  readonly change: string;
}

/** How bad a situation is, to tell "worse than last week" (a dropout is not contacted). */
function severity(situation: Situation): number {
  return situation === 'Em risco' ? 2 : situation === 'Atrasado' ? 1 : 0;
}

/** Consecutive recorded weeks, ending with the latest, in which the student was `Em risco`. */
function weeksAtRisk(student: CohortStudent): number {
  let count = 0;
  for (const week of [...student.weeks].reverse()) {
    if (week.situation !== 'Em risco') break;
    count++;
  }
  return count;
}

/** Why the student is on this week's list, or null: newly worse into Atrasado/Em risco, or a second week Em risco. */
function changeOf(student: CohortStudent): string | null {
  const now = student.latest.situation;
  if (now !== 'Em risco' && now !== 'Atrasado') return null;
  const before = student.previous?.situation ?? null;
  if (before === null) return firstWeekChange(now);
  if (severity(now) > severity(before)) return situationChange(before, now);
  if (now === 'Em risco' && weeksAtRisk(student) === 2) return AT_RISK_TWO_WEEKS;
  return null;
}

/** Tutor (blank last), then Em risco before Atrasado, then longest without access (never first), then furthest behind. */
function compareContacts(a: Contact, b: Contact): number {
  if (a.tutor !== b.tutor) return a.tutor === '' ? 1 : b.tutor === '' ? -1 : a.tutor.localeCompare(b.tutor, 'pt-BR');
  const rank = attentionRank(a.student.latest.situation) - attentionRank(b.student.latest.situation);
  if (rank !== 0) return rank;
  const absence = (b.student.daysWithoutAccess ?? Infinity) - (a.student.daysWithoutAccess ?? Infinity);
  if (absence !== 0 && !Number.isNaN(absence)) return absence;
  const gap = (contact: Contact) => contact.student.latest.mean - (contact.student.latest.expected ?? contact.student.latest.mean);
  return gap(a) - gap(b) || a.student.latest.name.localeCompare(b.student.latest.name, 'pt-BR') || a.student.studentId - b.student.studentId;
}

/** Finds each column of the previous sheet by header, falling back to the standard position when a header was renamed. */
function previousColumns(header: readonly Cell[] | undefined): Record<ContactHeader, number> {
  const names = (header ?? []).map((cell) => (cell === null ? '' : String(cell).trim()));
  return Object.fromEntries(CONTACT_HEADERS.map((name, index) => [name, names.includes(name) ? names.indexOf(name) : index])) as Record<ContactHeader, number>;
}

function isBlank(cell: Cell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

function studentIdOf(cell: Cell | undefined): number | null {
  const value = typeof cell === 'number' ? cell : typeof cell === 'string' && cell.trim() !== '' ? Number(cell) : NaN;
  return Number.isFinite(value) ? value : null;
}

interface TypedRow {
  readonly key: string;
  readonly looseKey: string;
  /** The row laid out on CONTACT_HEADERS. */
  readonly cells: Cell[];
  used: boolean;
}

/** The previous sheet's rows in which a tutor typed something, keyed by week, student and cohort. */
function typedRows(previous: Cell[][] | null): TypedRow[] {
  if (!previous || previous.length < 2) return [];
  const columns = previousColumns(previous[0]);
  const out: TypedRow[] = [];
  for (const row of previous.slice(1)) {
    if (TUTOR_COLUMNS.every((name) => isBlank(row[columns[name]]))) continue;
    const cells = CONTACT_HEADERS.map((name) => row[columns[name]] ?? null);
    const week = weekOfCell(cells[COLUMN.Semana] ?? undefined) ?? '';
    const studentId = studentIdOf(cells[COLUMN['Aluno ID']] ?? undefined);
    const looseKey = `${week}|${studentId ?? ''}`;
    out.push({ key: `${looseKey}|${String(cells[COLUMN.Turma] ?? '')}`, looseKey, cells, used: false });
  }
  return out;
}

/** The tutor-typed row for a contact: same week, student and cohort, else same week and student. */
function takeTyped(typed: TypedRow[], week: LocalDate, contact: Contact): TypedRow | undefined {
  const looseKey = `${week}|${contact.student.studentId}`;
  const match = typed.find((row) => !row.used && row.key === `${looseKey}|${contact.cohort}`) ?? typed.find((row) => !row.used && row.looseKey === looseKey);
  if (match) match.used = true;
  return match;
}

/**
 * The contacts sheet: students of active cohorts whose situation got worse this week into
 * `Atrasado` or `Em risco` (a newcomer flagged in their first week included), or who are `Em risco`
 * for a second week running; grouped by tutor, most urgent first. `Contato em` and `Resultado` are
 * carried from `previous` (the sheet's current values, or null) for the same week and `Aluno ID`,
 * and rows of other weeks (or no longer listed) that a tutor filled in are kept below, so nothing a
 * tutor typed is lost.
 */
export function buildWeeklyContacts(rows: readonly HistoryRow[], config: SchoolConfig, previous: Cell[][] | null): WeeklyContacts {
  const histories = config.cohorts.filter((cohort) => cohort.active).map((cohort) => summarizeCohort(rows, cohort));
  const weeks = histories.map((history) => history.lastWeek).filter((week): week is LocalDate => week !== null);
  // biome-ignore lint/complexity/useMathMinMax: weeks are ISO date strings, which Math.max would turn into NaN
  const week = weeks.length === 0 ? null : weeks.reduce((a, b) => (a > b ? a : b));

  const contacts: Contact[] = [];
  for (const history of histories) {
    for (const student of history.students) {
      const change = student.latest.week === week ? changeOf(student) : null;
      if (change !== null) contacts.push({ tutor: history.cohort.tutorEmail ?? '', cohort: history.cohort.name, student, change });
    }
  }
  contacts.sort(compareContacts);

  const typed = typedRows(previous);
  const listed = contacts.map((contact): Cell[] => {
    const { latest } = contact.student;
    const kept = week === null ? undefined : takeTyped(typed, week, contact);
    return [
      serialOfLocalDate(latest.week),
      contact.tutor,
      contact.cohort,
      latest.name,
      latest.email,
      latest.situation,
      contact.change,
      contact.student.daysWithoutAccess,
      round1(latest.mean),
      round1OrNull(latest.expected),
      kept?.cells[COLUMN['Contato em']] ?? null,
      kept?.cells[COLUMN.Resultado] ?? null,
      contact.student.studentId,
    ];
  });
  const leftOver = typed.filter((row) => !row.used).map((row) => row.cells);
  return {
    sheetName: REPORT_SHEET.contacts,
    week,
    rows: [[...CONTACT_HEADERS], ...listed, ...leftOver],
    columnFormats: [...CONTACT_FORMATS],
    frozenRows: 1,
  };
}
