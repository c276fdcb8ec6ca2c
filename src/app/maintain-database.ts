// Use cases: maintenance of the database (`gongkai db …`): migrations, status, logical backup and
// restore. The database adapter does the work; these name the operations for the edges.
import type { AppDeps } from './ports.ts';

type Deps = Pick<AppDeps, 'database'>;
type DepsWithFiles = Pick<AppDeps, 'database' | 'blobs'>;

/** Applies pending migrations (also done on every start). */
export function migrateDatabase(deps: Deps) {
  return deps.database.migrate();
}

/** Applied and pending migrations. */
export function showDatabaseStatus(deps: Deps) {
  return deps.database.status();
}

/** Writes a backup of every table and of the attachments' files to `path`; refuses to overwrite a file (CONFLICT). */
export function backupDatabase(deps: DepsWithFiles, path: string) {
  return deps.database.backup(path, { blobs: deps.blobs });
}

/** Restores a backup; a database holding data is replaced only with `replace` (else CONFLICT). */
export function restoreDatabase(deps: DepsWithFiles, path: string, replace: boolean) {
  return deps.database.restore(path, { replace, blobs: deps.blobs });
}

/** Removes attachment files no row names any more (sweepUnreferencedBlobs, with the process's stores). */
export { sweepUnreferencedBlobs } from './attachments/manage-attachments.ts';
