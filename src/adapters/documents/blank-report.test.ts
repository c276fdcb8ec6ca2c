// `report new` writes a blank report to fill in; read back from DOCX or XLSX it must only say which
// cells are blank (CELL-BLANK), never that the file is cut (READ-TRUNCATED) or misread.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readReport } from '#core/reports/read/read-report.ts';
import { newBlankReport } from '#core/reports/render/new-report.ts';
import { loadSource } from './load-source.ts';
import { type RenderFormat, renderReport } from './render-report.ts';

async function findingsOf(format: RenderFormat): Promise<{ rule: string; severity: string }[]> {
  const bytes = await renderReport(newBlankReport('2021', 2026, '某市民政局'), format);
  const loaded = await loadSource(typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes, `blank.${format}`);
  if (!loaded.ok) {
    assert.fail(`expected the blank ${format} to load, got: ${loaded.reason}`);
  }
  const analysis = readReport(loaded.document, `blank.${format}`);
  assert.equal(analysis.reading.template, '2021');
  assert.equal(analysis.reading.year, 2026);
  assert.equal(analysis.reading.agency, '某市民政局');
  assert.deepEqual(analysis.reading.cells, []);
  return analysis.reading.findings.map((f) => ({ rule: f.rule, severity: f.severity }));
}

describe('blank reports from report new', () => {
  for (const format of ['xlsx', 'docx', 'html'] as const) {
    test(`a blank ${format} report reads back with only CELL-BLANK notices`, async () => {
      const findings = await findingsOf(format);
      assert.ok(findings.length > 0, 'a blank report has blank cells to report');
      assert.deepEqual(
        findings.filter((f) => f.rule !== 'CELL-BLANK' || f.severity !== 'notice'),
        [],
      );
    });
  }
});
