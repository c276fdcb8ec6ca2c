// The database implementations of the ports, loaded by lazy-database.ts on first use.
import { existsSync } from 'node:fs';
import type { DatabaseAdmin } from '#app/ports.ts';
import { DomainError } from '#core/shared/domain-error.ts';
import { createDbAgencyStore } from './agency-store.ts';
import { createLazyAttachmentStore } from './attachment-store.ts';
import { type BlobsInBackup, backupDatabase, restoreDatabase } from './backup.ts';
import { createDbCalendarStore } from './calendar-store.ts';
import { createLazyCaseStore } from './case-store.ts';
import type { DatabaseStores, DbAccess } from './lazy-database.ts';
import { migrateDatabase, migrationStatus } from './migrate.ts';
import { type Database, type DatabaseConfig, openDatabase } from './open-database.ts';
import { createDbSettingsStore } from './settings-store.ts';

function databaseAdmin(open: () => Promise<Database>, config: DatabaseConfig): DatabaseAdmin {
  const info = (database: Database) => ({ engine: database.engine, location: database.location });
  return {
    async migrate() {
      const database = await open(); // opening applies pending migrations
      const now = await migrateDatabase(database.pool);
      const status = await migrationStatus(database.pool);
      return { ...info(database), applied: [...database.migrated, ...now], total: status.applied.length };
    },
    async status() {
      // Its own connection, without migrating: status shows what is pending.
      const database = await openDatabase({ ...config, migrate: false });
      try {
        return { ...info(database), ...(await migrationStatus(database.pool)) };
      } finally {
        await database.close();
      }
    },
    async backup(path, options = {}) {
      if (existsSync(path)) {
        throw new DomainError('CONFLICT', `文件“${path}”已存在，请换一个文件名（备份不会覆盖已有文件）`);
      }
      const database = await open();
      let blobs: BlobsInBackup | undefined;
      const rows = await backupDatabase(database.pool, path, {
        engine: database.engine,
        now: new Date(),
        ...(options.blobs === undefined ? {} : { blobs: options.blobs }),
        onBlobs: (found) => {
          blobs = found;
        },
      });
      return { ...info(database), rows, ...(blobs === undefined ? {} : { blobs }) };
    },
    async restore(path, options) {
      if (!existsSync(path)) {
        throw new DomainError('INVALID_INPUT', `备份文件“${path}”不存在`);
      }
      const database = await open();
      let blobs: BlobsInBackup | undefined;
      const rows = await restoreDatabase(database.pool, path, {
        ...options,
        onBlobs: (found) => {
          blobs = found;
        },
      });
      return { ...info(database), rows, ...(blobs === undefined ? {} : { blobs }) };
    },
  };
}

export function createDatabaseStores(access: DbAccess, open: () => Promise<Database>, config: DatabaseConfig): DatabaseStores {
  const agencies = createDbAgencyStore(access);
  return {
    settings: createDbSettingsStore(access),
    async settingsOf(agencySlug) {
      const agency = await agencies.findBySlug(agencySlug);
      if (agency === undefined) {
        throw new DomainError('NOT_FOUND', `未找到机关“${agencySlug}”（gongkai agency list 列出全部机关）`);
      }
      return createDbSettingsStore(access, agency.id);
    },
    calendar: createDbCalendarStore(access),
    agencies,
    cases: createLazyCaseStore(access),
    attachments: createLazyAttachmentStore(access),
    database: databaseAdmin(open, config),
  };
}
