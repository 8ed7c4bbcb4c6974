// Moves and dropouts from `Ajustes` take effect in the job: new weeks under the new cohort, old weeks
// untouched; a dropout is `Desistente` from its date, never deleted.

import { appendAdjustment, parseAdjustments, undoAdjustment } from '../../../src/core/adjustments/adjustments-sheet';
import { effectiveAdjustments } from '../../../src/core/adjustments/effective';
import { loadConfig } from '../../../src/core/config/load-config';
import { HistoryIndex } from '../../../src/core/history/history-index';
import { SHEET } from '../../../src/core/sheets';
import { SyncJob, type SyncResult } from '../../../src/core/sync/job';
import { MemoryWorkbook } from '../../../src/core/workbook/memory-workbook';
import { driveJob } from '../../../src/node/drive-job';
import { mondayRun, schoolWorkbook, testApi } from '../../support/school-workbook';

const WEEK = mondayRun('2026-09-14');

async function run(workbook: MemoryWorkbook, cohorts = 2): Promise<SyncResult> {
  const api = testApi(WEEK);
  const config = loadConfig(schoolWorkbook(api.simulator.school, { cohorts }));
  const adjustments = effectiveAdjustments(parseAdjustments(workbook.readSheet(SHEET.adjustments)));
  const job = new SyncJob({ config, target: api.target, history: HistoryIndex.fromRows([]), now: WEEK, runId: 'r', adjustments });
  await driveJob(job, { transport: api.transport, clock: api.clock, requestsPerSecond: 2 });
  return job.result();
}

describe('adjustments in the weekly job', () => {
  it('a moved student counts under the new cohort from the move week; a dropout is Desistente', async () => {
    const workbook = new MemoryWorkbook();
    const before = await run(workbook);
    const student = before.rows.find((row) => row.cohort === 'Turma 2026-07')!;
    const other = before.rows.find((row) => row.cohort === 'Turma 2026-07' && row.studentId !== student.studentId && row.situation !== 'Desistente')!;
    appendAdjustment(workbook, {
      date: '2026-09-14',
      studentId: student.studentId,
      name: student.name,
      action: 'Mover',
      from: 'Turma 2026-07',
      to: 'Turma 2026-08',
      reason: 'trocou de turma',
      by: 'coord@escola.com',
    });
    appendAdjustment(workbook, {
      date: '2026-09-10',
      studentId: other.studentId,
      name: other.name,
      action: 'Desistência',
      from: 'Turma 2026-07',
      to: '',
      reason: 'pediu cancelamento',
      by: 'coord@escola.com',
    });
    // A move that starts next week does not apply yet.
    appendAdjustment(workbook, {
      date: '2026-09-21',
      studentId: Number(other.studentId) + 1,
      name: '',
      action: 'Mover',
      from: 'Turma 2026-07',
      to: 'Turma 2026-08',
      reason: '',
      by: '',
    });

    const after = await run(workbook);
    expect(new Set(after.rows.filter((row) => row.studentId === student.studentId).map((row) => row.cohort))).toEqual(new Set(['Turma 2026-08']));
    expect(after.rows.filter((row) => row.studentId === other.studentId).every((row) => row.situation === 'Desistente')).toBe(true);
    expect(after.rows.filter((row) => row.studentId === other.studentId)).toHaveLength(3); // never deleted
    expect(new Set(after.rows.filter((row) => row.studentId === Number(other.studentId) + 1).map((row) => row.cohort))).toEqual(new Set(['Turma 2026-07']));
    expect(after.rows).toHaveLength(before.rows.length);
  });

  it('a student moved into a cohort whose tag does not list them is fetched with GET /usuario/{id}', async () => {
    const workbook = new MemoryWorkbook();
    const before = await run(workbook, 3);
    const outsider = before.rows.find((row) => row.cohort === 'Turma 2026-09')!;
    appendAdjustment(workbook, {
      date: '2026-09-14',
      studentId: outsider.studentId,
      name: outsider.name,
      action: 'Mover',
      from: 'Turma 2026-09',
      to: 'Turma 2026-07',
      reason: '',
      by: '',
    });
    const after = await run(workbook, 2); // Turma 2026-09 is not synced: the student is listed nowhere
    const rows = after.rows.filter((row) => row.studentId === outsider.studentId);
    expect(rows.map((row) => row.cohort)).toEqual(['Turma 2026-07', 'Turma 2026-07', 'Turma 2026-07']);
    expect(rows[0].name).toBe(outsider.name);
  });

  it('an undone adjustment no longer applies, and its row stays in Ajustes', async () => {
    const workbook = new MemoryWorkbook();
    const before = await run(workbook);
    const student = before.rows.find((row) => row.cohort === 'Turma 2026-07' && row.situation !== 'Desistente')!;
    const dropout = appendAdjustment(workbook, {
      date: '2026-09-01',
      studentId: student.studentId,
      name: student.name,
      action: 'Desistência',
      from: 'Turma 2026-07',
      to: '',
      reason: '',
      by: '',
    });
    expect((await run(workbook)).rows.find((row) => row.studentId === student.studentId)!.situation).toBe('Desistente');
    undoAdjustment(workbook, dropout.id, '2026-09-14');
    expect((await run(workbook)).rows.find((row) => row.studentId === student.studentId)!.situation).not.toBe('Desistente');
    expect(parseAdjustments(workbook.readSheet(SHEET.adjustments))).toEqual([expect.objectContaining({ id: dropout.id, undoneAt: '2026-09-14' })]);
  });
});
