// A sandbox for the server's start-up warm-up (src/warm-up.ts, issue #7: the first burst of 1,000
// intakes after a start paid V8's warm-up): the REAL intake path — the same stores, the same SQL, the
// same triggers — on one connection inside a transaction that is always ROLLED BACK, so nothing it
// writes is ever seen by anyone and nothing is left behind:
// - the rows (a synthetic agency, its cases, their events and audit entries) vanish with the rollback;
//   the agency has an id outside the identity's range (negative) and its own audit chain, so no real
//   agency's chain is read, locked or extended;
// - the identity sequences the intake draws from (cases.id, which numbers the case codes, and
//   audit_log.id) would NOT roll back — nextval is never undone — so they are first restarted far
//   beyond any real value inside the transaction: ALTER SEQUENCE … RESTART gives the sequence new
//   storage in this transaction (PostgreSQL makes that change transactional), the rollback restores
//   the old one, and the next real case gets the very code it would have got without the warm-up.
//   ALTER SEQUENCE holds the sequence against other writers' nextval until the rollback: on the
//   embedded engine nobody else runs during a transaction anyway; on PostgreSQL other app nodes'
//   writes wait for at most the warm-up's length (bounded by the caller), and the lock is not waited
//   for longer than LOCK_TIMEOUT.
// - on the embedded engine the tables the intake writes (cases, with everything that references it,
//   and audit_log) are first TRUNCATEd inside the transaction: TRUNCATE gives them new, empty files in
//   this transaction and the rollback deletes those files, so the synthetic rows never reach the real
//   ones. Without it every start left ~0.6 MB of dead row versions and index entries, which the
//   embedded engine — it never vacuums — kept for good. TRUNCATE locks those tables exclusively until
//   the rollback, which costs nothing there (one transaction at a time anyway); on PostgreSQL it
//   would stop every other app node's reads of cases, so there the rows are written beside the real
//   ones and their dead versions are left to autovacuum.
// What remains physically is what every aborted transaction leaves: WAL, and a few dead catalog rows
// (the new files' pg_class entries, the synthetic agency) — a few kilobytes a start.
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import type { Db, Engine } from './open-database.ts';
import * as schema from './schema.ts';

/** The synthetic agency's slug (valid for the slug check; the agency never exists outside the transaction). */
export const WARM_UP_AGENCY = 'gongkai-warm-up';
/** Its id: identities start at 1, so no real agency has it. */
const WARM_UP_AGENCY_ID = -1;
/** Where the intake's sequences restart inside the transaction: far beyond any real case or audit id. */
const SANDBOX_START = 1_000_000_000_000_000;
/** Longest wait for another transaction's lock (PostgreSQL; the embedded engine runs one transaction at a time). */
const LOCK_TIMEOUT = '1s';

/**
 * Runs `work` with a drizzle handle on ONE connection inside a transaction that is rolled back
 * whatever happens, after restarting the intake's sequences in it (and, embedded, emptying the
 * intake's tables in it) and adding the agency WARM_UP_AGENCY. Answers what `work` answered.
 */
export async function withRolledBackIntake<T>(db: Db, engine: Engine, work: (sandbox: Db, agencySlug: string) => Promise<T>): Promise<T> {
  const pool = (db as unknown as { $client: pg.Pool }).$client;
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    await client.query(`SET LOCAL lock_timeout = '${LOCK_TIMEOUT}'`);
    const { rows } = await client.query<{ cases: string; audit: string }>(
      `select pg_get_serial_sequence('cases', 'id') as cases, pg_get_serial_sequence('audit_log', 'id') as audit`,
    );
    const sequences = rows[0];
    if (sequences === undefined || sequences.cases === null || sequences.audit === null) {
      throw new Error('warm-up: the identity sequences of cases and audit_log were not found');
    }
    if (engine === 'pglite') {
      await client.query('TRUNCATE cases, audit_log CASCADE');
    }
    // Names from the catalog (already quoted where needed).
    await client.query(`ALTER SEQUENCE ${sequences.cases} RESTART WITH ${SANDBOX_START}`);
    await client.query(`ALTER SEQUENCE ${sequences.audit} RESTART WITH ${SANDBOX_START}`);
    await client.query('insert into agencies (id, slug, name) values ($1, $2, $3)', [WARM_UP_AGENCY_ID, WARM_UP_AGENCY, '启动预热']);
    return await work(drizzle(client, { schema }) as unknown as Db, WARM_UP_AGENCY);
  } finally {
    try {
      await client.query('ROLLBACK');
    } catch (error) {
      broken = error instanceof Error ? error : new Error(String(error));
    }
    // A connection whose ROLLBACK failed is closed, not handed back to the pool.
    client.release(broken);
  }
}
