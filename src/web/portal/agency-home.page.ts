// An agency's 政府信息公开 home with the columns every agency's platform carries (《条例》第二十条、
// 第二十二条、第五十条; 国办公开办函 platform norms). Columns without published content say so plainly.
import { html } from 'hono/html';
import { type Html, renderPage } from './layout.ts';
import type { PortalAgency } from './portal-services.ts';

/** The 政府信息公开 columns, in the order agency sites show them. */
export const DISCLOSURE_COLUMNS = [
  { id: 'guide', title: '公开指南' },
  { id: 'catalogue', title: '公开目录' },
  { id: 'statutory', title: '法定主动公开内容' },
  { id: 'interpretation', title: '政策解读' },
  { id: 'on-request', title: '依申请公开' },
  { id: 'annual-reports', title: '年度报告' },
  { id: 'rules', title: '政府信息公开制度' },
] as const;

function columnBody(agency: PortalAgency, id: (typeof DISCLOSURE_COLUMNS)[number]['id'], hasReports: boolean): Html {
  if (id === 'annual-reports' && hasReports) {
    return html`<p>本机关历年政府信息公开工作年度报告（网页、Word、Excel 和数据格式）。</p>
<ul><li><a href="/${agency.slug}/reports">查看年度报告</a></li></ul>`;
  }
  if (id === 'on-request') {
    return html`<p>公民、法人或者其他组织可以向本机关申请获取政府信息。</p>
<ul><li><a href="/${agency.slug}/apply">在线提交政府信息公开申请</a></li><li><a href="/status">查询申请办理状态</a></li></ul>`;
  }
  return html`<p class="empty">本栏目暂无内容。</p>`;
}

/** `hasReports`: the 年度报告 column links to the report list (the portal has the report services). */
export function renderAgencyHomePage(agency: PortalAgency, hasReports = false): Html {
  return renderPage({
    title: agency.name,
    crumbs: [{ label: '首页', href: '/' }],
    main: html`<h1>${agency.name} 政府信息公开</h1>
<ul class="columns">${DISCLOSURE_COLUMNS.map(
      (column) =>
        html`<li><section aria-labelledby="col-${column.id}" id="${column.id}"><h2 id="col-${column.id}">${column.title}</h2>${columnBody(agency, column.id, hasReports)}</section></li>`,
    )}</ul>`,
  });
}
