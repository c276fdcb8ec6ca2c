// `gongkai report compile --agency SLUG --year YYYY --json` (issue #7 Contracts): one gongkai/report-read@1
// object compiled from the data, with its validation findings; `--to FORMAT [--out PATH]` renders the
// compiled report with the report core's renderers instead.
import { compileAnnualReport } from '#app/cases/compile-annual-report.ts';
import { RENDER_FORMATS, type RenderFormat } from '#core/reports/render/render-formats.ts';
import { renderReadingJson } from '#core/reports/render/render-json.ts';
import { type CommandContext, EXIT, UsageError } from '../cli-context.ts';
import { parseOptions } from '../command-options.ts';

export const COMPILE_HELP = `  gongkai report compile --agency SLUG --year YYYY (--json | --to FORMAT [--out PATH])
      由案件数据编制年度报告：表三、表四按案件统计，表二和正文取自已录入的内容；--json 输出一个
      gongkai/report-read@1 对象（含核对结果）；--to 按 ${RENDER_FORMATS.join('、')} 输出。`;

/** Runs `report compile`; `emit` writes a rendered format as `report render` does. */
export async function compile(
  args: readonly string[],
  context: CommandContext,
  emit: (
    bytes: Uint8Array | string,
    format: RenderFormat,
    out: string | undefined,
    context: CommandContext,
    force: boolean,
  ) => Promise<void>,
): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    context.out(`用法：\n${COMPILE_HELP}\n`);
    return EXIT.ok;
  }
  const { values } = parseOptions(
    args,
    {
      agency: { type: 'string' },
      year: { type: 'string' },
      json: { type: 'boolean' },
      to: { type: 'string' },
      out: { type: 'string' },
    },
    COMPILE_HELP,
    false,
  );
  if (typeof values.agency !== 'string' || typeof values.year !== 'string' || !/^\d{4}$/.test(values.year)) {
    throw new UsageError(`用法：\n${COMPILE_HELP}`);
  }
  if (values.json !== true && values.to === undefined) {
    throw new UsageError(`请指定 --json 或 --to FORMAT。\n${COMPILE_HELP}`);
  }
  if (values.to !== undefined && !(RENDER_FORMATS as readonly string[]).includes(values.to)) {
    throw new UsageError(`--to 必须是 ${RENDER_FORMATS.join('、')} 之一，收到“${values.to}”。`);
  }
  const agencySlug = values.agency;
  const year = Number(values.year);
  const compiled = await compileAnnualReport({ cases: context.deps.cases, clock: context.deps.clock }, { agencySlug, year });
  if (values.json === true) {
    context.out(`${renderReadingJson(compiled.analysis.reading)}\n`);
  } else {
    const format = values.to as RenderFormat;
    await emit(await context.deps.reports.render(compiled.document, format, compiled.analysis.reading), format, values.out, context, false);
  }
  return compiled.analysis.reading.findings.some((f) => f.severity === 'error') ? EXIT.findings : EXIT.ok;
}

/**
 * `gongkai report set --agency SLUG --year YYYY KEY [VALUE]`: what staff enter for the compiled report —
 * a table 二 cell (`cell:rules.issued 3`, the text as printed) or a narrative section (`section:overview 段落…`,
 * paragraphs separated by newlines); without VALUE the entry is removed.
 */
export async function setEntry(args: readonly string[], context: CommandContext): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    context.out(`用法：\n${SET_HELP}\n`);
    return EXIT.ok;
  }
  const { values, positionals } = parseOptions(args, { agency: { type: 'string' }, year: { type: 'string' } }, SET_HELP);
  if (
    typeof values.agency !== 'string' ||
    typeof values.year !== 'string' ||
    !/^\d{4}$/.test(values.year) ||
    positionals.length < 1 ||
    positionals.length > 2
  ) {
    throw new UsageError(`用法：\n${SET_HELP}`);
  }
  const [key, value] = positionals as [string, string | undefined];
  const { setReportEntry } = await import('#app/cases/record-appeal.ts');
  await setReportEntry(
    { cases: context.deps.cases, clock: context.deps.clock },
    { agencySlug: values.agency, year: Number(values.year), key, value: value ?? null, actor: context.deps.actor },
  );
  context.out(value === undefined ? `已删除 ${values.year} 年报告的“${key}”\n` : `已记录 ${values.year} 年报告的“${key}”\n`);
  return EXIT.ok;
}

export const SET_HELP = `  gongkai report set --agency SLUG --year YYYY KEY [VALUE]
      录入编制报告用的内容：表二单元格（cell:rules.issued 3）或正文部分（section:overview 文字，段落以换行分隔）；不给 VALUE 时删除。`;
