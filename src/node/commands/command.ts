// One CLI command: its path (`cohort add`), the options and arguments it takes, and what it does.
// Arguments are parsed here, strictly and before anything is read or locked, so a typo costs nothing.

import { type ParseArgsConfig, parseArgs } from 'node:util';
import { badArgument, type CommandPath, missingArgument } from '../../core/messages/cli';
import { type CliIo, OptionError } from '../cli-io';

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;
type ParserConfig<O extends ParseArgsOptionsConfig> = { args: string[]; options: O; strict: true; allowPositionals: true };

/** What a command receives: its typed option values and its positional arguments (as many as it declares). */
export interface ParsedArgs<O extends ParseArgsOptionsConfig> {
  readonly values: ReturnType<typeof parseArgs<ParserConfig<O>>>['values'];
  readonly positionals: readonly string[];
}

export interface CommandSpec<O extends ParseArgsOptionsConfig> {
  readonly options: O;
  /** The arguments it requires, in order, as its usage names them (`<arquivo.xlsx>`). */
  readonly positionals: readonly string[];
  readonly run: (args: ParsedArgs<O>, io: CliIo) => Promise<number>;
}

export interface Command {
  readonly path: CommandPath;
  /** Its options as typed (`--date`), for the help to be checked against. */
  readonly optionNames: readonly string[];
  /** The options among them that take a value (`--date DD/MM/AAAA`). */
  readonly valueOptions: readonly string[];
  /** Parses `args` (everything after the command's path) and runs; bad usage throws OptionError or Node's ERR_PARSE_ARGS_*. */
  run(args: readonly string[], io: CliIo): Promise<number>;
}

export function defineCommand<const O extends ParseArgsOptionsConfig>(path: CommandPath, spec: CommandSpec<O>): Command {
  return {
    path,
    optionNames: Object.keys(spec.options).map((name) => `--${name}`),
    valueOptions: Object.entries(spec.options)
      .filter(([, option]) => option.type === 'string')
      .map(([name]) => `--${name}`),
    async run(args, io) {
      const config: ParserConfig<O> = { args: [...args], options: spec.options, strict: true, allowPositionals: true };
      const { values, positionals } = parseArgs(config);
      const missing = spec.positionals[positionals.length];
      if (missing !== undefined) throw new OptionError(missingArgument(missing));
      const extra = positionals[spec.positionals.length];
      if (extra !== undefined) throw new OptionError(badArgument('unexpected-argument', extra));
      return spec.run({ values, positionals }, io);
    },
  };
}
