// `gongkai report read|check|render|new`: the reader/auditor and the authoring helpers (issue #3).
import { basename, extname, join, resolve } from 'node:path';
import type { ParseArgsOptionsConfig } from 'node:util';
import type { AuditSummaryRow } from '#app/audit-reports.ts';
import { exportReports } from '#app/export-reports.ts';
import { readReports } from '#app/read-reports.ts';
import { renderBlankReport } from '#app/render-blank-report.ts';
import { renderReport } from '#app/render-report.ts';
import type { ReportAnalysis } from '#core/reports/read/read-report.ts';
import { isRenderFormat, RENDER_FORMATS, type RenderFormat, TEXT_RENDER_FORMATS } from '#core/reports/render/render-formats.ts';
import { renderReadingJsonLine, renderReadingJsonLineBytes } from '#core/reports/render/render-json.ts';
import type { Severity } from '#core/reports/report-model.ts';
import { TEMPLATES } from '#core/reports/template.ts';
import { type DomainError, isDomainError } from '#core/shared/domain-error.ts';
import { type CliContext, type CommandContext, EXIT, UsageError } from '../cli-context.ts';
import { parseOptions } from '../command-options.ts';
import { evaluationLine, findingLines, plainReason } from '../finding-text.ts';
import { terminalText } from '../show-text.ts';
import { didYouMean } from '../suggest.ts';
import { checkOutputTarget, writeOutputFile } from '../write-output.ts';

const EXIT_CODES = '退出码：0 无错误；1 存在“错误”级问题；2 有文件无法读取；64 命令行参数错误。';

/** Each subcommand's usage, shown by `gongkai report <sub> --help` and after a bad option of that subcommand. */
const SUB_HELP = {
  read: `用法：gongkai report read FILE... [--json] [--explain] [--only errors|warnings]
  读取已公布的政府信息公开工作年度报告（.txt .md .html .docx .doc .pdf .xlsx .csv .json），识别格式、年度、机关，
  提取表二、表三、表四的数据并逐条核对。
  --json      按 gongkai/report-read@1 输出 JSON Lines（每个文件一行）
  --explain   同时列出每一项核对（表达式、左右两边、差额、结论），以及无法读取时程序库给出的原始说明
  --only      只列出错误（errors）或只列出警告（warnings）
${EXIT_CODES}`,
  check: `用法：gongkai report check DIR_OR_FILE... [--json] [--explain] [--jobs N] [--strict] [--only errors|warnings] [--summary]
  批量审核：目录按路径顺序递归读取，最后输出汇总表。
  --json      标准输出为 JSON Lines，汇总表输出到标准错误
  --strict    发布前检查：空白单元格、“无”等非数字内容均按错误处理并指明单元格
  --only      只列出错误（errors）或只列出警告（warnings）
  --summary   只输出汇总表
  --jobs N    最多使用 N 个线程读取（默认每个 CPU 核一个）
${EXIT_CODES}`,
  render: `用法：gongkai report render FILE --to FORMAT [--out PATH] [--force]
      gongkai report render FILE... --to FORMAT --out-dir DIR [--force]
  把任一可读取的报告转换为 ${RENDER_FORMATS.join('、')}。
  --to        输出格式，不区分大小写；省略时按 --out 的扩展名确定
  --out       输出文件；文本格式可省略（输出到标准输出），docx/xlsx 必须指定
  --out-dir   多个文件时的输出目录，文件名取输入文件名、扩展名按格式
  --force     允许覆盖已存在的文件（否则不覆盖）
  --explain   无法读取时显示程序库给出的原始说明
${EXIT_CODES}`,
  export: `用法：gongkai report export DIR_OR_FILE... --to csv|xlsx [--wide] [--out PATH] [--force]
  把多份报告汇成一张表（供 Excel、WPS 或统计软件使用）：默认每份报告的每个单元格一行，--wide 时每份报告一行、
  每个单元格一列；列名为中文栏目名，按模板顺序；含文件、机关、年度、模板和各级问题数。
  --to        csv（UTF-8 带 BOM，Excel/WPS 直接打开不乱码）或 xlsx；省略时按 --out 的扩展名确定
  --out       输出文件；csv 可省略（输出到标准输出），xlsx 必须指定
  --force     允许覆盖已存在的文件
${EXIT_CODES}`,
  new: `用法：gongkai report new --year YYYY [--template 2021|2019] [--to FORMAT] --out PATH [--agency 机关名称] [--force]
  生成一份空白报告（全部栏目和表格，数据为空），供填写后用 report check 审核。
  xlsx 格式中合计栏为公式、标签单元格已锁定；--to 省略时按 --out 的扩展名确定。`,
  compile: `用法：gongkai report compile --agency SLUG --year YYYY (--json | --to FORMAT [--out PATH])
  由案件数据编制年度报告：表三、表四按案件统计，表二和正文取自已录入的内容，并逐条核对。
  --json      输出一个 gongkai/report-read@1 对象（含核对结果）
  --to        按其他格式输出（文本格式不带 --out 时输出到标准输出）
退出码：0 无错误；1 存在“错误”级问题；3 机关不存在；64 参数错误。`,
  set: `用法：gongkai report set --agency SLUG --year YYYY KEY [VALUE]
  录入编制报告（report compile）用的内容：表二单元格，如 cell:rules.issued 3、cell:fees.amount_wan 0.5；
  或正文部分，如 section:overview、section:problems（段落以换行分隔）。不给 VALUE 时删除该项。`,
} as const;
type Sub = keyof typeof SUB_HELP;
const SUBS = Object.keys(SUB_HELP) as Sub[];

const HELP = `用法：
${SUBS.map((sub) => SUB_HELP[sub].split('\n')[0]?.replace(/^用法：/, '  ')).join('\n')}

每个子命令的详细说明：gongkai report <子命令> --help
${EXIT_CODES}`;

const TEXT_FORMATS = TEXT_RENDER_FORMATS;

export async function run(args: readonly string[], context: CommandContext): Promise<number> {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'read':
    case 'check':
      return readOrCheck(rest, context, sub);
    case 'render':
      return render(rest, context);
    case 'compile': {
      const { compile } = await import('./report-compile.ts');
      return compile(rest, context, emit);
    }
    case 'set': {
      const { setEntry } = await import('./report-compile.ts');
      return setEntry(rest, context);
    }
    case 'new':
      return newReport(rest, context);
    case 'export':
      return exportTable(rest, context);
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      context.out(`${HELP}\n`);
      return sub === undefined ? EXIT.usage : EXIT.ok;
    default:
      throw new UsageError(`未知子命令“${sub}”。${didYouMean(sub, SUBS)}\n${HELP}`);
  }
}

const HELP_OPTION = { help: { type: 'boolean', short: 'h' } } as const;

function parse<T extends ParseArgsOptionsConfig>(sub: Sub, args: readonly string[], options: T) {
  return parseOptions(args, { ...options, ...HELP_OPTION }, SUB_HELP[sub]);
}

async function readOrCheck(args: readonly string[], context: CommandContext, mode: 'read' | 'check'): Promise<number> {
  const { values, positionals } = parse(mode, args, {
    json: { type: 'boolean' },
    explain: { type: 'boolean' },
    jobs: { type: 'string' },
    'no-progress': { type: 'boolean' },
    strict: { type: 'boolean' },
    only: { type: 'string' },
    summary: { type: 'boolean' },
  });
  if (values.help === true) {
    context.out(`${SUB_HELP[mode]}\n`);
    return EXIT.ok;
  }
  const only = values.only === undefined ? undefined : ONLY[values.only];
  if (only === undefined && values.only !== undefined) {
    throw new UsageError(`--only 必须是 errors（只列错误）或 warnings（只列警告），收到“${values.only}”。`);
  }
  const keep = (severity: Severity) => only === undefined || only === severity;
  const progress = mode === 'check' && context.isTTY && values['no-progress'] !== true ? progressBar(context) : undefined;
  const summaryOnly = values.summary === true;
  const json = values.json === true;
  const explain = values.explain === true;
  // Each result is printed as soon as it is final, in input order (memory stays flat, a slow file
  // holds back only the files after it); the summary table comes at the end.
  const jsonReading = (
    analysis: ReportAnalysis,
  ): [ReportAnalysis['reading'], { evaluations: ReportAnalysis['evaluations'] } | undefined] => {
    const extra = explain ? { evaluations: analysis.evaluations } : undefined;
    const findings = analysis.reading.findings.filter((f) => keep(f.severity));
    return [{ ...analysis.reading, findings }, extra];
  };
  const show = (analysis: ReportAnalysis): string => {
    if (json) {
      return renderReadingJsonLine(...jsonReading(analysis));
    }
    return mode === 'read' || explain ? describeAnalysis(analysis, explain, keep) : describeFindingsBrief(analysis, keep);
  };
  let result: Awaited<ReturnType<typeof readReports>>;
  try {
    result = await readReports(context.deps, {
      mode,
      inputs: positionals,
      explain,
      strict: values.strict === true,
      ...(values.jobs === undefined ? {} : { jobs: /^\d+$/.test(values.jobs) ? Number(values.jobs) : Number.NaN }),
      ...(progress === undefined ? {} : { onProgress: progress.update }),
      ...(summaryOnly
        ? {}
        : {
            onResult: (analysis: ReportAnalysis) => {
              if (json && context.outBytes !== undefined) {
                // Straight to a file: the line as UTF-8 bytes, never as a string (render-json.ts).
                progress?.done();
                context.outBytes(renderReadingJsonLineBytes(...jsonReading(analysis)));
                return context.drained?.();
              }
              const text = show(analysis);
              if (text === '') {
                return undefined;
              }
              progress?.done();
              context.out(text);
              // Behind a slow pipe, read on only once standard output has taken this (memory stays flat).
              return context.drained?.();
            },
          }),
    });
  } finally {
    progress?.done();
  }
  if (mode === 'check') {
    (json && !summaryOnly ? context.err : context.out)(summaryTable(result.summary) + skippedLines(result.skipped));
  }
  return result.exitCode;
}

/** Links listing did not follow, named under the summary. */
function skippedLines(skipped: readonly { readonly path: string; readonly reason: string }[]): string {
  return skipped.length === 0
    ? ''
    : `未读取 ${skipped.length} 项：\n${skipped.map((s) => `  ${terminalText(s.path)}：${s.reason}`).join('\n')}\n`;
}

function progressBar(context: CliContext) {
  const width = 30;
  return {
    update: (done: number, total: number) => {
      const filled = Math.round((done / total) * width);
      context.err(`\r读取中 [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${total}`);
    },
    done: () => context.err('\r\u001b[2K'),
  };
}

function templateLabel(template: string): string {
  if (template === '2021' || template === '2019') {
    return `${template}年格式（${TEMPLATES[template].document}）`;
  }
  return template === 'mixed' ? '混合（两种格式的栏目都有）' : '未识别';
}

function countLine(analysis: ReportAnalysis): string {
  const counts: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  for (const f of analysis.reading.findings) {
    counts[f.severity] += 1;
  }
  return `错误 ${counts.error}，警告 ${counts.warning}，提示 ${counts.notice}`;
}

function cellsLine(analysis: ReportAnalysis): string {
  const template = analysis.reading.template;
  const definition = template === '2019' || template === '2021' ? TEMPLATES[template] : TEMPLATES['2021'];
  const parts = (['二', '三', '四'] as const).map((table) => {
    const present = analysis.reading.cells.filter((c) => c.table === table).length;
    const expected = definition.cells.filter((c) => c.table === table).length;
    return `表${table} ${present}/${expected}`;
  });
  return parts.join('　');
}

const ONLY: Readonly<Record<string, Severity>> = { errors: 'error', warnings: 'warning', error: 'error', warning: 'warning' };

function describeAnalysis(analysis: ReportAnalysis, explain: boolean, keep: (severity: Severity) => boolean): string {
  const r = analysis.reading;
  const lines = [
    `文件：${terminalText(r.source)}`,
    `机关：${r.agency === null ? '（未识别）' : terminalText(r.agency)}　年度：${r.year ?? '（未识别）'}　格式：${templateLabel(r.template)}`,
    `读取单元格：${cellsLine(analysis)}　正文数字：${r.narrative.length}处`,
    `发现问题：${countLine(analysis)}`,
  ];
  lines.push(...findingLines(analysis, true, keep, explain).map(terminalText));
  if (explain) {
    lines.push(`核对明细（${analysis.evaluations.length}项）：`);
    for (const e of analysis.evaluations) {
      lines.push(`  ${evaluationLine(analysis, e)}`);
    }
  }
  return `${lines.join('\n')}\n\n`;
}

function describeFindingsBrief(analysis: ReportAnalysis, keep: (severity: Severity) => boolean): string {
  const r = analysis.reading;
  const found = findingLines(analysis, false, keep);
  if (found.length === 0) {
    return '';
  }
  const lines = [
    `${terminalText(r.source)}（${r.agency === null ? '机关未识别' : terminalText(r.agency)} ${r.year ?? '年度未识别'}）`,
    ...found.map(terminalText),
  ];
  return `${lines.join('\n')}\n`;
}

/** Display width: CJK characters take two columns in a terminal. */
function width(text: string): number {
  // By code point, as `for…of` would, without a string per character: a surrogate pair (outside every
  // wide range, all in the BMP) counts once, as 1.
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
      }
      w += 1;
      continue;
    }
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6)
        ? 2
        : 1;
  }
  return w;
}

function pad(text: string, size: number): string {
  return text + ' '.repeat(Math.max(0, size - width(text)));
}

/** The 格式 column: which template (never a bare number that reads like a file format). */
function formatLabel(row: AuditSummaryRow): string {
  if (row.unreadable) {
    return '无法读取';
  }
  switch (row.template) {
    case '2021':
    case '2019':
      return `模板 ${row.template}`;
    case 'mixed':
      return '混合';
    case 'not-a-report':
      return '不是年度报告';
    default:
      return '未识别';
  }
}

function summaryTable(rows: readonly AuditSummaryRow[]): string {
  const header = ['文件', '格式', '年度', '机关', '错误', '警告', '提示'];
  const body = rows.map((row) => [
    terminalText(row.source),
    formatLabel(row),
    row.year === null ? '—' : String(row.year),
    row.agency === null ? '—' : terminalText(row.agency),
    String(row.counts.error),
    String(row.counts.warning),
    String(row.counts.notice),
  ]);
  const totals = rows.reduce(
    (t, row) => ({ error: t.error + row.counts.error, warning: t.warning + row.counts.warning, notice: t.notice + row.counts.notice }),
    {
      error: 0,
      warning: 0,
      notice: 0,
    },
  );
  const unreadable = rows.filter((r) => r.unreadable).length;
  const widths = header.map((h, i) => Math.max(width(h), ...body.map((b) => width(b[i] ?? ''))));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => pad(c, widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  const out = [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...body.map(line)];
  out.push(
    '',
    `共 ${rows.length} 个文件${unreadable > 0 ? `（${unreadable} 个无法读取）` : ''}；问题合计：错误 ${totals.error}，警告 ${totals.warning}，提示 ${totals.notice}`,
  );
  return `\n${out.join('\n')}\n`;
}

/** The formats an output file's extension can hold (`.txt`: any plain-text layout, pipe first). */
const FORMATS_BY_EXTENSION: Readonly<Record<string, readonly RenderFormat[]>> = {
  '.docx': ['docx'],
  '.xlsx': ['xlsx'],
  '.html': ['html'],
  '.htm': ['html'],
  '.md': ['md'],
  '.markdown': ['md'],
  '.json': ['json'],
  '.jsonl': ['json'],
  '.txt': ['pipe', 'tab', 'cells'],
};

/**
 * The output format: `--to` (any case), else what `--out`'s extension says; a `--to` the extension
 * contradicts (`--to md --out a.xlsx`) is refused rather than writing a file its name misdescribes.
 */
function outputFormat(to: string | undefined, out: string | undefined): RenderFormat {
  const byExtension = out === undefined ? undefined : FORMATS_BY_EXTENSION[extname(out).toLowerCase()];
  if (to === undefined) {
    const inferred = byExtension?.[0];
    if (inferred === undefined) {
      throw new UsageError(
        `请用 --to 指定输出格式（${RENDER_FORMATS.join('、')}）${out === undefined ? '' : `，无法从“${basename(out)}”的扩展名判断`}。`,
      );
    }
    return inferred;
  }
  const format = to.trim().toLowerCase();
  if (!isRenderFormat(format)) {
    throw new UsageError(`--to 必须是 ${RENDER_FORMATS.join('、')} 之一，收到“${to}”。${didYouMean(format, RENDER_FORMATS)}`);
  }
  if (out !== undefined && byExtension !== undefined && !byExtension.includes(format)) {
    throw new UsageError(
      `--to ${format} 与输出文件“${basename(out)}”的扩展名不一致（应为 ${byExtension.join('、')}）。请改用一致的格式或文件名。`,
    );
  }
  return format;
}

/** The extension an output of `format` gets in `--out-dir`. */
const EXTENSION_OF: Readonly<Record<RenderFormat, string>> = {
  docx: '.docx',
  xlsx: '.xlsx',
  html: '.html',
  md: '.md',
  json: '.json',
  pipe: '.txt',
  tab: '.txt',
  cells: '.txt',
};

async function emit(
  bytes: Uint8Array | string,
  format: RenderFormat,
  out: string | undefined,
  context: CliContext,
  force: boolean,
): Promise<void> {
  if (out === undefined) {
    if (!TEXT_FORMATS.has(format)) {
      throw new UsageError(`${format} 是二进制格式，请用 --out 指定输出文件。`);
    }
    context.out(typeof bytes === 'string' ? bytes : new TextDecoder().decode(bytes));
    return;
  }
  await writeOutputFile(resolve(context.cwd, out), out, bytes, force);
  context.err(`已写入 ${out}\n`);
}

/** A report that cannot be read, said in Chinese naming the file; the library's own words only with --explain. */
function unreadableMessage(source: string, error: DomainError, explain: boolean): string {
  const reason = error.message.replace(/^无法读取文件：/u, '');
  return `无法读取“${source}”：${explain ? reason : plainReason(reason)}。`;
}

async function render(args: readonly string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parse('render', args, {
    to: { type: 'string' },
    out: { type: 'string' },
    'out-dir': { type: 'string' },
    force: { type: 'boolean' },
    explain: { type: 'boolean' },
  });
  if (values.help === true) {
    context.out(`${SUB_HELP.render}\n`);
    return EXIT.ok;
  }
  if (positionals.length === 0) {
    throw new UsageError(`请指定要转换的报告文件。\n${SUB_HELP.render}`);
  }
  const outDir = values['out-dir'];
  if (outDir !== undefined && values.out !== undefined) {
    throw new UsageError('--out 与 --out-dir 只能用一个：一个文件用 --out，多个文件用 --out-dir。');
  }
  if (positionals.length > 1 && outDir === undefined) {
    throw new UsageError(`转换多个文件时请用 --out-dir 指定输出目录（共 ${positionals.length} 个文件）。`);
  }
  const format = outputFormat(values.to, values.out);
  const force = values.force === true;
  const explain = values.explain === true;
  if (outDir === undefined) {
    const out = values.out;
    if (out === undefined && !TEXT_FORMATS.has(format)) {
      throw new UsageError(`${format} 是二进制格式，请用 --out 指定输出文件。`);
    }
    const source = positionals[0] as string;
    if (out !== undefined) {
      await checkOutputTarget(resolve(context.cwd, out), out, force);
    }
    try {
      await emit(await renderReport(context.deps, { source, format }), format, out, context, force);
    } catch (error) {
      if (isDomainError(error) && error.code === 'UNREADABLE_INPUT') {
        context.err(`gongkai report render：${unreadableMessage(source, error, explain)}\n`);
        return EXIT.unreadable;
      }
      throw error;
    }
    return EXIT.ok;
  }
  // Many files: each to <out-dir>/<name>.<ext>; one that cannot be read does not stop the others.
  const used = new Set<string>();
  let code: number = EXIT.ok;
  for (const source of positionals) {
    const stem = basename(source, extname(source));
    let name = `${stem}${EXTENSION_OF[format]}`;
    for (let n = 2; used.has(name); n++) {
      name = `${stem}-${n}${EXTENSION_OF[format]}`;
    }
    used.add(name);
    try {
      const bytes = await renderReport(context.deps, { source, format });
      await emit(bytes, format, join(outDir, name), context, force);
    } catch (error) {
      if (isDomainError(error) && error.code === 'UNREADABLE_INPUT') {
        context.err(`gongkai report render：${unreadableMessage(source, error, explain)}\n`);
        code = EXIT.unreadable;
        continue;
      }
      if (isDomainError(error) && error.code === 'INVALID_INPUT') {
        context.err(`gongkai report render：${error.message}\n`);
        code = code === EXIT.ok ? EXIT.usage : code;
        continue;
      }
      throw error;
    }
  }
  return code;
}

async function exportTable(args: readonly string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parse('export', args, {
    to: { type: 'string' },
    out: { type: 'string' },
    wide: { type: 'boolean' },
    force: { type: 'boolean' },
    'no-progress': { type: 'boolean' },
  });
  if (values.help === true) {
    context.out(`${SUB_HELP.export}\n`);
    return EXIT.ok;
  }
  const out = values.out;
  const byExtension = out === undefined ? undefined : extname(out).toLowerCase().replace(/^\./u, '');
  const format = (values.to ?? byExtension ?? '').trim().toLowerCase();
  if (format !== 'csv' && format !== 'xlsx') {
    throw new UsageError(
      values.to === undefined
        ? '请用 --to csv 或 --to xlsx 指定导出格式。'
        : `--to 必须是 csv 或 xlsx，收到“${values.to}”。${didYouMean(format, ['csv', 'xlsx'])}`,
    );
  }
  if (values.to !== undefined && byExtension !== undefined && byExtension !== format && (byExtension === 'csv' || byExtension === 'xlsx')) {
    throw new UsageError(`--to ${format} 与输出文件“${basename(out ?? '')}”的扩展名不一致。请改用一致的格式或文件名。`);
  }
  if (out === undefined && format === 'xlsx') {
    throw new UsageError('xlsx 是二进制格式，请用 --out 指定输出文件。');
  }
  const force = values.force === true;
  if (out !== undefined) {
    await checkOutputTarget(resolve(context.cwd, out), out, force);
  }
  const progress = context.isTTY && values['no-progress'] !== true ? progressBar(context) : undefined;
  let exported: Awaited<ReturnType<typeof exportReports>>;
  try {
    exported = await exportReports(context.deps, {
      inputs: positionals,
      format,
      wide: values.wide === true,
      ...(progress === undefined ? {} : { onProgress: progress.update }),
    });
  } finally {
    progress?.done();
  }
  if (out === undefined) {
    context.out(typeof exported.content === 'string' ? exported.content : new TextDecoder().decode(exported.content));
  } else {
    await writeOutputFile(resolve(context.cwd, out), out, exported.content, force);
    context.err(`已写入 ${out}（${exported.reports} 份报告）\n`);
  }
  return exported.exitCode;
}

async function newReport(args: readonly string[], context: CommandContext): Promise<number> {
  const { values } = parse('new', args, {
    template: { type: 'string' },
    year: { type: 'string' },
    to: { type: 'string' },
    out: { type: 'string' },
    agency: { type: 'string' },
    force: { type: 'boolean' },
  });
  if (values.help === true) {
    context.out(`${SUB_HELP.new}\n`);
    return EXIT.ok;
  }
  const template = values.template ?? '2021';
  if (template !== '2021' && template !== '2019') {
    throw new UsageError(`--template 必须是 2021 或 2019，收到“${String(template)}”。`);
  }
  if (typeof values.year !== 'string' || !/^\d{4}$/.test(values.year)) {
    throw new UsageError(`--year 必须是四位年份，例如 2026${typeof values.year === 'string' ? `，收到“${values.year}”` : ''}。`);
  }
  if (typeof values.out !== 'string') {
    throw new UsageError('请用 --out 指定输出文件。');
  }
  const format = outputFormat(values.to, values.out);
  const force = values.force === true;
  await checkOutputTarget(resolve(context.cwd, values.out), values.out, force);
  const agency = typeof values.agency === 'string' && values.agency.trim() !== '' ? values.agency.trim() : null;
  const rendered = await renderBlankReport(context.deps, { template, year: Number(values.year), agency, format });
  await emit(rendered, format, values.out, context, force);
  return EXIT.ok;
}
