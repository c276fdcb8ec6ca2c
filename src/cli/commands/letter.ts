// `gongkai letter`: reply letters (告知书) — a replied case's letter as text or DOCX with its 文号, and
// the agency's templates per outcome family. `gongkai case letter CASECODE` runs `letter show`.
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { listLetterTemplates, resetLetterTemplate, setLetterTemplate } from '#app/manage-letter-templates.ts';
import { renderCaseLetter } from '#app/render-case-letter.ts';
import { resetLetterSetting, setLetterSetting, showLetterSettings } from '#app/set-letter-setting.ts';
import { MERGE_FIELDS } from '#core/letters/letter-template.ts';
import { type CommandContext, EXIT, UsageError } from '../cli-context.ts';
import { didYouMean } from '../suggest.ts';

export const summary = '告知书：生成已答复申请的告知书（含文号、救济途径告知，DOCX），管理本机关各类告知书模板';

const HELP = `用法：
  gongkai letter show 申请编号 [--agency 机关] [--out 文件.docx] [--json]
                                        已答复申请的告知书；--out 写出 DOCX，否则显示文本
                                        （首次生成时分配文号：前缀〔年份〕第N号，之后重复生成文号不变）
  gongkai letter template list --agency 机关 [--json]
                                        各类告知书模板（本机关模板或默认模板）
  gongkai letter template set 类别 --agency 机关 [--title 标题] [--addressee 称谓] [--body-file 文件]
                                        设置本机关某类告知书模板（正文每行一段，须含 {{remedyNotice}}）
  gongkai letter template reset 类别 --agency 机关
                                        删除本机关模板，恢复默认模板
  gongkai letter fields                 可用的合并字段
  gongkai letter settings show [--agency 机关] [--json]
                                        告知书和提醒邮件的设置（本机关、实例默认或内置默认）
  gongkai letter settings set 键 值 [--agency 机关]
                                        修改一项设置（不带 --agency 时修改实例默认值；记录修改人和新旧值）
  gongkai letter settings reset 键 [--agency 机关]
                                        恢复默认：删除本机关的值（改用实例默认值），不带 --agency 时删除实例默认值（改用内置默认值）

类别：disclosed 予以公开、partial 部分公开、withheld 不予公开、unavailable 无法提供、
      not_processed 不予处理、other 其他处理
设置（gongkai settings）：letter.doc-number-prefix 文号前缀、letter.review-organ 行政复议机关、
      letter.court 人民法院、letter.partial-review-first、letter.complaint-channel
`;

/** `--name value` options and positional arguments; unknown options are a usage error. */
function parseOptions(args: readonly string[], known: readonly string[], flags: readonly string[] = []) {
  const options: Record<string, string> = {};
  const positional: string[] = [];
  const set = new Set<string>();
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (flags.includes(arg)) {
      set.add(arg);
    } else if (arg.startsWith('--')) {
      const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
      if (!known.includes(name)) {
        throw new UsageError(`未知参数“${name}”。运行 gongkai letter --help 查看用法`);
      }
      const value = inline ?? args[i + 1];
      if (value === undefined) {
        throw new UsageError(`${name} 需要一个值`);
      }
      if (inline === undefined) {
        i += 1;
      }
      options[name] = value;
    } else {
      positional.push(arg);
    }
  }
  return { options, positional, flags: set };
}

/** `letter show` (also `case letter`): the letter of a replied case as text, JSON or a DOCX file. */
export async function runLetterShow(args: readonly string[], context: CommandContext): Promise<number> {
  const { options, positional, flags } = parseOptions(args, ['--agency', '--out'], ['--json']);
  const [caseCode, ...extra] = positional;
  if (caseCode === undefined || extra.length > 0) {
    throw new UsageError('用法：gongkai letter show 申请编号 [--agency 机关] [--out 文件.docx] [--json]');
  }
  const out = options['--out'];
  if (out !== undefined && !out.toLowerCase().endsWith('.docx')) {
    throw new UsageError(`--out 应为 .docx 文件，收到“${out}”`);
  }
  const agency = options['--agency'];
  const result = await context.deps.letters.withLetters((ports) =>
    renderCaseLetter(ports, { caseCode, actor: context.deps.actor, ...(agency === undefined ? {} : { agency }) }),
  );
  if (out !== undefined) {
    const path = resolve(context.cwd, out);
    await writeFile(path, await context.deps.letters.renderLetterDocx(result.letter));
    if (!flags.has('--json')) {
      context.out(`已生成告知书 ${result.docNumber}：${path}\n`);
    }
  }
  if (flags.has('--json')) {
    context.out(
      `${JSON.stringify({ caseCode: result.caseCode, docNumber: result.docNumber, newlyIssued: result.newlyIssued, letter: result.letter }, null, 2)}\n`,
    );
  } else if (out === undefined) {
    const { letter } = result;
    const lines = [
      letter.title,
      letter.docNumber,
      '',
      letter.addressee,
      ...letter.paragraphs.map((p) => `　　${p}`),
      '',
      letter.signature.agencyName,
      letter.signature.date,
    ];
    context.out(`${lines.join('\n')}\n`);
  }
  return EXIT.ok;
}

async function runTemplate(args: readonly string[], context: CommandContext): Promise<number> {
  const [sub, ...rest] = args;
  const { options, positional, flags } = parseOptions(rest, ['--agency', '--title', '--addressee', '--body-file'], ['--json']);
  const agency = options['--agency'];
  if (agency === undefined) {
    throw new UsageError('需要 --agency 机关');
  }
  switch (sub) {
    case 'list': {
      const templates = await context.deps.letters.withLetters((ports) => listLetterTemplates(ports, { agency }));
      if (flags.has('--json')) {
        context.out(`${JSON.stringify(templates, null, 2)}\n`);
      } else {
        for (const t of templates) {
          context.out(
            `${t.family}（${t.familyLabel}，${t.source === 'agency' ? '本机关模板' : '默认模板'}）：${t.title}\n${t.body
              .split('\n')
              .map((line) => `  ${line}`)
              .join('\n')}\n\n`,
          );
        }
      }
      return EXIT.ok;
    }
    case 'set': {
      const [family, ...extra] = positional;
      if (family === undefined || extra.length > 0) {
        throw new UsageError('用法：gongkai letter template set 类别 --agency 机关 [--title 标题] [--addressee 称谓] [--body-file 文件]');
      }
      const bodyFile = options['--body-file'];
      const body = bodyFile === undefined ? undefined : await context.deps.files.readText(bodyFile);
      const title = options['--title'];
      const addressee = options['--addressee'];
      if (title === undefined && addressee === undefined && body === undefined) {
        throw new UsageError('至少给出 --title、--addressee 或 --body-file 之一');
      }
      const saved = await context.deps.letters.withLetters((ports) =>
        setLetterTemplate(ports, {
          agency,
          family,
          actor: context.deps.actor,
          ...(title === undefined ? {} : { title }),
          ...(addressee === undefined ? {} : { addressee }),
          ...(body === undefined ? {} : { body }),
        }),
      );
      context.out(`已保存 ${agency} 的“${saved.familyLabel}”告知书模板：${saved.title}\n`);
      return EXIT.ok;
    }
    case 'reset': {
      const [family, ...extra] = positional;
      if (family === undefined || extra.length > 0) {
        throw new UsageError('用法：gongkai letter template reset 类别 --agency 机关');
      }
      const { removed } = await context.deps.letters.withLetters((ports) => resetLetterTemplate(ports, { agency, family }));
      context.out(
        removed ? `已删除 ${agency} 的 ${family} 模板，恢复默认模板\n` : `${agency} 没有 ${family} 的本机关模板，已在使用默认模板\n`,
      );
      return EXIT.ok;
    }
    default:
      throw new UsageError(`未知子命令“letter template ${sub ?? ''}”。可用：list、set、reset`);
  }
}

async function runSettings(args: readonly string[], context: CommandContext): Promise<number> {
  const [sub, ...rest] = args;
  const { options, positional, flags } = parseOptions(rest, ['--agency'], ['--json']);
  const agency = options['--agency'];
  const scope = agency === undefined ? {} : { agency };
  switch (sub) {
    case 'show': {
      if (positional.length > 0) {
        throw new UsageError('用法：gongkai letter settings show [--agency 机关] [--json]');
      }
      const rows = await context.deps.letters.withLetters((ports) => showLetterSettings(ports, scope));
      const origin = { agency: '本机关设置', instance: '实例默认', default: '内置默认' } as const;
      context.out(
        flags.has('--json')
          ? `${JSON.stringify(rows, null, 2)}\n`
          : `${rows.map((r) => `${r.key} = ${r.value === '' ? '（空）' : r.value}（${origin[r.source]}）\n  ${r.meaning}`).join('\n')}\n`,
      );
      return EXIT.ok;
    }
    case 'set': {
      const [key, value, ...extra] = positional;
      if (key === undefined || value === undefined || extra.length > 0) {
        throw new UsageError('用法：gongkai letter settings set 键 值 [--agency 机关]');
      }
      const changed = await context.deps.letters.withLetters((ports) =>
        setLetterSetting(ports, { ...scope, key, value, actor: context.deps.actor }),
      );
      context.out(
        `${agency ?? '实例默认'}：${changed.key} ${changed.from ?? '（未设置）'} → ${changed.to === '' ? '（空）' : changed.to}\n`,
      );
      return EXIT.ok;
    }
    case 'reset': {
      const [key, ...extra] = positional;
      if (key === undefined || extra.length > 0) {
        throw new UsageError('用法：gongkai letter settings reset 键 [--agency 机关]');
      }
      const reset = await context.deps.letters.withLetters((ports) =>
        resetLetterSetting(ports, { ...scope, key, actor: context.deps.actor }),
      );
      context.out(
        reset === undefined
          ? `${agency ?? '实例默认'}：${key} 本来就没有${agency === undefined ? '实例默认值' : '本机关的值'}，未作修改\n`
          : `${agency ?? '实例默认'}：${reset.key} ${reset.from === '' ? '（空）' : reset.from} → 恢复默认（现为 ${reset.to === '' ? '（空）' : reset.to}）\n`,
      );
      return EXIT.ok;
    }
    default:
      throw new UsageError(
        `未知子命令“letter settings ${sub ?? ''}”。${didYouMean(sub ?? '', ['show', 'set', 'reset'])}可用：show、set、reset`,
      );
  }
}

/** Runs `gongkai letter`. */
export async function run(args: readonly string[], context: CommandContext): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === '--help' || sub === '-h' || rest.includes('--help')) {
    context.out(HELP);
    return sub === undefined ? EXIT.usage : EXIT.ok;
  }
  switch (sub) {
    case 'show':
      return runLetterShow(rest, context);
    case 'template':
      return runTemplate(rest, context);
    case 'settings':
      return runSettings(rest, context);
    case 'fields':
      context.out(
        `${Object.entries(MERGE_FIELDS)
          .map(([name, meaning]) => `{{${name}}}  ${meaning}`)
          .join('\n')}\n`,
      );
      return EXIT.ok;
    default:
      throw new UsageError(`未知子命令“${sub}”。可用：show、template、fields`);
  }
}
