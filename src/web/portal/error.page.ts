// Error pages of the portal: the status and generic Chinese text come from the one outcome table.
import { html } from 'hono/html';
import { type Html, renderPage } from './layout.ts';

export function renderErrorPage(title: string, message: string): Html {
  return renderPage({
    title,
    crumbs: [{ label: '首页', href: '/' }],
    main: html`<h1>${title}</h1><p>${message}</p><p><a href="/">返回首页</a></p>`,
  });
}
