// `cademi-monitor cohort add|list|edit|archive`: cohorts managed from the command line, validated like the sheet.

import { archiveCohort, defaultGoalFor, saveCohort } from '../../core/config/cohort-editing';
import { parseCohortsSheet, tutorCellText } from '../../core/config/cohorts-sheet';
import { parseGoalsSheet } from '../../core/config/goals-sheet';
import { loadConfig } from '../../core/config/load-config';
import { cohortRow } from '../../core/config/templates';
import {
  cohortAdded,
  cohortArchived,
  cohortFieldProblem,
  cohortGoal,
  cohortListLine,
  cohortToEditMissing,
  cohortUpdated,
  cohortWithoutGoal,
  missingOptions,
  noCohortsSheet,
  warningLine,
} from '../../core/messages/cli';
import { INVALID_ROW } from '../../core/messages/config';
import { cohortRenamed } from '../../core/messages/identity';
import { describeIssue } from '../../core/model/issues';
import { COHORT_HEADERS, DATE_FORMAT, SHEET } from '../../core/sheets';
import type { CohortInput, ValidationResult } from '../../core/sidebar/api';
import type { Cell } from '../../core/workbook/workbook';
import { type CliIo, dateOption, EXIT, idListOption, integerOption, OptionError, UsageError } from '../cli-io';
import { withWorkbookLock } from '../workbook-lock';
import { defineCommand, type ParsedArgs } from './command';
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

const ADD_OPTIONS = { ...COHORT_FIELD_OPTIONS, inactive: { type: 'boolean', default: false } } as const;

// Each change holds the workbook's lock from its read to its save (a sync cannot overwrite it, nor it a sync).
export const cohortAddCommand = defineCommand('cohort add', {
  options: ADD_OPTIONS,
  positionals: ['<arquivo.xlsx>'],
  run: (args, io) => withWorkbookLock(args.positionals[0] ?? '', () => addCohort(args, io), notices(io)),
});

export const cohortListCommand = defineCommand('cohort list', { options: {}, positionals: ['<arquivo.xlsx>'], run: listCohorts });

export const cohortEditCommand = defineCommand('cohort edit', {
  options: COHORT_FIELD_OPTIONS,
  positionals: ['<arquivo.xlsx>', '<turma>'],
  run: (args, io) => withWorkbookLock(args.positionals[0] ?? '', () => editCohort(args, io), notices(io)),
});

export const cohortArchiveCommand = defineCommand('cohort archive', {
  options: {},
  positionals: ['<arquivo.xlsx>', '<turma>'],
  run: (args, io) => withWorkbookLock(args.positionals[0] ?? '', () => archive(args.positionals, io), notices(io)),
});

async function listCohorts({ positionals: [file = ''] }: { readonly positionals: readonly string[] }, io: CliIo): Promise<number> {
  const workbook = await loadExistingWorkbook(file);
  const { tracks } = parseGoalsSheet(workbook.readSheet(SHEET.goals));
  const { cohorts, issues } = parseCohortsSheet(workbook.readSheet(SHEET.cohorts), tracks);
  for (const cohort of cohorts) {
    io.stdout.write(`${cohortListLine(cohort)}\n`);
  }
  for (const issue of issues) io.stderr.write(`${warningLine(describeIssue(issue))}\n`);
  return EXIT.ok;
}

async function addCohort({ values, positionals: [file = ''] }: ParsedArgs<typeof ADD_OPTIONS>, io: CliIo): Promise<number> {
  const { name, tag, start, products } = values;
  if (name === undefined || tag === undefined || start === undefined || products === undefined) {
    const missing = Object.entries({ name, tag, start, products }).filter(([, value]) => value === undefined);
    throw new OptionError(missingOptions(missing.map(([key]) => `--${key}`)));
  }
  const workbook = await loadExistingWorkbook(file);
  const sheet = workbook.readSheet(SHEET.cohorts);
  if (sheet === null) throw new UsageError(noCohortsSheet(file, SHEET.cohorts));
  // No --goal: the school's default track (one rule with the sidebar's "Nova turma"); --goal "" asks for none.
  const defaultGoal = values.goal === undefined ? defaultGoalFor(workbook) : null;
  const goal = values.goal ?? defaultGoal?.track ?? '';

  // The typed values go through the same parser as the sheet, so the CLI can never add a row the sheet would refuse.
  const typed: Cell[] = [name, tag, start, products, goal, values.tutor ?? '', values.inactive ? 'Não' : 'Sim'];
  // A sheet emptied by hand has no header row: read as an empty one, the parser then reports the missing columns.
  const [headerRow = []] = sheet;
  const header = headerRow.map((cell) => String(cell ?? ''));
  const candidate: Cell[] = header.map(() => null);
  COHORT_HEADERS.forEach((column, index) => {
    const at = header.indexOf(column);
    if (at >= 0) candidate[at] = typed[index] ?? null; // typed follows COHORT_HEADERS
  });
  const newRow = sheet.length;
  const { tracks } = parseGoalsSheet(workbook.readSheet(SHEET.goals));
  const { cohorts, issues } = parseCohortsSheet([...sheet, candidate], tracks);
  const problems = issues.filter((issue) => issue.row === newRow && issue.severity === 'error');
  const added = cohorts.find((cohort) => cohort.sheetRow === newRow);
  if (problems.length > 0 || added === undefined) throw new OptionError(problems.length > 0 ? problems.map(describeIssue).join('\n') : INVALID_ROW);
  const row = cohortRow(added);
  const stored: Cell[] = header.map(() => null);
  COHORT_HEADERS.forEach((column, index) => {
    stored[header.indexOf(column)] = row[index] ?? null; // cohortRow follows COHORT_HEADERS
  });
  const formats = header.map((column) => (column === 'Início' ? DATE_FORMAT : column === 'Produtos' ? '@' : undefined));
  workbook.replaceRowsFrom(SHEET.cohorts, newRow, [stored], formats);
  await workbook.save(file);
  io.stdout.write(`${cohortAdded(added.name, added.tagId, added.start, added.productIds)}\n`);
  if (added.goalTrack !== null) io.stdout.write(`${cohortGoal(added.goalTrack, defaultGoal !== null)}\n`);
  else io.stderr.write(`${warningLine(cohortWithoutGoal(defaultGoal?.track === null ? defaultGoal.reason : null))}\n`);
  return EXIT.ok;
}

/** A refused save, each problem named by the option it is about; the command's usage follows. */
function refuseInvalid(result: ValidationResult): void {
  if (result.ok) return;
  const problems = result.errors.map((error) => cohortFieldProblem(OPTION_OF_FIELD[error.field as keyof CohortInput] ?? null, error.message));
  throw new OptionError(problems.join('\n'));
}

/** `cohort edit <arquivo> <turma> [--name …] [--tag …] [--start …] [--products …] [--goal …] [--tutor …]` */
async function editCohort({ values, positionals: [file = '', original = ''] }: ParsedArgs<typeof COHORT_FIELD_OPTIONS>, io: CliIo): Promise<number> {
  const workbook = await loadExistingWorkbook(file);
  const current = loadConfig(workbook).cohorts.find((cohort) => cohort.name === original);
  if (!current) throw new OptionError(cohortToEditMissing(original));
  const result = saveCohort(
    workbook,
    {
      name: values.name ?? current.name,
      tagId: integerOption('--tag', values.tag, 1, Number.MAX_SAFE_INTEGER) ?? current.tagId,
      start: dateOption('--start', values.start) ?? current.start,
      productIds: idListOption('--products', values.products) ?? current.productIds,
      goalTrack: values.goal === undefined ? current.goalTrack : values.goal || null,
      tutorEmail: values.tutor === undefined ? tutorCellText(current) || null : values.tutor || null,
    },
    original,
  );
  refuseInvalid(result);
  await workbook.save(file);
  io.stdout.write(`${cohortUpdated(original)}\n`);
  if (values.name !== undefined && values.name.trim() !== original) io.stdout.write(`${cohortRenamed(original, values.name.trim()).replace(/^a/, 'A')}\n`);
  return EXIT.ok;
}

/** `cohort archive <arquivo> <turma>`: stops syncing it; history and sheets stay. */
async function archive([file = '', name = '']: readonly string[], io: CliIo): Promise<number> {
  const workbook = await loadExistingWorkbook(file);
  refuseInvalid(archiveCohort(workbook, name));
  await workbook.save(file);
  io.stdout.write(`${cohortArchived(name)}\n`);
  return EXIT.ok;
}
