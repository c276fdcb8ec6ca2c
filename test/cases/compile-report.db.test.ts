// case import and report compile on a real database: the contract's per-line behaviour, idempotency,
// and tables 三/四 from ONE SQL aggregation equal to tallyCases on the same generated histories.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileAnnualReport } from '#app/cases/compile-annual-report.ts';
import { importCases } from '#app/cases/import-cases.ts';
import { carryOverYearEnd } from '#app/cases/query-cases.ts';
import { decideAppeal, recordAppeal, setReportEntry } from '#app/cases/record-appeal.ts';
import { localDate } from '#core/calendar/local-date.ts';
import type { AppealTallyInput } from '#core/cases/appeal-case.ts';
import { generateCaseHistories } from '#core/cases/generate-case-histories.ts';
import { projectCase } from '#core/cases/project-case.ts';
import { tallyCases } from '#core/cases/tally-cases.ts';
import { forEachEngine } from '#test/db-harness.ts';
import { caseContext } from '#test/factories/case-context.ts';
import { addAgency, depsOn, importLine } from './case-fixtures.ts';

const context = caseContext('2025-06-30');

forEachEngine('case import and report compile', ({ database }) => {
  test('case import: bad lines are reported by line number and not written, the rest imported; a rerun changes nothing', async () => {
    const { db, pool } = await database();
    const agency = await addAgency(pool);
    const deps = depsOn(db);
    const good = (id: string, extra: object = {}) =>
      JSON.stringify({
        externalId: id,
        channel: 'online',
        received: '2025-03-03',
        applicantType: 'natural_person',
        events: [{ type: 'replied', date: '2025-03-20', outcome: 'outcome.disclosed' }],
        outcome: 'outcome.disclosed',
        ...extra,
      });
    const text = [
      good('A-1'),
      '{not json',
      good('A-2', { received: '2025-02-30' }),
      '',
      good('A-3', { outcome: 'outcome.partial' }),
      good('A-4', {
        events: [
          { type: 'consultation_sent', date: '2025-03-10' },
          { type: 'replied', date: '2025-03-05', outcome: 'outcome.disclosed' },
        ],
      }),
      good('A-5', { applicantType: 'alien' }),
      good('A-6', { events: [], outcome: null }),
    ].join('\n');
    const first = await importCases(deps, { agencySlug: agency.slug, text, actor: 'import' });
    assert.deepEqual([first.imported, first.rejected], [2, 5]);
    assert.deepEqual(
      first.lines.filter((l) => l.status === 'rejected').map((l) => l.line),
      [2, 3, 5, 6, 7],
    );
    const stored = await pool.query('select external_id from cases where agency_id = $1 order by external_id', [agency.id]);
    assert.deepEqual(
      stored.rows.map((r) => r.external_id),
      ['A-1', 'A-6'],
    );
    const again = await importCases(deps, { agencySlug: agency.slug, text, actor: 'import' });
    assert.deepEqual([again.imported, again.unchanged, again.rejected], [0, 2, 5]);
    const extended = await importCases(deps, {
      agencySlug: agency.slug,
      text: good('A-6', { events: [{ type: 'withdrawn', date: '2025-03-04' }], outcome: 'outcome.other.other' }),
      actor: 'import',
    });
    assert.equal(extended.updated, 1);
    const contradicting = await importCases(deps, {
      agencySlug: agency.slug,
      text: good('A-1', { events: [], outcome: null }),
      actor: 'import',
    });
    assert.equal(contradicting.rejected, 1);
    assert.equal((await pool.query('select count(*)::int as n from case_events where agency_id = $1', [agency.id])).rows[0].n, 4);
  });

  test('compiled tables 三 and 四 (one SQL aggregation) equal tallyCases on generated histories, and the report passes validation', async () => {
    const { db, pool } = await database();
    const agency = await addAgency(pool, '样例市交通运输局');
    const deps = depsOn(db);
    const histories = generateCaseHistories({
      seed: 20250630,
      count: 150,
      from: localDate('2023-09-01'),
      to: localDate('2025-06-20'),
      context,
    });
    const text = histories.map((events, i) => importLine(`G-${i}`, events, context)).join('\n');
    const imported = await importCases(deps, { agencySlug: agency.slug, text, actor: 'import' });
    assert.deepEqual([imported.imported, imported.rejected], [150, 0]);
    const appeals: AppealTallyInput[] = [
      { kind: 'review', filedOn: localDate('2024-03-01'), decidedOn: localDate('2024-04-20'), decision: 'upheld' },
      { kind: 'review', filedOn: localDate('2024-11-01'), decidedOn: localDate('2025-01-15'), decision: 'revoked' },
      { kind: 'litigation_direct', filedOn: localDate('2024-05-01'), decidedOn: null, decision: null },
      { kind: 'litigation_after_review', filedOn: localDate('2024-06-01'), decidedOn: localDate('2024-09-01'), decision: 'withdrawn' },
    ];
    for (const appeal of appeals) {
      const { id } = await recordAppeal(deps, { agencySlug: agency.slug, kind: appeal.kind, filedOn: appeal.filedOn, actor: 'li' });
      if (appeal.decidedOn !== null) {
        await decideAppeal(deps, { agencySlug: agency.slug, id, decidedOn: appeal.decidedOn, decision: appeal.decision, actor: 'li' });
      }
    }
    const projections = histories.map((events) => projectCase(events, context));
    for (const year of [2023, 2024, 2025]) {
      const compiled = await compileAnnualReport(deps, { agencySlug: agency.slug, year });
      assert.deepEqual([...compiled.tally].sort(), [...tallyCases(projections, year, appeals)].sort(), `year ${year}`);
      const rules = compiled.analysis.reading.findings.map((f) => f.rule);
      assert.deepEqual(rules, ['CELL-BLANK'], `only table 二 is blank in ${year}: ${JSON.stringify(compiled.analysis.reading.findings)}`);
      const carried = await carryOverYearEnd(deps, { agencySlug: agency.slug, year });
      assert.equal(carried.carriedOut, compiled.tally.get('carried_out.total'));
    }
    assert.ok((await compileAnnualReport(deps, { agencySlug: agency.slug, year: 2024 })).tally.get('review.total')! >= 2);
    for (const cell of [
      'rules.issued',
      'rules.repealed',
      'rules.in_force',
      'normative_documents.issued',
      'normative_documents.repealed',
      'normative_documents.in_force',
      'licensing.decisions',
      'penalties.decisions',
      'coercion.decisions',
    ]) {
      await setReportEntry(deps, {
        agencySlug: agency.slug,
        year: 2024,
        key: `cell:${cell}`,
        value: cell.endsWith('in_force') ? '40' : '3',
        actor: 'li',
      });
    }
    await setReportEntry(deps, { agencySlug: agency.slug, year: 2024, key: 'cell:fees.amount_wan', value: '0', actor: 'li' });
    const full = await compileAnnualReport(deps, { agencySlug: agency.slug, year: 2024 });
    assert.deepEqual(full.analysis.reading.findings, []);
    assert.equal(full.analysis.reading.cells.find((c) => c.id === 'rules.in_force')?.value, 40);
    assert.equal(full.analysis.reading.agency, '样例市交通运输局');
  });
});
