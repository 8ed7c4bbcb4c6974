// `Metas`: `Meta | Semana | Esperado (%)` rows → goal tracks; a track that decreases is refused whole.

import * as say from '../messages/config';
import type { GoalPoint, GoalTrack } from '../model/goals';
import type { ConfigIssue } from '../model/issues';
import { GOAL_HEADERS, SHEET } from '../sheets';
import type { Cell } from '../workbook/workbook';
import { isBlank, locateColumns, readNumber, readText } from './cells';

export function parseGoalsSheet(values: Cell[][] | null): { tracks: Map<string, GoalTrack>; issues: ConfigIssue[] } {
  const tracks = new Map<string, GoalTrack>();
  const issues: ConfigIssue[] = [];
  if (values === null) return { tracks, issues };
  const { columns, missing } = locateColumns(values[0], GOAL_HEADERS);
  if (missing.length > 0) {
    issues.push({ sheet: SHEET.goals, row: 0, column: 0, columnName: missing.join(', '), severity: 'error', message: say.headersMissing(missing) });
    return { tracks, issues };
  }
  const pointsByTrack = new Map<string, { point: GoalPoint; row: number }[]>();
  const broken = new Set<string>();
  for (const [row, cells] of values.entries()) {
    if (row === 0) continue;
    if (GOAL_HEADERS.every((name) => isBlank(cells[columns[name]]))) continue;
    const flag = (name: (typeof GOAL_HEADERS)[number], message: string) =>
      issues.push({ sheet: SHEET.goals, row, column: columns[name], columnName: name, severity: 'error', message });
    const name = readText(cells[columns.Meta], { required: true });
    const week = readNumber(cells[columns.Semana], { min: 0, max: 520 });
    const expected = readNumber(cells[columns['Esperado (%)']], { min: 0, max: 100 });
    if (!name.ok) flag('Meta', name.message);
    if (!week.ok) flag('Semana', week.message);
    else if (!Number.isInteger(week.value)) flag('Semana', say.weekNotWhole(week.value));
    if (!expected.ok) flag('Esperado (%)', expected.message);
    if (!name.ok) continue;
    if (!week.ok || !expected.ok || !Number.isInteger(week.value)) {
      broken.add(name.value);
      continue;
    }
    const list = pointsByTrack.get(name.value) ?? [];
    list.push({ point: { week: week.value, expected: expected.value }, row });
    pointsByTrack.set(name.value, list);
  }
  for (const [name, entries] of pointsByTrack) {
    if (broken.has(name)) continue;
    entries.sort((a, b) => a.point.week - b.point.week);
    let valid = true;
    for (const [i, after] of entries.entries()) {
      const before = entries[i - 1];
      if (before === undefined) continue; // the first point has nothing to compare with
      const flag = (message: string) =>
        issues.push({ sheet: SHEET.goals, row: after.row, column: columns['Esperado (%)'], columnName: 'Esperado (%)', severity: 'error', message });
      if (after.point.week === before.point.week) {
        flag(say.goalWeekRepeated(after.point.week, name));
        valid = false;
      } else if (after.point.expected < before.point.expected) {
        flag(say.goalDecreases(name, before.point, after.point));
        valid = false;
      }
    }
    if (valid) tracks.set(name, { name, points: entries.map((entry) => entry.point) });
  }
  return { tracks, issues };
}
