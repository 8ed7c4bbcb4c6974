// Issue 13, part 8: a new cohort's default goal comes from one core rule (`Meta padrão` in
// Configuração, `Padrão` unless set, only while Metas has it), and an active cohort without a goal
// is flagged at its `Meta` cell.

import { defaultGoalFor, defaultGoalOf } from '../../../src/core/config/cohort-editing';
import { parseCohortsSheet } from '../../../src/core/config/cohorts-sheet';
import { annotateConfigIssues, loadConfig } from '../../../src/core/config/load-config';
import { parseSettingsSheet } from '../../../src/core/config/settings-sheet';
import { cohortRow, ensureConfigSheets, settingsTemplate } from '../../../src/core/config/templates';
import { COHORT_WITHOUT_GOAL } from '../../../src/core/messages/config';
import { DEFAULT_GOAL_TRACK, type GoalTrack } from '../../../src/core/model/goals';
import { DEFAULT_SETTINGS } from '../../../src/core/model/settings';
import { COHORT_HEADERS, SHEET } from '../../../src/core/sheets';
import { MemoryWorkbook } from '../../../src/core/workbook/memory-workbook';
import type { Cell } from '../../../src/core/workbook/workbook';

const FAST: GoalTrack = { name: 'Rápida', points: [{ week: 10, expected: 100 }] };
const tracks = (...list: GoalTrack[]) => new Map(list.map((track) => [track.name, track]));

/** A fresh workbook (`init`'s sheets) with `Meta padrão` set to `value`, or left as the template writes it. */
function school(value?: Cell): MemoryWorkbook {
  const workbook = new MemoryWorkbook();
  ensureConfigSheets(workbook);
  const rows = workbook.readSheet(SHEET.settings)!;
  const row = rows.findIndex((cells) => cells[0] === 'Meta padrão');
  if (value !== undefined) workbook.updateRows(SHEET.settings, row, [[rows[row]![0]!, value, rows[row]![2]!]]);
  return workbook;
}

describe('defaultGoalOf', () => {
  it('is the track the setting names while Metas has it', () => {
    expect(defaultGoalOf(DEFAULT_SETTINGS, tracks(DEFAULT_GOAL_TRACK))).toEqual({ track: 'Padrão' });
    expect(defaultGoalOf({ defaultGoalTrack: 'Rápida' }, tracks(DEFAULT_GOAL_TRACK, FAST))).toEqual({ track: 'Rápida' });
  });

  it('is none, with the reason, when the setting is empty or names a track Metas lacks', () => {
    expect(defaultGoalOf({ defaultGoalTrack: ' ' }, tracks(DEFAULT_GOAL_TRACK))).toEqual({
      track: null,
      reason: 'a Meta padrão da aba Configuração está vazia',
    });
    expect(defaultGoalOf(DEFAULT_SETTINGS, tracks(FAST))).toEqual({
      track: null,
      reason: 'a Meta padrão "Padrão" da aba Configuração não existe na aba Metas',
    });
  });
});

describe('the Meta padrão setting', () => {
  it('is declared, templated with Padrão and explained, like every setting', () => {
    const row = settingsTemplate().rows.find((cells) => cells[0] === 'Meta padrão');
    expect(row).toEqual(['Meta padrão', 'Padrão', expect.stringMatching(/turma nova/)]);
    expect(parseSettingsSheet(settingsTemplate().rows.map((cells) => [...cells])).settings.defaultGoalTrack).toBe('Padrão');
  });

  it('defaultGoalFor reads it from the workbook: Padrão on a fresh one, another track when set, none when emptied', () => {
    expect(defaultGoalFor(school())).toEqual({ track: 'Padrão' });
    const withFast = school('Rápida');
    withFast.replaceRowsFrom(SHEET.goals, withFast.readSheet(SHEET.goals)!.length, [['Rápida', 10, 100]]);
    expect(defaultGoalFor(withFast)).toEqual({ track: 'Rápida' });
    expect(defaultGoalFor(school(''))).toEqual({ track: null, reason: expect.stringMatching(/está vazia/) });
  });

  it('a workbook from before the setting (no row) keeps Padrão as its default', () => {
    const workbook = school();
    workbook.writeSheet(SHEET.settings, { rows: workbook.readSheet(SHEET.settings)!.filter((cells) => cells[0] !== 'Meta padrão') });
    expect(defaultGoalFor(workbook)).toEqual({ track: 'Padrão' });
  });

  it('naming a track Metas lacks is flagged at its Valor cell (a warning), and leaves new cohorts without a goal', () => {
    const workbook = school('Inexistente');
    const config = loadConfig(workbook);
    const row = workbook.readSheet(SHEET.settings)!.findIndex((cells) => cells[0] === 'Meta padrão');
    expect(config.issues).toContainEqual({
      sheet: SHEET.settings,
      row,
      column: 1,
      columnName: 'Valor',
      severity: 'warning',
      message: 'Meta padrão: "Inexistente" não existe na aba Metas; turmas novas ficam sem meta até corrigir',
    });
    expect(defaultGoalFor(workbook).track).toBeNull();
    // An empty one is a choice, not a mistake: nothing is flagged.
    expect(loadConfig(school('')).issues.filter((issue) => issue.sheet === SHEET.settings)).toEqual([]);
  });
});

describe('an active cohort without a goal', () => {
  const cohort = { name: 'Turma A', tagId: 101, start: '2026-09-01', productIds: [11], goalTrack: null, tutorEmail: null, active: true };

  it('is flagged at its Meta cell as a warning, and still syncs', () => {
    const { cohorts, issues } = parseCohortsSheet(
      [
        [...COHORT_HEADERS],
        cohortRow(cohort),
        cohortRow({ ...cohort, name: 'Turma B', tagId: 102, goalTrack: 'Padrão' }),
        cohortRow({ ...cohort, name: 'Turma C', tagId: 103, active: false }),
      ],
      tracks(DEFAULT_GOAL_TRACK),
    );
    expect(cohorts.map((parsed) => parsed.name)).toEqual(['Turma A', 'Turma B', 'Turma C']);
    // Only the active one without a goal: an archived cohort no longer syncs.
    expect(issues).toEqual([
      { sheet: SHEET.cohorts, row: 1, column: COHORT_HEADERS.indexOf('Meta'), columnName: 'Meta', severity: 'warning', message: COHORT_WITHOUT_GOAL },
    ]);
  });

  it('a broken row is flagged for what breaks it, not for its goal', () => {
    const broken = cohortRow(cohort).map((cell, index) => (index === COHORT_HEADERS.indexOf('Tag ID') ? 'abc' : cell));
    const { issues } = parseCohortsSheet([[...COHORT_HEADERS], broken], tracks(DEFAULT_GOAL_TRACK));
    expect(issues.map((issue) => issue.columnName)).toEqual(['Tag ID']);
  });

  it('gets a job note on its Meta cell when the notes are written', () => {
    const workbook = school();
    workbook.writeSheet(SHEET.cohorts, { rows: [[...COHORT_HEADERS], cohortRow(cohort)] });
    annotateConfigIssues(workbook, loadConfig(workbook).issues);
    expect(workbook.sheet(SHEET.cohorts)!.notes).toEqual([{ row: 1, column: COHORT_HEADERS.indexOf('Meta'), message: COHORT_WITHOUT_GOAL }]);
  });
});
