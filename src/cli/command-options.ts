// Options of the commands without a scanner of their own (serve, demo, user, token, agency, calendar,
// settings): `--name value` or `--name=value`, flags and positional arguments, with the same Chinese usage errors.
import { type ParseArgsOptionsConfig, parseArgs } from 'node:util';
import { UsageError } from './cli-context.ts';
import { didYouMean } from './suggest.ts';

export interface ParsedCommandLine {
  readonly positional: readonly string[];
  readonly values: ReadonlyMap<string, string>;
  readonly flags: ReadonlySet<string>;
}

export function parseCommandLine(
  command: string,
  args: readonly string[],
  spec: { readonly values?: readonly string[]; readonly flags?: readonly string[] },
): ParsedCommandLine {
  const positional: string[] = [];
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    if (!arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const equals = arg.indexOf('=');
    const name = equals > 0 ? arg.slice(0, equals) : arg;
    if (name === '-h') {
      flags.add('--help');
    } else if (spec.flags?.includes(name) === true || name === '--help') {
      flags.add(name);
    } else if (spec.values?.includes(name) === true) {
      const value = equals > 0 ? arg.slice(equals + 1) : args[++i];
      if (value === undefined || value === '') {
        throw new UsageError(`${command}：${name} 需要一个值`);
      }
      if (values.has(name)) {
        throw new UsageError(`${command}：${name} 只能给出一次`);
      }
      values.set(name, value);
    } else {
      throw new UsageError(`${command}：未知参数“${arg}”（gongkai ${command} --help 查看用法）`);
    }
  }
  return { positional, values, flags };
}

/** A TCP port from the command line (0 = any free port). */
export function portOption(command: string, text: string | undefined): number | undefined {
  if (text === undefined) {
    return undefined;
  }
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65_535) {
    throw new UsageError(`${command}：--port 应为 0 至 65535 之间的整数，收到“${text}”`);
  }
  return Number(text);
}

/** Removes `name VALUE` from the arguments and returns the value (agency, calendar, settings). */
export function takeOption(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  if (index < 0) {
    return undefined;
  }
  const value = args[index + 1];
  if (value === undefined || value.startsWith('--')) {
    throw new UsageError(`${name} 需要一个值`);
  }
  args.splice(index, 2);
  return value;
}

/**
 * node:util parseArgs (strict) for the commands that declare their options (report, case, report
 * compile): a bad command line becomes a UsageError in Chinese — parseArgs explains in English — with
 * the closest known option and the command's usage.
 */
export function parseOptions<T extends ParseArgsOptionsConfig, P extends boolean = true>(
  args: readonly string[],
  options: T,
  usage: string,
  allowPositionals: P = true as P,
) {
  try {
    return parseArgs<{ args: string[]; options: T; allowPositionals: P; strict: true }>({
      args: [...args],
      options,
      allowPositionals,
      strict: true,
    });
  } catch (error) {
    const known = Object.keys(options).map((name) => `--${name}`);
    throw new UsageError(`${parseErrorMessage(error, known)}\n${usage}`);
  }
}

/** parseArgs explains a bad command line in English; say it in Chinese (user-facing text). */
export function parseErrorMessage(error: unknown, known: readonly string[]): string {
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(-[^' ]+)/.exec(message)?.[1] ?? '';
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `未知选项“${option}”。${didYouMean(option.split('=')[0] ?? option, known)}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /argument missing/.test(message) ? `选项“${option}”缺少参数值。` : `选项“${option}”不接受参数值。`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `多余的参数“${/'([^']*)'/.exec(message)?.[1] ?? ''}”。`;
    default:
      return `命令行参数有误（${message}）。`;
  }
}
