import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { loadSource } from '#adapters/documents/load-source.ts';
import { makeTempDir } from '#test/temp-dir.ts';
import { createSourceLoader, type SourceLoader } from './source-loader.ts';

const SEED = 'test/fixtures/seeds/000_fa62d5864337d3a6.txt';
const GBK = 'test/fixtures/documents/seed-000.gb18030.txt';
const DOC = 'test/fixtures/documents/seed-004.doc';
const PDF = 'test/fixtures/documents/report.pdf';

/** The worker's answer once it has started (before that `load` hands every file back). */
async function loadWhenReady(loader: SourceLoader, path: string | Buffer, fileName: string) {
  for (let i = 0; i < 2000; i++) {
    const loaded = await loader.load(path, fileName);
    if (loaded !== undefined) {
      return loaded;
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('the loader never answered');
}

describe('source loader (a worker thread loading text and HTML files)', () => {
  let loader: SourceLoader;
  let dir: string;
  before(async () => {
    loader = createSourceLoader(256 * 1024);
    dir = await makeTempDir('gongkai-loader-');
  });
  after(() => loader.close());

  test('loads text, GB18030 and HTML files exactly as loadSource does in-process', async () => {
    const page = join(dir, 'page.html');
    await writeFile(
      page,
      '<!doctype html><html><body><p>攀枝花市人民政府2025年政府信息公开工作年度报告</p><table><tr><th>信息内容</th><td>12</td></tr></table></body></html>',
    );
    for (const path of [SEED, GBK, page]) {
      const name = path.split('/').pop() as string;
      const expected = await loadSource(new Uint8Array(await readFile(path)), name);
      assert.equal(expected.ok, true, path);
      assert.deepEqual(await loadWhenReady(loader, path, name), expected, path);
    }
  });

  test('a path given as bytes (a file name that is not UTF-8) is read', async () => {
    const raw = Buffer.concat([Buffer.from(`${dir}/`), Buffer.from([0xb1, 0xa8, 0xb8, 0xe6]), Buffer.from('.txt')]);
    await writeFile(raw, await readFile(SEED));
    const loaded = await loadWhenReady(loader, raw, 'report.txt');
    assert.deepEqual(loaded, await loadSource(new Uint8Array(await readFile(SEED)), 'report.txt'));
  });

  test('hands back what the main thread reads its own way: missing, a directory, packaged formats, over the size', async () => {
    await loadWhenReady(loader, SEED, 'seed.txt'); // started
    const big = join(dir, 'big.txt');
    await writeFile(big, 'x'.repeat(256 * 1024 + 1));
    for (const path of [join(dir, 'missing.txt'), dir, DOC, PDF, big]) {
      assert.equal(await loader.load(path, 'x'), undefined, path);
    }
  });

  test('a loader closed before its worker started stops cleanly, and loads nothing', async () => {
    const early = createSourceLoader(1024);
    await early.close();
    assert.equal(await early.load(SEED, 'seed.txt'), undefined);
  });
});
