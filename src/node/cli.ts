// `cademi-monitor`: the Node host's command line. Exit codes: 0 done, 1 the run failed, 2 bad usage or config.

import { HistorySchemaError } from '../core/history/schema';
import { type ArgumentProblem, badArgument, CLI_HELP, configErrorLine, errorLine, INIT_USAGE, unexpectedErrorLine, unknownCommand } from '../core/messages/cli';
import { ConfigError, describeIssue } from '../core/model/issues';
import { SyncFailedError } from '../core/sync/errors';
import { type CliIo, EXIT, UsageError } from './cli-io';
import { cohortCommand } from './commands/cohort';
import { demoCommand } from './commands/demo';
import { initCommand } from './commands/init';
import { simulatorCommand } from './commands/simulator';
import { studentCommand } from './commands/student';
import { syncCommand } from './commands/sync';
import { WorkbookBusyError, WorkbookLockLostError } from './workbook-lock';

export async function main(argv: string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    return reportFailure(error, io);
  }
}

/** Runs one command; each command that writes a workbook holds its lock itself (see workbook-lock.ts). */
async function dispatch(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'demo':
      return await demoCommand(rest, io);
    case 'init': {
      const [file] = rest;
      if (rest.length !== 1 || file === undefined) throw new UsageError(INIT_USAGE);
      return await initCommand(file, io);
    }
    case 'cohort':
      return await cohortCommand(rest, io);
    case 'sync':
      return await syncCommand(rest, io);
    case 'student':
      return await studentCommand(rest, io);
    case 'simulator':
      return await simulatorCommand(rest, io);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      io.stdout.write(CLI_HELP);
      return command === undefined ? EXIT.usage : EXIT.ok;
    default:
      throw new UsageError(unknownCommand(command));
  }
}

function reportFailure(error: unknown, io: CliIo): number {
  if (error instanceof SyncFailedError || error instanceof WorkbookBusyError || error instanceof WorkbookLockLostError) {
    io.stderr.write(`${errorLine(error.message)}\n`);
    return EXIT.runFailed;
  }
  if (error instanceof ConfigError) {
    io.stderr.write(`${configErrorLine(error.issues.map(describeIssue))}\n`);
    return EXIT.usage;
  }
  if (error instanceof UsageError || error instanceof HistorySchemaError) {
    io.stderr.write(`${errorLine(error.message)}\n`);
    return EXIT.usage;
  }
  // Checked by code, not class: Node's own errors may come from another realm (a test sandbox).
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
    io.stderr.write(`${errorLine(argumentProblem(code, String((error as Error).message)))}\n`);
    return EXIT.usage;
  }
  // A bug, not a bad input: the class and message, never a stack trace (CADEMI_DEBUG=1 shows it to a developer).
  const detail = error instanceof Error ? (io.env.CADEMI_DEBUG === '1' ? (error.stack ?? error.message) : `${error.name}: ${error.message}`) : String(error);
  io.stderr.write(`${unexpectedErrorLine(detail)}\n`);
  return EXIT.runFailed;
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
