// The demo agency's cases (gongkai demo): every outcome, some overdue, some in 补正, a clean report for
// last year, and a second run that adds nothing.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileAnnualReport } from '#app/cases/compile-annual-report.ts';
import { listCases } from '#app/cases/query-cases.ts';
import { seedDemoCases } from '#app/cases/seed-demo-cases.ts';
import { OUTCOME_CODES } from '#core/cases/outcome-codes.ts';
import { forEachEngine } from '#test/db-harness.ts';
import { addAgency, depsOn } from './case-fixtures.ts';

forEachEngine('seedDemoCases', ({ database }) => {
  test('hundreds of cases over two years: every outcome, overdue and 补正 cases, a report without errors; idempotent', async () => {
    const { db, pool } = await database();
    const agency = await addAgency(pool, '演示市民政局');
    const deps = depsOn(db);
    const first = await seedDemoCases(deps, { agencySlug: agency.slug, count: 220 });
    assert.equal(first.imported, 226);
    const outcomes = await pool.query<{ outcome: string }>(
      'select distinct outcome from cases where agency_id = $1 and outcome is not null',
      [agency.id],
    );
    assert.deepEqual(outcomes.rows.map((r) => r.outcome).sort(), [...OUTCOME_CODES].sort());
    const overdue = await listCases(deps, { agencyIds: [agency.id], dueBy: '2025-06-29' });
    assert.ok(overdue.total >= 3, `overdue: ${overdue.total}`);
    const correction = await listCases(deps, { agencyIds: [agency.id], status: 'awaiting_correction', open: true });
    assert.ok(correction.total >= 3, `补正: ${correction.total}`);
    const report = await compileAnnualReport(deps, { agencySlug: agency.slug, year: 2024 });
    assert.deepEqual(
      report.analysis.reading.findings.filter((f) => f.severity === 'error'),
      [],
    );
    assert.ok(report.tally.get('received.total')! > 100);
    assert.ok(report.tally.get('review.total')! >= 2);
    const again = await seedDemoCases(deps, { agencySlug: agency.slug, count: 220 });
    assert.deepEqual([again.imported, again.unchanged, again.appeals], [0, 226, 0]);
  });
});
