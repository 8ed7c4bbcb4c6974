// `cademi-monitor demo`: the whole product on a fresh machine — a simulated school, 12 weekly runs,
// the workbook written to out/demo.xlsx — with the API's 2 req/s honoured in simulated time.

import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { COHORT_FORMATS, cohortRow, ensureConfigSheets } from '../../core/config/templates';
import { demoFinished, demoStarted, demoWeekLabel, emptyPathOption } from '../../core/messages/cli';
import { DEMO_PREVIEW_TITLE } from '../../core/messages/preview';
import { DEFAULT_GOAL_TRACK } from '../../core/model/goals';
import { DEFAULT_SETTINGS } from '../../core/model/settings';
import { COHORT_HEADERS, SHEET } from '../../core/sheets';
import { addDays, mondayOf } from '../../core/time/local-date';
import { ArchiveWorkbook } from '../archive-workbook';
import { type CliIo, dateOption, EXIT, integerOption, UsageError } from '../cli-io';
import { advanceTo, embeddedApi } from '../embedded-api';
import { realPathOf } from '../file-identity';
import { previewPathFor, writePreview } from '../preview-file';
import { ProgressBar } from '../progress-bar';
import { runInstant } from '../run-date';
import { runWeek } from '../sync-runner';
import { withWorkbookLock } from '../workbook-lock';
import { XlsxWorkbook } from '../xlsx-workbook';
import { notices } from './lock-notices';
import { summaryLine } from './sync';

const TUTORS = ['ana.souza@escola.com.br', 'bruno.lima@escola.com.br', 'carla.reis@escola.com.br'];

export async function demoCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      out: { type: 'string', default: 'out/demo.xlsx' },
      weeks: { type: 'string', default: '12' },
      'first-week': { type: 'string', default: '2026-09-07' },
      students: { type: 'string' },
    },
    strict: true,
  });
  const weeks = integerOption('--weeks', values.weeks, 1, 104)!;
  const firstWeek = dateOption('--first-week', values['first-week'])!;
  const studentCount = integerOption('--students', values.students, 1, 100_000);
  const out = values.out!;
  if (out.trim() === '') throw new UsageError(emptyPathOption('--out'));
  mkdirSync(dirname(out), { recursive: true });
  // The output is a workbook like any other: one writer at a time, from the first write to the save.
  const archive = ArchiveWorkbook.beside(realPathOf(out));
  return withWorkbookLock(out, () => runDemo(out, weeks, firstWeek, studentCount, archive, io), notices(io, [archive.path, previewPathFor(out)]));
}

async function runDemo(out: string, weeks: number, firstWeek: string, studentCount: number | undefined, archive: ArchiveWorkbook, io: CliIo): Promise<number> {
  const firstRun = runInstant(mondayOf(firstWeek), DEFAULT_SETTINGS);
  const api = embeddedApi({ startAt: firstRun, studentCount });
  const workbook = XlsxWorkbook.empty();
  ensureConfigSheets(workbook);
  const cohortRows = api.simulator.school.cohorts.map((cohort, index) =>
    cohortRow({
      name: cohort.name,
      tagId: cohort.tagId,
      start: cohort.start,
      productIds: cohort.productIds,
      goalTrack: DEFAULT_GOAL_TRACK.name,
      tutorEmail: TUTORS[index % TUTORS.length] ?? null,
      active: true,
    }),
  );
  workbook.writeSheet(SHEET.cohorts, { rows: [[...COHORT_HEADERS], ...cohortRows], columnFormats: COHORT_FORMATS, frozenRows: 1 });

  io.stdout.write(`${demoStarted(api.simulator.school.cohorts.length, weeks, mondayOf(firstWeek))}\n`);
  const realStart = Date.now();
  let apiMs = 0;
  let calls = 0;
  let carried = 0;
  for (let week = 0; week < weeks; week++) {
    const now = runInstant(addDays(mondayOf(firstWeek), 7 * week), DEFAULT_SETTINGS);
    advanceTo(api, now);
    const weekApiStart = api.clock.now();
    const weekRealStart = Date.now();
    const bar = new ProgressBar(io.stderr, demoWeekLabel(week + 1, weeks));
    try {
      const { result } = await runWeek(workbook, api, { now, trigger: 'Demo', archive, onBatch: (job) => bar.update(job) });
      bar.clear();
      apiMs += api.clock.now() - weekApiStart;
      calls += result.stats.calls;
      carried += result.stats.carried;
      io.stdout.write(`${summaryLine(result, api.clock.now() - weekApiStart, Date.now() - weekRealStart, true)}\n`);
    } finally {
      bar.clear();
    }
  }
  await archive.save();
  await workbook.save(out);
  const preview = previewPathFor(out);
  await writePreview(workbook, preview, DEMO_PREVIEW_TITLE, new Date(), out);
  const historyRows = (workbook.readSheet(SHEET.history)?.length ?? 1) - 1;
  const realMs = Date.now() - realStart;
  const { requestsPerSecond } = DEFAULT_SETTINGS;
  io.stdout.write(
    `${demoFinished({ out, historyRows, historySheet: SHEET.history, preview, calls, carried, simulatedApiMs: apiMs, requestsPerSecond, realMs })}\n`,
  );
  return EXIT.ok;
}
