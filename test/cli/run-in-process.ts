// Runs `gongkai <args>` in-process through main(), capturing stdout and stderr: what every CLI test
// harness shares; each supplies its own environment, working directory and clock.
import type { CliContext } from '#cli/cli-context.ts';
import { main } from '#cli/main.ts';

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/**
 * Runs main(args) with the given context and returns the exit code and everything written. The
 * environment must name a GONGKAI_DATA_DIR (a temporary one): a test never reads or writes the
 * user's own data directory.
 */
export async function runInProcess(args: readonly string[], context: Omit<CliContext, 'out' | 'err'>): Promise<CliRun> {
  if (!context.env['GONGKAI_DATA_DIR']) {
    throw new Error('runInProcess: set GONGKAI_DATA_DIR to a temporary directory (tests never use the real data directory)');
  }
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
