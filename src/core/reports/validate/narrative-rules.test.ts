// Narrative rules (validation-rules.md rules 25–28, 34–36; synthetic examples of §2.6 and §4).

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildFacts, type CellInput } from '#test/factories/report-facts.ts';
import { readDocumentText } from '../read/read-document-text.ts';
import type { RuleEvaluation } from '../report-model.ts';
import { type DetectedTemplate, type SectionId, TEMPLATE_2021 } from '../template.ts';
import {
  checkNarrativeAppeals,
  checkNarrativeCount,
  checkNarrativeFee,
  checkNarrativePercent,
  checkNarrativeReceived,
  checkNarrativeStaleYear,
  checkNarrativeTable2,
} from './narrative-rules.ts';
import { DEFAULT_VALIDATION_SETTINGS, type RuleCheck } from './rule.ts';

interface Narrative {
  readonly section?: SectionId;
  readonly lines: readonly string[];
  readonly cells?: Readonly<Record<string, CellInput>>;
  readonly year?: number;
  readonly template?: DetectedTemplate;
}

/** Runs one rule on a report whose given section holds the lines (other sections empty). */
function run(check: RuleCheck, narrative: Narrative): RuleEvaluation[] {
  const section = narrative.section ?? 'overview';
  const lines = TEMPLATE_2021.sections.flatMap((s) => [s.heading, ...(s.id === section ? narrative.lines : [])]);
  const template = narrative.template ?? '2021';
  const year = narrative.year ?? 2023;
  const text = readDocumentText([`某县民政局${year}年政府信息公开工作年度报告`, ...lines], template);
  const report = buildFacts({ template, year, cells: narrative.cells ?? {}, text });
  return [...check({ report, settings: DEFAULT_VALIDATION_SETTINGS })];
}
const messagesOf = (evaluations: readonly RuleEvaluation[]) => evaluations.flatMap((e) => (e.finding ? [e.finding.message] : []));
const statusesOf = (evaluations: readonly RuleEvaluation[]) => evaluations.map((e) => e.status);

describe('NARR-T3-RECEIVED (rule 25)', () => {
  test('12 received = 10 new + 2 carried over: no finding (§4 example)', () => {
    const evaluations = run(checkNarrativeReceived, {
      lines: ['本年度共收到政府信息公开申请12件。'],
      cells: { 'received.total': 10, 'carried_in.total': 2 },
    });
    assert.deepEqual(statusesOf(evaluations), ['pass']);
  });

  test('a stated number that is neither 一 nor 一 + 二 is a warning on received.total', () => {
    const evaluations = run(checkNarrativeReceived, {
      lines: ['本年度共收到政府信息公开申请12件。'],
      cells: { 'received.total': 10, 'carried_in.total': 1 },
    });
    assert.deepEqual(
      evaluations.map((e) => [e.finding?.message, e.finding?.cells]),
      [['正文称收到申请12件，表三“一、本年新收政府信息公开申请数量”总计为10件', ['received.total']]],
    );
  });

  test('`共收到1件依申请公开事项` (count before 申请) and `未收到…申请` (N = 0) are read', () => {
    const evaluations = run(checkNarrativeReceived, {
      lines: ['今年我局共收到3件依申请公开事项。', '2023年未收到信息公开申请。'],
      cells: { 'received.total': 3 },
    });
    assert.deepEqual(
      evaluations.map((e) => [e.left, e.status]),
      [
        [3, 'pass'],
        [0, 'fail'],
      ],
    );
  });

  test('clauses about 复议, 诉讼, 投诉 or 信访 are not about applications', () => {
    assert.deepEqual(
      run(checkNarrativeReceived, {
        lines: ['收到政府信息公开投诉5件，未收到因政府信息公开申请提起的行政复议。'],
        cells: { 'received.total': 0 },
      }),
      [],
    );
  });

  test('received.total blank: not assessable, listing the missing cell (missing is not zero)', () => {
    const evaluations = run(checkNarrativeReceived, { lines: ['收到政府信息公开申请9件。'] });
    assert.deepEqual(
      evaluations.map((e) => [e.status, e.missing]),
      [['not_assessable', ['received.total']]],
    );
  });
});

describe('NARR-T4 (rule 26)', () => {
  const zero = { 'review.total': 0, 'litigation_direct.total': 0, 'litigation_after_review.total': 0 };

  test('“无行政复议” with review.total 2 is a warning on that cell', () => {
    const evaluations = run(checkNarrativeAppeals, {
      lines: ['本年度无因政府信息公开申请行政复议的情况。'],
      cells: { ...zero, 'review.total': 2 },
    });
    assert.deepEqual(
      evaluations.map((e) => [e.finding?.message, e.finding?.cells]),
      [['正文称无行政复议，表四“行政复议”总计为2件', ['review.total']]],
    );
  });

  test('“无…行政复议、…行政诉讼” checks all three groups', () => {
    const evaluations = run(checkNarrativeAppeals, {
      lines: ['无因政府信息公开申请行政复议、提起行政诉讼的情况。'],
      cells: { ...zero, 'litigation_after_review.total': 1 },
    });
    assert.deepEqual(statusesOf(evaluations), ['pass', 'pass', 'fail']);
    assert.deepEqual(messagesOf(evaluations), ['正文称无行政诉讼，表四“行政诉讼/复议后起诉”总计为1件']);
  });

  test('`行政诉讼3件` is compared with both litigation groups together', () => {
    const evaluations = run(checkNarrativeAppeals, {
      lines: ['被申请行政复议1件，被提起行政诉讼3件。'],
      cells: { 'review.total': 1, 'litigation_direct.total': 1, 'litigation_after_review.total': 1 },
    });
    assert.deepEqual(messagesOf(evaluations), ['正文称行政诉讼3件，表四“行政诉讼”总计为2件']);
    assert.deepEqual(statusesOf(evaluations), ['pass', 'fail']);
  });
});

describe('NARR-COUNT (rule 35) lists parted by commas and 以及 too (a real page)', () => {
  test('six parts listed with 、, a comma and 以及 are six', () => {
    const evaluations = run(checkNarrativeCount, {
      lines: [
        '本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况，存在的主要问题及改进情况以及其他需要报告的事项等六部分组成。',
      ],
    });
    assert.deepEqual(messagesOf(evaluations), []);
    const short = run(checkNarrativeCount, {
      lines: ['全文包括总体情况,公开的内容、存在的主要问题改进措施四个部分。'],
    });
    assert.deepEqual(messagesOf(short), ['“全文包括总体情况,公开的内容、存在的主要问题改进…”称共4个部分，但列举了3个部分']);
    // items holding a 、 of their own between commas: a count between the two readings contradicts neither
    const inner = run(checkNarrativeCount, {
      lines: [
        '主要内容包括概述、信息公开工作组织落实情况、主动公开情况、回应解读情况、依申请公开信息情况,行政复议、诉讼和申诉情况,工作人员、政府支出与收费情况,存在主要问题和改进措施及附表九个方面的内容。',
      ],
    });
    assert.deepEqual(messagesOf(inner), []);
  });
});

describe('NARR-COUNT (rule 35) reads a name holding a 、 and titles run together (real pages)', () => {
  test('a count some reading of the list gives is no finding', () => {
    const lines = [
      // probeV 027: 机构设置、保障经费和培训会议情况 is one part (seven), not two (eight)
      '全文包括基本工作情况、主动公开政府信息情况、回应解读情况、依申请公开政府信息情况、行政复议和行政诉讼情况、机构设置、保障经费和培训会议情况、存在问题及工作打算等七部分组成。',
      // probeY 037: 复议、诉讼和申诉的情况 is one part
      '本度报告由概述、主动公开政府信息情况、依申请公开政府信息办理情况、政府信息公开的收费及减免情况、复议、诉讼和申诉的情况、政府信息公开工作存在的主要问题及改进情况、需要说明的事项与附表等七部分组成。',
      // probeW 042: 总体情况 and 主动公开政府信息情况 run together without a 、 are two parts
      '本报告由总体情况主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项等六部分组成。',
      // probeE2 020: parts numbered 1.…;2.…
      '本报告全文由六部分组成,分别是:1.总体情况;2.主动公开政府信息情况;3.收到和处理政府信息公开申请情况;4.政府信息公开行政复议、行政诉讼情况;5.存在的主要问题及改进情况;6.其他需要报告的事项等六部分组成。',
      // probeE2 034: 和 joins two parts twice (…情况和收到处理…, …改进情况和其他…)
      '报告包括政府信息公开工作总体情况、主动公开政府信息情况和收到处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况和其他需要报告的事项六个部分。',
    ];
    assert.deepEqual(messagesOf(run(checkNarrativeCount, { lines })), []);
  });

  test('the 2008 outline`s titles run together where a page lost its 、 are several parts (probeI10 027)', () => {
    // 概述 | 政府信息主动公开情况 | 政府信息依申请公开情况、收费及减免情况、…复议和诉讼情况 | 存在的主要问题和改进措施: six
    const i027 =
      '本报告包括概述政府信息主动公开情况政府信息依申请公开情况、政府信息公开的收费及减免情况、申请人因申请政府信息公开而提起的行政复议和诉讼情况存在的主要问题和改进措施等六个部分。';
    assert.deepEqual(statusesOf(run(checkNarrativeCount, { lines: [i027] })), ['pass']);
    // no reading gives seven
    assert.deepEqual(messagesOf(run(checkNarrativeCount, { lines: [i027.replace('六个部分', '七个部分')] })), [
      '“本报告包括概述政府信息主动公开情况政府信息依申请…”称共7个部分，但列举了3个部分',
    ]);
  });

  test('a list no reading of which gives the count is still a warning', () => {
    const lines = [
      // probeY 021: the first half of an item listed again as an item of its own joins nothing
      '全文由总体情况、行政机关主动公开政府信息情况、行政机关收到和处理政府信息公开申请情况、因政府信息公开工作被申请行政复议、因政府信息公开工作被申请行政复议和提起行政诉讼情况、政府信息公开工作存在的问题及改进情况、其他需要报告的事项六个部分组成。',
      // probeT 043: 从 before a quote opens the list; two quoted items without a 、 are two; five listed
      '浑江区卫生健康局政府信息公开报告,重点从“总体情况、行政机关收到和处理政府信息公开申请情况、因政府信息公开被申请行政复议和提起行政诉讼情况、政府信息公开工作中存在的主要问题及改进情况”“其他需要报告的事项”六个部分组成。',
      // a list of columns, none named like a report's part, is counted as written
      '门户网站包括通知公告、政策解读、工作动态四个栏目。',
    ];
    assert.deepEqual(messagesOf(run(checkNarrativeCount, { lines })), [
      '“全文由总体情况、行政机关主动公开政府信息情况、行…”称共6个部分，但列举了7个部分',
      '“浑江区卫生健康局政府信息公开报告,重点从“总体情…”称共6个部分，但列举了5个部分',
      '“门户网站包括通知公告、政策解读、工作动态四个栏目”称共4个栏目，但列举了3个栏目',
    ]);
  });
});

describe('NARR-T4 and NARR-T2 leave out what is no count of the cell (real pages)', () => {
  test('no appeal lost (`未发生…被行政复议纠错或行政诉讼败诉情形`) says nothing of how many there were', () => {
    const evaluations = run(checkNarrativeAppeals, {
      lines: ['全年未发生因依申请公开被行政复议纠错或行政诉讼败诉情形。'],
      cells: { 'review.total': 2, 'litigation_direct.total': 1, 'litigation_after_review.total': 0 },
    });
    assert.deepEqual(messagesOf(evaluations), []);
  });

  test('several kinds counted together (`…行政规范性文件等243件`) are no figure of the row', () => {
    const evaluations = run(checkNarrativeTable2, {
      lines: ['刊登市政府规章、市政府部门行政规范性文件等243件。'],
      cells: { 'normative_documents.issued': 34, 'rules.issued': 22 },
    });
    assert.deepEqual(messagesOf(evaluations), []);
  });

  test('departments` documents (`部门规范性文件45件` in a government`s report) are no figure of its row; its own are', () => {
    const evaluations = run(checkNarrativeTable2, {
      lines: [
        '按时编辑出版《上海市人民政府公报》，全年共编发公报24期，刊登政府规章、规范性文件等112件，部门规范性文件45件，政策解读83件。',
      ],
      cells: { 'normative_documents.issued': 60 },
    });
    assert.deepEqual(messagesOf(evaluations), []);
    const own = run(checkNarrativeTable2, {
      lines: ['本部门规范性文件45件。'],
      cells: { 'normative_documents.issued': 60 },
    });
    assert.equal(messagesOf(own).length, 1);
  });
});

describe('NARR-T2 (rule 27)', () => {
  test('a 2021 report: 行政规范性文件 against 本年制发件数', () => {
    const evaluations = run(checkNarrativeTable2, {
      lines: ['全年制发行政规范性文件3件，行政许可93件。'],
      cells: { 'normative_documents.issued': 2, 'licensing.decisions': 93 },
    });
    assert.deepEqual(
      evaluations.map((e) => [e.status, e.finding?.message]),
      [
        ['fail', '正文称行政规范性文件3件，表二“行政规范性文件”“本年制发件数”为2'],
        ['pass', undefined],
      ],
    );
  });

  test('a 2019 report: 规范性文件 against 本年新制作数量', () => {
    const evaluations = run(checkNarrativeTable2, {
      template: '2019',
      year: 2020,
      lines: ['新制作规范性文件5件。'],
      cells: { 'normative_documents.new_made': 4 },
    });
    assert.deepEqual(messagesOf(evaluations), ['正文称规范性文件5件，表二“规范性文件”“本年新制作数量”为4']);
  });

  test('a 规范性文件 figure qualified as another count (in force, repealed, reviewed) is not the documents made this year', () => {
    const evaluations = run(checkNarrativeTable2, {
      lines: ['集中公开现行有效行政规范性文件698件，动态更新本年度制发的规范性文件88件。经清理，已宣布废止规范性文件5件，审查规章2件。'],
      cells: { 'normative_documents.issued': 88, 'rules.issued': 0 },
    });
    assert.deepEqual(
      evaluations.map((e) => [e.status, e.expression]),
      [['pass', '正文所述规范性文件件数 = normative_documents.issued']],
    );
  });

  test('the number before the label after a verb of issuing (`出台了2份规范性文件`, probeL2 019)', () => {
    const evaluations = run(checkNarrativeTable2, {
      lines: [
        '全年主动公开各类文件188件,以“柳体规”文号出台了2份规范性文件,均通过政府部门网站、新闻发布会、政策说明会等渠道进行了解读;微信官方公众号现有1.46万人关注。',
      ],
      cells: { 'normative_documents.issued': 0 },
    });
    assert.deepEqual(
      evaluations.map((e) => [e.status, e.finding?.message]),
      [['fail', '正文称规范性文件2件，表二“行政规范性文件”“本年制发件数”为0']],
    );
    // another period, others` documents, or another count: no statement
    for (const line of [
      '2019年以来出台了5份规范性文件。',
      '累计印发3件规范性文件。',
      '指导各部门制发4份规范性文件。',
      '清理后重新印发2件规范性文件。',
      '发布2份规范性文件解读。',
    ]) {
      assert.deepEqual(run(checkNarrativeTable2, { lines: [line], cells: { 'normative_documents.issued': 0 } }), [], line);
    }
  });

  test('more than 6 characters between the label and the number is no statement about table 二', () => {
    assert.deepEqual(
      run(checkNarrativeTable2, { lines: ['公开部门规章、规范性文件、主动公开文件等3件。'], cells: { 'rules.issued': 0 } }),
      [],
    );
  });
});

describe('NARR-FEE (rule 28)', () => {
  test('收取信息处理费300元 with no application new or carried over is a warning (§4 example)', () => {
    const evaluations = run(checkNarrativeFee, {
      section: 'other_matters',
      lines: ['本年度收取信息处理费300元。'],
      cells: { 'received.total': 0, 'carried_in.total': 0 },
    });
    assert.deepEqual(
      evaluations.map((e) => [e.finding?.message, e.finding?.cells]),
      [['正文称收取信息处理费300元，但表三本年新收和上年结转申请均为0', ['received.total', 'carried_in.total']]],
    );
  });

  test('an application new this year makes a stated fee possible', () => {
    const evaluations = run(checkNarrativeFee, {
      section: 'other_matters',
      lines: ['收取信息处理费0.015万元。'],
      cells: { 'received.total': 1, 'carried_in.total': 0 },
    });
    assert.deepEqual(
      evaluations.map((e) => [e.status, e.left, e.finding]),
      [['pass', 1, undefined]],
    );
    assert.match(evaluations[0]?.expression ?? '', /信息处理费/);
    const none = run(checkNarrativeFee, { lines: ['收取信息处理费0.015万元。'], cells: { 'received.total': 0, 'carried_in.total': 0 } });
    assert.deepEqual(messagesOf(none), ['正文称收取信息处理费150元，但表三本年新收和上年结转申请均为0']);
  });

  test('no fee stated, or 0元, is no evaluation; a blank operand is not assessable', () => {
    assert.deepEqual(run(checkNarrativeFee, { lines: ['我局未收取信息处理费，收取信息处理费0元。'], cells: { 'received.total': 0 } }), []);
    assert.deepEqual(statusesOf(run(checkNarrativeFee, { lines: ['收取信息处理费300元。'], cells: { 'received.total': 0 } })), [
      'not_assessable',
    ]);
  });
});

describe('NARR-STALE-YEAR (rule 34)', () => {
  test('a 2023 report whose section 一 opens a figure sentence with 2022年 is a warning (§2.6 example)', () => {
    assert.deepEqual(messagesOf(run(checkNarrativeStaleYear, { lines: ['2022年，我局通过门户网站发布信息120条。'] })), [
      '正文“2022年，我局通过门户网站发布信息120条”所述年份2022年与报告年度2023年不符，可能沿用了上年报告内容',
    ]);
  });

  test('the report year, a sentence without a figure, or another section: no finding', () => {
    const lines = ['2023年以来，我局发布信息120条。', '2022年，我局进一步完善制度。'];
    assert.deepEqual(statusesOf(run(checkNarrativeStaleYear, { lines })), ['pass']);
    assert.deepEqual(run(checkNarrativeStaleYear, { section: 'problems', lines: ['2022年，我局发布信息120条。'] }), []);
  });
});

describe('NARR-STALE-YEAR (rule 34) after a sub-heading run into the sentence (a real page)', () => {
  test('`(三) 政府信息管理情况 2022年,…0件` in a 2023 report is a warning; a lead not set off by a space or colon (`(一)截至2022年`) is none', () => {
    // probeY 041
    const lines = ['(三) 政府信息管理情况 2022年,西柳镇人民政府办公室共制定规范性文件0件,废止规范性文件0件,现行有效的规范性文件0件。'];
    assert.deepEqual(messagesOf(run(checkNarrativeStaleYear, { lines, year: 2023 })), [
      '正文“(三) 政府信息管理情况 2022年,西柳镇人民…”所述年份2022年与报告年度2023年不符，可能沿用了上年报告内容',
    ]);
    assert.deepEqual(statusesOf(run(checkNarrativeStaleYear, { lines: ['(一)截至2022年,累计发布信息120条。'], year: 2023 })), []);
  });
});

describe('NARR-STALE-YEAR (rule 34): the year run straight into the organ`s own subject (a real page)', () => {
  test('`2022年我单位共制作…84条` in a 2023 report is a warning (probeJ1 016); a year run into anything else is none', () => {
    const lines = ['2022年我单位共制作、获取政府信息总数84条,主动公开信息数72条。'];
    assert.deepEqual(messagesOf(run(checkNarrativeStaleYear, { lines, year: 2023 })), [
      '正文“2022年我单位共制作、获取政府信息总数84条,…”所述年份2022年与报告年度2023年不符，可能沿用了上年报告内容',
    ]);
    // the report's agency as the subject (run() titles the report 某县民政局's)
    assert.equal(messagesOf(run(checkNarrativeStaleYear, { lines: ['2022年某县民政局发布信息120条。'], year: 2023 })).length, 1);
    // the report year, a date or a title run into the year: no warning
    for (const line of ['2023年我局发布信息120条。', '2022年12月31日前发布信息120条。', '2022年度报告发布后收到意见3条。']) {
      assert.deepEqual(messagesOf(run(checkNarrativeStaleYear, { lines: [line], year: 2023 })), [], line);
    }
  });
});

describe('NARR-COUNT (rule 35)', () => {
  test('“…等六部分组成” listing four parts is a warning (§2.6 example)', () => {
    const sentence = '本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、存在的主要问题及改进情况等六部分组成。';
    assert.deepEqual(messagesOf(run(checkNarrativeCount, { section: 'overview', lines: [sentence] })), [
      '“本报告由总体情况、主动公开政府信息情况、收到和处…”称共6部分，但列举了4部分',
    ]);
  });

  test('the six parts listed in full pass, as does a last item joined with 和', () => {
    const six = `本报告由${TEMPLATE_2021.sections.map((s) => s.heading.slice(2)).join('、')}六部分组成。`;
    const joined = '网站设有3个栏目：通知公告、政策解读和工作动态。';
    assert.deepEqual(statusesOf(run(checkNarrativeCount, { lines: [six, joined] })), ['pass', 'pass']);
  });

  test('主要由 (mainly) makes the list a selection: fewer items pass, more still fail', () => {
    const short =
      '本报告主要由主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况和其他需要报告的事项等六部分组成。';
    const long = '本报告主要由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、存在的主要问题及改进情况等三部分组成。';
    const evaluations = run(checkNarrativeCount, { lines: [short, long] });
    assert.deepEqual(statusesOf(evaluations), ['pass', 'fail']);
    assert.deepEqual(messagesOf(evaluations), ['“本报告主要由总体情况、主动公开政府信息情况、收到…”称共3部分，但列举了4部分']);
  });

  test('a count before a colon list (`共4个栏目：A、B、C`) and ordinal lists (`一是…二是…`) are counted', () => {
    const lines = ['门户网站共4个栏目：通知公告、政策解读、工作动态。', '工作分为三个方面：一是完善制度；二是加强培训；三是强化监督。'];
    assert.deepEqual(messagesOf(run(checkNarrativeCount, { lines })), [
      '“门户网站共4个栏目：通知公告、政策解读、工作动态”称共4个栏目，但列举了3个栏目',
    ]);
  });
});

describe('NARR-PERCENT (rule 36)', () => {
  test('50 of 200 stated as 26% is a warning; 150 of 200 as 75% passes (§2.6 example)', () => {
    const evaluations = run(checkNarrativePercent, { lines: ['共发布信息200条，其中工作动态150条，占75%，通知公告50条，占26%。'] });
    assert.deepEqual(statusesOf(evaluations), ['pass', 'fail']);
    assert.deepEqual(messagesOf(evaluations), ['“共发布信息200条，其中工作动态150条，占75…”：50/200=25%，与所述26%不符']);
  });

  test('shares of another count before them, which every share rounds from, are shares of that count (a real page)', () => {
    const lines = [
      '本年度共处理依申请公开件98件,办结99件,1件为上年度结转办理件,其中予以公开79件,占79.8%;部分公开8件,占8.08%;无法提供3件占3.03%。',
    ];
    assert.deepEqual(statusesOf(run(checkNarrativePercent, { lines })), ['pass', 'pass', 'pass']);
    // a share that no count before it explains is still measured against the stated total
    const wrong = ['本年度共处理依申请公开件98件,办结99件,1件为上年度结转办理件,其中予以公开79件,占79.8%;部分公开8件,占9%。'];
    assert.deepEqual(statusesOf(run(checkNarrativePercent, { lines: wrong })), ['fail', 'fail']);
  });

  test('shares led in by words only, written `N件、占X%`, of the total ending the statement before (probeD2 003, probeB2 048)', () => {
    const applications = [
      '2、依申请公开情况。2022年,全区共收到政府信息公开申请130件,申请量同比增长103%。为提升答复群众满意率,我区进一步规范政府信息公开申请答复流程,制定统一办理流程和答复文书,办复率100%,其中予以公开或部分公开59件、占45.3%;不予公开32件、占24.6%;无法提供26件、占20%;不予处理1件、占0.7%;其他处理12件、占9.2%。',
    ];
    assert.deepEqual(messagesOf(run(checkNarrativePercent, { lines: applications })), [
      '“为提升答复群众满意率,我区进一步规范政府信息公开…”：59/130=45.4%，与所述45.3%不符',
      '“为提升答复群众满意率,我区进一步规范政府信息公开…”：1/130=0.8%，与所述0.7%不符',
    ]);
    const channels = [
      '1.信息发布情况。2022年,累计公开政府信息580条。',
      '从公开渠道来看,政府网站公开信息118条,占比20.34%;政务新媒体公开信息142条,占比24.48%;通过报刊、电视、广播、政务服务场所等传统公开载体公开信息320条,占比55.18%。',
    ];
    // 20.34 + 24.48 + 55.18 = 100.00: shares adjusted to make up the whole are measured one by one (rule 36, half-up)
    assert.deepEqual(messagesOf(run(checkNarrativePercent, { lines: channels })), [
      '“从公开渠道来看,政府网站公开信息118条,占比2…”：320/580=55.17%，与所述55.18%不符',
    ]);
    // a count before the shares: they are no shares of the statement before's total
    const counted = [
      '2022年,累计公开政府信息580条。',
      '网站发布300条,政府网站公开信息118条,占比20.34%;政务新媒体公开信息142条,占比24.48%。',
    ];
    assert.deepEqual(messagesOf(run(checkNarrativePercent, { lines: counted })), []);
  });

  test('the stated precision decides the rounding; an exact .5 may round either way', () => {
    const lines = ['共办理8件，其中予以公开1件（12.5%），部分公开1件（13%），不予公开1件（12%），无法提供3件（37.6%）。'];
    const evaluations = run(checkNarrativePercent, { lines });
    assert.deepEqual(statusesOf(evaluations), ['pass', 'pass', 'pass', 'fail']);
    assert.deepEqual(messagesOf(evaluations), ['“共办理8件，其中予以公开1件（12.5%），部分…”：3/8=37.5%，与所述37.6%不符']);
  });

  test('a full-width ％ is a percent sign too', () => {
    const evaluations = run(checkNarrativePercent, { lines: ['共发布信息200条，其中通知公告50条，占26％。'] });
    assert.deepEqual(messagesOf(evaluations), ['“共发布信息200条，其中通知公告50条，占26％”：50/200=25%，与所述26%不符']);
  });

  test('a total before `其中` in the statement before, or `…的N条政府信息中`, when most shares round from it (real pages)', () => {
    // probeV 043: 207/312 = 66.3 %, the other shares round from 312
    const v043 = [
      '根据《条例》要求,本单位对应主动公开的政府信息进行了梳理和编目,2008年度共新增主动公开政府信息312条。其中,机构概况类信息5条,占1.6%;政策文件类信息24条,占7.7 %;政务动态类信息50条,占16 %;行政执法类信息0条;重点业务类信息26条,占8.3%;其它类信息207条,占58.1%。',
    ];
    assert.deepEqual(messagesOf(run(checkNarrativePercent, { lines: v043 })), [
      '“其中,机构概况类信息5条,占1.6%;政策文件类…”：207/312=66.3%，与所述58.1%不符',
    ]);
    // probeV 054: a statement without a count between; 1/224 = 0.446 % is 0.4 % at one decimal, half-up
    const v054 = [
      '全年主动公开政府信息224条,较去年下降7.8%。全文电子化率达100%。其中,机构职能类信息13条,占比5.8%;规划计划类信息1条,占比0.5%;部门动态类信息86条,占比38.4%;通知公告类信息19条,占比8.5%。',
    ];
    assert.deepEqual(messagesOf(run(checkNarrativePercent, { lines: v054 })), [
      '“其中,机构职能类信息13条,占比5.8%;规划计…”：1/224=0.4%，与所述0.5%不符',
    ]);
    // probeU 007: 60/2026 = 3.0 %
    const u007 = [
      '2012年，在平潭综合实验区管委会网站主动公开的2026条政府信息中，机构职能、主要职能、办事程序信息161条，占7.9%；政策、规范性文件类信息221条，占10.9%；规划计划类信息60条，占2.9%；行政许可类信息34条，占1.7%。',
    ];
    assert.deepEqual(messagesOf(run(checkNarrativePercent, { lines: u007 })), [
      '“2012年，在平潭综合实验区管委会网站主动公开的…”：60/2026=3.0%，与所述2.9%不符',
    ]);
    // shares that mostly do not round from the count before are no shares of it: no evaluation
    const other = ['全年共发布信息300条。其中,通知公告10条,占20%;工作动态20条,占40%。', '在公开的50条信息中，通知10条，占20%。'];
    assert.deepEqual(statusesOf(run(checkNarrativePercent, { lines: other })), []);
  });

  test('shares adjusted to add up to exactly 100 % are measured one by one, half-up (probeH8 039 = probeQ7 021, probeH8 043)', () => {
    // probeH8 039: 5/12 = 41.67 % stated 41 %, so that 8 + 41 + 17 + 17 + 17 = 100: 41 % is no half-up rounding (rule 36)
    const h039 = [
      '本单位对政府信息进行了梳理和编目,截至2022年12月31日,累计主动公开政府信息12条(均在政府网站我单位专栏中公开)。',
      '在主动公开的信息中,政务信息公开指南1条,占8%;其他公文5条,占41%;决算预算2条,占17%,采购目录及收费标准2条,占17%,公示公告及其他类信息2条,占17%。',
    ];
    assert.deepEqual(statusesOf(run(checkNarrativePercent, { lines: h039 })), ['pass', 'fail', 'pass', 'pass', 'pass']);
    // probeH8 043: 13/1046 = 1.24 % stated 1.3 %, so that 82.4 + 16.3 + 1.3 = 100.0: 1.2 % half-up
    const h043 = [
      '2024年,共收到政府信息公开申请1046件。其中,通过委官方网站提交申请表的862件,占比82.4%;通过信函提交申请的171件,占比16.3%;当面提交13件,占比1.3%。',
    ];
    assert.deepEqual(statusesOf(run(checkNarrativePercent, { lines: h043 })), ['pass', 'pass', 'fail']);
    // a share a unit or more off, or shares not adding up to 100 %: measured one by one too
    const off = ['共发布信息12条，其中通知1条，占8%；公文5条，占40%；公告6条，占52%。'];
    assert.deepEqual(statusesOf(run(checkNarrativePercent, { lines: off })), ['pass', 'fail', 'fail']);
    const short = ['共收到申请1046件,其中,网上862件,占比82.4%;信函171件,占比16.3%;当面13件,占比1.3%;其他0件,占比0.1%。'];
    assert.deepEqual(statusesOf(run(checkNarrativePercent, { lines: short })), ['pass', 'pass', 'fail', 'fail']);
  });

  test('no stated total or an approximate one (`1000余条`): no evaluation', () => {
    assert.deepEqual(run(checkNarrativePercent, { lines: ['工作动态150条，占75%。', '共发布1000余条，其中通知50条，占5%。'] }), []);
  });
});

describe('fingerprints (rule + subject, never the values)', () => {
  test('the same sentence with other table values keeps its fingerprint; a repeated sentence gets its own', () => {
    const lines = ['本年度共收到政府信息公开申请12件。', '本年度共收到政府信息公开申请12件。'];
    const a = run(checkNarrativeReceived, { lines, cells: { 'received.total': 12 } });
    const b = run(checkNarrativeReceived, { lines, cells: { 'received.total': 7 } });
    assert.deepEqual(
      a.map((e) => e.fingerprint),
      b.map((e) => e.fingerprint),
    );
    assert.notEqual(a[0]?.fingerprint, a[1]?.fingerprint);
  });
});

describe('NARR-PERCENT (rule 36): shares going on after the full stop, one without 占 (probe round 17, fixR)', () => {
  test('`政策文件1条,0.16%,…` right after a statement of shares of 60 ends on one: shares of the 60 (probeP3 037)', () => {
    const lines = [
      '2020年全镇通过“幸福白石”微信公众号公开政府信息数为1260条;通过政府信息公开网主动公开政府信息60条,其中政务动态类35条,占58%,履职依据类5条,占0.08%,机构智能类3条,占0.05%,领导信息4条,占0.06%。政策文件1条,0.16%,财政预算决算4条,占0.06%。',
    ];
    assert.deepEqual(messagesOf(run(checkNarrativePercent, { lines })), [
      '“2020年全镇通过“幸福白石”微信公众号公开政府…”：5/60=8.33%，与所述0.08%不符',
      '“2020年全镇通过“幸福白石”微信公众号公开政府…”：3/60=5.00%，与所述0.05%不符',
      '“2020年全镇通过“幸福白石”微信公众号公开政府…”：4/60=6.67%，与所述0.06%不符',
      '“政策文件1条,0.16%,财政预算决算4条,占0…”：1/60=1.67%，与所述0.16%不符',
      '“政策文件1条,0.16%,财政预算决算4条,占0…”：4/60=6.67%，与所述0.06%不符',
    ]);
    // a statement after one that ends on no share (another count follows it) is not read against its total
    const closed = ['共收到申请60件,其中当面申请30件,占50%,网上申请30件,占50%,均已办结。予以公开40件,占80%。'];
    assert.deepEqual(messagesOf(run(checkNarrativePercent, { lines: closed })), []);
  });
});

describe('probe round 18 (r18g)', () => {
  test('NARR-COUNT: section 四 in the 2007 wording, two named halves, is one part in the fewest reading (probeQ5 018)', () => {
    const six =
      '本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、因政府信息公开工作被申请行政复议情况、提起行政诉讼情况、政府信息公开工作存在的主要问题及改进情况、其他需要报告的事项等六个部分组成。';
    assert.deepEqual(statusesOf(run(checkNarrativeCount, { year: 2022, lines: [six] })), ['pass']);
  });

  test('NARR-COUNT: section 四`s title `行政复议、行政诉讼情况` is one part whatever parts the list (probeQ3 037, probeQ8 021)', () => {
    const bySemicolon =
      '本报告由本年度政府信息公开工作总体情况;主动公开政府信息情况;收到和处理政府信息公开申请情况;政府信息公开行政复议、行政诉讼情况;存在的主要问题及改进情况六部分组成。';
    const byComma =
      '全文由政府信息公开工作总体情况,主动公开政府信息情况,收到和处理政府信息公开申请情况,政府信息公开行政复议、行政诉讼情况,政府信息公开工作中存在的主要问题及改进情况等六部分组成。';
    // Bare items `行政复议、行政诉讼` may be two parts (corpus p027): no finding.
    const bare = '本报告由概述、主动公开政府信息、依申请公开政府信息、行政复议、行政诉讼、存在问题和改进措施6个部分组成。';
    const evaluations = run(checkNarrativeCount, { year: 2021, lines: [bySemicolon, byComma, bare] });
    assert.deepEqual(statusesOf(evaluations), ['fail', 'fail', 'pass']);
    assert.deepEqual(messagesOf(evaluations), [
      '“本报告由本年度政府信息公开工作总体情况;主动公开…”称共6部分，但列举了5部分',
      '“全文由政府信息公开工作总体情况,主动公开政府信息…”称共6部分，但列举了5部分',
    ]);
  });

  test('NARR-STALE-YEAR: this year`s figures opened on last year`s closing date (probeQ8 032, probeQ6 036)', () => {
    const street = run(checkNarrativeStaleYear, {
      year: 2022,
      lines: [
        '截止2021年12月31日,我街道共受理政府信息公开申请50件,上年结转政府信息公开申请数量3件。',
        '截至2022年12月31日,我街道共受理政府信息公开申请50件。',
        '截至2021年12月31日前已办结申请3件。',
      ],
    });
    assert.deepEqual(messagesOf(street), [
      '正文“截止2021年12月31日,我街道共受理政府信息…”所述年份2021年与报告年度2022年不符，可能沿用了上年报告内容',
    ]);
    const bureau = run(checkNarrativeStaleYear, {
      year: 2021,
      lines: ['(一)主动公开政府信息情况:截至2020年12月31日,我办通过天水市乡村振兴局网站公布信息1877条,发送天水市乡村振兴工作动态30期。'],
    });
    assert.deepEqual(messagesOf(bureau), [
      '正文“(一)主动公开政府信息情况:截至2020年12月…”所述年份2020年与报告年度2021年不符，可能沿用了上年报告内容',
    ]);
  });
});

describe('probe round 18 (r18f)', () => {
  test('shares adjusted to make up 100 % are measured half-up one by one: the total of the statement before (probeQ7 021)', () => {
    const lines = [
      '本单位对政府信息进行了梳理和编目,截至2022年12月31日,累计主动公开政府信息12条(均在政府网站我单位专栏中公开)。',
      '在主动公开的信息中,政务信息公开指南1条,占8%;其他公文5条,占41%;决算预算2条,占17%,采购目录及收费标准2条,占17%,公示公告及其他类信息2条,占17%。',
    ];
    assert.deepEqual(messagesOf(run(checkNarrativePercent, { lines })), [
      '“在主动公开的信息中,政务信息公开指南1条,占8%…”：5/12=42%，与所述41%不符',
    ]);
  });

  test('shares `N条,X%` without 占 in a list of them, adjusted to 100.0 %: only the one not rounding half-up (probeQ3 035)', () => {
    const lines = [
      '1.主动公开政府信息的主要类别。全县各级各部门主动公开的政府信息类别主要包括:全县公开各类信息1190条,全文电子化率为100%。其中,机构职能类信息102条,8.6%,政策、规范性文件类信息81条,6.8%,规划计划类信息42条,3.5%,行政许可类信息17条,1.4%,重大建设项目信息81条,6.8%,为民办实事类信息63条,5.3%,民政扶贫救灾社会保障就业类信息60条,5.1%,国土资源城乡建设环保能源类信息57条,4.8%,科教文体卫生类信息73条,6.1%,安全生产、应急管理类信息166条,14%,其他类信息448条,占37.6%',
    ];
    const evaluations = run(checkNarrativePercent, { lines });
    assert.deepEqual(statusesOf(evaluations), ['pass', 'pass', 'pass', 'pass', 'pass', 'pass', 'fail', 'pass', 'pass', 'pass', 'pass']);
    assert.deepEqual(messagesOf(evaluations), ['“其中,机构职能类信息102条,8.6%,政策、规…”：60/1190=5.0%，与所述5.1%不符']);
  });
});
