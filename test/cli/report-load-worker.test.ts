// GONGKAI_LOAD_WORKER (issue #9): a batch of 24 files or more loads text and HTML files on a worker
// thread. Whatever the worker takes or declines, the output is byte for byte the main thread's own.
import assert from 'node:assert/strict';
import { cp, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { makeTempDir, runCli, SEED_DIR } from './report-cli-harness.ts';

const CORPUS = 'test/fixtures/corpus/reports';
const DOCUMENTS = 'test/fixtures/documents';

/** Every kind of input the loader meets: the corpus (text, JSON readings, PDF), the seeds as pages, .doc, .xls, GB18030, Big5, an empty file, a directory. */
async function mixedBatch(): Promise<string> {
  const dir = await makeTempDir('gongkai-load-worker-');
  await cp(CORPUS, join(dir, 'corpus'), { recursive: true });
  for (const name of await readdir(DOCUMENTS)) {
    if (!name.endsWith('.ts') && !name.endsWith('.md')) {
      await cp(join(DOCUMENTS, name), join(dir, `doc-${name}`));
    }
  }
  for (const name of await readdir(SEED_DIR)) {
    await cp(join(SEED_DIR, name), join(dir, `seed-${name}`));
  }
  await writeFile(join(dir, 'empty.txt'), '');
  await writeFile(
    join(dir, 'page.html'),
    '<html><body><h1>某县人民政府2024年政府信息公开工作年度报告</h1><table><tr><td>1</td></tr></table></body></html>',
  );
  return dir;
}

/** The run's result with the number of worker threads started during it. */
async function withWorkersCounted<T>(run: () => Promise<T>): Promise<T & { workers: number }> {
  let workers = 0;
  const count = (): void => {
    workers += 1;
  };
  process.on('worker', count);
  try {
    return { ...(await run()), workers };
  } finally {
    process.off('worker', count);
  }
}

test('report check --json and --explain: the same bytes with and without the load worker', async () => {
  const dir = await mixedBatch();
  for (const args of [
    ['report', 'check', '--json', dir],
    ['report', 'check', dir],
    ['report', 'check', '--json', '--explain', join(dir, 'corpus')],
  ]) {
    const off = await withWorkersCounted(() => runCli(args, { env: { GONGKAI_LOAD_WORKER: 'off' } }));
    const on = await withWorkersCounted(() => runCli(args));
    // The load worker was started (the guarded worker for the PDFs and .doc runs in both).
    assert.equal(on.workers, off.workers + 1, args.join(' '));
    assert.ok(off.out.split('\n').length > 24, 'a batch large enough for the worker');
    assert.equal(on.code, off.code, args.join(' '));
    assert.equal(on.err, off.err, args.join(' '));
    assert.equal(on.out, off.out, args.join(' '));
  }
});
