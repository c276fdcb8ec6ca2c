// `gongkai db backup` / `db restore` carry the attachments' files (issue #7: "stored by content hash
// outside the database" must not mean "lost by a backup"): a restore into an empty database and an
// empty data directory gives back every file byte for byte; a truncated or altered backup is refused
// with nothing restored; files missing at backup time are named.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createFileBlobStore } from '#adapters/blobs/file-blob-store.ts';
import { backupDatabase, restoreDatabase } from '#adapters/db/backup.ts';
import { runInProcess } from '#test/cli/run-in-process.ts';
import { forEachEngine, withTestDatabase } from '#test/db-harness.ts';
import { addAgency, NOW } from '../cases/case-fixtures.ts';

const root = mkdtempSync(join(tmpdir(), 'gongkai-attach-backup-'));
after(() => rmSync(root, { recursive: true, force: true }));

const PDF = readFileSync(new URL('../fixtures/documents/report.pdf', import.meta.url));
const TIFF = readFileSync(new URL('../fixtures/attachments/python.tiff', import.meta.url));
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

forEachEngine('attachments through backup and restore', ({ database, engine }) => {
  const home = join(root, engine);
  const cli = (url: string, dataDir: string, args: string[]) =>
    runInProcess(args, {
      env: { DATABASE_URL: url, GONGKAI_DATA_DIR: dataDir, GONGKAI_USER: 'admin' },
      cwd: home,
      isTTY: false,
      now: () => NOW,
    });
  let caseCode = '';
  const file = join(root, `${engine}.backup`);

  test('db backup writes the files; db restore into an empty database and data directory gives them back', async () => {
    const { url, pool } = await database();
    const first = join(home, 'first');
    writeFileSync(join(root, `${engine}-scan.pdf`), PDF);
    writeFileSync(join(root, `${engine}-fax.tif`), TIFF);
    const agency = await addAgency(pool, '备份附件市民政局');
    const created = await cli(url, first, [
      'case',
      'new',
      '--agency',
      agency.slug,
      '--applicant-type',
      'other_org',
      '--name',
      '某协会',
      '--uscc',
      '91350100M000100Y43',
      '--description',
      '请公开2024年度行政许可目录',
      '--delivery',
      'pickup',
      '--phone',
      '0591-12345678',
      '--channel',
      'fax',
      '--received',
      '2025-06-27',
      '--attach',
      join(root, `${engine}-fax.tif`),
      '--json',
    ]);
    assert.equal(created.code, 0, created.err);
    caseCode = (JSON.parse(created.out) as { caseCode: string }).caseCode;
    const attached = await cli(url, first, ['case', 'attach', caseCode, join(root, `${engine}-scan.pdf`)]);
    assert.equal(attached.code, 0, attached.err);

    const backup = await cli(url, first, ['db', 'backup', file, '--json']);
    assert.equal(backup.code, 0, backup.err);
    assert.deepEqual((JSON.parse(backup.out) as { blobs: unknown }).blobs, { count: 2, bytes: PDF.length + TIFF.length, missing: [] });

    const target = await withTestDatabase(engine);
    try {
      const second = join(home, 'second');
      const restored = await cli(target.url, second, ['db', 'restore', file, '--json']);
      assert.equal(restored.code, 0, restored.err);
      assert.equal((JSON.parse(restored.out) as { blobs: { count: number } }).blobs.count, 2);
      const listed = await cli(target.url, second, ['case', 'attachments', caseCode, '--json']);
      const items = (JSON.parse(listed.out) as { items: { id: number; sha256: string; mediaType: string; source: string }[] }).items;
      assert.deepEqual(
        items.map((i) => [i.sha256, i.mediaType, i.source]),
        [
          [sha256(TIFF), 'image/tiff', 'fax'],
          [sha256(PDF), 'application/pdf', 'staff'],
        ],
      );
      const out = join(home, 'restored.pdf');
      assert.equal((await cli(target.url, second, ['case', 'attachments', caseCode, '--get', String(items[1]?.id), '--out', out])).code, 0);
      assert.deepEqual(readFileSync(out), PDF);
      const sweep = await cli(target.url, second, ['db', 'sweep-blobs', '--dry-run', '--json']);
      assert.equal(sweep.code, 0, sweep.err);
      assert.deepEqual(
        [(JSON.parse(sweep.out) as { removed: unknown[] }).removed, (JSON.parse(sweep.out) as { kept: number }).kept],
        [[], 2],
      );
    } finally {
      await target.close();
    }
  });

  test('a backup cut inside a file or with an altered file is refused and restores nothing', async () => {
    const text = readFileSync(file, 'utf8');
    const lines = text.trimEnd().split('\n');
    const blobLine = lines.findIndex((line) => line.startsWith('{"b":'));
    assert.ok(blobLine > 0);
    const cut = join(root, `${engine}-cut.backup`);
    writeFileSync(cut, `${lines.slice(0, blobLine).join('\n')}\n${lines.at(-1)}\n`);
    const altered = join(root, `${engine}-altered.backup`);
    const line = JSON.parse(lines[blobLine] as string) as { d: string };
    const flipped = Buffer.from(line.d, 'base64');
    flipped[100] = (flipped[100] ?? 0) ^ 0xff;
    writeFileSync(altered, text.replace(line.d, flipped.toString('base64')));
    const target = await withTestDatabase(engine);
    try {
      const blobs = createFileBlobStore(join(home, 'third', 'blobs'));
      await assert.rejects(restoreDatabase(target.pool, cut, { replace: false, blobs }), /应有 2 个附件文件，读到 0 个/);
      await assert.rejects(restoreDatabase(target.pool, altered, { replace: false, blobs }), /与其校验值不符/);
      const rows = await target.pool.query<{ n: number }>('select count(*)::int as n from attachments');
      assert.equal(rows.rows[0]?.n, 0);
    } finally {
      await target.close();
    }
  });

  test('a file missing from the blob store at backup time is named', async () => {
    const { pool } = await database();
    const empty = createFileBlobStore(join(home, 'empty-blobs'));
    let found: { count: number; missing: readonly string[] } | undefined;
    const partial = join(root, `${engine}-partial.backup`);
    await backupDatabase(pool, partial, { engine, now: NOW, blobs: empty, onBlobs: (b) => (found = b) });
    assert.deepEqual(found, { count: 0, bytes: 0, missing: [sha256(PDF), sha256(TIFF)].sort() });
  });
});
