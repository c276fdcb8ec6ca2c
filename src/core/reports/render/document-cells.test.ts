import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { arbitraryBrokenReport, arbitraryValidReport, BREAKABLE_RULES } from '#test/factories/arbitrary-report.ts';
import { buildFacts } from '#test/factories/report-facts.ts';
import type { ReportDocument } from '../report-model.ts';
import { validateReport } from '../validate/validate-report.ts';
import { documentCells, formatChineseDate } from './document-cells.ts';

/** The table rules' findings on a document's cells, as the reader would hand them over. */
function tableFindings(doc: ReportDocument) {
  const cells = Object.fromEntries(documentCells(doc).map((c) => [c.id, { raw: c.raw, value: c.value }]));
  const report = buildFacts({ template: doc.template, year: doc.year, agency: doc.agency, cells });
  return validateReport({ report }).findings;
}

describe('documentCells', () => {
  test('lists every present cell once, in contract order (table 二, 三, 四)', () => {
    fc.assert(
      fc.property(arbitraryValidReport({ blanks: true }), (doc) => {
        const cells = documentCells(doc);
        assert.equal(cells.length, doc.cells.size);
        const tables = cells.map((c) => c.table).join('');
        assert.match(tables, /^二*三*四*$/);
        for (const cell of cells) {
          assert.equal(cell.raw, doc.cells.get(cell.id)?.raw);
        }
      }),
      { numRuns: 30 },
    );
  });
});

describe('the report generators against the table rules (validation-rules.md §2.3)', () => {
  test('a generated valid report has no error or warning finding', () => {
    fc.assert(
      fc.property(arbitraryValidReport(), (doc) => {
        const serious = tableFindings(doc).filter((f) => f.severity !== 'notice');
        assert.deepEqual(serious, []);
      }),
      { numRuns: 60 },
    );
  });

  for (const rule of BREAKABLE_RULES) {
    test(`a report broken for ${rule} fails that rule on exactly the expected cells, and no other rule`, () => {
      fc.assert(
        fc.property(arbitraryBrokenReport({ rule }), (broken) => {
          const findings = tableFindings(broken.doc).filter((f) => f.severity !== 'notice');
          assert.deepEqual(
            findings.map((f) => [f.rule, [...f.cells].sort()]),
            broken.expected.map((f) => [f.rule, [...f.cells].sort()]),
          );
        }),
        { numRuns: 25 },
      );
    });
  }
});

describe('formatChineseDate', () => {
  test('writes a signature date without leading zeros', () => {
    assert.equal(formatChineseDate('2024-01-09'), '2024年1月9日');
    assert.equal(formatChineseDate('2023-12-31'), '2023年12月31日');
  });

  test('leaves text that is not an ISO date as it is', () => {
    assert.equal(formatChineseDate('2024年1月9日'), '2024年1月9日');
  });
});
