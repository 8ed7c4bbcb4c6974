// `_Identidade`: what the job remembers about identities, in a hidden sheet of its own (like `_Coleta`),
// so both hosts keep it the same way: the owned sheets it created, and each cohort's name in the history.

import { SHEET } from '../sheets';
import type { Cell, Workbook } from '../workbook/workbook';

const IDENTITY_HEADERS = ['Tipo', 'Chave', 'Nome', 'Nomes anteriores'] as const;

export interface CohortRecord {
  /** The name this cohort's rows carry in `Histórico`, `Ajustes` and its sheets. */
  readonly name: string;
  /** Earlier names, oldest first: rows copied elsewhere before a rename (archive, BigQuery) still carry them. */
  readonly formerNames: readonly string[];
}

export interface IdentityRecord {
  /** Identity keys of owned sheets the job created or adopted: one of them missing is noticed. */
  readonly sheets: ReadonlySet<string>;
  /** Cohort ID → what the job last wrote for it. */
  readonly cohorts: ReadonlyMap<string, CohortRecord>;
}

const text = (cell: Cell | undefined) => (cell === null || cell === undefined ? '' : String(cell).trim());

function formerNamesOf(cell: Cell | undefined): string[] {
  try {
    const parsed: unknown = JSON.parse(text(cell) || '[]');
    return Array.isArray(parsed) ? parsed.filter((name): name is string => typeof name === 'string') : [];
  } catch {
    return [];
  }
}

/** Reads the record; a missing or empty sheet is an empty record (a workbook from an earlier version). */
export function readIdentityRecord(workbook: Workbook): IdentityRecord {
  const sheets = new Set<string>();
  const cohorts = new Map<string, CohortRecord>();
  for (const row of (workbook.readSheet(SHEET.identity) ?? []).slice(1)) {
    const [kind, key, name] = [text(row[0]), text(row[1]), text(row[2])];
    if (key === '') continue;
    if (kind === 'aba') sheets.add(key);
    else if (kind === 'turma' && name !== '') cohorts.set(key, { name, formerNames: formerNamesOf(row[3]) });
  }
  return { sheets, cohorts };
}

function encode(record: IdentityRecord): Cell[][] {
  return [
    [...IDENTITY_HEADERS],
    ...[...record.sheets].sort().map((key): Cell[] => ['aba', key, null, null]),
    ...[...record.cohorts].map(([id, cohort]): Cell[] => ['turma', id, cohort.name, cohort.formerNames.length > 0 ? JSON.stringify(cohort.formerNames) : null]),
  ];
}

export function sameRecord(a: IdentityRecord, b: IdentityRecord): boolean {
  return JSON.stringify(encode(a)) === JSON.stringify(encode(b));
}

/** Writes the record (one write; hidden, owned). */
export function writeIdentityRecord(workbook: Workbook, record: IdentityRecord): void {
  workbook.writeSheet(SHEET.identity, { rows: encode(record), hidden: true, owned: true });
}
