// The case use cases on a real database, on PGlite and (when DATABASE_URL is set) PostgreSQL.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createApplication } from '#app/cases/create-application.ts';
import { getCase, listCases, lookupApplicationStatus } from '#app/cases/query-cases.ts';
import { recordCaseEvent } from '#app/cases/record-case-event.ts';
import { isDomainError } from '#core/shared/domain-error.ts';
import { forEachEngine } from '#test/db-harness.ts';
import { addAgency, depsOn, VALID_PERSON } from './case-fixtures.ts';

async function rejection(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isDomainError(error)) {
      return error;
    }
    throw error;
  }
  assert.fail('expected a DomainError');
}

const countOf = async (
  pool: { query: (q: string, v?: unknown[]) => Promise<{ rows: { n: number }[] }> },
  table: string,
  agencyId: number,
) => (await pool.query(`select count(*)::int as n from ${table} where agency_id = $1`, [agencyId])).rows[0]!.n;

forEachEngine('case use cases', ({ database }) => {
  test('an application is answered after commit with case code, verification code, receipt and due date; the status needs both codes', async () => {
    const { db, pool } = await database();
    const agency = await addAgency(pool);
    const deps = depsOn(db);
    const created = await createApplication(deps, {
      agencySlug: agency.slug,
      applicant: VALID_PERSON,
      description: '2024年本局行政许可决定书',
      delivery: 'email',
      actor: 'public',
    });
    assert.match(created.caseCode, /^GK2025-\d{6,}$/);
    assert.match(created.verificationCode, /^[A-HJ-NP-Z2-9]{10}$/);
    // Received 2025-06-30 (Monday) 10:00; 20 working days later: 2025-07-28.
    assert.deepEqual([created.received, created.due], ['2025-06-30', '2025-07-28']);
    const status = await lookupApplicationStatus(deps, {
      caseCode: created.caseCode,
      verificationCode: created.verificationCode.toLowerCase(),
    });
    assert.deepEqual(status, {
      caseCode: created.caseCode,
      state: 'processing',
      stateLabel: '办理中',
      received: '2025-06-30',
      due: '2025-07-28',
    });
    assert.ok(!JSON.stringify(status).includes('张三'));
    const wrong = await rejection(lookupApplicationStatus(deps, { caseCode: created.caseCode, verificationCode: 'AAAAAAAAAA' }));
    const unknown = await rejection(
      lookupApplicationStatus(deps, { caseCode: 'GK2025-999999', verificationCode: created.verificationCode }),
    );
    assert.deepEqual([wrong.code, wrong.message], [unknown.code, unknown.message]);
    assert.equal(wrong.code, 'NOT_FOUND');
    const audit = await pool.query('select actor, action, before, after from audit_log where agency_id = $1', [agency.id]);
    assert.deepEqual(
      audit.rows.map((r) => [r.actor, r.action, r.before]),
      [['public', 'case.create', null]],
    );
  });

  test('invalid input is refused with field problems and writes nothing', async () => {
    const { db, pool } = await database();
    const agency = await addAgency(pool);
    const deps = depsOn(db);
    const error = await rejection(
      createApplication(deps, {
        agencySlug: agency.slug,
        applicant: { ...VALID_PERSON, idNumber: '110105194912310021' },
        description: '',
        delivery: 'fax',
        actor: 'public',
      }),
    );
    assert.equal(error.code, 'INVALID_INPUT');
    assert.deepEqual(Object.keys(error.details.fields ?? {}).sort(), ['applicant.idNumber', 'delivery', 'description']);
    assert.equal(await countOf(pool, 'cases', agency.id), 0);
    assert.equal(await countOf(pool, 'audit_log', agency.id), 0);
  });

  test('events go through decideCaseEvent: accepted ones update the row and the audit log, refused ones change nothing', async () => {
    const { db, pool } = await database();
    const agency = await addAgency(pool);
    const deps = depsOn(db);
    const { caseCode } = await createApplication(deps, {
      agencySlug: agency.slug,
      applicant: { type: 'research_institution', name: '某研究院', uscc: '91350100M000100Y43', phone: '1' },
      description: '某项目环评报告',
      delivery: 'post',
      channel: 'post_signed',
      received: '2025-06-02',
      actor: 'li',
    });
    const extended = await recordCaseEvent(deps, {
      caseCode,
      event: { type: 'extension_approved', date: '2025-06-20', workingDays: 10, approvedBy: '王主任', noticeSentOn: '2025-06-20' },
      actor: 'li',
    });
    // Due 2025-06-30 (20 working days after 2025-06-02, a 端午 holiday kept as the receipt date) + 10 → 2025-07-14.
    assert.equal(extended.due, '2025-07-14');
    assert.equal(extended.eventCount, 2);
    const before = await pool.query('select * from cases where case_code = $1', [caseCode]);
    const auditBefore = await countOf(pool, 'audit_log', agency.id);
    const refused = await rejection(
      recordCaseEvent(deps, { caseCode, event: { type: 'extension_approved', date: '2025-06-21', workingDays: 5 }, actor: 'li' }),
    );
    assert.deepEqual([refused.code, refused.details['reason']], ['INVALID_TRANSITION', 'EXTENSION_REPEATED']);
    const invalid = await rejection(
      recordCaseEvent(deps, { caseCode, event: { type: 'replied', date: '2025-06-25', outcome: 'outcome.nope' }, actor: 'li' }),
    );
    assert.equal(invalid.code, 'INVALID_INPUT');
    assert.deepEqual((await pool.query('select * from cases where case_code = $1', [caseCode])).rows, before.rows);
    assert.equal(await countOf(pool, 'audit_log', agency.id), auditBefore);
    const replied = await recordCaseEvent(deps, {
      caseCode,
      event: { type: 'replied', date: '2025-06-27', outcome: 'outcome.partial' },
      actor: 'li',
    });
    assert.deepEqual([replied.state, replied.outcome, replied.closedOn, replied.open], ['replied', 'outcome.partial', '2025-06-27', false]);
    const detail = await getCase(deps, { caseCode });
    assert.deepEqual(
      detail.events.map((e) => e['type']),
      ['received', 'extension_approved', 'replied'],
    );
    const last = await pool.query('select actor, action, before, after from audit_log where agency_id = $1 order by id desc limit 1', [
      agency.id,
    ]);
    assert.equal(last.rows[0].action, 'case.event.replied');
    assert.equal(last.rows[0].before.status, 'processing');
    assert.equal(last.rows[0].after.status, 'replied');
    const other = await addAgency(pool, '另一机关');
    assert.equal((await rejection(getCase(deps, { caseCode, agencyIds: [other.id] }))).code, 'NOT_FOUND');
    const listed = await listCases(deps, { agencyIds: [agency.id] });
    assert.deepEqual([listed.total, listed.items[0]?.caseCode], [1, caseCode]);
    assert.equal((await listCases(deps, { agencyIds: [other.id] })).total, 0);
  });

  test('concurrent intakes never share a case code; concurrent events on one case keep one extension and distinct seqs', async () => {
    const { db, pool } = await database();
    const agency = await addAgency(pool);
    const deps = depsOn(db);
    const created = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        createApplication(deps, {
          agencySlug: agency.slug,
          applicant: { ...VALID_PERSON, name: `申请人${i}` },
          description: `申请${i}`,
          delivery: 'online',
          actor: 'public',
        }),
      ),
    );
    assert.equal(new Set(created.map((c) => c.caseCode)).size, 20);
    assert.equal(new Set(created.map((c) => c.verificationCode)).size, 20);
    const caseCode = created[0]!.caseCode;
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, () =>
        recordCaseEvent(deps, { caseCode, event: { type: 'extension_approved', date: '2025-06-30', workingDays: 5 }, actor: 'li' }),
      ),
    );
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    for (const r of results) {
      if (r.status === 'rejected') {
        assert.ok(isDomainError(r.reason, 'INVALID_TRANSITION'), String(r.reason));
      }
    }
    const seqs = await pool.query(
      'select seq from case_events e join cases c on c.id = e.case_id and c.agency_id = e.agency_id where c.case_code = $1 order by seq',
      [caseCode],
    );
    assert.deepEqual(
      seqs.rows.map((r) => r.seq),
      [1, 2],
    );
  });
});
