// Acceptance: the five seeds through the whole pipeline (reader + every rule) give exactly the findings
// of validation-rules.md §5, in the engine's order (table/row/column of the first cell, then cell-less
// findings by rule number, then in the order the rules emitted them).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { readReport } from '../read/read-report.ts';

const SEED_DIR = new URL('../../../../test/fixtures/seeds/', import.meta.url);
const read = (file: string) => readReport({ blocks: [{ kind: 'text', text: readFileSync(new URL(file, SEED_DIR), 'utf8') }] }, file);

const BLANK = (table: string, n: number) => `表${table}有${n}个单元格为空（空白不按0计算，相关勾稽检查已跳过）`;
const SOCIAL = '“社会组织”与格式规定的“社会公益组织”不一致';

const EXPECTED: Record<string, readonly (readonly [string, string, number])[]> = {
  '000_fa62d5864337d3a6.txt': [
    ['CELL-BLANK', BLANK('二', 4), 4],
    ['CELL-BLANK', BLANK('三', 169), 169],
    ['CELL-BLANK', BLANK('四', 15), 15],
    ['NARR-SUM-PARTIAL', '“2023年，我局网站主动公开信息657条，其中2…”：总数657条，分项合计514条（55+459）', 0],
  ],
  '001_90c37852d1e90522.txt': [
    ['LABEL-VARIANT', '“本年度止件数”与格式规定的“本年废止件数”不一致', 2],
    ['LABEL-VARIANT', SOCIAL, 25],
  ],
  '002_a69ef41056118676.txt': [
    ['META-IDENTITY', '未能从标题或落款识别报告机关', 0],
    ['META-IDENTITY', '报告年度由正文推断为2023年', 0],
    ['NARR-SUM', '“2023年,我局共发布各类福利救助表格77条,其…”：总数77条，分项合计88条（4+7×12）', 0],
  ],
  '003_d3cf8b1128643171.txt': [
    ['LABEL-VARIANT', '“本年新制发件数”与格式规定的“本年制发件数”不一致', 2],
    ['LABEL-VARIANT', '“规范性文件”与格式规定的“行政规范性文件”不一致', 3],
    ['LABEL-VARIANT', '“半年收费金额（单位：万元）”与格式规定的“本年收费金额（单位：万元）”不一致', 1],
    ['READ-ROW-SHAPE', '表三“一、本年新收政府信息公开申请数量”行有8个数值单元格，多于7列，已按最右侧7个读取', 7],
    ['LABEL-VARIANT', SOCIAL, 25],
    ['READ-ROW-SHAPE', '表三“二、上年结转政府信息公开申请数量”行有8个数值单元格，多于7列，已按最右侧7个读取', 7],
    ['LABEL-VARIANT', '“2. 其他法律法规禁止公开”与格式规定的“2.其他法律行政法规禁止公开”不一致', 7],
  ],
  '004_b8b917888f6bbb4a.txt': [
    ['CELL-BLANK', BLANK('三', 135), 135],
    ['STRUCT-HEADING', '标题“总体情况”与格式规定的“一、总体情况”不一致', 0],
    ['STRUCT-HEADING', '标题“五、存在的主要问题及改进情况”与格式规定的“五、政府信息公开工作存在的主要问题及改进情况”不一致', 0],
    ['NARR-SUM', '“我局全年累计主动公开与更新政府信息423条，其中…”：总数423条，分项合计107条（2+3+3+9+0+3+66+5+16）', 0],
    ['NARR-SUM', '“门户网站全年共发布信息1151条，其中，日常动态…”：总数1151条，分项合计1008条（109+6+93+800）', 0],
  ],
};

describe('the five seeds end to end (validation-rules.md §5)', () => {
  for (const [file, expected] of Object.entries(EXPECTED)) {
    test(`${file.slice(0, 3)}: exactly the §5 findings, none of them an error`, () => {
      const { reading, evaluations } = read(file);
      assert.deepEqual(
        reading.findings.map((f) => [f.rule, f.message, f.cells.length]),
        expected,
      );
      assert.ok(!reading.findings.some((f) => f.severity === 'error'));
      assert.equal(evaluations.filter((e) => e.status === 'fail').length, expected.length);
    });
  }
});
