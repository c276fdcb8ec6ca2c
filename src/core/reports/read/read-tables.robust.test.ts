// The reader never throws, never hangs and never invents a cell, whatever the text (annual-report.md §6:
// "It never throws: what it cannot read becomes a finding").

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TEMPLATES } from '../template.ts';
import { readTables } from './read-tables.ts';

const SEED_DIR = new URL('../../../../test/fixtures/seeds/', import.meta.url);
const SEEDS = readdirSync(SEED_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(new URL(f, SEED_DIR), 'utf8'));
const KNOWN_IDS = new Set([...TEMPLATES['2021'].cells, ...TEMPLATES['2019'].cells].map((c) => c.id));
const GROUP_IDS =
  /^outcome\.(withheld|unavailable|not_processed|other)\.(natural_person|commercial_enterprise|research_institution|public_interest_org|legal_service_org|other_org|total)$/;

function assertWellFormed(text: string): void {
  const reading = readTables({ blocks: [{ kind: 'text', text }] });
  const seen = new Set<string>();
  for (const cell of reading.cells) {
    assert.ok(KNOWN_IDS.has(cell.id) || GROUP_IDS.test(cell.id), cell.id);
    assert.ok(!seen.has(cell.id), `duplicate ${cell.id}`);
    seen.add(cell.id);
    // Missing is not zero: every emitted cell has text.
    assert.notEqual(cell.raw.trim(), '');
    assert.ok(cell.value === null || Number.isFinite(cell.value));
  }
  for (const f of reading.findings) {
    assert.ok(['READ-ROW-SHAPE', 'READ-UNKNOWN-ROW', 'LABEL-VARIANT', 'READ-TRUNCATED'].includes(f.rule));
  }
}

describe('robustness', () => {
  it('reads any string without throwing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        assertWellFormed(text);
      }),
      { numRuns: 300 },
    );
  });

  it('reads seeds with lines dropped, duplicated or replaced by junk without throwing or inventing cells', () => {
    const junk = fc.constantFrom(
      '',
      '\t',
      ' | | ',
      '第 3 页 共 8 页',
      '[bookmark: _GoBack]',
      '------',
      '0 0 0',
      '\u3000',
      '规章',
      '（三）不予公开',
      '|---|',
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: SEEDS.length - 1 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 2 }), junk), { maxLength: 20 }),
        (seed, edits) => {
          const lines = SEEDS[seed]!.split('\n');
          for (const [at, kind, line] of edits) {
            const i = at % lines.length;
            if (kind === 0) {
              lines.splice(i, 1);
            } else if (kind === 1) {
              lines.splice(i, 0, lines[i]!);
            } else {
              lines[i] = line;
            }
          }
          assertWellFormed(lines.join('\n'));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reads a seed cut at any character and flags a cut inside a table', () => {
    const text = SEEDS[1]!;
    const body = text.indexOf('一、本年新收');
    for (let at = 0; at <= text.length; at += 97) {
      assertWellFormed(text.slice(0, at));
    }
    const cut = readTables({ blocks: [{ kind: 'text', text: text.slice(0, text.indexOf('\n', body + 200)) }] });
    assert.equal(cut.truncatedIn, '三');
    assert.ok(cut.findings.some((f) => f.rule === 'READ-TRUNCATED'));
  });

  // A hang guard, not a benchmark: only a super-linear blow-up (minutes) hits the timeout.
  it('reads large and pathological inputs to the end', { timeout: 60_000 }, () => {
    const inputs = [
      SEEDS.join('\n').repeat(60),
      `二、主动公开政府信息情况\n${'|'.repeat(500_000)}`,
      `二、主动公开政府信息情况\n${'\t0\n'.repeat(100_000)}`,
      `三、收到和处理政府信息公开申请情况\n${'1 '.repeat(300_000)}`,
      `二、主动公开政府信息情况\n${'('.repeat(100_000)}规章`,
      `二、主动公开政府信息情况\n${'规章\n'.repeat(100_000)}`,
    ];
    for (const input of inputs) {
      assert.equal(typeof readTables({ blocks: [{ kind: 'text', text: input }] }).template, 'string');
    }
  });
});
