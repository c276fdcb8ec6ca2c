// The embedded database's stand-in for autovacuum's ANALYZE (issue #7, intake). PGlite is PostgreSQL in
// single-user mode: no autovacuum, so its tables were never analyzed, and one backend lives as long as
// the server process, so a plan it caches (the foreign-key checks' queries, the audit-chain trigger's
// statements) is kept until something invalidates it — ANALYZE does. With no statistics the foreign key
// of `case_events` to `cases` was checked with a generic plan through `cases_agency_officer_idx`
// (agency_id only, then a filter on id): every new event scanned all of its agency's cases, and the
// intake of 250 applications spent 582 ms in that check at 3,000 cases instead of 5 ms.
//
// Like autovacuum, ANALYZE a table once it has changed enough: here, when its size has more than doubled
// (by at least 8 pages) since its last ANALYZE, or it has rows and was never analyzed. Sizes are read from
// the relation files (pg_relation_size), so the check costs a few milliseconds and no statistics
// collector is needed; doubling keeps the number of ANALYZE runs logarithmic in a table's size.

/** Tables of the application (not the catalogs) whose statistics are missing or stale, as quoted names. */
export const STALE_TABLES_SQL = `
  select quote_ident(n.nspname) || '.' || quote_ident(c.relname) as name
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where c.relkind = 'r' and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'
    and pg_relation_size(c.oid) > 0
    and (c.reltuples < 0 or pg_relation_size(c.oid) / current_setting('block_size')::int > greatest(2 * c.relpages, c.relpages + 8))
  order by 1`;

export interface Queryable {
  query<T>(sql: string): Promise<{ rows: T[] }>;
  exec(sql: string): Promise<unknown>;
}

/** ANALYZEs the tables that need it; answers their names (empty when none did). */
export async function analyzeStaleTables(db: Queryable): Promise<string[]> {
  const stale = (await db.query<{ name: string }>(STALE_TABLES_SQL)).rows.map((row) => row.name);
  if (stale.length > 0) {
    await db.exec(`ANALYZE ${stale.join(', ')}`);
  }
  return stale;
}
