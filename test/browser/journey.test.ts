// The whole journey of one application in a real browser (issue #8), on the real `gongkai serve`
// (embedded database): a member of the public finds the agency, applies online, keeps the receipt
// and looks the case up; an officer signs in to the console and asks for 补正, receives it, extends
// the time limit and replies 部分公开; the applicant sees the outcome; the letter is previewed and
// downloaded as DOCX; the compiled annual report counts the case under 部分公开; the report goes
// submitted → approved → published (officer, reviewer, administrator) and the public sees it on the
// portal's /{slug}/reports/{year} with the case counted. Screenshots of each step go to
// test-artifacts/screenshots/journey-*.png. The same steps over HTTP, without a browser: test/web/journey.db.test.ts.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import {
  assertNoAxeViolations,
  browserSkipReason,
  newContext,
  type PortalServer,
  STAFF_PASSWORD,
  screenshot,
  screenshotPath,
  startServerAndBrowser,
} from './browser-harness.ts';

/** Today in Beijing: the server dates the receipt so, and events cannot lie in the future. */
const today = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

describe('one application from the public form to the annual report, in chromium', { skip: browserSkipReason(), timeout: 600_000 }, () => {
  let server: PortalServer;
  let browser: Browser;
  let publicContext: BrowserContext;
  let applicant: Page;
  let staffContext: BrowserContext;
  let officer: Page;
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

  test('an officer signs in to the console, finds the case in the queue, asks for 补正, receives it, extends the time limit and replies 部分公开', async () => {
    assert.notEqual(caseCode, '', 'the application was made');
    staffContext = await newContext(browser);
    officer = await staffContext.newPage();
    await officer.goto(`${server.url}/console/`);
    await officer.waitForURL(/\/console\/login/u);
    await officer.getByLabel('用户名').fill(server.officer);
    await officer.getByLabel('密码').fill(STAFF_PASSWORD);
    await assertNoAxeViolations(officer, 'console sign-in');
    await screenshot(officer, 'journey-5-console-login');
    await Promise.all([
      officer.waitForURL((url) => !url.pathname.startsWith('/console/login')),
      officer.getByRole('button', { name: '登录' }).click(),
    ]);

    await officer.goto(`${server.url}/console/cases`);
    await assertNoAxeViolations(officer, 'console case queue');
    await Promise.all([
      officer.waitForURL(`${server.url}/console/cases/${caseCode}`),
      officer.getByRole('link', { name: caseCode }).click(),
    ]);
    await assertNoAxeViolations(officer, 'console case page (received)');
    await screenshot(officer, 'journey-6-console-case-received');

    /** Fills one event form (the date is today by default) and submits it; the page comes back saying so. */
    const record = async (type: string, fill: (form: Locator) => Promise<void> = async () => {}) => {
      const form = officer.locator(`form#e-${type}`);
      assert.equal(await form.count(), 1, `the case offers “${type}” now`);
      await fill(form);
      await Promise.all([officer.waitForURL(new RegExp(`recorded=${type}`, 'u')), form.getByRole('button').click()]);
      assert.match((await officer.getByRole('status').first().textContent()) ?? '', /已登记/u);
    };
    await record('correction_requested');
    assert.equal(await officer.locator('form#e-replied').count(), 0, 'no reply while 补正 is pending');
    await record('correction_received');
    await record('extension_approved', async (form) => {
      await form.locator('[name="workingDays"]').fill('15');
      await form.locator('[name="reason"]').fill('需要调取多所学校的检查材料');
    });
    await record('replied', async (form) => {
      await form.locator('[name="outcome"]').selectOption('outcome.partial');
    });

    const timeline = await officer.locator('table.timeline tbody th[scope="row"]').allTextContents();
    assert.equal(timeline.length, 5, timeline.join(', '));
    assert.match((await officer.locator('dl.facts').first().textContent()) ?? '', /部分公开/u);
    await assertNoAxeViolations(officer, 'console case page (replied)');
    await screenshot(officer, 'journey-7-console-case-replied');
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
    await assertNoAxeViolations(applicant, 'status lookup of the closed case');
    await screenshot(applicant, 'journey-4-status-closed');
  });

  test('the officer previews the reply letter (部分公开告知书 with its 文号) and downloads it as DOCX', async () => {
    await officer.goto(`${server.url}/console/cases/${caseCode}`);
    await Promise.all([officer.waitForURL(/\/letter$/u), officer.getByRole('link', { name: '预览告知书' }).click()]);
    const preview = (await officer.locator('main').textContent()) ?? '';
    assert.match(preview, /政府信息部分公开告知书/u);
    const docNumber = /[^\s〔]*〔\d{4}〕第?\d+号/u.exec(preview)?.[0];
    assert.ok(docNumber, `a 文号 in the preview: ${preview.slice(0, 300)}`);
    await assertNoAxeViolations(officer, 'letter preview');
    await screenshot(officer, 'journey-8-letter-preview');

    await officer.goto(`${server.url}/console/cases/${caseCode}`);
    const [download] = await Promise.all([
      officer.waitForEvent('download'),
      officer.getByRole('link', { name: '下载告知书（DOCX）' }).click(),
    ]);
    const path = await screenshotPath(`journey-letter-${caseCode}`).then((png) => png.replace(/\.png$/u, '.docx'));
    await download.saveAs(path);
    const bytes = await readFile(path);
    assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'a DOCX (zip) file');
    const { default: mammoth } = await import('mammoth');
    const text = (await mammoth.extractRawText({ buffer: bytes })).value;
    assert.match(text, /政府信息部分公开告知书/u);
    assert.ok(text.includes(docNumber), `the DOCX carries the same 文号 ${docNumber}`);
    assert.ok(text.includes('李四'), 'addressed to the applicant');
  });

  test('the officer sees the case in the annual report compiled from the cases (表三: 部分公开, 自然人)', async () => {
    const year = today().slice(0, 4);
    // The index links the last two years; this year's report (the case was received today) is opened by year.
    await officer.goto(`${server.url}/console/reports`);
    const open = officer.locator('form.report-open');
    await open.getByLabel('年度').fill(year);
    await Promise.all([officer.waitForURL(`${server.url}/console/reports/${server.slug}/${year}`), open.getByRole('button').click()]);
    await assertNoAxeViolations(officer, 'console report overview');
    await officer.goto(`${server.url}/console/reports/${server.slug}/${year}/table3`);
    const cell = async (id: string) => ((await officer.locator(`td[data-cell="${id}"]`).textContent()) ?? '').trim().split(/\s/u)[0];
    assert.equal(await cell('received.natural_person'), '1');
    assert.equal(await cell('outcome.partial.natural_person'), '1');
    assert.equal(await cell('outcome.partial.total'), '1');
    assert.equal(await cell('outcome.disclosed.total'), '0');
    await assertNoAxeViolations(officer, 'console 表三');
    await screenshot(officer, 'journey-9-report-table3');
  });

  test('the report goes submitted → approved → published in the console, and the public sees it on the portal with the case counted', async () => {
    const year = today().slice(0, 4);
    const overview = `${server.url}/console/reports/${server.slug}/${year}`;
    /** Presses a workflow button on the report's overview; the page comes back saying it was done. */
    const act = async (page: Page, button: string, action: string) => {
      await page.goto(overview);
      await Promise.all([page.waitForURL(`${overview}?done=${action}`), page.getByRole('button', { name: button, exact: true }).click()]);
      assert.match((await page.getByRole('status').first().textContent()) ?? '', new RegExp(`已${button}`, 'u'));
    };
    /** A second staff member in a browser of their own. */
    const signedIn = async (username: string): Promise<Page> => {
      const page = await (await newContext(browser)).newPage();
      await page.goto(`${server.url}/console/login`);
      await page.getByLabel('用户名').fill(username);
      await page.getByLabel('密码').fill(STAFF_PASSWORD);
      await Promise.all([
        page.waitForURL((url) => !url.pathname.startsWith('/console/login')),
        page.getByRole('button', { name: '登录' }).click(),
      ]);
      return page;
    };
    await act(officer, '提交审核', 'submit');
    const reviewer = await signedIn(server.reviewer);
    await act(reviewer, '审核通过', 'approve');
    const admin = await signedIn(server.admin);
    await act(admin, '发布', 'publish');
    await assertNoAxeViolations(admin, 'console report overview (published)');
    await screenshot(admin, 'journey-10-report-published');

    await applicant.goto(`${server.url}/${server.slug}/`);
    await applicant.getByRole('link', { name: '查看年度报告' }).click();
    await applicant.waitForURL(`${server.url}/${server.slug}/reports`);
    await Promise.all([
      applicant.waitForURL(`${server.url}/${server.slug}/reports/${year}`),
      applicant.getByRole('link', { name: `${year}年政府信息公开工作年度报告` }).click(),
    ]);
    const main = (await applicant.locator('main').textContent()) ?? '';
    assert.doesNotMatch(main, /尚未发布/u);
    assert.match(main, /本报告于\d{4}年\d{1,2}月\d{1,2}日发布。/u);
    const cell = async (id: string) => ((await applicant.locator(`[data-cell="${id}"]`).first().textContent()) ?? '').trim();
    assert.equal(await cell('received.natural_person'), '1');
    assert.equal(await cell('outcome.partial.natural_person'), '1');
    assert.equal(await cell('outcome.partial.total'), '1');
    await assertNoAxeViolations(applicant, 'portal annual report (published)');
    await screenshot(applicant, 'journey-11-portal-report');
  });
});
