// `cademi-monitor cohort add|list`: cohorts managed from the command line, validated like the sheet.

import { parseArgs } from 'node:util';
import { archiveCohort, saveCohort } from '../../core/config/cohort-editing';
import { parseCohortsSheet } from '../../core/config/cohorts-sheet';
import { parseGoalsSheet } from '../../core/config/goals-sheet';
import { loadConfig } from '../../core/config/load-config';
import { cohortRow } from '../../core/config/templates';
import {
  COHORT_ARCHIVE_USAGE,
  COHORT_EDIT_USAGE,
  COHORT_USAGE,
  cohortAdded,
  cohortArchived,
  cohortFieldProblem,
  cohortListLine,
  cohortToEditMissing,
  cohortUpdated,
  errorLine,
  missingOptions,
  noCohortsSheet,
  unknownCohortAction,
  warningLine,
} from '../../core/messages/cli';
import { cohortRenamed } from '../../core/messages/identity';
import { describeIssue } from '../../core/model/issues';
import { COHORT_HEADERS, DATE_FORMAT, SHEET } from '../../core/sheets';
import type { CohortInput, ValidationResult } from '../../core/sidebar/api';
import type { Cell } from '../../core/workbook/workbook';
import { type CliIo, dateOption, EXIT, idListOption, integerOption, UsageError } from '../cli-io';
import { withWorkbookLock } from '../workbook-lock';
import { notices } from './lock-notices';
import { loadExistingWorkbook } from './workbook-file';

/** The option of each field a cohort's validation names (a problem of the whole row has none). */
const OPTION_OF_FIELD: Readonly<Record<keyof CohortInput, string>> = {
  name: '--name',
  tagId: '--tag',
  start: '--start',
  productIds: '--products',
  goalTrack: '--goal',
  tutorEmail: '--tutor',
};

/** The options naming a cohort's fields, shared by `cohort add` and `cohort edit` (OPTION_OF_FIELD maps them back). */
const COHORT_FIELD_OPTIONS = {
  name: { type: 'string' },
  tag: { type: 'string' },
  start: { type: 'string' },
  products: { type: 'string' },
  goal: { type: 'string' },
  tutor: { type: 'string' },
} as const;

export async function cohortCommand(args: string[], io: CliIo): Promise<number> {
  const [action, file, ...rest] = args;
  if (!file) throw new UsageError(COHORT_USAGE);
  if (action === 'list') return listCohorts(file, rest, io);
  // Each change holds the workbook's lock from its read to its save (a sync cannot overwrite it, nor it a sync).
  if (action === 'add') return withWorkbookLock(file, () => addCohort(file, rest, io), notices(io));
  if (action === 'edit') return withWorkbookLock(file, () => editCohort(file, rest, io), notices(io));
  if (action === 'archive') return withWorkbookLock(file, () => archive(file, rest, io), notices(io));
  throw new UsageError(unknownCohortAction(action));
}

async function listCohorts(file: string, args: string[], io: CliIo): Promise<number> {
  // No options: anything more is refused (by the parser, said in pt-BR by main), never ignored.
  parseArgs({ args, options: {}, strict: true, allowPositionals: false });
  const workbook = await loadExistingWorkbook(file);
  const { tracks } = parseGoalsSheet(workbook.readSheet(SHEET.goals));
  const { cohorts, issues } = parseCohortsSheet(workbook.readSheet(SHEET.cohorts), tracks);
  for (const cohort of cohorts) {
    io.stdout.write(`${cohortListLine(cohort)}\n`);
  }
  for (const issue of issues) io.stderr.write(`${warningLine(describeIssue(issue))}\n`);
  return EXIT.ok;
}

async function addCohort(file: string, args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { ...COHORT_FIELD_OPTIONS, inactive: { type: 'boolean', default: false } },
    strict: true,
  });
  const missing = ['name', 'tag', 'start', 'products'].filter((key) => values[key as keyof typeof values] === undefined);
  if (missing.length > 0) throw new UsageError(missingOptions(missing.map((key) => `--${key}`)));
  const workbook = await loadExistingWorkbook(file);
  const sheet = workbook.readSheet(SHEET.cohorts);
  if (sheet === null) throw new UsageError(noCohortsSheet(file, SHEET.cohorts));

  // The typed values go through the same parser as the sheet, so the CLI can never add a row the sheet would refuse.
  const typed: Cell[] = [values.name!, values.tag!, values.start!, values.products!, values.goal ?? '', values.tutor ?? '', values.inactive ? 'Não' : 'Sim'];
  // A sheet emptied by hand has no header row: read as an empty one, the parser then reports the missing columns.
  const [headerRow = []] = sheet;
  const header = headerRow.map((cell) => String(cell ?? ''));
  const candidate: Cell[] = header.map(() => null);
  COHORT_HEADERS.forEach((name, index) => {
    const column = header.indexOf(name);
    if (column >= 0) candidate[column] = typed[index] ?? null; // typed follows COHORT_HEADERS
  });
  const newRow = sheet.length;
  const { tracks } = parseGoalsSheet(workbook.readSheet(SHEET.goals));
  const { cohorts, issues } = parseCohortsSheet([...sheet, candidate], tracks);
  const problems = issues.filter((issue) => issue.row === newRow && issue.severity === 'error');
  if (problems.length > 0) {
    for (const issue of problems) io.stderr.write(`${errorLine(describeIssue(issue))}\n`);
    return EXIT.usage;
  }
  const added = cohorts.find((cohort) => cohort.sheetRow === newRow)!;
  const row = cohortRow(added);
  const stored: Cell[] = header.map(() => null);
  COHORT_HEADERS.forEach((name, index) => {
    stored[header.indexOf(name)] = row[index] ?? null; // cohortRow follows COHORT_HEADERS
  });
  const formats = header.map((name) => (name === 'Início' ? DATE_FORMAT : name === 'Produtos' ? '@' : undefined));
  workbook.replaceRowsFrom(SHEET.cohorts, newRow, [stored], formats);
  await workbook.save(file);
  io.stdout.write(`${cohortAdded(added.name, added.tagId, added.start, added.productIds)}\n`);
  return EXIT.ok;
}

function reportValidation(result: ValidationResult, io: CliIo): boolean {
  if (result.ok) return true;
  for (const error of result.errors) {
    io.stderr.write(`${errorLine(cohortFieldProblem(OPTION_OF_FIELD[error.field as keyof CohortInput] ?? null, error.message))}\n`);
  }
  return false;
}

/** `cohort edit <arquivo> <turma> [--name …] [--tag …] [--start …] [--products …] [--goal …] [--tutor …]` */
async function editCohort(file: string, args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: COHORT_FIELD_OPTIONS,
    allowPositionals: true,
    strict: true,
  });
  const original = positionals[0];
  if (!original) throw new UsageError(COHORT_EDIT_USAGE);
  const workbook = await loadExistingWorkbook(file);
  const current = loadConfig(workbook).cohorts.find((cohort) => cohort.name === original);
  if (!current) throw new UsageError(cohortToEditMissing(original));
  const result = saveCohort(
    workbook,
    {
      name: values.name ?? current.name,
      tagId: integerOption('--tag', values.tag, 1, Number.MAX_SAFE_INTEGER) ?? current.tagId,
      start: dateOption('--start', values.start) ?? current.start,
      productIds: idListOption('--products', values.products) ?? current.productIds,
      goalTrack: values.goal === undefined ? current.goalTrack : values.goal || null,
      tutorEmail: values.tutor === undefined ? current.tutorEmail : values.tutor || null,
    },
    original,
  );
  if (!reportValidation(result, io)) return EXIT.usage;
  await workbook.save(file);
  io.stdout.write(`${cohortUpdated(original)}\n`);
  if (values.name !== undefined && values.name.trim() !== original) io.stdout.write(`${cohortRenamed(original, values.name.trim()).replace(/^a/, 'A')}\n`);
  return EXIT.ok;
}

/** `cohort archive <arquivo> <turma>`: stops syncing it; history and sheets stay. */
async function archive(file: string, args: string[], io: CliIo): Promise<number> {
  const name = args[0];
  if (!name || args.length > 1) throw new UsageError(COHORT_ARCHIVE_USAGE);
  const workbook = await loadExistingWorkbook(file);
  if (!reportValidation(archiveCohort(workbook, name), io)) return EXIT.usage;
  await workbook.save(file);
  io.stdout.write(`${cohortArchived(name)}\n`);
  return EXIT.ok;
}
