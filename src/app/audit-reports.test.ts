import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { readReportFile } from '#adapters/documents/read-report-file.ts';
import { DEFAULT_VALIDATION_SETTINGS } from '#core/reports/validate/rule.ts';
import { auditReports, type ReportReaderPort } from './audit-reports.ts';

/** The real file reader, counting how many reads are in flight at once. */
function countingReader(): { reader: ReportReaderPort; peak: () => number } {
  let inFlight = 0;
  let peak = 0;
  return {
    reader: {
      async read(path) {
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        try {
          return await readReportFile(path, DEFAULT_VALIDATION_SETTINGS);
        } finally {
          inFlight -= 1;
        }
      },
    },
    peak: () => peak,
  };
}

describe('auditReports', () => {
  test('reads a large batch a few files at a time, keeping input order and reporting progress for each', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gongkai-audit-'));
    const paths: string[] = [];
    for (let i = 0; i < 60; i++) {
      const path = join(dir, `r${String(59 - i).padStart(2, '0')}.txt`);
      await writeFile(path, i % 7 === 0 ? '' : `${2000 + i}年政府信息公开工作年度报告\n一、总体情况\n`);
      paths.push(path);
    }
    const { reader, peak } = countingReader();
    const progress: number[] = [];
    const result = await auditReports(paths, {
      reader,
      settings: DEFAULT_VALIDATION_SETTINGS,
      concurrency: 5,
      onProgress: (done, total) => {
        assert.equal(total, 60);
        progress.push(done);
      },
    });
    assert.equal(peak(), 5);
    assert.deepEqual(
      result.analyses.map((a) => a.reading.source),
      paths,
    );
    assert.deepEqual(
      result.analyses.map((a) => a.reading.year),
      paths.map((_, i) => (i % 7 === 0 ? null : 2000 + i)),
    );
    assert.deepEqual(
      progress,
      paths.map((_, i) => i + 1),
    );
    assert.equal(result.exitCode, 2);
  });

  test('an empty batch reads nothing and exits 0', async () => {
    const { reader, peak } = countingReader();
    const result = await auditReports([], { reader, settings: DEFAULT_VALIDATION_SETTINGS });
    assert.deepEqual([result.analyses, result.summary, result.exitCode, peak()], [[], [], 0, 0]);
  });
});
