// The REST API of issue #7 through the Hono app's fetch handler, with the real use cases on both
// engines: public intake and status lookup, the staff endpoints, and the role × agency matrix.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Hono } from 'hono';
import { agencies } from '#adapters/db/schema/agencies.ts';
import { createHttpApp } from '#adapters/http/http-app.ts';
import { createArgon2Passwords } from '#adapters/security/argon2-passwords.ts';
import type { IdentityDeps } from '#app/identity/identity-ports.ts';
import { addUser, createApiToken } from '#app/identity/manage-users.ts';
import { forEachEngine } from '#test/db-harness.ts';
import { identityDeps } from '../../src/composition-root.ts';
import { composeHttpServices } from '../../src/main.ts';
import { intakeBody } from './intake-load.ts';

// city (government) ─┬─ dept-a ── office-a1
//                    └─ dept-b
// other (a separate root)
const AGENCIES = ['city', 'dept-a', 'office-a1', 'dept-b', 'other'] as const;
type Agency = (typeof AGENCIES)[number];

/** Users of the matrix and, written out by hand, what each may read and write. */
const USERS: readonly { name: string; agency: Agency; role: string; reads: readonly Agency[]; writes: readonly Agency[] }[] = [
  { name: 'officer-a', agency: 'dept-a', role: 'officer', reads: ['dept-a'], writes: ['dept-a'] },
  { name: 'reviewer-a', agency: 'dept-a', role: 'reviewer', reads: ['dept-a'], writes: ['dept-a'] },
  { name: 'admin-a', agency: 'dept-a', role: 'agency_admin', reads: ['dept-a'], writes: ['dept-a'] },
  { name: 'supervisor-a', agency: 'dept-a', role: 'supervisor', reads: ['dept-a', 'office-a1'], writes: [] },
  { name: 'supervisor-city', agency: 'city', role: 'supervisor', reads: ['city', 'dept-a', 'office-a1', 'dept-b'], writes: [] },
  { name: 'officer-b', agency: 'dept-b', role: 'officer', reads: ['dept-b'], writes: ['dept-b'] },
  { name: 'sysadmin', agency: 'other', role: 'system_admin', reads: [...AGENCIES], writes: [...AGENCIES] },
];

const NOW = new Date('2026-03-02T02:00:00Z'); // a Monday, 10:00 in Beijing
let clock = NOW;

interface Receipt {
  caseCode: string;
  verificationCode: string;
  received: string;
  due: string;
}

forEachEngine('REST API', ({ database }) => {
  let app: Hono;
  let identity: IdentityDeps;
  const logs: string[] = [];
  const tokens = new Map<string, string>();
  const receipts = new Map<Agency, Receipt>();

  const call = (path: string, init: RequestInit & { token?: string; json?: unknown } = {}) => {
    const headers = new Headers(init.headers);
    if (init.token !== undefined) {
      headers.set('authorization', `Bearer ${init.token}`);
    }
    if (init.json !== undefined) {
      headers.set('content-type', 'application/json');
    }
    return app.request(path, { ...init, headers, ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }) });
  };
  const as = (user: string) => tokens.get(user) as string;
  const countCases = async () => {
    const response = await call('/api/cases?limit=500', { token: as('sysadmin') });
    return ((await response.json()) as { items: unknown[] }).items.length;
  };

  before(async () => {
    clock = NOW;
    const { db } = await database();
    const ids = new Map<string, number>();
    const parents: Record<Agency, Agency | null> = { city: null, 'dept-a': 'city', 'office-a1': 'dept-a', 'dept-b': 'city', other: null };
    for (const slug of AGENCIES) {
      const parentSlug = parents[slug];
      const [row] = await db
        .insert(agencies)
        .values({
          slug,
          name: `测试机关${slug}`,
          kind: slug === 'city' ? 'government' : 'department',
          parentId: parentSlug === null ? null : (ids.get(parentSlug) ?? null),
        })
        .returning({ id: agencies.id });
      ids.set(slug, row?.id as number);
    }
    identity = { ...(await identityDeps(db, { now: () => NOW })), passwords: createArgon2Passwords({ memoryCost: 1024, timeCost: 1 }) };
    for (const user of USERS) {
      await addUser(identity, { username: user.name, agency: user.agency, role: user.role, password: null });
      tokens.set(user.name, (await createApiToken(identity, { username: user.name })).token);
    }
    const services = composeHttpServices(db, identity, () => clock);
    app = createHttpApp({
      services: () => services,
      intakeRateLimit: 'off',
      log: (entry) => logs.push(JSON.stringify(entry)),
      logRequests: true,
    });
    for (const slug of AGENCIES) {
      const response = await call(`/api/agencies/${slug}/applications`, { method: 'POST', json: intakeBody(AGENCIES.indexOf(slug)) });
      assert.equal(response.status, 201, await response.clone().text());
      receipts.set(slug, (await response.json()) as Receipt);
    }
  });

  test('intake answers 201 with exactly the receipt fields; received and due follow the clock', async () => {
    const response = await call('/api/agencies/dept-a/applications', { method: 'POST', json: intakeBody(100) });
    assert.equal(response.status, 201);
    const receipt = (await response.json()) as Receipt;
    assert.deepEqual(Object.keys(receipt).sort(), ['caseCode', 'due', 'received', 'verificationCode']);
    assert.equal(receipt.received, '2026-03-02');
    assert.equal(receipt.due, '2026-03-30'); // the 20th working day after 2026-03-02 (条例第三十三条)
    assert.notEqual(receipt.caseCode, receipts.get('dept-a')?.caseCode);
  });

  test('status lookup: state, dates, no personal data; wrong code and unknown case answer the same 404', async () => {
    const receipt = receipts.get('dept-b') as Receipt;
    const ok = await call(`/api/applications/${receipt.caseCode}?v=${receipt.verificationCode}`);
    assert.equal(ok.status, 200);
    const text = await ok.text();
    const status = JSON.parse(text) as Record<string, unknown>;
    assert.equal(status['caseCode'], receipt.caseCode);
    assert.equal(status['received'], receipt.received);
    assert.equal(status['due'], receipt.due);
    assert.equal(status['outcome'], null);
    assert.equal(typeof status['state'], 'string');
    for (const personal of ['测试申请人', '11010519491231002X', '13800000000', 'example.org']) {
      assert.ok(!text.includes(personal), `status shows personal data ${personal}`);
    }
    const wrongCode = await call(`/api/applications/${receipt.caseCode}?v=WRONG999`);
    const unknownCase = await call(`/api/applications/NO-SUCH-CASE?v=${receipt.verificationCode}`);
    assert.equal(wrongCode.status, 404);
    assert.equal(unknownCase.status, 404);
    assert.deepEqual(await wrongCode.json(), await unknownCase.json());
    assert.equal((await call(`/api/applications/${receipt.caseCode}`)).status, 400);
  });

  test('invalid intake answers 400 with Chinese messages per field and writes nothing', async () => {
    const before = await countCases();
    const bad = [
      { applicant: { type: 'natural_person', name: '' }, description: '', delivery: 'email' },
      { ...intakeBody(1), applicant: { ...(intakeBody(1)['applicant'] as object), idNumber: '110105194912310021' } }, // wrong check digit
      {
        ...intakeBody(1),
        applicant: { type: 'commercial_enterprise', name: '某公司', uscc: '91110000000000000X', email: 'a@example.org' },
      }, // wrong USCC
    ];
    for (const body of bad) {
      const response = await call('/api/agencies/dept-a/applications', { method: 'POST', json: body });
      assert.equal(response.status, 400, JSON.stringify(body));
      const error = ((await response.json()) as { error: { code: string; message: string; fields: Record<string, string> } }).error;
      assert.equal(error.code, 'INVALID_INPUT');
      assert.ok(Object.keys(error.fields).length > 0);
      for (const [field, message] of Object.entries(error.fields)) {
        assert.match(field, /^(applicant\.)?[a-zA-Z]+$/);
        assert.match(message, /[\u4e00-\u9fff]/);
      }
    }
    // One answer lists every problem: the schema's and the applicant's own checks (the ID check digit).
    const several = await call('/api/agencies/dept-a/applications', {
      method: 'POST',
      json: { applicant: { type: 'natural_person', name: '', idType: 'resident_id', idNumber: '123' }, delivery: 'fax' },
    });
    assert.equal(several.status, 400);
    const severalFields = ((await several.json()) as { error: { fields: Record<string, string> } }).error.fields;
    assert.deepEqual(Object.keys(severalFields).sort(), [
      'applicant.idNumber',
      'applicant.name',
      'applicant.phone',
      'delivery',
      'description',
    ]);
    assert.match(severalFields['applicant.idNumber']!, /18位/);
    const notJson = await app.request('/api/agencies/dept-a/applications', {
      method: 'POST',
      body: '{"applicant":',
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(notJson.status, 400);
    const unknownAgency = await call('/api/agencies/nowhere/applications', { method: 'POST', json: intakeBody(2) });
    assert.equal(unknownAgency.status, 404);
    const tooLarge = await call('/api/agencies/dept-a/applications', {
      method: 'POST',
      json: { ...intakeBody(3), description: '长'.repeat(600_000) },
    });
    assert.equal(tooLarge.status, 413);
    assert.equal(await countCases(), before);
  });

  test('concurrent intakes (written together, group commit): valid ones 201 with distinct codes, invalid ones 400 and nothing written for them', async () => {
    const before = await countCases();
    const invalid = { ...intakeBody(0), applicant: { ...(intakeBody(0)['applicant'] as object), idNumber: '110105194912310021' } };
    const responses = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        call('/api/agencies/dept-a/applications', { method: 'POST', json: i % 4 === 3 ? invalid : intakeBody(100 + i) }),
      ),
    );
    assert.deepEqual(
      responses.map((r) => r.status),
      Array.from({ length: 24 }, (_, i) => (i % 4 === 3 ? 400 : 201)),
    );
    const codes = await Promise.all(responses.filter((r) => r.status === 201).map(async (r) => ((await r.json()) as Receipt).caseCode));
    assert.equal(new Set(codes).size, 18);
    assert.equal(await countCases(), before + 18);
    for (const code of codes.slice(0, 3)) {
      const detail = await call(`/api/cases/${code}`, { token: as('sysadmin') });
      assert.equal(detail.status, 200);
    }
  });

  test('staff endpoints need a valid bearer token', async () => {
    for (const token of [undefined, 'not-a-token', `gk_${'x'.repeat(43)}`]) {
      const response = await call('/api/cases', token === undefined ? {} : { token });
      assert.equal(response.status, 401);
      assert.equal(response.headers.get('www-authenticate'), 'Bearer realm="gongkai"');
      assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'UNAUTHENTICATED');
    }
  });

  test('role × agency: list, show and record, each user sees and changes exactly its agencies', async () => {
    for (const user of USERS) {
      const list = await call('/api/cases?limit=500', { token: as(user.name) });
      assert.equal(list.status, 200);
      const items = ((await list.json()) as { items: { caseCode: string; agency: string; state: string; received: string; due: string }[] })
        .items;
      assert.deepEqual([...new Set(items.map((i) => i.agency))].sort(), [...user.reads].sort(), `${user.name} lists`);
      for (const item of items) {
        assert.deepEqual(
          ['agency', 'caseCode', 'due', 'received', 'state'].filter((k) => !(k in item)),
          [],
        );
      }
      for (const agency of AGENCIES) {
        const { caseCode } = receipts.get(agency) as Receipt;
        const show = await call(`/api/cases/${caseCode}`, { token: as(user.name) });
        const canRead = user.reads.includes(agency);
        assert.equal(show.status, canRead ? 200 : 404, `${user.name} shows ${agency}`);
        const shown = await show.text();
        if (!canRead) {
          assert.ok(!shown.includes(agency) && !shown.includes('测试申请人'), 'a refused case shows nothing of itself');
        }
        // An invalid event body: a caller allowed to write gets past authorisation to validation (400)
        // and nothing is written either way.
        const write = await call(`/api/cases/${caseCode}/events`, { method: 'POST', token: as(user.name), json: { type: 'replied' } });
        const expected = user.writes.includes(agency) ? 400 : canRead ? 403 : 404;
        assert.equal(write.status, expected, `${user.name} writes ${agency}`);
      }
      const foreign = AGENCIES.find((a) => !user.reads.includes(a));
      if (foreign !== undefined) {
        assert.equal((await call(`/api/cases?agency=${foreign}`, { token: as(user.name) })).status, 403);
      }
    }
  });

  test('recording events: correction request pauses the clock, a reply sets the outcome the applicant sees', async () => {
    const receipt = receipts.get('office-a1') as Receipt;
    const token = as('sysadmin');
    const future = await call(`/api/cases/${receipt.caseCode}/events`, {
      method: 'POST',
      token,
      json: { type: 'correction_requested', date: '2026-03-03' },
    });
    assert.equal(future.status, 409, 'an event after today is refused');
    clock = new Date('2026-03-12T02:00:00Z');
    const corrected = await call(`/api/cases/${receipt.caseCode}/events`, {
      method: 'POST',
      token,
      json: { type: 'correction_requested', date: '2026-03-03' },
    });
    assert.equal(corrected.status, 201, await corrected.clone().text());
    const afterCorrection = (await corrected.json()) as { state: string };
    assert.equal(afterCorrection.state, 'awaiting_correction');
    const refused = await call(`/api/cases/${receipt.caseCode}/events`, {
      method: 'POST',
      token,
      json: { type: 'correction_received', date: '2026-03-01' },
    });
    assert.equal(refused.status, 409, await refused.clone().text());
    assert.match(((await refused.json()) as { error: { message: string } }).error.message, /[\u4e00-\u9fff]/);
    const received = await call(`/api/cases/${receipt.caseCode}/events`, {
      method: 'POST',
      token,
      json: { type: 'correction_received', date: '2026-03-05' },
    });
    assert.equal(received.status, 201, await received.clone().text());
    const replied = await call(`/api/cases/${receipt.caseCode}/events`, {
      method: 'POST',
      token,
      json: { type: 'replied', date: '2026-03-10', outcome: 'outcome.disclosed' },
    });
    assert.equal(replied.status, 201, await replied.clone().text());
    const detail = (await (await call(`/api/cases/${receipt.caseCode}`, { token })).json()) as {
      state: string;
      events?: { type: string }[];
    };
    assert.equal(detail.state, 'replied');
    assert.deepEqual(
      detail.events?.map((e) => e.type),
      ['received', 'correction_requested', 'correction_received', 'replied'],
    );
    const status = (await (await call(`/api/applications/${receipt.caseCode}?v=${receipt.verificationCode}`)).json()) as {
      outcome: string | null;
    };
    assert.equal(status.outcome, 'outcome.disclosed');
  });

  test('logs name routes and statuses, never applicants, ID numbers, contacts or verification codes', () => {
    assert.ok(logs.length > 20);
    const text = logs.join('\n');
    assert.match(text, /"route":"\/api\/agencies\/:slug\/applications"/);
    for (const receipt of receipts.values()) {
      assert.ok(!text.includes(receipt.verificationCode), 'a verification code was logged');
    }
    for (const personal of ['测试申请人', '11010519491231002X', '13800000000', 'applicant1@example.org']) {
      assert.ok(!text.includes(personal), `logged personal data ${personal}`);
    }
  });
});
