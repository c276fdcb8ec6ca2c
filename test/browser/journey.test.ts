// The whole journey of one application in a real browser (issue #8), on the real `gongkai serve`
// (embedded database): a member of the public finds the agency, applies online, keeps the receipt
// and looks the case up; staff ask for 补正, receive it, extend the time limit and reply 部分公开;
// the applicant sees the outcome; the reply letter downloads; the compiled annual report counts
// the case under 部分公开. Screenshots of each step go to test-artifacts/screenshots/journey-*.png.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { runCli } from '../http/server-process.ts';
import { browserSkipReason, newContext, type PortalServer, screenshot, startServerAndBrowser } from './browser-harness.ts';

/** Today in Beijing: the server dates the receipt so, and events cannot lie in the future. */
const today = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

describe('one application from the public form to the annual report, in chromium', { skip: browserSkipReason(), timeout: 600_000 }, () => {
  let server: PortalServer;
  let browser: Browser;
  let publicContext: BrowserContext;
  let applicant: Page;
  let caseCode = '';
  let verificationCode = '';

  before(async () => {
    [server, browser] = await startServerAndBrowser({ staff: true });
    publicContext = await newContext(browser);
    applicant = await publicContext.newPage();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('a member of the public finds the agency, applies online and gets the receipt with 案件编号 and 验证码', async () => {
    await applicant.goto(`${server.url}/`);
    await applicant.getByRole('link', { name: server.agencyName }).click();
    await applicant.waitForURL(`${server.url}/${server.slug}/`);
    await applicant.getByRole('link', { name: '在线提交政府信息公开申请' }).click();
    await applicant.waitForURL(`${server.url}/${server.slug}/apply`);

    await applicant.getByLabel('申请人类型').selectOption({ label: '自然人' });
    await applicant.getByLabel('申请人姓名或名称').fill('李四');
    await applicant.getByLabel('证件类型').selectOption({ label: '居民身份证' });
    await applicant.getByLabel('证件号码').fill('11010519491231002X');
    await applicant.getByLabel('联系电话').fill('13800138000');
    await applicant.getByLabel('电子邮箱').fill('lisi@example.org');
    await applicant.getByLabel('所需政府信息的内容描述').fill('请公开本局2025年度中小学校舍安全检查报告');
    await applicant.getByRole('radio', { name: '电子邮件' }).check();
    await screenshot(applicant, 'journey-1-apply-filled');
    await Promise.all([applicant.waitForURL(/\/receipt\?/u), applicant.getByRole('button', { name: '提交申请' }).click()]);

    const codes = applicant.locator('dl.codes');
    caseCode = ((await codes.locator('dt:text-is("案件编号") + dd').textContent()) ?? '').trim();
    verificationCode = ((await codes.locator('dt:text-is("验证码") + dd').textContent()) ?? '').trim();
    assert.match(caseCode, /^GK\d{4}-\d+$/u);
    assert.match(verificationCode, /^[A-Z0-9]{10}$/u);
    assert.equal((await codes.locator('dt:text-is("收到申请日期") + dd').textContent())?.trim(), today());
    await screenshot(applicant, 'journey-2-receipt');

    await applicant.getByRole('link', { name: '查询办理状态' }).click();
    await applicant.waitForURL(/\/status\?/u);
    const status = applicant.getByRole('status');
    assert.match((await status.textContent()) ?? '', new RegExp(`案件编号${caseCode}`, 'u'));
    assert.doesNotMatch((await status.textContent()) ?? '', /办理结果/u);
    await screenshot(applicant, 'journey-3-status-received');
  });

  test('staff ask for 补正, receive it, extend the time limit and reply 部分公开 (staff API, bearer token)', async () => {
    assert.notEqual(caseCode, '', 'the application was made');
    const date = today();
    const events = [
      { type: 'correction_requested', date },
      { type: 'correction_received', date },
      { type: 'extension_approved', date, workingDays: 15, reason: '需要调取多所学校的检查材料' },
      { type: 'replied', date, outcome: 'outcome.partial' },
    ];
    let last: { state?: string; outcome?: string | null; events?: { type: string }[] } = {};
    for (const event of events) {
      const response = await fetch(`${server.url}/api/cases/${caseCode}/events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(event),
      });
      assert.equal(response.status, 201, `${event.type}: ${await response.clone().text()}`);
      last = (await response.json()) as typeof last;
    }
    assert.equal(last.outcome, 'outcome.partial');
    assert.deepEqual(
      last.events?.map((event) => event.type),
      ['received', 'correction_requested', 'correction_received', 'extension_approved', 'replied'],
    );
  });

  test('the applicant looks the case up again and sees it closed as 部分公开', async () => {
    await applicant.goto(`${server.url}/status`);
    await applicant.getByLabel('案件编号').fill(caseCode);
    await applicant.getByLabel('验证码').fill(verificationCode);
    await Promise.all([applicant.waitForURL(/\/status\?/u), applicant.getByRole('button', { name: '查询' }).click()]);
    const rows = Object.fromEntries(
      await applicant
        .getByRole('status')
        .locator('tr')
        .evaluateAll((trs) => trs.map((tr) => [tr.children[0]?.textContent ?? '', tr.children[1]?.textContent ?? ''])),
    ) as Record<string, string>;
    assert.equal(rows['案件编号'], caseCode);
    assert.equal(rows['办理结果'], '部分公开');
    assert.equal(rows['办结日期'], today());
    await screenshot(applicant, 'journey-4-status-closed');
  });

  test('the reply letter (部分公开告知书) is produced with its 文号', async () => {
    const letter = await runCli(['letter', 'show', caseCode, '--agency', server.slug], server.env);
    assert.equal(letter.code, 0, letter.stderr);
    assert.match(letter.stdout, /政府信息部分公开告知书/u);
    assert.match(letter.stdout, /〔\d{4}〕第\d+号/u);
  });

  test('the compiled annual report counts the case under 部分公开 for a natural person', async () => {
    const year = today().slice(0, 4);
    const compiled = await runCli(['report', 'compile', '--agency', server.slug, '--year', year, '--json'], server.env);
    // Exit 1 when error-level findings remain (table 二 is blank: nobody entered it); the tally is there either way.
    assert.ok(compiled.code === 0 || compiled.code === 1, compiled.stderr);
    const report = JSON.parse(compiled.stdout) as { cells: { id: string; value: number | null }[] };
    const cell = (id: string) => report.cells.find((candidate) => candidate.id === id)?.value;
    assert.equal(cell('received.natural_person'), 1);
    assert.equal(cell('outcome.partial.natural_person'), 1);
    assert.equal(cell('outcome.partial.total'), 1);
    assert.equal(cell('outcome.disclosed.total'), 0);
  });
});
