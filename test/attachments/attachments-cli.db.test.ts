// Staff attachments from the command line on both engines (issue #7: scanned letters, faxes and
// e-mailed files stored by content hash outside the database): `case new --attach`, `case attach`,
// `case attachments` (list, --get), the limits, refusals that write nothing, dedupe, and the sweep of
// blobs no row refers to.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createFileBlobStore } from '#adapters/blobs/file-blob-store.ts';
import { createAttachmentStore } from '#adapters/db/attachment-store.ts';
import { sweepUnreferencedBlobs } from '#app/attachments/manage-attachments.ts';
import { runInProcess } from '#test/cli/run-in-process.ts';
import { forEachEngine } from '#test/db-harness.ts';
import { addAgency, NOW } from '../cases/case-fixtures.ts';

const root = mkdtempSync(join(tmpdir(), 'gongkai-attach-cli-'));
after(() => rmSync(root, { recursive: true, force: true }));

const PDF = readFileSync(new URL('../fixtures/documents/report.pdf', import.meta.url));
const PNG = readFileSync(new URL('../fixtures/attachments/python.png', import.meta.url));
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A minimal Windows program (DOS header + PE signature). */
const PROGRAM = (() => {
  const bytes = Buffer.alloc(256);
  bytes.write('MZ', 0, 'latin1');
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write('PE\0\0', 0x80, 'latin1');
  return bytes;
})();

const blobFiles = (dir: string): string[] => {
  const base = join(dir, 'blobs', 'sha256');
  if (!existsSync(base)) {
    return [];
  }
  return readdirSync(base, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name)
    .sort();
};

forEachEngine('attachments from the CLI', ({ database, engine }) => {
  const dir = join(root, engine);
  const files = join(dir, 'in');
  const env = (url: string, extra: Record<string, string> = {}) => ({
    DATABASE_URL: url,
    GONGKAI_DATA_DIR: dir,
    GONGKAI_USER: 'clerk',
    ...extra,
  });
  const run = async (url: string, args: string[], extra: Record<string, string> = {}) =>
    runInProcess(args, { env: env(url, extra), cwd: files, isTTY: false, now: () => NOW });
  const newCase = async (url: string, slug: string, attach: string[] = []) =>
    run(url, [
      'case',
      'new',
      '--agency',
      slug,
      '--applicant-type',
      'natural_person',
      '--name',
      '李四',
      '--id-type',
      'passport',
      '--id-number',
      'E12345678',
      '--description',
      '请公开2024年度财政预算',
      '--delivery',
      'post',
      '--address',
      '某市某路1号',
      '--channel',
      'post_signed',
      '--received',
      '2025-06-27',
      ...attach.flatMap((file) => ['--attach', file]),
      '--json',
    ]);

  test('set-up', () => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(files, { recursive: true });
    for (const [name, bytes] of [
      ['申请信函.pdf', PDF],
      ['信封.png', PNG],
      ['扫描件.pdf', PROGRAM],
      ['说明.txt', Buffer.from('附言：请邮寄纸质件。\n', 'utf8')],
    ] as const) {
      writeFileSync(join(files, name), bytes);
    }
  });

  test('case new --attach stores the letter and envelope with the case; rows carry hash, size, type, name, source', async () => {
    const { url, pool } = await database();
    const agency = await addAgency(pool, '附件市民政局');
    const result = await newCase(url, agency.slug, ['申请信函.pdf', '信封.png']);
    assert.equal(result.code, 0, result.err);
    const { caseCode } = JSON.parse(result.out) as { caseCode: string };
    const rows = await pool.query(
      `select a.agency_id, a.sha256, a.size::int as size, a.media_type, a.file_name, a.source, a.uploaded_by
         from attachments a join cases c on c.agency_id = a.agency_id and c.id = a.case_id where c.case_code = $1 order by a.id`,
      [caseCode],
    );
    assert.deepEqual(rows.rows, [
      {
        agency_id: agency.id,
        sha256: sha256(PDF),
        size: PDF.length,
        media_type: 'application/pdf',
        file_name: '申请信函.pdf',
        source: 'post',
        uploaded_by: 'clerk',
      },
      {
        agency_id: agency.id,
        sha256: sha256(PNG),
        size: PNG.length,
        media_type: 'image/png',
        file_name: '信封.png',
        source: 'post',
        uploaded_by: 'clerk',
      },
    ]);
    assert.deepEqual(blobFiles(dir), [sha256(PDF), sha256(PNG)].sort());

    const listed = await run(url, ['case', 'attachments', caseCode, '--json']);
    assert.equal(listed.code, 0, listed.err);
    const items = (JSON.parse(listed.out) as { items: { id: number; fileName: string; sourceLabel: string }[] }).items;
    assert.deepEqual(
      items.map((i) => [i.fileName, i.sourceLabel]),
      [
        ['申请信函.pdf', '邮寄'],
        ['信封.png', '邮寄'],
      ],
    );
    const saved = await run(url, ['case', 'attachments', caseCode, '--get', String(items[0]?.id), '--out', 'copy.pdf']);
    assert.equal(saved.code, 0, saved.err);
    assert.deepEqual(readFileSync(join(files, 'copy.pdf')), PDF);
    const again = await run(url, ['case', 'attachments', caseCode, '--get', String(items[0]?.id), '--out', 'copy.pdf']);
    assert.equal(again.code, 5, 'an existing file is not overwritten');
  });

  test('case new with a program named .pdf writes nothing: no case, no row, no blob', async () => {
    const { url, pool } = await database();
    const agency = await addAgency(pool);
    const before = blobFiles(dir);
    const result = await newCase(url, agency.slug, ['说明.txt', '扫描件.pdf']);
    assert.equal(result.code, 64);
    assert.match(result.err, /“扫描件\.pdf”：不接受可执行文件（程序）/);
    const count = await pool.query('select count(*)::int as n from cases where agency_id = $1', [agency.id]);
    assert.equal(count.rows[0].n, 0);
    assert.deepEqual(blobFiles(dir), before);
  });

  test('case attach adds files to an existing case with the given channel; the same content is stored once', async () => {
    const { url, pool } = await database();
    const agency = await addAgency(pool);
    const first = JSON.parse((await newCase(url, agency.slug)).out) as { caseCode: string };
    const second = JSON.parse((await newCase(url, agency.slug)).out) as { caseCode: string };
    const a = await run(url, ['case', 'attach', first.caseCode, '说明.txt', '--channel', 'fax']);
    assert.equal(a.code, 0, a.err);
    assert.match(a.out, /已为案件 \S+ 添加 1 个附件/);
    const b = await run(url, ['case', 'attach', second.caseCode, '说明.txt', '--json']);
    assert.equal(b.code, 0, b.err);
    const added = JSON.parse(b.out) as { attachments: { source: string; mediaType: string; sha256: string }[] };
    assert.deepEqual(
      added.attachments.map((x) => [x.source, x.mediaType]),
      [['staff', 'text/plain']],
    );
    const text = Buffer.from('附言：请邮寄纸质件。\n', 'utf8');
    assert.equal(added.attachments[0]?.sha256, sha256(text));
    assert.equal(blobFiles(dir).filter((name) => name === sha256(text)).length, 1);
    const rows = await pool.query('select source from attachments where agency_id = $1 order by id', [agency.id]);
    assert.deepEqual(
      rows.rows.map((r) => r.source),
      ['fax', 'staff'],
    );
    const audit = await pool.query(`select count(*)::int as n from audit_log where agency_id = $1 and action = 'attachment.add'`, [
      agency.id,
    ]);
    assert.equal(audit.rows[0].n, 2);
  });

  test('limits: a file over GONGKAI_ATTACHMENT_MAX_BYTES and a case past GONGKAI_ATTACHMENT_MAX_FILES are refused', async () => {
    const { url, pool } = await database();
    const agency = await addAgency(pool);
    const created = JSON.parse((await newCase(url, agency.slug)).out) as { caseCode: string };
    const big = await run(url, ['case', 'attach', created.caseCode, '申请信函.pdf'], { GONGKAI_ATTACHMENT_MAX_BYTES: '8K' });
    assert.equal(big.code, 64);
    assert.match(big.err, /“申请信函\.pdf”超过大小上限 8 KB/);
    const limit = { GONGKAI_ATTACHMENT_MAX_FILES: '2' };
    assert.equal((await run(url, ['case', 'attach', created.caseCode, '说明.txt', '信封.png'], limit)).code, 0);
    const third = await run(url, ['case', 'attach', created.caseCode, '申请信函.pdf'], limit);
    assert.equal(third.code, 64);
    assert.match(third.err, /一件申请最多 2 个附件，已有 2 个，本次最多还能上传 0 个/);
    const rows = await pool.query('select count(*)::int as n from attachments where agency_id = $1', [agency.id]);
    assert.equal(rows.rows[0].n, 2);
    assert.equal((await run(url, ['case', 'attach', 'GK2025-999999', '说明.txt'])).code, 3);
    assert.equal((await run(url, ['case', 'attach', created.caseCode, '说明.txt', '--channel', 'pigeon'])).code, 64);
  });

  test('the sweep removes old blobs no row refers to and keeps referenced and recent ones', async () => {
    const { db } = await database();
    const blobs = createFileBlobStore(join(dir, 'blobs'));
    const orphan = await blobs.put(new TextEncoder().encode('一个未被引用的文件'));
    const store = createAttachmentStore(db);
    const later = { now: () => new Date(Date.now() + 2 * 24 * 3600 * 1000) };
    const soon = await sweepUnreferencedBlobs({ attachments: store, blobs, clock: { now: () => new Date() } });
    assert.equal(
      soon.removed.some((b) => b.sha256 === orphan.sha256),
      false,
      'a blob written just now may belong to a request not yet committed',
    );
    const result = await sweepUnreferencedBlobs({ attachments: store, blobs, clock: later });
    assert.deepEqual(
      result.removed.map((b) => b.sha256),
      [orphan.sha256],
    );
    assert.equal(await blobs.has(orphan.sha256), false);
    assert.equal(await blobs.has(sha256(PDF)), true);
  });
});
