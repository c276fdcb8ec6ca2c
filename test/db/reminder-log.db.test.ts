import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  claimReminder,
  listCarryOvers,
  listReminderLog,
  markReminderFailed,
  markReminderSent,
  recordCarryOvers,
  recordJobRun,
} from '#adapters/db/reminder-store.ts';
import { agencies } from '#adapters/db/schema.ts';
import { forEachEngine } from '#test/db-harness.ts';

forEachEngine('reminder sent-log', ({ database }) => {
  const agencyId = async (slug: string) => {
    const { db } = await database();
    const [row] = await db.insert(agencies).values({ slug, name: slug }).returning({ id: agencies.id });
    assert.ok(row);
    return row.id;
  };

  test('a key is claimed once; a sent reminder is never claimed again; a failed one is, with its attempts', async () => {
    const { db } = await database();
    const id = await agencyId('log-a');
    const key = { agencyId: id, caseCode: 'SQ-1', kind: 'overdue', day: '2025-09-26' } as const;
    assert.equal(await claimReminder(db, key, 'o@example.gov.cn'), true);
    assert.equal(await claimReminder(db, key, 'o@example.gov.cn'), false, 'in progress');
    await markReminderFailed(db, key, 'connection refused');
    assert.equal(await claimReminder(db, key, 'o@example.gov.cn'), true, 'failed: retried');
    await markReminderSent(db, key);
    assert.equal(await claimReminder(db, key, 'o@example.gov.cn'), false, 'sent: a no-op');
    const [row] = await listReminderLog(db, id);
    assert.equal(row?.status, 'sent');
    assert.equal(row?.attempts, 2);
  });

  test('20 concurrent claims of one key: exactly one wins', async () => {
    const { db } = await database();
    const id = await agencyId('log-b');
    const key = { agencyId: id, caseCode: 'SQ-2', kind: 'due_soon', day: '2025-10-10' } as const;
    const wins = await Promise.all(Array.from({ length: 20 }, () => claimReminder(db, key, 'o@example.gov.cn')));
    assert.equal(wins.filter(Boolean).length, 1);
  });

  test('carry-over is recorded once per case and year; job runs count up', async () => {
    const { db } = await database();
    const id = await agencyId('log-c');
    assert.deepEqual(await recordCarryOvers(db, id, 2024, ['A', 'B']), ['A', 'B']);
    assert.deepEqual(await recordCarryOvers(db, id, 2024, ['A', 'B', 'C']), ['C']);
    assert.deepEqual(await listCarryOvers(db, id, 2024), ['A', 'B', 'C']);
    assert.deepEqual(await recordCarryOvers(db, id, 2024, []), []);
    assert.equal(await recordJobRun(db, id, 'daily', '2025-01-02', { sent: 1 }), 1);
    assert.equal(await recordJobRun(db, id, 'daily', '2025-01-02', { sent: 0 }), 2);
  });
});
