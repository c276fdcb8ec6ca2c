// A restored backup compiles the identical annual report (issue #7), and new applications after the
// restore get fresh case codes (the identity that numbers them is restored with the rows).

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { backupDatabase, restoreDatabase } from '#adapters/db/backup.ts';
import { compileAnnualReport } from '#app/cases/compile-annual-report.ts';
import { createApplication } from '#app/cases/create-application.ts';
import { seedDemoCases } from '#app/cases/seed-demo-cases.ts';
import { renderReadingJson } from '#core/reports/render/render-json.ts';
import { forEachEngine, withTestDatabase } from '#test/db-harness.ts';
import { addAgency, depsOn, NOW, VALID_PERSON } from './case-fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'gongkai-case-backup-'));
after(() => rmSync(dir, { recursive: true, force: true }));

forEachEngine('case data through backup and restore', ({ database, engine }) => {
  test('the restored database compiles the same report, keeps append-only events, and numbers new cases after the old ones', async () => {
    const { db, pool } = await database();
    const agency = await addAgency(pool, '备份市民政局');
    const deps = depsOn(db);
    await seedDemoCases(deps, { agencySlug: agency.slug, count: 80 });
    const before = await compileAnnualReport(deps, { agencySlug: agency.slug, year: 2024 });
    const file = join(dir, `backup-${engine}.json`);
    await backupDatabase(pool, file, { engine, now: NOW });
    const restored = await withTestDatabase(engine);
    try {
      await restoreDatabase(restored.pool, file, { replace: true });
      const again = depsOn(restored.db);
      const after = await compileAnnualReport(again, { agencySlug: agency.slug, year: 2024 });
      assert.equal(renderReadingJson(after.analysis.reading), renderReadingJson(before.analysis.reading));
      const codes = await restored.pool.query<{ case_code: string }>('select case_code from cases');
      const created = await createApplication(again, {
        agencySlug: agency.slug,
        applicant: VALID_PERSON,
        description: '恢复后的新申请',
        delivery: 'email',
        actor: 'public',
      });
      assert.ok(!codes.rows.some((r) => r.case_code === created.caseCode), created.caseCode);
      await assert.rejects(restored.pool.query('update case_events set type = type'), /append-only/);
      await assert.rejects(restored.pool.query('delete from audit_log'), /append-only/);
    } finally {
      await restored.close();
    }
  });
});
