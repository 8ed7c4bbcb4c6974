// `cademi-monitor student move|dropout`: the sidebar's adjustments from the command line, in `Ajustes`.

import { userInfo } from 'node:os';
import { appendAdjustment } from '../../core/adjustments/adjustments-sheet';
import { loadConfig } from '../../core/config/load-config';
import { missingOptions, moveTargetUnavailable, notAStudentId, studentDroppedOut, studentMoved, studentNotInHistory } from '../../core/messages/cli';
import type { StudentId } from '../../core/model/ids';
import { readHistoryRows } from '../../core/report/report-sheets';
import { SHEET } from '../../core/sheets';
import { type CliIo, dateOption, EXIT, OptionError, UsageError } from '../cli-io';
import { withWorkbookLock } from '../workbook-lock';
import { defineCommand, type ParsedArgs } from './command';
import { notices } from './lock-notices';
import { loadExistingWorkbook } from './workbook-file';

const POSITIONALS = ['<arquivo.xlsx>', '<aluno-id>'];
const MOVE_OPTIONS = { to: { type: 'string' }, 'from-week': { type: 'string' }, reason: { type: 'string', default: '' } } as const;
const DROPOUT_OPTIONS = { date: { type: 'string' }, reason: { type: 'string', default: '' } } as const;

// The adjustment is read and saved under the workbook's lock, so a running sync cannot overwrite it.
export const studentMoveCommand = defineCommand('student move', {
  options: MOVE_OPTIONS,
  positionals: POSITIONALS,
  run: (args, io) => withWorkbookLock(args.positionals[0] ?? '', () => moveStudent(args, io), notices(io)),
});

export const studentDropoutCommand = defineCommand('student dropout', {
  options: DROPOUT_OPTIONS,
  positionals: POSITIONALS,
  run: (args, io) => withWorkbookLock(args.positionals[0] ?? '', () => dropOut(args, io), notices(io)),
});

/** The student id argument, or a usage error naming it. */
function studentIdOf(text: string): number {
  const studentId = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(studentId) || studentId <= 0) throw new OptionError(notAStudentId(text));
  return studentId;
}

/** The workbook, its config, the student's latest history row and who is recording the adjustment. */
async function adjustmentContext(file: string, studentId: StudentId, io: CliIo) {
  const workbook = await loadExistingWorkbook(file);
  const config = loadConfig(workbook);
  const latest = readHistoryRows(workbook.readSheet(SHEET.history), config.settings.timeZone)
    .filter((row) => row.studentId === studentId)
    .sort((a, b) => (a.week < b.week ? 1 : -1))[0];
  if (!latest) throw new UsageError(studentNotInHistory(studentId));
  return { workbook, config, latest, by: io.env.USER ?? userInfo().username };
}

async function moveStudent({ values, positionals: [file = '', id = ''] }: ParsedArgs<typeof MOVE_OPTIONS>, io: CliIo): Promise<number> {
  const studentId = studentIdOf(id);
  const date = dateOption('--from-week', values['from-week']);
  const to = values.to;
  if (to === undefined || date === undefined)
    throw new OptionError(missingOptions([...(to === undefined ? ['--to'] : []), ...(date === undefined ? ['--from-week'] : [])]));
  const { workbook, config, latest, by } = await adjustmentContext(file, studentId, io);
  const target = config.cohorts.find((cohort) => cohort.name === to && cohort.active);
  if (!target) throw new OptionError(moveTargetUnavailable(to));
  const adjustment = appendAdjustment(workbook, {
    date,
    studentId,
    name: latest.name,
    action: 'Mover',
    from: latest.cohort,
    to: target.name,
    reason: values.reason,
    by,
  });
  await workbook.save(file);
  io.stdout.write(`${studentMoved(adjustment.name, studentId, latest.cohort, target.name, date)}\n`);
  return EXIT.ok;
}

async function dropOut({ values, positionals: [file = '', id = ''] }: ParsedArgs<typeof DROPOUT_OPTIONS>, io: CliIo): Promise<number> {
  const studentId = studentIdOf(id);
  const date = dateOption('--date', values.date);
  if (date === undefined) throw new OptionError(missingOptions(['--date']));
  const { workbook, latest, by } = await adjustmentContext(file, studentId, io);
  const adjustment = appendAdjustment(workbook, {
    date,
    studentId,
    name: latest.name,
    action: 'Desistência',
    from: latest.cohort,
    to: '',
    reason: values.reason,
    by,
  });
  await workbook.save(file);
  io.stdout.write(`${studentDroppedOut(adjustment.name, studentId, date)}\n`);
  return EXIT.ok;
}
