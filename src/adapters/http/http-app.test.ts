// The HTTP plumbing that needs no database: start-up state, the OpenAPI document, request
// validation messages and the rate limit. API behaviour with real use cases is in test/http/.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Hono } from 'hono';
import { intakeSchema } from './api/applications/schema.ts';
import { errorResponse } from './error-response.ts';
import { createHttpApp } from './http-app.ts';
import { rateLimit } from './middleware/rate-limit.ts';
import { validate } from './validate-body.ts';

const starting = () => createHttpApp({ services: () => undefined, intakeRateLimit: 'off', log: () => {} });

const validBody = () => ({
  applicant: { type: 'natural_person', name: '张三', idType: 'resident_id', idNumber: '11010519491231002X', email: 'a@example.org' },
  description: '请公开本机关2025年度部门预算',
  delivery: 'email',
});

describe('HTTP app while starting', () => {
  test('/healthz says starting (503), the API answers 503 UNAVAILABLE', async () => {
    const app = starting();
    const health = await app.request('/healthz');
    assert.equal(health.status, 503);
    assert.deepEqual(await health.json(), { status: 'starting' });
    const intake = await app.request('/api/agencies/demo/applications', { method: 'POST', body: JSON.stringify(validBody()) });
    assert.equal(intake.status, 503);
    const body = (await intake.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, 'UNAVAILABLE');
    assert.match(body.error.message, /启动/);
  });

  test('/healthz says ok once services are there', async () => {
    const app = createHttpApp({
      services: () => ({
        cases: {} as never,
        authenticate: async () => {
          throw new Error('unused');
        },
        agencyTree: async () => new Map(),
      }),
      intakeRateLimit: 'off',
      log: () => {},
    });
    const health = await app.request('/healthz');
    assert.equal(health.status, 200);
    assert.deepEqual(await health.json(), { status: 'ok' });
  });

  test('unknown API paths answer a JSON 404', async () => {
    const response = await starting().request('/api/nothing-here');
    assert.equal(response.status, 404);
    assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'NOT_FOUND');
  });
});

describe('OpenAPI document', () => {
  test('lists every contract route, generated from the validating schemas', async () => {
    const response = await starting().request('/api/openapi.json');
    assert.equal(response.status, 200);
    const doc = (await response.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { $ref: string } }> } }>>;
      components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
    };
    assert.match(doc.openapi, /^3\./);
    for (const [path, method] of [
      ['/api/agencies/{slug}/applications', 'post'],
      ['/api/applications/{caseCode}', 'get'],
      ['/api/cases', 'get'],
      ['/api/cases/{caseCode}', 'get'],
      ['/api/cases/{caseCode}/events', 'post'],
      ['/healthz', 'get'],
    ] as const) {
      assert.ok(doc.paths[path]?.[method], `${method.toUpperCase()} ${path} missing`);
    }
    const ref = doc.paths['/api/agencies/{slug}/applications']?.['post']?.requestBody?.content['application/json']?.schema.$ref;
    assert.equal(ref, '#/components/schemas/ApplicationIntake');
    const intake = doc.components.schemas['ApplicationIntake'];
    assert.deepEqual(intake?.required?.sort(), ['applicant', 'delivery', 'description']);
    const applicant = intake?.properties?.['applicant'] as { properties: Record<string, { enum?: string[] }> };
    assert.ok(applicant.properties['type']?.enum?.includes('legal_service_org'));
    assert.deepEqual(Object.keys(applicant.properties).sort(), ['address', 'email', 'idNumber', 'idType', 'name', 'phone', 'type', 'uscc']);
    const receipt = doc.components.schemas['ApplicationReceipt'];
    assert.deepEqual(receipt?.required?.sort(), ['caseCode', 'due', 'received', 'verificationCode']);
    assert.ok(doc.components.schemas['CaseEvent'] && doc.components.schemas['CaseList'] && doc.components.schemas['ApiError']);
  });
});

describe('intake validation', () => {
  test('a valid body passes', () => {
    assert.equal(validate(intakeSchema, validBody()).ok, true);
  });

  test('each problem is reported in Chinese at its field path', () => {
    const result = validate(intakeSchema, {
      applicant: { type: 'martian', name: '' },
      description: '',
      delivery: 'pigeon',
    });
    assert.equal(result.ok, false);
    const fields = result.ok ? {} : result.fields;
    assert.deepEqual(Object.keys(fields).sort(), ['applicant.name', 'applicant.type', 'delivery', 'description']);
    for (const message of Object.values(fields)) {
      assert.match(message, /[\u4e00-\u9fff]/, `not Chinese: ${message}`);
    }
  });

  test('a natural person needs an ID, an organisation its 统一社会信用代码, e-mail delivery an address', () => {
    const person = validate(intakeSchema, { ...validBody(), applicant: { type: 'natural_person', name: '李四' } });
    assert.deepEqual(person.ok ? [] : Object.keys(person.fields).sort(), ['applicant.email', 'applicant.idNumber', 'applicant.idType']);
    const org = validate(intakeSchema, {
      ...validBody(),
      delivery: 'pickup',
      applicant: { type: 'commercial_enterprise', name: '某公司' },
    });
    assert.deepEqual(org.ok ? [] : Object.keys(org.fields), ['applicant.uscc']);
    const missing = validate(intakeSchema, undefined);
    assert.equal(missing.ok, false);
  });
});

describe('rate limit', () => {
  test('the request over the limit answers 429 with Retry-After; a new window admits again', async () => {
    let now = 1_000_000;
    const app = new Hono();
    app.onError((error, c) => errorResponse(c, error, () => {}));
    app.post(
      '/x',
      rateLimit({ limit: 2, windowSeconds: 60 }, () => now),
      (c) => c.text('ok', 201),
    );
    const statuses = [];
    for (let i = 0; i < 3; i += 1) {
      statuses.push((await app.request('/x', { method: 'POST' })).status);
    }
    assert.deepEqual(statuses, [201, 201, 429]);
    const limited = await app.request('/x', { method: 'POST' });
    assert.equal(limited.headers.get('retry-after'), '60');
    assert.equal(((await limited.json()) as { error: { code: string } }).error.code, 'RATE_LIMITED');
    now += 60_000;
    assert.equal((await app.request('/x', { method: 'POST' })).status, 201);
  });

  test('off never limits', async () => {
    const app = new Hono();
    app.post('/x', rateLimit('off'), (c) => c.text('ok', 201));
    for (let i = 0; i < 50; i += 1) {
      assert.equal((await app.request('/x', { method: 'POST' })).status, 201);
    }
  });
});

describe('intake identity checks', () => {
  test('resident ID check digit (GB 11643) and 统一社会信用代码 check character (GB 32100)', () => {
    const badId = validate(intakeSchema, { ...validBody(), applicant: { ...validBody().applicant, idNumber: '110105194912310021' } });
    assert.deepEqual(badId.ok ? [] : Object.keys(badId.fields), ['applicant.idNumber']);
    const passport = validate(intakeSchema, {
      ...validBody(),
      applicant: { ...validBody().applicant, idType: 'passport', idNumber: 'E12345678' },
    });
    assert.equal(passport.ok, true);
    const org = (uscc: string) =>
      validate(intakeSchema, { ...validBody(), delivery: 'pickup', applicant: { type: 'research_institution', name: '某研究所', uscc } });
    assert.equal(org('91350100M000100Y43').ok, true);
    assert.deepEqual(((r) => (r.ok ? [] : Object.keys(r.fields)))(org('91350100M000100Y44')), ['applicant.uscc']);
  });
});
