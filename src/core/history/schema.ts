// `Histórico`: the weekly snapshots, one row per (week, student, product), and its cell codec.

import { historyColumnChanged, historyHeadersChanged } from '../messages/history';
import { idOfCell, type ProductId, type StudentId } from '../model/ids';
import { SITUATIONS, type Situation } from '../model/status';
import { DATE_FORMAT, DATETIME_FORMAT } from '../sheets';
import { instantOfSerial, type LocalDate, localDateOfSerial, parseLocalDate, serialOfInstant, serialOfLocalDate } from '../time/local-date';
import type { Cell } from '../workbook/workbook';

export const HISTORY_HEADERS = [
  'Semana',
  'Turma',
  'Aluno ID',
  'Nome',
  'E-mail',
  'Produto ID',
  'Produto',
  'Progresso (%)',
  'Aulas concluídas',
  'Último acesso',
  'Esperado (%)',
  'Situação',
  'Origem',
  'Coletado em',
  'Celular',
] as const;

/** Fixed decimals (`12,5`), whole counts with thousands separators; `Celular` as plain text, so "11987654321" stays the digits typed. */
export const HISTORY_FORMATS: readonly (string | undefined)[] = [
  DATE_FORMAT,
  undefined,
  '0',
  undefined,
  undefined,
  '0',
  undefined,
  '#,##0.0',
  '#,##0',
  DATETIME_FORMAT,
  '#,##0.0',
  undefined,
  undefined,
  DATETIME_FORMAT,
  '@',
];

/** `API` = collected this week; `Mantido` = no access since the last snapshot, so carried without a call. */
export type Origin = 'API' | 'Mantido';

export interface HistoryRow {
  readonly week: LocalDate;
  readonly cohort: string;
  readonly studentId: StudentId;
  readonly name: string;
  readonly email: string;
  readonly productId: ProductId;
  readonly productName: string;
  readonly progress: number;
  readonly lessonsCompleted: number;
  /** Epoch ms of the student's last access; null = never. */
  readonly lastAccessAt: number | null;
  readonly expected: number | null;
  readonly situation: Situation;
  readonly origin: Origin;
  /** Epoch ms at which the value was known to be current. */
  readonly collectedAt: number;
  /**
   * Cademi's `celular` that week (null = none), for the tutors' `Contatos da semana`. Contact data: it
   * stays in the school's spreadsheet (the BigQuery copy leaves it out, see bigquery/history-table).
   */
  readonly phone: string | null;
}

/** The row's identity: a week holds at most one row per student and product. */
export function historyKey(row: Pick<HistoryRow, 'week' | 'studentId' | 'productId'>): string {
  return `${row.week}|${row.studentId}|${row.productId}`;
}

export function encodeHistoryRow(row: HistoryRow, timeZone: string): Cell[] {
  return [
    serialOfLocalDate(row.week),
    row.cohort,
    row.studentId,
    row.name,
    row.email,
    row.productId,
    row.productName,
    row.progress,
    row.lessonsCompleted,
    row.lastAccessAt === null ? null : serialOfInstant(row.lastAccessAt, timeZone),
    row.expected,
    row.situation,
    row.origin,
    serialOfInstant(row.collectedAt, timeZone),
    row.phone,
  ];
}

/** Reads the week of a stored row cheaply (serial number or typed ISO date). */
export function weekOfCell(cell: Cell | undefined): LocalDate | null {
  if (typeof cell === 'number' && cell > 0) return localDateOfSerial(cell);
  if (typeof cell === 'string') return parseLocalDate(cell);
  return null;
}

function numberOf(cell: Cell | undefined): number | null {
  if (typeof cell === 'number' && Number.isFinite(cell)) return cell;
  if (typeof cell === 'string' && cell.trim() !== '' && Number.isFinite(Number(cell))) return Number(cell);
  return null;
}

/** Decodes one stored row; null when a person has broken it (the caller reports it). */
export function decodeHistoryRow(cells: readonly Cell[], timeZone: string): HistoryRow | null {
  const week = weekOfCell(cells[0]);
  const studentId = idOfCell(cells[2]);
  const productId = idOfCell(cells[5]);
  const progress = numberOf(cells[7]);
  const collected = numberOf(cells[13]);
  const situation = String(cells[11] ?? '') as Situation;
  const origin = String(cells[12] ?? '');
  if (week === null || studentId === null || productId === null || progress === null || collected === null) return null;
  if (!SITUATIONS.includes(situation) || (origin !== 'API' && origin !== 'Mantido')) return null;
  const lastAccess = numberOf(cells[9]);
  const phone = cells[14];
  return {
    week,
    cohort: String(cells[1] ?? ''),
    studentId,
    name: String(cells[3] ?? ''),
    email: String(cells[4] ?? ''),
    productId,
    productName: String(cells[6] ?? ''),
    progress,
    lessonsCompleted: numberOf(cells[8]) ?? 0,
    lastAccessAt: lastAccess === null ? null : instantOfSerial(lastAccess, timeZone),
    expected: numberOf(cells[10]),
    situation,
    origin,
    collectedAt: instantOfSerial(collected, timeZone),
    // A number when a host read typed digits as one; blank when Cademi had none.
    phone: phone === null || phone === undefined || String(phone).trim() === '' ? null : String(phone).trim(),
  };
}

/** Thrown when `Histórico`'s columns were renamed, removed or moved: nothing is written then. */
export class HistorySchemaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HistorySchemaError';
  }
}

/** Checks the header row is exactly HISTORY_HEADERS (an empty sheet is fine). */
export function checkHistoryHeader(values: Cell[][] | null): void {
  const headerRow = values?.[0];
  if (headerRow === undefined) return;
  const header = headerRow.map((cell) => (cell === null ? '' : String(cell).trim()));
  const problems = HISTORY_HEADERS.flatMap((name, index) => (header[index] === name ? [] : [historyColumnChanged(index + 1, name, header[index] ?? '')]));
  if (problems.length > 0) {
    throw new HistorySchemaError(historyHeadersChanged(problems.slice(0, 3)));
  }
}
