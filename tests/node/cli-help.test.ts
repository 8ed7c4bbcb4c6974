// Issue 13, part 9: `--help` on every command and subcommand prints pt-BR usage with its options and
// an example (stdout, exit 0); a bogus option, a missing value or argument prints the problem in
// pt-BR and that command's usage (stderr, exit 2), never Node's English or internal words. The
// table is the CLI's own list of commands, so a command added without help fails here.

import { COMMAND_HELP, type CommandPath } from '../../src/core/messages/cli';
import { COMMAND_PATHS, COMMANDS } from '../../src/node/cli';
import { type CliRun, cli, spawnCli, useBuiltCli } from './support/cli-harness';

useBuiltCli();

/** Text from Node or a library that must never reach a person, and English words a help or error would leak. */
const LEAKS =
  /Unknown option|argument missing|does not take|Unexpected argument|ERR_PARSE_ARGS|TypeError|\bform:|\n\s+at |\b(the|usage|options?|error|invalid|missing|required)\b/i;

const argvOf = (path: CommandPath) => (path === 'help' ? ['help'] : path.split(' '));

function expectRefused(run: CliRun, path: CommandPath, problem: RegExp): void {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  const [said = '', usage = ''] = run.stderr.split('\n\n');
  expect(said).toMatch(/^erro: /);
  expect(said).toMatch(problem);
  expect(usage).toMatch(new RegExp(`^uso: cademi-monitor ${path}\\b`));
  expect(usage).toMatch(new RegExp(`Ajuda e exemplos: cademi-monitor ${path === 'help' ? '' : `${path} `}--help\\n$`));
  expect(run.stderr).not.toMatch(LEAKS);
}

describe('the list of commands', () => {
  it('has a help entry for every command and subcommand, and no help for a command that does not exist', () => {
    expect([...COMMAND_PATHS].sort()).toEqual(Object.keys(COMMAND_HELP).sort());
    expect(COMMAND_PATHS).toEqual(expect.arrayContaining(['sync', 'cohort add', 'cohort list', 'demo', 'simulator', 'student move', 'init']));
  });
});

describe.each(COMMAND_PATHS.map((path) => [path]))('cademi-monitor %s', (path) => {
  const command = COMMANDS.find((candidate) => candidate.path === path);

  it.each([['--help'], ['-h']])('%s prints its pt-BR usage, options and an example on stdout (exit 0)', async (flag) => {
    const run = await cli([...argvOf(path), flag]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const help = run.stdout;
    expect(help).toMatch(new RegExp(`^uso: cademi-monitor ${path}\\b`));
    expect(help).toMatch(/\nopções:\n(.*\n)*\s+-h, --help\s+mostra esta ajuda\n/);
    expect(help).toMatch(/\nexemplos?:\n {2}(\S+=\S+ )*cademi-monitor /);
    expect(help).not.toMatch(LEAKS);
    // Every option the command takes is explained.
    for (const option of command?.optionNames ?? []) expect(help).toMatch(new RegExp(`\\n {2}${option}\\b.* {2}\\S`));
    // Dates are typed the Brazilian way.
    expect(help).not.toMatch(/AAAA-MM-DD(?! também)/);
  });

  it('`help` with its name prints the same text', async () => {
    if (path === 'help') return;
    const run = await cli(['help', ...argvOf(path)]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe((await cli([...argvOf(path), '--help'])).stdout);
  });

  it('a bogus option prints the problem in pt-BR and its usage (exit 2)', async () => {
    expectRefused(await cli([...argvOf(path), '--bogus']), path, /^erro: opção desconhecida --bogus$/);
  });

  it('an option given without its value says which one, and the usage (exit 2)', async () => {
    const option = command?.valueOptions[0];
    if (option === undefined) return;
    expectRefused(await cli([...argvOf(path), 'escola.xlsx', 'x', option]), path, new RegExp(`^erro: a opção ${option} precisa de um valor$`));
  });
});

describe('arguments and values', () => {
  it('a missing argument names it, with the usage', async () => {
    expectRefused(await cli(['sync']), 'sync', /^erro: falta o argumento <arquivo\.xlsx>$/);
    expectRefused(await cli(['cohort', 'edit', 'escola.xlsx']), 'cohort edit', /^erro: falta o argumento <turma>$/);
    expectRefused(await cli(['student', 'move', 'escola.xlsx']), 'student move', /^erro: falta o argumento <aluno-id>$/);
  });

  it('an invalid date names the option and both accepted forms, with the usage; nothing is read', async () => {
    expectRefused(
      await cli(['sync', 'nao-existe.xlsx', '--date', '31/02/2026']),
      'sync',
      /^erro: --date "31\/02\/2026" não é uma data válida; use DD\/MM\/AAAA \(ex\.: 21\/09\/2026\) ou AAAA-MM-DD$/,
    );
  });

  it('a group without its action, or with one it does not have, lists the actions', async () => {
    expectRefused(await cli(['cohort']), 'cohort', /^erro: falta a ação de cohort \(add, list, edit ou archive\)$/);
    expectRefused(await cli(['student', 'sair', 'escola.xlsx']), 'student', /^erro: ação desconhecida "sair" de student; use move ou dropout$/);
  });

  it('the program itself: --help, -h and help exit 0; an unknown command or option exits 2 with the general usage', async () => {
    for (const argv of [['--help'], ['-h'], ['help']]) {
      const run = await cli(argv);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^Progresso Cademi/);
      expect(run.stdout).toContain('cademi-monitor <comando> --help');
    }
    for (const argv of [['nope'], ['--bogus'], ['help', 'nope']]) {
      const run = await cli(argv);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^erro: (comando desconhecido "nope"|opção desconhecida --bogus)\n\nuso: cademi-monitor /);
      expect(run.stderr).not.toMatch(LEAKS);
    }
  });

  it('the built CLI as its own process: `cohort add --help` exits 0 on stdout, `sync --bogus` exits 2 on stderr', async () => {
    const help = await spawnCli(['cohort', 'add', '--help']).done;
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^uso: cademi-monitor cohort add /);
    const bogus = await spawnCli(['sync', '--bogus']).done;
    expect(bogus.code).toBe(2);
    expect(bogus.stderr).toMatch(/^erro: opção desconhecida --bogus\n\nuso: cademi-monitor sync /);
  });
});
