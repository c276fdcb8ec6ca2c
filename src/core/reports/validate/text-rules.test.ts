// The text rules on the five seeds: exactly the text findings of validation-rules.md §5 (META-IDENTITY,
// STRUCT-HEADING, NARR-SUM, NARR-SUM-PARTIAL, with their messages), and nothing else from the text.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { arbitraryValidReport } from '#test/factories/arbitrary-report.ts';
import { buildFacts, SEED_FACTS, SEED_FILES } from '#test/factories/report-facts.ts';
import { readDocumentText } from '../read/read-document-text.ts';
import { readTables } from '../read/read-tables.ts';
import { renderMarkdown } from '../render/render-markdown.ts';
import { renderTab } from '../render/render-tab.ts';
import type { RuleEvaluation } from '../report-model.ts';
import { DEFAULT_VALIDATION_SETTINGS, type ReportFacts, toReportFacts } from './rule.ts';
import { TEXT_RULES } from './text-rules.ts';

const SEED_DIR = new URL('../../../../test/fixtures/seeds/', import.meta.url);
type Seed = keyof typeof SEED_FILES;

// The seeds' tables are tab- or pipe-separated: without those lines the rest is the narrative.
const seedNarrativeLines = (seed: Seed) =>
  readFileSync(new URL(SEED_FILES[seed], SEED_DIR), 'utf8')
    .split(/\r?\n/)
    .filter((line) => !line.includes('\t') && !line.includes('|'));

/** Seed facts as transcribed (cells), with the document text read from the seed itself. */
function seedFacts(seed: Seed): ReportFacts {
  const facts = SEED_FACTS[seed]();
  const text = readDocumentText(seedNarrativeLines(seed), facts.template);
  return { ...facts, text, agency: text.agency, year: text.year };
}

function evaluate(report: ReportFacts): RuleEvaluation[] {
  return TEXT_RULES.flatMap((check) => check({ report, settings: DEFAULT_VALIDATION_SETTINGS }));
}

function textFindings(seed: Seed): string[] {
  const report = seedFacts(seed);
  return [...report.text.findings, ...evaluate(report).flatMap((e) => (e.finding === undefined ? [] : [e.finding]))].map(
    (f) => `${f.severity} ${f.rule} ${f.message} [${f.cells.join(',')}]`,
  );
}

describe('text findings of the seeds (validation-rules.md §5)', () => {
  test('000 黄石市民政局 2023: one NARR-SUM-PARTIAL notice, the list without a catch-all', () => {
    assert.deepEqual(textFindings('000'), [
      'notice NARR-SUM-PARTIAL “2023年，我局网站主动公开信息657条，其中2…”：总数657条，分项合计514条（55+459） []',
    ]);
  });

  test('001 卫辉市民政局 2022: no text finding', () => {
    assert.deepEqual(textFindings('001'), []);
  });

  test('002 untitled 2023: no agency, year from the body, and the distributive 各12条 sum exceeds its total', () => {
    assert.deepEqual(textFindings('002'), [
      'notice META-IDENTITY 未能从标题或落款识别报告机关 []',
      'notice META-IDENTITY 报告年度由正文推断为2023年 []',
      'warning NARR-SUM “2023年,我局共发布各类福利救助表格77条,其…”：总数77条，分项合计88条（4+7×12） []',
    ]);
  });

  test('003 攀枝花市东区民政局 2023: no text finding', () => {
    assert.deepEqual(textFindings('003'), []);
  });

  test('004 嘉兴市民政局 2020: two STRUCT-HEADING notices and two NARR-SUM warnings', () => {
    assert.deepEqual(textFindings('004'), [
      'notice STRUCT-HEADING 标题“总体情况”与格式规定的“一、总体情况”不一致 []',
      'notice STRUCT-HEADING 标题“五、存在的主要问题及改进情况”与格式规定的“五、政府信息公开工作存在的主要问题及改进情况”不一致 []',
      'warning NARR-SUM “我局全年累计主动公开与更新政府信息423条，其中…”：总数423条，分项合计107条（2+3+3+9+0+3+66+5+16） []',
      'warning NARR-SUM “门户网站全年共发布信息1151条，其中，日常动态…”：总数1151条，分项合计1008条（109+6+93+800） []',
    ]);
  });
});

describe('the checks that pass on the seeds are evaluated, not skipped (§5 "checks that pass")', () => {
  const passed = (seed: Seed, rule: string) =>
    evaluate(seedFacts(seed))
      .filter((e) => e.rule === rule && e.status === 'pass')
      .map((e) => [e.left, e.right]);

  test('000: 收到申请9件 = 9; 规章0件, 行政规范性文件1件, 行政许可93件, 行政处罚0件 = table 二', () => {
    assert.deepEqual(passed('000', 'NARR-T3-RECEIVED'), [[9, 9]]);
    assert.deepEqual(passed('000', 'NARR-T2'), [
      [0, 0],
      [1, 1],
      [93, 93],
      [0, 0],
    ]);
  });

  test('000: 无…行政复议、…行政诉讼 with table 四 blank is not assessable, never read as 0', () => {
    const appeals = evaluate(seedFacts('000')).filter((e) => e.rule === 'NARR-T4');
    assert.ok(appeals.length > 0);
    assert.ok(appeals.every((e) => e.status === 'not_assessable' && e.missing?.length === 1));
  });

  test('002 and 003: the zero claims 未收到 / 未接收 政府信息公开申请 = 0', () => {
    assert.deepEqual(passed('002', 'NARR-T3-RECEIVED'), [[0, 0]]);
    assert.deepEqual(passed('003', 'NARR-T3-RECEIVED'), [[0, 0]]);
  });

  test('004: 受理申请1件 and 共收到1件 = 1, no appeals = table 四 0, 423 = 2+…+316 and 6 = 4+2', () => {
    assert.deepEqual(passed('004', 'NARR-T3-RECEIVED'), [
      [1, 1],
      [1, 1],
    ]);
    assert.deepEqual(passed('004', 'NARR-T4'), [
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
    assert.deepEqual(passed('004', 'NARR-SUM'), [
      [423, 423],
      [6, 6],
    ]);
  });

  test('000 signed 2024-01-19 and 003 signed 2024-01-08 are within the 1月31日 deadline; 000’s period is 2023', () => {
    assert.deepEqual(passed('000', 'META-LATE'), [['2024-01-19', '2024-01-31']]);
    assert.deepEqual(passed('003', 'META-LATE'), [['2024-01-08', '2024-01-31']]);
    assert.equal(passed('000', 'META-PERIOD').length, 1);
  });

  test('every evaluation has a fingerprint, and a failure carries its finding', () => {
    for (const seed of Object.keys(SEED_FILES) as Seed[]) {
      for (const e of evaluate(seedFacts(seed))) {
        assert.match(e.fingerprint, /^[0-9a-f]{16}$/);
        assert.equal(e.status === 'fail', e.finding !== undefined, `${seed} ${e.rule}`);
      }
    }
  });

  test('re-running on the same seed gives the same fingerprints, all distinct', () => {
    const first = evaluate(seedFacts('004')).map((e) => e.fingerprint);
    const second = evaluate(seedFacts('004')).map((e) => e.fingerprint);
    assert.deepEqual(first, second);
    assert.equal(new Set(first).size, first.length);
  });
});

describe('robustness: any text, any size', () => {
  // Words the rules look for, so random text often comes close to a pattern.
  const WORDS = [
    '收到',
    '申请',
    '公开',
    '其中',
    '共',
    '各',
    '件',
    '条',
    '个',
    '元',
    '万元',
    '处理费',
    '行政复议',
    '行政诉讼',
    '无',
    '未',
    '占',
    '%',
    '由',
    '等',
    '部分',
    '栏目',
    '：',
    '、',
    '，',
    '。',
    '；',
    '年',
    '月',
    '日',
    '一、总体情况',
    '2023',
    '12',
    '0',
    '0.5',
    '二〇二四',
    '十',
    ' ',
  ];
  const line = fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 3 })), { maxLength: 40 }).map((parts) => parts.join(''));

  test('never throws; every failure has a finding and every evaluation a fingerprint', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.constantFrom('2021', '2019', 'mixed', 'unknown'), (lines, template) => {
        const text = readDocumentText(lines, template);
        const report = buildFacts({ template, year: text.year, text, cells: { 'received.total': 1, 'review.total': 0 } });
        for (const e of evaluate(report)) {
          assert.equal(e.status === 'fail', e.finding !== undefined);
          assert.match(e.fingerprint, /^[0-9a-f]{16}$/);
        }
        for (const value of text.narrative) {
          assert.ok(Number.isFinite(value.value) && value.value >= 0);
          assert.ok(
            lines.some((l) => l.includes(value.text)),
            value.text,
          );
        }
      }),
      { numRuns: 300 },
    );
  });

  // Catastrophic backtracking would take minutes: the timeout catches it without a timed assertion.
  test('10 MB of random CJK text mixed with the rules’ own words goes through reader and rules', { timeout: 60_000 }, () => {
    let state = 7;
    const next = () => {
      state = (state * 1103515245 + 12345) & 0x7fffffff;
      return state;
    };
    const lines = ['一、总体情况'];
    for (let l = 0; l < 20; l++) {
      const parts: string[] = [];
      for (let i = 0; i < 200_000; i++) {
        const r = next();
        parts.push(r % 4 === 0 ? WORDS[r % WORDS.length]! : String.fromCharCode(0x4e00 + (r % 0x5000)));
      }
      lines.push(parts.join('').slice(0, 500_000));
    }
    const text = readDocumentText(lines, '2021');
    const evaluations = evaluate(buildFacts({ text, cells: { 'received.total': 1, 'carried_in.total': 0 } }));
    assert.ok(evaluations.every((e) => e.fingerprint.length === 16));
  });

  test('long runs of a pattern’s own prefix (`收到`, `共3个栏目：`, digits) stay linear', { timeout: 30_000 }, () => {
    const lines = [
      '一、总体情况',
      '收到'.repeat(200_000),
      '共3个栏目：'.repeat(50_000),
      `共1条，其中${'9'.repeat(300_000)}条`,
      '由、'.repeat(100_000),
    ];
    const text = readDocumentText(lines, '2021');
    assert.ok(Array.isArray(evaluate(buildFacts({ text }))));
  });
});

describe('rendered reports read back through the text reader and pass the text rules', () => {
  for (const [name, render] of [
    ['tab', renderTab],
    ['Markdown', renderMarkdown],
  ] as const) {
    test(`${name} layout: agency, year, period, signature and section text come back; no text finding`, () => {
      fc.assert(
        fc.property(arbitraryValidReport({ narrative: true }), (doc) => {
          const tables = readTables({ blocks: [{ kind: 'text', text: render(doc) }] });
          const text = readDocumentText(tables.narrativeLines, tables.template, { truncatedIn: tables.truncatedIn });
          assert.deepEqual([text.agency, text.year, text.yearSource], [doc.agency, doc.year, 'title']);
          assert.deepEqual([text.period?.from.iso, text.period?.to.iso], [`${doc.year}-01-01`, `${doc.year}-12-31`]);
          assert.equal(text.signature?.date.iso, doc.signature?.date);
          assert.deepEqual(text.sections.find((s) => s.id === 'overview')?.lines, doc.sections.overview);
          assert.deepEqual(text.findings, []);
          const failures = evaluate(toReportFacts(tables, text)).flatMap((e) => (e.finding === undefined ? [] : [e.finding.message]));
          assert.deepEqual(failures, []);
        }),
        { numRuns: 25 },
      );
    });
  }
});
