// 年度报告 (issue #8): the list of an agency's report years, and one year's report in the official
// layout (the report core's HTML renderer, styled by the portal's sheet: no inline CSS under the CSP)
// with its DOCX / XLSX / JSON downloads. A report not yet published is the one compiled from the
// case records, marked 依据办理数据生成，尚未发布 (README: why tables 三 and 四 only).
import { html, raw } from 'hono/html';
import type { PublicReport, PublicReportYear } from '#app/reports/show-public-report.ts';
import { renderHtmlBody } from '#core/reports/render/render-html.ts';
import { reportTitle } from '#core/reports/render/report-outline.ts';
import { type Html, renderPage } from './layout.ts';
import type { PortalAgency } from './portal-services.ts';

/** `2026-01-20T02:00:00Z` → `2026年1月20日` (Beijing date). */
export function chineseDateOf(instant: string): string {
  const shifted = new Date(new Date(instant).getTime() + 8 * 3600 * 1000);
  return `${shifted.getUTCFullYear()}年${shifted.getUTCMonth() + 1}月${shifted.getUTCDate()}日`;
}

export const REPORT_DOWNLOADS = [
  { format: 'docx', label: 'Word 文档（.docx）' },
  { format: 'xlsx', label: 'Excel 表格（.xlsx，表二至表四）' },
  { format: 'json', label: '数据（.json，gongkai/report-read@1）' },
] as const;

export const COMPILED_MARK = '依据办理数据生成，尚未发布';

const crumbsOf = (agency: PortalAgency) => [
  { label: '首页', href: '/' },
  { label: agency.name, href: `/${agency.slug}/` },
];

export function renderReportsPage(agency: PortalAgency, years: readonly PublicReportYear[]): Html {
  return renderPage({
    title: '政府信息公开工作年度报告',
    crumbs: crumbsOf(agency),
    main: html`<h1>${agency.name} 政府信息公开工作年度报告</h1>
${
  years.length === 0
    ? html`<p class="empty">本栏目暂无内容。</p>`
    : html`<ul class="report-years">${years.map(
        (entry) =>
          html`<li><a href="/${agency.slug}/reports/${entry.year}">${entry.year}年政府信息公开工作年度报告</a> <span class="${entry.status === 'published' ? 'tag' : 'tag tag-draft'}">${
            entry.status === 'published' && entry.publishedAt !== null
              ? `${chineseDateOf(entry.publishedAt)}发布${entry.version !== null && entry.version > 1 ? `（第${entry.version}版）` : ''}`
              : COMPILED_MARK
          }</span></li>`,
      )}</ul>`
}
<p>年度报告按《中华人民共和国政府信息公开条例》第四十九条、第五十条编制，于每年1月31日前公布上一年度的报告。</p>`,
  });
}

function statusNotice(report: PublicReport): Html {
  if (report.status === 'compiled') {
    return html`<div class="notice notice-draft" role="note"><p><strong>${COMPILED_MARK}。</strong>本页的表三、表四由本机关${report.year}年依申请公开办理记录自动统计；表二和正文经机关审核、发布后公开。正式报告以发布版本为准。</p></div>`;
  }
  const newest = report.versions[0]?.version;
  return html`<div class="notice" role="note"><p>本报告于${report.publishedAt === null ? '' : chineseDateOf(report.publishedAt)}发布${
    report.versions.length > 1 ? `（第${report.version}版）` : ''
  }。${report.version !== newest ? html`<strong>这是历史版本，</strong><a href="/${report.agency.slug}/reports/${report.year}">查看最新版本</a>。` : ''}</p>${
    report.versions.length > 1
      ? html`<p>历次发布：</p><ul>${report.versions.map(
          (v) =>
            html`<li>${
              v.version === report.version
                ? html`<span aria-current="page">第${v.version}版，${chineseDateOf(v.publishedAt)}发布</span>`
                : html`<a href="/${report.agency.slug}/reports/${report.year}?version=${v.version}">第${v.version}版，${chineseDateOf(v.publishedAt)}发布</a>`
            }${v.version === newest ? '（现行）' : '（已更正）'}</li>`,
        )}</ul>`
      : ''
  }</div>`;
}

export function renderReportPage(report: PublicReport): Html {
  const versionQuery = report.status === 'published' && report.version !== report.versions[0]?.version ? `?version=${report.version}` : '';
  const title = reportTitle(report.document);
  return renderPage({
    title: `${report.year}年年度报告`,
    crumbs: [...crumbsOf(report.agency), { label: '年度报告', href: `/${report.agency.slug}/reports` }],
    main: html`<h1 class="report-title">${title}</h1>
${statusNotice(report)}
<section aria-labelledby="downloads"><h2 id="downloads" class="downloads-title">下载</h2><ul class="downloads">${REPORT_DOWNLOADS.map(
      (d) => html`<li><a href="/${report.agency.slug}/reports/${report.year}.${d.format}${versionQuery}" download>${d.label}</a></li>`,
    )}</ul></section>
<article class="report" aria-label="${title}">
${raw(renderHtmlBody(report.document))}
</article>`,
  });
}
