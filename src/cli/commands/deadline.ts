// `gongkai deadline`: the reply clock of one case (条例第三十条至第三十三条), from the command line or a
// case file, with the explanation a case officer or applicant can check. A stable contract: see
// docs/statutory-clock.md.
import { computeDeadline } from '#app/compute-deadline.ts';
import { countWorkdays } from '#app/count-workdays.ts';
import type { FileReader } from '#app/ports.ts';
import { type LocalDate, parseShanghaiDateTime } from '#core/calendar/local-date.ts';
import { DomainError } from '#core/shared/domain-error.ts';
import { readCaseInput } from '#core/statute/case-input.ts';
import {
  CLOCK_EVENT_LABEL,
  CLOCK_EVENT_TYPES,
  type ClockEvent,
  type ClockEventType,
  CONSULTEE_KINDS,
  type ConsulteeKind,
} from '#core/statute/clock-event.ts';
import { type ClockRefusalCode, NOT_REGISTERED_CODES } from '#core/statute/clock-refusal.ts';
import {
  CLOCK_SETTING_KEYS,
  type ClockSettingKey,
  type ClockSettingValues,
  checkClockSettingValue,
  isClockSettingKey,
} from '#core/statute/clock-settings.ts';
import { chineseDates, clockExplanationText, plainStep } from '#core/statute/explain-clock.ts';
import { CHANNEL_LABEL, CHANNELS, type Channel } from '#core/statute/receipt-date.ts';
import type { ResponseClock } from '#core/statute/response-clock.ts';
import { type CommandContext, EXIT, UsageError } from '../cli-context.ts';
import { requireDate } from '../require-date.ts';
import { scanOptions } from '../scan-options.ts';
import { didYouMean, usageBlock } from '../suggest.ts';

const HELP = `用法：
  gongkai deadline --received YYYY-MM-DD [--channel 渠道] [--event 事件:YYYY-MM-DD[:参数] …] [--today YYYY-MM-DD] [--json]
  gongkai deadline --case 案件.json [--today YYYY-MM-DD] [--json]

选项：
  --received 日期        收到申请的日期：当面/口头为提交之日，挂号信为签收之日，平信、在线、传真为确认之日（条例第三十一条）
  --received-at 时刻     代替 --received：收到时刻 YYYY-MM-DDTHH:MM（北京时间；也可带 Z 或 +08:00），用于下班后收到的规则
  --channel 渠道         ${CHANNELS.map((c) => `${c}（${CHANNEL_LABEL[c]}）`).join('、')}；
                         也可写中文：当面、口头、挂号信、邮寄、平信、在线、网上、电子邮件、传真。默认 online
  --event 事件:日期[:参数]  可重复。事件 ID 见下（也可用中文名）；不予登记的事件（如延期超过20个工作日）使命令报错退出
  --case 文件            一个案件的记录（JSON，结构见 docs/statutory-clock.md）
  --explain              同时列出适用的设置、规则编号和标记（默认只列答复期限的计算步骤）
  --today 日期           按哪一天判断状态；默认今天（北京时间）
  --set 设置=值          仅本次计算使用的设置（可重复），如 --set fee.pause=off；设置见 gongkai settings list
  --json                 输出 JSON（字段见 docs/statutory-clock.md）

事件与参数（参数为一个简写值，或用逗号分隔的 键=值）：
  received:日期[:渠道]                        收到申请（与 --received 二选一）
  correction_requested:日期[:N | period=N,delivered=日期]
                                              补正发出；N = 补正期限（工作日，默认见设置 correction.period-working-days），
                                              delivered = 告知送达申请人之日（默认发出日）
  correction_received:日期[:正当理由 | reason=理由,at=HH:MM]
                                              收到补正申请：答复期限自收到之日重新计算（休息日、下班后收到按收到日设置）；
                                              补正期限届满后收到的，须注明正当理由（第三十条）
  correction_expired:日期                     补正期限届满未补正
  consultation_sent:日期[:对方收到日 | received=日期,kind=third_party|organ,id=X]
                                              征求第三方（第三十二条）或其他机关（第三十四条）意见
  consultation_answered:日期[:id]             收到意见（无 id 时对应最早未答复的一次）
  consultation_expired:日期[:id]              征求意见期满
  extension_approved:日期:N | days=N,by=批准人,reason=理由,notified=告知日期
                                              经负责人同意延期 N 个工作日（N ≤ 20，第三十三条第二款）
  reasons_requested:日期                      要求说明理由（第三十五条；默认不中止计算）
  delayed_deadline_set:日期:新期限            第三十五条另行确定的答复期限
  fee_notice_sent:日期[:申请人收到日 | received=日期]   收费通知发出
  fee_paid:日期                               缴费
  fee_expired:日期                            缴费期限届满未缴费
  withdrawn:日期                              申请人撤回
  replied:日期[:结果代码]                     作出答复（如 outcome.disclosed）
  delivered:日期                              答复送达

中文事件名：${CLOCK_EVENT_TYPES.map((t) => `${CLOCK_EVENT_LABEL[t]}=${t}`).join('、')}；另有 补正告知、补正=correction_requested，延期=extension_approved。

示例：
  gongkai deadline --received 2024-09-27 --channel online --today 2024-10-08
  gongkai deadline --received 2025-03-03 --event 补正发出:2025-03-06:15 --event 收到补正:2025-03-20 --json
  gongkai deadline --received 2024-03-01 --event consultation_sent:2024-03-05:2024-03-06 --event consultation_answered:2024-03-19
  gongkai deadline --received 2025-09-26 --event "extension_approved:2025-10-28:days=20,by=王主任,reason=需调取档案,notified=2025-10-28"
`;

const EVENT_ALIASES: Readonly<Record<string, ClockEventType>> = {
  ...Object.fromEntries(CLOCK_EVENT_TYPES.map((type) => [CLOCK_EVENT_LABEL[type], type])),
  收到: 'received',
  补正: 'correction_requested',
  补正告知: 'correction_requested',
  补正收到: 'correction_received',
  征求意见: 'consultation_sent',
  收到意见: 'consultation_answered',
  延期: 'extension_approved',
  收费通知: 'fee_notice_sent',
  缴费期满: 'fee_expired',
};

const CHANNEL_ALIASES: Readonly<Record<string, Channel>> = {
  ...Object.fromEntries(CHANNELS.map((channel) => [channel, channel])),
  email: 'online',
  当面: 'in_person',
  当面提交: 'in_person',
  口头: 'oral',
  口头提出: 'oral',
  挂号信: 'post_signed',
  挂号: 'post_signed',
  EMS: 'post_signed',
  ems: 'post_signed',
  邮政: 'post_signed',
  邮政快递: 'post_signed',
  邮寄: 'post_signed',
  快递: 'post_signed',
  信函: 'post_signed',
  平信: 'post_ordinary',
  平常信函: 'post_ordinary',
  在线: 'online',
  网上: 'online',
  互联网: 'online',
  电子邮件: 'online',
  传真: 'fax',
};

const CONSULTEE_ALIASES: Readonly<Record<string, ConsulteeKind>> = {
  third_party: 'third_party',
  organ: 'organ',
  第三方: 'third_party',
  机关: 'organ',
  其他机关: 'organ',
};

function requireCount(text: string | undefined, what: string): number {
  if (text === undefined || !/^\d+$/.test(text) || Number(text) < 1) {
    throw new UsageError(`${what}应为正整数，收到“${text ?? ''}”`);
  }
  return Number(text);
}

function parseChannel(text: string): Channel {
  const channel = CHANNEL_ALIASES[text];
  if (channel === undefined) {
    throw new UsageError(
      `未知渠道“${text}”。${didYouMean(text, Object.keys(CHANNEL_ALIASES))}可用：${CHANNELS.join('、')}（或中文：当面、口头、挂号信、平信、在线、电子邮件、传真）`,
    );
  }
  return channel;
}

/** `ID:YYYY-MM-DD[:ARG]`, ARG = one shorthand value or `key=value,key=value`. */
export function parseEventArgument(text: string): ClockEvent {
  const first = text.indexOf(':');
  const second = first < 0 ? -1 : text.indexOf(':', first + 1);
  const name = first < 0 ? text : text.slice(0, first);
  const dateText = first < 0 ? undefined : second < 0 ? text.slice(first + 1) : text.slice(first + 1, second);
  const arg = second < 0 ? undefined : text.slice(second + 1);
  const type = (CLOCK_EVENT_TYPES as readonly string[]).includes(name) ? (name as ClockEventType) : EVENT_ALIASES[name];
  if (type === undefined) {
    throw new UsageError(
      `未知事件“${name}”（--event ${text}）。可用：${CLOCK_EVENT_TYPES.join('、')}，或中文名如 补正发出、收到补正、延期批准`,
    );
  }
  const on = requireDate(dateText, `事件 ${name} 的日期`);
  const keyed = new Map<string, string>();
  let shorthand: string | undefined;
  if (arg !== undefined && arg !== '') {
    if (arg.includes('=')) {
      for (const part of arg.split(',')) {
        const equals = part.indexOf('=');
        if (equals <= 0) {
          throw new UsageError(`事件参数“${part}”应为 键=值（--event ${text}）`);
        }
        keyed.set(part.slice(0, equals).trim(), part.slice(equals + 1).trim());
      }
    } else {
      shorthand = arg;
    }
  }
  const allowKeys = (...keys: string[]) => {
    for (const key of keyed.keys()) {
      if (!keys.includes(key)) {
        throw new UsageError(`事件 ${type} 不接受参数“${key}”${keys.length > 0 ? `，可用：${keys.join('、')}` : ''}`);
      }
    }
    if (keys.length === 0 && shorthand !== undefined) {
      throw new UsageError(`事件 ${type} 不带参数，收到“${shorthand}”`);
    }
  };
  switch (type) {
    case 'received':
      allowKeys('channel');
      return { type, on, channel: parseChannel(keyed.get('channel') ?? shorthand ?? 'online') };
    case 'correction_requested': {
      allowKeys('period', 'delivered');
      const period = keyed.get('period') ?? shorthand;
      const delivered = keyed.get('delivered');
      return {
        type,
        on,
        ...(period === undefined ? {} : { periodWorkingDays: requireCount(period, '补正期限（工作日）') }),
        ...(delivered === undefined ? {} : { deliveredOn: requireDate(delivered, '补正告知送达日') }),
      };
    }
    case 'correction_received': {
      allowKeys('reason', 'at');
      const reason = keyed.get('reason') ?? shorthand;
      const at = keyed.get('at');
      const time = at === undefined ? undefined : /^([01]\d|2[0-3]):([0-5]\d)$/.exec(at);
      if (at !== undefined && (time === null || time === undefined)) {
        throw new UsageError(`收到补正的时刻应为 HH:MM（北京时间），收到“${at}”`);
      }
      return {
        type,
        on,
        ...(reason === undefined ? {} : { lateReason: reason }),
        ...(time ? { atMinutes: Number(time[1]) * 60 + Number(time[2]) } : {}),
      };
    }
    case 'consultation_sent': {
      allowKeys('received', 'kind', 'id');
      const received = keyed.get('received') ?? shorthand;
      const kindText = keyed.get('kind');
      const kind = kindText === undefined ? 'third_party' : CONSULTEE_ALIASES[kindText];
      if (kind === undefined) {
        throw new UsageError(`征求意见对象“${kindText}”无效，可用：${CONSULTEE_KINDS.join('、')}（第三方、其他机关）`);
      }
      const id = keyed.get('id');
      return {
        type,
        on,
        kind,
        ...(id === undefined ? {} : { consultationId: id }),
        ...(received === undefined ? {} : { consulteeReceivedOn: requireDate(received, '对方收到征求意见函的日期') }),
      };
    }
    case 'consultation_answered':
    case 'consultation_expired': {
      allowKeys('id');
      const id = keyed.get('id') ?? shorthand;
      return { type, on, ...(id === undefined ? {} : { consultationId: id }) };
    }
    case 'extension_approved': {
      allowKeys('days', 'by', 'reason', 'notified');
      const by = keyed.get('by');
      const reason = keyed.get('reason');
      const notified = keyed.get('notified');
      return {
        type,
        on,
        workingDays: requireCount(keyed.get('days') ?? shorthand, '延期工作日数（extension_approved:日期:N）'),
        ...(by === undefined ? {} : { approvedBy: by }),
        ...(reason === undefined ? {} : { reason }),
        ...(notified === undefined ? {} : { noticeSentOn: requireDate(notified, '延期告知申请人日期') }),
      };
    }
    case 'delayed_deadline_set':
      allowKeys('deadline');
      return {
        type,
        on,
        deadline: requireDate(keyed.get('deadline') ?? shorthand, '另行确定的答复期限（delayed_deadline_set:日期:期限）'),
      };
    case 'fee_notice_sent': {
      allowKeys('received');
      const received = keyed.get('received') ?? shorthand;
      return { type, on, ...(received === undefined ? {} : { noticeReceivedOn: requireDate(received, '申请人收到收费通知的日期') }) };
    }
    case 'replied': {
      allowKeys('outcome');
      const outcome = keyed.get('outcome') ?? shorthand;
      return { type, on, ...(outcome === undefined ? {} : { outcome }) };
    }
    default:
      allowKeys();
      return { type, on };
  }
}

function parseSetting(text: string): [ClockSettingKey, string] {
  const equals = text.indexOf('=');
  const key = equals < 0 ? text : text.slice(0, equals);
  const value = equals < 0 ? '' : text.slice(equals + 1);
  if (!isClockSettingKey(key)) {
    throw new UsageError(`未知设置“${key}”。可用：${CLOCK_SETTING_KEYS.join('、')}`);
  }
  const problem = checkClockSettingValue(key, value);
  if (problem !== undefined) {
    throw new UsageError(problem);
  }
  return [key, value];
}

/** `--received-at`: a local Shanghai wall time, or an instant with Z/offset, → date and minutes. */
function parseReceivedAt(text: string): { on: LocalDate; atMinutes: number } {
  const parsed = parseShanghaiDateTime(text);
  if (!parsed.ok) {
    throw new UsageError(`--received-at：${parsed.message}`);
  }
  return parsed;
}

interface ParsedArgs {
  readonly received: string | undefined;
  readonly receivedAt: string | undefined;
  readonly channel: string | undefined;
  readonly events: readonly string[];
  readonly caseFile: string | undefined;
  readonly today: string | undefined;
  readonly settings: readonly string[];
  readonly json: boolean;
  readonly help: boolean;
}

const VALUE_OPTIONS = ['--received', '--received-at', '--channel', '--event', '--case', '--today', '--set'] as const;

function parseArgs(args: readonly string[]): ParsedArgs {
  const { values, json, help } = scanOptions(args, {
    valueOptions: VALUE_OPTIONS,
    repeatable: ['--event', '--set'],
    isMissing: (value) => value === undefined || value === '',
    unknown: (arg) =>
      `无法识别的参数“${arg}”。${didYouMean(arg.split('=')[0] ?? arg, [...VALUE_OPTIONS, '--json', '--explain', '--help'])}运行 gongkai deadline --help 查看全部选项。\n${usageBlock(HELP)}`,
    missingValue: (name) => `${name} 需要一个值`,
    repeated: (name) => `${name} 只能给出一次`,
  });
  const single = (name: (typeof VALUE_OPTIONS)[number]) => values.get(name)?.[0];
  return {
    received: single('--received'),
    receivedAt: single('--received-at'),
    channel: single('--channel'),
    caseFile: single('--case'),
    today: single('--today'),
    events: values.get('--event') ?? [],
    settings: values.get('--set') ?? [],
    json,
    help,
  };
}

async function readCaseFile(
  path: string,
  files: FileReader,
): Promise<{ events: readonly ClockEvent[]; overrides: ClockSettingValues; today?: LocalDate }> {
  let text: string;
  try {
    text = await files.readText(path);
  } catch {
    throw new UsageError(`无法读取案件文件“${path}”`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UsageError(`案件文件“${path}”不是有效的 JSON`);
  }
  // A whole test vector ({id, input, options, …}) is accepted too: its options become settings.
  const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const input = 'input' in record ? record['input'] : value;
  const options = (record['options'] ?? {}) as { feePause?: boolean };
  const read = readCaseInput(input);
  if (!read.ok) {
    throw new UsageError(`案件文件“${path}”有误：${read.problems.join('；')}`);
  }
  const todayText = typeof record['today'] === 'string' ? record['today'] : undefined;
  return {
    events: read.events,
    overrides: options.feePause === false ? { 'fee.pause': 'off' } : {},
    ...(todayText === undefined ? {} : { today: requireDate(todayText, '案件文件中的 today') }),
  };
}

/** The `--json` document: the contract of docs/statutory-clock.md. */
export function toDeadlineJson(clock: ResponseClock, today: LocalDate) {
  return {
    received: clock.receivedOn,
    due: clock.due,
    extendedDue: clock.extendedDue,
    state: clock.state,
    workingDaysUsed: clock.workingDaysUsed,
    workingDaysLeft: clock.workingDaysLeft,
    explanation: clock.explanation,
    warnings: clock.warnings.map((w) => ({ code: w.code, message: w.message })),
    today,
    clockStart: clock.clockStart,
    dueBeforeExtension: clock.dueBeforeExtension,
    correctionNoticeDue: clock.correctionNoticeDue,
    correctionDeadline: clock.correctionDeadline ?? null,
    feePaymentDue: clock.feePaymentDue ?? null,
    excludedWorkingDays: clock.excludedWorkingDays,
    extensionWorkingDays: clock.extensionWorkingDays,
    outcome: clock.outcome ?? null,
    closedOn: clock.closedOn ?? null,
    notes: clock.notes,
    settingsUsed: clock.settingsUsed,
  };
}

/** Flags the clock records beside refusals: shown, never a reason to stop. */
const FLAG_ONLY: ReadonlySet<string> = new Set(['EXTENSION_NOTICE_AFTER_DUE']);

/** Runs `gongkai deadline`. */
export async function run(allArgs: readonly string[], context: CommandContext): Promise<number> {
  // --explain: the setting keys, rule IDs and the full step list an officer does not paste.
  const explain = allArgs.includes('--explain');
  const args = allArgs.filter((arg) => arg !== '--explain');
  const parsed = parseArgs(args);
  if (parsed.help) {
    context.out(HELP);
    return EXIT.ok;
  }
  const overrides: Partial<Record<ClockSettingKey, string>> = {};
  for (const setting of parsed.settings) {
    const [key, value] = parseSetting(setting);
    overrides[key] = value;
  }
  let events: ClockEvent[];
  let fileToday: LocalDate | undefined;
  if (parsed.caseFile !== undefined) {
    if (parsed.received !== undefined || parsed.receivedAt !== undefined || parsed.channel !== undefined || parsed.events.length > 0) {
      throw new UsageError('--case 不能与 --received、--received-at、--channel、--event 同时使用');
    }
    const fromFile = await readCaseFile(parsed.caseFile, context.deps.files);
    events = [...fromFile.events];
    fileToday = fromFile.today;
    for (const [key, value] of Object.entries(fromFile.overrides)) {
      overrides[key as ClockSettingKey] ??= value;
    }
  } else {
    events = parsed.events.map(parseEventArgument);
    const explicitReceived = events.some((e) => e.type === 'received');
    if (parsed.received !== undefined && parsed.receivedAt !== undefined) {
      throw new UsageError('--received 与 --received-at 只能给出一个');
    }
    if (parsed.received === undefined && parsed.receivedAt === undefined && !explicitReceived) {
      throw new UsageError('缺少收到日期：请给出 --received YYYY-MM-DD（或 --case 文件）。运行 gongkai deadline --help 查看用法');
    }
    if (explicitReceived && parsed.channel !== undefined) {
      throw new UsageError('received 事件自带渠道（received:日期:渠道），不能再给 --channel');
    }
    if ((parsed.received !== undefined || parsed.receivedAt !== undefined) && explicitReceived) {
      throw new UsageError('--received 与 received 事件只能给出一个');
    }
    const channel = parseChannel(parsed.channel ?? 'online');
    if (parsed.receivedAt !== undefined) {
      const at = parseReceivedAt(parsed.receivedAt);
      events.unshift({ type: 'received', on: at.on, channel, atMinutes: at.atMinutes });
    } else if (parsed.received !== undefined) {
      events.unshift({ type: 'received', on: requireDate(parsed.received, '--received'), channel });
    }
  }
  const todayGiven = parsed.today !== undefined ? requireDate(parsed.today, '--today') : fileToday;
  const { clock, today } = await computeDeadline(context.deps, {
    events,
    overrides,
    ...(todayGiven === undefined ? {} : { today: todayGiven }),
  });
  // A request entered on the command line that the system does not register (an extension over 20
  // working days, a second 补正 …) stops the command: the reason first, not as one step among many.
  // A case file is a recorded history: it may hold such requests, shown as not counted (DD-25, DD-26).
  const refused =
    parsed.caseFile === undefined
      ? clock.notes.filter((code) => NOT_REGISTERED_CODES.has(code as ClockRefusalCode) && !FLAG_ONLY.has(code))
      : [];
  if (refused.length > 0) {
    const reasons = clock.explanation.filter((step) => /不予登记/u.test(step)).map((step) => chineseDates(plainStep(step)));
    throw new DomainError('INVALID_INPUT', `未登记：${reasons.join('；') || refused.join('、')}。请更正该事件后重新计算。`, {
      refusals: refused,
    });
  }
  if (parsed.json) {
    context.out(`${JSON.stringify(toDeadlineJson(clock, today), null, 2)}\n`);
    return EXIT.ok;
  }
  const received = events.find((e) => e.type === 'received');
  const overdue =
    clock.state === 'overdue' && clock.due !== null && clock.due < today
      ? (await countWorkdays(context.deps, { from: clock.due, to: today })).workingDays
      : undefined;
  const channelNote =
    parsed.caseFile === undefined &&
    parsed.channel === undefined &&
    received !== undefined &&
    !parsed.events.some((e) => e.startsWith('received'))
      ? '渠道：未指定，按互联网（在线平台、电子邮件）计算（默认：互联网）'
      : undefined;
  context.out(
    clockExplanationText(clock, today, {
      explain,
      ...(received === undefined ? {} : { actualReceipt: received.on }),
      ...(overdue === undefined ? {} : { overdueWorkingDays: overdue }),
      ...(channelNote === undefined ? {} : { channelNote }),
    }),
  );
  return EXIT.ok;
}
