// Expands the inputs of `report check`: files as given, directories recursively in sorted path order.
// Never ends the batch: a folder that cannot be opened, a path too long, a link that loops — each is
// an entry with its reason (or a skipped note), and the listing goes on (issue #9).
import { readdirSync, realpathSync, type Stats, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import type { InputListing, ListedFile } from '#app/ports.ts';

const IGNORED_NAMES = new Set(['.git', 'node_modules', '.DS_Store']);

const LIST_REASONS: Readonly<Record<string, string>> = {
  ENOENT: '文件或目录不存在',
  EACCES: '没有读取权限，无法打开',
  EPERM: '没有读取权限，无法打开',
  ENAMETOOLONG: '路径太长',
  ELOOP: '符号链接形成循环',
  ENOTDIR: '路径中有一段不是目录',
};

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return LIST_REASONS[code] ?? `无法读取（${code || String(error)}）`;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030', { fatal: true });

/**
 * A file name as the user reads it: UTF-8, else GB18030 (zips made on Chinese Windows), else its
 * bytes escaped (`\xE9`). `exact` says whether the string names the same bytes (UTF-8).
 */
export function decodeName(bytes: Uint8Array): { readonly name: string; readonly exact: boolean } {
  try {
    return { name: utf8.decode(bytes), exact: true };
  } catch {
    try {
      return { name: gb18030.decode(bytes), exact: false };
    } catch {
      let name = '';
      for (const byte of bytes) {
        name += byte < 0x80 ? String.fromCharCode(byte) : `\\x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
      }
      return { name, exact: false };
    }
  }
}

interface Directory {
  /** As shown (joined onto the input as given). */
  readonly path: string;
  /** Absolute, for the file system. */
  readonly fs: string;
  /** Absolute as bytes, when some name on it is not UTF-8. */
  readonly raw: Buffer | undefined;
}

/**
 * Lists the files of `input` (resolved against `cwd`), each shown joined onto the input as given:
 * directories recursively in sorted name order (byte order, the same on every machine); symbolic links
 * followed to files and folders, never twice into one folder (no loops); whatever cannot be listed
 * is an entry with its reason.
 */
export function listInputFiles(inputs: readonly string[], cwd: string): InputListing {
  const files: ListedFile[] = [];
  const skipped: { path: string; reason: string }[] = [];
  const visited = new Set<string>();
  const walk = (directory: Directory, real: string): void => {
    visited.add(real);
    let entries: { name: Buffer; isDirectory(): boolean; isFile(): boolean; isSymbolicLink(): boolean }[];
    try {
      entries = readdirSync(directory.raw ?? directory.fs, { withFileTypes: true, encoding: 'buffer' });
    } catch (error) {
      files.push({
        path: directory.path,
        unreadable: `目录${reasonOf(error)}`,
        ...(directory.raw === undefined ? {} : { rawPath: directory.raw }),
      });
      return;
    }
    entries.sort((a, b) => Buffer.compare(a.name, b.name));
    for (const entry of entries) {
      const { name, exact } = decodeName(entry.name);
      if (IGNORED_NAMES.has(name)) {
        continue;
      }
      const path = join(directory.path, name);
      const fs = join(directory.fs, name);
      const raw =
        !exact || directory.raw !== undefined
          ? Buffer.concat([directory.raw ?? Buffer.from(directory.fs), Buffer.from(sep), entry.name])
          : undefined;
      const rawPart = raw === undefined ? {} : { rawPath: raw };
      if (entry.isDirectory()) {
        walk({ path, fs, raw }, `${real}${sep}${name}`);
      } else if (entry.isFile()) {
        files.push({ path, ...rawPart });
      } else if (entry.isSymbolicLink()) {
        let target: Stats;
        let targetReal: string;
        try {
          target = statSync(raw ?? fs);
          targetReal = target.isDirectory() ? String(realpathSync(raw ?? fs)) : '';
        } catch (error) {
          files.push({ path, unreadable: `符号链接无法打开：${reasonOf(error)}`, ...rawPart });
          continue;
        }
        if (target.isFile()) {
          files.push({ path, ...rawPart });
        } else if (target.isDirectory()) {
          if (visited.has(targetReal) || isWithin(real, targetReal)) {
            skipped.push({ path, reason: '符号链接指向已列出的目录（或其上级目录），未重复读取' });
          } else {
            walk({ path, fs, raw }, targetReal);
          }
        }
      }
      // Devices, FIFOs and sockets inside a folder are not reports: left out, as before.
    }
  };
  for (const input of inputs) {
    const root = resolve(cwd, input);
    let info: Stats;
    try {
      info = statSync(root);
    } catch (error) {
      files.push({ path: input, unreadable: reasonOf(error) });
      continue;
    }
    if (!info.isDirectory()) {
      files.push({ path: input }); // read as given: a device or FIFO named here is refused by the reader
      continue;
    }
    let real = root;
    try {
      real = realpathSync(root);
    } catch {
      // keep the resolved path
    }
    walk({ path: input, fs: root, raw: undefined }, real);
  }
  return { files, skipped };
}

/** Whether `inner` is `outer` or below it: a link to an ancestor would list it forever. */
function isWithin(inner: string, outer: string): boolean {
  return inner === outer || inner.startsWith(outer.endsWith(sep) ? outer : outer + sep);
}
