// Cohort IDs: a stable key per `Turmas` row (column `ID`, filled by the job), and renames followed by
// it. A cohort whose name changed (sidebar, CLI, or typed into `Turmas`) takes its past along: the
// weeks in `Histórico` and the moves in `Ajustes` are rewritten to the new name in one pass, so two
// cohorts that swap names swap histories. The core sync job keeps working with the names it is given.

import { isHistoryHeader } from '../history/migrations';
import { HISTORY_HEADERS } from '../history/schema';
import * as say from '../messages/identity';
import type { ConfigIssue } from '../model/issues';
import { COHORT_HEADERS, COHORT_ID_HEADER, SHEET } from '../sheets';
import type { Cell, Workbook } from '../workbook/workbook';
import { COHORT_ID, shortHash } from './cohort-sheets';
import type { CohortRecord } from './identity-record';

const text = (cell: Cell | undefined) => (cell === null || cell === undefined ? '' : String(cell).trim());
const blank = (cell: Cell | undefined) => text(cell) === '';

export interface CohortRow {
  readonly id: string;
  readonly name: string;
  /** 0-based row in `Turmas`. */
  readonly row: number;
}

export interface CohortFollowOutcome {
  readonly issues: ConfigIssue[];
  /** Cohorts whose new name was followed in this pass (their sheets are to be renamed too). */
  readonly renamed: number;
  /** Every `Turmas` row's ID (also rows the parser refuses), in sheet order. */
  readonly rows: CohortRow[];
  /** The record to keep: IDs → the names their rows now carry. */
  readonly cohorts: Map<string, CohortRecord>;
}

function turmasIssue(row: number, column: number, columnName: string, message: string): ConfigIssue {
  return { sheet: SHEET.cohorts, row, column, columnName, severity: 'warning', message };
}

/** A new ID for a row: a hash of what the row says (the same row gets the same ID again), never one in use. */
function newId(seed: string, name: string, taken: ReadonlySet<string>, recorded: ReadonlyMap<string, CohortRecord>): string {
  for (let attempt = 0; ; attempt++) {
    const id = `t${shortHash(attempt === 0 ? seed : `${seed}|${attempt}`)}`;
    const known = recorded.get(id);
    if (!taken.has(id) && (known === undefined || known.name === name)) return id;
  }
}

/** Fills the `ID` column (adding it when missing) with one write of the rows that changed. */
function assignIds(workbook: Workbook, recorded: ReadonlyMap<string, CohortRecord>): { rows: CohortRow[]; issues: ConfigIssue[]; nameColumn: number } | null {
  const values = workbook.readSheet(SHEET.cohorts);
  const headerRow = values?.[0];
  if (values === null || headerRow === undefined) return null;
  const header = headerRow.map(text);
  const nameColumn = header.indexOf('Turma');
  if (nameColumn < 0) return null;
  const issues: ConfigIssue[] = [];
  let idColumn = header.indexOf(COHORT_ID_HEADER);
  const changed = new Set<number>();
  if (idColumn < 0) {
    idColumn = Math.max(header.length, ...values.map((row) => row.length));
    headerRow[idColumn] = COHORT_ID_HEADER;
    changed.add(0);
  }
  const at = (name: string) => header.indexOf(name);
  const seen = new Set<string>();
  const rows: CohortRow[] = [];
  for (const [row, cells] of values.entries()) {
    if (row === 0) continue; // the header
    const typed = text(cells[idColumn]);
    if (typed === '' && COHORT_HEADERS.every((name) => at(name) < 0 || blank(cells[at(name)]))) continue;
    const name = text(cells[nameColumn]);
    let id = typed;
    if (!COHORT_ID.test(typed) || seen.has(typed)) {
      const seed = [name, ...['Tag ID', 'Início'].map((column) => text(cells[at(column)]))].join('|');
      id = newId(seed, name, new Set([...seen, ...values.slice(row + 1).map((other) => text(other[idColumn]))]), recorded);
      for (let column = cells.length; column < idColumn; column++) cells[column] = null;
      cells[idColumn] = id;
      changed.add(row);
      // A blank ID is filled quietly (a row typed in); one replaced is said at its cell.
      if (typed !== '') issues.push(turmasIssue(row, idColumn, COHORT_ID_HEADER, say.cohortIdReplaced(typed, id, seen.has(typed))));
    }
    seen.add(id);
    rows.push({ id, name, row });
  }
  if (changed.size > 0) {
    const first = Math.min(...changed);
    const last = Math.max(...changed);
    workbook.updateRows(SHEET.cohorts, first, values.slice(first, last + 1));
  }
  return { rows, issues, nameColumn };
}

/** Rewrites the cohort names in the given columns (0-based) of a sheet's data rows; one write of the span that changed. */
function renameInColumns(workbook: Workbook, sheet: string, values: Cell[][], columns: readonly number[], renames: ReadonlyMap<string, string>): void {
  let first = -1;
  let last = -1;
  for (const [row, cells] of values.entries()) {
    if (row === 0) continue; // the header
    for (const column of columns) {
      const renamed = renames.get(text(cells[column]));
      if (renamed === undefined) continue;
      cells[column] = renamed;
      if (first < 0) first = row;
      last = row;
    }
  }
  if (first > 0) workbook.updateRows(sheet, first, values.slice(first, last + 1));
}

/**
 * Gives every `Turmas` row an ID and follows the renames since the record was written. `historyUsable`
 * false (a missing `Histórico`, say): renames wait, so the record keeps the old names until they apply.
 */
export function followCohorts(workbook: Workbook, recorded: ReadonlyMap<string, CohortRecord>, historyUsable: boolean): CohortFollowOutcome {
  const cohorts = new Map(recorded);
  const assigned = assignIds(workbook, recorded);
  if (assigned === null) return { issues: [], renamed: 0, rows: [], cohorts };
  const { rows, nameColumn } = assigned;
  const issues = [...assigned.issues];
  const namesInTurmas = new Map<string, number>();
  for (const row of rows) if (row.name !== '') namesInTurmas.set(row.name.toLowerCase(), (namesInTurmas.get(row.name.toLowerCase()) ?? 0) + 1);

  const candidates: { row: CohortRow; previous: CohortRecord }[] = [];
  for (const row of rows) {
    if (row.name === '') continue;
    const previous = recorded.get(row.id);
    if (previous === undefined) cohorts.set(row.id, { name: row.name, formerNames: [] });
    else if (previous.name !== row.name) candidates.push({ row, previous });
  }
  if (candidates.length === 0) return { issues, renamed: 0, rows, cohorts };

  // Names the history keeps after this pass: those of cohorts that do not move.
  const moving = new Set(candidates.map((candidate) => candidate.row.id));
  const staying = new Set([...recorded].filter(([id]) => !moving.has(id)).map(([, cohort]) => cohort.name.toLowerCase()));
  const renames = new Map<string, string>();
  const applied: typeof candidates = [];
  for (const candidate of candidates) {
    const { row, previous } = candidate;
    const flag = (message: string) => issues.push(turmasIssue(row.row, nameColumn, 'Turma', message));
    if ((namesInTurmas.get(row.name.toLowerCase()) ?? 0) > 1) continue; // `Turmas` refuses the row: nothing to follow yet
    if (staying.has(row.name.toLowerCase())) flag(say.cohortRenameCollides(previous.name, row.name));
    else if (!historyUsable) flag(say.cohortRenamePending(previous.name, row.name));
    else {
      renames.set(previous.name, row.name);
      applied.push(candidate);
    }
  }
  if (renames.size === 0) return { issues, renamed: 0, rows, cohorts };

  const history = workbook.readSheet(SHEET.history);
  // An older layout the run is about to migrate has `Turma` where the current one has it.
  if (history !== null && history.length > 0 && !isHistoryHeader(history[0] ?? [])) {
    // A hand-edited header stops the run anyway; the renames apply once it is restored.
    for (const { row, previous } of applied) issues.push(turmasIssue(row.row, nameColumn, 'Turma', say.cohortRenamePending(previous.name, row.name)));
    return { issues, renamed: 0, rows, cohorts };
  }
  if (history !== null) renameInColumns(workbook, SHEET.history, history, [HISTORY_HEADERS.indexOf('Turma')], renames);
  const adjustments = workbook.readSheet(SHEET.adjustments);
  const adjustmentsHeader = adjustments?.[0];
  if (adjustments !== null && adjustmentsHeader !== undefined) {
    const columns = ['De', 'Para'].map((name) => adjustmentsHeader.map(text).indexOf(name)).filter((index) => index >= 0);
    renameInColumns(workbook, SHEET.adjustments, adjustments, columns, renames);
  }
  for (const { row, previous } of applied) {
    cohorts.set(row.id, { name: row.name, formerNames: [...previous.formerNames.filter((name) => name !== row.name), previous.name] });
    issues.push(turmasIssue(row.row, nameColumn, 'Turma', say.cohortRenamed(previous.name, row.name)));
  }
  return { issues, renamed: applied.length, rows, cohorts };
}
