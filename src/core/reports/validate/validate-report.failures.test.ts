// Issue #9 (speed): without --explain the validator builds only failing evaluations, and pairing with a
// previous year re-runs only the cross-year rules. Both must give exactly what the full run gives.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { allCells, buildFacts, SEED_FACTS } from '#test/factories/report-facts.ts';
import { finding } from '../report-model.ts';
import type { ReportFacts } from './rule.ts';
import { revalidateCrossYear, validateReport } from './validate-report.ts';

const readingFindings = [finding('LABEL-VARIANT', '表三“其他”行标题与模板不同', ['outcome.other.total'])];

/** Reports with passes, failures and not-assessable evaluations of most rules. */
const REPORTS: readonly (readonly [string, ReportFacts])[] = [
  ...Object.entries(SEED_FACTS).map(([name, facts]) => [`seed ${name}`, facts()] as const),
  [
    'inconsistent 2021',
    buildFacts({
      year: 2023,
      cells: { ...allCells('2021', '二', 2), ...allCells('2021', '三', 1), ...allCells('2021', '四', 3), 'carried_in.total': 3 },
    }),
  ],
  [
    // Table 三 group values printed (one wrong, one null), a null operand, gaps: the slot fast paths of
    // T3-GROUP-SUM, T3-OUTCOME-TOTAL, T3-ROW-TOTAL, T3-BALANCE, T4-SUM and CELL-BLANK (cell-slots.ts).
    'group values and gaps',
    buildFacts({
      year: 2023,
      cells: {
        ...allCells('2021', '二', 1),
        ...allCells('2021', '三', 2),
        ...allCells('2021', '四', 1),
        'outcome.withheld.total': 99,
        'outcome.withheld.natural_person': 16,
        'outcome.unavailable.total': null,
        'outcome.not_processed.other_org': 10,
        'received.research_institution': null,
        'review.total': 7,
        'litigation_direct.upheld': null,
        'rules.repealed': '/',
      },
    }),
  ],
  [
    'mixed 2019 and 2021 cells',
    buildFacts({
      template: 'mixed',
      year: 2020,
      cells: { ...allCells('2019', '二', 1), ...allCells('2021', '三', 1), ...allCells('2019', '四', 2), 'outcome.other.total': 5 },
    }),
  ],
  [
    'consistent zeros',
    buildFacts({ year: 2023, cells: { ...allCells('2021', '二'), ...allCells('2021', '三'), ...allCells('2021', '四') } }),
  ],
];

/** Previous years: one that breaks T3-CARRY and T2-CONTINUITY, one that pairs cleanly, one of another year. */
const PREVIOUS: readonly (readonly [string, ReportFacts])[] = [
  [
    'breaking',
    buildFacts({ year: 2022, cells: { ...allCells('2021', '二', 5), 'carried_out.total': 4, 'carried_out.natural_person': 2 } }),
  ],
  ['zeros', buildFacts({ year: 2022, cells: { ...allCells('2021', '二'), ...allCells('2021', '三') } })],
  ['not the year before', buildFacts({ year: 2020, cells: { 'carried_out.total': 4 } })],
];

describe("validateReport({ evaluations: 'failures' })", () => {
  for (const [name, report] of REPORTS) {
    test(`${name}: the same findings, and exactly the failing evaluations of the full run`, () => {
      const full = validateReport({ report, readingFindings });
      const failures = validateReport({ report, readingFindings, evaluations: 'failures' });
      assert.ok(
        full.evaluations.some((e) => e.status !== 'fail'),
        'the full run has passes or not-assessables to leave out',
      );
      assert.deepEqual(failures.findings, full.findings);
      assert.deepEqual(
        failures.evaluations,
        full.evaluations.filter((e) => e.status === 'fail'),
      );
    });
  }

  test('the full run is unchanged by a failures-only run before it (the switch is restored)', () => {
    const report = REPORTS[5]?.[1] as ReportFacts;
    const first = validateReport({ report });
    validateReport({ report, evaluations: 'failures' });
    assert.deepEqual(validateReport({ report }), first);
  });
});

describe('revalidateCrossYear', () => {
  for (const [name, report] of REPORTS) {
    for (const [previousName, previous] of PREVIOUS) {
      for (const mode of ['all', 'failures'] as const) {
        test(`${name} after a ${previousName} previous year (${mode}): identical to validating with the previous year`, () => {
          const alone = validateReport({ report, readingFindings, evaluations: mode });
          const expected = validateReport({ report, readingFindings, previous, evaluations: mode });
          const again = revalidateCrossYear(report, alone.evaluations, alone.crossYear, previous);
          assert.deepEqual(again.findings, expected.findings);
          assert.deepEqual(again.evaluations, expected.evaluations);
          assert.deepEqual(again.crossYear, expected.crossYear);
        });
      }
    }
  }

  test('the span holds exactly the cross-year evaluations', () => {
    const report = REPORTS[5]?.[1] as ReportFacts;
    const previous = PREVIOUS[0]?.[1] as ReportFacts;
    const { evaluations, crossYear } = validateReport({ report, previous });
    const inside = evaluations.slice(crossYear.from, crossYear.to).map((e) => e.rule);
    assert.deepEqual([...new Set(inside)], ['T3-CARRY', 'T2-CONTINUITY']);
    assert.equal(inside.length, 7 + 2); // 7 table 三 columns, 2 table 二 stock rows
    const failing = evaluations.slice(crossYear.from, crossYear.to).filter((e) => e.status === 'fail');
    assert.deepEqual(
      failing.map((e) => [e.rule, e.cells[0]]),
      [
        ['T3-CARRY', 'carried_in.natural_person'],
        ['T3-CARRY', 'carried_in.total'],
        ['T2-CONTINUITY', 'rules.issued'],
        ['T2-CONTINUITY', 'normative_documents.issued'],
      ],
    );
    const outside = [...evaluations.slice(0, crossYear.from), ...evaluations.slice(crossYear.to)];
    assert.ok(outside.every((e) => e.rule !== 'T3-CARRY' && e.rule !== 'T2-CONTINUITY'));
  });
});
