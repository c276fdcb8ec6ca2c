// The agency dashboard (issue #8): open / overdue / due-soon counts, applications per month and the
// outcome mix as server-drawn SVG charts, each followed by the same figures as a data table.
import { html } from 'hono/html';
import type { Dashboard } from '#app/console/show-dashboard.ts';
import type { Html } from '../../portal/layout.ts';
import { renderBarChart, renderColumnChart, shareText } from './svg-charts.ts';

const monthLabel = (month: string): string => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

export function renderDashboardMain(d: Dashboard, links: { readonly queue?: string } = {}): Html {
  const total = d.perMonth.reduce((sum, m) => sum + m.count, 0);
  // With the queue's address, each count links to the matching list (its `due` filter).
  const count = (n: number, due: '' | 'overdue' | 'soon'): Html | number =>
    links.queue === undefined
      ? n
      : html`<a href="${links.queue}${due === '' ? '' : `&due=${due}`}">${n}<span class="visually-hidden">件，查看案件列表</span></a>`;
  const busiest = d.perMonth.reduce((best, m) => (m.count > best.count ? m : best), d.perMonth[0] ?? { month: '', count: 0 });
  const first = d.perMonth[0]?.month ?? '';
  const last = d.perMonth.at(-1)?.month ?? '';
  const perMonthDesc =
    total === 0
      ? `${monthLabel(first)}至${monthLabel(last)}没有收到申请。`
      : `${monthLabel(first)}至${monthLabel(last)}共收到申请${total}件，最多的是${monthLabel(busiest.month)}，${busiest.count}件。各月：${d.perMonth
          .map((m) => `${monthLabel(m.month)}${m.count}件`)
          .join('，')}。`;
  const outcomesDesc =
    d.outcomes.total === 0
      ? `${d.outcomes.range.from}至${d.outcomes.range.to}没有办结的申请。`
      : `${d.outcomes.range.from}至${d.outcomes.range.to}共办结${d.outcomes.total}件：${d.outcomes.families
          .map((f) => `${f.label}${f.count}件（${shareText(f.count, d.outcomes.total)}）`)
          .join('，')}。`;
  return html`<h1>${d.agency.name} 工作台</h1>
<p class="note">统计日期：${d.today}（北京时间）</p>
<section aria-labelledby="dash-counts">
<h2 id="dash-counts">办理中的申请</h2>
<dl class="stats">
<div><dt>办理中</dt><dd data-count="open">${count(d.counts.open, '')}</dd></div>
<div><dt>已超期</dt><dd data-count="overdue">${count(d.counts.overdue, 'overdue')}</dd></div>
<div><dt>即将到期（${d.dueSoon.workingDays}个工作日内，至${d.dueSoon.by}）</dt><dd data-count="due-soon">${count(d.counts.dueSoon, 'soon')}</dd></div>
</dl>
</section>
<section aria-labelledby="dash-months">
<h2 id="dash-months">每月收到的申请（近12个月）</h2>
${renderColumnChart({
  id: 'chart-months',
  title: '每月收到的申请数（近12个月）',
  desc: perMonthDesc,
  unit: '件',
  bars: d.perMonth.map((m) => ({ label: `${Number(m.month.slice(5, 7))}月`, value: m.count })),
})}
<table class="data" id="table-months">
<caption>每月收到的申请数（图表数据）</caption>
<thead><tr><th scope="col">月份</th><th scope="col">申请数（件）</th></tr></thead>
<tbody>${d.perMonth.map((m) => html`<tr><th scope="row">${monthLabel(m.month)}</th><td>${m.count}</td></tr>`)}</tbody>
<tfoot><tr><th scope="row">合计</th><td>${total}</td></tr></tfoot>
</table>
</section>
<section aria-labelledby="dash-outcomes">
<h2 id="dash-outcomes">本年办结结果构成（${d.outcomes.range.from}至${d.outcomes.range.to}）</h2>
${renderBarChart({
  id: 'chart-outcomes',
  title: '本年办结申请的结果构成',
  desc: outcomesDesc,
  unit: '件',
  bars: d.outcomes.families.map((f) => ({ label: f.label, value: f.count })),
})}
<table class="data" id="table-outcomes">
<caption>本年办结申请的结果构成（图表数据）</caption>
<thead><tr><th scope="col">办理结果</th><th scope="col">件数</th><th scope="col">占比</th></tr></thead>
<tbody>${d.outcomes.families.map(
    (f) => html`<tr><th scope="row">${f.label}</th><td>${f.count}</td><td>${shareText(f.count, d.outcomes.total)}</td></tr>`,
  )}</tbody>
<tfoot><tr><th scope="row">合计</th><td>${d.outcomes.total}</td><td>${d.outcomes.total === 0 ? '—' : '100%'}</td></tr></tfoot>
</table>
</section>`;
}
