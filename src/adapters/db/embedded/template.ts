// Templates of the embedded database, so a new data directory does not start with initdb (5–6 s on an
// idle machine, 15 s on a busy one; stack.md Gotcha 3) followed by every migration (issue #7: fresh
// start to /healthz ≤ 10 s):
// - the migrated template: a cleanly closed PGlite data directory with every shipped migration applied,
//   named by the PGlite version and the migrations' fingerprint (a new migration names a new template;
//   an old one is simply not used). A fresh data directory is a copy of it (build-template.ts builds
//   it: on set-up by scripts/bootstrap.sh, else on the first start that needs it).
// - the initdb template: a freshly initialised cluster as a gzip tarball, from which a migrated template
//   is built in ~1 s instead of running initdb again when the migrations change.
import { fork } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrationsFingerprint } from '../migrate.ts';

let version: string | undefined;

/** The installed PGlite version (its package.json is not among the package's exports: walk up). */
export function pgliteVersion(): string {
  if (version !== undefined) {
    return version;
  }
  let directory = dirname(fileURLToPath(import.meta.resolve('@electric-sql/pglite')));
  for (;;) {
    const path = join(directory, 'package.json');
    if (existsSync(path)) {
      const manifest = JSON.parse(readFileSync(path, 'utf8')) as { name?: string; version?: string };
      if (manifest.name === '@electric-sql/pglite' && manifest.version !== undefined) {
        version = manifest.version;
        return version;
      }
    }
    const parent = dirname(directory);
    if (parent === directory) {
      version = 'unknown';
      return version;
    }
    directory = parent;
  }
}

/** Where templates live unless told otherwise: `~/.cache/gongkai` (per user, never the data directory). */
export function defaultTemplateDir(): string {
  return join(homedir(), '.cache/gongkai');
}

/** Where the initdb template of this PGlite version lives in a template directory. */
export function initdbTemplatePath(templateDir: string): string {
  return join(templateDir, `pglite-${pgliteVersion()}-initdb.tar.gz`);
}

/** The prefix of every migrated template of this PGlite version (stale ones are found by it). */
export function migratedTemplatePrefix(): string {
  return `pglite-${pgliteVersion()}-migrated-`;
}

/** Where the migrated template of this PGlite version and these migrations lives in a template directory. */
export function migratedTemplatePath(templateDir: string, fingerprint: string = migrationsFingerprint()): string {
  return join(templateDir, `${migratedTemplatePrefix()}${fingerprint}`);
}

/** A migrated template is complete once renamed into place; PG_VERSION says it is a data directory. */
export function isTemplateReady(path: string): boolean {
  return existsSync(join(path, 'PG_VERSION'));
}

/** The builder (build-template.ts), run as a child process. */
const BUILDER = fileURLToPath(new URL('./build-template.ts', import.meta.url));

/** The migrated template's path, built first in a child process when missing (what the embedded server calls). */
export async function ensureMigratedTemplate(templateDir: string): Promise<string> {
  const path = migratedTemplatePath(templateDir);
  if (isTemplateReady(path)) {
    return path;
  }
  await new Promise<void>((resolve, reject) => {
    const child = fork(BUILDER, [templateDir], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      execArgv: ['--disable-warning=ExperimentalWarning'],
    });
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`building the database template failed (${code ?? signal})`)),
    );
  });
  if (!isTemplateReady(path)) {
    throw new Error(`the database template ${path} was not built`);
  }
  return path;
}
