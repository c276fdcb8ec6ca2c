// The flag loop of the commands that parse their options by hand (deadline, fee): `--json`,
// `--help`/`-h`, and value options as `--name value` or `--name=value`. Each command keeps its own
// wording and its own idea of a missing value, so its usage errors read as before.

import { UsageError } from './cli-context.ts';

export interface ScanOptionsSpec<Name extends string> {
  readonly valueOptions: readonly Name[];
  /** Options that may be given more than once, values in order; any other is refused the second time. */
  readonly repeatable?: readonly Name[];
  /** Whether the value taken for an option counts as missing (`inline` when it came as `--name=value`). */
  readonly isMissing: (value: string | undefined, inline: boolean) => boolean;
  /** The Chinese usage errors: an unknown argument, a missing value, a repeated option. */
  readonly unknown: (arg: string) => string;
  readonly missingValue: (name: Name) => string;
  readonly repeated: (name: Name) => string;
}

export interface ScannedOptions<Name extends string> {
  /** Every value given per option, in command-line order. */
  readonly values: ReadonlyMap<Name, readonly string[]>;
  readonly json: boolean;
  readonly help: boolean;
}

/** Scans a command line against `spec`; a bad one throws a UsageError with the command's message. */
export function scanOptions<Name extends string>(args: readonly string[], spec: ScanOptionsSpec<Name>): ScannedOptions<Name> {
  const values = new Map<Name, string[]>();
  let json = false;
  let help = false;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (arg === '--json') {
      json = true;
      continue;
    }
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    const equals = arg.indexOf('=');
    const name = arg.startsWith('--') && equals > 0 ? arg.slice(0, equals) : arg;
    if (!(spec.valueOptions as readonly string[]).includes(name)) {
      throw new UsageError(spec.unknown(arg));
    }
    const option = name as Name;
    const inline = name !== arg;
    const value = inline ? arg.slice(equals + 1) : args[i + 1];
    if (spec.isMissing(value, inline) || value === undefined) {
      throw new UsageError(spec.missingValue(option));
    }
    if (!inline) {
      i += 1;
    }
    const given = values.get(option);
    if (given === undefined) {
      values.set(option, [value]);
    } else if (spec.repeatable?.includes(option)) {
      given.push(value);
    } else {
      throw new UsageError(spec.repeated(option));
    }
  }
  return { values, json, help };
}
