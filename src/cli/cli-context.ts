// What every CLI command receives: output streams, environment and clock, so commands run
// in-process in tests exactly as from the shell; and the ports the composition root wired.
import type { AppDeps } from '#app/ports.ts';
import { DomainError } from '#core/shared/domain-error.ts';

export interface CliContext {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /**
   * Bytes to standard output as `out` would write their UTF-8 text, when the process can write them
   * straight (a file or a device); the bytes may be reused once it returns. Undefined otherwise (a pipe,
   * a terminal, a test): use `out`.
   */
  readonly outBytes?: ((bytes: Uint8Array) => void) | undefined;
  /**
   * After `out`: a promise that resolves once standard output has taken what it was given, or
   * undefined when nothing is waiting (a file, a pipe with room). A command that writes a lot as it
   * goes (`report check --json`) waits for it, so output a slow reader has not taken yet does not pile
   * up in memory (1,000 reports held ~40 MB more behind a slow pipe).
   */
  readonly drained?: () => Promise<void> | undefined;
  /** True when stderr is a terminal (progress bars, colours). */
  readonly isTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** The current instant (commands turn it into an Asia/Shanghai date where they need "today"). */
  readonly now: () => Date;
  /** The OS user name (the default author of recorded changes when GONGKAI_USER is not set). */
  readonly osUser?: string | undefined;
}

/** A command's context: the CLI context plus the ports of this process (src/composition-root.ts). */
export interface CommandContext extends CliContext {
  readonly deps: AppDeps;
}

/** A command module: `src/cli/commands/<name>.ts` exports `run` (its summary is in cli/main.ts's table). */
export interface CliCommand {
  readonly run: (args: readonly string[], context: CommandContext) => Promise<number>;
}

/**
 * Exit codes of outcomes that are not errors (report findings) and of bad command lines; the exit
 * code of every DomainError comes from src/app/error-outcomes.ts (style.md: bad command lines exit 64, defects 70).
 */
export const EXIT = { ok: 0, findings: 1, unreadable: 2, usage: 64, defect: 70 } as const;

/** A bad command line: INVALID_INPUT with its Chinese message, so it exits 64 through the error table. */
export class UsageError extends DomainError {
  constructor(message: string) {
    super('INVALID_INPUT', message);
  }
}
