// `cademi-monitor demo`: the whole product on a fresh machine — a simulated school, 12 weekly runs,
// the workbook written to out/demo.xlsx — with the API's 2 req/s honoured in simulated time.

import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ApiGeneration } from '../../core/cademi/types';
import { withSettingValue } from '../../core/config/settings-sheet';
import { COHORT_FORMATS, cohortRow, ensureConfigSheets, settingsTemplate } from '../../core/config/templates';
import { REPORT_SHEET } from '../../core/identity/sheet-names';
import {
  apiOptionInvalid,
  demoApi,
  demoFinished,
  demoStarted,
  demoStartMoved,
  demoWeekLabel,
  emptyPathOption,
  filesWritten,
  studentsToContact,
} from '../../core/messages/cli';
import { DEMO_PREVIEW_TITLE } from '../../core/messages/preview';
import { DEFAULT_GOAL_TRACK } from '../../core/model/goals';
import type { ProductId, TagId } from '../../core/model/ids';
import { DEFAULT_SETTINGS } from '../../core/model/settings';
import { COHORT_HEADERS, SHEET } from '../../core/sheets';
import { addDays, type LocalDate, mondayOf } from '../../core/time/local-date';
import { productV3Id, tagV3Id } from '../../simulator';
import { ArchiveWorkbook } from '../archive-workbook';
import { type CliIo, dateOption, EXIT, integerOption, OptionError } from '../cli-io';
import { advanceTo, embeddedApi } from '../embedded-api';
import { realPathOf } from '../file-identity';
import { previewPathFor, writePreview } from '../preview-file';
import { ProgressBar } from '../progress-bar';
import { runInstant } from '../run-date';
import { runWeek } from '../sync-runner';
import { withWorkbookLock } from '../workbook-lock';
import { XlsxWorkbook } from '../xlsx-workbook';
import { defineCommand, type ParsedArgs } from './command';
import { notices } from './lock-notices';
import { summaryLine } from './sync';
import { saveWorkbook } from './workbook-file';

/** The demo school's tutors, with the names `Turmas` shows beside their e-mails. */
const TUTORS = [
  { name: 'Ana Souza', email: 'ana.souza@escola.com.br' },
  { name: 'Bruno Lima', email: 'bruno.lima@escola.com.br' },
  { name: 'Carla Reis', email: 'carla.reis@escola.com.br' },
];

/** The demo's first week unless --first-week says otherwise: two months into the simulated school's first cohort. */
const DEFAULT_FIRST_WEEK = '2026-09-07';

const OPTIONS = {
  out: { type: 'string', default: 'out/demo.xlsx' },
  weeks: { type: 'string', default: '12' },
  'first-week': { type: 'string', default: DEFAULT_FIRST_WEEK },
  students: { type: 'string' },
  api: { type: 'string', default: 'v1' },
} as const;

/** `--api v1` (default) or `--api v3`: which generation the demo school is synced through. */
function apiOption(text: string): ApiGeneration {
  const value = text.trim().toLowerCase();
  if (value === 'v1' || value === 'v3') return value;
  throw new OptionError(apiOptionInvalid(text));
}

export const demoCommand = defineCommand('demo', { options: OPTIONS, positionals: [], run: startDemo });

async function startDemo({ values }: ParsedArgs<typeof OPTIONS>, io: CliIo): Promise<number> {
  const weeks = integerOption('--weeks', values.weeks, 1, 104) ?? 12;
  const firstWeek = dateOption('--first-week', values['first-week']) ?? DEFAULT_FIRST_WEEK;
  const studentCount = integerOption('--students', values.students, 1, 100_000);
  const api = apiOption(values.api);
  const out = values.out;
  if (out.trim() === '') throw new OptionError(emptyPathOption('--out'));
  mkdirSync(dirname(out), { recursive: true });
  // The output is a workbook like any other: one writer at a time, from the first write to the save.
  const archive = ArchiveWorkbook.beside(realPathOf(out));
  return withWorkbookLock(out, () => runDemo(out, weeks, firstWeek, studentCount, api, archive, io), notices(io, [archive.path, previewPathFor(out)]));
}

async function runDemo(
  out: string,
  weeks: number,
  firstWeek: LocalDate,
  studentCount: number | undefined,
  generation: ApiGeneration,
  archive: ArchiveWorkbook,
  io: CliIo,
): Promise<number> {
  const api = embeddedApi({ startAt: runInstant(mondayOf(firstWeek), DEFAULT_SETTINGS), studentCount, api: generation });
  // On v3 the school's Turmas hold v3 ids (`tag_…`, `prd_…`), as a school's would once it switches.
  const ids: { tag: (id: number) => TagId; product: (id: number) => ProductId } =
    generation === 'v3' ? { tag: tagV3Id, product: productV3Id } : { tag: (id) => id, product: (id) => id };
  const { cohorts } = api.simulator.school;
  // A week before any cohort starts has nothing to collect: the demo starts with the first cohort instead, and says so.
  const asked = mondayOf(firstWeek);
  // ISO dates sort as text: the first is the earliest start.
  const [firstStart = asked] = cohorts.map((cohort) => cohort.start).sort();
  const moved = asked < firstStart;
  const firstDay = moved ? firstStart : asked;
  const workbook = XlsxWorkbook.empty();
  ensureConfigSheets(workbook);
  const cohortRows = cohorts.map((cohort, index) => {
    const tutor = TUTORS[index % TUTORS.length];
    return cohortRow({
      name: cohort.name,
      tagId: ids.tag(cohort.tagId),
      start: cohort.start,
      productIds: cohort.productIds.map(ids.product),
      goalTrack: DEFAULT_GOAL_TRACK.name,
      tutorEmail: tutor?.email ?? null,
      tutorName: tutor?.name ?? null,
      active: true,
    });
  });
  workbook.writeSheet(SHEET.cohorts, { rows: [[...COHORT_HEADERS], ...cohortRows], columnFormats: COHORT_FORMATS, frozenRows: 1 });
  const settings = settingsTemplate();
  workbook.writeSheet(SHEET.settings, { ...settings, rows: withSettingValue(settings.rows, 'apiVersion', generation) });

  if (moved) io.stdout.write(`${demoStartMoved(firstWeek, firstStart)}\n`);
  io.stdout.write(`${demoStarted(cohorts.length, weeks, firstDay)}\n`);
  io.stdout.write(`${demoApi(generation)}\n`);
  const realStart = Date.now();
  let apiMs = 0;
  let calls = 0;
  let carried = 0;
  let contactCount = 0;
  for (let week = 0; week < weeks; week++) {
    const now = runInstant(addDays(firstDay, 7 * week), DEFAULT_SETTINGS);
    advanceTo(api, now);
    const weekApiStart = api.clock.now();
    const weekRealStart = Date.now();
    const bar = new ProgressBar(io.stderr, demoWeekLabel(week + 1, weeks));
    try {
      const run = await runWeek(workbook, api, { now, trigger: 'Demo', archive, onBatch: (job) => bar.update(job) });
      bar.clear();
      apiMs += api.clock.now() - weekApiStart;
      calls += run.result.stats.calls;
      carried += run.result.stats.carried;
      contactCount = run.contactCount;
      io.stdout.write(`${summaryLine(run.result, api.clock.now() - weekApiStart, Date.now() - weekRealStart, true)}\n`);
    } finally {
      bar.clear();
    }
  }
  const archived = archive.hasPending() ? archive.path : null;
  await archive.save();
  await saveWorkbook(workbook, out, io);
  const preview = previewPathFor(out);
  await writePreview(workbook, preview, DEMO_PREVIEW_TITLE, new Date(), out);
  const historyRows = (workbook.readSheet(SHEET.history)?.length ?? 1) - 1;
  const realMs = Date.now() - realStart;
  const { requestsPerSecond } = DEFAULT_SETTINGS;
  io.stdout.write(`${demoFinished({ historyRows, historySheet: SHEET.history, calls, carried, simulatedApiMs: apiMs, requestsPerSecond, realMs })}\n`);
  io.stdout.write(`${filesWritten({ workbook: out, preview, archive: archived })}\n`);
  io.stdout.write(`${studentsToContact(contactCount, REPORT_SHEET.contacts)}\n`);
  return EXIT.ok;
}
