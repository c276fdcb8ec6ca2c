// fast-check arbitraries for annual reports: valid reports whose tables add up by construction
// (validation-rules.md §2.3), and reports broken in exactly one rule, for property tests of the
// renderers, the reader and the rules.

import fc from 'fast-check';
import type { CellEntry, ReportDocument } from '#core/reports/report-model.ts';
import {
  APPLICANT_COLUMN_IDS,
  leafOutcomeRows,
  type ReportTemplate,
  splitCellId,
  T3_COLUMN_IDS,
  type T3ColumnId,
  T4_COLUMNS,
  TEMPLATES,
  type TemplateId,
  templateForYear,
} from '#core/reports/template.ts';

// ---------------------------------------------------------------- names and years

const CITIES = ['黄石', '卫辉', '嘉兴', '攀枝花', '舟山', '绍兴', '宜昌', '赣州', '洛阳', '泉州', '柳州', '遵义', '德阳', '常德'] as const;
const DISTRICTS = ['东', '西', '城关', '新城', '高新', '江北', '定海'] as const;
const BUREAUS = [
  '民政局',
  '教育局',
  '财政局',
  '生态环境局',
  '交通运输局',
  '卫生健康委员会',
  '市场监督管理局',
  '自然资源和规划局',
  '人力资源和社会保障局',
  '住房和城乡建设局',
] as const;

/** An agency name: `<city>市<bureau>`, a district bureau `<city>市<district>区<bureau>`, or `<city>市人民政府`. */
export const arbitraryAgency: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...CITIES), fc.constantFrom(...BUREAUS)).map(([c, b]) => `${c}市${b}`) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...CITIES), fc.constantFrom(...DISTRICTS), fc.constantFrom(...BUREAUS))
      .map(([c, d, b]) => `${c}市${d}区${b}`),
  },
  { weight: 1, arbitrary: fc.constantFrom(...CITIES).map((c) => `${c}市人民政府`) },
);

/** Report years 2019–2026; with a template, only the years that template applies to (annual-report.md §1). */
export function arbitraryYear(template?: TemplateId): fc.Arbitrary<number> {
  if (template === '2019') {
    return fc.integer({ min: 2019, max: 2020 });
  }
  return template === '2021' ? fc.integer({ min: 2021, max: 2026 }) : fc.integer({ min: 2019, max: 2026 });
}

// ---------------------------------------------------------------- numbers

/** A count as reports have them: mostly 0 or small, sometimes in the hundreds. */
export const arbitraryCount: fc.Arbitrary<number> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(0) },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 9 }) },
  { weight: 1, arbitrary: fc.integer({ min: 10, max: 400 }) },
);

/** A decimal amount as its text (`0`, `12`, `3.5`, `0.0350`): 万元 or 元 amounts are kept as written. */
export const arbitraryAmountRaw: fc.Arbitrary<string> = fc.oneof(
  fc.constant('0'),
  fc.integer({ min: 1, max: 900000 }).map(String),
  fc
    .tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 9 }))
    .map(([whole, digits, last]) => `${whole}.${String(last).padStart(digits, '0')}`),
);

// `|| 0` turns -0 (from Math.max(-0, …)) into 0, which is what a reader gives back for "0".
const entry = (value: number): CellEntry => ({ value: value || 0, raw: String(value) });
const amount = (raw: string): CellEntry => ({ value: Number(raw), raw });
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

// ---------------------------------------------------------------- tables by construction

type CellMap = Map<string, CellEntry>;

/** Table 二 (2021): in_force ≥ issued − repealed (T2-IN-FORCE-FLOOR); decisions; the fee amount in 万元. */
const table2of2021: fc.Arbitrary<CellMap> = fc
  .record({
    stock: fc.array(fc.tuple(arbitraryCount, arbitraryCount, arbitraryCount), { minLength: 2, maxLength: 2 }),
    decisions: fc.array(arbitraryCount, { minLength: 3, maxLength: 3 }),
    fee: arbitraryAmountRaw,
  })
  .map(({ stock, decisions, fee }) => {
    const cells: CellMap = new Map();
    ['rules', 'normative_documents'].forEach((row, i) => {
      const [issued, repealed, extra] = stock[i] ?? [0, 0, 0];
      cells.set(`${row}.issued`, entry(issued));
      cells.set(`${row}.repealed`, entry(repealed));
      cells.set(`${row}.in_force`, entry(Math.max(0, issued - repealed) + extra));
    });
    ['licensing', 'penalties', 'coercion'].forEach((row, i) => {
      cells.set(`${row}.decisions`, entry(decisions[i] ?? 0));
    });
    cells.set('fees.amount_wan', amount(fee));
    return cells;
  });

/** Table 二 (2019): published_total ≥ new_published (T2-2019-CUMULATIVE); 本年增/减 signed, never below minus the prior items. */
const table2of2019: fc.Arbitrary<CellMap> = fc
  .record({
    made: fc.array(fc.tuple(arbitraryCount, arbitraryCount, arbitraryCount), { minLength: 2, maxLength: 2 }),
    items: fc.array(fc.tuple(arbitraryCount, fc.integer({ min: -20, max: 20 }), arbitraryCount), { minLength: 5, maxLength: 5 }),
    procurement: fc.tuple(arbitraryCount, arbitraryAmountRaw),
  })
  .map(({ made, items, procurement }) => {
    const cells: CellMap = new Map();
    ['rules', 'normative_documents'].forEach((row, i) => {
      const [newMade, newPublished, extra] = made[i] ?? [0, 0, 0];
      cells.set(`${row}.new_made`, entry(newMade));
      cells.set(`${row}.new_published`, entry(newPublished));
      cells.set(`${row}.published_total`, entry(newPublished + extra));
    });
    ['licensing', 'other_services', 'penalties', 'coercion', 'fees'].forEach((row, i) => {
      const [prior, change, decisions] = items[i] ?? [0, 0, 0];
      cells.set(`${row}.prior_items`, entry(prior));
      cells.set(`${row}.items_change`, entry(Math.max(-prior, change)));
      if (row !== 'fees') {
        cells.set(`${row}.decisions`, entry(decisions));
      }
    });
    cells.set('procurement.procurement_items', entry(procurement[0]));
    cells.set('procurement.procurement_amount', amount(procurement[1]));
    return cells;
  });

/** The table 三 groups that have sub-rows in a template (in 2019, （六）其他处理 is a data row). */
export function groupsWithSubRows(template: ReportTemplate): readonly string[] {
  return template.tables.三.rows.filter((r) => r.kind === 'group' && r.id !== 'outcome').map((r) => r.id);
}

const subRowsOf = (template: ReportTemplate, group: string) => template.tables.三.rows.filter((r) => r.parent === group);

/** Sets a table 三 row from its six applicant counts, with 总计 as their sum (T3-ROW-TOTAL). */
function setT3Row(cells: CellMap, row: string, counts: readonly number[]): void {
  APPLICANT_COLUMN_IDS.forEach((column, i) => {
    cells.set(`${row}.${column}`, entry(counts[i] ?? 0));
  });
  cells.set(`${row}.total`, entry(sum(counts)));
}

const t3Value = (cells: CellMap, id: string) => cells.get(id)?.value ?? 0;

/**
 * Table 三 by construction: random leaf counts per applicant column; row totals, group sums, （七）总计
 * and a balanced 一 + 二 = （七） + 四 in every column (T3-BALANCE, T3-ROW-TOTAL, T3-OUTCOME-TOTAL, T3-GROUP-SUM).
 */
function table3(template: ReportTemplate, groupValues: boolean): fc.Arbitrary<CellMap> {
  const leaves = leafOutcomeRows(template);
  const counts = (n: number) => fc.array(fc.array(arbitraryCount, { minLength: 6, maxLength: 6 }), { minLength: n, maxLength: n });
  return fc.record({ leaves: counts(leaves.length), carry: counts(2) }).map(({ leaves: leafCounts, carry }) => {
    const cells: CellMap = new Map();
    leaves.forEach((row, i) => {
      setT3Row(cells, row.id, leafCounts[i] ?? []);
    });
    const outcomeTotal = APPLICANT_COLUMN_IDS.map((_, a) => sum(leafCounts.map((row) => row[a] ?? 0)));
    setT3Row(cells, 'outcome.total', outcomeTotal);
    const carriedOut = carry[0] ?? [];
    // 二 (carried in) may not exceed （七） + 四, so that 一 (received) stays ≥ 0.
    const carriedIn = APPLICANT_COLUMN_IDS.map((_, a) => Math.min(carry[1]?.[a] ?? 0, (outcomeTotal[a] ?? 0) + (carriedOut[a] ?? 0)));
    const received = APPLICANT_COLUMN_IDS.map((_, a) => (outcomeTotal[a] ?? 0) + (carriedOut[a] ?? 0) - (carriedIn[a] ?? 0));
    setT3Row(cells, 'received', received);
    setT3Row(cells, 'carried_in', carriedIn);
    setT3Row(cells, 'carried_out', carriedOut);
    if (groupValues) {
      for (const group of groupsWithSubRows(template)) {
        const subs = subRowsOf(template, group);
        setT3Row(
          cells,
          group,
          APPLICANT_COLUMN_IDS.map((column) => sum(subs.map((s) => t3Value(cells, `${s.id}.${column}`)))),
        );
      }
    }
    return cells;
  });
}

/** Table 四: per group four result counts and their 总计 (T4-SUM). */
const table4: fc.Arbitrary<CellMap> = fc
  .array(fc.array(arbitraryCount, { minLength: 4, maxLength: 4 }), { minLength: 3, maxLength: 3 })
  .map((groups) => {
    const cells: CellMap = new Map();
    ['review', 'litigation_direct', 'litigation_after_review'].forEach((row, g) => {
      const counts = groups[g] ?? [];
      T4_COLUMNS.slice(0, 4).forEach((column, i) => {
        cells.set(`${row}.${column.id}`, entry(counts[i] ?? 0));
      });
      cells.set(`${row}.total`, entry(sum(counts)));
    });
    return cells;
  });

function arbitraryCells(template: ReportTemplate, groupValues: boolean): fc.Arbitrary<CellMap> {
  return fc
    .tuple(template.id === '2021' ? table2of2021 : table2of2019, table3(template, groupValues), table4)
    .map((maps) => new Map(maps.flatMap((m) => [...m])));
}

// ---------------------------------------------------------------- narrative consistent with the tables

/**
 * Narrative paragraphs whose figures agree with the cells (validation-rules.md rules 25–28): the
 * statistical period, 30号's five items of 总体情况, applications received, appeals, no 信息处理费.
 */
export function consistentNarrative(
  template: TemplateId,
  year: number,
  cells: ReadonlyMap<string, CellEntry>,
): Pick<ReportDocument, 'preamble' | 'sections'> {
  const v = (id: string) => cells.get(id)?.value ?? 0;
  const normative = template === '2021' ? '行政规范性文件' : '规范性文件';
  const made = template === '2021' ? 'normative_documents.issued' : 'normative_documents.new_made';
  const received = v('received.total');
  const review = v('review.total');
  const litigation = v('litigation_direct.total') + v('litigation_after_review.total');
  const applications = received === 0 ? '本年度未收到政府信息公开申请。' : `本年度共收到政府信息公开申请${received}件，均已按时答复。`;
  const appeals =
    review === 0 && litigation === 0
      ? '本年度无因政府信息公开申请行政复议、提起行政诉讼的情况。'
      : `本年度因政府信息公开被申请行政复议${review}件，被提起行政诉讼${litigation}件。`;
  return {
    preamble: [`本报告统计期限自${year}年1月1日起至${year}年12月31日止。`],
    sections: {
      overview: [
        `（一）主动公开情况。本年度制发${normative}${v(made)}件，办理行政许可${v('licensing.decisions')}件。`,
        `（二）依申请公开情况。${applications}`,
        '（三）政府信息管理情况。严格落实信息发布前的保密审查制度。',
        '（四）政府信息公开平台建设情况。持续优化门户网站信息公开专栏。',
        '（五）监督保障情况。将政务公开工作纳入年度目标考核。',
      ],
      appeals: [appeals],
      problems: ['政策解读形式较为单一，信息更新的及时性有待加强。下一步将加强业务培训，提高公开质量。'],
      other_matters: ['本年度未收取信息处理费。'],
    },
  };
}

// ---------------------------------------------------------------- valid reports

export interface ArbitraryReportOptions {
  /** The template; by default the one the generated year prescribes. */
  readonly template?: TemplateId;
  /** Print table 三 group-row values (consistent sums). Default: sometimes. */
  readonly groupValues?: boolean;
  /** Narrative paragraphs and signature. Default: sometimes. */
  readonly narrative?: boolean;
  /** Leave some cells absent and make some present without a number (`/`, `—`). Default: never. */
  readonly blanks?: boolean;
}

const NO_NUMBER = ['/', '-', '—', '--', '无'] as const;

/**
 * A report document whose tables are consistent by construction, of a year 2019–2026 with that year's
 * template, a generated agency, and (optionally) narrative that agrees with the tables and a signature
 * dated in January of the next year (before the 第四十九条 deadline).
 */
export function arbitraryValidReport(options: ArbitraryReportOptions = {}): fc.Arbitrary<ReportDocument> {
  return arbitraryYear(options.template).chain((year) => {
    const template = TEMPLATES[options.template ?? templateForYear(year)];
    return fc
      .record({
        agency: arbitraryAgency,
        groupValues: options.groupValues === undefined ? fc.boolean() : fc.constant(options.groupValues),
        narrative: options.narrative === undefined ? fc.boolean() : fc.constant(options.narrative),
        day: fc.integer({ min: 5, max: 28 }),
        blanks: options.blanks === true ? fc.array(fc.nat(), { maxLength: 30 }) : fc.constant([]),
        noNumber: options.blanks === true ? fc.array(fc.tuple(fc.nat(), fc.constantFrom(...NO_NUMBER)), { maxLength: 5 }) : fc.constant([]),
      })
      .chain((picked) =>
        arbitraryCells(template, picked.groupValues).map((cells): ReportDocument => {
          const ids = [...cells.keys()];
          for (const [n, raw] of picked.noNumber) {
            cells.set(ids[n % ids.length] ?? '', { value: null, raw });
          }
          for (const n of picked.blanks) {
            cells.delete(ids[n % ids.length] ?? '');
          }
          const text = picked.narrative ? consistentNarrative(template.id, year, cells) : { preamble: [], sections: {} };
          return {
            template: template.id,
            agency: picked.agency,
            year,
            ...text,
            cells,
            ...(picked.narrative
              ? { signature: { agency: picked.agency, date: `${year + 1}-01-${String(picked.day).padStart(2, '0')}` } }
              : {}),
          };
        }),
      );
  });
}

// ---------------------------------------------------------------- reports broken in exactly one rule

export const BREAKABLE_RULES = ['T3-BALANCE', 'T3-ROW-TOTAL', 'T3-GROUP-SUM', 'T4-SUM', 'T2-IN-FORCE-FLOOR'] as const;
export type BreakableRule = (typeof BREAKABLE_RULES)[number];

export interface ExpectedFinding {
  readonly rule: BreakableRule;
  /** The finding's operand cells (compare as a set: the order is the rule's). */
  readonly cells: readonly string[];
}

export interface BrokenReport {
  readonly doc: ReportDocument;
  /** The only rule that fails. */
  readonly expectedRule: BreakableRule;
  /** Operand cells of all expected findings, in template order. */
  readonly cells: readonly string[];
  /** Every finding the break causes (one, or two where the arithmetic forces a pair, see below). */
  readonly expected: readonly ExpectedFinding[];
}

const balanceOperands = (c: string) => [`received.${c}`, `carried_in.${c}`, `outcome.total.${c}`, `carried_out.${c}`];
const rowOperands = (row: string) => T3_COLUMN_IDS.map((c) => `${row}.${c}`);

/**
 * Applies one break to consistent cells. Every cell sits in a row sum and a column sum, so some breaks
 * cannot fail one check alone without failing another rule; they fail the same rule twice instead:
 * - T3-BALANCE: 四 (carried out) +k in one applicant column and in 总计 → that column and 总计 unbalanced;
 * - T3-ROW-TOTAL: 一 and 四 +k in one applicant column → both rows' 总计 wrong, the column still balances;
 * - T3-GROUP-SUM: a sub-row +k in one applicant column and its 总计, under a printed group value → the group
 *   differs from its sub-rows in that column and in 总计 (（七）总计 uses the printed group value, P2);
 * - T4-SUM: one group's 总计 +k; T2-IN-FORCE-FLOOR (2021): 现行有效件数 below 制发 − 废止.
 */
function breakCells(
  template: ReportTemplate,
  cells: CellMap,
  rule: BreakableRule,
  pick: { readonly k: number; readonly a: number; readonly b: number },
): ExpectedFinding[] {
  const bump = (id: string, by: number) => cells.set(id, entry((cells.get(id)?.value ?? 0) + by));
  const column = APPLICANT_COLUMN_IDS[pick.a % APPLICANT_COLUMN_IDS.length] ?? 'natural_person';
  switch (rule) {
    case 'T3-BALANCE':
      bump(`carried_out.${column}`, pick.k);
      bump('carried_out.total', pick.k);
      return [column, 'total'].map((c) => ({ rule, cells: balanceOperands(c) }));
    case 'T3-ROW-TOTAL':
      bump(`received.${column}`, pick.k);
      bump(`carried_out.${column}`, pick.k);
      return ['received', 'carried_out'].map((row) => ({ rule, cells: rowOperands(row) }));
    case 'T3-GROUP-SUM': {
      const groups = groupsWithSubRows(template);
      const group = groups[pick.b % groups.length] ?? 'outcome.withheld';
      const subs = subRowsOf(template, group);
      const sub = subs[pick.b % subs.length]?.id ?? '';
      bump(`${sub}.${column}`, pick.k);
      bump(`${sub}.total`, pick.k);
      return [column, 'total'].map((c) => ({ rule, cells: [`${group}.${c}`, ...subs.map((s) => `${s.id}.${c}`)] }));
    }
    case 'T4-SUM': {
      const group = ['review', 'litigation_direct', 'litigation_after_review'][pick.b % 3] ?? 'review';
      bump(`${group}.total`, pick.k);
      return [{ rule, cells: T4_COLUMNS.map((c) => `${group}.${c.id}`) }];
    }
    case 'T2-IN-FORCE-FLOOR': {
      const row = pick.b % 2 === 0 ? 'rules' : 'normative_documents';
      const repealed = cells.get(`${row}.repealed`)?.value ?? 0;
      cells.set(`${row}.issued`, entry(repealed + pick.k));
      cells.set(`${row}.in_force`, entry(pick.a % pick.k));
      return [{ rule, cells: [`${row}.in_force`, `${row}.issued`, `${row}.repealed`] }];
    }
  }
}

/**
 * A report broken in exactly one rule (one of BREAKABLE_RULES, or the given one): consistent cells,
 * one break, then narrative written from the broken cells so no narrative rule fires.
 */
export function arbitraryBrokenReport(
  options: { readonly rule?: BreakableRule; readonly template?: TemplateId } = {},
): fc.Arbitrary<BrokenReport> {
  const rules = options.rule === undefined ? fc.constantFrom(...BREAKABLE_RULES) : fc.constant(options.rule);
  return rules.chain((rule) => {
    const template = rule === 'T2-IN-FORCE-FLOOR' ? '2021' : options.template;
    return fc
      .record({
        year: arbitraryYear(template),
        agency: arbitraryAgency,
        k: fc.integer({ min: 1, max: 9 }),
        a: fc.nat(),
        b: fc.nat(),
        narrative: fc.boolean(),
      })
      .chain((picked) => {
        const definition = TEMPLATES[template ?? templateForYear(picked.year)];
        return arbitraryCells(definition, rule === 'T3-GROUP-SUM').map((cells): BrokenReport => {
          const expected = breakCells(definition, cells, rule, picked);
          const text = picked.narrative ? consistentNarrative(definition.id, picked.year, cells) : { preamble: [], sections: {} };
          const all = new Set(expected.flatMap((f) => f.cells));
          const order = (id: string) => {
            const { rowId, colId } = splitCellId(id);
            const rows = definition.tables.三.rows;
            const at = rows.findIndex((r) => r.id === rowId);
            return definition.cellById.get(id)?.order ?? 1000 + at * 10 + T3_COLUMN_IDS.indexOf(colId as T3ColumnId);
          };
          return {
            doc: { template: definition.id, agency: picked.agency, year: picked.year, ...text, cells },
            expectedRule: rule,
            cells: [...all].sort((x, y) => order(x) - order(y)),
            expected,
          };
        });
      });
  });
}
