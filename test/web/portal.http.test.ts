// The public portal through the app's fetch handler: every page, the application form's round trip
// (422 with messages beside the fields and the values kept; 303 to the receipt), CSRF refusals that
// write nothing, security headers and cookies. The case services here are an in-memory stand-in
// that records every write, so the web layer is tested on its own; the journey on the real use
// cases and both database engines is test/web/portal.db.test.ts (with the case tier).
import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';
import { Hono } from 'hono';
import type { ApplicationStatus, IntakeReceipt } from '#adapters/http/http-services.ts';
import { PAGE_CACHE_HEADER } from '#adapters/http/page-cache.ts';
import { DomainError } from '#core/shared/domain-error.ts';
import { portalRoutes } from '#web/portal/portal-routes.ts';
import type { PortalServices } from '#web/portal/portal-services.ts';
import { createWebApp } from '#web/web-app.ts';
import { type PortalClient, portalClient, VALID_FORM } from './portal-client.ts';

const AGENCIES = [
  { slug: 'demo', name: '示例市教育局' },
  { slug: 'city', name: '示例市人民政府' },
];

interface Written {
  agency: string;
  body: unknown;
  receipt: IntakeReceipt;
}

function memoryServices(written: Written[]): PortalServices {
  return {
    listAgencies: async () => AGENCIES,
    cases: {
      async createApplication({ agency, body }) {
        const receipt = {
          caseCode: `2026-${String(written.length + 1).padStart(4, '0')}`,
          verificationCode: `V${written.length}X9`,
          received: '2026-03-02',
          due: '2026-03-30',
        };
        written.push({ agency, body, receipt });
        return receipt;
      },
      async lookupApplicationStatus({ caseCode, verificationCode }): Promise<ApplicationStatus> {
        const found = written.find((w) => w.receipt.caseCode === caseCode && w.receipt.verificationCode === verificationCode);
        if (found === undefined) {
          throw new DomainError('NOT_FOUND', '未找到');
        }
        return {
          caseCode,
          state: 'received',
          stateLabel: '已收到',
          received: found.receipt.received,
          due: found.receipt.due,
          outcome: null,
        };
      },
    },
  };
}

describe('public portal (in-memory case services)', () => {
  let written: Written[];
  let logs: string[];
  let app: Hono;
  let browser: PortalClient;
  let services: PortalServices | undefined;

  beforeEach(() => {
    written = [];
    logs = [];
    services = memoryServices(written);
    app = new Hono();
    app.route('/', portalRoutes({ services: () => services, intakeRateLimit: 'off', log: (entry) => logs.push(JSON.stringify(entry)) }));
    browser = portalClient(app);
  });

  test('the instance home lists every agency, in Chinese, with landmarks and security headers', async () => {
    const response = await browser.get('/');
    assert.equal(response.status, 200);
    const page = await response.text();
    assert.match(page, /<html lang="zh-CN">/);
    for (const agency of AGENCIES) {
      assert.ok(page.includes(`<a href="/${agency.slug}/">${agency.name}</a>`), agency.slug);
    }
    for (const landmark of ['<header', '<nav', '<main id="main"', '<footer']) {
      assert.ok(page.includes(landmark), landmark);
    }
    const csp = response.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /form-action 'self'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
  });

  test('the one style sheet is served at a hashed path with a year-long cache', async () => {
    const page = await (await browser.get('/')).text();
    const href = /<link rel="stylesheet" href="([^"]+)">/.exec(page)?.[1];
    assert.match(href ?? '', /^\/assets\/portal-[0-9a-f]{8}\.css$/);
    const css = await browser.get(href ?? '');
    assert.equal(css.status, 200);
    assert.match(css.headers.get('content-type') ?? '', /^text\/css/);
    assert.match(css.headers.get('cache-control') ?? '', /max-age=31536000/);
    assert.match(await css.text(), /:focus-visible\{outline:3px/);
  });

  test('the agency home shows the seven 政府信息公开 columns; empty ones say so', async () => {
    const response = await browser.get('/demo/');
    assert.equal(response.status, 200);
    const page = await response.text();
    const columns = ['公开指南', '公开目录', '法定主动公开内容', '政策解读', '依申请公开', '年度报告', '政府信息公开制度'];
    for (const column of columns) {
      assert.match(page, new RegExp(`<h2 id="col-[a-z-]+">${column}</h2>`), column);
    }
    assert.equal(page.match(/本栏目暂无内容/g)?.length, 6);
    assert.ok(page.includes('href="/demo/apply"'));
    assert.equal((await browser.get('/demo')).headers.get('location'), '/demo/');
  });

  test('only the pages every visitor sees alike are offered to the page cache; forms, receipts and lookups never', async () => {
    const token = await browser.csrfToken('/demo/apply');
    await browser.post('/demo/apply', { ...VALID_FORM, _csrf: token });
    const { caseCode, verificationCode } = written[0]?.receipt ?? assert.fail();
    const shared = { '/': '/', '/demo/': '/:slug/' };
    for (const [path, route] of Object.entries(shared)) {
      assert.equal((await browser.get(path)).headers.get(PAGE_CACHE_HEADER), route, path);
    }
    for (const path of [
      '/demo/apply',
      '/status',
      `/status?code=${caseCode}&v=${verificationCode}`,
      `/demo/receipt?code=${caseCode}&v=${verificationCode}`,
      '/nowhere/',
    ]) {
      const response = await browser.get(path);
      assert.equal(response.headers.get(PAGE_CACHE_HEADER), null, path);
    }
  });

  test('an unknown agency or page answers a Chinese 404 page', async () => {
    for (const path of ['/nowhere/', '/nowhere/apply', '/demo/nothing/here']) {
      const response = await browser.get(path);
      assert.equal(response.status, 404, path);
      assert.match(await response.text(), /页面不存在/);
    }
  });

  test('the form names every contract field, labels each control, and sets an HttpOnly SameSite cookie', async () => {
    const response = await browser.get('/demo/apply');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('cache-control') ?? '', /no-store/);
    const cookie = response.headers.getSetCookie().find((line) => line.startsWith('gk_csrf='));
    assert.ok(cookie);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Strict/);
    const page = await response.text();
    for (const name of [
      'applicant.type',
      'applicant.name',
      'applicant.idType',
      'applicant.idNumber',
      'applicant.uscc',
      'applicant.phone',
      'applicant.email',
      'description',
      'delivery',
      '_csrf',
    ]) {
      assert.ok(page.includes(`name="${name}"`), name);
    }
    const ids = [...page.matchAll(/<(?:input|select|textarea) (?:type="(?:text|email|tel)" )?id="([^"]+)"/g)].map((m) => m[1]);
    assert.ok(ids.length >= 9);
    for (const id of ids) {
      assert.ok(page.includes(`<label for="${id}">`), `label for ${id}`);
    }
    assert.match(page, /<form method="post" action="\/demo\/apply"/);
  });

  test('a post without a valid CSRF token answers 403 and writes nothing', async () => {
    const token = await browser.csrfToken('/demo/apply');
    const forged = [
      VALID_FORM, // no _csrf at all
      { ...VALID_FORM, _csrf: 'x'.repeat(43) },
      { ...VALID_FORM, _csrf: `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}` },
    ];
    for (const form of forged) {
      const response = await browser.post('/demo/apply', form);
      assert.equal(response.status, 403);
      assert.match(await response.text(), /请求无效/);
    }
    // The right token without the cookie it belongs to (another browser).
    const stranger = portalClient(app);
    assert.equal((await stranger.post('/demo/apply', { ...VALID_FORM, _csrf: token })).status, 403);
    assert.equal(written.length, 0);
  });

  test('invalid input comes back 422 with each message beside its field and every value kept', async () => {
    const token = await browser.csrfToken('/demo/apply');
    const error = (page: string, id: string) => new RegExp(`<span class="error" id="${id}-error">([^<]+)</span>`).exec(page)?.[1];
    const first = await browser.post('/demo/apply', {
      _csrf: token,
      'applicant.name': '',
      'applicant.idNumber': '110105194912310021',
      description: '预算 <script>alert(1)</script> & 决算',
    });
    assert.equal(first.status, 422);
    const page = await first.text();
    assert.equal(error(page, 'f-applicant-type'), '请选择申请人类型');
    assert.equal(error(page, 'f-applicant-name'), '请填写申请人姓名或名称');
    assert.equal(error(page, 'f-delivery'), '请选择获取信息的方式');
    assert.match(
      page,
      /id="f-applicant-name" name="applicant.name" value="" autocomplete="name" required aria-describedby="f-applicant-name-error" aria-invalid="true"/,
    );
    assert.match(page, /value="110105194912310021"/);
    assert.ok(page.includes('预算 &lt;script&gt;alert(1)&lt;/script&gt; &amp; 决算</textarea>'));
    assert.ok(!page.includes('<script>'));
    assert.match(page, /<div class="summary" role="alert"/);
    assert.match(page, /<a href="#f-applicant-name">/);

    // The page carries a fresh token; the cross-field rules (ID check digit, e-mail for delivery by e-mail) come next.
    const retry = /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
    const second = await browser.post('/demo/apply', {
      ...VALID_FORM,
      'applicant.idNumber': '110105194912310021',
      'applicant.email': '',
      _csrf: retry,
    });
    assert.equal(second.status, 422);
    const secondPage = await second.text();
    assert.match(error(secondPage, 'f-applicant-idNumber') ?? '', /校验码/);
    assert.match(error(secondPage, 'f-applicant-email') ?? '', /电子邮箱/);
    assert.match(secondPage, /<option value="resident_id" selected>/);
    assert.match(secondPage, /value="email" checked/);
    assert.equal(written.length, 0);
    const again = /name="_csrf" value="([^"]+)"/.exec(secondPage)?.[1] ?? '';
    assert.equal((await browser.post('/demo/apply', { ...VALID_FORM, _csrf: again })).status, 303);
    assert.equal(written.length, 1);
  });

  test('a valid application answers 303 to a receipt with 案件编号 and 验证码, found by the status lookup', async () => {
    const token = await browser.csrfToken('/demo/apply');
    const response = await browser.post('/demo/apply', { ...VALID_FORM, _csrf: token });
    assert.equal(response.status, 303);
    assert.equal(written.length, 1);
    assert.equal(written[0]?.agency, 'demo');
    assert.deepEqual(written[0]?.body, {
      applicant: {
        type: 'natural_person',
        name: '张三',
        idType: 'resident_id',
        idNumber: '11010519491231002X',
        phone: '010-12345678',
        email: 'zhang@example.org',
      },
      description: '请公开本机关2025年度部门预算',
      delivery: 'email',
    });
    const location = response.headers.get('location') ?? '';
    assert.match(location, /^\/demo\/receipt\?/);
    const receipt = await browser.get(location);
    assert.equal(receipt.status, 200);
    const page = await receipt.text();
    const { caseCode, verificationCode } = written[0]?.receipt ?? assert.fail();
    assert.ok(page.includes(`<dt>案件编号</dt><dd>${caseCode}</dd>`));
    assert.ok(page.includes(`<dt>验证码</dt><dd>${verificationCode}</dd>`));
    assert.match(receipt.headers.get('cache-control') ?? '', /no-store/);

    const status = await browser.get(`/status?code=${caseCode}&v=${verificationCode}`);
    assert.equal(status.status, 200);
    assert.match(await status.text(), /<th scope="row">办理状态<\/th><td>已收到<\/td>/);
  });

  test('status lookup: a form, then the same answer for an unknown case and a wrong code', async () => {
    const form = await browser.get('/status');
    assert.equal(form.status, 200);
    assert.match(await form.text(), /<label for="f-code">案件编号<\/label>/);
    const token = await browser.csrfToken('/demo/apply');
    await browser.post('/demo/apply', { ...VALID_FORM, _csrf: token });
    const { caseCode } = written[0]?.receipt ?? assert.fail();
    const wrongCode = await (await browser.get(`/status?code=${caseCode}&v=nope`)).text();
    const unknown = await browser.get('/status?code=1999-0001&v=nope');
    assert.equal(unknown.status, 404);
    const unknownPage = await unknown.text();
    assert.match(unknownPage, /未找到该申请/);
    assert.equal(wrongCode.replace(caseCode, 'X'), unknownPage.replace('1999-0001', 'X'));
    const missing = await browser.get(`/status?code=${caseCode}&v=`);
    assert.equal(missing.status, 422);
    assert.match(await missing.text(), /<span class="error" id="f-v-error">请填写验证码<\/span>/);
  });

  test('while the database is starting, pages answer a Chinese 503', async () => {
    services = undefined;
    const response = await browser.get('/');
    assert.equal(response.status, 503);
    assert.match(await response.text(), /服务正在启动/);
  });

  test('a defect answers 500 and its log line carries no personal data', async () => {
    const broken = memoryServices(written);
    services = {
      ...broken,
      cases: {
        ...broken.cases,
        createApplication: async () => {
          throw new Error('connection reset');
        },
      },
    };
    const token = await browser.csrfToken('/demo/apply');
    const response = await browser.post('/demo/apply', { ...VALID_FORM, _csrf: token });
    assert.equal(response.status, 500);
    assert.match(await response.text(), /系统错误/);
    assert.equal(logs.length, 1);
    assert.match(logs[0] ?? '', /connection reset/);
    for (const value of Object.values(VALID_FORM)) {
      assert.ok(!(logs[0] ?? '').includes(value), value);
    }
  });
});

describe('one app for API and portal', () => {
  test('/healthz and /api keep answering JSON; everything else is the portal', async () => {
    const app = createWebApp({ services: () => undefined, portal: () => memoryServices([]), intakeRateLimit: 'off', log: () => {} });
    const health = await app.request('/healthz');
    assert.equal(health.status, 503);
    assert.deepEqual(await health.json(), { status: 'starting' });
    const api = await app.request('/api/nothing-here');
    assert.equal(api.status, 404);
    assert.match(api.headers.get('content-type') ?? '', /json/);
    const home = await app.request('/');
    assert.equal(home.status, 200);
    assert.match(home.headers.get('content-type') ?? '', /text\/html/);
    assert.match(await home.text(), /示例市教育局/);
    const missing = await app.request('/demo/nothing');
    assert.equal(missing.status, 404);
    assert.match(missing.headers.get('content-type') ?? '', /text\/html/);
  });
});
