// Creating, editing and archiving a cohort through the same parser that reads `Turmas`, so the
// sidebar and the CLI can never write a row the sheet would refuse.

import * as say from '../messages/config';
import type { ProductId, TagId } from '../model/ids';
import { COHORT_HEADERS, SHEET } from '../sheets';
import { cellAt } from '../workbook/cell-at';
import type { Cell, Workbook } from '../workbook/workbook';
import { parseCohortsSheet } from './cohorts-sheet';
import { parseGoalsSheet } from './goals-sheet';
import { loadConfig } from './load-config';
import { cohortRow, cohortsTemplate } from './templates';

// The default goal of "Nova turma" and `cohort add` lives beside the rest of cohort editing's API.
export { type DefaultGoal, defaultGoalFor, defaultGoalOf } from './default-goal';

/** A cohort as a form (the sidebar's, the CLI's options) submits it; dates as ISO strings. */
export interface CohortInput {
  readonly name: string;
  readonly tagId: TagId;
  readonly start: string;
  readonly productIds: readonly ProductId[];
  readonly goalTrack: string | null;
  readonly tutorEmail: string | null;
}

export interface FieldError {
  /** A CohortInput field name, or 'form' for the whole form. */
  readonly field: string;
  readonly message: string;
}

export type ValidationResult = { readonly ok: true } | { readonly ok: false; readonly errors: readonly FieldError[] };

const FIELD_OF_COLUMN: Record<string, keyof CohortInput | 'form'> = {
  Turma: 'name',
  'Tag ID': 'tagId',
  Início: 'start',
  Produtos: 'productIds',
  Meta: 'goalTrack',
  Tutor: 'tutorEmail',
  Ativa: 'form',
};

interface Plan {
  readonly result: ValidationResult;
  readonly row: number;
  readonly cells: Cell[];
  readonly header: string[];
}

function typedCells(input: CohortInput): Cell[] {
  return [input.name, input.tagId, input.start, input.productIds.join(','), input.goalTrack ?? '', input.tutorEmail ?? '', 'Sim'];
}

/** Writes `values` (in COHORT_HEADERS order) into `cells` at the columns `header` has for them. */
function placeByHeader(cells: Cell[], header: readonly string[], values: readonly Cell[]): void {
  for (const [index, name] of COHORT_HEADERS.entries()) {
    const column = header.indexOf(name);
    if (column >= 0) cells[column] = cellAt(values, index);
  }
}

function plan(workbook: Workbook, input: CohortInput, originalName: string | null): Plan {
  const sheet = workbook.readSheet(SHEET.cohorts) ?? cohortsTemplate().rows.map((row) => [...row]);
  const header = (sheet[0] ?? []).map((cell) => String(cell ?? '').trim());
  const nameColumn = header.indexOf('Turma');
  const existingRow = originalName === null ? -1 : sheet.findIndex((row, index) => index > 0 && String(row[nameColumn] ?? '').trim() === originalName);
  if (originalName !== null && existingRow < 0) {
    return { result: { ok: false, errors: [{ field: 'form', message: say.editedCohortGone(originalName) }] }, row: -1, cells: [], header };
  }
  const row = existingRow >= 0 ? existingRow : sheet.length;
  const existing = existingRow >= 0 ? (sheet[existingRow] ?? []) : [];
  const cells: Cell[] = header.map((_, index) => cellAt(existing, index));
  placeByHeader(cells, header, typedCells(input));
  const candidate = sheet.map((values) => [...values]);
  candidate[row] = cells;
  const { tracks } = parseGoalsSheet(workbook.readSheet(SHEET.goals));
  const { cohorts, issues } = parseCohortsSheet(candidate, tracks);
  const errors: FieldError[] = issues
    .filter((issue) => issue.severity === 'error' && (issue.row === row || issue.row <= 0))
    .map((issue) => ({ field: FIELD_OF_COLUMN[issue.columnName] ?? 'form', message: issue.message }));
  const parsed = cohorts.find((cohort) => cohort.sheetRow === row);
  if (errors.length > 0 || !parsed)
    return { result: { ok: false, errors: errors.length > 0 ? errors : [{ field: 'form', message: say.INVALID_ROW }] }, row, cells, header };
  const stored: Cell[] = [...cells];
  placeByHeader(stored, header, cohortRow(parsed));
  return { result: { ok: true }, row, cells: stored, header };
}

/** Checks a cohort as `Turmas` would, without writing anything. */
export function validateCohortInput(workbook: Workbook, input: CohortInput, originalName: string | null): ValidationResult {
  return plan(workbook, input, originalName).result;
}

/**
 * Creates (originalName = null) or edits a cohort row; writes only when the row is valid. A rename
 * takes the cohort's past along: the row keeps its ID (given first, under the current name, if it
 * had none), and the same pass that follows renames typed into `Turmas` rewrites `Histórico` and
 * `Ajustes` and renames the cohort's sheets.
 */
export function saveCohort(workbook: Workbook, input: CohortInput, originalName: string | null): ValidationResult {
  // IDs, the record and the cohorts' sheets brought up to date under the current names first.
  if (workbook.readSheet(SHEET.cohorts) !== null) loadConfig(workbook);
  const planned = plan(workbook, input, originalName);
  if (!planned.result.ok) return planned.result;
  if (workbook.readSheet(SHEET.cohorts) === null) workbook.writeSheet(SHEET.cohorts, cohortsTemplate());
  workbook.updateRows(SHEET.cohorts, planned.row, [planned.cells]);
  loadConfig(workbook);
  return planned.result;
}

/** Sets `Ativa = Não`: the cohort stops syncing; its history and sheets stay. */
export function archiveCohort(workbook: Workbook, name: string): ValidationResult {
  const sheet = workbook.readSheet(SHEET.cohorts);
  const header = (sheet?.[0] ?? []).map((cell) => String(cell ?? '').trim());
  const row = sheet?.findIndex((values, index) => index > 0 && String(values[header.indexOf('Turma')] ?? '').trim() === name) ?? -1;
  const found = row >= 0 ? sheet?.[row] : undefined;
  if (!found) return { ok: false, errors: [{ field: 'form', message: say.cohortNotInSheet(name) }] };
  const cells = [...found];
  cells[header.indexOf('Ativa')] = 'Não';
  workbook.updateRows(SHEET.cohorts, row, [cells]);
  return { ok: true };
}
