// 登记新申请: staff enter an application that arrived by letter, in person, by fax or e-mail (issue
// #8), with its channel and the real arrival date and time (条例第三十一条: the receipt date depends on
// the channel). The applicant fields are the portal's (same names, same checks in createApplication).
import { html } from 'hono/html';
import { CHANNELS } from '#core/statute/receipt-date.ts';
import { APPLY_FIELDS, applyFieldControl } from '../../portal/apply.page.ts';
import type { Html } from '../../portal/layout.ts';

/** The channels as staff name them (条例第三十一条). */
export const ENTRY_CHANNEL_LABEL = {
  post_signed: '信函（挂号、EMS、快递，需签收）：签收之日',
  post_ordinary: '平常信函：双方确认之日',
  in_person: '当面提交：提交之日',
  oral: '口头提出（代为填写）：提交之日',
  fax: '传真：双方确认之日',
  online: '电子邮件或网上：双方确认之日',
} as const satisfies Record<(typeof CHANNELS)[number], string>;

export const ENTRY_FIELDS = ['agency', 'channel', 'received', 'receivedTime', ...APPLY_FIELDS] as const;
export type EntryField = (typeof ENTRY_FIELDS)[number];

export interface EntryFormState {
  readonly values: Readonly<Partial<Record<EntryField, string>>>;
  readonly errors: Readonly<Record<string, string>>;
}

const ENTRY_LABEL: Readonly<Record<string, string>> = {
  agency: '受理机关',
  channel: '收到渠道',
  received: '收到日期',
  receivedTime: '收到时刻',
};

function ownField(
  name: 'agency' | 'channel' | 'received' | 'receivedTime',
  control: (aria: Html) => Html,
  state: EntryFormState,
  hint?: string,
): Html {
  const id = `f-${name}`;
  const error = state.errors[name];
  const ids = [hint === undefined ? undefined : `${id}-hint`, error === undefined ? undefined : `${id}-error`].filter(
    (x) => x !== undefined,
  );
  const aria = html`${ids.length === 0 ? '' : html` aria-describedby="${ids.join(' ')}"`}${error === undefined ? '' : html` aria-invalid="true"`}`;
  const required = name === 'receivedTime' ? '' : '（必填）';
  return html`<div class="field"><label for="${id}">${ENTRY_LABEL[name]}${required}</label>${hint === undefined ? '' : html`<span class="hint" id="${id}-hint">${hint}</span>`}${
    error === undefined ? '' : html`<span class="error" id="${id}-error">${error}</span>`
  }${control(aria)}</div>`;
}

export function renderNewApplicationPage(input: {
  readonly agencies: readonly { readonly slug: string; readonly name: string }[];
  readonly state: EntryFormState;
  readonly csrf: Html;
  readonly today: string;
}): Html {
  const { state } = input;
  const v = state.values;
  const errorKeys = Object.keys(state.errors);
  const summary =
    errorKeys.length === 0
      ? ''
      : html`<div class="summary" role="alert" aria-labelledby="summary-title"><h2 id="summary-title">登记的内容有误，请按提示修改</h2><ul>${errorKeys.map(
          (key) =>
            html`<li><a href="#f-${key.replace('.', '-')}">${ENTRY_LABEL[key] ?? ''}${ENTRY_LABEL[key] === undefined ? '' : '：'}${state.errors[key]}</a></li>`,
        )}</ul></div>`;
  const applyState = { values: v, errors: state.errors };
  return html`<h1>登记新申请</h1>
<p>登记以信函、当面、传真、电子邮件等方式收到的申请。收到日期按渠道确定（条例第三十一条）；如在下班后收到，请填写收到时刻。</p>
${summary}
<form method="post" action="/console/cases/new" novalidate>
${input.csrf}
<fieldset><legend>收到情况</legend>
${
  input.agencies.length === 1
    ? html`<input type="hidden" name="agency" value="${input.agencies[0]!.slug}"><p>受理机关：${input.agencies[0]!.name}</p>`
    : ownField(
        'agency',
        (aria) =>
          html`<select id="f-agency" name="agency" required${aria}><option value="">请选择</option>${input.agencies.map(
            (a) => html`<option value="${a.slug}"${v.agency === a.slug ? html` selected` : ''}>${a.name}</option>`,
          )}</select>`,
        state,
      )
}
${ownField(
  'channel',
  (aria) =>
    html`<select id="f-channel" name="channel" required${aria}><option value="">请选择</option>${CHANNELS.map(
      (channel) => html`<option value="${channel}"${v.channel === channel ? html` selected` : ''}>${ENTRY_CHANNEL_LABEL[channel]}</option>`,
    )}</select>`,
  state,
)}
${ownField('received', (aria) => html`<input type="date" id="f-received" name="received" value="${v.received ?? input.today}" max="${input.today}" required${aria}>`, state, '签收、提交或双方确认之日')}
${ownField('receivedTime', (aria) => html`<input type="time" id="f-receivedTime" name="receivedTime" value="${v.receivedTime ?? ''}"${aria}>`, state, '北京时间 HH:MM；下班后收到的按本机关设置可能计为下一工作日')}
</fieldset>
<fieldset><legend>申请人信息</legend>
${APPLY_FIELDS.filter((f) => f.startsWith('applicant.')).map((field) => applyFieldControl(field, applyState))}
</fieldset>
${applyFieldControl('description', applyState)}
${applyFieldControl('delivery', applyState)}
<button type="submit">登记申请</button>
</form>`;
}

/** After staff entry: the case code and the verification code (shown once, for the applicant). */
export function renderEntryReceipt(created: { caseCode: string; verificationCode: string; received: string; due: string | null }): Html {
  return html`<h1>申请已登记</h1>
<p class="notice" role="status">请将案件编号和验证码告知申请人。验证码只显示这一次，用于申请人查询办理状态。</p>
<dl class="codes"><dt>案件编号</dt><dd>${created.caseCode}</dd><dt>验证码</dt><dd>${created.verificationCode}</dd></dl>
<dl class="facts"><dt>收到日期</dt><dd>${created.received}</dd><dt>答复期限</dt><dd>${created.due ?? '收到补正后计算'}</dd></dl>
<p><a href="/console/cases/${created.caseCode}">打开案件</a> · <a href="/console/cases/new">继续登记</a></p>`;
}
