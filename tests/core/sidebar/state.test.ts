// What the sidebar shows, built from the workbook alone: each cohort with the students of its latest
// week, the goal tracks, the newest adjustments first (undone ones marked) and the last five runs.

import { appendAdjustment, undoAdjustment } from '../../../src/core/adjustments/adjustments-sheet';
import { cohortRow, ensureConfigSheets } from '../../../src/core/config/templates';
import { encodeHistoryRow, HISTORY_HEADERS, type HistoryRow } from '../../../src/core/history/schema';
import { defaultGoalMissing } from '../../../src/core/messages/config';
import { DEFAULT_GOAL_TRACK } from '../../../src/core/model/goals';
import { appendRunLog } from '../../../src/core/runlog/run-log';
import { SHEET } from '../../../src/core/sheets';
import type { RunStatus } from '../../../src/core/sidebar/api';
import { adjustmentView, buildSidebarState } from '../../../src/core/sidebar/state';
import { startOfLocalDate } from '../../../src/core/time/local-date';
import { MemoryWorkbook } from '../../../src/core/workbook/memory-workbook';
import type { Cell } from '../../../src/core/workbook/workbook';

const TZ = 'America/Sao_Paulo';
const IDLE: RunStatus = { state: 'idle', week: null, settled: 0, total: 0, percent: 100, message: '', automationNotice: null };

function row(week: string, cohort: string, studentId: number, productId: number): HistoryRow {
  const collectedAt = startOfLocalDate(week, TZ) + 9 * 3_600_000;
  return {
    week,
    cohort,
    studentId,
    name: `Aluno ${studentId}`,
    email: `aluno${studentId}@escola.com`,
    productId,
    productName: `Curso ${productId}`,
    progress: 10,
    lessonsCompleted: 1,
    lastAccessAt: collectedAt,
    expected: null,
    situation: 'Sem meta',
    origin: 'API',
    collectedAt,
    phone: null,
  };
}

function school(): MemoryWorkbook {
  const workbook = new MemoryWorkbook();
  ensureConfigSheets(workbook);
  const cohort = (name: string, tagId: number, active: boolean) => ({
    name,
    tagId,
    start: '2026-08-03',
    productIds: [11, 12],
    goalTrack: DEFAULT_GOAL_TRACK.name,
    tutorEmail: 'tutora@escola.com',
    active,
  });
  const turmas = workbook.readSheet(SHEET.cohorts)!;
  workbook.writeSheet(SHEET.cohorts, {
    rows: [...turmas, cohortRow(cohort('Turma A', 1, true)), cohortRow(cohort('Turma B', 2, true)), cohortRow(cohort('Turma C', 3, false))],
  });
  // A: three students in its first week, two in its latest (one product each or two); B: one week of one student; C: none.
  const history = [
    row('2026-09-07', 'Turma A', 1, 11),
    row('2026-09-07', 'Turma A', 2, 11),
    row('2026-09-07', 'Turma A', 3, 11),
    row('2026-09-14', 'Turma A', 1, 11),
    row('2026-09-14', 'Turma A', 1, 12),
    row('2026-09-14', 'Turma A', 2, 11),
    row('2026-09-07', 'Turma B', 7, 11),
  ];
  workbook.writeSheet(SHEET.history, { rows: [[...HISTORY_HEADERS], ...history.map((entry) => encodeHistoryRow(entry, TZ))] });
  return workbook;
}

describe('buildSidebarState', () => {
  it('counts the distinct students of each cohort in its own latest week, and null before its first', () => {
    const state = buildSidebarState(school(), IDLE, true);
    expect(state.cohorts.map(({ name, studentCount, lastWeek, active }) => ({ name, studentCount, lastWeek, active }))).toEqual([
      { name: 'Turma A', studentCount: 2, lastWeek: '2026-09-14', active: true },
      { name: 'Turma B', studentCount: 1, lastWeek: '2026-09-07', active: true },
      { name: 'Turma C', studentCount: null, lastWeek: null, active: false },
    ]);
    expect(state.cohorts[0]).toMatchObject({
      tagId: 1,
      start: '2026-08-03',
      productIds: [11, 12],
      goalTrack: DEFAULT_GOAL_TRACK.name,
      tutorEmail: 'tutora@escola.com',
    });
    expect(state.goalTracks).toEqual([DEFAULT_GOAL_TRACK.name]);
    expect(state.defaultGoal).toEqual({ track: DEFAULT_GOAL_TRACK.name });
    expect(state.run).toBe(IDLE);
    expect(state.tokenConfigured).toBe(true);
    expect(buildSidebarState(school(), IDLE, false).tokenConfigured).toBe(false);
  });

  it('gives the school default goal for "Nova turma", or why there is none', () => {
    const workbook = school();
    const settings = workbook.readSheet(SHEET.settings)!;
    const row = settings.findIndex((cells) => cells[0] === 'Meta padrão');
    expect(row).toBeGreaterThan(0);
    workbook.updateRows(SHEET.settings, row, [['Meta padrão', 'Intensivo', settings[row][2]]]);
    expect(buildSidebarState(workbook, IDLE, true).defaultGoal).toEqual({
      track: null,
      reason: defaultGoalMissing('Intensivo'),
    });
  });

  it('lists the newest 30 adjustments first, an undone one marked, without its sheet row', () => {
    const workbook = school();
    const made = Array.from({ length: 32 }, (_, index) =>
      appendAdjustment(workbook, {
        date: '2026-09-14',
        studentId: 100 + index,
        name: `Aluno ${100 + index}`,
        action: 'Desistência',
        from: 'Turma A',
        to: '',
        reason: 'cancelou',
        by: 'coordenadora@escola.com',
      }),
    );
    undoAdjustment(workbook, made[31].id, '2026-09-15');
    const { adjustments } = buildSidebarState(workbook, IDLE, true);
    expect(adjustments.map((adjustment) => adjustment.studentId)).toEqual(
      made
        .slice(2)
        .map((adjustment) => adjustment.studentId)
        .reverse(),
    );
    expect(adjustments[0]).toEqual({ ...adjustmentView({ ...made[31], undoneAt: '2026-09-15' }), undone: true });
    expect(adjustments[0]).not.toHaveProperty('row');
    expect(adjustments.slice(1).every((adjustment) => !adjustment.undone)).toBe(true);
  });

  it('shows the last five runs, newest first, with their dates (and start times) read back', () => {
    const workbook = school();
    for (let day = 1; day <= 7; day++) {
      const week = `2026-09-${String(day * 2).padStart(2, '0')}`;
      const startedAt = startOfLocalDate(week, TZ) + 6 * 3_600_000;
      appendRunLog(
        workbook,
        {
          startedAt,
          finishedAt: startedAt + 60_000,
          trigger: 'CLI',
          week,
          outcome: day === 7 ? 'Falhou' : 'Concluída',
          cohorts: 2,
          students: 10,
          calls: 20,
          carried: 0,
          retries: 0,
          errors: 0,
          warnings: 0,
          message: `execução ${day}`,
        },
        TZ,
      );
    }
    const { lastRuns } = buildSidebarState(workbook, IDLE, true);
    expect(lastRuns).toEqual([
      { startedAt: '2026-09-14T06:00', week: '2026-09-14', outcome: 'Falhou', message: 'execução 7' },
      { startedAt: '2026-09-12T06:00', week: '2026-09-12', outcome: 'Concluída', message: 'execução 6' },
      { startedAt: '2026-09-10T06:00', week: '2026-09-10', outcome: 'Concluída', message: 'execução 5' },
      { startedAt: '2026-09-08T06:00', week: '2026-09-08', outcome: 'Concluída', message: 'execução 4' },
      { startedAt: '2026-09-06T06:00', week: '2026-09-06', outcome: 'Concluída', message: 'execução 3' },
    ]);
    expect(buildSidebarState(school(), IDLE, true).lastRuns).toEqual([]);
  });

  it('reads the runs by header, so a column added to Execuções moves nothing', () => {
    const workbook = school();
    const startedAt = startOfLocalDate('2026-09-14', TZ) + 6 * 3_600_000 + 30 * 60_000 + 20_000;
    const entry = { startedAt, finishedAt: startedAt + 60_000, trigger: 'CLI', week: '2026-09-14', outcome: 'Concluída' as const };
    appendRunLog(workbook, { ...entry, cohorts: 2, students: 10, calls: 20, carried: 0, retries: 0, errors: 0, warnings: 0, message: 'ok' }, TZ);
    const [header, row] = workbook.readSheet(SHEET.runs)!;
    const widen = (cells: readonly Cell[], added: Cell): Cell[] => [...cells.slice(0, 2), added, ...cells.slice(2)];
    workbook.writeSheet(SHEET.runs, { rows: [widen(header, 'Nova coluna'), widen(row, 7)] });
    expect(buildSidebarState(workbook, IDLE, true).lastRuns).toEqual([
      { startedAt: '2026-09-14T06:30', week: '2026-09-14', outcome: 'Concluída', message: 'ok' },
    ]);
  });
});
