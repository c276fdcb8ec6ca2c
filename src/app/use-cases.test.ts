// The clock, calendar and settings use cases on the real file stores of a temporary data directory.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createFileCalendarStore } from '#adapters/local-store/calendar-store.ts';
import { createFileSettingsStore } from '#adapters/local-store/settings-store.ts';
import { localDate } from '#core/calendar/local-date.ts';
import { isDomainError } from '#core/shared/domain-error.ts';
import { makeTempDir } from '#test/temp-dir.ts';
import { addWorkdays } from './add-workdays.ts';
import { computeDeadline } from './compute-deadline.ts';
import { computeFee } from './compute-fee.ts';
import { importCalendarYear } from './import-calendar-year.ts';
import { listCalendarHistory } from './list-calendar-history.ts';
import { listSettingHistory } from './list-setting-history.ts';
import { setSetting } from './set-setting.ts';
import { showSettings } from './show-settings.ts';

async function deps(now = '2026-11-23T02:00:00Z') {
  const dataDir = await makeTempDir('gongkai-app-');
  return {
    dataDir,
    clock: { now: () => new Date(now) },
    settings: createFileSettingsStore(dataDir),
    calendar: createFileCalendarStore(dataDir),
  };
}

// A hypothetical 2027 (not the real notice): 元旦 Fri 01-01 only.
const year2027 = (note: string) =>
  JSON.stringify({
    2027: {
      notices: [note],
      breaks: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03', workdays: [] }],
      holidays: ['2027-01-01'],
      workdays: [],
    },
  });

describe('settings use cases', () => {
  test('20 concurrent setSetting calls in one process are all recorded, none lost', async () => {
    const d = await deps();
    const values = Array.from({ length: 20 }, (_, i) => String(i + 1));
    await Promise.all(values.map((value) => setSetting(d, { key: 'clock.due-soon-working-days', value, who: `u${value}` })));
    const history = await listSettingHistory(d);
    assert.equal(history.length, 20);
    assert.deepEqual(new Set(history.map((h) => h.to)), new Set(values));
    // Each change names the value it replaced: the chain is unbroken.
    assert.deepEqual(
      history.slice(1).map((h) => h.from),
      history.slice(0, -1).map((h) => h.to),
    );
  });
  test('an unknown key or a bad value is INVALID_INPUT and writes nothing', async () => {
    const d = await deps();
    await assert.rejects(setSetting(d, { key: 'fee.paws', value: 'off', who: 'x' }), (e) => isDomainError(e, 'INVALID_INPUT'));
    await assert.rejects(setSetting(d, { key: 'fee.pause', value: 'sometimes', who: 'x' }), (e) => isDomainError(e, 'INVALID_INPUT'));
    assert.deepEqual(await listSettingHistory(d), []);
    assert.ok((await showSettings(d)).every((row) => row.isDefault));
  });
});

describe('calendar use cases', () => {
  test('concurrent imports get distinct sequence numbers 1…n', async () => {
    const d = await deps();
    await Promise.all(
      Array.from({ length: 10 }, (_, i) => importCalendarYear(d, { fileName: `f${i}.json`, text: year2027(`通知${i}`), who: 'admin' })),
    );
    const { changes } = await listCalendarHistory(d);
    assert.deepEqual(
      changes.map((c) => c.seq),
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    );
  });
  test('an imported year moves the n-th working day from the day it takes effect, by the clock', async () => {
    const before = await deps('2026-12-10T02:00:00Z');
    await importCalendarYear(before, { fileName: 'y.json', text: year2027('通知'), who: 'admin', effectiveFrom: localDate('2026-12-15') });
    const start = localDate('2026-12-31');
    assert.equal((await addWorkdays(before, { start, workingDays: 1 })).date, '2027-01-01');
    const after = { ...before, clock: { now: () => new Date('2026-12-15T02:00:00Z') } };
    assert.equal((await addWorkdays(after, { start, workingDays: 1 })).date, '2027-01-04');
  });
  test('a file that is not JSON, or a year out of range, is INVALID_INPUT and records nothing', async () => {
    const d = await deps();
    await assert.rejects(importCalendarYear(d, { fileName: 'x', text: '{', who: 'a' }), (e) => isDomainError(e, 'INVALID_INPUT'));
    await assert.rejects(importCalendarYear(d, { fileName: 'x', text: year2027('n').replace('2027', '9999'), who: 'a' }), (e) =>
      isDomainError(e, 'INVALID_INPUT'),
    );
    assert.deepEqual((await listCalendarHistory(d)).changes, []);
  });
});

describe('computeDeadline and computeFee', () => {
  test("today defaults to the clock's day in Beijing time (16:30 UTC is the next day there)", async () => {
    const d = await deps('2024-10-07T16:30:00Z');
    const { today, clock } = await computeDeadline(d, { events: [{ type: 'received', on: localDate('2024-09-27'), channel: 'online' }] });
    assert.equal(today, '2024-10-08');
    assert.equal(clock.due, '2024-10-30');
  });
  test('inconsistent events are INVALID_INPUT listing the problems', async () => {
    const d = await deps();
    await assert.rejects(
      computeDeadline(d, { events: [{ type: 'fee_paid', on: localDate('2024-09-27') }] }),
      (e) => isDomainError(e, 'INVALID_INPUT') && Array.isArray(e.details['problems']),
    );
  });
  test('a waiver on a list of receipts is refused: it applies to one fee only', async () => {
    const d = await deps();
    await assert.rejects(computeFee(d, { request: { kind: 'receipts', receivedOn: ['2025-03-03'] }, waiver: { reason: '低保' } }), (e) =>
      isDomainError(e, 'INVALID_INPUT'),
    );
  });
});
