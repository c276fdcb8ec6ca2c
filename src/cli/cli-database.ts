// How a CLI command reaches the database: DATABASE_URL, else the embedded database under the data
// directory (started, or joined when a server already runs on it). The command's own work runs between
// open and close; the embedded server stops by itself once no process uses it.

import { type Database, type DatabaseConfig, openDatabase } from '#adapters/db/open-database.ts';
import { resolveDataDir } from '#adapters/local-store/json-file.ts';
import type { CliContext } from './cli-context.ts';

/** The database configuration of this CLI run. */
export function cliDatabaseConfig(context: Pick<CliContext, 'env' | 'cwd'>): DatabaseConfig {
  const url = context.env['DATABASE_URL']?.trim();
  return { url: url === '' ? undefined : url, dataDir: resolveDataDir(context.env, context.cwd) };
}

/** Opens the database (migrating it unless `migrate: false`), runs `work`, closes it. */
export async function withCliDatabase<T>(
  context: Pick<CliContext, 'env' | 'cwd'>,
  work: (database: Database) => Promise<T>,
  options: { migrate?: boolean } = {},
): Promise<T> {
  const database = await openDatabase({ ...cliDatabaseConfig(context), ...options });
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}
