// The console's page shell: lang="zh-CN", skip link, a header with the signed-in user and the
// sign-out button (a POST form with the session's CSRF token: works without JavaScript), the
// navigation of the user's roles, breadcrumbs, main. Same escaping hono/html templates as the portal.
import { html } from 'hono/html';
import { CSRF_FIELD } from '#adapters/http/middleware/csrf.ts';
import { ROLE_LABEL, ROLES } from '#core/identity/access-policy.ts';
import type { Crumb, Html } from '../portal/layout.ts';
import { PORTAL_CSS_PATH } from '../portal/portal-css.ts';
import { CONSOLE_CSS_PATH } from './console-css.ts';
import type { Staff } from './console-kit.ts';
import { CONSOLE_NAV } from './console-nav.ts';

export const CONSOLE_NAME = '政务公开工作台';

/** The document around a console page; also used without a signed-in user (sign-in pages). */
export function renderConsoleDocument(input: { title: string; header: Html; main: Html; crumbs?: Html }): Html {
  return html`<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${input.title} - ${CONSOLE_NAME}</title>
<link rel="stylesheet" href="${PORTAL_CSS_PATH}">
<link rel="stylesheet" href="${CONSOLE_CSS_PATH}">
</head>
<body>
<a class="skip" href="#main">跳到主要内容</a>
${input.header}
${input.crumbs ?? ''}
<main id="main" class="console" tabindex="-1">
${input.main}
</main>
<footer class="site"><p>${CONSOLE_NAME} · 仅限授权工作人员使用</p></footer>
</body>
</html>`;
}

/** The header of the sign-in pages (no user yet). */
export const anonymousHeader = (): Html =>
  html`<header class="console"><a class="title" href="/console/">${CONSOLE_NAME}</a><p class="who"><a href="/">返回公开平台</a></p></header>`;

function isCurrent(href: string, path: string): boolean {
  if (href === '/console/') {
    return path === '/console/' || path === '/console';
  }
  return path === href || path.startsWith(`${href}/`);
}

export function renderConsoleLayout(input: { title: string; main: Html; crumbs?: readonly Crumb[]; staff: Staff; path: string }): Html {
  const { staff } = input;
  const held = new Set(staff.actor.grants.map((grant) => grant.role));
  const roles = ROLES.filter((role) => held.has(role))
    .map((role) => ROLE_LABEL[role])
    .join('、');
  const nav = CONSOLE_NAV.filter((item) => item.roles.some((role) => held.has(role)));
  const crumbs: Crumb[] =
    input.path === '/console/' || input.path === '/console'
      ? [{ label: '工作台首页' }]
      : [{ label: '工作台首页', href: '/console/' }, ...(input.crumbs ?? []), { label: input.title }];
  return renderConsoleDocument({
    title: input.title,
    header: html`<header class="console"><a class="title" href="/console/">${CONSOLE_NAME}</a><div class="who"><span>${staff.actor.username}${roles === '' ? '' : html`（${roles}）`}</span><form method="post" action="/console/logout"><input type="hidden" name="${CSRF_FIELD}" value="${staff.csrfToken}"><button type="submit">退出登录</button></form></div></header>
<nav class="console" aria-label="主导航"><ul>${nav.map(
      (item) =>
        html`<li><a href="${item.href}"${isCurrent(item.href, input.path) ? html` aria-current="page"` : ''}>${item.label}</a></li>`,
    )}</ul></nav>`,
    crumbs: html`<nav class="crumbs" aria-label="当前位置"><ol>${crumbs.map((crumb, i) =>
      crumb.href === undefined || i === crumbs.length - 1
        ? html`<li aria-current="page">${crumb.label}</li>`
        : html`<li><a href="${crumb.href}">${crumb.label}</a></li>`,
    )}</ol></nav>`,
    main: input.main,
  });
}
