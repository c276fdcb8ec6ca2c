// `gongkai report read|check|render|new`: the reader/auditor and the authoring helpers (issue #3).
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { type ParseArgsOptionsConfig, parseArgs } from 'node:util';
import { readReportFile } from '#adapters/documents/read-report-file.ts';
import { RENDER_FORMATS, type RenderFormat, renderReport } from '#adapters/documents/render-report.ts';
import { listReportFiles } from '#adapters/files/list-report-files.ts';
import { createReaderPool, defaultPoolSize } from '#adapters/workers/report-reader-pool.ts';
import { analysisToDocument } from '#app/analysis-to-document.ts';
import { type AuditResult, type AuditSummaryRow, auditReports, type ReportReaderPort } from '#app/audit-reports.ts';
import { type ReportAnalysis, unreadableReport } from '#core/reports/read/read-report.ts';
import { newBlankReport } from '#core/reports/render/new-report.ts';
import { renderReadingJson } from '#core/reports/render/render-json.ts';
import type { Severity } from '#core/reports/report-model.ts';
import { TEMPLATES, type TemplateId } from '#core/reports/template.ts';
import { DEFAULT_VALIDATION_SETTINGS } from '#core/reports/validate/rule.ts';
import { type CliContext, EXIT, UsageError } from '../cli-context.ts';
import { evaluationLine, findingLines } from '../finding-text.ts';

export const summary = '年度报告：读取与审核（read/check）、转换格式（render）、新建空白报告（new）';

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

退出码：0 无错误；1 存在“错误”级问题；2 有文件无法读取；64 命令行参数错误。`;

const TEXT_FORMATS = new Set<RenderFormat>(['html', 'md', 'json', 'pipe', 'tab', 'cells']);
/** Batches below this size are read in-process: starting workers costs more than it saves. */
const POOL_THRESHOLD = 24;

export async function run(args: readonly string[], context: CliContext): Promise<number> {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'read':
      return readOrCheck(rest, context, 'read');
    case 'check':
      return readOrCheck(rest, context, 'check');
    case 'render':
      return render(rest, context);
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

async function readOrCheck(args: readonly string[], context: CliContext, mode: 'read' | 'check'): Promise<number> {
  const { values, positionals } = parse(args, {
    json: { type: 'boolean' },
    explain: { type: 'boolean' },
    jobs: { type: 'string' },
    'no-progress': { type: 'boolean' },
  });
  if (values.help === true) {
    context.out(`${HELP}\n`);
    return EXIT.ok;
  }
  if (positionals.length === 0) {
    throw new UsageError(mode === 'read' ? '请指定要读取的报告文件。' : '请指定要审核的目录或文件。');
  }
  const jobs = values.jobs === undefined ? defaultPoolSize() : Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) {
    throw new UsageError(`--jobs 必须是正整数，收到“${String(values.jobs)}”。`);
  }
  const absolute = (path: string) => resolve(context.cwd, path);
  let paths: string[];
  if (mode === 'check') {
    // Listed from the command's working directory, each path kept as found under the input as given.
    paths = [];
    for (const input of positionals) {
      const root = absolute(input);
      const listed = await listReportFiles([root]);
      paths.push(...listed.files.map((found) => (found === root ? input : join(input, relative(root, found)))));
      // A missing input is reported like an unreadable file: it never stops the batch.
      paths.push(...listed.missing.map(() => input));
    }
  } else {
    paths = positionals;
  }
  const settings = DEFAULT_VALIDATION_SETTINGS;
  const usePool = jobs > 1 && paths.length >= POOL_THRESHOLD;
  const pool = usePool ? createReaderPool(Math.min(jobs, paths.length), settings, { explain: values.explain === true }) : undefined;
  const reader: ReportReaderPort = {
    async read(path) {
      try {
        const analysis = pool === undefined ? await readReportFile(absolute(path), settings) : await pool.read(absolute(path));
        return withSource(analysis, path);
      } catch (error) {
        // A defect while reading one file (a crashed worker, a parser bug): reported on that file,
        // never the end of the batch.
        return unreadableReport(path, `读取时发生内部错误（${error instanceof Error ? error.message : String(error)}）`);
      }
    },
  };
  const progress = mode === 'check' && context.isTTY && values['no-progress'] !== true ? progressBar(context) : undefined;
  let result: AuditResult;
  try {
    result = await auditReports(paths, {
      reader,
      settings,
      // Enough files in flight to keep every worker busy, few enough not to run out of file handles.
      concurrency: pool === undefined ? 16 : Math.max(16, 2 * pool.size),
      ...(progress === undefined ? {} : { onProgress: progress.update }),
    });
  } finally {
    progress?.done();
    await pool?.close();
  }
  if (values.json === true) {
    for (const analysis of result.analyses) {
      const extra = values.explain === true ? { evaluations: analysis.evaluations } : undefined;
      context.out(`${renderReadingJson(analysis.reading, extra)}\n`);
    }
    if (mode === 'check') {
      context.err(summaryTable(result.summary));
    }
  } else {
    if (mode === 'read' || values.explain === true) {
      for (const analysis of result.analyses) {
        context.out(describeAnalysis(analysis, values.explain === true));
      }
    } else {
      for (const analysis of result.analyses) {
        context.out(describeFindingsBrief(analysis));
      }
    }
    if (mode === 'check') {
      context.out(summaryTable(result.summary));
    }
  }
  return result.exitCode;
}

function withSource(analysis: ReportAnalysis, source: string): ReportAnalysis {
  return { ...analysis, reading: { ...analysis.reading, source } };
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

function describeAnalysis(analysis: ReportAnalysis, explain: boolean): string {
  const r = analysis.reading;
  const lines = [
    `文件：${r.source}`,
    `机关：${r.agency ?? '（未识别）'}　年度：${r.year ?? '（未识别）'}　格式：${templateLabel(r.template)}`,
    `读取单元格：${cellsLine(analysis)}　正文数字：${r.narrative.length}处`,
    `发现问题：${countLine(analysis)}`,
  ];
  lines.push(...findingLines(analysis, true));
  if (explain) {
    lines.push(`核对明细（${analysis.evaluations.length}项）：`);
    for (const e of analysis.evaluations) {
      lines.push(`  ${evaluationLine(analysis, e)}`);
    }
  }
  return `${lines.join('\n')}\n\n`;
}

function describeFindingsBrief(analysis: ReportAnalysis): string {
  const r = analysis.reading;
  if (r.findings.length === 0) {
    return '';
  }
  const lines = [`${r.source}（${r.agency ?? '机关未识别'} ${r.year ?? '年度未识别'}）`, ...findingLines(analysis, false)];
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

function summaryTable(rows: readonly AuditSummaryRow[]): string {
  const header = ['文件', '格式', '年度', '机关', '错误', '警告', '提示'];
  const body = rows.map((row) => [
    row.source,
    row.unreadable ? '无法读取' : row.template === 'unknown' ? '未识别' : row.template === 'mixed' ? '混合' : row.template,
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
  if (typeof value !== 'string' || !(RENDER_FORMATS as readonly string[]).includes(value)) {
    throw new UsageError(`--to 必须是 ${RENDER_FORMATS.join('、')} 之一${typeof value === 'string' ? `，收到“${value}”` : ''}。`);
  }
  return value as RenderFormat;
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

async function render(args: readonly string[], context: CliContext): Promise<number> {
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
  const source = positionals[0] as string;
  const analysis = withSource(await readReportFile(resolve(context.cwd, source), DEFAULT_VALIDATION_SETTINGS), source);
  if (analysis.facts === null) {
    context.err(`gongkai report render：${analysis.reading.findings[0]?.message ?? '无法读取文件'}\n`);
    return EXIT.unreadable;
  }
  const document = analysisToDocument(analysis);
  await emit(await renderReport(document, format, analysis.reading), format, out, context);
  return EXIT.ok;
}

async function newReport(args: readonly string[], context: CliContext): Promise<number> {
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
  const year = Number(values.year);
  if (typeof values.year !== 'string' || !/^\d{4}$/.test(values.year) || year < 2008 || year > 2100) {
    throw new UsageError(`--year 必须是四位年份，例如 2026${typeof values.year === 'string' ? `，收到“${values.year}”` : ''}。`);
  }
  const format = parseFormat(values.to);
  if (typeof values.out !== 'string') {
    throw new UsageError('请用 --out 指定输出文件。');
  }
  const agency = typeof values.agency === 'string' && values.agency.trim() !== '' ? values.agency.trim() : null;
  const document = newBlankReport(template as TemplateId, year, agency);
  await emit(await renderReport(document, format), format, values.out, context);
  return EXIT.ok;
}
