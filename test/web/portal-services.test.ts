// The portal's agency list (bench/portal.bench.ts: read per request, 200 concurrent page views on the
// embedded database served 3% of a bare server): read once, answered from memory, refreshed in the
// background once older than the TTL, never kept when the read failed. A store stand-in counts reads.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Agency, AgencyStore } from '#app/ports.ts';
import { portalServicesOf } from '#web/portal/portal-services.ts';

const agency = (slug: string, name: string): Agency => ({
  id: slug.length,
  slug,
  name,
  kind: 'department',
  parent: null,
  createdAt: '2026-01-05T00:00:00.000Z',
});

function store(answers: (readonly Agency[] | Error)[]): { store: AgencyStore; reads: () => number } {
  let reads = 0;
  return {
    reads: () => reads,
    store: {
      add: () => Promise.reject(new Error('not used')),
      findBySlug: () => Promise.reject(new Error('not used')),
      async list() {
        const answer = answers[Math.min(reads, answers.length - 1)] as readonly Agency[] | Error;
        reads += 1;
        await new Promise((resolve) => setImmediate(resolve));
        if (answer instanceof Error) {
          throw answer;
        }
        return answer;
      },
    },
  };
}

const cases = {} as Parameters<typeof portalServicesOf>[0]['cases'];

test('200 concurrent first page views share one read; within the TTL no page view reads again', async () => {
  const fake = store([[agency('edu', '示例市教育局'), agency('city', '示例市人民政府')]]);
  let clock = 0;
  const services = portalServicesOf({ agencies: fake.store, cases, agencyListTtlMs: 1000, monotonicNow: () => clock });
  const lists = await Promise.all(Array.from({ length: 200 }, () => services.listAgencies()));
  assert.equal(fake.reads(), 1);
  assert.deepEqual(lists[0], [
    { slug: 'edu', name: '示例市教育局' },
    { slug: 'city', name: '示例市人民政府' },
  ]);
  assert.ok(lists.every((list) => list === lists[0]));
  clock = 999;
  await services.listAgencies();
  assert.equal(fake.reads(), 1);
});

test('after the TTL the old list answers at once while one read runs; the next page view shows the change', async () => {
  const fake = store([[agency('edu', '示例市教育局')], [agency('edu', '示例市教育局'), agency('new', '新设机关')]]);
  let clock = 0;
  const services = portalServicesOf({ agencies: fake.store, cases, agencyListTtlMs: 1000, monotonicNow: () => clock });
  await services.listAgencies();
  clock = 1000;
  const during = await Promise.all([services.listAgencies(), services.listAgencies(), services.listAgencies()]);
  assert.ok(
    during.every((list) => list.length === 1),
    'answered with the list it had',
  );
  assert.equal(fake.reads(), 2, 'one refresh for the three');
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(
    (await services.listAgencies()).map((a) => a.slug),
    ['edu', 'new'],
  );
});

test('a failed first read fails the page view and is not kept; a failed refresh keeps the old list', async () => {
  const fake = store([new Error('database unavailable'), [agency('edu', '示例市教育局')], new Error('database gone')]);
  let clock = 0;
  const services = portalServicesOf({ agencies: fake.store, cases, agencyListTtlMs: 1000, monotonicNow: () => clock });
  await assert.rejects(services.listAgencies(), /database unavailable/);
  assert.deepEqual(await services.listAgencies(), [{ slug: 'edu', name: '示例市教育局' }]);
  clock = 5000;
  assert.deepEqual(await services.listAgencies(), [{ slug: 'edu', name: '示例市教育局' }]);
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(fake.reads(), 3);
  assert.deepEqual(await services.listAgencies(), [{ slug: 'edu', name: '示例市教育局' }], 'the old list still answers');
});
