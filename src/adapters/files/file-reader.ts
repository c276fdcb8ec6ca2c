// The FileReader port on the local disk: files named on a command line, relative to its working directory.
// Text is decoded as people save it (issue #10): a UTF-8 BOM, UTF-16, or GB18030 from a Chinese
// Windows editor, never taken as mojibake.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { FileReader } from '#app/ports.ts';
import { DomainError } from '#core/shared/domain-error.ts';

/** Bytes → text, or a Chinese reason (the composition root passes the documents adapter's decoder). */
export type DecodeText = (
  bytes: Uint8Array,
) => { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: string };

/** Without a decoder: UTF-8, with or without a BOM. */
const utf8: DecodeText = (bytes) => ({ ok: true, text: new TextDecoder('utf-8').decode(bytes) });

const READ_REASONS: Readonly<Record<string, string>> = {
  ENOENT: '文件不存在',
  EISDIR: '这是一个目录，不是文件',
  EACCES: '没有读取权限',
  EPERM: '没有读取权限',
};

/** Reads files relative to `cwd`; a file that cannot be read is INVALID_INPUT naming the path as given. */
export function createFileReader(cwd: string, decodeText: DecodeText = utf8): FileReader {
  return {
    async readText(path) {
      let bytes: Uint8Array;
      try {
        bytes = await readFile(resolve(cwd, path));
      } catch (error) {
        const reason = READ_REASONS[(error as NodeJS.ErrnoException).code ?? ''];
        throw new DomainError('INVALID_INPUT', `无法读取文件“${path}”${reason === undefined ? '' : `：${reason}`}`, {
          fields: { file: reason ?? '无法读取' },
        });
      }
      const decoded = decodeText(bytes);
      if (!decoded.ok) {
        throw new DomainError('INVALID_INPUT', `无法读取文件“${path}”：${decoded.reason}`, { fields: { file: decoded.reason } });
      }
      return decoded.text.replace(/^\uFEFF/u, '');
    },
  };
}
