// PostgreSQL: ANALYZE the application's tables that were never analyzed once they have grown past a few
// hundred rows (issue #7, sixth round: 1,000 concurrent intakes, p99 < 500 ms on both engines).
//
// On a new database `cases` has no statistics, and a backend caches the plan of the foreign-key check
// `case_events → cases` (`agency_id = $1 and id = $2`) at its sixth check. A server's first intake is a
// batch of one, so that plan is made with one row in the table: every index that starts with agency_id
// then looks as good as the primary key, the narrowest wins (`cases_agency_officer_idx`, agency_id only,
// id as a filter), and every later check reads all of the agency's cases. Measured on a new database
// (bench/server.bench.ts): after four bursts of 1,000 the check had read 8.1 million index entries for
// 4,512 events, and a batch of 256 took 140 ms instead of 25. Autovacuum's ANALYZE fixes it — a minute
// or more later (autovacuum_naptime), and every backend's cached plan with it, since ANALYZE
// invalidates them. The embedded engine has its own stand-in (embedded/auto-analyze.ts, in the database
// child); this is the same idea for PostgreSQL, run by the server: a table is analyzed once, early —
// after that autovacuum keeps its statistics up to date.
//
// GROWN_ROWS: analyzed while it is tiny, a table gets sequential-scan plans (one page is cheaper to
// read than an index), which then stay cached while it grows; from a few hundred rows on the analyzed
// plan of the check is the primary key's (the embedded engine waits for as many: auto-analyze.ts,
// MIN_CHANGES). Live rows, counted up to GROWN_ROWS, not the file's size: the start-up warm-up's
// rolled-back rows (src/warm-up.ts) leave ~40 pages of dead rows in `cases` on PostgreSQL, and an
// ANALYZE that finds no live row leaves the table "analyzed" with no statistics — the same tie. The
// count runs only for never-analyzed tables of MIN_PAGES or more. SKIP_LOCKED: a table another
// session holds (a migration, another app node's ANALYZE) is left for the next check; nothing waits.

/** Live rows a never-analyzed table must have before it is analyzed (see above). */
export const GROWN_ROWS = 500;
/** Pages below which a never-analyzed table is not even counted (500 cases take ~36 pages, 500 narrow rows a few). */
export const MIN_PAGES = 8;

/** The tables of the session's schemas that were never analyzed and have MIN_PAGES pages or more, as quoted names. */
export const NEVER_ANALYZED_SQL = `
  select quote_ident(n.nspname) || '.' || quote_ident(c.relname) as name
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where c.relkind = 'r' and n.nspname = any (current_schemas(false)) and c.reltuples < 0
    and pg_relation_size(c.oid) >= ${MIN_PAGES} * current_setting('block_size')::bigint
  order by 1`;

export interface Queryable {
  query<T>(sql: string): Promise<{ rows: T[] }>;
}

/** ANALYZEs the never-analyzed tables with GROWN_ROWS live rows or more; answers their names (empty when there were none). */
export async function analyzeGrownNewTables(db: Queryable): Promise<string[]> {
  const grown: string[] = [];
  for (const { name } of (await db.query<{ name: string }>(NEVER_ANALYZED_SQL)).rows) {
    const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from (select from ${name} limit ${GROWN_ROWS}) as t`);
    if ((rows[0]?.n ?? 0) >= GROWN_ROWS) {
      grown.push(name);
    }
  }
  if (grown.length > 0) {
    await db.query(`ANALYZE (SKIP_LOCKED) ${grown.join(', ')}`);
  }
  return grown;
}

export interface NewTableAnalyzer {
  /** Stops the checks and waits for one that is running. */
  stop(): Promise<void>;
}

/**
 * Runs analyzeGrownNewTables every `intervalMs` (one at a time; the timer does not keep the process
 * alive); `report` hears the tables analyzed and the errors (the next check tries again).
 */
export function startNewTableAnalyzer(
  db: Queryable,
  report: (outcome: { analyzed: string[] } | { error: unknown }) => void,
  intervalMs = 250,
): NewTableAnalyzer {
  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    if (running !== undefined) {
      return;
    }
    running = analyzeGrownNewTables(db)
      .then(
        (analyzed) => (analyzed.length > 0 ? report({ analyzed }) : undefined),
        (error: unknown) => report({ error }),
      )
      .finally(() => {
        running = undefined;
      });
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
