// What an unfinished run has collected so far, kept in the hidden `_Coleta` sheet between slices.
// The staging table is the source of truth for data; the checkpoint only holds cursors.

import type { StudentDateField } from '../cademi/types';
import type { Origin } from '../history/schema';
import { idOfCell, type ProductId, type StudentId } from '../model/ids';
import type { Cell } from '../workbook/workbook';

export interface StagedProduct {
  readonly kind: 'product';
  readonly productId: ProductId;
  readonly name: string;
}

export interface StagedStudent {
  readonly kind: 'student';
  readonly cohort: string;
  readonly studentId: StudentId;
  readonly name: string;
  readonly email: string;
  /** Cademi's `celular`, null when it has none (or the staging sheet predates the column). */
  readonly phone: string | null;
  readonly createdAt: number | null;
  readonly lastAccessAt: number | null;
  /** Date fields Cademi sent with an impossible date (read as null), kept so every slice can warn. */
  readonly impossibleDates?: readonly StudentDateField[];
  /** The id the API knows the student by, when their rows use another (a v3 student matched to their v1 id). */
  readonly apiId?: StudentId;
}

export interface StagedProgress {
  readonly kind: 'progress';
  readonly studentId: StudentId;
  readonly productId: ProductId;
  readonly progress: number;
  readonly lessonsCompleted: number;
  readonly origin: Origin;
}

/** A (student, product) the API could not answer for (no access to the product, say). */
export interface StagedSkip {
  readonly kind: 'skip';
  readonly studentId: StudentId;
  readonly productId: ProductId;
  readonly reason: string;
}

export type StagedRecord = StagedProduct | StagedStudent | StagedProgress | StagedSkip;

const STAGING_HEADERS = [
  'Tipo',
  'Turma',
  'Aluno ID',
  'Nome',
  'E-mail',
  'Criado em',
  'Último acesso',
  'Produto ID',
  'Progresso',
  'Aulas concluídas',
  'Origem',
  'Execução',
  'Datas impossíveis',
  'Celular',
  'ID na API',
] as const;

const STUDENT_DATE_FIELDS: readonly StudentDateField[] = ['criado_em', 'ultimo_acesso_em'];

/** Encodes records for the staging sheet; times stay epoch ms (the sheet is the job's, not people's). */
export function encodeStaging(runId: string, records: readonly StagedRecord[]): Cell[][] {
  const rows: Cell[][] = [[...STAGING_HEADERS]];
  for (const record of records) {
    switch (record.kind) {
      case 'product':
        rows.push(['produto', null, null, record.name, null, null, null, record.productId, null, null, null, runId]);
        break;
      case 'student':
        rows.push([
          'aluno',
          record.cohort,
          record.studentId,
          record.name,
          record.email,
          record.createdAt,
          record.lastAccessAt,
          null,
          null,
          null,
          null,
          runId,
          record.impossibleDates?.join(',') ?? null,
          record.phone,
          record.apiId ?? null,
        ]);
        break;
      case 'progress':
        rows.push([
          'progresso',
          null,
          record.studentId,
          null,
          null,
          null,
          null,
          record.productId,
          record.progress,
          record.lessonsCompleted,
          record.origin,
          runId,
        ]);
        break;
      case 'skip':
        rows.push(['ignorado', null, record.studentId, record.reason, null, null, null, record.productId, null, null, null, runId]);
        break;
    }
  }
  return rows;
}

const num = (cell: Cell | undefined): number => Number(cell);
/** An id as encoded: v1's integer or a v3 id (NaN for a cell a person broke, as `num` gives). */
const id = (cell: Cell | undefined): number | string => idOfCell(cell) ?? Number.NaN;
const optionalNum = (cell: Cell | undefined): number | null => (cell === null || cell === undefined || cell === '' ? null : Number(cell));

/** Decodes the staging sheet; rows of another run are ignored (a stale sheet never leaks in). */
export function decodeStaging(values: Cell[][] | null, runId: string): StagedRecord[] {
  const records: StagedRecord[] = [];
  for (const row of (values ?? []).slice(1)) {
    if (row[11] !== runId) continue;
    switch (row[0]) {
      case 'produto':
        records.push({ kind: 'product', productId: id(row[7]), name: String(row[3] ?? '') });
        break;
      case 'aluno': {
        // A sheet from before a column existed simply has none (impossible dates, phone).
        const impossible = String(row[12] ?? '')
          .split(',')
          .filter((field): field is StudentDateField => (STUDENT_DATE_FIELDS as readonly string[]).includes(field));
        records.push({
          kind: 'student',
          cohort: String(row[1]),
          studentId: id(row[2]),
          name: String(row[3] ?? ''),
          email: String(row[4] ?? ''),
          phone: row[13] === null || row[13] === undefined || row[13] === '' ? null : String(row[13]),
          createdAt: optionalNum(row[5]),
          lastAccessAt: optionalNum(row[6]),
          ...(impossible.length > 0 ? { impossibleDates: impossible } : {}),
          ...(idOfCell(row[14]) === null ? {} : { apiId: idOfCell(row[14])! }),
        });
        break;
      }
      case 'progresso':
        records.push({
          kind: 'progress',
          studentId: id(row[2]),
          productId: id(row[7]),
          progress: num(row[8]),
          lessonsCompleted: num(row[9]),
          origin: row[10] === 'Mantido' ? 'Mantido' : 'API',
        });
        break;
      case 'ignorado':
        records.push({ kind: 'skip', studentId: id(row[2]), productId: id(row[7]), reason: String(row[3] ?? '') });
        break;
    }
  }
  return records;
}
