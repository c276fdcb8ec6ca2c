// `gongkai case attach CODE FILE… [--channel 来源]` and `gongkai case attachments CODE [--get ID --out FILE]`:
// staff add scanned letters, faxes, e-mailed files to a case, list them and save one (issues #7, #8).
// Files are checked by content (type, size, count) before anything is stored; a refusal names each
// problem file and writes nothing.
import { open, stat, writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { AttachmentDeps, IncomingFile } from '#app/attachments/attachment-ports.ts';
import { attachmentRefusal } from '#app/attachments/check-incoming-files.ts';
import {
  type AttachmentView,
  attachFiles,
  listAttachments,
  parseAttachmentSource,
  readAttachment,
} from '#app/attachments/manage-attachments.ts';
import { ATTACHMENT_SOURCE_LABEL, ATTACHMENT_SOURCES, formatBytes, sizeRefusal } from '#core/attachments/check-attachment.ts';
import { ACCEPTED_TYPES_TEXT } from '#core/attachments/detect-attachment-type.ts';
import { DomainError } from '#core/shared/domain-error.ts';
import { type CommandContext, EXIT, UsageError } from '../cli-context.ts';
import { parseOptions } from '../command-options.ts';

export const ATTACH_HELP = `  gongkai case attach CODE FILE… [--channel ${ATTACHMENT_SOURCES.join('|')}] [--json]
      为案件添加附件（扫描的信函、传真、电子邮件附件等）。按内容识别类型：${ACCEPTED_TYPES_TEXT}；
      其他类型、超过大小上限或超过每案件数量上限的文件一律拒绝，任何一个文件被拒绝则全部不保存。
      --channel 附件来源：${ATTACHMENT_SOURCES.map((s) => `${s}（${ATTACHMENT_SOURCE_LABEL[s]}）`).join('、')}；默认 staff。
  gongkai case attachments CODE [--json]
  gongkai case attachments CODE --get ID --out FILE
      列出案件的附件；--get 将一个附件保存到文件（不覆盖已有文件）。`;

/** The attachment use cases' ports of this process. */
export function attachmentDeps(context: CommandContext): AttachmentDeps {
  const { deps } = context;
  return { cases: deps.cases, clock: deps.clock, attachments: deps.attachmentStore, blobs: deps.blobs, limits: deps.attachmentLimits };
}

/**
 * Reads the named files for an upload. A file over the size limit is refused from its size, unread;
 * anything but a regular file (a folder, a device, a pipe) is refused too.
 */
export async function readIncomingFiles(paths: readonly string[], context: CommandContext): Promise<IncomingFile[]> {
  const limits = context.deps.attachmentLimits;
  const problems: string[] = [];
  const files: IncomingFile[] = [];
  for (const path of paths) {
    const full = resolve(context.cwd, path);
    const name = basename(path);
    try {
      const info = await stat(full);
      if (!info.isFile()) {
        problems.push(`“${name}”不是普通文件`);
        continue;
      }
      if (info.size > limits.maxBytes) {
        problems.push(sizeRefusal(name, limits));
        continue;
      }
      const handle = await open(full, 'r');
      try {
        files.push({ name, bytes: new Uint8Array(await handle.readFile()) });
      } finally {
        await handle.close();
      }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      problems.push(
        `无法读取“${path}”：${code === 'ENOENT' ? '文件不存在' : code === 'EACCES' ? '没有读取权限' : (error as Error).message}`,
      );
    }
  }
  if (problems.length > 0) {
    throw attachmentRefusal(problems.join('；'));
  }
  return files;
}

const line = (a: AttachmentView) =>
  `  ${a.id}  ${a.fileName}  ${formatBytes(a.size)}  ${a.mediaType}  ${a.sourceLabel}  ${a.uploadedBy}  ${a.uploadedAt}`;

export async function runAttach(args: readonly string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseOrUsage(args, { channel: { type: 'string' } });
  if (values.help === true) {
    context.out(`${ATTACH_HELP}\n`);
    return EXIT.ok;
  }
  const [caseCode, ...paths] = positionals;
  if (caseCode === undefined || paths.length === 0) {
    throw new UsageError(`用法：gongkai case attach CODE FILE… [--channel 来源] [--json]\n${ATTACH_HELP}`);
  }
  const source = parseAttachmentSource(values.channel) ?? 'staff';
  const deps = attachmentDeps(context);
  const files = await readIncomingFiles(paths, context);
  const added = await attachFiles(deps, { caseCode, files, source, actor: context.deps.actor });
  if (values.json === true) {
    context.out(`${JSON.stringify({ caseCode, attachments: added })}\n`);
  } else {
    context.out(`已为案件 ${caseCode} 添加 ${added.length} 个附件：\n${added.map(line).join('\n')}\n`);
  }
  return EXIT.ok;
}

export async function runAttachments(args: readonly string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseOrUsage(args, { get: { type: 'string' }, out: { type: 'string' } });
  if (values.help === true) {
    context.out(`${ATTACH_HELP}\n`);
    return EXIT.ok;
  }
  const [caseCode] = positionals;
  if (caseCode === undefined || positionals.length !== 1) {
    throw new UsageError(`用法：gongkai case attachments CODE [--json] | gongkai case attachments CODE --get ID --out FILE`);
  }
  const deps = attachmentDeps(context);
  if (values.get !== undefined) {
    if (!/^\d{1,15}$/.test(values.get) || values.out === undefined) {
      throw new UsageError('用法：gongkai case attachments CODE --get ID --out FILE（ID 为附件编号）');
    }
    const { attachment, bytes } = await readAttachment(deps, { caseCode, id: Number(values.get) });
    const target = resolve(context.cwd, values.out);
    try {
      await writeFile(target, bytes, { flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
        throw new DomainError('CONFLICT', `文件“${values.out}”已存在，请换一个文件名`);
      }
      throw error;
    }
    context.out(values.json === true ? `${JSON.stringify(attachment)}\n` : `已保存“${attachment.fileName}”到 ${values.out}\n`);
    return EXIT.ok;
  }
  const items = await listAttachments(deps, { caseCode });
  if (values.json === true) {
    context.out(`${JSON.stringify({ caseCode, items })}\n`);
  } else {
    context.out(
      items.length === 0
        ? `案件 ${caseCode} 没有附件\n`
        : `案件 ${caseCode} 的附件（${items.length} 个）：\n${items.map(line).join('\n')}\n`,
    );
  }
  return EXIT.ok;
}

function parseOrUsage<T extends Record<string, { type: 'string' | 'boolean' }>>(args: readonly string[], options: T) {
  return parseOptions(args, { ...options, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const, ATTACH_HELP);
}
