// The BigQuery table that mirrors `Histórico`: its schema, and the HistoryRow ⇄ JSON record codec.

import { type HistoryRow, historyKey, type Origin } from '../history/schema';
import * as say from '../messages/bigquery';
import type { ProductId, StudentId } from '../model/ids';
import { SITUATIONS, type Situation } from '../model/status';
import { parseLocalDate } from '../time/local-date';

/** BigQuery's standard SQL types this table uses (the REST schema also accepts these names). */
export type BigQueryType = 'STRING' | 'DATE' | 'INT64' | 'FLOAT64' | 'TIMESTAMP';

export interface BigQueryField {
  readonly name: string;
  readonly type: BigQueryType;
  readonly mode: 'REQUIRED' | 'NULLABLE';
  readonly description: string;
}

/**
 * The table's columns in SELECT order; `row_key` is the identity (and the insertAll insertId).
 * `Histórico`'s `Celular` is left out on purpose: a student's phone is contact data for the school's
 * tutors, kept in the school's own spreadsheet; an analytics warehouse (other readers, other
 * retention, a copy per query) has no use for it. Reports built from this table take the phones
 * from `Histórico` (withSpreadsheetPhones).
 */
export const HISTORY_TABLE_FIELDS: readonly BigQueryField[] = [
  { name: 'row_key', type: 'STRING', mode: 'REQUIRED', description: 'week|studentId|productId' },
  { name: 'week', type: 'DATE', mode: 'REQUIRED', description: 'Semana (segunda-feira)' },
  { name: 'cohort', type: 'STRING', mode: 'REQUIRED', description: 'Turma' },
  { name: 'student_id', type: 'INT64', mode: 'NULLABLE', description: 'Aluno ID (v1)' },
  { name: 'name', type: 'STRING', mode: 'REQUIRED', description: 'Nome' },
  { name: 'email', type: 'STRING', mode: 'REQUIRED', description: 'E-mail' },
  { name: 'product_id', type: 'INT64', mode: 'NULLABLE', description: 'Produto ID (v1)' },
  { name: 'product_name', type: 'STRING', mode: 'REQUIRED', description: 'Produto' },
  { name: 'progress', type: 'FLOAT64', mode: 'REQUIRED', description: 'Progresso (%)' },
  { name: 'lessons_completed', type: 'INT64', mode: 'REQUIRED', description: 'Aulas concluídas' },
  { name: 'last_access_at', type: 'TIMESTAMP', mode: 'NULLABLE', description: 'Último acesso (nulo = nunca)' },
  { name: 'expected', type: 'FLOAT64', mode: 'NULLABLE', description: 'Esperado (%)' },
  { name: 'situation', type: 'STRING', mode: 'REQUIRED', description: 'Situação' },
  { name: 'origin', type: 'STRING', mode: 'REQUIRED', description: 'Origem (API | Mantido)' },
  { name: 'collected_at', type: 'TIMESTAMP', mode: 'REQUIRED', description: 'Coletado em' },
  // Last: BigQuery adds columns only at the end of a table, so a table made before them is upgraded in place.
  { name: 'student_key', type: 'STRING', mode: 'NULLABLE', description: 'Aluno ID (v3)' },
  { name: 'product_key', type: 'STRING', mode: 'NULLABLE', description: 'Produto ID (v3)' },
];

/**
 * An id goes in one of two columns: v1's integers in the INT64 `_id` column, v3's strings in the
 * STRING `_key` one. A column with no value is left out of the record rather than sent as null, so a
 * table created before the `_key` columns still takes every v1 row.
 */
const ID_COLUMNS = {
  student: { integer: 'student_id', text: 'student_key' },
  product: { integer: 'product_id', text: 'product_key' },
} as const;

/** A row as insertAll's `json`: DATE as 'YYYY-MM-DD', TIMESTAMP as RFC 3339 UTC with milliseconds. */
export interface BigQueryHistoryRecord {
  readonly row_key: string;
  readonly week: string;
  readonly cohort: string;
  readonly student_id?: number;
  readonly student_key?: string;
  readonly name: string;
  readonly email: string;
  readonly product_id?: number;
  readonly product_key?: string;
  readonly product_name: string;
  readonly progress: number;
  readonly lessons_completed: number;
  readonly last_access_at: string | null;
  readonly expected: number | null;
  readonly situation: string;
  readonly origin: string;
  readonly collected_at: string;
}

/** A record or a query row does not fit HistoryRow: names the row key and the column. */
export class BigQueryShapeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BigQueryShapeError';
  }
}

/** The table's identity of a row, the same as `Histórico`'s: week|studentId|productId. */
export function rowKeyOf(row: Pick<HistoryRow, 'week' | 'studentId' | 'productId'>): string {
  return historyKey(row);
}

/** An id as its column: `{ student_id: 12 }` or `{ student_key: 'usr_…' }`. */
function idColumn(kind: keyof typeof ID_COLUMNS, id: StudentId | ProductId): Record<string, number | string> {
  return typeof id === 'number' ? { [ID_COLUMNS[kind].integer]: id } : { [ID_COLUMNS[kind].text]: id };
}

export function toBigQueryRow(row: HistoryRow): BigQueryHistoryRecord {
  return {
    row_key: rowKeyOf(row),
    week: row.week,
    cohort: row.cohort,
    ...idColumn('student', row.studentId),
    name: row.name,
    email: row.email,
    ...idColumn('product', row.productId),
    product_name: row.productName,
    progress: row.progress,
    lessons_completed: row.lessonsCompleted,
    last_access_at: row.lastAccessAt === null ? null : new Date(row.lastAccessAt).toISOString(),
    expected: row.expected,
    situation: row.situation,
    origin: row.origin,
    collected_at: new Date(row.collectedAt).toISOString(),
  };
}

/**
 * Reads a record back: from toBigQueryRow's output, or from a decoded query row, where every value
 * is a string (INT64 "12", FLOAT64 "12.5", TIMESTAMP as epoch seconds "1.7893764E9") or null.
 */
export function fromBigQueryRow(record: Readonly<Record<string, unknown>>): HistoryRow {
  const where = say.tableRow(typeof record.row_key === 'string' ? record.row_key : null);
  const fail = (column: string, what: string): never => {
    throw new BigQueryShapeError(say.badColumnValue(where, column, what, JSON.stringify(record[column] ?? null)));
  };
  const text = (column: string): string => {
    const value = record[column];
    return typeof value === 'string' ? value : fail(column, say.COLUMN_PROBLEM.text);
  };
  const numberOrNull = (column: string): number | null => {
    const value = record[column];
    if (value === null || value === undefined) return null;
    const parsed = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
    return Number.isFinite(parsed) ? parsed : fail(column, say.COLUMN_PROBLEM.number);
  };
  const number = (column: string): number => numberOrNull(column) ?? fail(column, say.COLUMN_PROBLEM.required);
  const instantOrNull = (column: string): number | null => {
    const value = record[column];
    if (value === null || value === undefined) return null;
    if (typeof value === 'number') return Math.round(value * 1000);
    if (typeof value !== 'string') return fail(column, say.COLUMN_PROBLEM.timestamp);
    if (/^-?[\d.]+(E[+-]?\d+)?$/i.test(value.trim())) return Math.round(Number(value) * 1000);
    const parsed = Date.parse(value);
    return Number.isFinite(parsed) ? parsed : fail(column, say.COLUMN_PROBLEM.timestamp);
  };
  /** The `_key` column's text when it has one (a v3 id), else the `_id` column's integer. */
  const id = (kind: keyof typeof ID_COLUMNS): StudentId | ProductId => {
    const key = record[ID_COLUMNS[kind].text];
    if (key === null || key === undefined) return number(ID_COLUMNS[kind].integer);
    return typeof key === 'string' && key.trim() !== '' ? key : fail(ID_COLUMNS[kind].text, say.COLUMN_PROBLEM.text);
  };
  const week = parseLocalDate(text('week')) ?? fail('week', say.COLUMN_PROBLEM.date);
  const situation = text('situation');
  if (!(SITUATIONS as readonly string[]).includes(situation)) fail('situation', say.notASituation(SITUATIONS));
  const origin = text('origin');
  if (origin !== 'API' && origin !== 'Mantido') fail('origin', say.COLUMN_PROBLEM.origin);
  return {
    week,
    cohort: text('cohort'),
    studentId: id('student'),
    name: text('name'),
    email: text('email'),
    productId: id('product'),
    productName: text('product_name'),
    progress: number('progress'),
    lessonsCompleted: number('lessons_completed'),
    lastAccessAt: instantOrNull('last_access_at'),
    expected: numberOrNull('expected'),
    situation: situation as Situation,
    origin: origin as Origin,
    collectedAt: instantOrNull('collected_at') ?? fail('collected_at', say.COLUMN_PROBLEM.required),
    phone: null,
  };
}

/**
 * Rows read back from BigQuery, with the phones `Histórico` holds for the same week, student and
 * product (the table never has them): the week the tutors' contacts list is built from is always
 * still in `Histórico`, archived weeks are not listed.
 */
export function withSpreadsheetPhones(rows: readonly HistoryRow[], sheetRows: readonly HistoryRow[]): HistoryRow[] {
  const phones = new Map<string, string>();
  for (const row of sheetRows) if (row.phone !== null) phones.set(historyKey(row), row.phone);
  return rows.map((row) => {
    const phone = phones.get(historyKey(row));
    return phone === undefined || row.phone !== null ? row : { ...row, phone };
  });
}

type TableName = { projectId: string; datasetId: string; tableId: string };

/**
 * The DDL that readies a table created before v3's ids: the `_key` columns added (new columns must be
 * NULLABLE and go at the end) and the INT64 id columns made NULLABLE, which a v3 row leaves empty.
 * Both are in-place schema changes that keep every row
 * (https://cloud.google.com/bigquery/docs/managing-table-schemas). Idempotent: run again, it changes nothing.
 */
export function upgradeHistoryTableDdl(table: TableName): string {
  const name = `\`${table.projectId}.${table.datasetId}.${table.tableId}\``;
  const keys = HISTORY_TABLE_FIELDS.filter((field) => field.name === ID_COLUMNS.student.text || field.name === ID_COLUMNS.product.text);
  return [
    `ALTER TABLE ${name} ${keys.map((field) => `ADD COLUMN IF NOT EXISTS ${field.name} ${field.type}`).join(', ')};`,
    `ALTER TABLE ${name} ALTER COLUMN ${ID_COLUMNS.student.integer} DROP NOT NULL;`,
    `ALTER TABLE ${name} ALTER COLUMN ${ID_COLUMNS.product.integer} DROP NOT NULL;`,
  ].join('\n');
}

/** The dataset-and-table DDL to create the table once (partitioned by week, clustered by cohort). */
export function createHistoryTableDdl(table: TableName): string {
  const columns = HISTORY_TABLE_FIELDS.map(
    (field) => `  ${field.name} ${field.type}${field.mode === 'REQUIRED' ? ' NOT NULL' : ''} OPTIONS(description=${JSON.stringify(field.description)})`,
  );
  return [
    `CREATE SCHEMA IF NOT EXISTS \`${table.projectId}.${table.datasetId}\`;`,
    `CREATE TABLE IF NOT EXISTS \`${table.projectId}.${table.datasetId}.${table.tableId}\` (`,
    columns.join(',\n'),
    ')',
    'PARTITION BY week',
    'CLUSTER BY cohort, student_id, student_key;',
  ].join('\n');
}
