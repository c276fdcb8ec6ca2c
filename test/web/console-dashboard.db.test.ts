// The dashboard's figures on both engines, from imported cases with dates chosen so that each count is
// known without the clock: today is 2025-06-30 (Monday), due soon means due within 3 working days.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createDashboardPorts } from '#adapters/db/dashboard-store.ts';
import { importCases } from '#app/cases/import-cases.ts';
import { showDashboard } from '#app/console/show-dashboard.ts';
import { addAgency, depsOn, NOW } from '#test/cases/case-fixtures.ts';
import { forEachEngine } from '#test/db-harness.ts';
import { renderDashboardMain } from '#web/console/admin/dashboard.page.ts';

const line = (externalId: string, received: string, reply?: { date: string; outcome: string }) =>
  JSON.stringify({
    externalId,
    channel: 'online',
    received,
    applicantType: 'natural_person',
    events: reply === undefined ? [] : [{ type: 'replied', ...reply }],
    outcome: reply?.outcome ?? null,
  });

forEachEngine('console dashboard', ({ database }) => {
  test('counts, applications per month and the outcome mix, each from one aggregation', async () => {
    const { db, pool } = await database();
    const agency = await addAgency(pool, '仪表市教育局');
    const other = await addAgency(pool, '别的局');
    const text = [
      // Open: received 2025-04-01, due in early May → overdue.
      line('D-1', '2025-04-01'),
      // Open: received 2025-06-03, day 20 is 2025-07-01 (端午 2025-06-02 is before it) → due soon (≤ 2025-07-03).
      line('D-2', '2025-06-03'),
      // Open: received 2025-06-10, due 2025-07-08 → neither.
      line('D-3', '2025-06-10'),
      // Closed this year: two disclosed, one partial, one withheld (state secret).
      line('D-4', '2025-03-03', { date: '2025-03-10', outcome: 'outcome.disclosed' }),
      line('D-5', '2025-03-04', { date: '2025-03-12', outcome: 'outcome.disclosed' }),
      line('D-6', '2025-05-06', { date: '2025-05-20', outcome: 'outcome.partial' }),
      line('D-7', '2025-01-06', { date: '2025-01-20', outcome: 'outcome.withheld.state_secret' }),
      // Received 2024-12 and closed then: counted in its month, not in this year's outcomes.
      line('D-8', '2024-12-02', { date: '2024-12-10', outcome: 'outcome.disclosed' }),
      // Received before the twelve months (2024-07 … 2025-06): in no month.
      line('D-9', '2024-06-14', { date: '2024-06-20', outcome: 'outcome.disclosed' }),
    ].join('\n');
    const imported = await importCases(depsOn(db), { agencySlug: agency.slug, text, actor: 'test' });
    assert.ok(
      imported.lines.every((l) => l.status !== 'rejected'),
      JSON.stringify(imported.lines),
    );
    await importCases(depsOn(db), { agencySlug: other.slug, text: line('O-1', '2025-04-01'), actor: 'test' });

    const d = await showDashboard({ dashboard: createDashboardPorts(db), now: () => NOW }, { agency: agency.slug });
    assert.equal(d.today, '2025-06-30');
    assert.deepEqual(d.counts, { open: 3, overdue: 1, dueSoon: 1 });
    assert.deepEqual(d.dueSoon, { workingDays: 3, by: '2025-07-03' });
    assert.deepEqual(
      d.perMonth.map((m) => [m.month, m.count]),
      [
        ['2024-07', 0],
        ['2024-08', 0],
        ['2024-09', 0],
        ['2024-10', 0],
        ['2024-11', 0],
        ['2024-12', 1],
        ['2025-01', 1],
        ['2025-02', 0],
        ['2025-03', 2],
        ['2025-04', 1],
        ['2025-05', 1],
        ['2025-06', 2],
      ],
    );
    assert.deepEqual(
      d.outcomes.families.map((f) => [f.label, f.count]),
      [
        ['予以公开', 2],
        ['部分公开', 1],
        ['不予公开', 1],
        ['无法提供', 0],
        ['不予处理', 0],
        ['其他处理', 0],
      ],
    );
    assert.equal(d.outcomes.total, 4);

    const page = String(renderDashboardMain(d));
    assert.match(page, /<svg class="chart" role="img" aria-labelledby="chart-months-title chart-months-desc"/);
    assert.match(page, /<title id="chart-months-title">每月收到的申请数（近12个月）<\/title>/);
    assert.match(page, /<desc id="chart-months-desc">2024年7月至2025年6月共收到申请8件，最多的是2025年3月，2件。/);
    assert.match(page, /<desc id="chart-outcomes-desc">[^<]*予以公开2件（50%），部分公开1件（25%），不予公开1件（25%）/);
    assert.match(page, /<tr><th scope="row">2025年3月<\/th><td>2<\/td><\/tr>/);
    assert.match(page, /<tr><th scope="row">部分公开<\/th><td>1<\/td><td>25%<\/td><\/tr>/);
    assert.match(page, /<dd data-count="overdue">1<\/dd>/);
    assert.ok(!/style=|<script/.test(page), 'inline style or script (the CSP forbids both)');
    // Twelve month bars, six outcome bars, each with its own title.
    assert.equal(page.match(/<rect /g)?.length, 18);

    await assert.rejects(showDashboard({ dashboard: createDashboardPorts(db), now: () => NOW }, { agency: 'nowhere' }), /未找到机关/);
  });
});
