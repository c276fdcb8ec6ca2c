// Opens the database for one CLI command (the embedded one is shared with a running server through
// its lock file: the command connects to the server's port instead of opening the directory) and
// closes it afterwards.
import { type Database, DatabaseUnavailableError, openDatabase } from '#adapters/db/open-database.ts';
import { DomainError } from '#core/shared/domain-error.ts';
import type { CommandContext } from './cli-context.ts';

export async function withDatabase<T>(context: CommandContext, use: (database: Database) => Promise<T>): Promise<T> {
  let database: Database;
  try {
    database = await openDatabase({ url: context.env['DATABASE_URL'] ?? null, dataDir: context.deps.storage.dataDir });
  } catch (error) {
    if (error instanceof DatabaseUnavailableError) {
      throw new DomainError('UNAVAILABLE', error.message);
    }
    throw error;
  }
  try {
    return await use(database);
  } finally {
    await database.close();
  }
}
