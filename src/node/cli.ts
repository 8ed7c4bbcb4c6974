// `cademi-monitor`: the Node host's command line. Exit codes: 0 done, 1 the run failed, 2 bad usage or config.

import { HistorySchemaError } from '../core/history/schema';
import {
  type ArgumentProblem,
  badArgument,
  CLI_HELP,
  type CommandPath,
  commandHelp,
  configErrorLine,
  errorLine,
  missingAction,
  unexpectedErrorLine,
  unknownAction,
  unknownCommand,
  usageReminder,
} from '../core/messages/cli';
import { ConfigError, describeIssue } from '../core/model/issues';
import { SyncFailedError } from '../core/sync/errors';
import { type CliIo, EXIT, OptionError, UsageError } from './cli-io';
import { cohortAddCommand, cohortArchiveCommand, cohortEditCommand, cohortListCommand } from './commands/cohort';
import type { Command } from './commands/command';
import { demoCommand } from './commands/demo';
import { doctorCommand } from './commands/doctor';
import { initCommand } from './commands/init';
import { simulatorCommand } from './commands/simulator';
import { studentDropoutCommand, studentMoveCommand } from './commands/student';
import { syncCommand } from './commands/sync';
import { WorkbookBusyError, WorkbookLockLostError } from './workbook-lock';

/** Every command that runs, by its path (`cohort add`). */
export const COMMANDS: readonly Command[] = [
  demoCommand,
  initCommand,
  cohortAddCommand,
  cohortListCommand,
  cohortEditCommand,
  cohortArchiveCommand,
  studentMoveCommand,
  studentDropoutCommand,
  syncCommand,
  doctorCommand,
  simulatorCommand,
];

/** The commands that only group actions (`cohort add`…), with their actions in the order the help lists them. */
const GROUPS: Readonly<Record<string, readonly string[]>> = { cohort: ['add', 'list', 'edit', 'archive'], student: ['move', 'dropout'] };

/** Every path a person can ask `--help` of: the commands, their groups, and `help` itself. */
export const COMMAND_PATHS: readonly CommandPath[] = [...COMMANDS.map((command) => command.path), 'cohort', 'student', 'help'];

const HELP_FLAGS = new Set(['--help', '-h']);

/** `--help` or `-h` among the arguments (before a `--`, after which everything is a value). */
function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((arg) => HELP_FLAGS.has(arg));
}

/** The command a list of arguments names and the arguments left for it, or why it names none (an OptionError). */
interface Route {
  readonly path: CommandPath | null;
  readonly command: Command | null;
  readonly rest: readonly string[];
  readonly problem: string | null;
}

function route(argv: readonly string[]): Route {
  const [first = '', second, ...after] = argv;
  const command = (path: string, rest: readonly string[]): Route => {
    const found = COMMANDS.find((candidate) => candidate.path === path) ?? null;
    return { path: found?.path ?? null, command: found, rest, problem: found ? null : unknownCommand(path) };
  };
  const actions = GROUPS[first];
  if (actions === undefined) {
    if (first.startsWith('-')) return { path: null, command: null, rest: [], problem: badArgument('unknown-option', first) };
    return command(first, argv.slice(1));
  }
  const group = first as CommandPath;
  if (second !== undefined && actions.includes(second)) return command(`${first} ${second}`, after);
  const problem =
    second === undefined || HELP_FLAGS.has(second)
      ? missingAction(first, actions)
      : second.startsWith('-')
        ? badArgument('unknown-option', second)
        : unknownAction(first, second, actions);
  return { path: group, command: null, rest: argv.slice(1), problem };
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const context: { path: CommandPath | null } = { path: null };
  try {
    return await dispatch(argv, io, context);
  } catch (error) {
    return reportFailure(error, io, context.path);
  }
}

/** Runs one command; each command that writes a workbook holds its lock itself (see workbook-lock.ts). */
async function dispatch(argv: readonly string[], io: CliIo, context: { path: CommandPath | null }): Promise<number> {
  const [first] = argv;
  if (first === undefined) {
    io.stdout.write(CLI_HELP);
    return EXIT.usage;
  }
  if (first === 'help' || HELP_FLAGS.has(first)) return help(argv.slice(1), io, context);
  const target = route(argv);
  context.path = target.path;
  if (target.path !== null && asksForHelp(target.rest)) {
    io.stdout.write(commandHelp(target.path));
    return EXIT.ok;
  }
  if (target.command === null) throw new OptionError(target.problem ?? unknownCommand(first));
  return await target.command.run(target.rest, io);
}

/** `help`, `help <comando> [ação]`, `--help`: the general help or one command's, on stdout. */
function help(args: readonly string[], io: CliIo, context: { path: CommandPath | null }): number {
  const named = args.filter((arg) => !HELP_FLAGS.has(arg));
  if (named.length === 0) {
    // `help --help` is the help command's own usage; `help` and `--help` alone, the general help.
    io.stdout.write(asksForHelp(args) ? commandHelp('help') : CLI_HELP);
    return EXIT.ok;
  }
  context.path = 'help';
  const [first = ''] = named;
  const target = route(named);
  // A group's help is asked for by its name alone (`help cohort`).
  const path = target.command?.path ?? (named.length === 1 && GROUPS[first] ? (first as CommandPath) : null);
  if (path === null) throw new OptionError(target.problem ?? unknownCommand(first));
  io.stdout.write(commandHelp(path));
  return EXIT.ok;
}

function reportFailure(error: unknown, io: CliIo, path: CommandPath | null): number {
  if (error instanceof SyncFailedError || error instanceof WorkbookBusyError || error instanceof WorkbookLockLostError) {
    io.stderr.write(`${errorLine(error.message)}\n`);
    return EXIT.runFailed;
  }
  if (error instanceof ConfigError) {
    io.stderr.write(`${configErrorLine(error.issues.map(describeIssue))}\n`);
    return EXIT.usage;
  }
  // A command called the wrong way: each problem, then how to call it.
  if (error instanceof OptionError) {
    return refuseUsage(error.message.split('\n'), io, path);
  }
  if (error instanceof UsageError || error instanceof HistorySchemaError) {
    io.stderr.write(`${errorLine(error.message)}\n`);
    return EXIT.usage;
  }
  // Checked by code, not class: Node's own errors may come from another realm (a test sandbox).
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
    return refuseUsage([argumentProblem(code, String((error as Error).message))], io, path);
  }
  // A bug, not a bad input: the class and message, never a stack trace (CADEMI_DEBUG=1 shows it to a developer).
  const detail = error instanceof Error ? (io.env.CADEMI_DEBUG === '1' ? (error.stack ?? error.message) : `${error.name}: ${error.message}`) : String(error);
  io.stderr.write(`${unexpectedErrorLine(detail)}\n`);
  return EXIT.runFailed;
}

function refuseUsage(problems: readonly string[], io: CliIo, path: CommandPath | null): number {
  io.stderr.write(`${problems.map((problem) => `${errorLine(problem)}\n`).join('')}\n${usageReminder(path)}\n`);
  return EXIT.usage;
}

/**
 * Node's argument parser speaks English: its message is read only for the option or argument it
 * quotes (`Unknown option '--foo'`, `Option '--name <value>' argument missing`), and said in pt-BR.
 */
function argumentProblem(code: string, message: string): string {
  const quoted = (/'([^']*)'/.exec(message)?.[1] ?? '').replace(/ <value>$/, '');
  let problem: ArgumentProblem = 'other';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') problem = 'unknown-option';
  else if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') problem = 'unexpected-argument';
  else if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') problem = /does not take an argument/i.test(message) ? 'unexpected-value' : 'missing-value';
  return quoted ? badArgument(problem, quoted) : badArgument('other', '');
}

/** Runs the CLI on this process's arguments and sets its exit code. */
export function runFromProcess(): void {
  const io: CliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
  main(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}

if (require.main === module) runFromProcess();
