// Temporary directories of tests: made under the OS temp dir and removed when the test process exits
// (node --test runs each file in a process of its own), so a run of the suite leaves nothing behind.
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];
let hooked = false;

function remember(dir: string): string {
  made.push(dir);
  if (!hooked) {
    hooked = true;
    process.once('exit', () => {
      for (const path of made) {
        try {
          rmSync(path, { recursive: true, force: true, maxRetries: 2 });
        } catch {
          // A directory a child process still holds open: left to the OS's temp cleaning.
        }
      }
    });
  }
  return dir;
}

/** A fresh, empty directory under the OS temp dir, removed when this process exits. */
export async function makeTempDir(prefix: string): Promise<string> {
  return remember(await mkdtemp(join(tmpdir(), prefix)));
}

/** makeTempDir for module-level set-up. */
export function makeTempDirSync(prefix: string): string {
  return remember(mkdtempSync(join(tmpdir(), prefix)));
}
