// Agency settings of reply letters and reminder mail: the 文号 prefix, the 复议机关 and court named in
// the remedy notice (statute.md §5: "the organ's own case is an agency setting", court: convention),
// the partial-disclosure wording (convention, default on), and the agency's SMTP server and sender.
import { checkRateLimitValue, parseRateLimitValue, type RateLimitValue } from '../intake/rate-limit-setting.ts';
import { checkDocNumberPrefix } from './doc-number.ts';

export const LETTER_SETTING_KEYS = [
  'letter.doc-number-prefix',
  'letter.review-organ',
  'letter.court',
  'letter.partial-review-first',
  'letter.complaint-channel',
  'mail.smtp-host',
  'mail.smtp-port',
  'mail.smtp-secure',
  'mail.smtp-user',
  'mail.smtp-password',
  'mail.from',
  'mail.reminders-to',
  'intake.rate-limit',
] as const;
export type LetterSettingKey = (typeof LETTER_SETTING_KEYS)[number];

export interface LetterSettingDefinition {
  readonly key: LetterSettingKey;
  readonly source: string;
  readonly meaning: string;
  readonly defaultValue: string;
  /** Allowed values: a list, an integer range, free text up to a length, or an e-mail address. */
  readonly values: readonly string[] | `integer:${number}-${number}` | `text:${number}` | 'email' | 'mailbox' | 'rate';
}

const def = (
  key: LetterSettingKey,
  source: string,
  meaning: string,
  defaultValue: string,
  values: LetterSettingDefinition['values'],
): LetterSettingDefinition => ({ key, source, meaning, defaultValue, values });

export const LETTER_SETTING_DEFINITIONS: Readonly<Record<LetterSettingKey, LetterSettingDefinition>> = {
  'letter.doc-number-prefix': def(
    'letter.doc-number-prefix',
    '惯例，可配置',
    '告知书文号前缀，文号为“前缀〔年份〕第N号”（如 某府信公开〔2025〕第7号）',
    '',
    'text:20',
  ),
  'letter.review-organ': def(
    'letter.review-organ',
    'statute.md §5（《行政复议法》第二十四条、第二十七条；由本机关设置）',
    '救济途径告知中的行政复议机关（如 某市某区人民政府）；未设置时不能出具告知书',
    '',
    'text:100',
  ),
  'letter.court': def('letter.court', 'statute.md §5（惯例，可配置）', '救济途径告知中的人民法院（如 某市某区人民法院）', '', 'text:100'),
  'letter.partial-review-first': def(
    'letter.partial-review-first',
    'statute.md §5（惯例，可配置）',
    '部分公开告知书对不予公开部分采用复议前置表述（2024年1月1日起）',
    'on',
    ['on', 'off'],
  ),
  'letter.complaint-channel': def(
    'letter.complaint-channel',
    '条例第五十一条（可选）',
    '告知书中另行告知的投诉、举报机关（上一级行政机关或政府信息公开工作主管部门）；为空则不写',
    '',
    'text:100',
  ),
  'mail.smtp-host': def('mail.smtp-host', '产品设置', '发送提醒邮件的 SMTP 服务器主机名；为空则不发送邮件', '', 'text:253'),
  'mail.smtp-port': def('mail.smtp-port', '产品设置', 'SMTP 服务器端口', '25', 'integer:1-65535'),
  'mail.smtp-secure': def('mail.smtp-secure', '产品设置', '是否从连接开始即使用 TLS（465 端口为 on）', 'off', ['on', 'off']),
  'mail.smtp-user': def('mail.smtp-user', '产品设置', '登录 SMTP 服务器的用户名；为空则不登录（不进行身份验证）', '', 'text:254'),
  'mail.smtp-password': def(
    'mail.smtp-password',
    '产品设置',
    '登录 SMTP 服务器的密码（保存后不再显示，修改记录中也不记录其值）',
    '',
    'text:256',
  ),
  'mail.from': def('mail.from', '产品设置', '提醒邮件的发件人（如 政务公开办 <gongkai@example.gov.cn>）', '', 'mailbox'),
  'mail.reminders-to': def(
    'mail.reminders-to',
    '产品设置',
    '申请未指定经办人邮箱时，提醒邮件的收件地址（如 本机关政务公开办邮箱）',
    '',
    'email',
  ),
  'intake.rate-limit': def(
    'intake.rate-limit',
    '产品设置（环境变量 GONGKAI_RATE_LIMIT=off 关闭全部限流，供压力测试）',
    '网上提交申请（公开接口和申请表单）的频率上限：每个客户端地址“次数/秒数”，超过时答复 429；off 为不限',
    '10/60',
    'rate',
  ),
};

/** Settings whose value is never shown back or written into the change history (the SMTP password). */
export const SECRET_SETTING_KEYS: ReadonlySet<string> = new Set<LetterSettingKey>(['mail.smtp-password']);

/** What a secret setting shows instead of its value. */
export const SECRET_MASK = '（已设置）';

export function isLetterSettingKey(key: string): key is LetterSettingKey {
  return (LETTER_SETTING_KEYS as readonly string[]).includes(key);
}

const EMAIL = /^[^\s@<>()"',;]+@[^\s@<>()"',;]+\.[^\s@<>()"',;]+$/;

/** Whether a text is one plain e-mail address. */
export function isEmailAddress(value: string): boolean {
  return EMAIL.test(value) && value.length <= 254;
}

/** Checks one value for a key; returns a Chinese problem, or undefined when the value is allowed (empty resets text keys). */
export function checkLetterSettingValue(key: LetterSettingKey, value: string): string | undefined {
  const { values } = LETTER_SETTING_DEFINITIONS[key];
  if (/[\r\n\t]/.test(value)) {
    return `设置 ${key} 的值不能包含换行或制表符`;
  }
  if (Array.isArray(values)) {
    return values.includes(value) ? undefined : `设置 ${key} 的值只能是 ${values.join('、')}，收到“${value}”`;
  }
  if (typeof values === 'string' && values.startsWith('integer:')) {
    const [min, max] = values.slice('integer:'.length).split('-').map(Number) as [number, number];
    const n = /^\d+$/.test(value) ? Number(value) : Number.NaN;
    return Number.isInteger(n) && n >= min && n <= max ? undefined : `设置 ${key} 的值应为 ${min} 至 ${max} 之间的整数，收到“${value}”`;
  }
  if (values === 'rate') {
    return checkRateLimitValue(key, value);
  }
  if (values === 'email') {
    return value === '' || isEmailAddress(value) ? undefined : `设置 ${key} 的值应为一个电子邮件地址，收到“${value}”`;
  }
  if (values === 'mailbox') {
    const address = /<([^<>]+)>\s*$/.exec(value)?.[1] ?? value;
    return value === '' || isEmailAddress(address.trim()) ? undefined : `设置 ${key} 的值应为电子邮件地址或“名称 <地址>”，收到“${value}”`;
  }
  const max = Number(String(values).slice('text:'.length));
  if (value.length > max) {
    return `设置 ${key} 的值不能超过${max}个字符`;
  }
  return key === 'letter.doc-number-prefix' ? checkDocNumberPrefix(value) : undefined;
}

export type LetterSettingValues = Readonly<Partial<Record<string, string>>>;

/** The settings of letters, typed; unknown or invalid stored values fall back to the default. */
export interface LetterSettings {
  readonly docNumberPrefix: string;
  readonly reviewOrgan: string;
  readonly court: string;
  readonly partialReviewFirst: boolean;
  readonly complaintChannel: string;
}

export interface MailSettings {
  /** Empty: this agency sends no mail (reminders are counted as not sent). */
  readonly host: string;
  readonly port: number;
  readonly secure: boolean;
  readonly from: string;
  readonly remindersTo: string;
  /** Empty: no SMTP authentication. */
  readonly user: string;
  readonly password: string;
}

function settingValue(stored: LetterSettingValues, key: LetterSettingKey): string {
  const candidate = stored[key];
  return candidate !== undefined && checkLetterSettingValue(key, candidate) === undefined
    ? candidate
    : LETTER_SETTING_DEFINITIONS[key].defaultValue;
}

export function resolveLetterSettings(stored: LetterSettingValues): LetterSettings {
  return {
    docNumberPrefix: settingValue(stored, 'letter.doc-number-prefix'),
    reviewOrgan: settingValue(stored, 'letter.review-organ'),
    court: settingValue(stored, 'letter.court'),
    partialReviewFirst: settingValue(stored, 'letter.partial-review-first') === 'on',
    complaintChannel: settingValue(stored, 'letter.complaint-channel'),
  };
}

export function resolveMailSettings(stored: LetterSettingValues): MailSettings {
  return {
    host: settingValue(stored, 'mail.smtp-host'),
    port: Number(settingValue(stored, 'mail.smtp-port')),
    secure: settingValue(stored, 'mail.smtp-secure') === 'on',
    from: settingValue(stored, 'mail.from'),
    remindersTo: settingValue(stored, 'mail.reminders-to'),
    user: settingValue(stored, 'mail.smtp-user'),
    password: settingValue(stored, 'mail.smtp-password'),
  };
}

/** The intake rate limit in force for stored values (an invalid stored value falls back to the default). */
export function resolveIntakeRateLimit(stored: LetterSettingValues): RateLimitValue | 'off' {
  return parseRateLimitValue(settingValue(stored, 'intake.rate-limit')) ?? { limit: 10, windowSeconds: 60 };
}
