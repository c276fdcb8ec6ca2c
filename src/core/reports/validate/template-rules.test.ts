import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildFacts, SEED_FACTS } from '#test/factories/report-facts.ts';
import type { ReportFacts } from './rule.ts';
import { DEFAULT_VALIDATION_SETTINGS } from './rule.ts';
import { checkTemplateMixed } from './template-rules.ts';

const run = (report: ReportFacts) => checkTemplateMixed({ report, settings: DEFAULT_VALIDATION_SETTINGS });

describe('TPL-MIXED (rule 12): columns or rows of both templates in one report', () => {
  test('a mixed report gets a warning naming markers of each template', () => {
    const report = buildFacts({
      template: 'mixed',
      cells: {
        'rules.new_made': 1,
        'rules.new_published': 1,
        'procurement.procurement_amount': 5,
        'normative_documents.in_force': 3,
        'outcome.other.fee_unpaid.total': 0,
      },
    });
    assert.deepEqual(
      run(report).map((e) => e.finding),
      [
        {
          rule: 'TPL-MIXED',
          severity: 'warning',
          message:
            '表格同时含有2019年格式和2021年格式的栏目（2019年格式“本年新制作数量”“本年新公开数量”，2021年格式“现行有效件数”“（六）其他处理的分项”）',
          cells: [],
        },
      ],
    );
  });

  test('a mixed report without cells of a template names the labels the reader found (a text cut in table 二`s header)', () => {
    const report = {
      ...buildFacts({ template: 'mixed', cells: {} }),
      templateLabels: { '2019': ['本年新制作数量'], '2021': ['本年废止件数', '现行有效件数', '本年废止件数'] },
    };
    assert.deepEqual(
      run(report).map((e) => e.finding?.message),
      ['表格同时含有2019年格式和2021年格式的栏目（2019年格式“本年新制作数量”，2021年格式“本年废止件数”“现行有效件数”）'],
    );
  });

  test('a report in one template passes', () => {
    assert.deepEqual([run(SEED_FACTS['004']())[0]?.status, run(SEED_FACTS['001']())[0]?.status], ['pass', 'pass']);
  });
});
