// NARR-BALANCE (docs/validation-rules-added.md, rule 55): the narrative's own application figures balance as table 三's.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildFacts, type CellInput } from '#test/factories/report-facts.ts';
import { readDocumentText } from '../read/read-document-text.ts';
import { checkNarrativeBalance, statedBalance } from './narrative-balance.ts';
import { DEFAULT_VALIDATION_SETTINGS } from './rule.ts';

/** Findings and statuses of NARR-BALANCE on a report of `year` whose section 一 holds `line`, with table 三 `cells`. */
function run(line: string, year: number, cells: Readonly<Record<string, CellInput>> = {}) {
  const text = readDocumentText([`某区人民政府${year}年政府信息公开工作年度报告`, '一、总体情况', line], 'unknown');
  const evaluations = checkNarrativeBalance({
    report: buildFacts({ template: 'unknown', year, cells, text }),
    settings: DEFAULT_VALIDATION_SETTINGS,
  });
  return {
    statuses: evaluations.map((e) => e.status),
    findings: evaluations.flatMap((e) => (e.finding ? [[e.finding.rule, e.finding.severity, e.finding.message]] : [])),
  };
}

describe('NARR-BALANCE (55)', () => {
  test('received + carried in ≠ answered + carried over in one statement is a warning (probeJ3 030: 8 + 783 = 791, 788 + 2 = 790)', () => {
    const line =
      '在依申请公开办理工作中,除去上年结转的8件政府信息公开申请,今年线上、线下共收到依申请公开783件,全年共办结788件,结转下年继续办理2件。';
    assert.deepEqual(run(line, 2022).findings, [
      [
        'NARR-BALANCE',
        'warning',
        '正文“在依申请公开办理工作中,除去上年结转的8件政府信…”：收到申请783件加上年结转8件（791件）不等于办结（答复）788件加结转下年度2件（790件）',
      ],
    ]);
  });

  test('carried-in applications counted in the received are not added again (probeJ3 011: 2076 ≠ 2062 + 81)', () => {
    const line =
      '2023年,全区各行政机关共收到政府信息公开申请2076件(含2022年结转67件),申请内容主要涉及国有土地上房屋征收、规划用地、房屋管理等方面,申请数量比去年明显增长,上升46.61%;作出答复2062件,结转至下一年再行办理81件。';
    assert.deepEqual(run(line, 2023).findings, [
      [
        'NARR-BALANCE',
        'warning',
        '正文“2023年,全区各行政机关共收到政府信息公开申请…”：收到申请2076件（含上年结转67件）不等于办结（答复）2062件加结转下年度81件（2143件）',
      ],
    ]);
    assert.deepEqual(statedBalance('共收到政府信息公开申请10件(含上年结转2件),办结9件,结转下年度1件', 2023), {
      received: 10,
      carriedIn: 2,
      included: true,
      answered: 9,
      carriedOut: 1,
    });
  });

  test('statements that balance pass (probeJ3 015, 024, 025, 029): carried in and over named by words or by years', () => {
    const balanced = [
      { year: 2024, line: '全年接收政府信息公开申请1554件,2023年结转132件;全年办理1503件,结转2025年183件。' },
      {
        year: 2023,
        line: '在依申请公开方面,除上年度结转的1件政府信息公开申请,共收到依申请公开124件,其中,全年共办理依申请公开122件,结转下年度继续办理3件。',
      },
      {
        year: 2023,
        line: '在依申请公开办理工作中,除去上年结转的2件政府信息公开申请,全年线上、线下共收到依申请公开821件,办结814件,结转下年继续办理9件。',
      },
      {
        year: 2024,
        line: '在依申请公开办理工作中,除去上年结转的9件政府信息公开申请,全年线上、线下共收到依申请公开809件,办结802件,结转下年继续办理16件。',
      },
      // carried in counted among the answered (`答复3050件（含上年度结转申请34件…）`, corpus g011): 3119 + 34 = 3050 + 103
      { year: 2023, line: '全市共受理政府信息公开申请3119件，答复3050件（含上年度结转申请34件，另有103件顺延到下年度答复）。' },
    ];
    for (const { year, line } of balanced) {
      assert.deepEqual(run(line, year).statuses, ['pass'], line);
    }
  });

  test('not read: a figure missing or one more, a part answered one way, other business, an approximate count', () => {
    for (const line of [
      '全年共收到政府信息公开申请50件,办结48件,结转下年度2件。',
      '2024年共受理信息公开申请50件,其中结转2023年3件,2024年申请47件,正在办理6件,申请人主动撤销件6件,其余38件全部按时答复。',
      '收到政府信息公开申请50件,上年结转2件,按时答复48件,结转下年度3件。',
      '收到政府信息公开申请50件,上年结转2件,办结48件,结转下年度3件,引发行政复议1件。',
      '收到政府信息公开申请50余件,上年结转2件,办结48件,结转下年度3件。',
      '受理并办结政府信息公开申请50件,上年结转2件,答复48件,结转下年度3件。',
    ]) {
      assert.deepEqual(run(line, 2024).statuses, [], line);
    }
  });

  test('table 三 giving all four totals checks them (rules 17, 25, 51, 52): no evaluation here', () => {
    const line = '除去上年结转的8件政府信息公开申请,共收到依申请公开783件,全年共办结788件,结转下年继续办理2件。';
    const cells = { 'received.total': 783, 'carried_in.total': 8, 'outcome.total.total': 788, 'carried_out.total': 2 };
    assert.deepEqual(run(line, 2022, cells).statuses, []);
    // with one of them absent the statement is read
    const { 'carried_out.total': _, ...three } = cells;
    assert.deepEqual(run(line, 2022, three).statuses, ['fail']);
  });
});
