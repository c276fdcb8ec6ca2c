// POST /api/cases/{caseCode}/assign and GET /api/cases?officer=… through the HTTP handler, on both
// engines: who may assign, whom, what a refusal writes (nothing), and the OpenAPI entry.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { forEachEngine } from '#test/db-harness.ts';
import { intakeBody } from './intake-load.ts';
import { type StaffApi, startStaffApi } from './staff-api-harness.ts';

const NOW = new Date('2026-03-02T02:00:00Z');

forEachEngine('case officer API', ({ database }) => {
  let api: StaffApi;
  const codes: Record<string, string> = {};

  before(async () => {
    api = await startStaffApi(
      await database(),
      [
        ['city', null],
        ['dept-a', 'city'],
        ['dept-b', 'city'],
      ],
      [
        { name: 'admin-a', agency: 'dept-a', role: 'agency_admin' },
        { name: 'officer-a', agency: 'dept-a', role: 'officer' },
        { name: 'officer-a2', agency: 'dept-a', role: 'officer' },
        { name: 'officer-b', agency: 'dept-b', role: 'officer' },
        { name: 'supervisor-city', agency: 'city', role: 'supervisor' },
      ],
      () => NOW,
    );
    for (const [i, slug] of ['dept-a', 'dept-a', 'dept-b'].entries()) {
      const response = await api.call(`/api/agencies/${slug}/applications`, { method: 'POST', json: intakeBody(i) });
      assert.equal(response.status, 201);
      codes[`${slug}#${i}`] = ((await response.json()) as { caseCode: string }).caseCode;
    }
  });

  const assign = (caseCode: string, user: string, body: unknown) =>
    api.call(`/api/cases/${caseCode}/assign`, { method: 'POST', token: api.token(user), json: body });
  const officerOf = async (caseCode: string) =>
    ((await (await api.call(`/api/cases/${caseCode}`, { token: api.token('admin-a') })).json()) as { officer: string | null }).officer;

  test('an agency admin assigns an officer of the agency; the case shows it; the list filters by it', async () => {
    const first = codes['dept-a#0'] as string;
    const response = await assign(first, 'admin-a', { officer: 'officer-a' });
    assert.equal(response.status, 200, await response.clone().text());
    const body = (await response.json()) as { caseCode: string; officer: string; changed: boolean };
    assert.deepEqual([body.caseCode, body.officer, body.changed], [first, 'officer-a', true]);
    assert.equal((await assign(codes['dept-a#1'] as string, 'officer-a', { officer: 'officer-a2' })).status, 200);
    const list = await api.call('/api/cases?officer=officer-a', { token: api.token('admin-a') });
    assert.equal(list.status, 200);
    assert.deepEqual(
      ((await list.json()) as { items: { caseCode: string; officer: string }[] }).items.map((i) => [i.caseCode, i.officer]),
      [[first, 'officer-a']],
    );
    const detail = (await (await api.call(`/api/cases/${first}`, { token: api.token('officer-a') })).json()) as {
      assignments: { officer: string; actor: string }[];
    };
    assert.deepEqual(
      detail.assignments.map((a) => [a.officer, a.actor]),
      [['officer-a', 'admin-a']],
    );
  });

  test('refusals: a user of another agency (400), a supervisor (403), another agency’s case (404), bad bodies (400); nothing written', async () => {
    const code = codes['dept-a#0'] as string;
    const before = await officerOf(code);
    const cross = await assign(code, 'admin-a', { officer: 'officer-b' });
    assert.equal(cross.status, 400);
    const error = ((await cross.json()) as { error: { code: string; message: string; fields: Record<string, string> } }).error;
    assert.equal(error.code, 'INVALID_INPUT');
    assert.match(error.message, /在机关“dept-a”没有角色/);
    assert.ok('officer' in error.fields);
    assert.equal((await assign(code, 'supervisor-city', { officer: 'officer-a2' })).status, 403);
    assert.equal((await assign(code, 'officer-b', { officer: 'officer-b' })).status, 404);
    for (const body of [{}, { officer: '' }, { officer: 42 }, { officer: 'officer-a', extra: 1 }]) {
      assert.equal((await assign(code, 'admin-a', body)).status, 400, JSON.stringify(body));
    }
    assert.equal((await api.call(`/api/cases/${code}/assign`, { method: 'POST', json: { officer: null } })).status, 401);
    assert.equal(await officerOf(code), before);
  });

  test('null unassigns; the unassigned case leaves the officer’s list', async () => {
    const code = codes['dept-b#2'] as string;
    assert.equal((await assign(code, 'officer-b', { officer: 'officer-b' })).status, 200);
    assert.equal(
      ((await api.call('/api/cases?officer=officer-b', { token: api.token('officer-b') }).then((r) => r.json())) as { total: number })
        .total,
      1,
    );
    const cleared = await assign(code, 'officer-b', { officer: null });
    assert.equal(cleared.status, 200);
    assert.equal(((await cleared.json()) as { officer: string | null }).officer, null);
    assert.equal(
      ((await (await api.call('/api/cases?officer=officer-b', { token: api.token('officer-b') })).json()) as { total: number }).total,
      0,
    );
  });

  test('the OpenAPI document lists the assign operation with its body schema and the officer filter', async () => {
    const doc = (await (await api.call('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, { operationId: string; parameters?: { name: string }[]; requestBody?: unknown }>>;
      components: { schemas: Record<string, { properties: Record<string, unknown> }> };
    };
    assert.equal(doc.paths['/api/cases/{caseCode}/assign']?.['post']?.operationId, 'assignCaseOfficer');
    assert.ok('officer' in (doc.components.schemas['CaseAssign']?.properties ?? {}));
    assert.ok(doc.paths['/api/cases']?.['get']?.parameters?.some((p) => p.name === 'officer'));
  });
});
