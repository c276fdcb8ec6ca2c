import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { readReportFile } from '#adapters/documents/read-report-file.ts';
import { DEFAULT_VALIDATION_SETTINGS } from '#core/reports/validate/rule.ts';
import { makeTempDir } from '#test/temp-dir.ts';
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
    const dir = await makeTempDir('gongkai-audit-');
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

  test('streams results in input order as they become final: a slow file holds back only the files after it', async () => {
    const dir = await makeTempDir('gongkai-audit-');
    // Files without agency or year: final as soon as read (nothing to pair them with).
    const paths: string[] = [];
    for (let i = 0; i < 8; i++) {
      const path = join(dir, `n${i}.txt`);
      await writeFile(path, `第${i}份：这不是年度报告\n`);
      paths.push(path);
    }
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const emitted: number[] = [];
    const reader: ReportReaderPort = {
      async read(path) {
        if (path === paths[5]) {
          await gate; // file 5 is slow
        }
        return readReportFile(path, DEFAULT_VALIDATION_SETTINGS);
      },
    };
    const done = auditReports(paths, {
      reader,
      settings: DEFAULT_VALIDATION_SETTINGS,
      concurrency: 3,
      onResult: (analysis, index) => {
        assert.equal(analysis.reading.source, paths[index]);
        emitted.push(index);
        if (index === 4) {
          release(); // files 0–4 came out while file 5 was still being read
        }
      },
    });
    const result = await done;
    assert.deepEqual(emitted, [0, 1, 2, 3, 4, 5, 6, 7]);
    assert.deepEqual(result.analyses, []); // streamed, not kept
    assert.equal(result.summary.length, 8);
  });

  test('a report waits for its previous year read after it (within LOOKAHEAD) and is compared with it, as in a whole batch', async () => {
    const seed = await readFile(new URL('../../test/fixtures/seeds/001_90c37852d1e90522.txt', import.meta.url), 'utf8');
    const year = Number(/(20\d\d)年/u.exec(seed)?.[1]);
    const dir = await makeTempDir('gongkai-audit-');
    const later = join(dir, 'a-later.txt');
    const earlier = join(dir, 'b-earlier.txt');
    await writeFile(later, seed.replaceAll(String(year), String(year + 1)));
    await writeFile(earlier, seed);
    const { reader } = countingReader();
    const streamed: string[][] = [];
    await auditReports([later, earlier], {
      reader,
      settings: DEFAULT_VALIDATION_SETTINGS,
      onResult: (analysis) => {
        streamed.push(analysis.reading.findings.map((f) => f.rule));
      },
    });
    const whole = await auditReports([later, earlier], { reader, settings: DEFAULT_VALIDATION_SETTINGS });
    assert.deepEqual(
      streamed,
      whole.analyses.map((a) => a.reading.findings.map((f) => f.rule)),
    );
    assert.ok(streamed[0]?.some((rule) => rule === 'T3-CARRY' || rule === 'T2-CONTINUITY') ?? false, String(streamed[0]));
  });
});
