// A freshly initialised PGlite cluster, cached as a gzip tarball so a new data directory is unpacked
// from it instead of running initdb (5–6 s, stack.md Gotcha 3). Only the same PGlite version reuses it.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

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

/** Where the initdb template of this PGlite version lives in a template directory. */
export function initdbTemplatePath(templateDir: string): string {
  return join(templateDir, `pglite-${pgliteVersion()}-initdb.tar.gz`);
}
