// What every CLI command receives: output streams, environment and clock, so commands run
// in-process in tests exactly as from the shell.

export interface CliContext {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** True when stderr is a terminal (progress bars, colours). */
  readonly isTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** The current instant (commands turn it into an Asia/Shanghai date where they need "today"). */
  readonly now: () => Date;
}

/** A command module: `src/cli/commands/<name>.ts` exports `summary` and `run`. */
export interface CliCommand {
  readonly summary: string;
  readonly run: (args: readonly string[], context: CliContext) => Promise<number>;
}

/** Exit codes shared by all commands (style.md: bad command lines exit 64, defects 70). */
export const EXIT = { ok: 0, findings: 1, unreadable: 2, usage: 64, defect: 70 } as const;

/** A bad command line: the message is shown (Chinese) with exit code 64. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
