// `gongkai fee`: the 信息处理费 of 国办函〔2020〕109号 — 按量 by pages, 按件 by the application's number
// in the month, a month's total, or a list of receipt dates — with every step explained.
import { computeFee, type FeeRequest } from '#app/compute-fee.ts';
import { type Fen, formatYuan, toFen } from '#core/statute/fees.ts';
import { type CommandContext, EXIT, UsageError } from '../cli-context.ts';
import { scanOptions } from '../scan-options.ts';
import { didYouMean, usageBlock } from '../suggest.ts';

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
    unknown: (arg) =>
      `未知参数“${arg}”。${didYouMean(arg.split('=')[0] ?? arg, [...VALUE_OPTIONS, '--json', '--help'])}运行 gongkai fee --help 查看全部选项。\n${usageBlock(HELP)}`,
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

function toRequest(mode: Mode, text: string): FeeRequest {
  switch (mode) {
    case '--receipts':
      return {
        kind: 'receipts',
        receivedOn: text.split(/[,，\s]+/).filter((part) => part !== ''),
      };
    case '--pages':
      return { kind: 'pages', pages: parseCount(mode, text) };
    case '--count':
      return { kind: 'count', ordinal: parseCount(mode, text) };
    default:
      return { kind: 'month-total', applications: parseCount(mode, text) };
  }
}

/** Runs `gongkai fee`: parse → computeFee → present. */
export async function run(args: readonly string[], context: CommandContext): Promise<number> {
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
  const waiveReason = parsed.values.get('--waive');
  const reduce = parsed.values.get('--reduce');
  if (reduce !== undefined && waiveReason === undefined) {
    throw new UsageError('--reduce 须同时用 --waive 给出减免理由。');
  }
  const noticeReceivedOn = parsed.values.get('--notice-received');
  const paymentMethod = parsed.values.get('--payment-method');
  const fee = await computeFee(context.deps, {
    request: toRequest(mode, parsed.values.get(mode)!),
    ...(waiveReason === undefined
      ? {}
      : { waiver: { reason: waiveReason, ...(reduce === undefined ? {} : { reduceByFen: parseYuan(reduce) }) } }),
    ...(noticeReceivedOn === undefined && paymentMethod === undefined
      ? {}
      : {
          notice: {
            ...(noticeReceivedOn === undefined ? {} : { receivedOn: noticeReceivedOn }),
            ...(paymentMethod === undefined ? {} : { paymentMethod }),
          },
        }),
  });

  let notice: unknown;
  let noticeText: readonly string[] = [];
  if (fee.notice?.kind === 'no_fee') {
    notice = { required: false };
    noticeText = ['收费通知：不收费，无需发出收费通知。'];
  } else if (fee.notice !== undefined) {
    const computed = fee.notice;
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

  if (parsed.json) {
    const output = {
      fen: fee.fen,
      yuan: formatYuan(fee.fen),
      explanation: fee.explanation,
      ...(fee.applications === undefined ? {} : { applications: fee.applications }),
      ...(notice === undefined ? {} : { notice }),
    };
    context.out(`${JSON.stringify(output)}\n`);
    return EXIT.ok;
  }
  const [heading, ...steps] = fee.explanation;
  const lines = [
    heading ?? '',
    ...steps.map((step) => `  ${step}`),
    fee.fen === 0 ? '信息处理费：0.00元（不收费）' : `信息处理费：${formatYuan(fee.fen)}元`,
    ...noticeText,
  ];
  context.out(`${lines.join('\n')}\n`);
  return EXIT.ok;
}
