// `Contatos da semana`: whom each tutor should contact this week and why, with the student's phone,
// keeping what tutors typed on rebuilds.

import type { SchoolConfig } from '../config/load-config';
import { type HistoryRow, weekOfCell } from '../history/schema';
import { REPORT_SHEET } from '../identity/sheet-names';
import * as say from '../messages/contacts';
import { compareIds, type StudentId } from '../model/ids';
import type { Situation } from '../model/status';
import { DATE_FORMAT } from '../sheets';
import { type LocalDate, serialOfLocalDate } from '../time/local-date';
import { columnWidthsOf } from '../workbook/column-widths';
import type { CellLink, ConditionalFormatSpec, RowStyle, ValidationSpec } from '../workbook/sheet-specs';
import type { Cell, SheetContent } from '../workbook/workbook';
import { type CohortHistory, type CohortStudent, summarizeCohort } from './cohort-history';
import { explainSituation } from './situation-reason';
import { ATTENTION_ORDER, attentionRank, SITUATION_STYLE } from './situation-style';
import { round1, round1OrNull } from './statistics';
import { whatsappUrl } from './whatsapp-link';

/** Every column the sheet can have, in order; `Celular` and `WhatsApp` only with `Mostrar celular = Sim`. */
export const CONTACT_HEADERS = [
  'Aluno',
  'Turma',
  'Situação',
  'Motivo',
  'Dias sem acesso',
  'Progresso (%)',
  'Esperado (%)',
  'Celular',
  'WhatsApp',
  'E-mail',
  'Contato em',
  'Resultado',
  'Semana',
  'Aluno ID',
] as const;

export type ContactHeader = (typeof CONTACT_HEADERS)[number];

/** What a tutor records in `Resultado`: a dropdown in both hosts. */
export const CONTACT_RESULTS = ['Atendeu', 'Não atendeu', 'Deixou recado', 'Número inválido', 'Retomou os estudos', 'Vai cancelar'] as const;

const PHONE_COLUMNS: readonly ContactHeader[] = ['Celular', 'WhatsApp'];
/** The columns tutors type in: carried over from the sheet's current values on every rebuild. */
const TUTOR_COLUMNS = ['Contato em', 'Resultado'] as const;
/** The row's key, read back on rebuilds; hidden (the week is in the title). */
const KEY_COLUMNS: readonly ContactHeader[] = ['Semana', 'Aluno ID'];
/** Headers of the sheet before issue 13 (a tutor column per row, the list's reason): known, never mistaken for a renamed one. */
const FORMER_HEADERS = ['Tutor', 'Mudança'];

const FORMATS: Partial<Record<ContactHeader, string>> = {
  'Dias sem acesso': '#,##0',
  'Progresso (%)': '#,##0.0',
  'Esperado (%)': '#,##0.0',
  // Plain text: "11987654321" stays the digits Cademi has, not a number in scientific notation.
  Celular: '@',
  'Contato em': DATE_FORMAT,
  Semana: DATE_FORMAT,
  'Aluno ID': '0',
};

/** `Motivo` is wrapped at this width: a reason or two fit on one line, three on two. */
const REASON_WIDTH_PX = 300;
const HEADER_ROW = 1;
const TITLE_STYLE = { bold: true, fontSize: 12 } as const;
const TUTOR_BAND_BACKGROUND = '#e8f0fe';
const NOTES_BAND_BACKGROUND = '#f1f3f4';

/** One student on this week's list, as the sheet and the tutor's e-mail show them. */
export interface ContactEntry {
  /** The cohort's tutor (lower case); null for a cohort without one. */
  readonly tutorEmail: string | null;
  readonly tutorName: string | null;
  readonly cohort: string;
  readonly studentId: StudentId;
  readonly student: string;
  readonly email: string;
  readonly situation: Situation;
  /** `Motivo` (explainSituation). */
  readonly reason: string;
  readonly daysWithoutAccess: number | null;
  /** Rounded to one decimal, as shown. */
  readonly progress: number;
  readonly expected: number | null;
  /** Cademi's `celular`; null when it has none, or when `Mostrar celular = Não`. */
  readonly phone: string | null;
  readonly whatsappUrl: string | null;
}

export interface WeeklyContacts {
  readonly sheetName: 'Contatos da semana';
  /** The week listed (the latest recorded week of any active cohort); null before the first run. */
  readonly week: LocalDate | null;
  /**
   * The sheet: a title row (the week, when it was collected), the header, then one band per tutor
   * with their students, then, under their own bands, rows of other weeks (or no longer listed) in
   * which a tutor had typed something, kept as they were.
   */
  readonly content: SheetContent;
  /** This week's list in sheet order: what each tutor's e-mail holds; its length is the run's "N alunos para contatar". */
  readonly entries: readonly ContactEntry[];
}

interface Contact {
  readonly entry: ContactEntry;
  readonly student: CohortStudent;
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

/** On this week's list: newly worse into Atrasado/Em risco (a newcomer flagged in their first week included), or a second week Em risco. */
function isListed(student: CohortStudent): boolean {
  const now = student.latest.situation;
  if (now !== 'Em risco' && now !== 'Atrasado') return false;
  const before = student.previous?.situation ?? null;
  return before === null || severity(now) > severity(before) || (now === 'Em risco' && weeksAtRisk(student) === 2);
}

/** Most urgent first: Em risco before Atrasado, then longest without access (never accessed first), then furthest behind. */
function compareUrgency(a: Contact, b: Contact): number {
  const rank = attentionRank(a.entry.situation) - attentionRank(b.entry.situation);
  if (rank !== 0) return rank;
  const absence = (b.student.daysWithoutAccess ?? Infinity) - (a.student.daysWithoutAccess ?? Infinity);
  if (absence !== 0 && !Number.isNaN(absence)) return absence;
  const gap = (contact: Contact) => contact.student.latest.mean - (contact.student.latest.expected ?? contact.student.latest.mean);
  return gap(a) - gap(b) || a.entry.student.localeCompare(b.entry.student, 'pt-BR') || compareIds(a.entry.studentId, b.entry.studentId);
}

interface TutorGroup {
  readonly email: string | null;
  readonly name: string | null;
  readonly contacts: Contact[];
}

/**
 * One group per tutor e-mail, each most urgent first. Groups are ordered by their most urgent
 * student (the tutor with the gravest case first), ties by name; cohorts without a tutor come last,
 * for the coordinator.
 */
function groupByTutor(contacts: readonly Contact[]): TutorGroup[] {
  const groups = new Map<string, TutorGroup>();
  for (const contact of contacts) {
    const key = contact.entry.tutorEmail ?? '';
    const group = groups.get(key) ?? { email: contact.entry.tutorEmail, name: contact.entry.tutorName, contacts: [] };
    group.contacts.push(contact);
    groups.set(key, group);
  }
  const sorted = [...groups.values()];
  for (const group of sorted) group.contacts.sort(compareUrgency);
  const label = (group: TutorGroup) => group.name ?? group.email ?? '';
  return sorted.sort((a, b) => {
    if ((a.email === null) !== (b.email === null)) return a.email === null ? 1 : -1;
    const [first, second] = [a.contacts[0], b.contacts[0]];
    const urgency = first && second ? compareUrgency(first, second) : 0;
    return urgency || label(a).localeCompare(label(b), 'pt-BR');
  });
}

/** The sheet's columns: every header, without the phone's two when `Mostrar celular = Não`. */
export function contactColumns(showPhone: boolean): ContactHeader[] {
  return CONTACT_HEADERS.filter((name) => showPhone || !PHONE_COLUMNS.includes(name));
}

// ---- what tutors typed ------------------------------------------------------------------------

function textOf(cell: Cell | undefined): string {
  return cell === null || cell === undefined ? '' : String(cell).trim();
}

function isBlank(cell: Cell | undefined): boolean {
  return textOf(cell) === '';
}

function studentIdOf(cell: Cell | undefined): number | null {
  const value = typeof cell === 'number' ? cell : textOf(cell) !== '' ? Number(textOf(cell)) : NaN;
  return Number.isFinite(value) ? value : null;
}

/** The previous sheet's header row: the first of its top rows that names a key or a typed column (the title sits above it). */
function headerRowOf(previous: readonly (readonly Cell[])[]): number {
  const marks: readonly string[] = [...TUTOR_COLUMNS, ...KEY_COLUMNS];
  return previous.slice(0, 5).findIndex((row) => row.some((cell) => marks.includes(textOf(cell))));
}

/**
 * Finds each column of the previous sheet by header. A header a person renamed falls back to its
 * standard position (in the layout the sheet was written with), unless another known header is there.
 */
function previousColumns(header: readonly Cell[]): Record<ContactHeader, number> {
  const names = header.map(textOf);
  const layout = contactColumns(names.some((name) => PHONE_COLUMNS.includes(name as ContactHeader)));
  const known = new Set<string>([...CONTACT_HEADERS, ...FORMER_HEADERS]);
  const columns = {} as Record<ContactHeader, number>;
  for (const name of CONTACT_HEADERS) {
    const found = names.indexOf(name);
    const standard = layout.indexOf(name);
    columns[name] = found >= 0 ? found : standard >= 0 && !known.has(names[standard] ?? '') ? standard : -1;
  }
  return columns;
}

interface TypedRow {
  readonly key: string;
  readonly looseKey: string;
  readonly week: LocalDate | null;
  readonly cells: Record<ContactHeader, Cell>;
  used: boolean;
}

/** The previous sheet's rows in which a tutor typed something, keyed by week, student and cohort. */
function typedRows(previous: readonly (readonly Cell[])[] | null): TypedRow[] {
  if (!previous) return [];
  const headerRow = headerRowOf(previous);
  const header = previous[headerRow];
  if (header === undefined) return [];
  const columns = previousColumns(header);
  const out: TypedRow[] = [];
  for (const row of previous.slice(headerRow + 1)) {
    if (TUTOR_COLUMNS.every((name) => isBlank(row[columns[name]]))) continue;
    const cells = Object.fromEntries(CONTACT_HEADERS.map((name) => [name, row[columns[name]] ?? null])) as Record<ContactHeader, Cell>;
    const week = weekOfCell(cells.Semana ?? undefined);
    const looseKey = `${week ?? ''}|${studentIdOf(cells['Aluno ID']) ?? ''}`;
    out.push({ key: `${looseKey}|${textOf(cells.Turma)}`, looseKey, week, cells, used: false });
  }
  return out;
}

/** The tutor-typed row for a contact: same week, student and cohort, else same week and student. */
function takeTyped(typed: TypedRow[], week: LocalDate, entry: ContactEntry): TypedRow | undefined {
  const looseKey = `${week}|${entry.studentId}`;
  const match = typed.find((row) => !row.used && row.key === `${looseKey}|${entry.cohort}`) ?? typed.find((row) => !row.used && row.looseKey === looseKey);
  if (match) match.used = true;
  return match;
}

/** Kept rows under one band each: this week's first (students off the list), then earlier weeks newest first, then rows without a week. */
function groupLeftovers(rows: readonly TypedRow[], week: LocalDate | null): { band: string; rows: TypedRow[] }[] {
  const weeks = [...new Set(rows.map((row) => row.week))].sort((a, b) =>
    a === null ? 1 : b === null ? -1 : a === week ? -1 : b === week ? 1 : b.localeCompare(a),
  );
  return weeks.map((rowWeek) => ({
    band: rowWeek === null ? say.NOTES_WITHOUT_WEEK : rowWeek === week ? say.NOTES_OFF_THE_LIST : say.earlierNotesBand(rowWeek),
    rows: rows.filter((row) => row.week === rowWeek),
  }));
}

// ---- the sheet --------------------------------------------------------------------------------

/** The phone each student of `week` has in `Histórico` (any product row that names one), by cohort and student. */
function phonesOf(rows: readonly HistoryRow[], week: LocalDate): Map<string, string> {
  const phones = new Map<string, string>();
  for (const row of rows) if (row.week === week && row.phone !== null) phones.set(`${row.cohort}|${row.studentId}`, row.phone);
  return phones;
}

/** Each tutor's name by e-mail: a tutor named in one cohort's `Tutor` cell and not in another's is named all the same. */
function tutorNamesOf(config: SchoolConfig): Map<string, string> {
  const names = new Map<string, string>();
  for (const cohort of config.cohorts) {
    const email = cohort.tutorEmail?.toLowerCase();
    if (email !== undefined && cohort.tutorName && !names.has(email)) names.set(email, cohort.tutorName);
  }
  return names;
}

/** This week's listed students of every active cohort, unsorted, with what the sheet and the e-mail show of them. */
function listContacts(rows: readonly HistoryRow[], config: SchoolConfig, histories: readonly CohortHistory[], week: LocalDate): Contact[] {
  const { settings } = config;
  const phones = settings.showPhone ? phonesOf(rows, week) : new Map<string, string>();
  const tutorNames = tutorNamesOf(config);
  const contacts: Contact[] = [];
  for (const { cohort, students } of histories) {
    const tutorEmail = cohort.tutorEmail?.toLowerCase() ?? null;
    for (const student of students) {
      if (student.latest.week !== week || !isListed(student)) continue;
      const { latest } = student;
      const phone = phones.get(`${cohort.name}|${student.studentId}`) ?? null;
      contacts.push({
        student,
        entry: {
          tutorEmail,
          tutorName: tutorEmail === null ? null : (tutorNames.get(tutorEmail) ?? null),
          cohort: cohort.name,
          studentId: student.studentId,
          student: latest.name,
          email: latest.email,
          situation: latest.situation,
          reason: explainSituation(student, settings),
          daysWithoutAccess: student.daysWithoutAccess,
          progress: round1(latest.mean),
          expected: round1OrNull(latest.expected),
          phone,
          whatsappUrl: whatsappUrl(phone),
        },
      });
    }
  }
  return contacts;
}

/** When the listed week's data was collected: its latest collection over the active cohorts. */
function collectedAtOf(histories: readonly CohortHistory[], week: LocalDate | null): number | null {
  const times = histories.flatMap((history) => (week === null ? [] : (history.byWeek.get(week) ?? []))).map((summary) => summary.collectedAt);
  return times.length === 0 ? null : times.reduce((a, b) => Math.max(a, b));
}

/** A listed student's row, with what a tutor typed for them (`kept`). */
function contactCells(entry: ContactEntry, week: LocalDate, kept: TypedRow | undefined): Record<ContactHeader, Cell> {
  return {
    Aluno: entry.student,
    Turma: entry.cohort,
    Situação: entry.situation,
    Motivo: entry.reason,
    'Dias sem acesso': entry.daysWithoutAccess,
    'Progresso (%)': entry.progress,
    'Esperado (%)': entry.expected,
    Celular: entry.phone,
    WhatsApp: null,
    'E-mail': entry.email,
    'Contato em': kept?.cells['Contato em'] ?? null,
    Resultado: kept?.cells.Resultado ?? null,
    Semana: serialOfLocalDate(week),
    'Aluno ID': entry.studentId,
  };
}

/**
 * The contacts sheet: students of active cohorts whose situation got worse this week into
 * `Atrasado` or `Em risco` (a newcomer flagged in their first week included), or who are `Em risco`
 * for a second week running; one band per tutor (see groupByTutor), most urgent first, each row
 * with its `Motivo`, the figures it refers to and, with `Mostrar celular = Sim`, the phone and a
 * WhatsApp link. `Contato em` and `Resultado` are carried from `previous` (the sheet's current
 * values, or null) for the same week and `Aluno ID`, and rows of other weeks (or no longer listed)
 * that a tutor filled in are kept below, so nothing a tutor typed is lost.
 */
export function buildWeeklyContacts(rows: readonly HistoryRow[], config: SchoolConfig, previous: readonly (readonly Cell[])[] | null): WeeklyContacts {
  const { settings } = config;
  const histories = config.cohorts.filter((cohort) => cohort.active).map((cohort) => summarizeCohort(rows, cohort));
  const weeks = histories.map((history) => history.lastWeek).filter((week): week is LocalDate => week !== null);
  // biome-ignore lint/complexity/useMathMinMax: weeks are ISO date strings, which Math.max would turn into NaN
  const week = weeks.length === 0 ? null : weeks.reduce((a, b) => (a > b ? a : b));
  const collectedAt = collectedAtOf(histories, week);

  const sheet = new ContactSheet(contactColumns(settings.showPhone));
  sheet.title(week === null || collectedAt === null ? say.CONTACTS_TITLE_EMPTY : say.contactsTitle(week, collectedAt, settings.timeZone));
  sheet.header();
  const typed = typedRows(previous);
  const entries: ContactEntry[] = [];
  if (week !== null) {
    for (const group of groupByTutor(listContacts(rows, config, histories, week))) {
      sheet.band(say.tutorBand(group.name, group.email, group.contacts.length), TUTOR_BAND_BACKGROUND);
      for (const { entry } of group.contacts) {
        entries.push(entry);
        sheet.student(contactCells(entry, week, takeTyped(typed, week, entry)), entry.whatsappUrl);
      }
    }
  }
  for (const group of groupLeftovers(
    typed.filter((row) => !row.used),
    week,
  )) {
    sheet.band(group.band, NOTES_BAND_BACKGROUND);
    for (const row of group.rows) {
      // The kept row's link is built again from its phone: a sheet's links are not read back.
      const phone = settings.showPhone ? textOf(row.cells.Celular) || null : null;
      sheet.student({ ...row.cells, WhatsApp: null }, whatsappUrl(phone));
    }
  }
  return { sheetName: REPORT_SHEET.contacts, week, content: sheet.content(), entries };
}

/** The sheet's rows as they are added, with the styles, links and rules that go with them. */
class ContactSheet {
  private readonly rows: Cell[][] = [];
  private readonly rowStyles: RowStyle[] = [];
  private readonly links: CellLink[] = [];
  /** Rows that hold a student (for the widths: titles and bands span columns). */
  private readonly studentRows: Cell[][] = [];
  private readonly at: (name: ContactHeader) => number;

  constructor(private readonly columns: readonly ContactHeader[]) {
    this.at = (name) => columns.indexOf(name);
  }

  title(text: string): void {
    this.rowStyles.push({ row: this.rows.length, ...TITLE_STYLE });
    this.rows.push([text]);
  }

  header(): void {
    this.rows.push([...this.columns]);
  }

  band(text: string, background: string): void {
    this.rowStyles.push({ row: this.rows.length, bold: true, background });
    this.rows.push([text]);
  }

  /** A student's row; `url` (the WhatsApp link) puts the link text in its column. */
  student(cells: Record<ContactHeader, Cell>, url: string | null): void {
    const whatsapp = this.at('WhatsApp');
    const row = this.columns.map((name) => (name === 'WhatsApp' ? null : cells[name]));
    if (url !== null && whatsapp >= 0) {
      row[whatsapp] = say.WHATSAPP_LINK_TEXT;
      this.links.push({ row: this.rows.length, column: whatsapp, url });
    }
    this.rows.push(row);
    this.studentRows.push(row);
  }

  content(): SheetContent {
    const columnFormats = this.columns.map((name) => FORMATS[name]);
    const widths = columnWidthsOf({ rows: [[...this.columns], ...this.studentRows], columnFormats });
    widths[this.at('Motivo')] = REASON_WIDTH_PX;
    const situation = this.at('Situação');
    const validations: ValidationSpec[] = [
      { kind: 'date', column: this.at('Contato em'), helpText: say.CONTACT_DATE_HELP },
      { kind: 'list', column: this.at('Resultado'), values: CONTACT_RESULTS, helpText: say.CONTACT_RESULT_HELP },
    ];
    const conditionalFormats = ATTENTION_ORDER.map(
      (name): ConditionalFormatSpec => ({
        kind: 'text-equals',
        column: situation,
        text: name,
        background: SITUATION_STYLE[name].background,
        fontColor: SITUATION_STYLE[name].fontColor,
      }),
    );
    return {
      rows: this.rows,
      headerRow: HEADER_ROW,
      frozenRows: HEADER_ROW + 1,
      columnFormats,
      columnWidths: widths,
      wrappedColumns: [this.at('Motivo')],
      hiddenColumns: KEY_COLUMNS.map(this.at),
      validations,
      links: this.links,
      rowStyles: this.rowStyles,
      conditionalFormats,
      filter: true,
    };
  }
}
