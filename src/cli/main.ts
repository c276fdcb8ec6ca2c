// gongkai CLI entry point: dispatches to one file per command under ./commands/ (each loaded only
// when run, so start-up stays fast), after parsing the configuration once and wiring the ports in
// the composition root. Every refusal leaves through the one error table (app/error-outcomes.ts).
import { userInfo } from 'node:os';
import { outcomeOf } from '#app/error-outcomes.ts';
import { loadConfig } from '#config/load-config.ts';
import { isDomainError } from '#core/shared/domain-error.ts';
import { composeAppDeps } from '../composition-root.ts';
import { type CliCommand, type CliContext, EXIT } from './cli-context.ts';

const COMMANDS: Readonly<Record<string, string>> = {
  demo: './commands/demo.ts',
  report: './commands/report.ts',
  deadline: './commands/deadline.ts',
  fee: './commands/fee.ts',
  workdays: './commands/workdays.ts',
  calendar: './commands/calendar.ts',
  settings: './commands/settings.ts',
  bench: './commands/bench.ts',
};

async function loadCommand(name: string): Promise<CliCommand | undefined> {
  const path = COMMANDS[name];
  if (path === undefined) {
    return undefined;
  }
  return (await import(new URL(path, import.meta.url).href)) as CliCommand;
}

async function usage(context: CliContext): Promise<string> {
  const lines = ['用法：gongkai <命令> [参数]', '', '命令：'];
  for (const name of Object.keys(COMMANDS)) {
    try {
      const command = await loadCommand(name);
      lines.push(`  ${name.padEnd(10)} ${command?.summary ?? ''}`);
    } catch {
      // A command whose module is not present in this build is simply not listed.
    }
  }
  lines.push('', '每个命令的详细说明：gongkai <命令> --help');
  context.out(`${lines.join('\n')}\n`);
  return lines.join('\n');
}

/** Runs the CLI with the given arguments; returns the exit code. */
export async function main(args: readonly string[], context: CliContext): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    await usage(context);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = await loadCommand(name);
  if (command === undefined) {
    context.err(`gongkai：未知命令“${name}”。运行 gongkai --help 查看可用命令。\n`);
    return EXIT.usage;
  }
  try {
    const config = loadConfig(context.env, { cwd: context.cwd, ...(context.osUser === undefined ? {} : { osUser: context.osUser }) });
    const deps = composeAppDeps(config, { clock: { now: context.now }, cwd: context.cwd });
    return await command.run(rest, { ...context, deps });
  } catch (error) {
    if (isDomainError(error)) {
      const outcome = outcomeOf(error);
      context.err(`gongkai ${name}：${outcome.message}\n`);
      return outcome.exit;
    }
    context.err(`gongkai ${name}：内部错误（${error instanceof Error ? error.message : String(error)}）\n`);
    return EXIT.defect;
  }
}

function osUserName(): string | undefined {
  try {
    return userInfo().username;
  } catch {
    return undefined;
  }
}

const isEntryPoint = import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isEntryPoint) {
  const context: CliContext = {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    isTTY: process.stderr.isTTY === true,
    env: process.env,
    cwd: process.cwd(),
    now: () => new Date(),
    osUser: osUserName(),
  };
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') {
      process.exit(0);
    }
  });
  const code = await main(process.argv.slice(2), context);
  process.exitCode = code;
}
