// The database stores on both engines: agencies (contract errors), settings per agency over the
// instance default with history, calendar changes with unique numbers, the one-time import of the
// legacy JSON files, and a backup that restores to identical data.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createDbAgencyStore } from '#adapters/db/agency-store.ts';
import { backupDatabase, restoreDatabase } from '#adapters/db/backup.ts';
import { createDbCalendarStore } from '#adapters/db/calendar-store.ts';
import { importLegacyFiles } from '#adapters/db/import-legacy-files.ts';
import { openAccess } from '#adapters/db/lazy-database.ts';
import { createDbSettingsStore } from '#adapters/db/settings-store.ts';
import { addAgency } from '#app/add-agency.ts';
import type { LocalDate } from '#core/calendar/local-date.ts';
import { isDomainError } from '#core/shared/domain-error.ts';
import { forEachEngine, withTestDatabase } from '#test/db-harness.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-stores-'));
  dirs.push(dir);
  return dir;
};
after(() => {
  for (const dir of dirs) {
    rmSync(dir, { recursive: true, force: true });
  }
});

const YEAR_2027 = { year: 2027, notices: ['国办发明电〔2026〕1号'], breaks: [], holidays: [], workdays: [] };

async function tableDump(pool: import('pg').Pool): Promise<Record<string, unknown[]>> {
  const tables = (
    await pool.query<{ t: string }>("SELECT table_name::text AS t FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1")
  ).rows;
  const dump: Record<string, unknown[]> = {};
  for (const { t } of tables) {
    dump[t] = (await pool.query(`SELECT row_to_json(x)::text AS j FROM public."${t}" AS x ORDER BY row_to_json(x)::text`)).rows.map(
      (r) => r.j,
    );
  }
  return dump;
}

forEachEngine('database stores', ({ database, engine }) => {
  test('agency add: stored with kind and parent; duplicate slug CONFLICT, unknown parent NOT_FOUND, bad input INVALID_INPUT; nothing written on refusal', async () => {
    const { db } = await database();
    const agencies = createDbAgencyStore(openAccess(db));
    const city = await addAgency({ agencies }, { slug: 'st-city', name: ' 某市人民政府 ', kind: 'government' });
    assert.equal(city.name, '某市人民政府');
    assert.equal(city.kind, 'government');
    assert.equal(city.parent, null);
    assert.match(city.createdAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const edu = await addAgency({ agencies }, { slug: 'st-edu', name: '某市教育局', parent: 'st-city' });
    assert.equal(edu.kind, 'department');
    assert.equal(edu.parent, 'st-city');
    await assert.rejects(
      addAgency({ agencies }, { slug: 'st-edu', name: '另一个' }),
      (e) => isDomainError(e, 'CONFLICT') && /st-edu.*已存在/.test(e.message),
    );
    await assert.rejects(
      addAgency({ agencies }, { slug: 'st-x', name: '某局', parent: 'st-none' }),
      (e) => isDomainError(e, 'NOT_FOUND') && /上级机关“st-none”不存在/.test(e.message),
    );
    await assert.rejects(addAgency({ agencies }, { slug: 'St X', name: '', kind: 'ministry' }), (e) => {
      assert.ok(isDomainError(e, 'INVALID_INPUT'));
      assert.deepEqual(Object.keys(e.details.fields ?? {}).sort(), ['kind', 'name', 'slug']);
      return true;
    });
    const slugs = (await agencies.list()).map((a) => a.slug).filter((s) => s.startsWith('st-'));
    assert.deepEqual(slugs, ['st-city', 'st-edu']);
  });

  test('settings: an agency sees the instance default until it sets its own; history keeps who/when/from/to/why per scope', async () => {
    const { db } = await database();
    const agency = await createDbAgencyStore(openAccess(db)).add({ slug: 'set-a', name: '某局', kind: 'department' });
    const instance = createDbSettingsStore(openAccess(db));
    const own = createDbSettingsStore(openAccess(db), agency.id);
    await instance.recordChange({ key: 'fee.pause', value: 'off', who: 'admin', when: '2026-01-02T03:04:05.000Z', reason: '全市统一' });
    assert.equal((await own.loadValues())['fee.pause'], 'off');
    const change = await own.recordChange({ key: 'fee.pause', value: 'on', who: 'officer', when: '2026-01-03T00:00:00.000Z' });
    assert.deepEqual(change, {
      who: 'officer',
      when: '2026-01-03T00:00:00.000Z',
      key: 'fee.pause',
      from: 'off',
      to: 'on',
      scope: 'agency',
    });
    assert.equal((await own.loadValues())['fee.pause'], 'on');
    assert.equal((await instance.loadValues())['fee.pause'], 'off');
    const history = await own.listChanges();
    assert.deepEqual(
      history.filter((h) => h.key === 'fee.pause').map((h) => [h.scope, h.who, h.from ?? null, h.to, h.reason ?? null]),
      [
        ['instance', 'admin', null, 'off', '全市统一'],
        ['agency', 'officer', 'off', 'on', null],
      ],
    );
  });

  test('calendar changes get distinct numbers under 20 concurrent appends, in order, with the entry intact', async () => {
    const { db } = await database();
    const calendar = createDbCalendarStore(openAccess(db));
    const before = (await calendar.listChanges()).length;
    const appended = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        calendar.appendChange({
          who: `c${i}`,
          when: '2026-05-01T00:00:00.000Z',
          effectiveFrom: '2026-05-01' as LocalDate,
          action: 'import',
          year: 2027,
          what: `第${i}次`,
          entry: { ...YEAR_2027, notices: [`通知${i}`] } as never,
        }),
      ),
    );
    assert.equal(new Set(appended.map((c) => c.seq)).size, 20);
    const listed = await calendar.listChanges();
    assert.equal(listed.length, before + 20);
    assert.deepEqual(
      listed.map((c) => c.seq),
      [...listed.map((c) => c.seq)].sort((a, b) => a - b),
    );
    const mine = listed.find((c) => c.who === 'c7');
    assert.deepEqual(mine?.entry.notices, ['通知7']);
    assert.equal(mine?.effectiveFrom, '2026-05-01');
  });

  test('legacy settings.json and calendar/changes.json are imported once, then renamed', async () => {
    const fresh = await withTestDatabase(engine);
    try {
      const dataDir = tempDir();
      writeFileSync(
        join(dataDir, 'settings.json'),
        JSON.stringify({
          schema: 'gongkai/settings@1',
          values: { 'fee.pause': 'off' },
          history: [{ who: 'old', when: '2025-01-01T00:00:00.000Z', key: 'fee.pause', to: 'off' }],
        }),
      );
      mkdirSync(join(dataDir, 'calendar'));
      writeFileSync(
        join(dataDir, 'calendar', 'changes.json'),
        JSON.stringify({
          schema: 'gongkai/calendar-changes@1',
          changes: [
            {
              seq: 1,
              who: 'old',
              when: '2025-01-01T00:00:00.000Z',
              effectiveFrom: '2025-01-01',
              action: 'import',
              year: 2027,
              what: '新增',
              entry: YEAR_2027,
            },
          ],
        }),
      );
      const [first, second] = await Promise.all([importLegacyFiles(fresh.db, dataDir), importLegacyFiles(fresh.db, dataDir)]);
      assert.deepEqual([...(first ?? []), ...(second ?? [])].sort(), ['calendar/changes.json', 'settings.json']);
      assert.ok(existsSync(join(dataDir, 'settings.json.imported')) && !existsSync(join(dataDir, 'settings.json')));
      const settings = createDbSettingsStore(openAccess(fresh.db));
      assert.equal((await settings.loadValues())['fee.pause'], 'off');
      assert.deepEqual(
        (await settings.listChanges()).map((c) => c.who),
        ['old'],
      );
      const changes = await createDbCalendarStore(openAccess(fresh.db)).listChanges();
      assert.deepEqual(
        changes.map((c) => [c.seq, c.who, c.year]),
        [[1, 'old', 2027]],
      );
    } finally {
      await fresh.close();
    }
  });

  test('backup then restore into an empty database gives identical rows; identities continue; refusals change nothing', async () => {
    const { pool } = await database();
    const dir = tempDir();
    const file = join(dir, 'backup.jsonl');
    const rows = await backupDatabase(pool, file, { engine, now: new Date('2026-06-01T00:00:00Z') });
    assert.ok((rows['agencies'] ?? 0) >= 3 && (rows['calendar_changes'] ?? 0) >= 20);
    const original = await tableDump(pool);
    const target = await withTestDatabase(engine);
    try {
      const restored = await restoreDatabase(target.pool, file, { replace: false });
      assert.deepEqual(restored, Object.fromEntries(Object.entries(rows).filter(([, n]) => n > 0)));
      assert.deepEqual(await tableDump(target.pool), original);
      // Identity columns continue after the restored rows.
      const added = await createDbAgencyStore(openAccess(target.db)).add({ slug: 'after-restore', name: '新局', kind: 'department' });
      const maxBefore = Math.max(...(original['agencies'] as string[]).map((j) => (JSON.parse(j) as { id: number }).id));
      assert.equal(added.id, maxBefore + 1);
      // Into a database with data: CONFLICT without replace, nothing changed.
      await assert.rejects(restoreDatabase(target.pool, file, { replace: false }), (e) => isDomainError(e, 'CONFLICT'));
      assert.ok((await createDbAgencyStore(openAccess(target.db)).findBySlug('after-restore')) !== undefined);
      // A truncated file is refused, nothing changed.
      const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
      const truncated = join(dir, 'truncated.jsonl');
      writeFileSync(truncated, `${lines.slice(0, -3).join('\n')}\n`);
      await assert.rejects(
        restoreDatabase(target.pool, truncated, { replace: true }),
        (e) => isDomainError(e, 'INVALID_INPUT') && /不完整/.test(e.message),
      );
      assert.ok((await createDbAgencyStore(openAccess(target.db)).findBySlug('after-restore')) !== undefined);
      // With replace: identical to the backup again.
      await restoreDatabase(target.pool, file, { replace: true });
      assert.deepEqual(await tableDump(target.pool), original);
    } finally {
      await target.close();
    }
  });
});
