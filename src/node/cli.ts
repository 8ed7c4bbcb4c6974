// `cademi-monitor`: the Node host's command line. Exit codes: 0 done, 1 the run failed, 2 bad usage or config.

import { ConfigError, describeIssue } from '../core/config/issues';
import { HistorySchemaError } from '../core/history/schema';
import { SyncFailedError } from '../core/sync/errors';
import { EXIT, UsageError, type CliIo } from './cli-io';
import { WorkbookBusyError, WorkbookLockLostError } from './workbook-lock';
import { cohortCommand } from './commands/cohort';
import { demoCommand } from './commands/demo';
import { initCommand } from './commands/init';
import { simulatorCommand } from './commands/simulator';
import { syncCommand } from './commands/sync';
import { studentCommand } from './commands/student';

const HELP = `Progresso Cademi — acompanhamento semanal dos alunos por turma

uso:
  cademi-monitor demo [--out out/demo.xlsx] [--weeks 12]       demonstração com o simulador embutido
  cademi-monitor init <arquivo.xlsx>                           cria as abas de configuração
  cademi-monitor cohort add <arquivo.xlsx> --name N --tag ID --start AAAA-MM-DD --products 11,12,13
                        [--goal Padrão] [--tutor email] [--inactive]
  cademi-monitor cohort list <arquivo.xlsx>
  cademi-monitor cohort edit <arquivo.xlsx> <turma> [--name …] [--tag …] [--start …] [--products …] [--goal …] [--tutor …]
  cademi-monitor cohort archive <arquivo.xlsx> <turma>
  cademi-monitor student move <arquivo.xlsx> <aluno-id> --to <turma> --from-week AAAA-MM-DD [--reason …]
  cademi-monitor student dropout <arquivo.xlsx> <aluno-id> --date AAAA-MM-DD [--reason …]
  cademi-monitor sync <arquivo.xlsx> [--date AAAA-MM-DD]       coleta a semana (CADEMI_BASE_URL e CADEMI_TOKEN
                                                               para a API real; sem eles, o simulador embutido)
  cademi-monitor simulator [--port 8787] [--latency-ms 150] [--rate 2]

códigos de saída: 0 concluído · 1 a execução falhou · 2 uso incorreto ou configuração inválida
`;

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
    case 'init':
      if (rest.length !== 1) throw new UsageError('uso: cademi-monitor init <arquivo.xlsx>');
      return await initCommand(rest[0], io);
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
      io.stdout.write(HELP);
      return command === undefined ? EXIT.usage : EXIT.ok;
    default:
      throw new UsageError(`comando desconhecido "${command}" (veja cademi-monitor help)`);
  }
}

function reportFailure(error: unknown, io: CliIo): number {
  if (error instanceof SyncFailedError || error instanceof WorkbookBusyError || error instanceof WorkbookLockLostError) {
    io.stderr.write(`erro: ${error.message}\n`);
    return EXIT.runFailed;
  }
  if (error instanceof ConfigError) {
    io.stderr.write(`erro de configuração: ${error.issues.map(describeIssue).join('; ')}\n`);
    return EXIT.usage;
  }
  if (error instanceof UsageError || error instanceof HistorySchemaError) {
    io.stderr.write(`erro: ${error.message}\n`);
    return EXIT.usage;
  }
  // Checked by code, not class: Node's own errors may come from another realm (a test sandbox).
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
    io.stderr.write(`erro: ${(error as Error).message}\n`);
    return EXIT.usage;
  }
  // A bug, not a bad input: the class and message, never a stack trace (CADEMI_DEBUG=1 shows it to a developer).
  const detail = error instanceof Error ? (io.env.CADEMI_DEBUG === '1' ? error.stack ?? error.message : `${error.name}: ${error.message}`) : String(error);
  io.stderr.write(`erro inesperado: ${detail}. Nada pela metade foi salvo; se o erro se repetir, avise quem mantém o cademi-monitor.\n`);
  return EXIT.runFailed;
}

/** Runs the CLI on this process's arguments and sets its exit code. */
export function runFromProcess(): void {
  const io: CliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
  main(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}

if (require.main === module) runFromProcess();
