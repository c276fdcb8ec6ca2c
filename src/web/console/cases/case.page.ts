// The console's case page (issue #8): the case and its applicant (staff only), the reply clock as of
// today with its explanation in Chinese (the text of `gongkai deadline`), the timeline of recorded
// events with who recorded them and when, one form per event that may be recorded now (a refused
// one comes back with the Chinese reason beside it and the values kept), and the reply letter.
import { html } from 'hono/html';
import type { CaseAssignment } from '#app/case-ports.ts';
import type { CaseEventRecord } from '#app/cases/case-work-ports.ts';
import type { CaseWorkspace } from '#app/cases/get-case-workspace.ts';
import { type LocalDate, shanghaiDateOf, shanghaiMinutesOf } from '#core/calendar/local-date.ts';
import { APPLICANT_TYPE_LABEL, ID_TYPE_LABEL } from '#core/cases/applicant.ts';
import { CASE_EVENT_LABEL, type CaseEvent, type CaseEventType } from '#core/cases/case-event.ts';
import { OUTCOME_BY_CODE, type OutcomeCode } from '#core/cases/outcome-codes.ts';
import { CLOCK_STATE_LABEL, chineseDates } from '#core/statute/explain-clock.ts';
import { type Fen, formatYuan } from '#core/statute/fees.ts';
import { CHANNEL_LABEL, type Channel } from '#core/statute/receipt-date.ts';
import type { Html } from '../../portal/layout.ts';
import { CONSULTEE_KIND_LABEL, EVENT_FIELDS, type EventField, OUTCOME_GROUPS, OUTCOMES_BY_OWN_EVENT } from './event-forms.ts';

export const DELIVERY_LABEL: Readonly<Record<string, string>> = {
  online: '网上获取',
  email: '电子邮件',
  post: '邮寄纸质件',
  pickup: '当面领取',
};

const APPLICANT_FIELDS = [
  ['type', '申请人类型'],
  ['name', '姓名或名称'],
  ['idType', '证件类型'],
  ['idNumber', '证件号码'],
  ['uscc', '统一社会信用代码'],
  ['phone', '联系电话'],
  ['email', '电子邮箱'],
  ['address', '通信地址'],
] as const;

/** A refused or invalid event form, shown again with its message and values. */
export interface EventFormState {
  readonly type: CaseEventType;
  readonly values: Readonly<Record<string, string>>;
  readonly error: string;
}

export interface CasePageInput {
  readonly workspace: CaseWorkspace;
  readonly agencyName: string;
  /** The hidden CSRF input of every form. */
  readonly csrf: Html;
  /** May the caller record events here (a supervisor only reads)? */
  readonly mayWrite: boolean;
  readonly form?: EventFormState;
  /** A notice after a recorded event (post/redirect/get). */
  readonly notice?: string;
  /** The attachments panel (src/web/attachments/attachments-panel.ts), rendered by the route. */
  readonly attachments?: Html;
  /** A refused 承办人 form: the chosen value and the reason, shown beside the select. */
  readonly officerForm?: { readonly value: string; readonly error: string };
}

/** The 承办人 form (for a caller who may write the case): the eligible users, or 未分配. */
function officerForm(input: CasePageInput): Html {
  const { workspace } = input;
  const current = input.officerForm?.value ?? workspace.case.officer ?? '';
  const error = input.officerForm?.error;
  const candidates = workspace.officerCandidates;
  // The current officer stays choosable even when no longer eligible (disabled, role revoked): saving the
  // form unchanged then changes nothing.
  const options =
    workspace.case.officer !== null && !candidates.includes(workspace.case.officer) ? [workspace.case.officer, ...candidates] : candidates;
  return html`<section aria-labelledby="s-officer"><h2 id="s-officer">承办人</h2>
<form method="post" action="/console/cases/${workspace.case.caseCode}/assign" id="assign">${input.csrf}
<div class="field"><label for="assign-officer">承办人</label><span class="hint" id="assign-officer-hint">可选本机关启用的办理人员（监督员不能担任承办人）</span>${
    error === undefined ? '' : html`<span class="error" id="assign-officer-error">${error}</span>`
  }<select id="assign-officer" name="officer" aria-describedby="assign-officer-hint${error === undefined ? '' : ' assign-officer-error'}"${
    error === undefined ? '' : html` aria-invalid="true"`
  }><option value=""${current === '' ? html` selected` : ''}>未分配</option>${options.map(
    (username) => html`<option value="${username}"${username === current ? html` selected` : ''}>${username}</option>`,
  )}</select></div>
<button type="submit">保存承办人</button>
</form></section>`;
}

/** An instant as Beijing time, `2025-06-30 10:05`. */
export function beijingTime(iso: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) {
    return iso;
  }
  const minutes = shanghaiMinutesOf(instant);
  return `${shanghaiDateOf(instant)} ${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

const hhmm = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** What an event records beyond its date, as label–value pairs in Chinese. */
export function eventDetails(event: CaseEvent): [string, string][] {
  const details: [string, string][] = [];
  const record = event as unknown as Record<string, unknown>;
  if (event.type === 'received') {
    details.push(['渠道', CHANNEL_LABEL[event.channel as Channel] ?? event.channel]);
    details.push(['申请人类型', APPLICANT_TYPE_LABEL[event.applicantType] ?? event.applicantType]);
    if (event.atMinutes !== undefined) {
      details.push(['收到时刻', hhmm(event.atMinutes)]);
    }
    return details;
  }
  for (const field of EVENT_FIELDS[event.type]) {
    const value = record[field.name];
    if (field.name === 'date' || value === undefined || value === null || value === '') {
      continue;
    }
    let text = String(value);
    if (field.kind === 'yuan' && typeof value === 'number') {
      text = `${formatYuan(value as Fen)} 元`;
    } else if (field.kind === 'outcome') {
      text = OUTCOME_BY_CODE.get(value as OutcomeCode)?.row ?? text;
    } else if (field.name === 'kind') {
      text = CONSULTEE_KIND_LABEL[value as keyof typeof CONSULTEE_KIND_LABEL] ?? text;
    } else if (field.kind === 'consultation') {
      text = String(value);
    }
    details.push([field.kind === 'consultation' ? '征求意见编号' : field.kind === 'yuan' ? '收费金额' : field.label, text]);
  }
  return details;
}

const fieldId = (type: string, name: string): string => `e-${type}-${name}`;

function eventControl(type: CaseEventType, field: EventField, value: string, workspace: CaseWorkspace, errorId: string | undefined): Html {
  const id = fieldId(type, field.name);
  const hintId = field.hint === undefined ? undefined : `${id}-hint`;
  const described = [hintId, errorId].filter((x) => x !== undefined).join(' ');
  const aria = html`${described === '' ? '' : html` aria-describedby="${described}"`}${errorId === undefined ? '' : html` aria-invalid="true"`}`;
  const req = field.required === true ? html` required` : '';
  const label = html`<label for="${id}">${field.label}${field.required === true ? '（必填）' : ''}</label>${
    field.hint === undefined ? '' : html`<span class="hint" id="${hintId}">${field.hint}</span>`
  }`;
  switch (field.kind) {
    case 'date':
      return html`<div class="field">${label}<input type="date" id="${id}" name="${field.name}" value="${value}"${req}${aria}></div>`;
    case 'yuan':
      return html`<div class="field">${label}<input type="text" inputmode="decimal" id="${id}" name="${field.name}" value="${value}" maxlength="12"${req}${aria}></div>`;
    case 'number':
      return html`<div class="field">${label}<input type="number" id="${id}" name="${field.name}" value="${value}" min="${field.min ?? 1}" max="${field.max ?? 60}" step="1"${req}${aria}></div>`;
    case 'textarea':
      return html`<div class="field">${label}<textarea id="${id}" name="${field.name}" maxlength="500" rows="3"${aria}>${value}</textarea></div>`;
    case 'select':
      return html`<div class="field">${label}<select id="${id}" name="${field.name}"${req}${aria}>${Object.entries(field.options ?? {}).map(
        ([key, text]) => html`<option value="${key}"${key === value ? html` selected` : ''}>${text}</option>`,
      )}</select></div>`;
    case 'consultation': {
      const open = workspace.openConsultations;
      return html`<div class="field">${label}<select id="${id}" name="${field.name}"${req}${aria}>${open.map(
        (cid) => html`<option value="${cid}"${cid === value ? html` selected` : ''}>${cid}</option>`,
      )}</select></div>`;
    }
    case 'outcome':
      return html`<div class="field">${label}<select id="${id}" name="${field.name}"${req}${aria}><option value=""${value === '' ? html` selected` : ''}>请选择</option>${OUTCOME_GROUPS.map(
        (group) =>
          html`<optgroup label="${group.label}">${group.outcomes.map(
            (o) =>
              html`<option value="${o.code}"${o.code === value ? html` selected` : ''}${OUTCOMES_BY_OWN_EVENT.has(o.code) ? html` disabled` : ''}>${o.label}（${o.basis}）${
                OUTCOMES_BY_OWN_EVENT.has(o.code) ? '——以相应逾期事件结案' : ''
              }</option>`,
          )}</optgroup>`,
      )}</select></div>`;
    default:
      return html`<div class="field">${label}<input type="text" id="${id}" name="${field.name}" value="${value}" maxlength="200"${aria}></div>`;
  }
}

function eventForm(type: CaseEventType, input: CasePageInput): Html {
  const { workspace } = input;
  const state = input.form?.type === type ? input.form : undefined;
  const errorId = state === undefined ? undefined : `e-${type}-error`;
  const values: Readonly<Record<string, string>> = state?.values ?? { date: workspace.today };
  return html`<section class="event-form" aria-labelledby="e-${type}-title">
<h3 id="e-${type}-title">${CASE_EVENT_LABEL[type]}</h3>
${state === undefined ? '' : html`<p class="error" id="${errorId}" role="alert">未登记：${state.error}</p>`}
<form method="post" action="/console/cases/${workspace.case.caseCode}/events" id="e-${type}">
${input.csrf}<input type="hidden" name="type" value="${type}">
${EVENT_FIELDS[type].map((field) => eventControl(type, field, values[field.name] ?? '', workspace, field.name === 'date' || state !== undefined ? errorId : undefined))}
<button type="submit">登记“${CASE_EVENT_LABEL[type]}”</button>
</form>
</section>`;
}

function dueLine(workspace: CaseWorkspace): Html {
  const { clock } = workspace;
  if (clock.overdue) {
    return html`<strong class="overdue">⚠ 已逾期${clock.overdueWorkingDays === null ? '' : ` ${clock.overdueWorkingDays} 个工作日`}</strong>`;
  }
  if (!workspace.case.open) {
    return html`已办结`;
  }
  if (clock.due === null) {
    return html`${CLOCK_STATE_LABEL[clock.state]}`;
  }
  return html`剩余 ${clock.workingDaysLeft} 个工作日${clock.state === 'due_soon' ? html`（<strong>即将到期</strong>）` : ''}`;
}

const dateOr = (date: LocalDate | null): string => date ?? '—';

/** A row of the timeline: a recorded event, or a change of 承办人 (with the officer it replaced). */
export type TimelineRow =
  | { readonly kind: 'event'; readonly record: CaseEventRecord }
  | { readonly kind: 'assignment'; readonly assignment: CaseAssignment; readonly previous: string | null };

/**
 * Events (in their order) and assignments (in theirs) interleaved by when they were recorded: an
 * assignment comes before the first event recorded after it. An instant that does not parse sorts last.
 */
export function timelineRows(workspace: Pick<CaseWorkspace, 'timeline' | 'assignments'>): TimelineRow[] {
  const time = (iso: string): number => {
    const ms = Date.parse(iso);
    return Number.isNaN(ms) ? Number.POSITIVE_INFINITY : ms;
  };
  const rows: TimelineRow[] = [];
  let next = 0;
  let previous: string | null = null;
  const assignment = (a: CaseAssignment): TimelineRow => {
    const row: TimelineRow = { kind: 'assignment', assignment: a, previous };
    previous = a.officer;
    return row;
  };
  for (const record of workspace.timeline) {
    while (next < workspace.assignments.length && time(workspace.assignments[next]!.at) < time(record.recordedAt)) {
      rows.push(assignment(workspace.assignments[next]!));
      next += 1;
    }
    rows.push({ kind: 'event', record });
  }
  for (; next < workspace.assignments.length; next += 1) {
    rows.push(assignment(workspace.assignments[next]!));
  }
  return rows;
}

export function renderCasePage(input: CasePageInput): Html {
  const { workspace } = input;
  const c = workspace.case;
  const applicant = (c.applicant ?? null) as Record<string, string> | null;
  const applicantValue = (key: string, value: string): string =>
    key === 'type'
      ? (APPLICANT_TYPE_LABEL[value as keyof typeof APPLICANT_TYPE_LABEL] ?? value)
      : key === 'idType'
        ? (ID_TYPE_LABEL[value as keyof typeof ID_TYPE_LABEL] ?? value)
        : value;
  const { explanation } = workspace.clock;
  return html`<h1>案件 ${c.caseCode}</h1>
${input.notice === undefined ? '' : html`<p class="notice" role="status">${input.notice}</p>`}
<section aria-labelledby="s-summary"><h2 id="s-summary">办理情况</h2>
<dl class="facts">
<dt>机关</dt><dd>${input.agencyName}</dd>
<dt>状态</dt><dd>${c.stateLabel}</dd>
<dt>承办人</dt><dd>${c.officer ?? '未分配'}</dd>
<dt>收到日期</dt><dd>${c.received}</dd>
<dt>渠道</dt><dd>${CHANNEL_LABEL[c.channel as Channel] ?? c.channel}</dd>
<dt>答复期限</dt><dd>${dateOr(workspace.clock.due)}</dd>
<dt>期限状态</dt><dd>${dueLine(workspace)}</dd>
${
  // Only while the applicant's 补正 (or the fee) is awaited: once supplied, or the case closed, the
  // deadline that ran out or was met is history (the timeline keeps it).
  c.state !== 'awaiting_correction' || workspace.clock.correctionDeadline === null
    ? ''
    : html`<dt>补正期限</dt><dd>${workspace.clock.correctionDeadline}</dd>`
}
${c.state !== 'awaiting_fee' || workspace.clock.feePaymentDue === null ? '' : html`<dt>缴费期限</dt><dd>${workspace.clock.feePaymentDue}</dd>`}
${c.outcome === null ? '' : html`<dt>办理结果</dt><dd>${c.outcomeLabel ?? c.outcome}（${c.closedOn ?? ''} 办结）</dd>`}
</dl></section>
${input.mayWrite ? officerForm(input) : ''}
<section aria-labelledby="s-applicant"><h2 id="s-applicant">申请人与申请内容</h2>
${
  applicant === null
    ? html`<p class="empty">导入的案件，没有申请人信息。</p>`
    : html`<dl class="facts">${APPLICANT_FIELDS.filter(([key]) => typeof applicant[key] === 'string' && applicant[key] !== '').map(
        ([key, label]) => html`<dt>${label}</dt><dd>${applicantValue(key, applicant[key]!)}</dd>`,
      )}</dl>`
}
<dl class="facts"><dt>所需信息</dt><dd>${c.description ?? '—'}</dd><dt>获取方式</dt><dd>${c.delivery === null ? '—' : (DELIVERY_LABEL[c.delivery] ?? c.delivery)}</dd></dl>
</section>
<section aria-labelledby="s-clock"><h2 id="s-clock">期限计算说明</h2>
<ul>${explanation.summary.map((line) => html`<li>${chineseDates(line)}</li>`)}</ul>
<ol>${explanation.steps.map((step) => html`<li>${chineseDates(step)}</li>`)}</ol>
${explanation.notes.length === 0 ? '' : html`<ul>${explanation.notes.map((note) => html`<li>${chineseDates(note)}</li>`)}</ul>`}
</section>
<section aria-labelledby="s-timeline"><h2 id="s-timeline">办理记录</h2>
<table class="timeline"><caption>已登记的事件和承办人变更（按登记时间）</caption>
<thead><tr><th scope="col">序号</th><th scope="col">日期</th><th scope="col">事件</th><th scope="col">内容</th><th scope="col">登记人</th><th scope="col">登记时间（北京时间）</th></tr></thead>
<tbody>${timelineRows(workspace).map((row) =>
    row.kind === 'event'
      ? html`<tr><td>${row.record.seq}</td><td>${row.record.event.on}</td><th scope="row">${CASE_EVENT_LABEL[row.record.event.type] ?? row.record.event.type}</th><td>${eventDetails(
          row.record.event,
        ).map(
          ([label, value], i) => html`${i === 0 ? '' : html`<br>`}${label}：${value}`,
        )}</td><td>${row.record.actor}</td><td>${beijingTime(row.record.recordedAt)}</td></tr>`
      : html`<tr class="assignment"><td>—</td><td>${beijingTime(row.assignment.at).slice(0, 10)}</td><th scope="row">${
          row.assignment.officer === null ? '取消承办人' : '指定承办人'
        }</th><td>${row.assignment.officer === null ? '改为未分配' : `承办人：${row.assignment.officer}`}${
          row.previous === null ? '' : html`<br>原承办人：${row.previous}`
        }</td><td>${row.assignment.actor}</td><td>${beijingTime(row.assignment.at)}</td></tr>`,
  )}</tbody></table>
</section>
${input.attachments ?? ''}
<section aria-labelledby="s-events"><h2 id="s-events">登记事件</h2>
${
  !input.mayWrite
    ? html`<p class="empty">您的角色只能查看本案件。</p>`
    : workspace.allowed.length === 0
      ? html`<p class="empty">当前没有可以登记的事件。</p>`
      : html`<p>以下只列出案件当前状态下可以登记的事件。日期不得晚于今天（${workspace.today}），也不得早于上一个事件的日期。</p>
${workspace.allowed.map((type) => eventForm(type, input))}`
}
</section>
<section aria-labelledby="s-letter"><h2 id="s-letter">答复告知书</h2>
${
  c.state === 'replied'
    ? html`<ul><li><a href="/console/cases/${c.caseCode}/letter">预览告知书</a></li><li><a href="/console/cases/${c.caseCode}/letter.docx">下载告知书（DOCX）</a></li></ul>`
    : html`<p class="empty">案件答复后可预览和下载告知书。</p>`
}
</section>`;
}
