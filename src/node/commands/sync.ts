// `cademi-monitor sync <arquivo.xlsx> [--date DD/MM/AAAA]`: one weekly run, saved atomically.

import { describeBigQueryFailure } from '../../core/bigquery/failure';
import { writeWeekToBigQueryAsync } from '../../core/bigquery/history-sink';
import { checkBaseUrl } from '../../core/cademi/base-url';
import { tokenProblem } from '../../core/cademi/token';
import { apiTargetFor, chooseApi } from '../../core/config/api-choice';
import { parseSettingsSheet } from '../../core/config/settings-sheet';
import { describeRollover } from '../../core/history/archive-sink';
import { REPORT_SHEET } from '../../core/identity/sheet-names';
import { tokenMessages } from '../../core/messages/cademi';
import {
  apiUrlCellInvalid,
  bigQueryCopyFailedCli,
  bigQueryWeekCopied,
  envBaseUrlInvalid,
  filesWritten,
  SYNC_PROGRESS_LABEL,
  studentsToContact,
  TOKEN_ENV_MISSING,
  USING_EMBEDDED_SIMULATOR,
  usingApi,
  warningLine,
  weekSummary,
} from '../../core/messages/cli';
import { previewTitle } from '../../core/messages/preview';
import { describeIssue } from '../../core/model/issues';
import type { BigQueryTable } from '../../core/model/settings';
import { SHEET } from '../../core/sheets';
import type { SyncResult } from '../../core/sync/job';
import type { LocalDate } from '../../core/time/local-date';
import { ArchiveWorkbook } from '../archive-workbook';
import { type CliIo, dateOption, EXIT, UsageError } from '../cli-io';
import { systemDriverClock } from '../drive-job';
import { embeddedApi } from '../embedded-api';
import { FetchTransport } from '../fetch-transport';
import { realPathOf } from '../file-identity';
import { OfficialBigQueryClient } from '../official-bigquery-client';
import { previewPathFor, writePreview } from '../preview-file';
import { ProgressBar } from '../progress-bar';
import { runInstant } from '../run-date';
import { type ApiConnection, runWeek } from '../sync-runner';
import { withWorkbookLock } from '../workbook-lock';
import { defineCommand } from './command';
import { notices } from './lock-notices';
import { loadExistingWorkbook, saveWorkbook } from './workbook-file';

export const syncCommand = defineCommand('sync', {
  options: { date: { type: 'string' } },
  positionals: ['<arquivo.xlsx>'],
  run: async ({ values, positionals: [file = ''] }, io) => {
    const date = dateOption('--date', values.date);
    // The archive lives beside the real file, so every name of one workbook shares one archive (and one lock).
    const archive = ArchiveWorkbook.beside(realPathOf(file));
    // The lock is held from the first read to the last save: a second sync or a `cohort add` meanwhile is refused.
    return withWorkbookLock(file, () => syncWorkbook(file, date, archive, io), notices(io, [archive.path, previewPathFor(file)]));
  },
});

async function syncWorkbook(file: string, date: LocalDate | undefined, archive: ArchiveWorkbook, io: CliIo): Promise<number> {
  const workbook = await loadExistingWorkbook(file);
  const { settings, apiUrl } = parseSettingsSheet(workbook.readSheet(SHEET.settings));
  // A workbook that names an API never falls back to the simulator: a bad address stops here, naming the cell.
  if (apiUrl.state === 'invalid') throw new UsageError(apiUrlCellInvalid(describeIssue(apiUrl.issue)));
  const now = runInstant(date, settings);

  const envUrl = (io.env.CADEMI_BASE_URL ?? '').trim();
  const checkedEnv = envUrl ? checkBaseUrl(envUrl) : null;
  if (checkedEnv && !checkedEnv.ok) throw new UsageError(envBaseUrlInvalid(checkedEnv.problem));
  const baseUrl = checkedEnv?.ok ? checkedEnv.value : apiUrl.state === 'valid' ? apiUrl.value : '';
  let connection: ApiConnection;
  if (baseUrl) {
    const token = io.env.CADEMI_TOKEN?.trim();
    if (!token) throw new UsageError(TOKEN_ENV_MISSING);
    const problem = tokenProblem(token);
    if (problem) throw new UsageError(tokenMessages.envRefused(problem));
    const target = apiTargetFor(settings.apiVersion, baseUrl, token);
    connection = { target, transport: new FetchTransport(), clock: io.clock ?? systemDriverClock, marginMs: 150, virtual: false };
    io.stdout.write(`${usingApi(target.baseUrl, target.api ?? 'v1')}\n`);
  } else {
    const token = io.env.CADEMI_TOKEN?.trim() || undefined;
    connection = embeddedApi({ startAt: now, token, api: chooseApi(settings.apiVersion, token ?? '', '') });
    io.stdout.write(`${USING_EMBEDDED_SIMULATOR}\n`);
  }

  const realStart = Date.now();
  const apiStart = connection.clock.now();
  const bar = new ProgressBar(io.stderr, SYNC_PROGRESS_LABEL);
  let result: SyncResult;
  let contactCount: number;
  try {
    const onWait = ({ message }: { message: string }) => {
      bar.clear();
      io.stderr.write(`${warningLine(message)}\n`);
    };
    const run = await runWeek(workbook, connection, { now, trigger: 'CLI', archive, onBatch: (job) => bar.update(job), onWait });
    result = run.result;
    contactCount = run.contactCount;
    for (const issue of run.configIssues) io.stderr.write(`${warningLine(describeIssue(issue))}\n`);
    if (run.rollover) io.stdout.write(`${describeRollover(run.rollover)}\n`);
  } finally {
    bar.clear();
  }
  // The archive first, then the main file: a crash in between duplicates weeks, never loses them.
  const archived = archive.hasPending();
  await archive.save();
  await saveWorkbook(workbook, file, io);
  if (settings.bigQueryTable) {
    const copy = await copyToBigQuery(result, settings.bigQueryTable);
    // A failed copy is a warning (stderr), so a cron job's mail carries it; the week itself is saved.
    if (copy.ok) io.stdout.write(`${copy.line}\n`);
    else io.stderr.write(`${warningLine(copy.line)}\n`);
  }
  const preview = previewPathFor(file);
  await writePreview(workbook, preview, previewTitle(file), new Date(), file);
  for (const warning of result.warnings) io.stderr.write(`${warningLine(warning)}\n`);
  io.stdout.write(`${summaryLine(result, connection.clock.now() - apiStart, Date.now() - realStart, connection.virtual)}\n`);
  io.stdout.write(`${filesWritten({ workbook: file, preview, archive: archived ? archive.path : null })}\n`);
  io.stdout.write(`${studentsToContact(contactCount, REPORT_SHEET.contacts)}\n`);
  return EXIT.ok;
}

/** One line per week: cohorts, students, calls, calls saved by the incremental rule, time. */
export function summaryLine(result: SyncResult, apiMs: number, realMs: number, virtual: boolean): string {
  const { stats } = result;
  const counts = { cohorts: stats.cohorts, students: stats.students, rows: result.rows.length, calls: stats.calls, carried: stats.carried };
  return weekSummary(result.week, counts, virtual ? { realMs, simulatedApiMs: apiMs } : { realMs });
}

/**
 * The optional BigQuery copy of the week, through Google's official client with Application Default
 * Credentials (`gcloud auth application-default login` or GOOGLE_APPLICATION_CREDENTIALS). It runs
 * after the workbook is saved, so a BigQuery problem never costs the week.
 */
async function copyToBigQuery(result: SyncResult, table: BigQueryTable): Promise<{ ok: boolean; line: string }> {
  try {
    // Loaded only when a school uses BigQuery: the CLI starts faster without it.
    const { BigQuery } = await import('@google-cloud/bigquery');
    const client = new OfficialBigQueryClient(new BigQuery({ projectId: table.projectId }));
    const written = await writeWeekToBigQueryAsync(client, result.rows, result.week, { table });
    return { ok: true, line: bigQueryWeekCopied(written.week, written.inserted, written.replaced) };
  } catch (error) {
    return { ok: false, line: bigQueryCopyFailedCli(describeBigQueryFailure(error, 'cli')) };
  }
}
