// The page shell every portal page shares: lang="zh-CN", a skip link, header / nav / main / footer
// landmarks, breadcrumbs, and the one style sheet. Rendered with hono/html tagged templates, which
// escape every interpolated value (ARCHITECTURE.md: why not JSX).
import { html } from 'hono/html';
import { PORTAL_CSS_PATH } from './portal-css.ts';

export type Html = ReturnType<typeof html>;

export interface Crumb {
  readonly label: string;
  readonly href?: string;
}

export interface PageShell {
  readonly title: string;
  /** Ancestors of this page, the instance home first (this page is added at the end). */
  readonly crumbs?: readonly Crumb[];
  readonly main: Html;
}

export const SITE_NAME = '政府信息公开平台';

export function renderPage(page: PageShell): Html {
  const crumbs = [...(page.crumbs ?? []), { label: page.title }];
  return html`<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title} - ${SITE_NAME}</title>
<link rel="stylesheet" href="${PORTAL_CSS_PATH}">
</head>
<body>
<a class="skip" href="#main">跳到主要内容</a>
<header class="site"><a class="title" href="/">${SITE_NAME}</a></header>
<nav class="crumbs" aria-label="当前位置"><ol>${crumbs.map((crumb, i) =>
    crumb.href === undefined || i === crumbs.length - 1
      ? html`<li aria-current="page">${crumb.label}</li>`
      : html`<li><a href="${crumb.href}">${crumb.label}</a></li>`,
  )}</ol></nav>
<main id="main" tabindex="-1">
${page.main}
</main>
<footer class="site"><p>依据《中华人民共和国政府信息公开条例》（国务院令第711号）提供服务</p></footer>
</body>
</html>`;
}
