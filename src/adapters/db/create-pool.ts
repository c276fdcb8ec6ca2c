// The project's pg pool: UTC sessions, timestamps as ISO instants, dates as `YYYY-MM-DD` strings, an
// error listener. Apart from open-database.ts so that a short read (clock-reads.ts) gets the same values
// without loading drizzle.
import pg from 'pg';
import { isoInstant } from './clock-rows.ts';

/**
 * Timestamps leave the database as ISO instants and dates as `YYYY-MM-DD` strings whatever the session
 * time zone (stack.md, Gotcha 7: pg turns `date` into a Date at UTC midnight, a day off in UTC+8).
 */
const TYPES = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === pg.types.builtins.DATE) {
      return (value: string) => value;
    }
    if (oid === pg.types.builtins.TIMESTAMPTZ) {
      return isoInstant;
    }
    if (oid === pg.types.builtins.INT8) {
      return (value: string) => {
        const n = Number(value);
        return Number.isSafeInteger(n) ? n : value;
      };
    }
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

/** A pool with the project's conventions: UTC sessions, string dates, an error listener (an idle client's error must not crash the process). */
export function createPool(config: pg.PoolConfig): pg.Pool {
  // Sessions run in UTC (a startup parameter: no extra round trip; PGlite's default is UTC already).
  const pool = new pg.Pool({ idleTimeoutMillis: 10_000, allowExitOnIdle: true, options: '-c TimeZone=UTC', ...config, types: TYPES });
  pool.on('error', () => {
    // An idle client lost its connection (server restarted or stopped): the pool replaces it.
  });
  return pool;
}
