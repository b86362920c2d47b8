// The command line of every CLI in scripts/: --help prints the usage (exit 0); a wrong option or
// value prints one line saying what is wrong, then the usage (exit 2). Never a stack trace.
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

export interface Cli<O extends Options> {
  /** The command as people type it, e.g. `npm run bots`: the first word of every error line. */
  name: string;
  /** The whole usage text, printed by --help and after every error. */
  usage: string;
  options: O;
  allowPositionals?: boolean;
}

/** The exit code of a command line that cannot run as written, as in most Unix tools and Bash's builtins. */
export const USAGE_ERROR = 2;

/** Prints `message` and the usage on stderr and exits 2. */
export function usageError(cli: { name: string; usage: string }, message: string): never {
  process.stderr.write(`${cli.name}: ${message}\n\n${cli.usage.trimEnd()}\n`);
  process.exit(USAGE_ERROR);
}

/** Node's parseArgs message, cut to its first sentence (the rest explains `--` to programmers). */
function firstSentence(message: string): string {
  const cut = message.indexOf('. ');
  return (cut === -1 ? message : message.slice(0, cut)).trim().replace(/\.$/, '');
}

/** What parseArgs returns for these options (positionals always listed; empty unless allowed). */
export type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>>;

export function parseCommandLine<O extends Options>(cli: Cli<O>, args: string[] = process.argv.slice(2)): Parsed<O> {
  const options: Options = { ...cli.options, help: { type: 'boolean', short: 'h' } };
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args, options, allowPositionals: cli.allowPositionals ?? false, strict: true });
  } catch (error) {
    if (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) usageError(cli, firstSentence(error.message));
    throw error;
  }
  if (parsed.values.help === true) {
    process.stdout.write(`${cli.usage.trimEnd()}\n`);
    process.exit(0);
  }
  return parsed as unknown as Parsed<O>;
}

/** An integer option within bounds, or a usage error that names the option. */
export function integerOption(cli: { name: string; usage: string }, option: string, value: string | undefined, min: number, max: number): number {
  const number = Number(value);
  if (value === undefined || !/^-?\d+$/.test(value.trim()) || number < min || number > max) {
    usageError(cli, `--${option} must be a whole number from ${min} to ${max} (got ${value === undefined ? 'nothing' : JSON.stringify(value)})`);
  }
  return number;
}
