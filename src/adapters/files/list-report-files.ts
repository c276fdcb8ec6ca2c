// Expands the inputs of `report check`: files as given, directories recursively in sorted path order.
import { readdir, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';

/** An input that is neither a file nor a directory: reported, never fatal for the batch. */
export interface MissingInput {
  readonly path: string;
  readonly reason: string;
}

const IGNORED_NAMES = new Set(['.git', 'node_modules', '.DS_Store']);

/**
 * Lists the files to audit, in sorted path order within each directory (code-point order, so the
 * order is the same on every machine), each path as found (joined onto the input as given).
 */
export async function listReportFiles(inputs: readonly string[]): Promise<{ files: string[]; missing: MissingInput[] }> {
  const files: string[] = [];
  const missing: MissingInput[] = [];
  for (const input of inputs) {
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(input);
    } catch {
      missing.push({ path: input, reason: '文件或目录不存在' });
      continue;
    }
    if (info.isDirectory()) {
      await walk(input, files);
    } else {
      files.push(input);
    }
  }
  return { files, missing };
}

async function walk(directory: string, files: string[]): Promise<void> {
  const entries = await readdir(directory, { withFileTypes: true });
  const sorted = entries.filter((e) => !IGNORED_NAMES.has(e.name)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of sorted) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      await walk(path, files);
    } else if (entry.isFile()) {
      files.push(path);
    }
  }
}

/**
 * The files to read for inputs given relative to `cwd`, each path kept as the user wrote it (a
 * directory's files joined onto the input as given); a missing input is kept as given, so reading
 * it reports it like an unreadable file and the batch goes on.
 */
export async function listInputFiles(inputs: readonly string[], cwd: string): Promise<string[]> {
  const paths: string[] = [];
  for (const input of inputs) {
    const root = resolve(cwd, input);
    const listed = await listReportFiles([root]);
    paths.push(...listed.files.map((found) => (found === root ? input : join(input, relative(root, found)))));
    paths.push(...listed.missing.map(() => input));
  }
  return paths;
}
