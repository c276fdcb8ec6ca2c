// Issue #7: a report compiled from data passes validation by construction. Thousands of generated case
// histories → tallyCases → the compiled document read back as gongkai/report-read@1 → no finding, every
// cell of 三 and 四 present, and 本年新收 + 上年结转 = 办理结果总计 + 结转下年度 in every column.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { type LocalDate, localDate, plusDays } from '#core/calendar/local-date.ts';
import type { CellEntry } from '#core/reports/report-model.ts';
import { T3_COLUMN_IDS, TEMPLATES, templateForYear } from '#core/reports/template.ts';
import { caseContext } from '#test/factories/case-context.ts';
import { APPEAL_DECISION_IDS, APPEAL_KINDS, type AppealTallyInput } from './appeal-case.ts';
import { analyseReportDocument, compileReportDocument } from './compile-report.ts';
import { generateCaseHistories } from './generate-case-histories.ts';
import { projectCase } from './project-case.ts';
import { type CaseTallyInput, tallyCases } from './tally-cases.ts';

const arbitraryAppeal = (from: LocalDate): fc.Arbitrary<AppealTallyInput> =>
  fc
    .record({
      kind: fc.constantFrom(...APPEAL_KINDS),
      filed: fc.integer({ min: 0, max: 900 }),
      decidedAfter: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
      decision: fc.constantFrom(...APPEAL_DECISION_IDS),
    })
    .map(({ kind, filed, decidedAfter, decision }) => {
      const filedOn = plusDays(from, filed);
      return {
        kind,
        filedOn,
        decidedOn: decidedAfter === null ? null : plusDays(filedOn, decidedAfter),
        decision: decidedAfter === null ? null : decision,
      };
    });

/** Table 二 as staff enter it, consistent (in force ≥ issued), in the year's template. */
function table2For(year: number, seed: number): Map<string, CellEntry> {
  const cells = new Map<string, CellEntry>();
  for (const cell of TEMPLATES[templateForYear(year)].cells.filter((c) => c.table === '二')) {
    const value =
      cell.kind === 'amount'
        ? 1.5
        : cell.id.endsWith('.items_change')
          ? 0
          : cell.id.endsWith('.in_force') || cell.id.endsWith('.published_total')
            ? 50 + (seed % 7)
            : seed % 5;
    cells.set(cell.id, { value, raw: String(value) });
  }
  return cells;
}

describe('tallyCases → compiled report (statute.md §7, validation-rules.md)', () => {
  test('thousands of random histories compile to reports without a single finding, balanced in every column', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.integer({ min: 2019, max: 2025 }),
        fc.integer({ min: 60, max: 160 }),
        fc.array(arbitraryAppeal(localDate('2018-06-01')), { maxLength: 12 }),
        (seed, year, count, appeals) => {
          const from = localDate(`${year - 1}-07-01`);
          const to = localDate(`${year + 1}-01-20`);
          const context = caseContext(plusDays(to, 40));
          const cases: CaseTallyInput[] = generateCaseHistories({ seed, count, from, to, context }).map((events) =>
            projectCase(events, context),
          );
          const tally = tallyCases(cases, year, appeals);
          const ids = TEMPLATES[templateForYear(year)].cells.filter((c) => c.table !== '二').map((c) => c.id);
          assert.deepEqual([...tally.keys()].sort(), [...ids].sort(), 'every cell of 三 and 四, no other');
          for (const column of T3_COLUMN_IDS) {
            const v = (row: string) => tally.get(`${row}.${column}`)!;
            assert.equal(v('received') + v('carried_in'), v('outcome.total') + v('carried_out'), column);
          }
          const next = tallyCases(cases, year + 1, appeals);
          for (const column of T3_COLUMN_IDS) {
            assert.equal(next.get(`carried_in.${column}`), tally.get(`carried_out.${column}`), `T3-CARRY ${column}`);
          }
          const doc = compileReportDocument({
            agency: '测试市民政局',
            year,
            tally,
            table2: table2For(year, seed),
            signedOn: `${year + 1}-01-15`,
          });
          const { reading } = analyseReportDocument(doc, 'compiled');
          assert.deepEqual(reading.findings, [], JSON.stringify(reading.findings));
          assert.equal(reading.template, templateForYear(year));
          const read = new Map(reading.cells.map((c) => [c.id, c.value]));
          for (const id of ids) {
            assert.equal(read.get(id), tally.get(id), id);
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  test('cells count by the rules of §7.1: receipt year, closing year, carried in and out', () => {
    const d = localDate;
    const cases: CaseTallyInput[] = [
      { applicantType: 'natural_person', receivedOn: d('2023-12-20'), closedOn: d('2024-01-10'), outcome: 'outcome.disclosed' },
      { applicantType: 'natural_person', receivedOn: d('2023-11-20'), closedOn: d('2023-12-10'), outcome: 'outcome.disclosed' },
      { applicantType: 'research_institution', receivedOn: d('2024-03-01'), closedOn: null, outcome: null },
      { applicantType: 'research_institution', receivedOn: d('2024-12-30'), closedOn: d('2025-01-05'), outcome: 'outcome.partial' },
      { applicantType: 'legal_service_org', receivedOn: d('2024-05-01'), closedOn: d('2024-05-20'), outcome: 'outcome.other.fee_unpaid' },
      { applicantType: 'legal_service_org', receivedOn: d('2025-01-02'), closedOn: null, outcome: null },
    ];
    const appeals: AppealTallyInput[] = [
      { kind: 'review', filedOn: d('2024-02-01'), decidedOn: d('2024-03-01'), decision: 'request_dismissed' },
      { kind: 'review', filedOn: d('2024-11-01'), decidedOn: d('2025-01-10'), decision: 'revoked' },
      { kind: 'litigation_after_review', filedOn: d('2023-05-01'), decidedOn: d('2024-06-01'), decision: 'withdrawn' },
      { kind: 'litigation_direct', filedOn: d('2023-05-01'), decidedOn: d('2023-06-01'), decision: 'revoked' },
    ];
    const t = tallyCases(cases, 2024, appeals);
    const expected: Record<string, number> = {
      'received.total': 3,
      'carried_in.natural_person': 1,
      'outcome.disclosed.natural_person': 1,
      'outcome.other.fee_unpaid.legal_service_org': 1,
      'outcome.total.total': 2,
      'carried_out.research_institution': 2,
      'carried_out.total': 2,
      'review.upheld': 1,
      'review.pending': 1,
      'review.total': 2,
      'litigation_after_review.other': 1,
      'litigation_direct.total': 0,
    };
    for (const [id, value] of Object.entries(expected)) {
      assert.equal(t.get(id), value, id);
    }
    // 2020 uses the 2019 template: （六）其他处理 is one data row.
    const old = tallyCases(
      [{ applicantType: 'other_org', receivedOn: d('2020-05-01'), closedOn: d('2020-05-02'), outcome: 'outcome.other.no_correction' }],
      2020,
    );
    assert.equal(old.get('outcome.other.other_org'), 1);
    assert.equal(old.has('outcome.other.no_correction.other_org'), false);
  });
});
