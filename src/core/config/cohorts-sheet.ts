// `Turmas`: one row per cohort → CohortConfig; a broken row is flagged and skipped, the rest sync.

import * as say from '../messages/config';
import type { CohortConfig } from '../model/cohort';
import type { GoalTrack } from '../model/goals';
import type { TagId } from '../model/ids';
import type { ConfigIssue } from '../model/issues';
import { COHORT_HEADERS, COHORT_ID_HEADER, SHEET } from '../sheets';
import type { Cell } from '../workbook/workbook';
import { isBlank, locateColumns, readDate, readIdList, readTagId, readText, readTutor, readYesNo } from './cells';

type Header = (typeof COHORT_HEADERS)[number];

/** The `Tutor` cell of a cohort, as readTutor reads it back: `Ana Souza <ana@escola.com.br>`, the bare e-mail, or ''. */
export function tutorCellText(cohort: Pick<CohortConfig, 'tutorEmail' | 'tutorName'>): string {
  if (cohort.tutorEmail === null) return '';
  return cohort.tutorName ? `${cohort.tutorName} <${cohort.tutorEmail}>` : cohort.tutorEmail;
}

export function parseCohortsSheet(values: Cell[][] | null, tracks: ReadonlyMap<string, GoalTrack>): { cohorts: CohortConfig[]; issues: ConfigIssue[] } {
  const cohorts: CohortConfig[] = [];
  const issues: ConfigIssue[] = [];
  if (values === null) {
    issues.push({ sheet: SHEET.cohorts, row: -1, column: -1, columnName: '', severity: 'error', message: say.COHORTS_SHEET_MISSING });
    return { cohorts, issues };
  }
  const header = values[0] ?? [];
  const { columns, missing } = locateColumns(header, COHORT_HEADERS);
  if (missing.length > 0) {
    issues.push({ sheet: SHEET.cohorts, row: 0, column: 0, columnName: missing.join(', '), severity: 'error', message: say.headersMissing(missing) });
    return { cohorts, issues };
  }
  // The ID column is optional (a workbook from before IDs); the job fills it before parsing.
  const idColumn = header.map((cell) => (cell === null ? '' : String(cell).trim())).indexOf(COHORT_ID_HEADER);
  const names = new Map<string, number>();
  const activeTags = new Map<TagId, string>();
  for (const [row, cells] of values.entries()) {
    if (row === 0) continue;
    if (COHORT_HEADERS.every((name) => isBlank(cells[columns[name]]))) continue;
    const rowIssues: ConfigIssue[] = [];
    const flag = (name: Header, message: string, severity: ConfigIssue['severity'] = 'error') =>
      rowIssues.push({ sheet: SHEET.cohorts, row, column: columns[name], columnName: name, severity, message });

    const name = readText(cells[columns.Turma], { required: true });
    const tag = readTagId(cells[columns['Tag ID']]);
    const start = readDate(cells[columns.Início]);
    const products = readIdList(cells[columns.Produtos]);
    const goal = readText(cells[columns.Meta], { required: false });
    const tutor = readTutor(cells[columns.Tutor]);
    const active = readYesNo(cells[columns.Ativa]);

    if (!name.ok) flag('Turma', name.message);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: a cohort name with control characters is what this flags
    else if (/[\u0000-\u001f]/.test(name.value)) flag('Turma', say.NAME_HAS_CONTROL_CHARACTERS);
    else if (names.has(name.value.toLowerCase())) flag('Turma', say.repeatedCohortName(names.get(name.value.toLowerCase())! + 1));
    if (!tag.ok) flag('Tag ID', tag.message);
    if (!start.ok) flag('Início', start.message);
    if (!products.ok) flag('Produtos', products.message);
    if (!goal.ok) flag('Meta', goal.message);
    else if (goal.value !== '' && !tracks.has(goal.value)) flag('Meta', say.unknownGoalTrack(goal.value));
    if (!tutor.ok) flag('Tutor', tutor.message);
    if (!active.ok) flag('Ativa', active.message);
    if (active.ok && active.value && tag.ok && activeTags.has(tag.value)) {
      flag('Tag ID', say.tagTakenByActiveCohort(tag.value, activeTags.get(tag.value)!));
    }

    issues.push(...rowIssues);
    if (name.ok && !names.has(name.value.toLowerCase())) names.set(name.value.toLowerCase(), row);
    if (rowIssues.some((issue) => issue.severity === 'error')) continue;
    if (!(name.ok && tag.ok && start.ok && products.ok && goal.ok && tutor.ok && active.ok)) continue;
    if (active.value) activeTags.set(tag.value, name.value);
    // An active cohort without a goal has no pace to fall behind: said at its cell, so nobody thinks the alerts are on.
    if (active.value && goal.value === '') {
      issues.push({ sheet: SHEET.cohorts, row, column: columns.Meta, columnName: 'Meta', severity: 'warning', message: say.COHORT_WITHOUT_GOAL });
    }
    const id = idColumn < 0 || isBlank(cells[idColumn]) ? undefined : String(cells[idColumn]).trim();
    cohorts.push({
      ...(id === undefined ? {} : { id }),
      name: name.value,
      tagId: tag.value,
      start: start.value,
      productIds: products.value,
      goalTrack: goal.value === '' ? null : goal.value,
      tutorEmail: tutor.value?.email ?? null,
      tutorName: tutor.value?.name ?? null,
      active: active.value,
      sheetRow: row,
    });
  }
  return { cohorts, issues };
}
