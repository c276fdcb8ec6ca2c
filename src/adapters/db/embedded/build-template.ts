// Builds the migrated template of the embedded database (template.ts) in its own process, so the
// PGlite instance it uses (and the WASM memory it grows) is gone when it exits:
//
//   node build-template.ts [TEMPLATE_DIR]     (default ~/.cache/gongkai; prints nothing, exit 0 when ready)
//
// Run by scripts/bootstrap.sh right after the dependencies are installed, so a user's first
// `gongkai serve`/`demo` copies a data directory instead of running initdb and every migration; and by
// the embedded server (pglite-server.ts) when a fresh data directory finds no template for the shipped
// migrations (a new migration, or no set-up step). Built under a temporary name and renamed into
// place, so a half-built template is never used; two builders racing both finish and one rename wins.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { migrateDatabase } from '../migrate.ts';
import { serveProtocol } from './protocol-server.ts';
import { defaultTemplateDir, initdbTemplatePath, isTemplateReady, migratedTemplatePath, migratedTemplatePrefix } from './template.ts';

/** Migrated templates of other migration sets are removed once this old (another checkout may still use a newer one). */
const STALE_AFTER_MS = 7 * 24 * 3600 * 1000;

function removeStaleTemplates(templateDir: string, keep: string): void {
  const now = Date.now();
  for (const name of readdirSync(templateDir)) {
    const path = join(templateDir, name);
    if (!name.startsWith(migratedTemplatePrefix()) || path === keep) {
      continue;
    }
    try {
      if (now - statSync(path).mtimeMs > STALE_AFTER_MS) {
        rmSync(path, { recursive: true, force: true });
      }
    } catch {
      // gone meanwhile
    }
  }
}

/** Builds the migrated template in `templateDir` unless it is there; answers its path. */
export async function buildMigratedTemplate(templateDir: string): Promise<string> {
  const path = migratedTemplatePath(templateDir);
  if (isTemplateReady(path)) {
    return path;
  }
  mkdirSync(templateDir, { recursive: true, mode: 0o700 });
  const building = `${path}.${process.pid}.tmp`;
  rmSync(building, { recursive: true, force: true });
  const { PGlite } = await import('@electric-sql/pglite');
  const initdbPath = initdbTemplatePath(templateDir);
  let initdb: Buffer | undefined;
  try {
    initdb = readFileSync(initdbPath);
  } catch {
    // none yet: initdb below, and keep it for the next migration set
  }
  const db = await PGlite.create({ dataDir: building, ...(initdb === undefined ? {} : { loadDataDir: new Blob([initdb]) }) });
  try {
    if (initdb === undefined) {
      const dump = Buffer.from(await (await db.dumpDataDir('gzip')).arrayBuffer());
      const temp = `${initdbPath}.${process.pid}.tmp`;
      writeFileSync(temp, dump);
      renameSync(temp, initdbPath);
    }
    const server = await serveProtocol(db);
    const pool = new pg.Pool({ host: '127.0.0.1', port: server.port, user: 'postgres', database: 'postgres', max: 1 });
    try {
      await migrateDatabase(pool);
    } finally {
      await pool.end();
      await server.close();
    }
  } finally {
    await db.close();
  }
  try {
    renameSync(building, path);
  } catch (error) {
    rmSync(building, { recursive: true, force: true });
    if (!isTemplateReady(path)) {
      throw error;
    }
    // another builder was first
  }
  removeStaleTemplates(templateDir, path);
  return path;
}

const SCRIPT = fileURLToPath(import.meta.url);

if (process.argv[1] === SCRIPT) {
  try {
    await buildMigratedTemplate(process.argv[2] ?? defaultTemplateDir());
  } catch (error) {
    process.stderr.write(`gongkai: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  }
}
