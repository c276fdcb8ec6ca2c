// The composition root: the one place that turns a Config into working ports (architecture.md:
// loadConfig → stores → use cases). The CLI (src/cli/main.ts) and the server entry point call it;
// nothing else picks adapters. Adapters with a heavy start (database, document parsers) must be
// loaded lazily from here so `gongkai --help` and `gongkai deadline` stay fast.

import type { Db } from '#adapters/db/open-database.ts';
import { createFileReader } from '#adapters/files/file-reader.ts';
import { createFileCalendarStore } from '#adapters/local-store/calendar-store.ts';
import { createFileSettingsStore } from '#adapters/local-store/settings-store.ts';
import type { IdentityDeps } from '#app/identity/identity-ports.ts';
import type { AppDeps, Clock } from '#app/ports.ts';
import type { Config } from '#config/load-config.ts';

/** What a process supplies besides its configuration: its clock and working directory. */
export interface ProcessRuntime {
  readonly clock: Clock;
  readonly cwd: string;
}

/** Wires the ports of one process from its configuration. */
export function composeAppDeps(config: Config, runtime: ProcessRuntime): AppDeps {
  const { dataDir, dataDirIsDefault } = config.files;
  return {
    clock: runtime.clock,
    settings: createFileSettingsStore(dataDir),
    calendar: createFileCalendarStore(dataDir),
    files: createFileReader(runtime.cwd),
    storage: { dataDir, dataDirIsDefault, database: config.db.url === null ? 'embedded' : 'postgresql' },
    actor: config.actor,
    withIdentity: async (work) => {
      const { openDatabase } = await import('#adapters/db/open-database.ts');
      const database = await openDatabase({ url: config.db.url, dataDir });
      try {
        return await work(await identityDeps(database.db, runtime.clock));
      } finally {
        await database.close();
      }
    },
  };
}

/** The identity ports over one database: users and tokens in it, argon2id passwords, SHA-256 token hashes. */
export async function identityDeps(db: Db, clock: Clock): Promise<IdentityDeps> {
  const [{ createIdentityStore }, { createArgon2Passwords }, { createTokenMinter }] = await Promise.all([
    import('#adapters/db/identity-store.ts'),
    import('#adapters/security/argon2-passwords.ts'),
    import('#adapters/security/token-minter.ts'),
  ]);
  return { store: createIdentityStore(db), passwords: createArgon2Passwords(), tokens: createTokenMinter(), now: () => clock.now() };
}
