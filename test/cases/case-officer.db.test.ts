// Case officers (承办人, issue #7): assignment scoped to the case's agency, recorded in the case's
// assignment history and the audit log, the officer filter, the CLI, and the daily job's reminders
// going to the officer's e-mail with the agency mailbox as fallback (real SMTP sink), on both engines.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createDailyJobStore } from '#adapters/db/letter-ports.ts';
import { createSmtpMailer } from '#adapters/mail/smtp-mailer.ts';
import { assignCaseOfficer } from '#app/cases/assign-case-officer.ts';
import { createApplication } from '#app/cases/create-application.ts';
import { getCase, listCases } from '#app/cases/query-cases.ts';
import { addUser, setUserEmail } from '#app/identity/manage-users.ts';
import { type DailyJobPorts, runDailyJob } from '#app/run-daily-job.ts';
import type { LocalDate } from '#core/calendar/local-date.ts';
import { SHIPPED_CALENDAR } from '#core/calendar/shipped-calendar.ts';
import { isDomainError } from '#core/shared/domain-error.ts';
import { runInProcess } from '#test/cli/run-in-process.ts';
import { forEachEngine } from '#test/db-harness.ts';
import { type SmtpSink, startSmtpSink } from '#test/smtp-sink.ts';
import { identityDeps } from '../../src/composition-root.ts';
import { addAgency, depsOn, VALID_PERSON } from './case-fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'gongkai-officer-'));
let sink: SmtpSink;
const mailer = createSmtpMailer({ timeoutMs: 5000 });
before(async () => {
  sink = await startSmtpSink();
});
after(async () => {
  mailer.close();
  await sink.close();
  rmSync(dir, { recursive: true, force: true });
});

const at = (date: string) => new Date(`${date}T02:00:00Z`);

forEachEngine('case officers', ({ database, engine }) => {
  // Usernames are instance-wide: each engine gets its own.
  const u = (name: string) => `${name}-${engine}`;

  const setup = async () => {
    const { db, pool } = await database();
    const a = await addAgency(pool, '某市民政局');
    const b = await addAgency(pool, '某市财政局');
    const identity = await identityDeps(db, { now: () => at('2025-09-01') });
    const grant = async (name: string, agency: string, role: string) =>
      addUser(identity, { username: u(name), agency, role, password: null });
    return { db, pool, a, b, identity, grant };
  };
  const newCase = async (slug: string, received: string) => {
    const { db } = await database();
    return createApplication(depsOn(db, at(received)), {
      agencySlug: slug,
      applicant: VALID_PERSON,
      description: '某社区养老服务补贴发放名单',
      delivery: 'email',
      channel: 'in_person',
      received,
      actor: 'clerk',
    });
  };

  test('assigning an officer: only a handling role in the case agency; history and audit; same officer again records nothing', async () => {
    const { db, pool, a, b, grant } = await setup();
    await grant('li', a.slug, 'officer');
    await grant('sup', a.slug, 'supervisor');
    await grant('zhao', b.slug, 'officer');
    const created = await newCase(a.slug, '2025-09-01');
    const deps = depsOn(db, at('2025-09-02'));
    const refusals: [string, RegExp][] = [
      [u('zhao'), /在机关“.+”没有角色/],
      [u('sup'), /只是监督员/],
      [u('nobody'), /不存在/],
    ];
    for (const [officer, message] of refusals) {
      await assert.rejects(
        assignCaseOfficer(deps, { caseCode: created.caseCode, officer, actor: 'wang' }),
        (error) => isDomainError(error, 'INVALID_INPUT') && message.test(error.message) && 'officer' in (error.details.fields ?? {}),
      );
    }
    const counts = async () =>
      (
        await pool.query(
          `select (select count(*)::int from case_assignments where agency_id = $1) as history,
                  (select count(*)::int from audit_log where agency_id = $1 and action like 'case.%assigned') as audit`,
          [a.id],
        )
      ).rows[0];
    assert.deepEqual(await counts(), { history: 0, audit: 0 }, 'refusals write nothing');

    const assigned = await assignCaseOfficer(deps, { caseCode: created.caseCode, officer: u('li'), actor: 'wang' });
    assert.deepEqual([assigned.officer, assigned.changed], [u('li'), true]);
    const again = await assignCaseOfficer(deps, { caseCode: created.caseCode, officer: u('li'), actor: 'wang' });
    assert.equal(again.changed, false);
    assert.deepEqual(await counts(), { history: 1, audit: 1 });
    await assignCaseOfficer(deps, { caseCode: created.caseCode, officer: null, actor: 'chen' });
    const detail = await getCase(deps, { caseCode: created.caseCode });
    assert.equal(detail.officer, null);
    assert.deepEqual(
      detail.assignments?.map((x) => [x.officer, x.actor]),
      [
        [u('li'), 'wang'],
        [null, 'chen'],
      ],
    );
    const audit = await pool.query(
      `select actor, action, before, after from audit_log where agency_id = $1 and action like 'case.%assigned' order by id`,
      [a.id],
    );
    assert.deepEqual(audit.rows, [
      { actor: 'wang', action: 'case.assigned', before: { officer: null }, after: { officer: u('li') } },
      { actor: 'chen', action: 'case.unassigned', before: { officer: u('li') }, after: { officer: null } },
    ]);
    // The history is append-only like the events.
    await assert.rejects(pool.query('delete from case_assignments where agency_id = $1', [a.id]), /append-only/);
  });

  test('the officer filter lists only that officer’s cases', async () => {
    const { db, a, grant } = await setup();
    await grant('liu', a.slug, 'officer');
    await grant('sun', a.slug, 'reviewer');
    const cases = [await newCase(a.slug, '2025-09-01'), await newCase(a.slug, '2025-09-02'), await newCase(a.slug, '2025-09-03')];
    const deps = depsOn(db, at('2025-09-04'));
    await assignCaseOfficer(deps, { caseCode: cases[0]!.caseCode, officer: u('liu'), actor: 'x' });
    await assignCaseOfficer(deps, { caseCode: cases[2]!.caseCode, officer: u('liu'), actor: 'x' });
    await assignCaseOfficer(deps, { caseCode: cases[1]!.caseCode, officer: u('sun'), actor: 'x' });
    const mine = await listCases(deps, { agencyIds: [a.id], officer: u('liu') });
    assert.deepEqual(mine.items.map((c) => c.caseCode).sort(), [cases[0]!.caseCode, cases[2]!.caseCode].sort());
    assert.equal(mine.total, 2);
    assert.equal((await listCases(deps, { agencyIds: [a.id], officer: 'no-such-user' })).total, 0);
    assert.equal((await listCases(deps, { agencyIds: [a.id] })).total, 3);
  });

  test('CLI: case assign / unassign / list --officer and user email, recorded as GONGKAI_USER', async () => {
    const { pool, url, a, grant } = { ...(await setup()), url: (await database()).url };
    await grant('zhou', a.slug, 'agency_admin');
    const created = await newCase(a.slug, '2025-09-01');
    const env = { DATABASE_URL: url, GONGKAI_DATA_DIR: dir, GONGKAI_USER: 'operator-ma' };
    const run = (args: string[]) => runInProcess(args, { env, cwd: dir, isTTY: false, now: () => at('2025-09-02') });
    const assigned = await run(['case', 'assign', created.caseCode, '--officer', u('zhou')]);
    assert.equal(assigned.code, 0, assigned.err);
    assert.equal(assigned.out, `已指定 ${u('zhou')} 为案件 ${created.caseCode} 的承办人\n`);
    const shown = await run(['case', 'show', created.caseCode]);
    assert.match(shown.out, new RegExp(`承办人：${u('zhou')}`));
    assert.match(shown.out, new RegExp(`指定承办人 ${u('zhou')}（operator-ma）`));
    const listed = await run(['case', 'list', '--agency', a.slug, '--officer', u('zhou'), '--json']);
    assert.deepEqual(
      JSON.parse(listed.out).items.map((c: { caseCode: string }) => c.caseCode),
      [created.caseCode],
    );
    const refused = await run(['case', 'assign', created.caseCode, '--officer', 'no-such-user']);
    assert.equal(refused.code, 64);
    assert.match(refused.err, /用户“no-such-user”不存在/);
    assert.equal((await run(['case', 'assign', created.caseCode])).code, 64, '--officer is required');
    const unassigned = await run(['case', 'unassign', created.caseCode]);
    assert.equal(unassigned.code, 0, unassigned.err);
    assert.match(unassigned.out, /已取消案件 .+ 的承办人/);
    const audit = await pool.query(`select actor from audit_log where agency_id = $1 and action like 'case.%assigned' order by id`, [a.id]);
    assert.deepEqual(
      audit.rows.map((r) => r.actor),
      ['operator-ma', 'operator-ma'],
    );

    const badEmail = await run(['user', 'email', u('zhou'), 'not-an-address']);
    assert.equal(badEmail.code, 64);
    assert.match(badEmail.err, /电子邮箱“not-an-address”格式不正确/);
    assert.equal((await run(['user', 'email', u('zhou'), `${u('zhou')}@example.gov.cn`])).code, 0);
    const stored = async () => (await pool.query('select email from users where username = $1', [u('zhou')])).rows[0].email;
    assert.equal(await stored(), `${u('zhou')}@example.gov.cn`);
    assert.equal((await run(['user', 'email', u('zhou'), '--clear'])).code, 0);
    assert.equal(await stored(), null);
    const added = await run(['user', 'add', u('wu'), '--agency', a.slug, '--role', 'officer', '--email', 'bad address']);
    assert.equal(added.code, 64);
    assert.equal((await pool.query('select count(*)::int as n from users where username = $1', [u('wu')])).rows[0].n, 0);
  });

  test('daily job: reminders go to the officer’s e-mail, else the agency mailbox; twice and after missed days, once each', async () => {
    const { db, pool, a, identity, grant } = await setup();
    for (const [key, value] of Object.entries({
      'mail.smtp-host': '127.0.0.1',
      'mail.smtp-port': String(sink.port),
      'mail.from': 'gongkai@example.gov.cn',
      'mail.reminders-to': `${a.slug}@example.gov.cn`,
    })) {
      await pool.query('insert into agency_settings (agency_id, key, value) values ($1, $2, $3)', [a.id, key, value]);
    }
    await grant('he', a.slug, 'officer');
    await grant('lu', a.slug, 'officer'); // no e-mail address
    const heMail = `${u('he')}@example.gov.cn`;
    await setUserEmail(identity, { username: u('he'), email: heMail });
    // Received Monday 2025-09-01: due Sunday 2025-09-28 (调休上班), as in letters-and-jobs.db.test.ts.
    const withMail = await newCase(a.slug, '2025-09-01');
    const withoutMail = await newCase(a.slug, '2025-09-01');
    const unassigned = await newCase(a.slug, '2025-09-01');
    const deps = depsOn(db, at('2025-09-02'));
    await assignCaseOfficer(deps, { caseCode: withMail.caseCode, officer: u('he'), actor: 'x' });
    await assignCaseOfficer(deps, { caseCode: withoutMail.caseCode, officer: u('lu'), actor: 'x' });
    const ports: DailyJobPorts = {
      ...createDailyJobStore(db),
      loadCalendar: async () => SHIPPED_CALENDAR,
      sendMail: async ({ host, port, secure, from, to, subject, text }) => {
        await mailer.send({ host, port, secure, from }, { to, subject, text });
      },
    };
    const runOn = async (day: string) => (await runDailyJob(ports, { day: day as LocalDate })).find((s) => s.agency === a.slug);
    const mailsOf = (caseCode: string) =>
      sink.messages.filter((m) => m.subject.includes(caseCode) && m.to.some((to) => to === heMail || to === `${a.slug}@example.gov.cn`));
    const recipients = (caseCode: string) => mailsOf(caseCode).map((m) => `${m.subject.split('】')[0]}】→${m.to.join(',')}`);

    assert.equal((await runOn('2025-09-24'))?.reminders.sent, 3);
    assert.deepEqual((await runOn('2025-09-24'))?.reminders, { due: 3, sent: 0, alreadySent: 3, failed: 0, notConfigured: 0 });
    // Missed days: the run of 10 October sends each case's overdue mail once; the next run nothing.
    assert.equal((await runOn('2025-10-10'))?.reminders.sent, 3);
    assert.equal((await runOn('2025-10-13'))?.reminders.sent, 0);
    assert.deepEqual(recipients(withMail.caseCode), [`【即将到期】→${heMail}`, `【已逾期】→${heMail}`]);
    for (const fallback of [withoutMail, unassigned]) {
      assert.deepEqual(recipients(fallback.caseCode), [`【即将到期】→${a.slug}@example.gov.cn`, `【已逾期】→${a.slug}@example.gov.cn`]);
    }
  });
});
