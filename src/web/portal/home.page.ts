// The instance home: every agency of this instance, and the status lookup.
import { html } from 'hono/html';
import { type Html, renderPage } from './layout.ts';
import type { PortalAgency } from './portal-services.ts';

export function renderHomePage(agencies: readonly PortalAgency[]): Html {
  return renderPage({
    title: '首页',
    main: html`<h1>政府信息公开</h1>
<section aria-labelledby="agencies-title"><h2 id="agencies-title">机关</h2>
${
  agencies.length === 0
    ? html`<p class="empty">本平台尚未开通任何机关。</p>`
    : html`<ul>${agencies.map((agency) => html`<li><a href="/${agency.slug}/">${agency.name}</a></li>`)}</ul>`
}
</section>
<section aria-labelledby="status-title"><h2 id="status-title">依申请公开办理状态</h2>
<p><a href="/status">凭案件编号和验证码查询申请的办理状态</a></p>
</section>`,
  });
}
