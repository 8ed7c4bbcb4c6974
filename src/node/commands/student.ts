// `cademi-monitor student move|dropout`: the sidebar's adjustments from the command line, in `Ajustes`.

import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { appendAdjustment } from '../../core/adjustments/adjustments-sheet';
import { loadConfig } from '../../core/config/load-config';
import { moveTargetUnavailable, notAStudentId, STUDENT_USAGE, studentDroppedOut, studentMoved, studentNotInHistory } from '../../core/messages/cli';
import { readHistoryRows } from '../../core/report/report-sheets';
import { SHEET } from '../../core/sheets';
import { type CliIo, dateOption, EXIT, UsageError } from '../cli-io';
import { withWorkbookLock } from '../workbook-lock';
import { notices } from './lock-notices';
import { loadExistingWorkbook } from './workbook-file';

export async function studentCommand(args: string[], io: CliIo): Promise<number> {
  const [action, file, id] = args;
  if (!action || !file || !id) throw new UsageError(STUDENT_USAGE);
  // The adjustment is read and saved under the workbook's lock, so a running sync cannot overwrite it.
  return withWorkbookLock(file, () => adjustStudent(action, file, id, args.slice(3), io), notices(io));
}

async function adjustStudent(action: string, file: string, id: string, rest: string[], io: CliIo): Promise<number> {
  const studentId = /^\d+$/.test(id) ? Number(id) : Number.NaN;
  if (!Number.isSafeInteger(studentId) || studentId <= 0) throw new UsageError(notAStudentId(id));
  const { values } = parseArgs({
    args: rest,
    options: { to: { type: 'string' }, 'from-week': { type: 'string' }, date: { type: 'string' }, reason: { type: 'string', default: '' } },
    strict: true,
  });
  const workbook = await loadExistingWorkbook(file);
  const config = loadConfig(workbook);
  const latest = readHistoryRows(workbook.readSheet(SHEET.history), config.settings.timeZone)
    .filter((row) => row.studentId === studentId)
    .sort((a, b) => (a.week < b.week ? 1 : -1))[0];
  if (!latest) throw new UsageError(studentNotInHistory(studentId));
  const by = io.env.USER ?? userInfo().username;
  if (action === 'move') {
    const date = dateOption('--from-week', values['from-week']);
    if (!values.to || !date) throw new UsageError(STUDENT_USAGE);
    const target = config.cohorts.find((cohort) => cohort.name === values.to && cohort.active);
    if (!target) throw new UsageError(moveTargetUnavailable(values.to));
    const adjustment = appendAdjustment(workbook, {
      date,
      studentId,
      name: latest.name,
      action: 'Mover',
      from: latest.cohort,
      to: target.name,
      reason: values.reason!,
      by,
    });
    await workbook.save(file);
    io.stdout.write(`${studentMoved(adjustment.name, studentId, latest.cohort, target.name, date)}\n`);
    return EXIT.ok;
  }
  if (action === 'dropout') {
    const date = dateOption('--date', values.date);
    if (!date) throw new UsageError(STUDENT_USAGE);
    const adjustment = appendAdjustment(workbook, {
      date,
      studentId,
      name: latest.name,
      action: 'Desistência',
      from: latest.cohort,
      to: '',
      reason: values.reason!,
      by,
    });
    await workbook.save(file);
    io.stdout.write(`${studentDroppedOut(adjustment.name, studentId, date)}\n`);
    return EXIT.ok;
  }
  throw new UsageError(STUDENT_USAGE);
}
