// Attachments over HTTP on both engines: the staff API (multipart upload, list, download with safe
// headers; role and agency checked like every /api/cases route) and the portal's application form
// (multipart with a file input, the url-encoded contract kept; a refused file: a Chinese message beside
// the field, the other values kept, nothing written — no case, no blob).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Hono } from 'hono';
import { createFileBlobStore } from '#adapters/blobs/file-blob-store.ts';
import { createDbAgencyStore } from '#adapters/db/agency-store.ts';
import { openAccess } from '#adapters/db/lazy-database.ts';
import { agencies } from '#adapters/db/schema/agencies.ts';
import { createArgon2Passwords } from '#adapters/security/argon2-passwords.ts';
import { addUser, createApiToken } from '#app/identity/manage-users.ts';
import { forEachEngine } from '#test/db-harness.ts';
import { portalServicesOf } from '#web/portal/portal-services.ts';
import { createWebApp } from '#web/web-app.ts';
import { identityDeps } from '../../src/composition-root.ts';
import { composeHttpServices } from '../../src/main.ts';
import { intakeBody } from '../http/intake-load.ts';
import { portalClient, VALID_FORM } from '../web/portal-client.ts';

const NOW = new Date('2026-03-02T02:00:00Z');
const root = mkdtempSync(join(tmpdir(), 'gongkai-attach-http-'));
after(() => rmSync(root, { recursive: true, force: true }));

const PDF = new Uint8Array(readFileSync(new URL('../fixtures/documents/report.pdf', import.meta.url)));
const JPEG = new Uint8Array(readFileSync(new URL('../fixtures/attachments/python.jpg', import.meta.url)));
const GIF = new Uint8Array(readFileSync(new URL('../fixtures/attachments/python.gif', import.meta.url)));
const PROGRAM = (() => {
  const bytes = new Uint8Array(256);
  bytes.set([0x4d, 0x5a], 0);
  bytes.set([0x80, 0, 0, 0], 0x3c);
  bytes.set([0x50, 0x45, 0, 0], 0x80);
  return bytes;
})();
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const LIMITS = { maxBytes: 64 * 1024, maxFiles: 3 };

function form(files: readonly [string, Uint8Array][], fields: Readonly<Record<string, string>> = {}): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    data.append(name, value);
  }
  for (const [name, bytes] of files) {
    data.append('attachments', new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }), name);
  }
  return data;
}

forEachEngine('attachments over HTTP', ({ database, engine }) => {
  const blobRoot = join(root, engine);
  let app: Hono;
  let count: (sql: string, params?: unknown[]) => Promise<number>;
  const tokens = new Map<string, string>();
  const caseOf = new Map<string, string>();
  const blobNames = () =>
    existsSync(join(blobRoot, 'sha256'))
      ? readdirSync(join(blobRoot, 'sha256'), { recursive: true, withFileTypes: true })
          .filter((e) => e.isFile())
          .map((e) => e.name)
          .sort()
      : [];
  const upload = (caseCode: string, user: string | undefined, body: FormData | string, contentType?: string) =>
    app.request(`/api/cases/${caseCode}/attachments`, {
      method: 'POST',
      body,
      headers: {
        ...(user === undefined ? {} : { authorization: `Bearer ${tokens.get(user)}` }),
        ...(contentType === undefined ? {} : { 'content-type': contentType }),
      },
    });
  const get = (path: string, user: string) => app.request(path, { headers: { authorization: `Bearer ${tokens.get(user)}` } });

  before(async () => {
    const { db, pool } = await database();
    const ids = new Map<string, number>();
    for (const [slug, parent] of [
      ['city', null],
      ['dept-a', 'city'],
      ['dept-b', 'city'],
    ] as const) {
      const [row] = await db
        .insert(agencies)
        .values({ slug, name: `测试机关${slug}`, kind: 'department', parentId: parent === null ? null : (ids.get(parent) ?? null) })
        .returning({ id: agencies.id });
      ids.set(slug, row?.id as number);
    }
    const identity = {
      ...(await identityDeps(db, { now: () => NOW })),
      passwords: createArgon2Passwords({ memoryCost: 1024, timeCost: 1 }),
    };
    for (const [name, agency, role] of [
      ['officer-a', 'dept-a', 'officer'],
      ['supervisor-city', 'city', 'supervisor'],
      ['officer-b', 'dept-b', 'officer'],
    ] as const) {
      await addUser(identity, { username: name, agency, role, password: null });
      tokens.set(name, (await createApiToken(identity, { username: name })).token);
    }
    const services = composeHttpServices(db, identity, () => NOW, { blobs: createFileBlobStore(blobRoot), limits: LIMITS });
    app = createWebApp({
      services: () => services,
      portal: () => portalServicesOf({ agencies: createDbAgencyStore(openAccess(db)), cases: services.cases }),
      intakeRateLimit: 'off',
      log: () => {},
      attachmentLimits: LIMITS,
    });
    for (const slug of ['dept-a', 'dept-b']) {
      const response = await app.request(`/api/agencies/${slug}/applications`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(intakeBody(slug.length)),
      });
      caseOf.set(slug, ((await response.json()) as { caseCode: string }).caseCode);
    }
    count = async (sql, params = []) => (await pool.query<{ n: number }>(sql, params)).rows[0]?.n ?? -1;
  });

  test('API: an officer uploads a PDF and a JPEG; list and download give them back with safe headers', async () => {
    const caseCode = caseOf.get('dept-a') as string;
    const response = await upload(
      caseCode,
      'officer-a',
      form(
        [
          ['来信扫描.pdf', PDF],
          ['照片', JPEG],
        ],
        { channel: 'post' },
      ),
    );
    assert.equal(response.status, 201, await response.clone().text());
    const created = (await response.json()) as {
      items: { id: number; fileName: string; mediaType: string; sha256: string; size: number; source: string; uploadedBy: string }[];
    };
    assert.deepEqual(
      created.items.map((i) => [i.fileName, i.mediaType, i.sha256, i.size, i.source, i.uploadedBy]),
      [
        ['来信扫描.pdf', 'application/pdf', sha256(PDF), PDF.length, 'post', 'officer-a'],
        ['照片.jpg', 'image/jpeg', sha256(JPEG), JPEG.length, 'post', 'officer-a'],
      ],
    );
    const listed = await get(`/api/cases/${caseCode}/attachments`, 'supervisor-city');
    assert.equal(listed.status, 200);
    assert.deepEqual(
      ((await listed.json()) as { items: { fileName: string }[] }).items.map((i) => i.fileName),
      ['来信扫描.pdf', '照片.jpg'],
    );
    const download = await get(`/api/cases/${caseCode}/attachments/${created.items[0]?.id}`, 'officer-a');
    assert.equal(download.status, 200);
    assert.equal(download.headers.get('content-type'), 'application/pdf');
    assert.equal(
      download.headers.get('content-disposition'),
      `attachment; filename="____.pdf"; filename*=UTF-8''%E6%9D%A5%E4%BF%A1%E6%89%AB%E6%8F%8F.pdf`,
    );
    assert.equal(download.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(download.headers.get('cache-control'), 'private, no-store');
    assert.deepEqual(new Uint8Array(await download.arrayBuffer()), PDF);
    assert.equal((await get(`/api/cases/${caseCode}/attachments/999999`, 'officer-a')).status, 404);
  });

  test('API: a program named .pdf and a GIF are refused with 400 per file, and nothing is stored', async () => {
    const caseCode = caseOf.get('dept-b') as string;
    const blobs = blobNames();
    const response = await upload(
      caseCode,
      'officer-b',
      form([
        ['说明.txt', new TextEncoder().encode('说明')],
        ['申请书.pdf', PROGRAM],
        ['图.gif', GIF],
      ]),
    );
    assert.equal(response.status, 400);
    const error = ((await response.json()) as { error: { code: string; fields: Record<string, string> } }).error;
    assert.equal(error.code, 'INVALID_INPUT');
    assert.match(error.fields['attachments'] ?? '', /“申请书\.pdf”：不接受可执行文件（程序）；“图\.gif”：不支持该类型的文件/);
    assert.equal(
      await count('select count(*)::int as n from attachments where case_id = (select id from cases where case_code = $1)', [caseCode]),
      0,
    );
    assert.deepEqual(blobNames(), blobs);
    const tooMany = await upload(
      caseCode,
      'officer-b',
      form([
        ['1.pdf', PDF],
        ['2.pdf', PDF],
        ['3.pdf', PDF],
        ['4.pdf', PDF],
      ]),
    );
    assert.equal(tooMany.status, 400);
    const notMultipart = await upload(caseCode, 'officer-b', '{"attachments": []}', 'application/json');
    assert.equal(notMultipart.status, 400);
    const none = await upload(caseCode, 'officer-b', form([], { channel: 'fax' }));
    assert.equal(none.status, 400);
    // Over the API's 1 MiB JSON limit but within files × size + 1 MiB: the upload's own check answers.
    const big = new Uint8Array(1100 * 1024).fill(0x20);
    big.set(new TextEncoder().encode('%PDF-1.7'), 0);
    const overJsonLimit = await upload(caseCode, 'officer-b', form([['大.pdf', big]]));
    assert.equal(overJsonLimit.status, 400);
    assert.match(
      ((await overJsonLimit.json()) as { error: { fields: Record<string, string> } }).error.fields['attachments'] ?? '',
      /“大\.pdf”超过大小上限 64 KB/,
    );
    const overUploadLimit = await upload(caseCode, 'officer-b', form([['更大.pdf', new Uint8Array(1400 * 1024)]]));
    assert.equal(overUploadLimit.status, 413);
  });

  test('API: role and agency — read-only 403, other agency 404 (upload, list, download), no token 401', async () => {
    const caseCode = caseOf.get('dept-a') as string;
    const before = await count('select count(*)::int as n from attachments');
    assert.equal((await upload(caseCode, 'supervisor-city', form([['a.pdf', PDF]]))).status, 403);
    assert.equal((await upload(caseCode, 'officer-b', form([['a.pdf', PDF]]))).status, 404);
    assert.equal((await upload(caseCode, undefined, form([['a.pdf', PDF]]))).status, 401);
    assert.equal((await get(`/api/cases/${caseCode}/attachments`, 'officer-b')).status, 404);
    const id = await count('select min(id)::int as n from attachments');
    assert.equal((await get(`/api/cases/${caseCode}/attachments/${id}`, 'officer-b')).status, 404);
    assert.equal(await count('select count(*)::int as n from attachments'), before);
  });

  test('API: /api/openapi.json documents the three attachment operations', async () => {
    const document = (await (await app.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, { operationId: string; requestBody?: { content: Record<string, unknown> } }>>;
    };
    assert.equal(document.paths['/api/cases/{caseCode}/attachments']?.['post']?.operationId, 'attachFiles');
    assert.ok(document.paths['/api/cases/{caseCode}/attachments']?.['post']?.requestBody?.content['multipart/form-data']);
    assert.equal(document.paths['/api/cases/{caseCode}/attachments']?.['get']?.operationId, 'listAttachments');
    assert.equal(document.paths['/api/cases/{caseCode}/attachments/{id}']?.['get']?.operationId, 'downloadAttachment');
  });

  test('portal: the form posts multipart with a file input; an application with a file becomes a case with it', async () => {
    const browser = portalClient(app);
    const page = await (await browser.get('/dept-a/apply')).text();
    assert.match(page, /<form method="post" action="\/dept-a\/apply" enctype="multipart\/form-data"/);
    assert.match(page, /<input type="file" id="f-attachments" name="attachments" multiple accept="\.pdf,/);
    const token = await browser.csrfToken('/dept-a/apply');
    const response = await app.request('/dept-a/apply', {
      method: 'POST',
      headers: { cookie: [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
      body: form([['身份证复印件.jpg', JPEG]], { ...VALID_FORM, _csrf: token }),
    });
    assert.equal(response.status, 303, await response.clone().text());
    const code = new URL(response.headers.get('location') ?? '', 'http://x').searchParams.get('code');
    const { db: _db, pool } = await database();
    const rows = await pool.query(
      'select a.file_name, a.media_type, a.source, a.uploaded_by, a.sha256 from attachments a join cases c on c.agency_id = a.agency_id and c.id = a.case_id where c.case_code = $1',
      [code],
    );
    assert.deepEqual(rows.rows, [
      { file_name: '身份证复印件.jpg', media_type: 'image/jpeg', source: 'online', uploaded_by: 'public', sha256: sha256(JPEG) },
    ]);
  });

  test('portal: a refused file answers 422 with the message beside the field, values kept, no case and no blob', async () => {
    const browser = portalClient(app);
    const token = await browser.csrfToken('/dept-b/apply');
    const cases = await count('select count(*)::int as n from cases');
    const blobs = blobNames();
    const post = (files: readonly [string, Uint8Array][], fields: Record<string, string>) =>
      app.request('/dept-b/apply', {
        method: 'POST',
        headers: { cookie: [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
        body: form(files, { ...fields, _csrf: token }),
      });
    const refused = await post([['申请书.pdf', PROGRAM]], VALID_FORM);
    assert.equal(refused.status, 422);
    const html = await refused.text();
    assert.match(html, /<span class="error" id="f-attachments-error">“申请书\.pdf”：不接受可执行文件（程序）<\/span><input type="file"/);
    assert.match(html, /aria-invalid="true"/);
    assert.match(html, /value="张三"/);
    assert.match(html, /请公开本机关2025年度部门预算<\/textarea>/);
    const large = await post([['big.pdf', new Uint8Array(LIMITS.maxBytes + 1).fill(0x25)]], VALID_FORM);
    assert.equal(large.status, 422);
    assert.match(await large.text(), /“big\.pdf”超过大小上限 64 KB/);
    const otherField = await post([['ok.pdf', PDF]], { ...VALID_FORM, 'applicant.name': '' });
    assert.equal(otherField.status, 422);
    assert.match(await otherField.text(), /申请未提交成功，请重新选择附件（已选 1 个）/);
    assert.equal(await count('select count(*)::int as n from cases'), cases);
    assert.deepEqual(blobNames(), blobs);
  });

  test('portal: the url-encoded contract still takes an application without files', async () => {
    const browser = portalClient(app);
    const token = await browser.csrfToken('/dept-b/apply');
    const response = await browser.post('/dept-b/apply', { ...VALID_FORM, _csrf: token });
    assert.equal(response.status, 303);
  });
});
