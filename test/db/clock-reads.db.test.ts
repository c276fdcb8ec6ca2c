// The quick clock read of short commands (adapters/db/clock-reads.ts: pg alone, no drizzle) gives what
// the stores give, on both engines; and when it cannot vouch for the database (unreachable, a schema that
// is not this build's) it answers undefined so the caller opens the database the usual way.
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { test } from 'node:test';
import { createDbCalendarStore } from '#adapters/db/calendar-store.ts';
import { readClockRows } from '#adapters/db/clock-reads.ts';
import { createDatabaseDeps, openAccess } from '#adapters/db/lazy-database.ts';
import { createDbSettingsStore } from '#adapters/db/settings-store.ts';
import type { LocalDate } from '#core/calendar/local-date.ts';
import { isDomainError } from '#core/shared/domain-error.ts';
import { forEachEngine, withTestDatabase } from '#test/db-harness.ts';
import { makeTempDir } from '#test/temp-dir.ts';

const YEAR_2027 = {
  year: 2027,
  notices: ['国办发明电〔2026〕9号'],
  breaks: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03', workdays: [] }],
  holidays: ['2027-01-01'],
  workdays: [],
};

/** A port on 127.0.0.1 that nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address !== null ? address.port : 1;
}

forEachEngine('quick clock read', ({ database, engine }) => {
  test('an empty database: no settings, no calendar changes — as the stores say', async () => {
    const { db, url } = await database();
    const rows = await readClockRows({ url, dataDir: await makeTempDir('gongkai-clock-') });
    assert.deepEqual(rows, { settings: await createDbSettingsStore(openAccess(db)).loadValues(), calendarChanges: [] });
  });

  test('stored settings and calendar changes read exactly as the stores read them; letter settings left out', async () => {
    const { db, url, pool } = await database();
    const settings = createDbSettingsStore(openAccess(db));
    const calendar = createDbCalendarStore(openAccess(db));
    await settings.recordChange({ key: 'receipt.rest-day', value: 'next-working-day', who: 'admin', when: '2026-01-02T03:04:05.000Z' });
    await settings.recordChange({ key: 'fee.pause', value: 'off', who: 'admin', when: '2026-01-03T00:00:00.000Z', reason: '试行' });
    await pool.query("INSERT INTO instance_settings (key, value) VALUES ('letter.signature', '某某局')");
    for (const [i, effectiveFrom] of ['2026-12-01', '2027-01-01'].entries()) {
      await calendar.appendChange({
        who: `admin${i}`,
        when: '2026-11-30T16:00:00.000Z',
        effectiveFrom: effectiveFrom as LocalDate,
        action: 'import',
        year: 2027,
        what: `第${i + 1}次导入`,
        ...(i === 0 ? { reason: '国务院通知', sourceFile: '2027.json' } : {}),
        entry: { ...YEAR_2027, notices: [`通知${i}`] } as never,
      });
    }
    const rows = await readClockRows({ url, dataDir: await makeTempDir('gongkai-clock-') });
    assert.ok(rows !== undefined, `the quick read answers on ${engine}`);
    assert.deepEqual(rows.settings, { 'receipt.rest-day': 'next-working-day', 'fee.pause': 'off' });
    assert.deepEqual(rows.settings, await settings.loadValues());
    assert.deepEqual(rows.calendarChanges, await calendar.listChanges());
    assert.equal(rows.calendarChanges[0]?.when, '2026-11-30T16:00:00.000Z');
    assert.equal(rows.calendarChanges[0]?.effectiveFrom, '2026-12-01');
    assert.deepEqual(rows.calendarChanges[1]?.entry.holidays, ['2027-01-01']);
  });

  test('the lazy stores of a command: quick reads until a write opens the database, then the stores; a bad stored value is refused either way', async () => {
    const { url, pool } = await database();
    const dataDir = await makeTempDir('gongkai-clock-');
    const deps = createDatabaseDeps({ url, dataDir });
    try {
      const [values, changes] = await Promise.all([deps.settings.loadValues(), deps.calendar.listChanges()]);
      assert.equal(values['receipt.rest-day'], 'next-working-day');
      assert.ok(changes.length >= 2);
      await deps.settings.recordChange({ key: 'receipt.rest-day', value: 'as-is', who: 'officer', when: '2026-02-01T00:00:00.000Z' });
      assert.equal((await deps.settings.loadValues())['receipt.rest-day'], 'as-is');
    } finally {
      await deps.close();
    }
    await pool.query("UPDATE instance_settings SET value = 'sometimes' WHERE key = 'fee.pause'");
    const fresh = createDatabaseDeps({ url, dataDir });
    try {
      await assert.rejects(
        fresh.settings.loadValues(),
        (error) => isDomainError(error, 'CONFIG_INVALID') && /fee\.pause/.test(error.message),
      );
    } finally {
      await fresh.close();
      await pool.query("UPDATE instance_settings SET value = 'off' WHERE key = 'fee.pause'");
    }
  });

  test('a database whose migrations are not exactly this build`s, or none reachable: undefined (the usual open decides)', async () => {
    const fresh = await withTestDatabase(engine);
    try {
      const dataDir = await makeTempDir('gongkai-clock-');
      assert.ok((await readClockRows({ url: fresh.url, dataDir })) !== undefined);
      // a newer build migrated it (a migration this build does not ship)
      await fresh.pool.query("INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ('not-shipped', 0)");
      assert.equal(await readClockRows({ url: fresh.url, dataDir }), undefined);
      await fresh.pool.query("DELETE FROM drizzle.__drizzle_migrations WHERE hash = 'not-shipped'");
      assert.ok((await readClockRows({ url: fresh.url, dataDir })) !== undefined);
      // a migration of this build still pending
      await fresh.pool.query('DELETE FROM drizzle.__drizzle_migrations WHERE id = (SELECT max(id) FROM drizzle.__drizzle_migrations)');
      assert.equal(await readClockRows({ url: fresh.url, dataDir }), undefined);
    } finally {
      await fresh.close();
    }
    const dataDir = await makeTempDir('gongkai-clock-');
    assert.equal(await readClockRows({ url: `postgresql://postgres@127.0.0.1:${await closedPort()}/postgres`, dataDir }), undefined);
  });
});
