// The receipt after a successful application (issue #8 Contracts: the two codes are labelled 案件编号
// and 验证码). The codes come from the query string and are shown only once the case is found with them.
import { html } from 'hono/html';
import type { ApplicationStatus } from '#adapters/http/http-services.ts';
import { type Html, renderPage } from './layout.ts';
import type { PortalAgency } from './portal-services.ts';

export function renderReceiptPage(agency: PortalAgency, status: ApplicationStatus, verificationCode: string): Html {
  return renderPage({
    title: '申请已提交',
    crumbs: [
      { label: '首页', href: '/' },
      { label: agency.name, href: `/${agency.slug}/` },
    ],
    main: html`<h1>申请已提交</h1>
<div class="notice" role="status"><p>${agency.name}已收到您的政府信息公开申请。请记下以下两个号码，凭它们查询办理状态。</p></div>
<dl class="codes">
<dt>案件编号</dt><dd>${status.caseCode}</dd>
<dt>验证码</dt><dd>${verificationCode}</dd>
<dt>收到申请日期</dt><dd>${status.received}</dd>
${status.due === null ? '' : html`<dt>答复期限</dt><dd>${status.due}</dd>`}
</dl>
<p>答复期限按《中华人民共和国政府信息公开条例》第三十三条计算（收到申请之日起20个工作日）。</p>
<p><a href="/status?code=${encodeURIComponent(status.caseCode)}&amp;v=${encodeURIComponent(verificationCode)}">查询办理状态</a></p>`,
  });
}
