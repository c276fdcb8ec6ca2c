// `gongkai fee`: the 信息处理费 of 国办函〔2020〕109号 — 按量 by pages, 按件 by the application's number
// in the month, a month's total, or a list of receipt dates — with every step explained.
import { addWorkingDaysWithWarnings } from '#core/calendar/add-working-days.ts';
import { parseLocalDate } from '#core/calendar/local-date.ts';
import { SHIPPED_CALENDAR } from '#core/calendar/shipped-calendar.ts';
import { computeFeeNotice, type WorkingDayPort } from '#core/statute/fee-notice.ts';
import {
  applyFeeWaiver,
  computeMonthlyApplicationFees,
  computePerApplicationMonthTotal,
  computePerApplicationRate,
  computePerPageFee,
  type FeeBreakdown,
  type FeeOutcome,
  type Fen,
  formatYuan,
  formatYuanShort,
  toFen,
} from '#core/statute/fees.ts';
import { type CliContext, EXIT, UsageError } from '../cli-context.ts';
import { scanOptions } from '../scan-options.ts';

export const summary = '信息处理费（国办函〔2020〕109号）：按量（页数）、按件（当月第几件、当月合计）计算并说明';

const HELP = `用法：
  gongkai fee --pages N [--json]         按量：一件申请共N页的信息处理费（109号第五条）
  gongkai fee --count K [--json]         按件：同一申请人一个自然月内第K件申请的收费（109号第四条）
  gongkai fee --month-total N [--json]   按件：同一申请人一个自然月内共N件申请的费用合计
  gongkai fee --receipts 日期,日期,… [--json]
                                         按件：按收到申请日期逐月编号（每月1日重新计数），逐件计费并合计

可选：
  --waive 理由            记录减免及理由：全额免收；与 --reduce 同用时为部分减收
  --reduce 金额           减收金额（元，最多两位小数），须同时给出 --waive 理由
  --notice-received 日期  申请人收到收费通知的日期（YYYY-MM-DD）：输出收费通知内容和缴费截止日
  --payment-method 文字   收费通知中的缴纳方式（默认：按本机关收费通知载明的方式缴纳）
  --json                  输出 JSON：{"fen": 整数分, "yuan": "两位小数", "explanation": [步骤…]}

说明：30页以下（含30页）、当月10件以下（含10件）不收费；按量与按件对同一申请只能选择一种。
`;

const MODES = ['--pages', '--count', '--month-total', '--receipts'] as const;
type Mode = (typeof MODES)[number];
const VALUE_OPTIONS = [...MODES, '--waive', '--reduce', '--notice-received', '--payment-method'] as const;
type ValueOption = (typeof VALUE_OPTIONS)[number];

const MODE_NOUN = {
  '--pages': '页数',
  '--count': '当月申请序号',
  '--month-total': '当月申请件数',
  '--receipts': '收到申请日期',
} as const satisfies Record<Mode, string>;

const DEFAULT_PAYMENT_METHOD = '按本机关收费通知载明的方式缴纳';

interface ParsedArgs {
  readonly values: ReadonlyMap<ValueOption, string>;
  readonly json: boolean;
  readonly help: boolean;
}

function parseArgs(args: readonly string[]): ParsedArgs {
  const { values, json, help } = scanOptions(args, {
    valueOptions: VALUE_OPTIONS,
    // "--pages --json" lacks a value; "--pages -1" has one (refused later as not a non-negative integer).
    isMissing: (value, inline) => !inline && (value === undefined || value.startsWith('--')),
    unknown: (arg) => `未知参数“${arg}”。运行 gongkai fee --help 查看用法。`,
    missingValue: (name) => `参数 ${name} 需要一个值。运行 gongkai fee --help 查看用法。`,
    repeated: (name) => `参数 ${name} 只能指定一次。`,
  });
  return { values: new Map([...values].map(([name, given]) => [name, given[0] ?? ''])), json, help };
}

// Digits only: rejects "-1", "1.5", "abc", "1e3", "0x10" and "" that Number() would partly accept.
function parseCount(mode: Mode, text: string): number {
  if (!/^\d+$/.test(text)) {
    throw new UsageError(`${MODE_NOUN[mode]}必须是${mode === '--count' ? '正' : '非负'}整数，收到：“${text}”`);
  }
  return Number(text);
}

// 元 with at most two decimals → integer 分 by string arithmetic, never through a float.
function parseYuan(text: string): Fen {
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  const fen = match === null ? undefined : toFen(Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0')));
  if (fen === undefined) {
    throw new UsageError(`减收金额必须是以元为单位、最多两位小数的非负数，收到：“${text}”`);
  }
  return fen;
}

function unwrap<T>(outcome: FeeOutcome<T>): T {
  if (!outcome.ok) {
    throw new UsageError(outcome.issue.message);
  }
  return outcome.value;
}

interface FeeReport {
  readonly fen: Fen;
  readonly explanation: readonly string[];
  readonly extra: Readonly<Record<string, unknown>>;
  readonly breakdown: FeeBreakdown | null;
}

function computeReport(mode: Mode, text: string): FeeReport {
  if (mode === '--receipts') {
    const receipts = text
      .split(/[,，\s]+/)
      .filter((part) => part !== '')
      .map((receivedOn) => ({ receivedOn }));
    if (receipts.length === 0) {
      throw new UsageError('请至少给出一个收到申请日期（YYYY-MM-DD，用逗号分隔）。');
    }
    const result = unwrap(computeMonthlyApplicationFees(receipts));
    const explanation = [
      `按件计收（国办函〔2020〕109号第四条）：同一申请人共${receipts.length}件申请，按收到申请日期在各自然月内编号`,
      ...result.applications.map(
        (a) => `${a.application.receivedOn}：${a.month}第${a.ordinalInMonth}件，${a.rateFen === 0 ? '不收费' : formatYuanShort(a.rateFen)}`,
      ),
      ...result.months.flatMap((month) => month.explanation),
      `总计：${formatYuanShort(result.totalFen)}`,
    ];
    const applications = result.applications.map((a) => ({
      receivedOn: a.application.receivedOn,
      ordinalInMonth: a.ordinalInMonth,
      fen: a.rateFen,
    }));
    return { fen: result.totalFen, explanation, extra: { applications }, breakdown: null };
  }
  const n = parseCount(mode, text);
  const outcome =
    mode === '--pages' ? computePerPageFee(n) : mode === '--count' ? computePerApplicationRate(n) : computePerApplicationMonthTotal(n);
  const breakdown = unwrap(outcome);
  return { fen: breakdown.fen, explanation: breakdown.explanation, extra: {}, breakdown };
}

// The shipped holiday data behind the fee notice's port; a CLI run has no agency calendar edits.
const shippedCalendarPort: WorkingDayPort = {
  addWorkingDays(from, n) {
    const date = parseLocalDate(from);
    if (date === undefined) {
      throw new UsageError(`收到收费通知日期不是有效日期（应为YYYY-MM-DD）：“${from}”`);
    }
    return addWorkingDaysWithWarnings(date, n, SHIPPED_CALENDAR);
  },
};

/** Runs `gongkai fee`. */
export async function run(args: readonly string[], context: CliContext): Promise<number> {
  const parsed = parseArgs(args);
  if (parsed.help) {
    context.out(HELP);
    return EXIT.ok;
  }
  const modes = MODES.filter((mode) => parsed.values.has(mode));
  if (modes.length === 0) {
    throw new UsageError('请指定 --pages、--count、--month-total 或 --receipts 之一。运行 gongkai fee --help 查看用法。');
  }
  if (modes.length > 1) {
    throw new UsageError(`只能指定 --pages、--count、--month-total、--receipts 中的一个，收到：${modes.join('、')}。`);
  }
  const mode = modes[0]!;
  let report = computeReport(mode, parsed.values.get(mode)!);

  const waiveReason = parsed.values.get('--waive');
  const reduce = parsed.values.get('--reduce');
  if (reduce !== undefined && waiveReason === undefined) {
    throw new UsageError('--reduce 须同时用 --waive 给出减免理由。');
  }
  if (waiveReason !== undefined) {
    if (report.breakdown === null) {
      throw new UsageError('--waive 只能用于 --pages、--count 或 --month-total 计算出的单项费用。');
    }
    const waiver =
      reduce === undefined
        ? ({ kind: 'full', reason: waiveReason } as const)
        : ({ kind: 'partial', reduceByFen: parseYuan(reduce), reason: waiveReason } as const);
    const waived = unwrap(applyFeeWaiver(report.breakdown, waiver));
    report = { ...report, fen: waived.fen, explanation: waived.explanation, breakdown: waived };
  }

  const noticeReceivedOn = parsed.values.get('--notice-received');
  const paymentMethod = parsed.values.get('--payment-method');
  let notice: unknown;
  let noticeText: readonly string[] = [];
  if (noticeReceivedOn !== undefined || paymentMethod !== undefined) {
    if (report.breakdown === null) {
      throw new UsageError('收费通知只能用于 --pages、--count 或 --month-total 计算出的单项费用。');
    }
    const computed = unwrap(
      computeFeeNotice(
        {
          fee: report.breakdown,
          paymentMethod: paymentMethod ?? DEFAULT_PAYMENT_METHOD,
          ...(noticeReceivedOn === undefined ? {} : { noticeReceivedOn }),
        },
        shippedCalendarPort,
      ),
    );
    if (computed.kind === 'no_fee') {
      notice = { required: false };
      noticeText = ['收费通知：不收费，无需发出收费通知。'];
    } else {
      notice = {
        required: true,
        basis: computed.basis,
        standard: computed.standard,
        amountYuan: computed.amountYuan,
        paymentMethod: computed.paymentMethod,
        payBy: computed.payBy,
        warnings: computed.warnings.map((w) => w.code),
        paragraphs: computed.paragraphs,
      };
      noticeText = ['收费通知内容：', ...computed.paragraphs.map((p) => `  ${p}`), ...computed.warnings.map((w) => `注意：${w.message}`)];
    }
  }

  if (parsed.json) {
    const output = {
      fen: report.fen,
      yuan: formatYuan(report.fen),
      explanation: report.explanation,
      ...report.extra,
      ...(notice === undefined ? {} : { notice }),
    };
    context.out(`${JSON.stringify(output)}\n`);
    return EXIT.ok;
  }
  const [heading, ...steps] = report.explanation;
  const lines = [
    heading ?? '',
    ...steps.map((step) => `  ${step}`),
    report.fen === 0 ? '信息处理费：0.00元（不收费）' : `信息处理费：${formatYuan(report.fen)}元`,
    ...noticeText,
  ];
  context.out(`${lines.join('\n')}\n`);
  return EXIT.ok;
}
