import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { allCells, buildFacts, type CellInput, SEED_FACTS } from '#test/factories/report-facts.ts';
import { type Finding, finding, type RuleId } from '../report-model.ts';
import { APPLICANT_COLUMN_IDS, T3_COLUMN_IDS, T3_GROUPS, TEMPLATE_2021 } from '../template.ts';
import { sortFindings, TABLE_RULES, validateReport } from './validate-report.ts';

/** The rules this engine owns (validation-rules.md 12, 14–24, 31, 32); text rules are tested with text-rules.ts. */
const TABLE_RULE_IDS: readonly RuleId[] = [
  'TPL-MIXED',
  'CELL-BLANK',
  'CELL-TEXT',
  'CELL-VALUE',
  'T3-BALANCE',
  'T3-ROW-TOTAL',
  'T3-OUTCOME-TOTAL',
  'T3-GROUP-SUM',
  'T4-SUM',
  'T2-IN-FORCE-FLOOR',
  'T3-CARRY',
  'T2-CONTINUITY',
  'T2-2019-CUMULATIVE',
  'CELL-SIGN',
];
const tableFindings = (findings: readonly Finding[]) =>
  findings.filter((f) => TABLE_RULE_IDS.includes(f.rule)).map(({ rule, severity, message, cells }) => ({ rule, severity, message, cells }));

describe('the five seeds: table findings of validation-rules.md §5', () => {
  test('000: three CELL-BLANK notices (4 / 169 / 15) and no arithmetic finding — every operand set has a blank', () => {
    const { findings, evaluations } = validateReport({ report: SEED_FACTS['000']() });
    assert.deepEqual(
      tableFindings(findings).map((f) => [f.rule, f.severity, f.message, f.cells.length]),
      [
        ['CELL-BLANK', 'notice', '表二有4个单元格为空（空白不按0计算，相关勾稽检查已跳过）', 4],
        ['CELL-BLANK', 'notice', '表三有169个单元格为空（空白不按0计算，相关勾稽检查已跳过）', 169],
        ['CELL-BLANK', 'notice', '表四有15个单元格为空（空白不按0计算，相关勾稽检查已跳过）', 15],
      ],
    );
    const arithmetic = evaluations.filter((e) => ['T3-BALANCE', 'T3-OUTCOME-TOTAL', 'T4-SUM', 'T2-IN-FORCE-FLOOR'].includes(e.rule));
    assert.ok(arithmetic.length > 0);
    assert.ok(arithmetic.every((e) => e.status === 'not_assessable'));
  });

  for (const seed of ['001', '002', '003'] as const) {
    test(`${seed}: fully read, arithmetic consistent — no table finding`, () => {
      const { findings, evaluations } = validateReport({ report: SEED_FACTS[seed]() });
      assert.deepEqual(tableFindings(findings), []);
      assert.ok(evaluations.some((e) => e.rule === 'T3-BALANCE' && e.status === 'pass'));
      assert.ok(!evaluations.some((e) => e.status === 'not_assessable'));
    });
  }

  test('004 (2019 template): only the CELL-BLANK notice for 135 cells of table 三', () => {
    const { findings, evaluations } = validateReport({ report: SEED_FACTS['004']() });
    assert.deepEqual(
      tableFindings(findings).map((f) => [f.rule, f.message, f.cells.length]),
      [['CELL-BLANK', '表三有135个单元格为空（空白不按0计算，相关勾稽检查已跳过）', 135]],
    );
    const passedOnTotal = evaluations.filter((e) => e.status === 'pass' && e.cells.includes('outcome.total.total')).map((e) => e.rule);
    assert.deepEqual(passedOnTotal.sort(), ['CELL-SIGN', 'CELL-VALUE', 'T3-BALANCE', 'T3-OUTCOME-TOTAL']);
  });

  test('003: the reader findings are kept as failed evaluations and returned with fingerprints', () => {
    const reading = [
      finding(
        'READ-ROW-SHAPE',
        '表三“一、本年新收政府信息公开申请数量”行有8个数值单元格，多于7列，已按最右侧7个读取',
        T3_COLUMN_IDS.map((c) => `received.${c}`),
      ),
      finding('LABEL-VARIANT', '“本年新制发件数”与格式规定的“本年制发件数”不一致', ['rules.issued', 'normative_documents.issued']),
    ];
    const { findings, evaluations } = validateReport({ report: SEED_FACTS['003'](), readingFindings: reading });
    assert.deepEqual(
      findings.filter((f) => f.rule === 'READ-ROW-SHAPE' || f.rule === 'LABEL-VARIANT').map((f) => f.rule),
      ['LABEL-VARIANT', 'READ-ROW-SHAPE'],
    );
    assert.ok(findings.every((f) => /^[0-9a-f]{16}$/.test(f.fingerprint)));
    assert.equal(evaluations.filter((e) => e.rule === 'READ-ROW-SHAPE' && e.status === 'fail').length, 1);
  });
});

describe('synthetic examples of validation-rules.md §4 through the whole engine', () => {
  test('received.natural_person 5 with carried_in.natural_person blank: no arithmetic finding, a CELL-BLANK notice for table 三', () => {
    const cells: Record<string, CellInput> = {
      ...allCells('2021', '二'),
      ...allCells('2021', '三'),
      ...allCells('2021', '四'),
      'received.natural_person': 5,
      'received.total': 5,
      'outcome.disclosed.natural_person': 5,
      'outcome.disclosed.total': 5,
      'outcome.total.natural_person': 5,
      'outcome.total.total': 5,
    };
    delete cells['carried_in.natural_person'];
    const { findings, evaluations } = validateReport({ report: buildFacts({ cells }) });
    assert.deepEqual(
      tableFindings(findings).map((f) => [f.rule, f.message, f.cells]),
      [['CELL-BLANK', '表三有1个单元格为空（空白不按0计算，相关勾稽检查已跳过）', ['carried_in.natural_person']]],
    );
    const column = evaluations.find((e) => e.rule === 'T3-BALANCE' && e.cells.includes('carried_in.natural_person'));
    assert.deepEqual([column?.status, column?.missing], ['not_assessable', ['carried_in.natural_person']]);
  });

  test('the Shanghai 2019 example: blanks for zeros and `251000元` give notices only, no error or warning', () => {
    const report = buildFacts({
      template: '2019',
      year: 2019,
      agency: '上海市人民政府办公厅',
      cells: {
        'procurement.procurement_items': 3,
        'procurement.procurement_amount': '251000元',
        'received.natural_person': 821,
        'received.commercial_enterprise': 38,
        'received.total': 859,
        'carried_in.natural_person': 18,
        'carried_in.total': 18,
        'outcome.disclosed.natural_person': 767,
        'outcome.disclosed.commercial_enterprise': 38,
        'outcome.disclosed.total': 805,
        'outcome.total.natural_person': 767,
        'outcome.total.commercial_enterprise': 38,
        'outcome.total.total': 805,
        'carried_out.natural_person': 72,
        'carried_out.total': 72,
      },
    });
    const { findings, evaluations } = validateReport({ report });
    assert.deepEqual(
      findings.filter((f) => f.severity !== 'notice'),
      [],
    );
    assert.deepEqual([...new Set(tableFindings(findings).map((f) => f.rule))], ['CELL-BLANK', 'CELL-TEXT']);
    assert.ok(findings.some((f) => f.message === '表二有1个单元格不是数字：251000元'));
    const balance = evaluations.filter((e) => e.rule === 'T3-BALANCE' && e.status === 'pass').map((e) => [e.left, e.right]);
    assert.deepEqual(balance, [
      [839, 839],
      [877, 877],
    ]);
  });
});

describe('findings order: table, row, column of the first cell; cell-less last by rule number', () => {
  test('a report with faults in every table lists them in template order', () => {
    const t3 = { ...allCells('2021', '二'), ...allCells('2021', '三'), ...allCells('2021', '四') };
    const report = buildFacts({
      template: 'mixed',
      cells: {
        ...t3,
        'review.total': 1, // T4-SUM
        'carried_out.natural_person': 1, // T3-BALANCE 自然人, T3-ROW-TOTAL 四
        'outcome.withheld.total': 2, // T3-GROUP-SUM 总计 (group row), T3-OUTCOME-TOTAL 总计
        'received.total': 1, // T3-ROW-TOTAL 一, T3-BALANCE 总计
        'rules.new_made': 0,
        'rules.issued': 1,
        'rules.repealed': 0,
        'rules.in_force': 0, // T2-IN-FORCE-FLOOR
      },
    });
    const reading = [finding('META-IDENTITY', '未能识别报告年度')];
    const { findings } = validateReport({ report, readingFindings: reading });
    assert.deepEqual(
      findings.map((f) => [f.rule, f.cells[0] ?? '—']),
      [
        ['T2-IN-FORCE-FLOOR', 'rules.issued'],
        ['T3-BALANCE', 'received.natural_person'],
        ['T3-ROW-TOTAL', 'received.natural_person'],
        ['T3-BALANCE', 'received.total'],
        ['T3-OUTCOME-TOTAL', 'outcome.disclosed.total'],
        ['T3-GROUP-SUM', 'outcome.withheld.total'],
        ['T3-ROW-TOTAL', 'carried_out.natural_person'],
        ['T4-SUM', 'review.upheld'],
        ['META-IDENTITY', '—'],
        ['TPL-MIXED', '—'],
      ],
    );
  });

  test('ties on the first cell go by rule number, then the order the rules emitted them; cell-less by rule number', () => {
    const f = (rule: RuleId, message: string, cells: string[] = []) => finding(rule, message, cells);
    const sorted = sortFindings([
      f('TPL-MIXED', 'b'),
      f('T3-ROW-TOTAL', 'y', ['received.total']),
      f('META-IDENTITY', 'a'),
      f('CELL-TEXT', 'z', ['received.total']),
      f('CELL-TEXT', 'a', ['received.total']),
      f('LABEL-VARIANT', 'v', ['fees.amount_wan']),
    ]);
    assert.deepEqual(
      sorted.map((x) => `${x.rule}:${x.message}`),
      ['LABEL-VARIANT:v', 'CELL-TEXT:z', 'CELL-TEXT:a', 'T3-ROW-TOTAL:y', 'META-IDENTITY:a', 'TPL-MIXED:b'],
    );
  });

  test('a 2019 report orders its own table 二 columns (template of the report)', () => {
    const sorted = sortFindings(
      [finding('CELL-TEXT', 'b', ['procurement.procurement_amount']), finding('CELL-TEXT', 'a', ['licensing.items_change'])],
      '2019',
    );
    assert.deepEqual(
      sorted.map((x) => x.cells[0]),
      ['licensing.items_change', 'procurement.procurement_amount'],
    );
  });
});

describe('validateReport never throws and records every rule', () => {
  test('an empty unknown-template report yields evaluations but no table finding', () => {
    const { findings, evaluations } = validateReport({
      report: buildFacts({ template: 'unknown', year: null, agency: null, tablesFound: [] }),
    });
    assert.deepEqual(tableFindings(findings), []);
    assert.ok(evaluations.length > 0);
  });

  test('the previous year is used only when it pairs (P4)', () => {
    const previous = buildFacts({ year: 2022, cells: { 'carried_out.total': 4 } });
    const report = buildFacts({ year: 2023, cells: { 'carried_in.total': 3 } });
    const paired = validateReport({ report, previous });
    assert.deepEqual(
      paired.findings.filter((f) => f.rule === 'T3-CARRY').map((f) => f.message),
      ['表三“总计”列：上年结转3件，与2022年度报告“四、结转下年度继续办理”4件不一致'],
    );
    assert.equal(validateReport({ report }).evaluations.filter((e) => e.rule === 'T3-CARRY').length, 0);
  });

  test('fingerprints of the same check survive a corrected value', () => {
    const before = validateReport({ report: buildFacts({ cells: { ...allCells('2021', '四'), 'review.total': 1 } }) });
    const after = validateReport({ report: buildFacts({ cells: { ...allCells('2021', '四'), 'review.total': 2 } }) });
    const print = (r: typeof before) => r.evaluations.find((e) => e.rule === 'T4-SUM')?.fingerprint;
    assert.equal(print(before), print(after));
    assert.equal(before.findings.find((f) => f.rule === 'T4-SUM')?.fingerprint, print(before));
  });

  test('every table rule of the catalogue is evaluated', () => {
    const previous = buildFacts({ year: 2022, cells: allCells('2021', '二') });
    const report = buildFacts({
      template: 'mixed',
      cells: {
        ...allCells('2021', '二'),
        ...allCells('2021', '三'),
        ...allCells('2021', '四'),
        'outcome.withheld.total': 0,
        'rules.new_published': 0,
        'rules.published_total': 0,
      },
    });
    const rules = new Set(validateReport({ report, previous }).evaluations.map((e) => e.rule));
    assert.deepEqual(
      TABLE_RULE_IDS.filter((rule) => !rules.has(rule)),
      [],
    );
    assert.equal(TABLE_RULES.length, TABLE_RULE_IDS.length);
  });
});

// ---------------------------------------------------------------- property: consistent reports are clean

const small = fc.nat({ max: 20 });
const applicantRow = fc.tuple(small, small, small, small, small, small);

/** A random 2021-template report whose tables 二, 三, 四 satisfy every arithmetic rule. */
const consistentReport = fc
  .record({
    leaves: fc.array(applicantRow, { minLength: 21, maxLength: 21 }),
    carriedOut: applicantRow,
    carriedIn: applicantRow,
    printGroups: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
    table4: fc.array(fc.tuple(small, small, small, small), { minLength: 3, maxLength: 3 }),
    stock: fc.array(fc.tuple(small, small, small), { minLength: 2, maxLength: 2 }),
    fee: fc.tuple(fc.nat({ max: 9999 }), fc.nat({ max: 9999 })),
  })
  .map(({ leaves, carriedOut, carriedIn, printGroups, table4, stock, fee }) => {
    const cells: Record<string, CellInput> = {};
    const setRow = (row: string, values: readonly number[]) => {
      APPLICANT_COLUMN_IDS.forEach((c, i) => {
        cells[`${row}.${c}`] = values[i] ?? 0;
      });
      cells[`${row}.total`] = values.reduce((s, v) => s + v, 0);
    };
    const add = (rows: readonly (readonly number[])[]) => APPLICANT_COLUMN_IDS.map((_, i) => rows.reduce((s, r) => s + (r[i] ?? 0), 0));
    const leafRows = TEMPLATE_2021.tables.三.rows.filter(
      (r) => r.kind === 'data' && r.id.startsWith('outcome.') && r.id !== 'outcome.total',
    );
    leafRows.forEach((row, i) => {
      setRow(row.id, leaves[i] ?? []);
    });
    T3_GROUPS.forEach((group, g) => {
      if (printGroups[g]) {
        setRow(group.id, add(group.subs.map(([sub]) => leaves[leafRows.findIndex((r) => r.id === `${group.id}.${sub}`)] ?? [])));
      }
    });
    const outcome = add(leaves);
    setRow('outcome.total', outcome);
    setRow('carried_out', carriedOut);
    // received = outcome + carried_out − carried_in, kept non-negative by capping what was carried in.
    const inCapped = carriedIn.map((v, i) => Math.min(v, (outcome[i] ?? 0) + (carriedOut[i] ?? 0)));
    setRow('carried_in', inCapped);
    setRow(
      'received',
      outcome.map((v, i) => v + (carriedOut[i] ?? 0) - (inCapped[i] ?? 0)),
    );
    ['review', 'litigation_direct', 'litigation_after_review'].forEach((row, i) => {
      const parts = table4[i] ?? [0, 0, 0, 0];
      ['upheld', 'corrected', 'other', 'pending'].forEach((c, j) => {
        cells[`${row}.${c}`] = parts[j] ?? 0;
      });
      cells[`${row}.total`] = parts.reduce((s, v) => s + v, 0);
    });
    ['rules', 'normative_documents'].forEach((row, i) => {
      const [issued, repealed, extra] = stock[i] ?? [0, 0, 0];
      cells[`${row}.issued`] = issued;
      cells[`${row}.repealed`] = repealed;
      cells[`${row}.in_force`] = Math.max(0, issued - repealed) + extra;
    });
    for (const row of ['licensing', 'penalties', 'coercion']) {
      cells[`${row}.decisions`] = fee[0];
    }
    cells['fees.amount_wan'] = `${fee[0]}.${String(fee[1]).padStart(4, '0')}`;
    return cells;
  });

describe('property: consistency (fast-check)', () => {
  test('a randomly generated consistent report yields no error or warning finding', () => {
    fc.assert(
      fc.property(consistentReport, (cells) => {
        const { findings } = validateReport({ report: buildFacts({ cells }) });
        assert.deepEqual(
          findings.filter((f) => f.severity !== 'notice'),
          [],
        );
      }),
      { numRuns: 150 },
    );
  });

  test('raising one table 三 cell breaks T3-ROW-TOTAL of its row; one table 四 cell breaks T4-SUM of its group', () => {
    const cellIds = TEMPLATE_2021.cells.filter((c) => c.table !== '二').map((c) => c.id);
    fc.assert(
      fc.property(consistentReport, fc.constantFrom(...cellIds), fc.integer({ min: 1, max: 5 }), (cells, id, by) => {
        const broken = { ...cells, [id]: Number(cells[id]) + by };
        const { findings } = validateReport({ report: buildFacts({ cells: broken }) });
        const rowId = id.slice(0, id.lastIndexOf('.'));
        const expected: RuleId = TEMPLATE_2021.cellById.get(id)?.table === '四' ? 'T4-SUM' : 'T3-ROW-TOTAL';
        assert.ok(
          findings.some(
            (f) => f.rule === expected && f.severity === 'error' && f.cells.includes(id) && f.cells.every((c) => c.startsWith(`${rowId}.`)),
          ),
          `${id} +${by}: ${findings.map((f) => f.rule).join(', ')}`,
        );
      }),
      { numRuns: 150 },
    );
  });
});
