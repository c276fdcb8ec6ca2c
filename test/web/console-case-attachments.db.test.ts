// The console case page's attachments through the web app's fetch handler (issue #8), on PGlite and
// PostgreSQL: the list with download links and the upload form (multipart, `_csrf`); an upload lands on
// the case and downloads byte for byte through the link; a refused file (type by content, size, count,
// source) comes back beside the file input in Chinese with nothing written; the supervisor sees the list
// without the form and may not post; another agency's officer gets 404 and sees nothing of the case.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Hono } from 'hono';
import { addUser } from '#app/identity/manage-users.ts';
import { forEachEngine } from '#test/db-harness.ts';
import { intakeBody } from '../http/intake-load.ts';
import { addAgencies, type StaffClient, staffClient, webFixture } from './console-harness.ts';

/** Monday 2026-03-02, 10:00 in Beijing. */
const START = new Date('2026-03-02T02:00:00Z');
const LIMITS = { maxBytes: 64 * 1024, maxFiles: 3 };
const root = mkdtempSync(join(tmpdir(), 'gongkai-console-attach-'));
after(() => rmSync(root, { recursive: true, force: true }));

const PDF = new Uint8Array(readFileSync(new URL('../fixtures/documents/report.pdf', import.meta.url)));
const JPEG = new Uint8Array(readFileSync(new URL('../fixtures/attachments/python.jpg', import.meta.url)));
/** A Windows program (MZ header, PE signature) named like a PDF. */
const PROGRAM = (() => {
  const bytes = new Uint8Array(256);
  bytes.set([0x4d, 0x5a], 0);
  bytes.set([0x80, 0, 0, 0], 0x3c);
  bytes.set([0x50, 0x45, 0, 0], 0x80);
  return bytes;
})();
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

forEachEngine('console case attachments over HTTP', ({ database, engine }) => {
  const blobDir = join(root, engine);
  let app: Hono;
  let officerA: StaffClient;
  let officerB: StaffClient;
  let supervisor: StaffClient;
  let caseA = '';
  let countAttachments: () => Promise<number>;
  const blobFiles = () =>
    existsSync(blobDir)
      ? readdirSync(blobDir, { recursive: true, withFileTypes: true })
          .filter((e) => e.isFile())
          .map((e) => e.name)
          .sort()
      : [];

  /** A multipart post of the upload form as a browser sends it (the session cookie, `_csrf`, files under `attachments`). */
  const upload = async (
    client: StaffClient,
    caseCode: string,
    files: readonly [string, Uint8Array][],
    fields: Readonly<Record<string, string>> = {},
  ): Promise<Response> => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) {
      form.append(name, value);
    }
    for (const [name, bytes] of files) {
      form.append('attachments', new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }), name);
    }
    const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    return app.request(`/console/cases/${caseCode}/attachments`, { method: 'POST', headers: { cookie }, body: form });
  };
  const csrf = (client: StaffClient) => client.csrfToken('/console/account');

  before(async () => {
    const db = await database();
    await addAgencies(db, [
      ['city', null],
      ['dept-a', 'city'],
      ['dept-b', null],
    ]);
    const fx = await webFixture(db, { start: START, attachmentLimits: LIMITS, blobDir });
    app = fx.app;
    for (const [username, agency, role] of [
      ['officer-a', 'dept-a', 'officer'],
      ['officer-b', 'dept-b', 'officer'],
      ['super-city', 'city', 'supervisor'],
    ] as const) {
      await addUser(fx.identity, { username, agency, role, password: 'correct horse battery' });
    }
    officerA = staffClient(app);
    officerB = staffClient(app);
    supervisor = staffClient(app);
    assert.equal((await officerA.signIn('officer-a')).status, 303);
    assert.equal((await officerB.signIn('officer-b')).status, 303);
    assert.equal((await supervisor.signIn('super-city')).status, 303);
    const response = await app.request('/api/agencies/dept-a/applications', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(intakeBody(1)),
    });
    caseA = ((await response.json()) as { caseCode: string }).caseCode;
    countAttachments = async () => (await db.pool.query<{ n: number }>('select count(*)::int as n from attachments')).rows[0]!.n;
  });

  test('the case page has the attachments section: none yet, and the upload form (multipart, _csrf, limits) for the officer', async () => {
    const page = await (await officerA.get(`/console/cases/${caseA}`)).text();
    assert.match(
      page,
      /<section id="attachments" aria-labelledby="attachments-title"><h2 id="attachments-title">附件<\/h2><p>暂无附件。<\/p>/,
    );
    assert.match(
      page,
      new RegExp(
        `<form method="post" action="/console/cases/${caseA}/attachments" enctype="multipart/form-data"><input type="hidden" name="_csrf" value="[^"]+">`,
      ),
    );
    // 64 KB each, 3 to go: the limits of this instance.
    assert.match(page, /每个不超过 64 KB，还可上传 3 个/);
  });

  test('an upload: 303 back to the case, the file listed with its download link, which answers the same bytes', async () => {
    const token = await csrf(officerA);
    const response = await upload(officerA, caseA, [['申请人身份证明.pdf', PDF]], { _csrf: token, channel: 'post' });
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), `/console/cases/${caseA}?attached=1#attachments`);
    assert.equal(await countAttachments(), 1);
    const page = await (await officerA.get(`/console/cases/${caseA}?attached=1`)).text();
    assert.match(page, /<p class="notice" role="status">已上传 1 个附件。<\/p>/);
    const link = new RegExp(`<a href="(/api/cases/${caseA}/attachments/[0-9]+)" download="申请人身份证明.pdf">申请人身份证明.pdf</a>`).exec(
      page,
    );
    assert.ok(link, 'a download link named after the file');
    assert.match(
      page,
      /<td>application\/pdf<\/td><td>35\.9 KB<\/td><td>邮寄<\/td><td>officer-a<\/td><td>[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}<\/td>/,
    );
    const download = await officerA.get(link[1]!);
    assert.equal(download.status, 200);
    assert.equal(download.headers.get('content-type'), 'application/pdf');
    assert.equal(sha256(new Uint8Array(await download.arrayBuffer())), sha256(PDF));
    assert.deepEqual(blobFiles(), [sha256(PDF)]);
    // The city's supervisor reads the list (and downloads) but gets no form.
    const read = await (await supervisor.get(`/console/cases/${caseA}`)).text();
    assert.ok(read.includes('申请人身份证明.pdf'));
    assert.ok(!read.includes(`action="/console/cases/${caseA}/attachments"`));
    assert.equal((await supervisor.get(link[1]!)).status, 200);
  });

  test('a program named .pdf, a file over the size limit, too many files, an unknown source: 422 beside the input, nothing written', async () => {
    const before = { rows: await countAttachments(), blobs: blobFiles() };
    const token = await csrf(officerA);
    const refusals: [readonly [string, Uint8Array][], Record<string, string>, string][] = [
      [[['scan.pdf', PROGRAM]], {}, '“scan.pdf”：不接受可执行文件（程序）'],
      [[['big.jpg', new Uint8Array(64 * 1024 + 1).fill(0xff)]], {}, '“big.jpg”超过大小上限 64 KB'],
      [
        [
          ['a.jpg', JPEG],
          ['b.jpg', JPEG],
          ['c.jpg', JPEG],
        ],
        {},
        '一件申请最多 3 个附件，已有 1 个，本次最多还能上传 2 个',
      ],
      [[['a.jpg', JPEG]], { channel: 'carrier-pigeon' }, '附件来源应为 网上提交、当面提交、邮寄、传真、电子邮件、工作人员上传 之一'],
      [[], {}, '请选择要上传的文件'],
    ];
    for (const [files, fields, message] of refusals) {
      const response = await upload(officerA, caseA, files, { _csrf: token, ...fields });
      assert.equal(response.status, 422, message);
      const page = await response.text();
      assert.ok(page.includes(`<span class="error" id="attachments-file-error">${message}</span>`), `beside the input: ${message}`);
      assert.match(page, /aria-describedby="attachments-file-hint attachments-file-error" aria-invalid="true"/);
      assert.match(page, /<title>错误：/);
    }
    assert.equal(await countAttachments(), before.rows);
    assert.deepEqual(blobFiles(), before.blobs);
  });

  test('without the CSRF token 403; the supervisor 403; another agency’s officer 404 showing nothing — nothing written', async () => {
    const rows = await countAttachments();
    const noToken = await upload(officerA, caseA, [['a.jpg', JPEG]]);
    assert.equal(noToken.status, 403);
    const read = await upload(supervisor, caseA, [['a.jpg', JPEG]], { _csrf: await csrf(supervisor) });
    assert.equal(read.status, 403);
    const other = await upload(officerB, caseA, [['a.jpg', JPEG]], { _csrf: await csrf(officerB) });
    assert.equal(other.status, 404);
    const text = await other.text();
    assert.ok(!text.includes('测试申请人') && !text.includes('dept-a') && !text.includes('申请人身份证明'));
    assert.equal((await officerB.get(`/console/cases/${caseA}`)).status, 404);
    assert.equal(await countAttachments(), rows);
  });
});
