// Structure, identity and template rules read from the document text and the tables found
// (validation-rules.md rules 4, 8–11, 33, 37): STRUCT-TABLE, META-PERIOD, META-LATE, TPL-YEAR,
// TPL-EARLY, META-YEAR, STRUCT-OUTLINE. Missing inputs make an evaluation not assessable, never a guess.

import { splitStatements } from '../read/narrative-sentences.ts';
import { asciiDigits, chineseDate } from '../read/read-document-dates.ts';
import type { RuleEvaluation } from '../report-model.ts';
import { TABLE_IDS, type TableId, TEMPLATES, type TemplateId } from '../template.ts';
import { evaluated, notAssessable } from './evaluation.ts';
import type { RuleCheck } from './rule.ts';

const FOUND = '找到';
const NOT_FOUND = '未找到';

/** STRUCT-TABLE (rule 4): tables 二, 三, 四 must be present; none is blamed after a truncation (rule 38). */
export const checkStructTable: RuleCheck = ({ report }) => {
  const template = TEMPLATES[report.template === '2019' ? '2019' : '2021'];
  const sections = template.tables;
  const cut = report.truncatedIn === null ? TABLE_IDS.length : TABLE_IDS.indexOf(report.truncatedIn);
  // A text cut outside its tables (READ-TRUNCATED): the tables of the section it stops in and after it lie after the cut.
  const textCut = report.text.cutSection === undefined ? -1 : template.sections.findIndex((s) => s.id === report.text.cutSection);
  const afterTextCut = (table: TableId) => textCut >= 0 && template.sections.findIndex((s) => s.table === table) >= textCut;
  return TABLE_IDS.map((table, index): RuleEvaluation => {
    const base = {
      rule: 'STRUCT-TABLE',
      subject: `表${table}`,
      expression: `表${table}（${sections[table].heading}）存在`,
      cells: [],
    } as const;
    const found = report.tablesFound.includes(table);
    if (!found && (index > cut || afterTextCut(table))) {
      return notAssessable({ ...base, missing: [] });
    }
    return evaluated({
      ...base,
      left: found ? FOUND : NOT_FOUND,
      right: FOUND,
      holds: found,
      message: () => `未找到表${table}（${sections[table].heading}）`,
    });
  });
};

/** META-PERIOD (rule 8): a stated 统计期限 must be 1 January – 31 December of the report year. */
export const checkMetaPeriod: RuleCheck = ({ report }) => {
  const period = report.text.period;
  if (period === null) {
    return [];
  }
  if (academicYearReport(report.text.sections, period.text)) {
    return [];
  }
  const base = { rule: 'META-PERIOD', subject: period.text, expression: '统计期限 = 报告年度1月1日至12月31日', cells: [] } as const;
  const { from, to } = period;
  if (report.year === null || from.iso === null || to.iso === null) {
    // A malformed date is META-YEAR's finding; without a year there is nothing to compare with.
    return [notAssessable({ ...base, missing: [] })];
  }
  const stated = `${from.iso}…${to.iso}`;
  // The 2007 条例 took effect on 2008-05-01 (第三十八条): its first reports cover 2008年5月1日 to 12月31日 (probeI10 036).
  const expected = stated === FIRST_PERIOD_2008 && report.year === 2008 ? FIRST_PERIOD_2008 : `${report.year}-01-01…${report.year}-12-31`;
  return [
    evaluated({
      ...base,
      left: stated,
      right: expected,
      holds: stated === expected,
      message: () => `统计期限${chineseDate(from.iso!)}至${chineseDate(to.iso!)}与报告年度${report.year}年1月1日至12月31日不一致`,
    }),
  ];
};

// The first reports under the 2007 条例, in force from 2008-05-01: the period from that day to the year's end.
const FIRST_PERIOD_2008 = '2008-05-01…2008-12-31';

// A 学年 named as a span of two years (`2022-2023学年`, `2023—2024学年度`).
const ACADEMIC_YEAR = /20\d{2}\s*[-－—–~～至]\s*(?:20)?\d{2}\s*学年/;

/**
 * Whether the report is a university's (高等学校) disclosure report, which covers a 学年 by design (教育部
 * 《高等学校信息公开办法》, not the 条例's calendar year): its introduction says it follows that 办法 or names a 学年,
 * or its period is one.
 */
function academicYearReport(sections: readonly { readonly id: string; readonly lines: readonly string[] }[], period: string): boolean {
  if (period.includes('学年')) {
    return true;
  }
  return introductionOf(sections).some((line) => line.includes('高等学校信息公开办法') || ACADEMIC_YEAR.test(asciiDigits(line)));
}

// The revised 条例 (第四十九条) took effect on 2019-05-15: the 2019 reports are the first it governs. The reports of
// 2008–2018 fell under the 2007 条例's 第三十一条 (in force from 2008-05-01): every organ by 3月31日 of the next year.
const FIRST_YEAR_ART49 = 2019;
const FIRST_YEAR_ART31 = 2008;

/**
 * META-LATE (rule 9, 《条例》第四十九条): signed after 1月31日 of the next year (a department) or 3月31日
 * (a people's government). Organ kind is a setting; `auto` tests the name for 人民政府. A report of 2008–2018
 * is held to the 2007 条例's 第三十一条 (3月31日 for every organ), which the message names; one of an
 * earlier year had no national deadline (not assessable).
 */
export const checkMetaLate: RuleCheck = ({ report, settings }) => {
  const signature = report.text.signature;
  if (signature === null) {
    return [];
  }
  const year = report.year;
  const article = year !== null && year < FIRST_YEAR_ART49 ? '2007年《条例》第三十一条' : '第四十九条';
  const base = { rule: 'META-LATE', subject: signature.date.raw, expression: `落款日期 ≤ ${article}公布期限`, cells: [] } as const;
  const signed = signature.date.iso;
  // A year inferred from the signature date itself cannot judge that date.
  if (year === null || signed === null || report.text.yearSource === 'signature' || year < FIRST_YEAR_ART31) {
    return [notAssessable({ ...base, missing: [] })];
  }
  const kind = settings.organKind === 'auto' ? organKindOf(report.agency) : settings.organKind;
  const deadline = `${year + 1}-${year < FIRST_YEAR_ART49 || kind === 'government' ? '03-31' : '01-31'}`;
  return [
    evaluated({
      ...base,
      left: signed,
      right: deadline,
      holds: signed <= deadline,
      message: () => `落款日期${chineseDate(signed)}晚于${article}规定的公布期限${chineseDate(deadline)}`,
    }),
  ];
};

// A place's name alone (`马鞍底乡`, `正蓝旗`, `天津市和平区`, `江西省`): the levels a people's government is of.
const PLACE_LEVEL = /(?:省|自治区|市|自治州|州|盟|地区|县|自治县|旗|自治旗|区|乡|民族乡|镇|苏木)$/;
// Words of an organ that is no people's government: a department, an office, a zone's committee, a sub-district.
const NOT_A_GOVERNMENT =
  /局|委|办|厅|院|会|部|处|室|所|中心|站|队|馆|署|公司|集团|街道|社区|村|开发区|高新区|园区|示范区|试验区|保税区|度假区|景区|管理区|合作区|工业区|产业区|实验区|新城区/;

/**
 * META-LATE's default organ kind (rule 9's name test): a people's government when the agency ends in 人民政府 or
 * 政府 (`某县政府`), or is a place's name alone (`马鞍底乡`, probeJ4 044: the reader names a government by its place);
 * a department otherwise. A zone, a sub-district (街道) or anything with an organ's word is no government.
 */
export function organKindOf(agency: string | null): 'government' | 'department' {
  if (agency === null) {
    return 'department';
  }
  if (agency.endsWith('政府')) {
    return 'government';
  }
  return PLACE_LEVEL.test(agency) && !NOT_A_GOVERNMENT.test(agency) ? 'government' : 'department';
}

/** TPL-YEAR (rule 10) and TPL-EARLY (rule 11): the template must be the one the report year prescribes (§1). */
export const checkTemplateYear: RuleCheck = ({ report }) => {
  const { year, template } = report;
  const cells: readonly string[] = [];
  const yearBase = { rule: 'TPL-YEAR', subject: 'template', expression: '报告年度 ≥ 2021 → 2021年格式', cells } as const;
  const earlyBase = { rule: 'TPL-EARLY', subject: 'template', expression: '报告年度 ≤ 2020 → 2019年试行格式', cells } as const;
  if (year === null || (template !== '2019' && template !== '2021')) {
    // A mixed report is TPL-MIXED's finding; an unknown one has no template to judge.
    return [notAssessable({ ...yearBase, missing: [] }), notAssessable({ ...earlyBase, missing: [] })];
  }
  return [
    evaluated({
      ...yearBase,
      // Document names, not bare years: a delta between two template years would mean nothing.
      left: TEMPLATES[template].document,
      right: TEMPLATES[year >= 2021 ? '2021' : template].document,
      holds: !(year >= 2021 && template === '2019'),
      message: () => `${year}年度报告使用了2019年试行格式（国办公开办函〔2019〕60号），应使用国办公开办函〔2021〕30号格式`,
    }),
    evaluated({
      ...earlyBase,
      left: TEMPLATES[template].document,
      right: TEMPLATES[year <= 2020 ? '2019' : template].document,
      holds: !(year <= 2020 && template === '2021'),
      message: () => `${year}年度报告使用了2021年格式，该年度应使用2019年试行格式`,
    }),
  ];
};

/**
 * META-YEAR (rule 33): the title year must be the year of the stated period. Malformed dates are the
 * document-text reader's META-YEAR findings (DocumentText.findings), not repeated here.
 */
export const checkMetaYear: RuleCheck = ({ report }) => {
  const { titleYear, period } = report.text;
  const periodIso = period?.to.iso ?? period?.from.iso ?? null;
  if (titleYear === null || periodIso === null) {
    return [];
  }
  const periodYear = Number(periodIso.slice(0, 4));
  return [
    evaluated({
      rule: 'META-YEAR',
      subject: 'title-period',
      expression: '标题年度 = 统计期限年度',
      cells: [],
      left: titleYear,
      right: periodYear,
      holds: titleYear === periodYear,
      message: () => `报告标题年度${titleYear}与统计期限年度${periodYear}不一致`,
    }),
  ];
};

// ---------------------------------------------------------------- STRUCT-OUTLINE (rule 37)

const CITATION = /办函[〔[［(（【](2019|2021)[〕\]］)）】](60|30)号/g;
const CITED: Readonly<Record<string, TemplateId>> = { '2019/60': '2019', '2021/30': '2021' };
// Parts of the pre-2019 report outline (国办发〔2008〕 era) that neither template has.
const OLD_PARTS = [
  '政府信息公开的收费及减免情况',
  '政府信息公开收费及减免情况',
  '依申请公开政府信息和不予公开政府信息的情况',
  '依申请公开政府信息情况',
  '因政府信息公开申请提起行政复议和提起行政诉讼的情况',
] as const;
const STRUCTURE_WORDS = /包括|包含|组成|分为|共分|由/;
// Two cheap tests instead of one `报告.*包括` pattern: no backtracking on a long unpunctuated text.
// A statement opening with 全文 and a structure word (`全文包括概述、…`, `全文由…组成`) outlines the report too: its full text.
const FULL_TEXT_OUTLINE = /^全文(?:共)?(?:包括|包含|由|分为|共分)/;
const describesStructure = (text: string) => (text.includes('报告') && STRUCTURE_WORDS.test(text)) || FULL_TEXT_OUTLINE.test(text);

/**
 * STRUCT-OUTLINE (rule 37): the introduction (text before 一、总体情况, else the first paragraph of
 * section 一) describes a structure the body does not use, or cites the other template's 办函.
 */
export const checkStructOutline: RuleCheck = ({ report }) => {
  const template = report.template;
  if (template !== '2019' && template !== '2021') {
    return [];
  }
  const introduction = introductionOf(report.text.sections);
  const used = TEMPLATES[template].document;
  const evaluations: RuleEvaluation[] = [];
  const cited = citedTemplates(introduction);
  if (cited.size > 0) {
    const other = template === '2019' ? '2021' : '2019';
    // Citing both (e.g. a 2021 report explaining the change) is no contradiction.
    const wrong = cited.has(other) && !cited.has(template);
    evaluations.push(
      evaluated({
        rule: 'STRUCT-OUTLINE',
        subject: 'citation',
        expression: '引言引用的格式文件 = 正文所用格式',
        cells: [],
        left: [...cited].map((id) => TEMPLATES[id].document).join('、'),
        right: used,
        holds: !wrong,
        message: () => `报告引言所述结构（${TEMPLATES[other].document}）与正文所用格式（${used}）不一致`,
      }),
    );
  }
  // Whitespace removal makes no new character: a line without 报 or 全 has no statement with 报告 or 全文.
  for (const statement of introduction.flatMap((line) => (line.includes('报') || line.includes('全') ? splitStatements(line) : []))) {
    const text = statement.replace(/\s+/g, '');
    if (!describesStructure(text)) {
      continue;
    }
    const old = OLD_PARTS.filter(
      (part) => text.includes(part) && !OLD_PARTS.some((o) => o !== part && o.includes(part) && text.includes(o)),
    );
    if (old.length === 0) {
      continue;
    }
    evaluations.push(
      evaluated({
        rule: 'STRUCT-OUTLINE',
        subject: statement,
        expression: '引言所述部分属于正文所用格式',
        cells: [],
        left: old.join('、'),
        right: used,
        holds: false,
        message: () => `报告引言所述结构（${old.join('、')}）与正文所用格式（${used}）不一致`,
      }),
    );
  }
  return evaluations;
};

/**
 * The templates whose 办函 the introduction cites. Without a 函 in the text there is none, and the
 * NFKC normalisation is not needed to know it: NFKC makes 函 from no other character (checked over
 * every code point; CJK ideographs are never composed from sequences), so only a text holding one
 * can hold a citation after it.
 */
function citedTemplates(introduction: readonly string[]): Set<TemplateId> {
  const cited = new Set<TemplateId>();
  if (!introduction.some((line) => line.includes('函'))) {
    return cited;
  }
  const compact = asciiDigits(
    introduction
      .join('\n')
      .normalize('NFKC')
      .replace(/[ \t\u3000]+/g, ''),
  );
  for (const match of compact.matchAll(CITATION)) {
    const id = CITED[`${match[1]}/${match[2]}`];
    if (id !== undefined) {
      cited.add(id);
    }
  }
  return cited;
}

function introductionOf(sections: readonly { readonly id: string; readonly lines: readonly string[] }[]): readonly string[] {
  const preamble = sections.find((s) => s.id === 'preamble')?.lines ?? [];
  const first = sections.find((s) => s.id === 'overview')?.lines[0];
  return first === undefined ? preamble : [...preamble, first];
}

/** The meta rules in catalogue order. */
export const META_RULES: readonly RuleCheck[] = [
  checkStructTable,
  checkMetaPeriod,
  checkMetaLate,
  checkTemplateYear,
  checkMetaYear,
  checkStructOutline,
];
