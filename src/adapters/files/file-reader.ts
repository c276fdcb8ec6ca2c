// The FileReader port on the local disk: files named on a command line, relative to its working directory.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { FileReader } from '#app/ports.ts';
import { DomainError } from '#core/shared/domain-error.ts';

/** Reads files relative to `cwd`; a file that cannot be read is INVALID_INPUT naming the path as given. */
export function createFileReader(cwd: string): FileReader {
  return {
    async readText(path) {
      try {
        return await readFile(resolve(cwd, path), 'utf8');
      } catch {
        throw new DomainError('INVALID_INPUT', `无法读取文件“${path}”`, { fields: { file: '无法读取' } });
      }
    },
  };
}
