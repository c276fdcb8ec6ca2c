// The quick read of a short command (`gongkai deadline` on a data directory that holds a database): the
// stored instance settings and the calendar changes, read with pg alone. Opening the database the usual
// way loads drizzle and the whole schema (~140 modules, ~0.1 s of CPU) for these two queries; issue #9's
// start-up goal (one `deadline` call under 0.25 s of CPU) counts that. The rows go through the same
// functions the stores use (clock-rows.ts). Anything this read cannot vouch for — the server not
// reachable, a schema that is not this build's (migrations pending or unknown), legacy files still to
// import — answers undefined, and the caller opens the database the usual way (which migrates, imports
// and retries).
import type pg from 'pg';
import type { CalendarChange } from '#app/ports.ts';
import type { ClockSettingValues } from '#core/statute/clock-settings.ts';
import { type CalendarChangeRow, calendarChangeOf, storedSettings } from './clock-rows.ts';
import { createPool } from './create-pool.ts';
import { embeddedServerOptions, embeddedServerPort } from './embedded/start-embedded.ts';
import { isMigrated } from './migrate.ts';
import type { DatabaseConfig } from './open-database.ts';

/** What every clock computation reads from the database. */
export interface ClockRows {
  /** The instance's stored clock settings (unchecked: the caller checks them as the store does). */
  readonly settings: ClockSettingValues;
  readonly calendarChanges: readonly CalendarChange[];
}

const CALENDAR_CHANGES = `SELECT seq, who, at, effective_from AS "effectiveFrom", action, year, what, reason,
  source_file AS "sourceFile", entry FROM calendar_changes ORDER BY seq`;

/** The clock's rows in one connection, or undefined when the usual open must do it. */
export async function readClockRows(config: DatabaseConfig): Promise<ClockRows | undefined> {
  const url = config.url ?? '';
  let pool: pg.Pool;
  try {
    pool =
      url === ''
        ? createPool({
            host: '127.0.0.1',
            port: await embeddedServerPort(config.dataDir, embeddedServerOptions(config)),
            user: 'postgres',
            database: 'postgres',
            max: 1,
          })
        : createPool({ connectionString: url, max: 1 });
  } catch {
    return undefined;
  }
  try {
    const client = await pool.connect();
    try {
      if (!(await isMigrated(client))) {
        return undefined;
      }
      const [settings, changes] = await Promise.all([
        client.query<{ key: string; value: string }>('SELECT key, value FROM instance_settings'),
        client.query<CalendarChangeRow>(CALENDAR_CHANGES),
      ]);
      return { settings: storedSettings(settings.rows), calendarChanges: changes.rows.map(calendarChangeOf) };
    } finally {
      client.release();
    }
  } catch {
    return undefined;
  } finally {
    await pool.end().catch(() => undefined);
  }
}
