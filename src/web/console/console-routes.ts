// The staff console (issue #8), mounted at /console by createWebApp: sign-in (password, then TOTP when
// enabled), sign-out, the home page, 账户安全 (TOTP enrolment), and the areas of console-areas.ts.
// The toolkit every page uses (session, guards, CSRF, layout) is documented in console-kit.ts.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { html } from 'hono/html';
import { secureHeaders } from 'hono/secure-headers';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { type LogLine, logDefect } from '#adapters/http/error-response.ts';
import { CSRF_HEADER } from '#adapters/http/middleware/authenticate.ts';
import { CSRF_FIELD, createCsrf } from '#adapters/http/middleware/csrf.ts';
import { clientAddress } from '#adapters/http/middleware/rate-limit.ts';
import {
  clearSessionCookie,
  isSafeMethod,
  readSessionCookie,
  sameToken,
  writeSessionCookie,
} from '#adapters/http/middleware/session-cookie.ts';
import { DEFECT_OUTCOME, outcomeOf } from '#app/error-outcomes.ts';
import { DomainError, isDomainError } from '#core/shared/domain-error.ts';
import { CONTENT_SECURITY_POLICY } from '../portal/portal-routes.ts';
import { renderAccountPage, renderTotpEnrolPage } from './account.page.ts';
import { mountConsoleAreas } from './console-areas.ts';
import { CONSOLE_CSS, CONSOLE_CSS_PATH } from './console-css.ts';
import { type ConsoleContext, type ConsoleEnv, renderConsolePage, type Staff } from './console-kit.ts';
import type { ConsoleServices } from './console-services.ts';
import { renderHomePage } from './home.page.ts';
import { renderLoginPage, renderPlainErrorPage, renderTotpStepPage } from './sign-in.page.ts';
import { createSignInLimiter, type SignInLimitSetting } from './sign-in-limit.ts';

export interface ConsoleOptions {
  /** The services once the database is migrated; undefined while starting (pages answer 503). */
  readonly services: () => ConsoleServices | undefined;
  readonly log: LogLine;
  /** Key of the sign-in form's CSRF signature (the instance secret; random per process when absent). */
  readonly csrfSecret?: Uint8Array | (() => Uint8Array);
  /** Failed sign-ins allowed per username (4× per address) and window; `off` for load tests. */
  readonly signInLimit: SignInLimitSetting | 'off';
  /** Largest accepted request body of a console page (default 20 MiB: attachment uploads). */
  readonly maxBodyBytes?: number;
  /** Clock of the sign-in limit (tests). */
  readonly nowMs?: () => number;
}

const BASE = '/console';

/** A `next` target after sign-in: only a console path of this site (never another origin). */
function safeNext(value: unknown): string | undefined {
  return typeof value === 'string' && /^\/console\/[^\s\\]*$/.test(value) && !value.includes('//') ? value : undefined;
}

const tooLarge = (message: string) =>
  bodyLimit({
    maxSize: 16 * 1024,
    onError: () => {
      throw new DomainError('PAYLOAD_TOO_LARGE', message);
    },
  });

export function consoleRoutes(options: ConsoleOptions): Hono<ConsoleEnv> {
  const loginCsrf = createCsrf(options.csrfSecret);
  const limiter = createSignInLimiter(options.signInLimit, options.nowMs);
  const services = (): ConsoleServices => {
    const ready = options.services();
    if (ready === undefined) {
      throw new DomainError('UNAVAILABLE', '服务正在启动，请稍后再试');
    }
    return ready;
  };

  const app = new Hono<ConsoleEnv>();
  app.use(
    secureHeaders({
      contentSecurityPolicy: CONTENT_SECURITY_POLICY,
      referrerPolicy: 'no-referrer',
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use(async (c, next) => {
    c.header('Cache-Control', 'no-store');
    await next();
  });
  app.onError((error, c) => {
    logDefect(c, error, options.log);
    const staff = c.var.staff as Staff | undefined;
    const outcome = isDomainError(error) ? outcomeOf(error) : undefined;
    const status = (outcome?.http ?? DEFECT_OUTCOME.http) as ContentfulStatusCode;
    if (isDomainError(error, 'RATE_LIMITED') && typeof error.details['retryAfterSeconds'] === 'number') {
      c.header('Retry-After', String(error.details['retryAfterSeconds']));
    }
    const title = isDomainError(error, 'NOT_FOUND') ? '页面不存在' : (outcome?.zh ?? '系统错误');
    const message = outcome?.message ?? DEFECT_OUTCOME.zh;
    if (staff === undefined) {
      return c.html(renderPlainErrorPage(title, message), status);
    }
    return renderConsolePage(c as ConsoleContext, {
      title,
      status,
      main: renderPlainMain(title, message),
    });
  });

  app.get(CONSOLE_CSS_PATH.slice(BASE.length), (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    return c.body(CONSOLE_CSS);
  });

  // ---- sign-in (no session yet) ----------------------------------------------------------------

  app.get('/login', async (c) => {
    const current = await services().sessions.resolve(readSessionCookie(c));
    if (current !== undefined && !current.secondFactorPending) {
      return c.redirect(`${BASE}/`, 303);
    }
    const next = safeNext(c.req.query('next'));
    const notice = c.req.query('out') === undefined ? undefined : '您已退出登录。';
    return c.html(
      renderLoginPage({
        csrfToken: loginCsrf.issue(c),
        ...(next === undefined ? {} : { next }),
        ...(notice === undefined ? {} : { notice }),
      }),
    );
  });

  app.post('/login', tooLarge('提交的内容过长'), async (c) => {
    const form = await c.req.parseBody();
    if (!loginCsrf.verify(c, form[CSRF_FIELD])) {
      return c.html(renderPlainErrorPage('请求无效', '登录页面已过期或来源无法验证。请重新打开登录页面再试。'), 403);
    }
    const username = typeof form['username'] === 'string' ? form['username'].trim() : '';
    const password = typeof form['password'] === 'string' ? form['password'] : '';
    const next = safeNext(form['next']);
    const again = (message: string, status: ContentfulStatusCode) =>
      c.html(renderLoginPage({ csrfToken: loginCsrf.issue(c), username, message, ...(next === undefined ? {} : { next }) }), status);
    if (username === '' || password === '') {
      return again('请输入用户名和密码', 422);
    }
    const address = clientAddress(c);
    const wait = limiter.retryAfter(username, address);
    if (wait !== undefined) {
      c.header('Retry-After', String(wait));
      return again(`登录尝试次数过多，请 ${Math.ceil(wait / 60)} 分钟后再试`, 429);
    }
    let signed: Awaited<ReturnType<ConsoleServices['sessions']['signIn']>>;
    try {
      const previous = readSessionCookie(c);
      signed = await services().sessions.signIn({ username, password, ...(previous === undefined ? {} : { previousSessionId: previous }) });
    } catch (error) {
      if (isDomainError(error, 'UNAUTHENTICATED')) {
        limiter.fail(username, address);
        return again('用户名或密码错误', 401);
      }
      throw error;
    }
    writeSessionCookie(c, signed.sessionId);
    if (signed.secondFactorPending) {
      return c.redirect(`${BASE}/login/totp${next === undefined ? '' : `?next=${encodeURIComponent(next)}`}`, 303);
    }
    limiter.succeed(username);
    return c.redirect(next ?? `${BASE}/`, 303);
  });

  app.get('/login/totp', async (c) => {
    const current = await services().sessions.resolve(readSessionCookie(c));
    if (current === undefined || !current.secondFactorPending) {
      return c.redirect(current === undefined ? `${BASE}/login` : `${BASE}/`, 303);
    }
    return c.html(renderTotpStepPage({ csrfToken: current.csrfToken }));
  });

  app.post('/login/totp', tooLarge('提交的内容过长'), async (c) => {
    const form = await c.req.parseBody();
    const sessionId = readSessionCookie(c);
    const current = await services().sessions.resolve(sessionId);
    if (sessionId === undefined || current === undefined || !current.secondFactorPending) {
      return c.redirect(`${BASE}/login`, 303);
    }
    if (!sameToken(current.csrfToken, form[CSRF_FIELD])) {
      return c.html(renderPlainErrorPage('请求无效', '页面已过期或来源无法验证。请重新登录。'), 403);
    }
    const username = current.actor.username;
    const address = clientAddress(c);
    const wait = limiter.retryAfter(username, address);
    if (wait !== undefined) {
      c.header('Retry-After', String(wait));
      return c.html(
        renderTotpStepPage({ csrfToken: current.csrfToken, message: `尝试次数过多，请 ${Math.ceil(wait / 60)} 分钟后再试` }),
        429,
      );
    }
    const code = typeof form['code'] === 'string' ? form['code'] : '';
    let signed: Awaited<ReturnType<ConsoleServices['sessions']['completeSecondFactor']>>;
    try {
      signed = await services().sessions.completeSecondFactor({ sessionId, code });
    } catch (error) {
      if (isDomainError(error, 'UNAUTHENTICATED')) {
        limiter.fail(username, address);
        return c.html(
          renderTotpStepPage({ csrfToken: current.csrfToken, message: '动态验证码错误，请输入验证器应用当前显示的 6 位数字' }),
          401,
        );
      }
      throw error;
    }
    writeSessionCookie(c, signed.sessionId);
    limiter.succeed(username);
    return c.redirect(safeNext(c.req.query('next')) ?? `${BASE}/`, 303);
  });

  app.post('/logout', tooLarge('提交的内容过长'), async (c) => {
    const sessionId = readSessionCookie(c);
    const current = await services().sessions.resolve(sessionId);
    if (sessionId !== undefined && current !== undefined) {
      const form = await c.req.parseBody();
      if (!sameToken(current.csrfToken, form[CSRF_FIELD] ?? c.req.header(CSRF_HEADER))) {
        return c.html(renderPlainErrorPage('请求无效', '页面已过期或来源无法验证。请返回工作台后再点“退出登录”。'), 403);
      }
      await services().sessions.signOut(sessionId);
    }
    clearSessionCookie(c);
    return c.redirect(`${BASE}/login?out=1`, 303);
  });

  // ---- everything below needs a signed-in staff member -----------------------------------------

  app.use(
    bodyLimit({
      maxSize: options.maxBodyBytes ?? 20 * 1024 * 1024,
      onError: () => {
        throw new DomainError('PAYLOAD_TOO_LARGE', '提交的内容过大');
      },
    }),
  );
  app.use(async (c, next) => {
    const ready = services();
    c.set('services', ready);
    const sessionId = readSessionCookie(c);
    const current = await ready.sessions.resolve(sessionId);
    if (current === undefined || current.secondFactorPending) {
      if (isSafeMethod(c.req.method)) {
        if (current?.secondFactorPending === true) {
          return c.redirect(`${BASE}/login/totp`, 303);
        }
        const path = c.req.path;
        return c.redirect(path === `${BASE}/` || path === BASE ? `${BASE}/login` : `${BASE}/login?next=${encodeURIComponent(path)}`, 303);
      }
      return c.html(renderPlainErrorPage('需要登录', '登录已失效，请重新登录后再提交。'), 401);
    }
    if (!isSafeMethod(c.req.method)) {
      let submitted: unknown = c.req.header(CSRF_HEADER);
      const type = c.req.header('content-type') ?? '';
      if (submitted === undefined && (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data'))) {
        submitted = (await c.req.parseBody())[CSRF_FIELD];
      }
      if (!sameToken(current.csrfToken, submitted)) {
        return c.html(renderPlainErrorPage('请求无效', '页面已过期或来源无法验证，未做任何更改。请返回上一页，刷新后重新提交。'), 403);
      }
    }
    const agencies = await ready.listAgencies();
    c.set('staff', {
      actor: current.actor,
      csrfToken: current.csrfToken,
      agencies,
      tree: new Map(agencies.map((agency) => [agency.slug, agency.parent])),
    });
    await next();
  });

  app.get('/', (c) => renderHomePage(c));

  app.get('/account', async (c) => {
    const enrolment = await c.get('services').sessions.totpEnrolment(c.get('staff').actor);
    const notice = c.req.query('done');
    return renderAccountPage(c, { enabled: enrolment.enabled, ...(notice === undefined ? {} : { notice }) });
  });
  app.get('/account/totp', async (c) => {
    const enrolment = await c.get('services').sessions.totpEnrolment(c.get('staff').actor);
    if (enrolment.enabled) {
      return c.redirect(`${BASE}/account`, 303);
    }
    return renderTotpEnrolPage(c, enrolment);
  });
  app.post('/account/totp', async (c) => {
    const form = await c.req.parseBody();
    const { sessions } = c.get('services');
    const actor = c.get('staff').actor;
    try {
      await sessions.confirmTotp(actor, typeof form['code'] === 'string' ? form['code'] : '');
    } catch (error) {
      if (isDomainError(error, 'UNAUTHENTICATED')) {
        return renderTotpEnrolPage(c, await sessions.totpEnrolment(actor), '动态验证码错误，请输入验证器应用当前显示的 6 位数字');
      }
      if (isDomainError(error, 'CONFLICT')) {
        return c.redirect(`${BASE}/account`, 303);
      }
      throw error;
    }
    return c.redirect(`${BASE}/account?done=enabled`, 303);
  });
  app.post('/account/totp/disable', async (c) => {
    const form = await c.req.parseBody();
    const { sessions } = c.get('services');
    try {
      await sessions.disableTotp(c.get('staff').actor, typeof form['code'] === 'string' ? form['code'] : '');
    } catch (error) {
      if (isDomainError(error, 'UNAUTHENTICATED')) {
        return renderAccountPage(c, { enabled: true, message: '动态验证码错误，请输入验证器应用当前显示的 6 位数字', status: 422 });
      }
      if (isDomainError(error, 'CONFLICT')) {
        return c.redirect(`${BASE}/account`, 303);
      }
      throw error;
    }
    return c.redirect(`${BASE}/account?done=disabled`, 303);
  });

  mountConsoleAreas(app);

  app.all('*', () => {
    throw new DomainError('NOT_FOUND', '您访问的页面不存在');
  });
  return app;
}

function renderPlainMain(title: string, message: string) {
  return html`<h1>${title}</h1><p>${message}</p><p><a href="/console/">返回工作台首页</a></p>`;
}
