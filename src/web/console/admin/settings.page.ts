// 机构设置 (/console/admin/{slug}/settings, 机构管理员): the clock settings (office hours, receipt and
// period conventions), the letter settings (文号 prefix, remedy notice), the SMTP server — whose stored
// password is never shown back — and the history of every change with who / when / why.
import { html } from 'hono/html';
import type { SettingHistoryRow } from '#app/console/list-agency-setting-history.ts';
import type { AgencySettings } from '#app/console/update-agency-settings.ts';
import { parseRateLimitValue, RATE_LIMIT_BOUNDS } from '#core/intake/rate-limit-setting.ts';
import { LETTER_SETTING_DEFINITIONS, type LetterSettingKey } from '#core/letters/letter-settings.ts';
import { CLOCK_SETTING_DEFINITIONS, type ClockSettingKey } from '#core/statute/clock-settings.ts';
import type { Html } from '../../portal/layout.ts';
import { errorSummary, type FormState, noticeBox, passwordField, selectField, textField } from './admin-form.ts';
import { beijingTime } from './calendar.page.ts';

export const CLOCK_LABEL: Readonly<Record<ClockSettingKey, string>> = {
  'receipt.rest-day': '休息日收到的申请',
  'receipt.after-hours': '下班后收到的申请',
  'receipt.office-hours-end': '下班时间',
  'correction.period-working-days': '默认补正期限（工作日）',
  'consultation.window-start': '征求意见不计时的起点',
  'extension.before-due': '延期的批准时限',
  'fee.pause': '等待缴费期间',
  'period.weekend-roll': '期限末日为周六、周日',
  'clock.due-soon-working-days': '“即将到期”提醒（剩余工作日）',
};

export const LETTER_LABEL: Readonly<Record<LetterSettingKey, string>> = {
  'letter.doc-number-prefix': '文号前缀',
  'letter.review-organ': '行政复议机关',
  'letter.court': '人民法院',
  'letter.partial-review-first': '部分公开的复议前置表述',
  'letter.complaint-channel': '投诉、举报机关',
  'mail.smtp-host': 'SMTP 服务器',
  'mail.smtp-port': 'SMTP 端口',
  'mail.smtp-secure': '连接即使用 TLS',
  'mail.smtp-user': 'SMTP 用户名',
  'mail.smtp-password': 'SMTP 密码',
  'mail.from': '发件人',
  'mail.reminders-to': '提醒邮件收件地址',
  'intake.rate-limit': '网上申请提交频率上限',
};

const ON_OFF: readonly (readonly [string, string])[] = [
  ['on', '是'],
  ['off', '否'],
];

export const SETTINGS_SECTIONS = {
  clock: Object.keys(CLOCK_LABEL) as ClockSettingKey[],
  letters: ['letter.doc-number-prefix', 'letter.review-organ', 'letter.court', 'letter.partial-review-first', 'letter.complaint-channel'],
  mail: ['mail.smtp-host', 'mail.smtp-port', 'mail.smtp-secure', 'mail.smtp-user', 'mail.smtp-password', 'mail.from', 'mail.reminders-to'],
  intake: ['intake.rate-limit'],
} as const satisfies Record<string, readonly string[]>;
export type SettingsSection = keyof typeof SETTINGS_SECTIONS;

export const settingLabel = (key: string): string =>
  (CLOCK_LABEL as Record<string, string>)[key] ?? (LETTER_LABEL as Record<string, string>)[key] ?? key;

export interface SettingsPageData {
  readonly agency: { readonly slug: string; readonly name: string };
  readonly settings: AgencySettings;
  readonly history: readonly SettingHistoryRow[];
  readonly csrf: Html;
  readonly state?: FormState;
  readonly notice?: string;
}

const sourceText = { agency: '本机构设置', instance: '实例默认值', default: '内置默认值' } as const;

/** 恢复默认: offered for a value the agency set itself; ticked, the agency falls back to `fallback`. */
function resetChoice(key: string, own: boolean, fallback: string): Html | string {
  return own
    ? html`<div class="field"><label class="choice"><input type="checkbox" name="reset" value="${key}"> 恢复默认：删除本机构的值，改用${fallback}</label></div>`
    : '';
}

function clockControl(d: SettingsPageData, key: ClockSettingKey): Html {
  const definition = CLOCK_SETTING_DEFINITIONS[key];
  const view = d.settings.clock.find((c) => c.key === key);
  const hint = `${definition.meaning}。默认：${definition.valueLabels?.[definition.defaultValue] ?? definition.defaultValue}${
    view?.changed === true ? '' : '（当前为默认值）'
  }`;
  const value = view?.value ?? definition.defaultValue;
  const reset = resetChoice(key, view?.source === 'agency', '实例默认值或内置默认值');
  if (Array.isArray(definition.values)) {
    const choices = (definition.values as readonly string[]).map((v) => [v, definition.valueLabels?.[v] ?? v] as const);
    return html`${selectField(d.state, 'clock', key, CLOCK_LABEL[key], choices, { hint, value })}${reset}`;
  }
  return html`${textField(d.state, 'clock', key, CLOCK_LABEL[key], {
    hint,
    value,
    type: definition.values === 'time' ? 'time' : 'number',
  })}${reset}`;
}

/** What an agency without its own value of a letter or mail setting gets, in words. */
function letterFallback(d: SettingsPageData, key: LetterSettingKey): string {
  const instance = d.settings.instanceLetters.find((l) => l.key === key);
  const source = instance?.source === 'instance' ? '实例默认值' : '内置默认值';
  const value = instance?.value ?? LETTER_SETTING_DEFINITIONS[key].defaultValue;
  return instance?.secret === true ? source : `${source}“${value === '' ? '（空）' : value}”`;
}

function letterControl(d: SettingsPageData, form: SettingsSection, key: LetterSettingKey): Html {
  const definition = LETTER_SETTING_DEFINITIONS[key];
  const view = d.settings.letters.find((l) => l.key === key);
  const hint = `${definition.meaning}（${sourceText[view?.source ?? 'default']}）`;
  const reset = resetChoice(key, view?.source === 'agency', letterFallback(d, key));
  if (view?.secret === true) {
    const set = view.value !== '';
    return html`${passwordField(d.state, form, key, LETTER_LABEL[key], {
      hint: `${set ? '已设置；留空则保持不变' : '未设置'}。${definition.meaning}`,
      autocomplete: 'new-password',
    })}${
      set
        ? html`<div class="field"><label class="choice"><input type="checkbox" name="clear" value="${key}"> 清除已保存的密码</label></div>`
        : ''
    }`;
  }
  if (Array.isArray(definition.values)) {
    return html`${selectField(
      d.state,
      form,
      key,
      LETTER_LABEL[key],
      definition.values.length === 2 ? ON_OFF : definition.values.map((v) => [v, v]),
      {
        hint,
        value: view?.value ?? definition.defaultValue,
      },
    )}${reset}`;
  }
  return html`${textField(d.state, form, key, LETTER_LABEL[key], {
    hint,
    value: view?.value ?? '',
    type:
      definition.values === 'email'
        ? 'email'
        : typeof definition.values === 'string' && definition.values.startsWith('integer')
          ? 'number'
          : 'text',
  })}${reset}`;
}

/** An intake.rate-limit value in words: `10/60` → 每个客户端地址每 60 秒最多提交 10 次; `off` → 不限. */
export function rateLimitText(value: string): string {
  const parsed = parseRateLimitValue(value);
  return parsed === undefined
    ? value
    : parsed === 'off'
      ? '不限'
      : `每个客户端地址每 ${parsed.windowSeconds} 秒最多提交 ${parsed.limit} 次`;
}

/** intake.rate-limit: the value in force and where it comes from, the instance default beside it. */
function rateLimitControl(d: SettingsPageData): Html {
  const key = 'intake.rate-limit';
  const view = d.settings.letters.find((l) => l.key === key);
  const instance = d.settings.instanceLetters.find((l) => l.key === key);
  const definition = LETTER_SETTING_DEFINITIONS[key];
  const value = view?.value ?? definition.defaultValue;
  const fallback = instance?.value ?? definition.defaultValue;
  const fallbackSource = instance?.source === 'instance' ? '实例默认值' : '内置默认值';
  return html`<p id="intake-effective">现行：<strong>${value}</strong>（${rateLimitText(value)}；${sourceText[view?.source ?? 'default']}）。${
    view?.source === 'agency' ? `不设本机构值时为${fallbackSource} ${fallback}（${rateLimitText(fallback)}）。` : ''
  }</p>
${textField(d.state, 'intake', key, LETTER_LABEL[key], {
  hint: `格式为“次数/秒数”（如 10/60，次数 1–${RATE_LIMIT_BOUNDS.maxLimit}，秒数 1–${RATE_LIMIT_BOUNDS.maxWindowSeconds}），或 off 表示不限。${definition.meaning}。${fallbackSource}：${fallback}`,
  value,
  maxlength: 13,
})}${resetChoice(key, view?.source === 'agency', `${fallbackSource} ${fallback}`)}`;
}

const reasonField = (d: SettingsPageData, form: string) =>
  textField(d.state, form, 'reason', '变更原因（记入修改历史）', { maxlength: 200 });

export function renderSettingsMain(d: SettingsPageData): Html {
  const action = `/console/admin/${encodeURIComponent(d.agency.slug)}/settings`;
  const labels = (section: SettingsSection) =>
    Object.fromEntries([...SETTINGS_SECTIONS[section].map((key) => [key, settingLabel(key)]), ['reason', '变更原因']]);
  return html`<h1>${d.agency.name}：机构设置</h1>
${noticeBox(d.notice)}
<p>本页设置只影响本机构；未设置的项目使用实例默认值或内置默认值。<a href="/console/admin/${encodeURIComponent(d.agency.slug)}/templates">告知书模板</a>另页管理。</p>
<section aria-labelledby="clock-title">
<h2 id="clock-title">办公时间与期限计算</h2>
${errorSummary(d.state, 'clock', labels('clock'))}
<form method="post" action="${action}" novalidate>${d.csrf}<input type="hidden" name="section" value="clock">
${SETTINGS_SECTIONS.clock.map((key) => clockControl(d, key))}
${reasonField(d, 'clock')}
<button type="submit">保存期限设置</button>
</form>
</section>
<section aria-labelledby="letters-title">
<h2 id="letters-title">告知书与文号</h2>
${errorSummary(d.state, 'letters', labels('letters'))}
<form method="post" action="${action}" novalidate>${d.csrf}<input type="hidden" name="section" value="letters">
${SETTINGS_SECTIONS.letters.map((key) => letterControl(d, 'letters', key))}
${reasonField(d, 'letters')}
<button type="submit">保存告知书设置</button>
</form>
</section>
<section aria-labelledby="mail-title">
<h2 id="mail-title">提醒邮件（SMTP）</h2>
${errorSummary(d.state, 'mail', labels('mail'))}
<form method="post" action="${action}" novalidate>${d.csrf}<input type="hidden" name="section" value="mail">
${SETTINGS_SECTIONS.mail.map((key) => letterControl(d, 'mail', key))}
${reasonField(d, 'mail')}
<button type="submit">保存邮件设置</button>
</form>
</section>
<section aria-labelledby="intake-title">
<h2 id="intake-title">网上申请</h2>
${errorSummary(d.state, 'intake', labels('intake'))}
<form method="post" action="${action}" novalidate>${d.csrf}<input type="hidden" name="section" value="intake">
${rateLimitControl(d)}
${reasonField(d, 'intake')}
<button type="submit">保存网上申请设置</button>
</form>
</section>
<section aria-labelledby="history-title">
<h2 id="history-title">修改历史</h2>
${
  d.history.length === 0
    ? html`<p class="empty">还没有修改记录。</p>`
    : html`<table class="data" id="setting-history"><thead><tr><th scope="col">时间（北京时间）</th><th scope="col">设置</th><th scope="col">范围</th><th scope="col">原值</th><th scope="col">新值</th><th scope="col">操作人</th><th scope="col">原因</th></tr></thead><tbody>${d.history.map(
        (row) =>
          html`<tr><td>${beijingTime(row.when)}</td><td>${settingLabel(row.key)}<br><small>${row.key}</small></td><td>${
            row.scope === 'agency' ? '本机构' : '实例默认'
          }</td><td>${row.from === null ? '（默认值）' : row.from === '' ? '（空）' : row.from}</td><td>${row.reset ? `恢复默认（${row.to === '' ? '空' : row.to}）` : row.to === '' ? '（空）' : row.to}</td><td>${row.who}</td><td>${row.reason ?? '—'}</td></tr>`,
      )}</tbody></table>`
}
</section>`;
}
