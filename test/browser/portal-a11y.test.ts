// Accessibility of the public portal in a real browser (issue #8; WCAG 2.1 AA, GB/T 37668): axe-core
// finds zero violations on every public page, the pages reflow on a phone, at 200% zoom and at
// 320 CSS px without horizontal scrolling, the application form can be filled in and submitted with
// the keyboard alone, and focus is always visible. Screenshots of each page go to
// test-artifacts/screenshots/. One `gongkai serve` (embedded database) and one chromium for the file.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { DISCLOSURE_COLUMNS } from '#web/portal/agency-home.page.ts';
import { runCli } from '../http/server-process.ts';
import {
  assertNoAxeViolations,
  axeViolations,
  browserSkipReason,
  focusedElement,
  horizontalOverflow,
  newContext,
  type PortalServer,
  screenshot,
  screenshotPath,
  startServerAndBrowser,
  VIEWPORTS,
} from './browser-harness.ts';

/** A valid application as a member of the public types it (a resident ID with a correct check digit). */
const APPLICANT = {
  name: '张三',
  idNumber: '11010519491231002X',
  phone: '010-12345678',
  email: 'zhang@example.org',
  description: '请公开本机关2025年度部门预算及其编制说明',
};

/** Submits the apply form through the API of the public (no browser), for pages that need an existing case. */
async function submitThroughApi(server: PortalServer): Promise<{ caseCode: string; verificationCode: string }> {
  const response = await fetch(`${server.url}/api/agencies/${server.slug}/applications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      applicant: {
        type: 'natural_person',
        name: APPLICANT.name,
        idType: 'resident_id',
        idNumber: APPLICANT.idNumber,
        email: APPLICANT.email,
      },
      description: APPLICANT.description,
      delivery: 'email',
    }),
  });
  assert.equal(response.status, 201, await response.clone().text());
  return (await response.json()) as { caseCode: string; verificationCode: string };
}

describe('public portal accessibility in chromium', { skip: browserSkipReason(), timeout: 600_000 }, () => {
  let server: PortalServer;
  let browser: Browser;
  let existing: { caseCode: string; verificationCode: string };
  /** Every public page: [screenshot name, path, expected HTTP status]. */
  let pages: [string, string, number][];

  before(async () => {
    [server, browser] = await startServerAndBrowser();
    existing = await submitThroughApi(server);
    // Last year's cases, so the year's 年度报告 page (compiled, 尚未发布) exists on this server.
    const lastYear = Number(new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 4)) - 1;
    const casesFile = join(server.dataDir, 'last-year.jsonl');
    await writeFile(
      casesFile,
      ['natural_person', 'commercial_enterprise']
        .map((applicantType, i) =>
          JSON.stringify({
            externalId: `A11Y-${i}`,
            channel: 'online',
            received: `${lastYear}-03-0${i + 3}`,
            applicantType,
            events: [{ type: 'replied', date: `${lastYear}-03-2${i}`, outcome: 'outcome.disclosed' }],
            outcome: 'outcome.disclosed',
          }),
        )
        .join('\n'),
    );
    const imported = await runCli(['case', 'import', casesFile, '--agency', server.slug], server.env);
    assert.equal(imported.code, 0, imported.stderr);
    const lookup = new URLSearchParams({ code: existing.caseCode, v: existing.verificationCode }).toString();
    pages = [
      ['home', '/', 200],
      ['agency-home', `/${server.slug}/`, 200],
      ['apply', `/${server.slug}/apply`, 200],
      ['receipt', `/${server.slug}/receipt?${lookup}`, 200],
      ['status-form', '/status', 200],
      ['status-found', `/status?${lookup}`, 200],
      ['status-not-found', `/status?code=${existing.caseCode}&v=WRONGCODE22`, 404],
      ['status-missing-fields', '/status?code=&v=', 422],
      ['not-found', '/no-such-page/at-all', 404],
      ['reports', `/${server.slug}/reports`, 200],
      ['report-year', `/${server.slug}/reports/${lastYear}`, 200],
    ];
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the checks can fail: axe sees an unlabelled field, an image without alt text and faint text; a too-wide page overflows', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.setContent(
      '<!DOCTYPE html><html lang="zh-CN"><head><title>反例</title></head><body><main><h1>反例</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><input type="text"><p style="color:#bbb">浅色文字</p></main></body></html>',
    );
    const ids = (await axeViolations(page)).map((violation) => violation.id).sort();
    assert.deepEqual(ids, ['color-contrast', 'image-alt', 'label']);
    await page.setContent(`<!DOCTYPE html><html lang="zh-CN"><body><pre>${'一行很长的文字不会换行'.repeat(20)}</pre></body></html>`);
    assert.ok((await horizontalOverflow(page)) > 0, 'a page wider than the window is seen to scroll sideways');
    await context.close();
  });

  test('axe-core finds no violation on any public page (desktop), each page screenshotted', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    for (const [name, path, status] of pages) {
      const response = await page.goto(`${server.url}${path}`);
      assert.equal(response?.status(), status, path);
      assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN', path);
      await assertNoAxeViolations(page, path);
      await screenshot(page, `desktop-${name}`);
    }
    await context.close();
  });

  test('the apply form with validation errors showing: no violation, errors tied to their fields, values kept', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${server.url}/${server.slug}/apply`);
    await page.getByLabel('姓名').fill(APPLICANT.name);
    await page.getByRole('button', { name: /提交/u }).click();
    await page.waitForLoadState();
    assert.match((await page.title()) ?? '', /申请/u);
    const invalid = page.locator('[aria-invalid="true"]');
    assert.ok((await invalid.count()) >= 2, 'the empty required fields are marked invalid');
    for (const field of await invalid.all()) {
      const describedBy = await field.getAttribute('aria-describedby');
      assert.ok(describedBy, `${await field.getAttribute('name')} names its error message`);
      const message = await page.locator(`[id="${describedBy.split(' ')[0]}"]`).textContent();
      assert.match(message ?? '', /请/u);
    }
    assert.equal(await page.getByLabel('姓名').inputValue(), APPLICANT.name);
    await assertNoAxeViolations(page, 'apply form with errors');
    await screenshot(page, 'desktop-apply-errors');
    await context.close();
  });

  test('each 政府信息公开 column is reached from its link and says plainly when it has no content yet', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${server.url}/${server.slug}/`);
    for (const column of DISCLOSURE_COLUMNS) {
      const section = page.locator(`section#${column.id}`);
      assert.equal(await section.getByRole('heading', { level: 2 }).textContent(), column.title);
      await page.goto(`${server.url}/${server.slug}/#${column.id}`);
      assert.ok(await section.isVisible(), `${column.title} is shown`);
      const text = (await section.textContent()) ?? '';
      assert.ok(
        column.id === 'on-request' ? /在线提交政府信息公开申请/u.test(text) : /暂无|年度报告/u.test(text),
        `${column.title}: ${text}`,
      );
      await section.screenshot({ path: await screenshotPath(`column-${column.id}`) });
    }
    await context.close();
  });

  for (const [viewportName, options] of Object.entries(VIEWPORTS)) {
    test(`no horizontal scrolling at ${viewportName} (${options.viewport?.width} CSS px)`, async () => {
      const context = await newContext(browser, options);
      const page = await context.newPage();
      for (const [name, path] of pages) {
        await page.goto(`${server.url}${path}`);
        assert.equal(await horizontalOverflow(page), 0, `${path} scrolls sideways at ${viewportName}`);
        if (viewportName !== 'desktop' && ['home', 'agency-home', 'apply', 'receipt', 'status-found'].includes(name)) {
          await screenshot(page, `${viewportName}-${name}`);
        }
      }
      if (viewportName !== 'desktop') {
        // Contrast and names do not change with the width; the form's layout does: checked once more here.
        await page.goto(`${server.url}/${server.slug}/apply`);
        await assertNoAxeViolations(page, `apply form at ${viewportName}`);
      }
      await context.close();
    });
  }

  test('keyboard only: from the skip link through every field to the submit button, focus always visible, the receipt follows', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${server.url}/${server.slug}/apply`);
    const focused = () => focusedElement(page);

    await page.keyboard.press('Tab');
    const skip = await focused();
    assert.equal(skip?.text, '跳到主要内容', 'the first Tab reaches the skip link');
    assert.ok(skip?.outline && skip.visible, 'the skip link shows with a visible focus outline');
    await page.keyboard.press('Enter');
    assert.equal((await focused())?.id, 'main', 'Enter on the skip link moves focus to the main content');

    // Tab through the form, typing into each field as a keyboard user would; every stop shows its focus.
    const typed: Record<string, string> = {
      'applicant.name': APPLICANT.name,
      'applicant.idNumber': APPLICANT.idNumber,
      'applicant.phone': APPLICANT.phone,
      'applicant.email': APPLICANT.email,
      description: APPLICANT.description,
    };
    const seen: string[] = [];
    let submitted = false;
    for (let stop = 0; stop < 60 && !submitted; stop += 1) {
      await page.keyboard.press('Tab');
      const at = await focused();
      assert.ok(at, `Tab stop ${stop} focuses an element`);
      assert.ok(at.outline, `focus on <${at.tag} name=${at.name}> is visible (outline ≥ 2px)`);
      seen.push(at.name ?? at.tag);
      if (at.name !== null && typed[at.name] !== undefined) {
        await page.keyboard.type(typed[at.name] as string);
      } else if (at.tag === 'select') {
        // A closed select: ArrowDown picks the option after “请选择” (自然人 / 居民身份证).
        await page.keyboard.press('ArrowDown');
      } else if (at.tag === 'input' && at.type === 'radio' && at.name === 'delivery') {
        // Tab enters the radio group on its first option; ArrowDown moves to and checks 电子邮件.
        await page.keyboard.press('ArrowDown');
      } else if (at.tag === 'button') {
        await Promise.all([page.waitForURL(/\/receipt\?/u), page.keyboard.press('Enter')]);
        submitted = true;
      }
    }
    assert.ok(submitted, `the submit button is reached by Tab (stops: ${seen.join(', ')})`);
    const codes = await page.locator('dl.codes').textContent();
    assert.match(codes ?? '', /案件编号/u);
    assert.match(codes ?? '', /验证码/u);
    await screenshot(page, 'keyboard-receipt');
    await context.close();
  });
});
