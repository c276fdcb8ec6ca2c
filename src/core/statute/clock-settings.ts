// The statute's conventions as settings (statute.md: every [convention — configurable] rule is an
// agency setting with the spec's default, and every computed date names the settings it used).

/** The setting keys, in the order `settings list` shows them. */
export const CLOCK_SETTING_KEYS = [
  'receipt.rest-day',
  'receipt.after-hours',
  'receipt.office-hours-end',
  'correction.period-working-days',
  'consultation.window-start',
  'extension.before-due',
  'fee.pause',
  'period.weekend-roll',
  'clock.due-soon-working-days',
] as const;
export type ClockSettingKey = (typeof CLOCK_SETTING_KEYS)[number];

/** How a setting is documented: meaning, default, allowed values and the spec rule it implements. */
export interface ClockSettingDefinition {
  readonly key: ClockSettingKey;
  /** The convention ID of statute.md / test-vectors.json, or PRODUCT for a product choice. */
  readonly rule: string;
  readonly source: string;
  readonly meaning: string;
  readonly defaultValue: string;
  /** Allowed values; `integer:min-max` or `time` for free values. */
  readonly values: readonly string[] | `integer:${number}-${number}` | 'time';
  readonly valueLabels?: Readonly<Record<string, string>>;
}

/** Every clock setting with its default from statute.md (§1, §2, §3) and test-vectors.json conventions. */
export const CLOCK_SETTING_DEFINITIONS: Readonly<Record<ClockSettingKey, ClockSettingDefinition>> = {
  'receipt.rest-day': {
    key: 'receipt.rest-day',
    rule: 'WD-RECEIPT-AS-IS',
    source: 'statute.md §1（惯例，可配置）',
    meaning: '在休息日收到的申请：保留收到日（次一工作日为第1个工作日），或先顺延至下一工作日（所有期限因此晚一个工作日）',
    defaultValue: 'as-is',
    values: ['as-is', 'next-working-day'],
    valueLabels: { 'as-is': '保留收到日', 'next-working-day': '顺延至下一工作日' },
  },
  'receipt.after-hours': {
    key: 'receipt.after-hours',
    rule: 'WD-RECEIPT-AS-IS',
    source: 'statute.md §1（“Submissions after office hours: same setting”，惯例，可配置）',
    meaning: '下班时间后收到的申请：保留收到日，或顺延至下一工作日（仅在记录了收到时刻时适用）',
    defaultValue: 'as-is',
    values: ['as-is', 'next-working-day'],
    valueLabels: { 'as-is': '保留收到日', 'next-working-day': '顺延至下一工作日' },
  },
  'receipt.office-hours-end': {
    key: 'receipt.office-hours-end',
    rule: 'WD-RECEIPT-AS-IS',
    source: 'statute.md §1（惯例，可配置；办公时间见本机关政府信息公开指南，条例第十二条）',
    meaning: '下班时间（北京时间，HH:MM）；晚于该时刻收到视为下班后收到',
    defaultValue: '17:30',
    values: 'time',
  },
  'correction.period-working-days': {
    key: 'correction.period-working-days',
    rule: 'CORR-PERIOD',
    source: 'statute.md §3.2（“合理的补正期限”为法律要求，天数为惯例，可配置）',
    meaning: '补正告知未写明期限时的默认补正期限（自告知送达之日起的工作日数；送达日不明按发出日）',
    defaultValue: '15',
    values: 'integer:1-60',
  },
  'consultation.window-start': {
    key: 'consultation.window-start',
    rule: 'CONSULT-WINDOW',
    source: 'statute.md §3.3（条例第三十三条第三款；起点为惯例，可配置，见 §11 第3项）',
    meaning: '征求意见不计入期间的起点：发出之日的次日，或对方收到之日的次日；终点为答复之日或对方收到后第15个工作日，以较早者为准',
    defaultValue: 'dispatch',
    values: ['dispatch', 'consultee-receipt'],
    valueLabels: { dispatch: '自发出次日起', 'consultee-receipt': '自对方收到次日起' },
  },
  'extension.before-due': {
    key: 'extension.before-due',
    rule: 'EXT-BEFORE-DUE',
    source: 'statute.md §3.4（惯例，可配置；20个工作日上限为法律，条例第三十三条）',
    meaning: '延期须在原答复期限届满之日或之前批准，否则不予登记',
    defaultValue: 'on',
    values: ['on', 'off'],
    valueLabels: { on: '须在期限内批准', off: '不检查批准日期' },
  },
  'fee.pause': {
    key: 'fee.pause',
    rule: 'FEE-PAUSE',
    source: 'statute.md §3.6（109号原文未核实，惯例，可配置）',
    meaning: '自发出收费通知次日至缴费之日的工作日是否不计入答复期限',
    defaultValue: 'on',
    values: ['on', 'off'],
    valueLabels: { on: '等待缴费期间不计入', off: '等待缴费期间照常计算' },
  },
  'period.weekend-roll': {
    key: 'period.weekend-roll',
    rule: 'CAL-PERIOD-END',
    source: 'statute.md §2（法定节假日顺延为民法典第二百零三条；周末顺延为惯例，可配置，见 §11 第7项）',
    meaning: '按日、按月计算的期限最后一日为周六、周日时，是否顺延至下一工作日',
    defaultValue: 'on',
    values: ['on', 'off'],
    valueLabels: { on: '顺延', off: '不顺延（仅法定节假日顺延）' },
  },
  'clock.due-soon-working-days': {
    key: 'clock.due-soon-working-days',
    rule: 'PRODUCT',
    source: '产品设置（提醒阈值，非法律规定）',
    meaning: '剩余工作日不超过该数时状态为“即将到期”（due_soon）',
    defaultValue: '3',
    values: 'integer:0-20',
  },
};

/** Stored values by key (strings, as kept in the data directory). */
export type ClockSettingValues = Readonly<Partial<Record<ClockSettingKey, string>>>;

/** The settings a clock computation reads, typed. */
export interface ClockSettings {
  readonly receiptRestDay: 'as-is' | 'next-working-day';
  readonly receiptAfterHours: 'as-is' | 'next-working-day';
  /** Minutes after midnight, Asia/Shanghai. */
  readonly officeHoursEndMinutes: number;
  readonly correctionPeriodWorkingDays: number;
  readonly consultationWindowStart: 'dispatch' | 'consultee-receipt';
  readonly extensionBeforeDue: boolean;
  readonly feePause: boolean;
  readonly periodWeekendRoll: boolean;
  readonly dueSoonWorkingDays: number;
  /** The raw values, to name them in explanations. */
  readonly values: Readonly<Record<ClockSettingKey, string>>;
  /** Keys whose value differs from the default. */
  readonly changed: ReadonlySet<ClockSettingKey>;
}

/** Whether `key` is a known setting. */
export function isClockSettingKey(key: string): key is ClockSettingKey {
  return (CLOCK_SETTING_KEYS as readonly string[]).includes(key);
}

function parseTime(value: string): number | undefined {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

/** Checks one value for a key; returns a Chinese problem, or undefined when the value is allowed. */
export function checkClockSettingValue(key: ClockSettingKey, value: string): string | undefined {
  const definition = CLOCK_SETTING_DEFINITIONS[key];
  const allowed = definition.values;
  if (allowed === 'time') {
    return parseTime(value) === undefined ? `设置 ${key} 的值应为 HH:MM 格式的时刻（如 17:30），收到“${value}”` : undefined;
  }
  if (typeof allowed === 'string') {
    const [min, max] = allowed.slice('integer:'.length).split('-').map(Number) as [number, number];
    const number = /^\d+$/.test(value) ? Number(value) : Number.NaN;
    return Number.isInteger(number) && number >= min && number <= max
      ? undefined
      : `设置 ${key} 的值应为 ${min} 至 ${max} 之间的整数，收到“${value}”`;
  }
  return allowed.includes(value) ? undefined : `设置 ${key} 的值只能是 ${allowed.join('、')}，收到“${value}”`;
}

/** Typed settings from stored values; unknown keys and invalid values fall back to the default. */
export function resolveClockSettings(stored: ClockSettingValues = {}): ClockSettings {
  const values = {} as Record<ClockSettingKey, string>;
  const changed = new Set<ClockSettingKey>();
  for (const key of CLOCK_SETTING_KEYS) {
    const candidate = stored[key];
    const value =
      candidate !== undefined && checkClockSettingValue(key, candidate) === undefined
        ? candidate
        : CLOCK_SETTING_DEFINITIONS[key].defaultValue;
    values[key] = value;
    if (value !== CLOCK_SETTING_DEFINITIONS[key].defaultValue) {
      changed.add(key);
    }
  }
  return {
    receiptRestDay: values['receipt.rest-day'] as ClockSettings['receiptRestDay'],
    receiptAfterHours: values['receipt.after-hours'] as ClockSettings['receiptAfterHours'],
    officeHoursEndMinutes: parseTime(values['receipt.office-hours-end']) ?? 17 * 60 + 30,
    correctionPeriodWorkingDays: Number(values['correction.period-working-days']),
    consultationWindowStart: values['consultation.window-start'] as ClockSettings['consultationWindowStart'],
    extensionBeforeDue: values['extension.before-due'] === 'on',
    feePause: values['fee.pause'] === 'on',
    periodWeekendRoll: values['period.weekend-roll'] === 'on',
    dueSoonWorkingDays: Number(values['clock.due-soon-working-days']),
    values,
    changed,
  };
}

/** The defaults of statute.md. */
export const DEFAULT_CLOCK_SETTINGS: ClockSettings = resolveClockSettings();

/** `fee.pause=on（FEE-PAUSE，默认）`: how an explanation names a setting it used. */
export function describeSetting(key: ClockSettingKey, settings: ClockSettings): string {
  const definition = CLOCK_SETTING_DEFINITIONS[key];
  const value = settings.values[key];
  const label = typeof definition.values === 'object' ? definition.valueLabels?.[value] : undefined;
  const origin = settings.changed.has(key) ? '机关设置' : '默认';
  const rule = definition.rule === 'PRODUCT' ? '' : `${definition.rule}，`;
  return `${key}=${value}${label ? `（${label}）` : ''}［${rule}${origin}］`;
}
