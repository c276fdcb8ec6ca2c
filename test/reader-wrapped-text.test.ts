// The reader on fixed-width text (issue #9: the corpus's g011–g013 are `pdftotext -layout` texts, their
// paragraphs wrapped at ~28 characters a line): every corpus report whose narrative, hard-wrapped the same
// way, looks wrapped must give the narrative figures and NARR-* findings of the report itself
// (src/core/reports/read/unwrap-lines.ts joins the paragraphs back).

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadSource } from '#adapters/documents/load-source.ts';
import { readReport } from '#core/reports/read/read-report.ts';
import { readTables } from '#core/reports/read/read-tables.ts';
import { wrapWidth } from '#core/reports/read/unwrap-lines.ts';

const CORPUS = fileURLToPath(new URL('./fixtures/corpus/reports/', import.meta.url));
// The run-together pages (g004–g010) have no line structure to wrap; g011–g013 are wrapped already.
const FILES = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.txt') && !f.startsWith('g0'))
  .sort();
// A table row of any layout: pipes, tabs, or columns set apart by runs of spaces.
const TABLE_LINE = /[|｜\t]|\S {2,}\S.* {2,}\S/;

/**
 * Every narrative line longer than `width` characters cut into lines of `width` (as a typesetter wraps
 * Chinese text: anywhere but next to a space, which a wrap would drop); table lines stay.
 */
function hardWrap(text: string, width: number): string {
  return text
    .split('\n')
    .flatMap((line) => {
      if (line.length <= width || TABLE_LINE.test(line)) {
        return [line];
      }
      const pieces: string[] = [];
      let rest = line;
      while (rest.length > width) {
        let cut = width;
        while (cut > 1 && (rest[cut - 1] === ' ' || rest[cut] === ' ')) {
          cut--;
        }
        pieces.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      return [...pieces, rest];
    })
    .join('\n');
}

/** What the narrative gives: its figures and the findings of the rules that read it (NARR-*). */
async function narrativeOf(text: string, name: string) {
  const loaded = await loadSource(new TextEncoder().encode(text), name);
  assert.ok(loaded.ok);
  const { reading } = readReport(loaded.document, name);
  return {
    // the narrative lines as the reader finds them, before it joins any (readDocumentText)
    wrapped: wrapWidth(readTables(loaded.document).narrativeLines) !== undefined,
    figures: reading.narrative.map((n) => n.value),
    findings: reading.findings.filter((f) => f.rule.startsWith('NARR-')).map((f) => `${f.rule} ${f.message}`),
  };
}

describe('the reader on the corpus reports hard-wrapped as fixed-width text', () => {
  for (const width of [28, 36]) {
    it(`reads every report wrapped at ${width} characters as the report itself`, async () => {
      let wrapped = 0;
      const differences: string[] = [];
      for (const file of FILES) {
        const text = readFileSync(join(CORPUS, file), 'utf8');
        const original = await narrativeOf(text, file);
        const read = await narrativeOf(hardWrap(text, width), file);
        // Only a narrative that looks wrapped is joined back (a page of one cell per line with a few long
        // paragraphs does not); the wrap may move a title or signature, which is not this test's subject.
        if (!read.wrapped || original.figures.length === 0) {
          continue;
        }
        wrapped++;
        for (const key of ['figures', 'findings'] as const) {
          if (JSON.stringify(read[key]) !== JSON.stringify(original[key])) {
            differences.push(`${file} ${key}: ${JSON.stringify(original[key]).slice(0, 200)} → ${JSON.stringify(read[key]).slice(0, 200)}`);
          }
        }
      }
      assert.ok(wrapped >= 10, `only ${wrapped} reports look wrapped`);
      assert.deepEqual(differences.slice(0, 5), [], `${differences.length} differences in ${wrapped} reports`);
    });
  }
});
