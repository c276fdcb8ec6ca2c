// Runs `gongkai <args>` in-process through main(), capturing stdout and stderr: what every CLI test
// harness shares; each supplies its own environment, working directory and clock.
import type { CliContext } from '#cli/cli-context.ts';
import { main } from '#cli/main.ts';

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs main(args) with the given context and returns the exit code and everything written. */
export async function runInProcess(args: readonly string[], context: Omit<CliContext, 'out' | 'err'>): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await main(args, {
    ...context,
    out: (text) => {
      out += text;
    },
    err: (text) => {
      err += text;
    },
  });
  return { code, out, err };
}
