// Reply letters and the daily job on a real database (both engines) and a real SMTP sink: the 文号
// of a reply, letters refused without changing anything, templates per agency, reminders that a rerun
// or a run after missed days never sends twice, failed sends retried, the year-end carry-over.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createDailyJobStore, createLetterPorts } from '#adapters/db/letter-ports.ts';
import { listReminderLog } from '#adapters/db/reminder-store.ts';
import { createSmtpMailer } from '#adapters/mail/smtp-mailer.ts';
import { createApplication } from '#app/cases/create-application.ts';
import { importCases } from '#app/cases/import-cases.ts';
import { recordCaseEvent } from '#app/cases/record-case-event.ts';
import { listLetterTemplates, setLetterTemplate } from '#app/manage-letter-templates.ts';
import { renderCaseLetter } from '#app/render-case-letter.ts';
import { type DailyJobPorts, runDailyJob } from '#app/run-daily-job.ts';
import { setLetterSetting, showLetterSettings } from '#app/set-letter-setting.ts';
import { type LocalDate, localDate } from '#core/calendar/local-date.ts';
import { SHIPPED_CALENDAR } from '#core/calendar/shipped-calendar.ts';
import { isDomainError } from '#core/shared/domain-error.ts';
import { forEachEngine } from '#test/db-harness.ts';
import { type SmtpSink, startSmtpSink } from '#test/smtp-sink.ts';
import { addAgency, depsOn, VALID_PERSON } from '../cases/case-fixtures.ts';

let sink: SmtpSink;
const mailer = createSmtpMailer({ timeoutMs: 5000 });
before(async () => {
  sink = await startSmtpSink();
});
after(async () => {
  mailer.close();
  await sink.close();
});

forEachEngine('reply letters and the daily job', ({ database }) => {
  const setSettings = async (agencyId: number, values: Record<string, string>) => {
    const { pool } = await database();
    for (const [key, value] of Object.entries(values)) {
      await pool.query('insert into agency_settings (agency_id, key, value) values ($1, $2, $3)', [agencyId, key, value]);
    }
  };
  const letterSettings = {
    'letter.doc-number-prefix': '某民信公开',
    'letter.review-organ': '某市人民政府',
    'letter.court': '某市某区人民法院',
  };
  const newCase = async (slug: string, received: string, now: Date) => {
    const { db } = await database();
    return createApplication(depsOn(db, now), {
      agencySlug: slug,
      applicant: VALID_PERSON,
      description: '2025年某社区养老服务补贴发放名单',
      delivery: 'email',
      channel: 'in_person',
      received,
      actor: 'officer',
    });
  };
  const reply = async (caseCode: string, on: string, outcome: string, now: Date) => {
    const { db } = await database();
    return recordCaseEvent(depsOn(db, now), { caseCode, event: { type: 'replied', date: on, outcome }, actor: 'officer' });
  };
  const at = (date: string) => new Date(`${date}T02:00:00Z`);

  test('recording a reply draws the next 文号 in its transaction; the letter carries it, reprints keep it', async () => {
    const { db, pool } = await database();
    const agency = await addAgency(pool, '某市民政局');
    await setSettings(agency.id, letterSettings);
    const created = await newCase(agency.slug, '2025-09-01', at('2025-09-01'));
    const replied = await reply(created.caseCode, '2025-09-19', 'outcome.withheld.third_party', at('2025-09-19'));
    assert.equal(replied.docNumber, '某民信公开〔2025〕第1号');
    const ports = createLetterPorts(db);
    const first = await renderCaseLetter(ports, { caseCode: created.caseCode, actor: 'officer' });
    assert.equal(first.docNumber, '某民信公开〔2025〕第1号');
    assert.equal(first.newlyIssued, false);
    assert.equal(first.letter.title, '政府信息不予公开告知书');
    assert.equal(first.letter.addressee, '张三：');
    const text = first.letter.paragraphs.join('\n');
    assert.match(text, /2025年9月1日收到您（单位）提出的政府信息公开申请/);
    assert.match(text, /“2025年某社区养老服务补贴发放名单”/);
    assert.match(text, /第十五条/);
    assert.match(text, /应当自收到本答复之日起60日内先向某市人民政府申请行政复议/);
    assert.deepEqual(first.letter.signature, { agencyName: '某市民政局', date: '2025年9月19日' });
    const again = await renderCaseLetter(ports, { agency: agency.slug, caseCode: created.caseCode, actor: 'officer' });
    assert.equal(again.docNumber, first.docNumber);
    assert.equal(again.newlyIssued, false);
    const second = await newCase(agency.slug, '2025-09-02', at('2025-09-02'));
    await reply(second.caseCode, '2025-09-22', 'outcome.disclosed', at('2025-09-22'));
    assert.equal((await renderCaseLetter(ports, { caseCode: second.caseCode, actor: 'officer' })).docNumber, '某民信公开〔2025〕第2号');
    // A refused reply (an event the case rules reject) draws no number: the next reply gets 第3号.
    await assert.rejects(reply(second.caseCode, '2025-09-23', 'outcome.disclosed', at('2025-09-23')), (error) =>
      isDomainError(error, 'INVALID_TRANSITION'),
    );
    const third = await newCase(agency.slug, '2025-09-03', at('2025-09-03'));
    assert.equal((await reply(third.caseCode, '2025-09-24', 'outcome.partial', at('2025-09-24'))).docNumber, '某民信公开〔2025〕第3号');
  });

  test('an imported replied case gets its 文号 with its first letter, once', async () => {
    const { db, pool } = await database();
    const agency = await addAgency(pool, '某市交通局');
    await setSettings(agency.id, letterSettings);
    const line = JSON.stringify({
      externalId: 'OLD-1',
      channel: 'online',
      received: '2025-03-03',
      applicantType: 'natural_person',
      events: [{ type: 'replied', date: '2025-03-20', outcome: 'outcome.unavailable.not_held' }],
      outcome: 'outcome.unavailable.not_held',
    });
    const imported = await importCases(depsOn(db), { agencySlug: agency.slug, text: line, actor: 'import' });
    const caseCode = imported.lines[0]?.caseCode ?? '';
    const ports = createLetterPorts(db);
    // An imported case has no applicant on record: the letter says what is missing.
    await assert.rejects(
      renderCaseLetter(ports, { caseCode, actor: 'officer' }),
      (error) => isDomainError(error, 'INVALID_INPUT') && /申请人姓名/.test(error.message),
    );
    await pool.query(
      `update cases set applicant = '{"name": "某某律师事务所"}'::jsonb, description = '某路段改造批复' where case_code = $1`,
      [caseCode],
    );
    const first = await renderCaseLetter(ports, { caseCode, actor: 'officer' });
    assert.deepEqual([first.docNumber, first.newlyIssued], ['某民信公开〔2025〕第1号', true]);
    assert.equal((await renderCaseLetter(ports, { caseCode, actor: 'officer' })).newlyIssued, false);
    assert.match(first.letter.paragraphs.join(''), /该政府信息不存在/);
  });

  test('a letter that cannot be made is refused in Chinese and spends no 文号', async () => {
    const { db, pool } = await database();
    const agency = await addAgency(pool, '某区教育局');
    const ports = createLetterPorts(db);
    const open = await newCase(agency.slug, '2025-09-01', at('2025-09-01'));
    await assert.rejects(renderCaseLetter(ports, { caseCode: open.caseCode, actor: 'officer' }), (error) => {
      assert.ok(isDomainError(error, 'INVALID_TRANSITION'));
      assert.match(error.message, /尚未答复/);
      return true;
    });
    await reply(open.caseCode, '2025-09-10', 'outcome.disclosed', at('2025-09-10'));
    await assert.rejects(renderCaseLetter(ports, { caseCode: open.caseCode, actor: 'officer' }), (error) => {
      assert.ok(isDomainError(error, 'INVALID_INPUT'));
      assert.match(error.message, /行政复议机关/);
      assert.ok('letter.review-organ' in (error.details.fields ?? {}));
      return true;
    });
    await assert.rejects(renderCaseLetter(ports, { caseCode: 'GK-NONE', actor: 'officer' }), (error) => isDomainError(error, 'NOT_FOUND'));
    const letters = await pool.query('select doc_number from reply_letters where agency_id = $1', [agency.id]);
    assert.deepEqual(
      letters.rows.map((r) => r.doc_number),
      ['〔2025〕第1号'],
      'the reply drew 第1号 (no prefix set); the refused letters drew nothing',
    );
    await setSettings(agency.id, { 'letter.review-organ': '某区人民政府', 'letter.court': '某区人民法院' });
    const made = await renderCaseLetter(ports, { caseCode: open.caseCode, actor: 'officer' });
    assert.equal(made.docNumber, '〔2025〕第1号');
  });

  test('an agency template replaces the default of its family; a bad template is refused and not stored', async () => {
    const { db, pool } = await database();
    const agency = await addAgency(pool, '某县财政局');
    await setSettings(agency.id, letterSettings);
    const ports = createLetterPorts(db);
    await assert.rejects(
      setLetterTemplate(ports, { agency: agency.slug, family: 'disclosed', body: '{{applicantNmae}}\n{{remedyNotice}}', actor: 'admin' }),
      (error) => isDomainError(error, 'INVALID_INPUT') && /applicantNmae/.test(error.message),
    );
    await assert.rejects(
      setLetterTemplate(ports, { agency: agency.slug, family: 'disclosed', body: '没有救济途径告知', actor: 'admin' }),
      (error) => isDomainError(error, 'INVALID_INPUT') && /remedyNotice/.test(error.message),
    );
    await assert.rejects(
      setLetterTemplate(ports, { agency: agency.slug, family: 'granted', title: 'x', actor: 'admin' }),
      (error) => isDomainError(error, 'INVALID_INPUT') && /未知的告知书类别/.test(error.message),
    );
    assert.ok((await listLetterTemplates(ports, { agency: agency.slug })).every((t) => t.source === 'default'));
    await setLetterTemplate(ports, {
      agency: agency.slug,
      family: 'disclosed',
      title: '某县财政局政府信息公开答复书',
      body: '经审查，{{outcomeText}}\n{{details}}\n{{remedyNotice}}',
      actor: 'admin',
    });
    const created = await newCase(agency.slug, '2025-09-01', at('2025-09-01'));
    await reply(created.caseCode, '2025-09-05', 'outcome.disclosed', at('2025-09-05'));
    const letter = await renderCaseLetter(ports, { caseCode: created.caseCode, actor: 'officer' });
    assert.equal(letter.letter.title, '某县财政局政府信息公开答复书');
    assert.equal(letter.letter.paragraphs.length, 2);
  });

  test('daily job: due-soon and overdue mails once each, whatever the runs; failures retried; carry-over once', async () => {
    const { db, pool } = await database();
    const agency = await addAgency(pool, '某市卫健委');
    await setSettings(agency.id, {
      'mail.smtp-host': '127.0.0.1',
      'mail.smtp-port': String(sink.port),
      'mail.from': '政务公开办 <gongkai@example.gov.cn>',
      'mail.reminders-to': `${agency.slug}@example.gov.cn`,
    });
    // Received Monday 2025-09-01: the 20th working day after it is Sunday 2025-09-28 (调休上班).
    const created = await newCase(agency.slug, '2025-09-01', at('2025-09-01'));
    assert.equal(created.due, '2025-09-28');
    const carried = await newCase(agency.slug, '2024-12-30', at('2024-12-30'));
    const ports: DailyJobPorts = {
      ...createDailyJobStore(db),
      loadCalendar: async () => SHIPPED_CALENDAR,
      sendMail: async ({ host, port, secure, from, to, subject, text }) => {
        await mailer.send({ host, port, secure, from }, { to, subject, text });
      },
    };
    // The sink serves both engines, whose case codes coincide: mails are told apart by the agency's mailbox.
    const mine = () => sink.messages.filter((m) => m.subject.includes(created.caseCode) && m.to.includes(`${agency.slug}@example.gov.cn`));
    const runOn = async (day: string) => (await runDailyJob(ports, { day: day as LocalDate })).find((s) => s.agency === agency.slug);

    // The case carried over from 2024 is long overdue: its one overdue mail goes with the first run.
    const start = await runOn('2025-09-22');
    assert.deepEqual([start?.reminders.sent, mine().length], [1, 0]);
    const first = await runOn('2025-09-24');
    assert.equal(first?.reminders.sent, 1);
    assert.equal(mine().length, 1);
    assert.match(mine()[0]?.subject ?? '', /即将到期/);
    assert.deepEqual(mine()[0]?.to, [`${agency.slug}@example.gov.cn`]);
    assert.doesNotMatch(mine()[0]?.text ?? '', /张三|11010519491231002X/, 'no personal data in mail');
    // The same day again, and the next days of the window: nothing new.
    assert.deepEqual((await runOn('2025-09-24'))?.reminders, { due: 2, sent: 0, alreadySent: 2, failed: 0, notConfigured: 0 });
    assert.equal((await runOn('2025-09-24'))?.run, 3);
    await runOn('2025-09-25');
    assert.equal(mine().length, 1);
    // Missed days: the next run after the due date sends one overdue mail, and no more on later days.
    sink.refuseNext(1);
    const failed = await runOn('2025-10-10');
    assert.equal(failed?.reminders.failed, 1);
    assert.match(failed?.notes.join('') ?? '', /下次运行时重试/);
    assert.equal(mine().length, 1);
    const retried = await runOn('2025-10-11');
    assert.equal(retried?.reminders.sent, 1);
    await runOn('2025-10-13');
    assert.deepEqual(
      mine().map((m) => m.subject.split('】')[0]),
      ['【即将到期', '【已逾期'],
    );
    const log = await listReminderLog(db, agency.id);
    const overdue = log.find((r) => r.caseCode === created.caseCode && r.kind === 'overdue');
    assert.deepEqual([overdue?.status, overdue?.attempts, overdue?.day], ['sent', 2, '2025-09-28']);
    // The case received 2024-12-30 and still open is carried over from 2024, recorded once.
    assert.deepEqual((await runOn('2025-10-13'))?.carryOver, { fromYear: 2024, open: 1, recordedNow: 0 });
    const carry = await pool.query('select case_code from case_carry_overs where agency_id = $1', [agency.id]);
    assert.deepEqual(
      carry.rows.map((r) => r.case_code),
      [carried.caseCode],
    );
  });

  test('letter settings: checked before stored, per agency over the instance default, with history', async () => {
    const { db, pool } = await database();
    const agency = await addAgency(pool, '某区司法局');
    const ports = createLetterPorts(db);
    await assert.rejects(
      setLetterSetting(ports, { agency: agency.slug, key: 'letter.reviewer', value: 'x', actor: 'admin' }),
      (error) => isDomainError(error, 'INVALID_INPUT') && /未知设置/.test(error.message),
    );
    await assert.rejects(
      setLetterSetting(ports, { agency: agency.slug, key: 'mail.smtp-port', value: '99999', actor: 'admin' }),
      (error) => isDomainError(error, 'INVALID_INPUT') && /1 至 65535/.test(error.message),
    );
    await assert.rejects(setLetterSetting(ports, { agency: 'no-such', key: 'letter.court', value: 'x', actor: 'admin' }), (error) =>
      isDomainError(error, 'NOT_FOUND'),
    );
    const stored = await pool.query('select count(*)::int as n from agency_settings where agency_id = $1', [agency.id]);
    assert.equal(stored.rows[0].n, 0, 'refused values change nothing');
    await setLetterSetting(ports, { key: 'letter.court', value: '某市中级人民法院', actor: 'admin' });
    const changed = await setLetterSetting(ports, {
      agency: agency.slug,
      key: 'letter.review-organ',
      value: '某区人民政府',
      actor: 'admin',
    });
    assert.deepEqual(changed, { key: 'letter.review-organ', from: null, to: '某区人民政府' });
    const view = await showLetterSettings(ports, { agency: agency.slug });
    const of = (key: string) => view.find((v) => v.key === key);
    assert.deepEqual([of('letter.review-organ')?.value, of('letter.review-organ')?.source], ['某区人民政府', 'agency']);
    assert.equal(of('letter.court')?.source, 'instance');
    assert.deepEqual([of('mail.smtp-port')?.value, of('mail.smtp-port')?.source], ['25', 'default']);
    const history = await pool.query(`select who, to_value from setting_changes where agency_id = $1 and key = 'letter.review-organ'`, [
      agency.id,
    ]);
    assert.deepEqual(history.rows, [{ who: 'admin', to_value: '某区人民政府' }]);
    await pool.query(`delete from instance_settings where key = 'letter.court'`);
  });

  test('daily job: without SMTP settings nothing is claimed, so reminders go out once configured', async () => {
    const { db, pool } = await database();
    const agency = await addAgency(pool, '某市审计局');
    const created = await newCase(agency.slug, '2025-09-01', at('2025-09-01'));
    const ports: DailyJobPorts = {
      ...createDailyJobStore(db),
      loadCalendar: async () => SHIPPED_CALENDAR,
      sendMail: async ({ host, port, secure, from, to, subject, text }) => {
        await mailer.send({ host, port, secure, from }, { to, subject, text });
      },
    };
    const day = localDate('2025-09-30');
    const before = (await runDailyJob(ports, { day })).find((s) => s.agency === agency.slug);
    assert.deepEqual(before?.reminders, { due: 1, sent: 0, alreadySent: 0, failed: 0, notConfigured: 1 });
    assert.match(before?.notes.join('') ?? '', /mail\.smtp-host/);
    assert.deepEqual(await listReminderLog(db, agency.id), []);
    await setSettings(agency.id, {
      'mail.smtp-host': '127.0.0.1',
      'mail.smtp-port': String(sink.port),
      'mail.from': 'gongkai@example.gov.cn',
      'mail.reminders-to': `${agency.slug}@example.gov.cn`,
    });
    const afterwards = (await runDailyJob(ports, { day })).find((s) => s.agency === agency.slug);
    assert.equal(afterwards?.reminders.sent, 1);
    assert.ok(sink.messages.some((m) => m.subject.includes(created.caseCode) && m.to.includes(`${agency.slug}@example.gov.cn`)));
  });
});
