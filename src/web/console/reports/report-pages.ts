// The console's 年度报告 pages (issue #8): pure render functions over the use case's view
// (app/reports/show-report-draft.ts). A form per table — 表二 (entered by staff), 表三 and 表四 (compiled
// from the cases, read-only, each row with where its figures come from) — and one for the narrative;
// validation findings beside the cells and sections they concern (server-side, no script); the
// overview with the workflow buttons (only the allowed ones), the history and the published versions.
import { html, raw } from 'hono/html';
import type { ReportActionRecord } from '#app/reports/report-ports.ts';
import type { ReportDraftView } from '#app/reports/show-report-draft.ts';
import { ROLE_LABEL, ROLES } from '#core/identity/access-policy.ts';
import { renderHtmlBody } from '#core/reports/render/render-html.ts';
import { reportTitle } from '#core/reports/render/report-outline.ts';
import type { Finding, Severity } from '#core/reports/report-model.ts';
import { REPORT_ACTION_LABEL, REPORT_STATE_LABEL, type WorkflowAction } from '#core/reports/report-workflow.ts';
import { type CellDef, SECTION_IDS, type SectionId, type TableId, TEMPLATES } from '#core/reports/template.ts';
import type { Html } from '../../portal/layout.ts';

export const SEVERITY_LABEL = { error: '错误', warning: '警告', notice: '提示' } as const satisfies Record<Severity, string>;

/** The four forms of a report year, in the order of the report. */
export const REPORT_PARTS = [
  { id: 'table2', label: '表二 主动公开政府信息情况', short: '表二' },
  { id: 'table3', label: '表三 收到和处理政府信息公开申请情况', short: '表三' },
  { id: 'table4', label: '表四 政府信息公开行政复议、行政诉讼情况', short: '表四' },
  { id: 'narrative', label: '正文（总体情况、存在的主要问题及改进情况等）', short: '正文' },
] as const;
export type ReportPart = (typeof REPORT_PARTS)[number]['id'];

const PART_TABLE: Readonly<Record<'table2' | 'table3' | 'table4', TableId>> = { table2: '二', table3: '三', table4: '四' };

export const reportBase = (view: Pick<ReportDraftView, 'agency' | 'year'>) => `/console/reports/${view.agency.slug}/${view.year}`;

/** Instant → Beijing `YYYY-MM-DD HH:MM`. */
export function beijingTime(instant: string): string {
  const shifted = new Date(new Date(instant).getTime() + 8 * 3600 * 1000);
  return shifted.toISOString().slice(0, 16).replace('T', ' ');
}

const domId = (key: string) => key.replace(/[^a-zA-Z0-9_-]/g, '-');

/** A finding about more cells than this (e.g. CELL-BLANK: every blank cell) is listed once above the table, not beside each cell. */
const BESIDE_CELLS_MAX = 4;

/** Findings per cell ID; narrative findings (NARR-*) per section are shown with the narrative. */
export function findingsByCell(findings: readonly Finding[]): Map<string, Finding[]> {
  const byCell = new Map<string, Finding[]>();
  for (const finding of findings) {
    if (finding.cells.length > BESIDE_CELLS_MAX) {
      continue;
    }
    for (const cell of finding.cells) {
      byCell.set(cell, [...(byCell.get(cell) ?? []), finding]);
    }
  }
  return byCell;
}

/** The findings of a table listed above it: those about many of its cells at once. */
function tableWideFindings(view: ReportDraftView, table: TableId): Finding[] {
  const template = TEMPLATES[view.template];
  return view.findings.filter(
    (f) => !isNarrativeFinding(f) && f.cells.length > BESIDE_CELLS_MAX && f.cells.some((id) => template.cellById.get(id)?.table === table),
  );
}

export const isNarrativeFinding = (finding: Finding) => finding.rule.startsWith('NARR-') || finding.rule.startsWith('STRUCT-');

function findingList(id: string, findings: readonly Finding[]): Html {
  if (findings.length === 0) {
    return html``;
  }
  return html`<ul class="findings" id="${id}">${findings.map(
    (f) => html`<li class="finding finding-${f.severity}"><strong>${SEVERITY_LABEL[f.severity]}</strong>（${f.rule}）${f.message}</li>`,
  )}</ul>`;
}

function stateLine(view: ReportDraftView): Html {
  const errors = view.findings.filter((f) => f.severity === 'error').length;
  const warnings = view.findings.filter((f) => f.severity === 'warning').length;
  return html`<p class="report-state">当前状态：<strong class="state state-${view.state}">${REPORT_STATE_LABEL[view.state]}</strong>
${view.publications.length > 0 ? html`，已发布 ${view.publications.length} 个版本` : ''}；核对结果：错误 ${errors} 项，警告 ${warnings} 项。</p>`;
}

function partNav(view: ReportDraftView, current: ReportPart | 'overview'): Html {
  const base = reportBase(view);
  const items = [
    { id: 'overview', label: '概况与流转', href: base },
    ...REPORT_PARTS.map((p) => ({ id: p.id, label: p.short, href: `${base}/${p.id}` })),
  ];
  return html`<nav class="report-parts" aria-label="报告各部分"><ul>${items.map(
    (item) => html`<li><a href="${item.href}"${item.id === current ? html` aria-current="page"` : ''}>${item.label}</a></li>`,
  )}<li><a href="${base}/preview">预览全文</a></li></ul></nav>`;
}

export interface Notice {
  readonly kind: 'ok' | 'error';
  readonly text: string;
}

function noticeBox(notice: Notice | undefined): Html {
  if (notice === undefined) {
    return html``;
  }
  return notice.kind === 'ok'
    ? html`<div class="notice" role="status"><p>${notice.text}</p></div>`
    : html`<div class="summary" role="alert"><h2>操作未完成</h2><p>${notice.text}</p></div>`;
}

/** Where each table 三 row's figures come from (statute.md §7: counted by dates and the recorded outcome). */
export function table3Source(rowId: string, year: number): string {
  if (rowId === 'received') {
    return `收到申请日期在${year}年内的案件`;
  }
  if (rowId === 'carried_in') {
    return `${year - 1}年及以前收到、${year}年1月1日仍未办结的案件`;
  }
  if (rowId === 'carried_out') {
    return `${year}年12月31日仍未办结的案件`;
  }
  if (rowId === 'outcome.total') {
    return `${year}年内办结的案件合计`;
  }
  return `${year}年内办结、办理结果记为本项的案件`;
}

export function table4Source(year: number): string {
  return `复议诉讼登记：${year}年内作出决定的案件按结果统计，${year}年底尚未审结的计入“尚未审结”`;
}

export function renderReportIndex(input: {
  readonly agencies: readonly { slug: string; name: string }[];
  readonly years: readonly number[];
  readonly defaultYear: number;
}): Html {
  return html`<h1>年度报告</h1>
${
  input.agencies.length === 0
    ? html`<p class="empty">您没有可查看年度报告的机构。</p>`
    : html`<p>选择机构和年度，填写表二和正文，核对自动统计的表三、表四，然后提交审核、发布。</p>
<table class="report-index"><caption>各机构年度报告</caption><thead><tr><th scope="col">机构</th>${input.years.map((y) => html`<th scope="col">${y}年度</th>`)}</tr></thead>
<tbody>${input.agencies.map(
        (agency) =>
          html`<tr><th scope="row">${agency.name}</th>${input.years.map(
            (y) => html`<td><a href="/console/reports/${agency.slug}/${y}">${agency.name}${y}年度报告</a></td>`,
          )}</tr>`,
      )}</tbody></table>
<form method="get" action="/console/reports/open" class="report-open">
<div class="field"><label for="agency">机构</label><select id="agency" name="agency">${input.agencies.map(
        (agency) => html`<option value="${agency.slug}">${agency.name}</option>`,
      )}</select></div>
<div class="field"><label for="year">年度</label><input type="text" inputmode="numeric" id="year" name="year" value="${input.defaultYear}" pattern="[0-9]{4}" maxlength="4"></div>
<button type="submit">打开</button>
</form>`
}`;
}

function historyTable(history: readonly ReportActionRecord[]): Html {
  if (history.length === 0) {
    return html`<p class="empty">尚无记录。</p>`;
  }
  return html`<table class="report-history"><caption>流转记录</caption><thead><tr><th scope="col">时间</th><th scope="col">操作人</th><th scope="col">操作</th><th scope="col">状态</th><th scope="col">意见</th></tr></thead>
<tbody>${[...history]
    .reverse()
    .map(
      (a) =>
        html`<tr><td>${beijingTime(a.at)}</td><td>${a.actor}</td><td>${REPORT_ACTION_LABEL[a.action]}${a.version === null ? '' : `（第${a.version}版）`}</td><td>${
          a.fromState === a.toState
            ? REPORT_STATE_LABEL[a.toState]
            : `${REPORT_STATE_LABEL[a.fromState]} → ${REPORT_STATE_LABEL[a.toState]}`
        }</td><td>${a.comment ?? ''}</td></tr>`,
    )}</tbody></table>`;
}

const ACTION_HINT: Readonly<Record<WorkflowAction, string>> = {
  submit: '提交后内容锁定，由审核人审核。',
  approve: '审核通过后由机构管理员发布。',
  send_back: '退回后回到草稿，可继续修改（须填写理由）。',
  publish: '发布后在公开平台展示，内容不可更改；更正须重新编辑并再次发布。',
  reopen: '更正：回到草稿重新编辑，再次发布为新版本；已发布的版本仍保留（须填写理由）。',
  comment: '只记录意见，不改变状态。',
};

export function renderReportOverview(
  view: ReportDraftView,
  input: { readonly csrf: Html; readonly notice?: Notice; readonly comment?: string; readonly commentError?: string },
): Html {
  const base = reportBase(view);
  const roles = ROLES.filter((role) => view.roles.has(role)).map((role) => ROLE_LABEL[role]);
  const general = view.findings.filter((f) => f.cells.length === 0 && !isNarrativeFinding(f));
  return html`<h1>${reportTitle(view.compiled.document)}</h1>
${noticeBox(input.notice)}
${partNav(view, 'overview')}
${stateLine(view)}
<p>您在本机构的角色：${roles.length === 0 ? '无（只读）' : roles.join('、')}。</p>
<h2>各部分</h2>
<ul>${REPORT_PARTS.map((p) => {
    const count =
      p.id === 'narrative'
        ? view.findings.filter(isNarrativeFinding).length
        : view.findings.filter(
            (f) => !isNarrativeFinding(f) && f.cells.some((id) => TEMPLATES[view.template].cellById.get(id)?.table === PART_TABLE[p.id]),
          ).length;
    return html`<li><a href="${base}/${p.id}">${p.label}</a>${count > 0 ? `（核对发现 ${count} 项）` : ''}</li>`;
  })}</ul>
${general.length > 0 ? html`<h2>整体核对结果</h2>${findingList('general-findings', general)}` : ''}
<h2 id="workflow">审核与发布</h2>
${
  view.actions.length === 0
    ? html`<p class="empty">当前状态下您没有可执行的操作。</p>`
    : html`<form method="post" action="${base}/actions" class="report-actions">
${input.csrf}
<input type="hidden" name="revision" value="${view.revision}">
<div class="field"><label for="comment">意见或理由</label><span class="hint" id="comment-hint">退回、更正时必填；提交意见时必填。</span>${
        input.commentError === undefined ? '' : html`<span class="error" id="comment-error">${input.commentError}</span>`
      }<textarea id="comment" name="comment" maxlength="2000" aria-describedby="comment-hint${input.commentError === undefined ? '' : ' comment-error'}"${
        input.commentError === undefined ? '' : html` aria-invalid="true"`
      }>${input.comment ?? ''}</textarea></div>
<ul class="action-list">${view.actions.map(
        (action) =>
          html`<li><button type="submit" name="action" value="${action}"${action === 'send_back' || action === 'reopen' ? html` class="danger"` : ''}>${REPORT_ACTION_LABEL[action]}</button> <span class="hint">${ACTION_HINT[action]}</span></li>`,
      )}</ul>
</form>`
}
<h2>已发布版本</h2>
${
  view.publications.length === 0
    ? html`<p class="empty">尚未发布。公开平台显示依据办理数据生成的表三、表四，并注明尚未发布。</p>`
    : html`<ul>${view.publications.map(
        (p) =>
          html`<li><a href="/${view.agency.slug}/reports/${view.year}?version=${p.version}">第${p.version}版</a>，${beijingTime(p.publishedAt)} 由 ${p.publishedBy} 发布</li>`,
      )}</ul>`
}
<h2>流转记录</h2>
${historyTable(view.history)}`;
}

export interface FormState {
  readonly values: Readonly<Record<string, string>>;
  readonly errors: Readonly<Record<string, string>>;
}

function errorSummary(errors: Readonly<Record<string, string>>, labelOf: (key: string) => string): Html {
  const keys = Object.keys(errors);
  if (keys.length === 0) {
    return html``;
  }
  return html`<div class="summary" role="alert" tabindex="-1"><h2>有 ${keys.length} 处需要修改，内容未保存</h2><ul>${keys.map(
    (key) => html`<li><a href="#${domId(key)}">${labelOf(key)}：${errors[key]}</a></li>`,
  )}</ul></div>`;
}

function cellsOfTable(view: ReportDraftView, table: TableId): Map<string, CellDef[]> {
  const rows = new Map<string, CellDef[]>();
  for (const cell of TEMPLATES[view.template].cells) {
    if (cell.table === table) {
      rows.set(cell.rowId, [...(rows.get(cell.rowId) ?? []), cell]);
    }
  }
  return rows;
}

const cellLabel = (cell: CellDef) => `${cell.row} / ${cell.column}`;

export function renderTable2Form(
  view: ReportDraftView,
  input: { readonly csrf: Html; readonly state?: FormState; readonly notice?: Notice },
): Html {
  const base = reportBase(view);
  const template = TEMPLATES[view.template];
  const table = template.tables['二'];
  const byCell = findingsByCell(view.findings.filter((f) => !isNarrativeFinding(f)));
  const rows = cellsOfTable(view, '二');
  const errors = input.state?.errors ?? {};
  const shownValue = (key: string) => input.state?.values[key] ?? view.entries.get(key) ?? '';
  const labelOf = (key: string) => {
    const cell = template.cellById.get(key.slice(5));
    return cell === undefined ? key : cellLabel(cell);
  };
  const disabled = !view.mayEdit;
  const body = html`${table.blocks.map((block) => {
    const blockRows = table.rows.filter((row) => row.block === block.id);
    return html`<fieldset class="t2-block"><legend>${block.label}</legend>
<table class="entry"><thead><tr><th scope="col">信息内容</th>${block.columns.map((col) => html`<th scope="col">${col.label}</th>`)}</tr></thead><tbody>${blockRows.map(
      (row) =>
        html`<tr><th scope="row">${row.label}</th>${(rows.get(row.id) ?? []).map((cell) => {
          const key = `cell:${cell.id}`;
          const id = domId(key);
          const findings = byCell.get(cell.id) ?? [];
          const described = [errors[key] === undefined ? '' : `${id}-error`, findings.length === 0 ? '' : `${id}-findings`]
            .filter((x) => x !== '')
            .join(' ');
          return html`<td>${errors[key] === undefined ? '' : html`<span class="error" id="${id}-error">${errors[key]}</span>`}<input type="text" id="${id}" name="${key}" value="${shownValue(key)}" aria-label="${cellLabel(cell)}" inputmode="${cell.kind === 'amount' ? 'decimal' : 'numeric'}" size="8" maxlength="40"${
            described === '' ? '' : html` aria-describedby="${described}"`
          }${errors[key] === undefined ? '' : html` aria-invalid="true"`}${disabled ? html` readonly` : ''}>${findingList(`${id}-findings`, findings)}</td>`;
        })}</tr>`,
    )}</tbody></table></fieldset>`;
  })}`;
  return html`<h1>${view.agency.name}${view.year}年度报告 表二</h1>
${noticeBox(input.notice)}
${partNav(view, 'table2')}
${stateLine(view)}
${errorSummary(errors, labelOf)}
${findingList('table-findings', tableWideFindings(view, '二'))}
<p>表二由工作人员填写：件数填不小于 0 的整数，“本年增/减”可填负数，金额以万元为单位；不适用的填“/”，留空表示尚未填写（不按 0 计）。</p>
${
  view.mayEdit
    ? html`<form method="post" action="${base}/table2" novalidate>${input.csrf}<input type="hidden" name="revision" value="${view.revision}">${body}<button type="submit">保存表二</button></form>`
    : html`<p class="notice">报告当前为“${REPORT_STATE_LABEL[view.state]}”${view.state === 'draft' ? '，您的角色不能修改' : '，不能修改'}。</p>${body}`
}`;
}

export function renderCompiledTable(view: ReportDraftView, part: 'table3' | 'table4'): Html {
  const table = PART_TABLE[part];
  const template = TEMPLATES[view.template];
  const def = template.tables[table];
  const rows = cellsOfTable(view, table);
  const byCell = findingsByCell(view.findings.filter((f) => !isNarrativeFinding(f)));
  const columns = def.rows.find((row) => row.kind === 'data')?.columns ?? [];
  const figure = (cell: CellDef) => {
    const value = view.compiled.tally.get(cell.id);
    const findings = byCell.get(cell.id) ?? [];
    const id = domId(`cell:${cell.id}`);
    return html`<td class="num" data-cell="${cell.id}" id="${id}">${value === undefined ? '' : String(value)}${findingList(`${id}-findings`, findings)}</td>`;
  };
  return html`<h1>${view.agency.name}${view.year}年度报告 ${table === '三' ? '表三' : '表四'}</h1>
${partNav(view, part)}
${stateLine(view)}
<div class="notice" role="note"><p>本表由办理数据自动统计，只读，不能手工修改：${
    table === '三'
      ? '依申请公开案件按收到日期、办结日期和记录的办理结果统计（最后一列为每行数据的来源）。案件办理记录有误的，请在案件中更正；系统外办理的申请请用“案件导入”补录。'
      : table4Source(view.year)
  }。</p></div>
${findingList('table-findings', tableWideFindings(view, table))}
<div class="table-wrap" role="region" tabindex="0" aria-label="${def.heading}"><table class="compiled"><caption>${def.heading}</caption><thead><tr><th scope="col">项目</th>${columns.map(
    (col) => html`<th scope="col">${col.label}</th>`,
  )}${table === '三' ? html`<th scope="col">数据来源</th>` : ''}</tr></thead><tbody>${def.rows.map((row) =>
    row.kind === 'group'
      ? html`<tr><th scope="rowgroup" colspan="${columns.length + (table === '三' ? 2 : 1)}">${row.label}</th></tr>`
      : html`<tr><th scope="row">${row.label}</th>${(rows.get(row.id) ?? []).map(figure)}${table === '三' ? html`<td class="source">${table3Source(row.id, view.year)}</td>` : ''}</tr>`,
  )}</tbody></table></div>`;
}

export function renderNarrativeForm(
  view: ReportDraftView,
  input: { readonly csrf: Html; readonly state?: FormState; readonly notice?: Notice },
): Html {
  const base = reportBase(view);
  const template = TEMPLATES[view.template];
  const errors = input.state?.errors ?? {};
  const narrative = view.findings.filter(isNarrativeFinding);
  const sectionOf = (id: SectionId) => template.sections.find((s) => s.id === id)?.heading ?? id;
  const shownValue = (key: string) => input.state?.values[key] ?? view.entries.get(key) ?? '';
  const body = html`${SECTION_IDS.map((id) => {
    const key = `section:${id}`;
    const domKey = domId(key);
    return html`<div class="field"><label for="${domKey}">${sectionOf(id)}</label><span class="hint" id="${domKey}-hint">每段一行；${
      template.sections.find((s) => s.id === id)?.table === undefined ? '' : '本部分的表格在表单页中填写或自动统计，这里只写文字说明；'
    }留空则使用报告模板的默认内容。</span>${errors[key] === undefined ? '' : html`<span class="error" id="${domKey}-error">${errors[key]}</span>`}<textarea id="${domKey}" name="${key}" rows="8" maxlength="20000" aria-describedby="${domKey}-hint${
      errors[key] === undefined ? '' : ` ${domKey}-error`
    }"${errors[key] === undefined ? '' : html` aria-invalid="true"`}${view.mayEdit ? '' : html` readonly`}>${shownValue(key)}</textarea></div>`;
  })}`;
  return html`<h1>${view.agency.name}${view.year}年度报告 正文</h1>
${noticeBox(input.notice)}
${partNav(view, 'narrative')}
${stateLine(view)}
${errorSummary(errors, (key) => sectionOf(key.slice(8) as SectionId))}
${narrative.length > 0 ? html`<h2>正文核对结果</h2><p>正文中的数字与表格不一致等问题：</p>${findingList('narrative-findings', narrative)}` : ''}
${
  view.mayEdit
    ? html`<form method="post" action="${base}/narrative" novalidate>${input.csrf}<input type="hidden" name="revision" value="${view.revision}">${body}<button type="submit">保存正文</button></form>`
    : html`<p class="notice">报告当前为“${REPORT_STATE_LABEL[view.state]}”，不能修改。</p>${body}`
}`;
}

export function renderReportPreview(view: ReportDraftView): Html {
  return html`<h1>${reportTitle(view.compiled.document)}（预览）</h1>
${partNav(view, 'overview')}
<div class="notice" role="note"><p>这是按当前内容编制的全文预览（${REPORT_STATE_LABEL[view.state]}），尚未${view.state === 'published' ? '重新' : ''}发布的内容不会出现在公开平台。</p></div>
<article class="report">${raw(renderHtmlBody(view.compiled.document))}</article>`;
}
