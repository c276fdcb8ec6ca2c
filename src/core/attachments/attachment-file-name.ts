// File names of attachments: what the uploader called the file, made safe to store and to offer as a
// download name (issue #8: safe file names). The name never decides the type; it only gets the
// detected type's extension when it lacks one, so a download opens in the right program.
import { ATTACHMENT_TYPE_INFO, type AttachmentType } from './detect-attachment-type.ts';

/** Longest stored name, in characters (the extension included). */
export const MAX_FILE_NAME_LENGTH = 120;

// Control characters, bidirectional overrides and isolates (they disguise `gpj.exe` as `exe.jpg`),
// zero-width characters, and characters Windows forbids in names.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff<>:"/\\|?*]/gu;
const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com\d|lpt\d)(?:\.|$)/i;

/**
 * The stored name: the last path segment of what was given (browsers on Windows may send a full path),
 * NFC, without control, bidi or reserved characters, at most MAX_FILE_NAME_LENGTH characters, ending
 * with an extension of the detected type.
 *
 * @example
 * sanitizeFileName('C:\\扫描\\申请书', 'pdf') // '申请书.pdf'
 */
export function sanitizeFileName(given: string, type: AttachmentType): string {
  const { extensions } = ATTACHMENT_TYPE_INFO[type];
  const segment = given.split(/[/\\]/u).pop() ?? '';
  let name = segment.normalize('NFC').replace(UNSAFE, '_').replace(/\s+/gu, ' ').trim();
  name = name.replace(/^[.\s]+|[.\s]+$/gu, '');
  if (WINDOWS_RESERVED.test(name)) {
    name = `_${name}`;
  }
  if (name === '' || /^_+$/u.test(name)) {
    name = '附件';
  }
  const dot = name.lastIndexOf('.');
  const kept = dot > 0 && extensions.includes(name.slice(dot + 1).toLowerCase());
  let stem = kept ? name.slice(0, dot) : name;
  const suffix = kept ? name.slice(dot) : `.${extensions[0]}`;
  const chars = [...stem];
  if (chars.length + suffix.length > MAX_FILE_NAME_LENGTH) {
    stem = chars.slice(0, MAX_FILE_NAME_LENGTH - suffix.length).join('');
  }
  return `${stem}${suffix}`;
}

/** RFC 5987 / RFC 8187 `ext-value` encoding: UTF-8, percent-encoded outside attr-char. */
function encodeExtValue(text: string): string {
  return encodeURIComponent(text).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * A Content-Disposition header that makes the browser save the file (never show it) under its name:
 * an ASCII fallback for old clients and the exact name as `filename*` (RFC 6266, RFC 5987).
 *
 * @example
 * contentDisposition('申请书.pdf') // `attachment; filename="___.pdf"; filename*=UTF-8''%E7%94%B3%E8%AF%B7%E4%B9%A6.pdf`
 */
export function contentDisposition(fileName: string): string {
  const fallback = [...fileName].map((c) => (/^[\x20-\x7e]$/.test(c) && c !== '"' && c !== '\\' && c !== '%' ? c : '_')).join('');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeExtValue(fileName)}`;
}
