// `gongkai report read|check|render|new`: the reader/auditor and the authoring helpers (issue #3).
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { type ParseArgsOptionsConfig, parseArgs } from 'node:util';
import type { AuditSummaryRow } from '#app/audit-reports.ts';
import { readReports } from '#app/read-reports.ts';
import { renderBlankReport } from '#app/render-blank-report.ts';
import { renderReport } from '#app/render-report.ts';
import type { ReportAnalysis } from '#core/reports/read/read-report.ts';
import { isRenderFormat, RENDER_FORMATS, type RenderFormat, TEXT_RENDER_FORMATS } from '#core/reports/render/render-formats.ts';
import { renderReadingJson } from '#core/reports/render/render-json.ts';
import type { Severity } from '#core/reports/report-model.ts';
import { TEMPLATES } from '#core/reports/template.ts';
import { type CliContext, type CommandContext, EXIT, UsageError } from '../cli-context.ts';
import { evaluationLine, findingLines } from '../finding-text.ts';

const HELP = `用法：
  gongkai report read FILE... [--json] [--explain]
      读取已公布的政府信息公开工作年度报告（.txt .md .html .docx .pdf .xlsx .json），识别格式、年度、机关，
      提取表二、表三、表四的数据并逐条核对。--json 按 gongkai/report-read@1 输出 JSON Lines（每个文件一行）；
      --explain 同时列出每一项核对（表达式、左右两边、差额、结论）。
  gongkai report check DIR_OR_FILE... [--json] [--explain] [--jobs N]
      批量审核：目录按路径顺序递归读取；输出汇总表。--json 时标准输出为 JSON Lines，汇总输出到标准错误。
  gongkai report render FILE --to FORMAT [--out PATH]
      把任一可读取的报告转换为 ${RENDER_FORMATS.join('、')}；文本格式不带 --out 时输出到标准输出，docx/xlsx 必须指定 --out。
  gongkai report new --template 2021|2019 --year YYYY --to FORMAT --out PATH [--agency 机关名称]
      生成一份空白报告（全部栏目和表格，数据为空），供填写后用 report check 审核。
  gongkai report compile --agency SLUG --year YYYY (--json | --to FORMAT [--out PATH])
      由案件数据编制年度报告（表三、表四按案件统计，表二和正文取自已录入的内容），并逐条核对。

退出码：0 无错误；1 存在“错误”级问题；2 有文件无法读取；64 命令行参数错误。`;

const TEXT_FORMATS = TEXT_RENDER_FORMATS;

export async function run(args: readonly string[], context: CommandContext): Promise<number> {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'read':
      return readOrCheck(rest, context, 'read');
    case 'check':
      return readOrCheck(rest, context, 'check');
    case 'render':
      return render(rest, context);
    case 'compile': {
      const { compile } = await import('./report-compile.ts');
      return compile(rest, context as CommandContext, emit);
    }
    case 'new':
      return newReport(rest, context);
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      context.out(`${HELP}\n`);
      return sub === undefined ? EXIT.usage : EXIT.ok;
    default:
      throw new UsageError(`未知子命令“${sub}”。\n${HELP}`);
  }
}

const HELP_OPTION = { help: { type: 'boolean', short: 'h' } } as const;

function parse<T extends ParseArgsOptionsConfig>(args: readonly string[], options: T) {
  try {
    return parseArgs<{ args: string[]; options: T & typeof HELP_OPTION; allowPositionals: true; strict: true }>({
      args: [...args],
      options: { ...options, ...HELP_OPTION },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(`${parseErrorMessage(error)}\n${HELP}`);
  }
}

/** parseArgs explains a bad command line in English; say it in Chinese (user-facing text). */
function parseErrorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(-[^' ]+)/.exec(message)?.[1] ?? '';
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `未知选项“${option}”。`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /argument missing/.test(message) ? `选项“${option}”缺少参数值。` : `选项“${option}”不接受参数值。`;
    default:
      return `命令行参数有误（${message}）。`;
  }
}

async function readOrCheck(args: readonly string[], context: CommandContext, mode: 'read' | 'check'): Promise<number> {
  const { values, positionals } = parse(args, {
    json: { type: 'boolean' },
    explain: { type: 'boolean' },
    jobs: { type: 'string' },
    'no-progress': { type: 'boolean' },
    strict: { type: 'boolean' },
    only: { type: 'string' },
    summary: { type: 'boolean' },
  });
  if (values.help === true) {
    context.out(`${HELP}\n`);
    return EXIT.ok;
  }
  const only = values.only === undefined ? undefined : ONLY[values.only];
  if (only === undefined && values.only !== undefined) {
    throw new UsageError(`--only 必须是 errors（只列错误）或 warnings（只列警告），收到“${values.only}”。`);
  }
  const keep = (severity: Severity) => only === undefined || only === severity;
  const progress = mode === 'check' && context.isTTY && values['no-progress'] !== true ? progressBar(context) : undefined;
  let result: Awaited<ReturnType<typeof readReports>>;
  try {
    result = await readReports(context.deps, {
      mode,
      inputs: positionals,
      explain: values.explain === true,
      strict: values.strict === true,
      ...(values.jobs === undefined ? {} : { jobs: /^\d+$/.test(values.jobs) ? Number(values.jobs) : Number.NaN }),
      ...(progress === undefined ? {} : { onProgress: progress.update }),
    });
  } finally {
    progress?.done();
  }
  const summaryOnly = values.summary === true;
  if (values.json === true) {
    for (const analysis of summaryOnly ? [] : result.analyses) {
      const extra = values.explain === true ? { evaluations: analysis.evaluations } : undefined;
      const findings = analysis.reading.findings.filter((f) => keep(f.severity));
      context.out(`${renderReadingJson({ ...analysis.reading, findings }, extra)}\n`);
    }
    if (mode === 'check') {
      (summaryOnly ? context.out : context.err)(summaryTable(result.summary));
    }
  } else if (!summaryOnly) {
    if (mode === 'read' || values.explain === true) {
      for (const analysis of result.analyses) {
        context.out(describeAnalysis(analysis, values.explain === true, keep));
      }
    } else {
      for (const analysis of result.analyses) {
        context.out(describeFindingsBrief(analysis, keep));
      }
    }
    if (mode === 'check') {
      context.out(summaryTable(result.summary));
    }
  } else {
    context.out(summaryTable(result.summary));
  }
  return result.exitCode;
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
    `文件：${r.source}`,
    `机关：${r.agency ?? '（未识别）'}　年度：${r.year ?? '（未识别）'}　格式：${templateLabel(r.template)}`,
    `读取单元格：${cellsLine(analysis)}　正文数字：${r.narrative.length}处`,
    `发现问题：${countLine(analysis)}`,
  ];
  lines.push(...findingLines(analysis, true, keep));
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
  const lines = [`${r.source}（${r.agency ?? '机关未识别'} ${r.year ?? '年度未识别'}）`, ...found];
  return `${lines.join('\n')}\n`;
}

/** Display width: CJK characters take two columns in a terminal. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) {
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
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
    row.source,
    formatLabel(row),
    row.year === null ? '—' : String(row.year),
    row.agency ?? '—',
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

function parseFormat(value: string | boolean | undefined): RenderFormat {
  if (typeof value !== 'string' || !isRenderFormat(value)) {
    throw new UsageError(`--to 必须是 ${RENDER_FORMATS.join('、')} 之一${typeof value === 'string' ? `，收到“${value}”` : ''}。`);
  }
  return value;
}

const WRITE_REASONS: Readonly<Record<string, string>> = {
  EISDIR: '这是一个目录，请给出文件名',
  ENOTDIR: '路径中有一段不是目录',
  EEXIST: '路径中有一段不是目录',
  EACCES: '没有写入权限',
  EPERM: '没有写入权限',
  EROFS: '文件系统只读',
};

async function emit(bytes: Uint8Array | string, format: RenderFormat, out: string | undefined, context: CliContext): Promise<void> {
  if (out === undefined) {
    if (!TEXT_FORMATS.has(format)) {
      throw new UsageError(`${format} 是二进制格式，请用 --out 指定输出文件。`);
    }
    context.out(typeof bytes === 'string' ? bytes : new TextDecoder().decode(bytes));
    return;
  }
  const target = resolve(context.cwd, out);
  try {
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, bytes);
  } catch (error) {
    // An --out that cannot be written is the user's to fix, not an internal error (exit 70).
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new UsageError(`无法写入“${out}”：${WRITE_REASONS[code] ?? (error instanceof Error ? error.message : String(error))}。`);
  }
  context.err(`已写入 ${out}\n`);
}

async function render(args: readonly string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parse(args, { to: { type: 'string' }, out: { type: 'string' } });
  if (values.help === true) {
    context.out(`${HELP}\n`);
    return EXIT.ok;
  }
  if (positionals.length !== 1) {
    throw new UsageError('report render 需要且只需要一个输入文件。');
  }
  const format = parseFormat(values.to);
  const out = typeof values.out === 'string' ? values.out : undefined;
  if (out === undefined && !TEXT_FORMATS.has(format)) {
    throw new UsageError(`${format} 是二进制格式，请用 --out 指定输出文件。`);
  }
  await emit(await renderReport(context.deps, { source: positionals[0] as string, format }), format, out, context);
  return EXIT.ok;
}

async function newReport(args: readonly string[], context: CommandContext): Promise<number> {
  const { values } = parse(args, {
    template: { type: 'string' },
    year: { type: 'string' },
    to: { type: 'string' },
    out: { type: 'string' },
    agency: { type: 'string' },
  });
  if (values.help === true) {
    context.out(`${HELP}\n`);
    return EXIT.ok;
  }
  const template = values.template ?? '2021';
  if (template !== '2021' && template !== '2019') {
    throw new UsageError(`--template 必须是 2021 或 2019，收到“${String(template)}”。`);
  }
  if (typeof values.year !== 'string' || !/^\d{4}$/.test(values.year)) {
    throw new UsageError(`--year 必须是四位年份，例如 2026${typeof values.year === 'string' ? `，收到“${values.year}”` : ''}。`);
  }
  const format = parseFormat(values.to);
  if (typeof values.out !== 'string') {
    throw new UsageError('请用 --out 指定输出文件。');
  }
  const agency = typeof values.agency === 'string' && values.agency.trim() !== '' ? values.agency.trim() : null;
  const rendered = await renderBlankReport(context.deps, { template, year: Number(values.year), agency, format });
  await emit(rendered, format, values.out, context);
  return EXIT.ok;
}
