// The checks an upload passes before anything is stored: size, count per case, type by content
// (detect-attachment-type.ts), and its safe name. Pure; the limits come from the configuration.
import { sanitizeFileName } from './attachment-file-name.ts';
import { type AttachmentType, detectAttachmentType } from './detect-attachment-type.ts';

export interface AttachmentLimits {
  /** Largest accepted file, in bytes. */
  readonly maxBytes: number;
  /** Most files one case may have. */
  readonly maxFiles: number;
}

export const DEFAULT_ATTACHMENT_LIMITS: AttachmentLimits = { maxBytes: 20 * 1024 * 1024, maxFiles: 10 };

/** How an attachment reached the agency (the application's channel, or staff's own upload). */
export const ATTACHMENT_SOURCES = ['online', 'in_person', 'post', 'fax', 'email', 'staff'] as const;
export type AttachmentSource = (typeof ATTACHMENT_SOURCES)[number];

export const ATTACHMENT_SOURCE_LABEL = {
  online: '网上提交',
  in_person: '当面提交',
  post: '邮寄',
  fax: '传真',
  email: '电子邮件',
  staff: '工作人员上传',
} as const satisfies Record<AttachmentSource, string>;

/** The attachment source of a case channel (core/statute/receipt-date.ts CHANNELS): what staff entry scans. */
export function sourceOfChannel(channel: string): AttachmentSource {
  switch (channel) {
    case 'in_person':
    case 'oral':
      return 'in_person';
    case 'post_signed':
    case 'post_ordinary':
      return 'post';
    case 'fax':
      return 'fax';
    case 'online':
      return 'email';
    default:
      return 'staff';
  }
}

/** `20 MB`, `512 KB`, `800 字节` (binary units, as file managers show them). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) {
    const mb = bytes / (1024 * 1024);
    return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
  }
  if (bytes >= 1024) {
    const kb = bytes / 1024;
    return `${Number.isInteger(kb) ? kb : kb.toFixed(1)} KB`;
  }
  return `${bytes} 字节`;
}

export type CheckedAttachment =
  | { readonly ok: true; readonly type: AttachmentType; readonly mediaType: string; readonly fileName: string; readonly size: number }
  | { readonly ok: false; readonly message: string };

/** The label a message uses for a file: its given name (last segment), or 文件 when it has none. */
function shownName(name: string): string {
  const last = (name.split(/[/\\]/u).pop() ?? '').replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/gu, '').trim();
  return last === '' ? '文件' : `“${[...last].slice(0, 60).join('')}”`;
}

/** The refusal of a file over the size limit (also said before reading a file from disk). */
export const sizeRefusal = (name: string, limits: AttachmentLimits): string =>
  `${shownName(name)}超过大小上限 ${formatBytes(limits.maxBytes)}`;

/**
 * Checks one uploaded file: not empty, not over the size limit, an accepted type by its bytes.
 *
 * @example
 * checkAttachment({ name: 'scan.pdf', bytes }, DEFAULT_ATTACHMENT_LIMITS) // { ok: true, type: 'pdf', fileName: 'scan.pdf', … }
 */
export function checkAttachment(file: { readonly name: string; readonly bytes: Uint8Array }, limits: AttachmentLimits): CheckedAttachment {
  if (file.bytes.length > limits.maxBytes) {
    return { ok: false, message: sizeRefusal(file.name, limits) };
  }
  const detected = detectAttachmentType(file.bytes);
  if (!detected.ok) {
    return { ok: false, message: `${shownName(file.name)}：${detected.message}` };
  }
  return {
    ok: true,
    type: detected.type,
    mediaType: detected.mediaType,
    fileName: sanitizeFileName(file.name, detected.type),
    size: file.bytes.length,
  };
}

/** A refusal when `adding` more files would take a case past the limit (undefined: fine). */
export function checkAttachmentCount(existing: number, adding: number, limits: AttachmentLimits): string | undefined {
  if (existing + adding <= limits.maxFiles) {
    return undefined;
  }
  return existing === 0
    ? `一件申请最多上传 ${limits.maxFiles} 个附件，本次有 ${adding} 个`
    : `一件申请最多 ${limits.maxFiles} 个附件，已有 ${existing} 个，本次最多还能上传 ${Math.max(0, limits.maxFiles - existing)} 个`;
}
