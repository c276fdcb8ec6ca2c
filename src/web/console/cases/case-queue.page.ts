// 案件办理: the queue of the staff member's agencies (issue #8). A GET form of filters (works without
// JavaScript), a table with headers and a caption, overdue rows marked in words (已逾期) and not by
// colour alone, and pages linked with the filters kept.
import { html } from 'hono/html';
import type { CaseQueue, QueueRow } from '#app/cases/list-case-queue.ts';
import { QUEUE_STATES, type QueueState } from '#app/cases/list-case-queue.ts';
import { CASE_URGENCY_LABEL } from '#core/cases/case-urgency.ts';
import { CASE_STATUS_LABEL } from '#core/cases/project-case.ts';
import type { Html } from '../../portal/layout.ts';

export const QUEUE_STATE_LABEL = {
  open: '未办结（全部）',
  closed: '已办结（全部）',
  all: '全部案件',
  ...CASE_STATUS_LABEL,
} as const satisfies Record<QueueState, string>;

export interface QueuePageInput {
  readonly queue: CaseQueue;
  /** The agencies the caller may read, for the agency filter (slug, name). */
  readonly agencies: readonly { readonly slug: string; readonly name: string }[];
  /** The agency filter as given ('' = all of the caller's). */
  readonly agency: string;
  /** Field problems of the filter form (shown beside the fields). */
  readonly errors?: Readonly<Record<string, string>>;
  /** May the caller enter new applications (any write role)? */
  readonly mayEnter: boolean;
  /** The signed-in user's username (the 我承办的 choice of the 承办人 filter). */
  readonly me: string;
}

const option = (value: string, label: string, selected: string): Html =>
  html`<option value="${value}"${value === selected ? html` selected` : ''}>${label}</option>`;

/** The queue URL with the filters and a page number. */
export function queueHref(filter: { agency: string; state: string; due: string; q: string; officer: string }, page: number): string {
  const params = new URLSearchParams();
  if (filter.agency !== '') {
    params.set('agency', filter.agency);
  }
  if (filter.state !== 'open') {
    params.set('state', filter.state);
  }
  if (filter.due !== '') {
    params.set('due', filter.due);
  }
  if (filter.q !== '') {
    params.set('q', filter.q);
  }
  if (filter.officer !== '') {
    params.set('officer', filter.officer);
  }
  if (page > 1) {
    params.set('page', String(page));
  }
  const query = params.toString();
  return query === '' ? '/console/cases' : `/console/cases?${query}`;
}

function urgencyCell(row: QueueRow): Html {
  const label = CASE_URGENCY_LABEL[row.urgency];
  return row.urgency === 'overdue'
    ? html`<td class="urgency overdue"><strong>⚠ ${label}</strong></td>`
    : row.urgency === 'due_soon'
      ? html`<td class="urgency due-soon"><strong>${label}</strong></td>`
      : html`<td class="urgency">${label}</td>`;
}

function deadlineText(row: QueueRow): string {
  if (row.due !== null) {
    return row.due;
  }
  return row.correctionDeadline === null ? '—' : `补正期限 ${row.correctionDeadline}`;
}

function fieldError(errors: Readonly<Record<string, string>>, name: string): Html {
  const error = errors[name];
  return error === undefined ? html`` : html`<span class="error" id="q-${name}-error">${error}</span>`;
}

const invalid = (errors: Readonly<Record<string, string>>, name: string): Html =>
  errors[name] === undefined ? html`` : html` aria-invalid="true" aria-describedby="q-${name}-error"`;

export function renderQueuePage(input: QueuePageInput): Html {
  const { queue } = input;
  const errors = input.errors ?? {};
  const filter = { agency: input.agency, ...queue.filter };
  // The filter as the select names it: the user's own username is 我承办的.
  const officerValue = filter.officer === input.me ? 'me' : filter.officer;
  const agencyNames = new Map(input.agencies.map((a) => [a.slug, a.name]));
  const first = queue.total === 0 ? 0 : (queue.page - 1) * queue.pageSize + 1;
  const last = Math.min(queue.page * queue.pageSize, queue.total);
  return html`<h1>案件办理</h1>
${input.mayEnter ? html`<p><a href="/console/cases/new">登记新申请（信函、当面、传真、电子邮件）</a></p>` : ''}
<form method="get" action="/console/cases" class="filters" role="search" aria-label="筛选案件">
${
  input.agencies.length > 1
    ? html`<div class="field"><label for="q-agency">机关</label>${fieldError(errors, 'agency')}<select id="q-agency" name="agency"${invalid(errors, 'agency')}>${option('', '全部机关', filter.agency)}${input.agencies.map((a) => option(a.slug, a.name, filter.agency))}</select></div>`
    : ''
}
<div class="field"><label for="q-state">状态</label>${fieldError(errors, 'state')}<select id="q-state" name="state"${invalid(errors, 'state')}>${QUEUE_STATES.map((s) => option(s, QUEUE_STATE_LABEL[s], filter.state))}</select></div>
<div class="field"><label for="q-due">期限</label>${fieldError(errors, 'due')}<select id="q-due" name="due"${invalid(errors, 'due')}>${option('', '不限', filter.due)}${option('overdue', '已逾期', filter.due)}${option('soon', '即将到期', filter.due)}</select></div>
<div class="field"><label for="q-officer">承办人</label>${fieldError(errors, 'officer')}<select id="q-officer" name="officer"${invalid(errors, 'officer')}>${option('', '不限', officerValue)}${option('me', `我承办的（${input.me}）`, officerValue)}${option('none', '未分配', officerValue)}${queue.officers
    .filter((name) => name !== input.me)
    .map((name) => option(name, name, officerValue))}</select></div>
<div class="field"><label for="q-q">案件编号</label>${fieldError(errors, 'q')}<input type="text" id="q-q" name="q" value="${filter.q}" maxlength="64"${invalid(errors, 'q')}></div>
<button type="submit">筛选</button>
</form>
${
  queue.items.length === 0
    ? html`<p class="empty">没有符合条件的案件。</p>`
    : html`<table class="queue">
<caption>案件列表：共 ${queue.total} 件，显示第 ${first}—${last} 件，按答复期限排序（截至 ${queue.today}）</caption>
<thead><tr><th scope="col">案件编号</th><th scope="col">机关</th><th scope="col">状态</th><th scope="col">收到日期</th><th scope="col">答复期限</th><th scope="col">期限状态</th><th scope="col">承办人</th><th scope="col">办理结果</th></tr></thead>
<tbody>${queue.items.map(
        (row) =>
          html`<tr${row.urgency === 'overdue' ? html` class="overdue"` : ''}><th scope="row"><a href="/console/cases/${row.caseCode}">${row.caseCode}</a></th><td>${agencyNames.get(row.agency) ?? row.agency}</td><td>${row.stateLabel}</td><td>${row.received}</td><td>${deadlineText(row)}</td>${urgencyCell(row)}<td>${row.officer ?? '未分配'}</td><td>${row.outcomeLabel ?? '—'}</td></tr>`,
      )}</tbody>
</table>`
}
${
  queue.pageCount > 1
    ? html`<nav class="pages" aria-label="分页"><p>第 ${queue.page} / ${queue.pageCount} 页</p><ul>${
        queue.page > 1 ? html`<li><a href="${queueHref(filter, queue.page - 1)}" rel="prev">上一页</a></li>` : ''
      }${queue.page < queue.pageCount ? html`<li><a href="${queueHref(filter, queue.page + 1)}" rel="next">下一页</a></li>` : ''}</ul></nav>`
    : ''
}`;
}
