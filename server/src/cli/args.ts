import { parseArgs as parseNodeArgs } from 'node:util';

/** A usage problem: the CLI prints its message on one line and exits with 2. */
export class UsageError extends Error {}

export interface OptionSpec {
  /** Takes a value (`--format json`) rather than being a flag (`--dry-run`). */
  readonly value: boolean;
}

export interface ParsedArgs {
  readonly options: Readonly<Record<string, string | true>>;
  readonly positional: readonly string[];
}

/**
 * Parses `--name value`, `--name=value`, flags and positionals with node's `util.parseArgs`;
 * `-` is a positional (stdin), `--` ends options. Its errors become one-line usage errors.
 */
export function parseArgs(argv: readonly string[], specs: Readonly<Record<string, OptionSpec>>): ParsedArgs {
  const options = Object.fromEntries(
    Object.entries(specs).map(([name, spec]) => [
      name,
      { type: spec.value ? ('string' as const) : ('boolean' as const) },
    ]),
  );
  let parsed: ReturnType<typeof parseNodeArgs>;
  try {
    parsed = parseNodeArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(usageMessage(error));
  }
  const values: Record<string, string | true> = {};
  for (const [name, value] of Object.entries(parsed.values)) {
    if (typeof value === 'string') values[name] = value;
    else if (value === true) values[name] = true;
  }
  return { options: values, positional: parsed.positionals };
}

/** Our wording for node's parse errors; node quotes the option it means, and only the option (never a value). */
function usageMessage(error: unknown): string {
  const { code, message } = error as { code?: unknown; message?: unknown };
  const text = typeof message === 'string' ? message : '';
  const option = /'(-[^' <]*)/.exec(text)?.[1] ?? 'option';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${option}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (/does not take an argument/.test(text)) return `${option} takes no value`;
      if (/ambiguous/.test(text))
        return `${option} needs a value (write ${option}=VALUE for a value that starts with -)`;
      return `${option} needs a value`;
    default:
      throw error;
  }
}

/** The value of a `value` option, if given. */
export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.options[name];
  return typeof value === 'string' ? value : undefined;
}

/** A choice among fixed words, with a usage error naming them. */
export function choiceOption<T extends string>(args: ParsedArgs, name: string, choices: readonly T[], fallback: T): T {
  const value = stringOption(args, name) ?? fallback;
  if (!(choices as readonly string[]).includes(value)) {
    throw new UsageError(`--${name} must be one of ${choices.join(', ')}, not "${value}"`);
  }
  return value as T;
}

/** A non-negative integer option. */
export function countOption(args: ParsedArgs, name: string): number | undefined {
  const value = stringOption(args, name);
  if (value === undefined) return undefined;
  if (!/^[0-9]+$/.test(value)) throw new UsageError(`--${name} must be a whole number, not "${value}"`);
  return Number(value);
}

const SIZE_UNITS: Readonly<Record<string, number>> = {
  '': 1,
  k: 1024,
  kib: 1024,
  m: 1024 ** 2,
  mib: 1024 ** 2,
  g: 1024 ** 3,
  gib: 1024 ** 3,
};

/** A size in bytes: `4194304`, `4MiB`, `4M`, `512KiB`. */
export function sizeOption(args: ParsedArgs, name: string): number | undefined {
  const value = stringOption(args, name);
  if (value === undefined) return undefined;
  const match = /^([0-9]+)\s*([a-z]*)$/i.exec(value.trim());
  const unit = match ? SIZE_UNITS[match[2].toLowerCase()] : undefined;
  if (!match || unit === undefined || Number(match[1]) === 0) {
    throw new UsageError(`--${name} must be a size such as 4MiB, 512KiB or 2097152 (bytes), not "${value}"`);
  }
  return Number(match[1]) * unit;
}
