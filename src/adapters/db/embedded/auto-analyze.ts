// The embedded database's stand-in for autovacuum's ANALYZE (issue #7, intake). PGlite is PostgreSQL in
// single-user mode: no autovacuum, so its tables were never analyzed, and one backend lives as long as
// the server process, so a plan it caches (the foreign-key checks' queries, the audit-chain trigger's
// statements) is kept until something invalidates it — ANALYZE does. With no statistics the foreign key
// of `case_events` to `cases` was checked with a generic plan through `cases_agency_officer_idx`
// (agency_id only, then a filter on id): every new event scanned all of its agency's cases, and the
// intake of 250 applications spent 582 ms in that check at 3,000 cases instead of 5 ms.
//
// Like autovacuum, ANALYZE a table once it has changed enough: here, once the rows inserted, updated or
// deleted since its last ANALYZE (the statistics system's `n_mod_since_analyze`) are at least as many as
// it had then — its size doubled — and at least MIN_CHANGES; doubling keeps the number of ANALYZE runs
// logarithmic in a table's size. The counters cost nothing to read; the sizes of the relation files,
// which this check used before, cost a file-system call per table in PGlite's emulated file system
// (~20 ms of the child's CPU per check with 30 tables). The statistics counters do not survive a crash,
// so the server also runs the check by file size once when it starts (STALE_TABLES_BY_SIZE_SQL).
//
// MIN_CHANGES: a table analyzed while it is tiny gets sequential-scan plans (a one-page table is cheaper
// to scan than to look up), and a cached plan keeps scanning while the table grows to twice that size;
// from a few hundred cases on, the analyzed plan of the foreign-key check is the primary key's. A table
// that never gets there (agencies, users) stays unanalyzed, and its foreign-key checks look rows up by
// the primary key (the planner assumes 10 pages): a sequential scan costs a file-size call through the
// emulated file system each time it starts, twice per intake for the agency.
//
// While clients are busy only the young tables are analyzed (never analyzed, or fewer than MIN_CHANGES
// rows then: a few milliseconds), so a table that grows from empty in the first burst after a start
// gets its index plans within that burst; a grown table's ANALYZE (tens of milliseconds at thousands of
// rows, sampling up to 30,000) waits for a quiet moment (pglite-server.ts).

/** Fewer changes than this never trigger an ANALYZE (see above). */
export const MIN_CHANGES = 500;

/** Tables of the application (not the catalogs) whose statistics are missing or stale, as quoted names. */
export function staleTablesSql(options: { youngOnly?: boolean } = {}): string {
  const young = options.youngOnly === true ? `and c.reltuples < ${MIN_CHANGES}` : '';
  return `
  select quote_ident(n.nspname) || '.' || quote_ident(c.relname) as name
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where c.relkind = 'r' and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'
    and pg_stat_get_mod_since_analyze(c.oid) >= greatest(${MIN_CHANGES}, c.reltuples) ${young}
  order by 1`;
}

/**
 * The same question answered from the relation files (a table of at least 8 pages that was never
 * analyzed, or one that more than doubled, by at least 8 pages, since its last ANALYZE): for a start
 * after a crash, which resets the statistics counters.
 */
export const STALE_TABLES_BY_SIZE_SQL = `
  select quote_ident(n.nspname) || '.' || quote_ident(c.relname) as name
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where c.relkind = 'r' and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'
    and pg_relation_size(c.oid) / current_setting('block_size')::int >= 8
    and (c.reltuples < 0 or pg_relation_size(c.oid) / current_setting('block_size')::int > greatest(2 * c.relpages, c.relpages + 8))
  order by 1`;

export interface Queryable {
  query<T>(sql: string): Promise<{ rows: T[] }>;
  exec(sql: string): Promise<unknown>;
}

/**
 * ANALYZEs the tables that need it; answers their names (empty when none did). `bySize` asks the
 * relation files instead of the statistics counters (once per start, see above); `youngOnly` leaves out
 * the tables that had MIN_CHANGES rows or more at their last ANALYZE.
 */
export async function analyzeStaleTables(db: Queryable, options: { bySize?: boolean; youngOnly?: boolean } = {}): Promise<string[]> {
  let sql = STALE_TABLES_BY_SIZE_SQL;
  if (options.bySize !== true) {
    // A backend sends its counters to the shared statistics at most once a second, when idle; this
    // makes the end of this statement send them, so the next one reads the changes made so far.
    await db.query('select pg_stat_force_next_flush()');
    sql = staleTablesSql(options);
  }
  const stale = (await db.query<{ name: string }>(sql)).rows.map((row) => row.name);
  if (stale.length > 0) {
    await db.exec(`ANALYZE ${stale.join(', ')}`);
  }
  return stale;
}
