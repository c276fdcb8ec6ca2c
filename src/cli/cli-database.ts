// How a CLI command reaches the database: DATABASE_URL, else the embedded database under the data
// directory (started, or joined when a server already runs on it). The command's own work runs between
// open and close; the embedded server stops by itself once no process uses it.
import { type Database, openDatabase } from '#adapters/db/open-database.ts';
import type { CommandContext } from './cli-context.ts';

/** Opens the database (migrating it unless `migrate: false`), runs `work`, closes it. */
export async function withCliDatabase<T>(
  context: Pick<CommandContext, 'config'>,
  work: (database: Database) => Promise<T>,
  options: { migrate?: boolean } = {},
): Promise<T> {
  const database = await openDatabase({ url: context.config.db.url, dataDir: context.config.files.dataDir, ...options });
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}
