// The server's start-up warm-up (src/warm-up.ts, issue #7) on both engines: it runs the real intake —
// every synthetic application answered 201 by the fast path after its batch statement ran — and
// leaves nothing behind: the same rows in every table, the same sequence values (the next real case
// gets the next case code, no gap), the same audit chain; /healthz says ok only after it, and
// GONGKAI_WARMUP=off skips it.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type pg from 'pg';
import { createCaseStore } from '#adapters/db/case-store.ts';
import type { Db } from '#adapters/db/open-database.ts';
import { WARM_UP_AGENCY, withRolledBackIntake } from '#adapters/db/rolled-back-intake.ts';
import { intakeSchema } from '#adapters/http/api/applications/schema.ts';
import { DEFAULT_MAX_BODY_BYTES } from '#adapters/http/http-app.ts';
import { PARSER_POOL } from '#adapters/http/intake-warm-up.ts';
import { parseWith } from '#adapters/http/read-json.ts';
import { createApplications } from '#app/cases/create-application.ts';
import { forEachEngine } from '#test/db-harness.ts';
import { INTAKE_BATCH } from '../../src/compose-case-services.ts';
import { identityDeps } from '../../src/composition-root.ts';
import { composeHttpServices, startServer } from '../../src/main.ts';
import { warmUpIntake } from '../../src/warm-up.ts';
import { addAgency } from '../cases/case-fixtures.ts';
import { intakeBody } from './intake-load.ts';

const dir = mkdtempSync(join(tmpdir(), 'gongkai-warm-up-'));
after(() => rmSync(dir, { recursive: true, force: true }));

interface Snapshot {
  readonly rows: Record<string, number>;
  readonly sequences: Record<string, { last_value: string; is_called: boolean }>;
  readonly chain: unknown;
}

/** Row counts of every table, every sequence's state and the audit chains: what a warm-up must leave as it was. */
async function snapshot(pool: pg.Pool, db: Db): Promise<Snapshot> {
  const rows: Record<string, number> = {};
  const tables = await pool.query<{ name: string }>(
    `select quote_ident(relname) as name from pg_class where relkind = 'r' and relnamespace = 'public'::regnamespace order by 1`,
  );
  for (const { name } of tables.rows) {
    rows[name] = Number((await pool.query<{ n: string }>(`select count(*) as n from ${name}`)).rows[0]?.n);
  }
  const sequences: Snapshot['sequences'] = {};
  const names = await pool.query<{ name: string }>(
    `select quote_ident(relname) as name from pg_class where relkind = 'S' and relnamespace = 'public'::regnamespace order by 1`,
  );
  for (const { name } of names.rows) {
    const state = (await pool.query<{ last_value: string; is_called: boolean }>(`select last_value::text, is_called from ${name}`)).rows[0];
    sequences[name] = state!;
  }
  return { rows, sequences, chain: await createCaseStore(db).verifyAuditChain(null) };
}

const codeNumber = (caseCode: string) => Number(/-(\d+)$/.exec(caseCode)?.[1]);

/** Bytes of the application's tables with their indexes. */
async function tableBytes(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ n: string }>(
    `select sum(pg_total_relation_size(oid))::text as n from pg_class where relkind = 'r' and relnamespace = 'public'::regnamespace`,
  );
  return Number(rows[0]?.n);
}

forEachEngine('start-up warm-up', ({ engine, database }) => {
  const now = () => new Date();

  test('runs the whole intake in a rolled-back transaction: rows, sequences, audit chain and case codes as before', async () => {
    const { db, pool } = await database();
    const agency = await addAgency(pool, '预热测试局');
    const services = composeHttpServices(db, await identityDeps(db, { now }), now);
    const submit = (i: number) => services.cases.createApplication({ agency: agency.slug, body: parseWith(intakeSchema, intakeBody(i)) });
    const before = [await submit(1), await submit(2)];
    const state = await snapshot(pool, db);
    assert.ok(state.rows['cases']! >= 2 && state.rows['audit_log']! >= 2, 'the database has cases and audit entries to protect');

    const logs: Record<string, unknown>[] = [];
    const bytes = await tableBytes(pool);
    const report = await warmUpIntake({
      db,
      engine,
      services,
      now,
      log: (entry) => logs.push({ ...entry }),
      rateLimit: true,
      maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
      budgetMs: 60_000,
    });
    assert.ok(report.sent >= INTAKE_BATCH, `a batch's worth at least (${report.sent})`);
    assert.equal(report.pooled, PARSER_POOL, 'a burst of PARSER_POOL connections finds its HTTP parsers built');
    assert.equal(report.created, report.sent, `every synthetic application was written inside the transaction: ${JSON.stringify(logs)}`);
    assert.equal(logs.length, 1);
    assert.equal(logs[0]?.['level'], 'info');

    assert.deepEqual(await snapshot(pool, db), state, 'no row, sequence value or audit entry is left');
    if (engine === 'pglite') {
      // Embedded (no VACUUM ever): not even dead row versions — the rows went to files the rollback deleted.
      assert.equal(await tableBytes(pool), bytes, 'the tables take the same bytes as before');
    }
    const agencies = await pool.query('select 1 from agencies where slug = $1 or id < 1', [WARM_UP_AGENCY]);
    assert.equal(agencies.rowCount, 0);
    const next = await submit(3);
    assert.equal(codeNumber(next.caseCode), codeNumber(before[1]!.caseCode) + 1, 'the next case code follows the last one');
    const chain = await createCaseStore(db).verifyAuditChain(agency.id);
    assert.equal(chain[0]?.firstBreak, null);
    assert.equal(chain[0]?.entries, 3);
  });

  test('bounded: past its budget no further wave starts (the first always runs)', async () => {
    const { db } = await database();
    const services = composeHttpServices(db, await identityDeps(db, { now }), now);
    const report = await warmUpIntake({
      db,
      engine,
      services,
      now,
      log: () => undefined,
      rateLimit: false,
      maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
      budgetMs: 1,
    });
    assert.deepEqual({ sent: report.sent, created: report.created }, { sent: INTAKE_BATCH, created: INTAKE_BATCH });
  });

  test('a warm-up that fails after writing is rolled back too, and the pool keeps working', async () => {
    const { db, pool } = await database();
    const state = await snapshot(pool, db);
    await assert.rejects(
      withRolledBackIntake(db, engine, async (sandbox, slug) => {
        const written = await createApplications({ cases: createCaseStore(sandbox), clock: { now } }, [
          { agencySlug: slug, ...intakeBody(7), actor: 'public' } as Parameters<typeof createApplications>[1][number],
        ]);
        assert.equal(written[0]?.ok, true, 'the application was written in the sandbox');
        throw new Error('stop');
      }),
      /stop/,
    );
    assert.deepEqual(await snapshot(pool, db), state);
  });

  test('/healthz says ok only after the warm-up, which leaves the database as it was; GONGKAI_WARMUP=off skips it', async () => {
    const { db, pool, url } = await database();
    const env = { DATABASE_URL: url, GONGKAI_DATA_DIR: dir, GONGKAI_PORT: '0', HOME: dir };
    const start = async (extra: Record<string, string>) => {
      const logs: { at: number; entry: Record<string, unknown> }[] = [];
      const server = await startServer({
        env: { ...env, ...extra },
        cwd: dir,
        log: (entry) => logs.push({ at: performance.now(), entry }),
      });
      const answers: { at: number; status: string }[] = [];
      try {
        let ready = false;
        void server.ready.then(() => {
          ready = true;
        });
        for (let i = 0; i < 3000 && !ready; i += 1) {
          const body = (await (await fetch(`${server.url}/healthz`)).json()) as { status: string };
          answers.push({ at: performance.now(), status: body.status });
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
        await server.ready;
        const warmUp = logs.find(({ entry }) => entry['warmUp'] !== undefined);
        return { warmUp, answers };
      } finally {
        await server.close();
      }
    };

    // Off first: a first start also stores the instance's CSRF secret, which is not the warm-up's doing.
    const off = await start({ GONGKAI_WARMUP: 'off' });
    assert.equal(off.warmUp, undefined, 'GONGKAI_WARMUP=off: no warm-up');
    assert.ok(off.answers.length > 0);
    const state = await snapshot(pool, db);

    const on = await start({});
    assert.ok(on.warmUp !== undefined, 'the warm-up ran');
    const warmedAt = on.warmUp.at;
    assert.ok(
      on.answers.every((a) => a.status === 'starting' || a.at > warmedAt),
      'no ok before the warm-up finished',
    );
    assert.ok(
      on.answers.some((a) => a.status === 'starting'),
      'seen starting',
    );
    assert.deepEqual(await snapshot(pool, db), state, 'the start with the warm-up left every table and sequence as it was');
  });
});
