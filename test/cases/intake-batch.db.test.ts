// Group commit of the intake (createApplications + app/group-commit.ts) on a real database, both
// engines: a batch is one transaction; an invalid application or one the database refuses fails on
// its own, and everything acknowledged is stored with its event and audit entry.

import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createDbCalendarStore } from '#adapters/db/calendar-store.ts';
import { connectionLost, createCaseStore } from '#adapters/db/case-store.ts';
import { openAccess } from '#adapters/db/lazy-database.ts';
import { createPool, drizzleOf } from '#adapters/db/open-database.ts';
import { type CreateApplicationInput, createApplications } from '#app/cases/create-application.ts';
import { lookupApplicationStatus } from '#app/cases/query-cases.ts';
import { groupCommit } from '#app/group-commit.ts';
import type { LocalDate } from '#core/calendar/local-date.ts';
import { isDomainError } from '#core/shared/domain-error.ts';
import { forEachEngine } from '#test/db-harness.ts';
import { addAgency, depsOn, VALID_PERSON } from './case-fixtures.ts';

const application = (agencySlug: string, description: string, applicant: object = VALID_PERSON): CreateApplicationInput => ({
  agencySlug,
  applicant,
  description,
  delivery: 'email',
  actor: 'public',
});

forEachEngine('intake group commit', ({ database }) => {
  test('valid applications of a batch are written in ONE transaction, each with its received event and audit entry', async () => {
    const { db, pool } = await database();
    const agency = await addAgency(pool);
    const deps = depsOn(db);
    const results = await createApplications(
      deps,
      Array.from({ length: 5 }, (_, i) => application(agency.slug, `第${i}号申请`, { ...VALID_PERSON, name: `申请人${i}` })),
    );
    assert.ok(results.every((r) => r.ok));
    const created = results.map((r) => (r.ok ? r.value : assert.fail()));
    assert.equal(new Set(created.map((c) => c.caseCode)).size, 5);
    assert.equal(new Set(created.map((c) => c.verificationCode)).size, 5);
    const rows = await pool.query(
      `select c.case_code, c.description, c.applicant->>'name' as name, c.xmin::text as tx, e.seq, e.type, e.data->>'applicantType' as applicant_type
       from cases c join case_events e on e.agency_id = c.agency_id and e.case_id = c.id where c.agency_id = $1 order by c.id`,
      [agency.id],
    );
    assert.deepEqual(
      rows.rows.map((r) => [r.case_code, r.description, r.name, r.seq, r.type, r.applicant_type]),
      created.map((c, i) => [c.caseCode, `第${i}号申请`, `申请人${i}`, 1, 'received', 'natural_person']),
    );
    assert.equal(new Set(rows.rows.map((r) => r.tx)).size, 1, 'one transaction for the batch');
    const audit = await pool.query('select subject, action, actor, after from audit_log where agency_id = $1 order by id', [agency.id]);
    assert.deepEqual(
      audit.rows.map((r) => [r.subject, r.action, r.actor, r.after.received, r.after.due]),
      created.map((c) => [`case:${c.caseCode}`, 'case.create', 'public', c.received, c.due]),
    );
    for (const c of created) {
      const status = await lookupApplicationStatus(deps, { caseCode: c.caseCode, verificationCode: c.verificationCode });
      assert.equal(status.due, c.due);
    }
  });

  test('an invalid application, an unknown agency and a row the database refuses fail alone; the others are stored', async () => {
    const { db, pool } = await database();
    const agency = await addAgency(pool);
    // A row the database refuses after validation passed (a real trigger in this test's own database).
    await pool.query(`create or replace function refuse_marked_case() returns trigger language plpgsql as $$
      begin if new.description = '请拒绝这一行' then raise exception 'refused by the test trigger'; end if; return new; end $$`);
    await pool.query('create trigger refuse_marked_case before insert on cases for each row execute function refuse_marked_case()');
    try {
      const results = await createApplications(depsOn(db), [
        application(agency.slug, '甲'),
        application(agency.slug, '乙', { ...VALID_PERSON, idNumber: '110105194912310021' }),
        application(agency.slug, '请拒绝这一行'),
        application('no-such-agency', '丙'),
        application(agency.slug, '丁'),
      ]);
      assert.deepEqual(
        results.map((r) => r.ok),
        [true, false, false, false, true],
      );
      const errorOf = (i: number) => {
        const r = results[i]!;
        return r.ok ? assert.fail() : r.error;
      };
      assert.ok(isDomainError(errorOf(1), 'INVALID_INPUT'));
      assert.deepEqual(Object.keys((errorOf(1) as { details: { fields: object } }).details.fields), ['applicant.idNumber']);
      // drizzle's "Failed query" error, the driver's error as its cause.
      assert.match(String((errorOf(2) as Error).cause), /refused by the test trigger/);
      assert.ok(isDomainError(errorOf(3), 'NOT_FOUND'));
      const stored = await pool.query('select case_code, description from cases where agency_id = $1 order by id', [agency.id]);
      assert.deepEqual(
        stored.rows.map((r) => [r.case_code, r.description]),
        [0, 4].map((i) => {
          const r = results[i]!;
          return [r.ok ? r.value.caseCode : '', ['甲', '丁'][i === 0 ? 0 : 1]];
        }),
      );
      const counts = await pool.query(
        `select (select count(*)::int from case_events where agency_id = $1) as events, (select count(*)::int from audit_log where agency_id = $1) as audit`,
        [agency.id],
      );
      assert.deepEqual(counts.rows[0], { events: 2, audit: 2 });
    } finally {
      await pool.query('drop trigger refuse_marked_case on cases');
    }
  });

  test('concurrent submissions through groupCommit: every one answered after its own commit, no case code twice', async () => {
    const { db, pool } = await database();
    const agency = await addAgency(pool);
    const deps = depsOn(db);
    const batches: number[] = [];
    const submit = groupCommit((inputs: readonly CreateApplicationInput[]) => {
      batches.push(inputs.length);
      return createApplications(deps, inputs);
    }, 16);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) =>
        submit(i % 10 === 9 ? application(agency.slug, '') : application(agency.slug, `申请${i}`)).then(async (created) => {
          // Answered only once committed: the row is visible to another connection now.
          const seen = await pool.query('select 1 from cases where case_code = $1', [created.caseCode]);
          assert.equal(seen.rowCount, 1);
          return created;
        }),
      ),
    );
    const refused = outcomes.filter((o) => o.status === 'rejected');
    assert.equal(refused.length, 4);
    assert.ok(refused.every((o) => isDomainError(o.reason, 'INVALID_INPUT')));
    const codes = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value.caseCode] : []));
    assert.equal(new Set(codes).size, 36);
    assert.ok(batches.length < 40 && Math.max(...batches) <= 16, `batches ${batches.join(',')}`);
    const stored = await pool.query('select count(*)::int as n from cases where agency_id = $1', [agency.id]);
    assert.equal(stored.rows[0].n, 36);
    // Each batch is one statement (CaseStore.insertNewCases): the audit trigger still chains every entry.
    const [chain] = await createCaseStore(db).verifyAuditChain(agency.id);
    assert.equal(chain?.entries, 36);
    assert.equal(chain?.firstBreak, null);
    const audited = await pool.query<{ subject: string }>('select subject from audit_log where agency_id = $1 order by seq', [agency.id]);
    assert.deepEqual(new Set(audited.rows.map((r) => r.subject)), new Set(codes.map((code) => `case:${code}`)));
  });

  test('a batch for two agencies continues each agency’s audit chain, in arrival order, after entries the trigger chained', async () => {
    const { db, pool } = await database();
    const [first, second] = [await addAgency(pool), await addAgency(pool)];
    for (const agency of [first, second]) {
      // Written the ordinary way: the trigger chains it (seq 1).
      await pool.query(`insert into audit_log (agency_id, actor, action, subject) values ($1, 'clerk', 'test.before', 'before')`, [
        agency.id,
      ]);
    }
    const slugs = [first.slug, second.slug, first.slug, second.slug, first.slug];
    const results = await createApplications(
      depsOn(db),
      slugs.map((slug, i) => application(slug, `两个机关${i}`)),
    );
    const codes = results.map((r) => (r.ok ? r.value.caseCode : assert.fail()));
    for (const agency of [first, second]) {
      const [chain] = await createCaseStore(db).verifyAuditChain(agency.id);
      const mine = codes.filter((_, i) => slugs[i] === agency.slug);
      assert.equal(chain?.entries, 1 + mine.length);
      assert.equal(chain?.firstBreak, null);
      const rows = await pool.query<{ seq: string; subject: string }>(
        'select seq::text as seq, subject from audit_log where agency_id = $1 order by id',
        [agency.id],
      );
      assert.deepEqual(
        rows.rows.map((r) => [Number(r.seq), r.subject]),
        ['before', ...mine.map((code) => `case:${code}`)].map((subject, i) => [i + 1, subject]),
      );
    }
    // A later entry the trigger chains follows the batch's last one.
    await pool.query(`insert into audit_log (agency_id, actor, action, subject) values ($1, 'clerk', 'test.after', 'after')`, [first.id]);
    const [chain] = await createCaseStore(db).verifyAuditChain(first.id);
    assert.equal(chain?.entries, 5);
    assert.equal(chain?.firstBreak, null);
  });

  test('case codes keep every digit past six (GK2025-1234567), in arrival order within a batch', async () => {
    const { db, pool } = await database();
    const agency = await addAgency(pool);
    const before = await pool.query<{ n: string }>(`select last_value::text as n from cases_id_seq`);
    await pool.query(`select setval('cases_id_seq', 1234566)`);
    try {
      const results = await createApplications(depsOn(db), [application(agency.slug, '七位一'), application(agency.slug, '七位二')]);
      assert.deepEqual(
        results.map((r) => (r.ok ? r.value.caseCode : assert.fail())),
        ['GK2025-1234567', 'GK2025-1234568'],
      );
      const stored = await pool.query('select id::text as id, case_code, description from cases where agency_id = $1 order by id', [
        agency.id,
      ]);
      assert.deepEqual(
        stored.rows.map((r) => [r.id, r.case_code, r.description]),
        [
          ['1234567', 'GK2025-1234567', '七位一'],
          ['1234568', 'GK2025-1234568', '七位二'],
        ],
      );
    } finally {
      // Later tests of this file number from where they were (the sequence only grows).
      await pool.query(`select setval('cases_id_seq', greatest($1::bigint, 1234568))`, [before.rows[0]!.n]);
    }
  });

  test('agencyWithBasis answers what findAgency and clockBasis answer, in one round trip', async () => {
    const { db, pool } = await database();
    const agency = await addAgency(pool);
    const other = await addAgency(pool);
    await pool.query(
      `insert into agency_settings (agency_id, key, value) values ($1, 'receipt.office-hours-end', '16:30'), ($2, 'receipt.office-hours-end', '15:00'),
        ($1, 'receipt.after-hours', 'as-is')`,
      [agency.id, other.id],
    );
    // The instance default, overridden by the agency's own value; calendar changes in force on the day, in order.
    await pool.query(`insert into instance_settings (key, value) values ('receipt.after-hours', 'next-working-day')`);
    const calendar = createDbCalendarStore(openAccess(db));
    const change = (effectiveFrom: string, holiday: string) =>
      calendar.appendChange({
        who: 'test',
        when: '2025-06-01T00:00:00.000Z',
        effectiveFrom: effectiveFrom as LocalDate,
        action: 'import',
        year: 2027,
        what: holiday,
        entry: {
          notices: [holiday],
          breaks: [{ name: '测试', from: holiday, to: holiday, workdays: [] }],
          holidays: [holiday],
          workdays: [],
        } as never,
      });
    await change('2025-06-01', '2027-03-01');
    await change('2025-06-02', '2027-03-02');
    await change('2025-07-15', '2027-03-03');
    try {
      const store = createCaseStore(db);
      const together = await store.agencyWithBasis(agency.slug, '2025-06-30' as LocalDate);
      const basis = await store.clockBasis(agency.id, '2025-06-30' as LocalDate);
      assert.deepEqual(together, { agency: await store.findAgency(agency.slug), ...basis });
      assert.equal(together?.settings.officeHoursEndMinutes, 16 * 60 + 30);
      assert.equal(together?.settings.receiptAfterHours, 'as-is');
      assert.equal((await store.agencyWithBasis(other.slug, '2025-06-30' as LocalDate))?.settings.receiptAfterHours, 'next-working-day');
      assert.deepEqual(together?.calendar, basis.calendar);
      assert.notDeepEqual(together?.calendar, (await store.clockBasis(agency.id, '2025-07-15' as LocalDate)).calendar);
      assert.equal(await store.agencyWithBasis('no-such-agency', '2025-06-30' as LocalDate), null);
    } finally {
      await pool.query(`delete from instance_settings where key = 'receipt.after-hours'`);
      await pool.query(`delete from calendar_changes where who = 'test'`);
    }
  });
});

/** A local port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

forEachEngine('intake group commit: unreachable database', ({ database }) => {
  test('a transaction that cannot reach the database is UNAVAILABLE (no blind retry); a refused statement is not', async () => {
    const pool = createPool({ host: '127.0.0.1', port: await closedPort(), user: 'postgres', database: 'postgres', max: 1 });
    try {
      const store = createCaseStore(drizzleOf(pool));
      await assert.rejects(
        store.transaction(async () => 1),
        (error) => isDomainError(error, 'UNAVAILABLE'),
      );
      await assert.rejects(
        store.insertNewCases([
          {
            entry: { agencyId: 1, externalId: null, applicant: null, description: '甲', delivery: 'email', projection: {} as never },
            events: [],
            actor: 'public',
            auditAfter: null,
          },
        ]),
        (error) => isDomainError(error, 'UNAVAILABLE'),
      );
    } finally {
      await pool.end();
    }
    const { db } = await database();
    const refused = await db.execute(sql`select no_such_column from cases`).then(
      () => assert.fail('expected an error'),
      (error: unknown) => error,
    );
    assert.equal(connectionLost(refused), false);
  });
});
