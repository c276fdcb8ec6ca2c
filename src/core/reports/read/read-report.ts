// Path 1 of the architecture: a decoded source → the reader contract object with its findings.
// Wires the table reader, the document-text reader and validation; never throws on bad data.

import { fingerprintOf } from '../../shared/fingerprint.ts';
import {
  type Finding,
  type FingerprintedFinding,
  finding,
  READ_SCHEMA,
  type ReportReading,
  type RuleEvaluation,
  type SourceDocument,
} from '../report-model.ts';
import { DEFAULT_VALIDATION_SETTINGS, type ReportFacts, toReportFacts, type ValidationSettings } from '../validate/rule.ts';
import { type CrossYearSpan, revalidateCrossYear, type ValidationResult, validateReport } from '../validate/validate-report.ts';
import { titlesOnlyWork } from './read-document-headings.ts';
import { COVER_LETTER, pageMenuLength, readDocumentText } from './read-document-text.ts';
import { readTables } from './read-tables.ts';
import { withoutRunningHeaders } from './running-headers.ts';

/** A reading with what produced it: the facts (for cross-year rules) and every rule evaluation. */
export interface ReportAnalysis {
  readonly reading: ReportReading;
  /** Null when the source could not be read. */
  readonly facts: ReportFacts | null;
  /** Findings of the reading step itself (kept so validation can be re-run with a previous year). */
  readonly readingFindings: readonly Finding[];
  readonly evaluations: readonly RuleEvaluation[];
  /** Cell ID → where the cell sits in the source as its user sees it (XLSX `表三!D27`), when known. */
  readonly places?: ReadonlyMap<string, string>;
  /**
   * Where the cross-year rules' evaluations sit in `evaluations` (validateReport), so pairing with a
   * previous year re-runs only those rules. Absent when the analysis came another way (then the whole
   * validation runs again).
   */
  readonly crossYear?: CrossYearSpan;
}

/** How a report is read: every evaluation (`--explain`, the default) or only the failing ones. */
export interface ReadReportOptions {
  readonly evaluations?: 'all' | 'failures';
}

/** Reads one decoded report (annual-report.md §6) and validates it (validation-rules.md). */
export function readReport(
  document: SourceDocument,
  source: string,
  settings: ValidationSettings = DEFAULT_VALIDATION_SETTINGS,
  options: ReadReportOptions = {},
): ReportAnalysis {
  const tables = readTables(withoutRunningHeaders(document));
  const text = readDocumentText(tables.narrativeLines, tables.template, {
    truncatedIn: tables.truncatedIn,
    beforeTables: tables.beforeTables,
    endLine: tables.endLine,
    tablesFound: tables.tablesFound,
  });
  const facts = toReportFacts(tables, text);
  // A text cut in its prose says so once: not also as a number it ends in (`开设7`), which is no table cell.
  const tableFindings = text.cutSection === undefined ? tables.findings : tables.findings.filter((f) => f.rule !== 'READ-TRUNCATED');
  const readingFindings = [...(document.findings ?? []), ...tableFindings, ...text.findings];
  const validation = validateReport({ report: facts, settings, readingFindings, evaluations: options.evaluations ?? 'all' });
  const analysis = inWrittenForm(document, analysisOf(source, facts, readingFindings, validation));
  return document.places === undefined ? analysis : { ...analysis, places: document.places };
}

/**
 * The reading in the file's own characters when its text was converted from traditional ones: the agency
 * (`柞水縣鳳凰鎮人民政府`, read as 柞水县凤凰镇人民政府), each narrative `text` (the sentence as written, §6.5:
 * `…省政府檔案45條…`, not its conversion `…省政府文件45条…`, probeQ6 017) and the sentences the narrative findings quote
 * (`“2020年省政府辦公廳共收到政府信息公開申請70…”`), each found where the converted text holds it, spaces aside (the
 * conversion keeps each character's place: SourceBlock.written). What is not found there stays as read. The facts keep
 * the simplified text, which the rules read and which pairs the years of one agency.
 */
function inWrittenForm(document: SourceDocument, analysis: ReportAnalysis): ReportAnalysis {
  const written = writtenTextOf(document);
  if (written === null) {
    return analysis;
  }
  const reading = analysis.reading;
  const asWritten = writtenLookup(written);
  const agency = reading.agency === null ? null : asWritten(reading.agency);
  const narrative = reading.narrative.map((entry) => {
    const text = asWritten(entry.text);
    return text === entry.text ? entry : { ...entry, text };
  });
  const findings = reading.findings.map((f) => quotingWritten(f, asWritten));
  const evaluations = analysis.evaluations.map((e) => {
    if (e.finding === undefined) {
      return e;
    }
    const quoted = quotingWritten(e.finding, asWritten);
    return quoted === e.finding ? e : { ...e, finding: quoted };
  });
  return { ...analysis, reading: { ...reading, agency, narrative, findings }, evaluations };
}

/** The converted text and the text as written, spaces removed, character for character; null when nothing was converted. */
function writtenTextOf(document: SourceDocument): { readonly converted: string; readonly written: string } | null {
  let converted = '';
  let written = '';
  for (const block of document.blocks) {
    if (block.kind !== 'text' || block.written === undefined) {
      continue;
    }
    for (let i = 0; i < block.text.length; i++) {
      const ch = block.text[i]!;
      if (!/\s/.test(ch)) {
        converted += ch;
        written += block.written[i];
      }
    }
    // (no text is found across two blocks)
    converted += '\n';
    written += '\n';
  }
  return converted === '' ? null : { converted, written };
}

/** A text of the converted reading as the file writes it (its spaces kept), or as it is when the file does not hold it. */
function writtenLookup(text: { readonly converted: string; readonly written: string }): (read: string) => string {
  const memo = new Map<string, string>();
  return (read) => {
    let out = memo.get(read);
    if (out === undefined) {
      out = read;
      const key = read.replace(/\s+/g, '');
      const at = key === '' ? -1 : text.converted.indexOf(key);
      if (at >= 0) {
        let k = at;
        out = read.replace(/\S/g, () => text.written[k++]!);
      }
      memo.set(read, out);
    }
    return out;
  };
}

// The findings quoting a sentence of the narrative (`{excerpt}`: validation-rules.md §3), and where their excerpts stand: first
// (`“…”：总数…`), after 正文 (`正文“…”所述年份…`) or after a colon or comma (`：“…”为12条，“…”为13条`, NARR-CHANNEL). Their
// other quotes are the template's labels (`表二“规章”`) or words of a list (`序号为“一是、三是”`, `所述“政策解读”栏目`): as read.
const QUOTES_EXCERPT: ReadonlySet<string> = new Set([
  'NARR-SUM',
  'NARR-SUM-PARTIAL',
  'NARR-SUM-LIST',
  'NARR-STALE-YEAR',
  'NARR-COUNT',
  'NARR-PERCENT',
  'NARR-CHANNEL',
  'NARR-ORDINAL',
  'NARR-BALANCE',
  'META-YEAR-TEXT',
]);
const QUOTED_EXCERPT = /(^|正文|[：，])“([^“”]+?)(…?)”/g;

/** A narrative finding with the sentences it quotes as written; any other finding as it is. */
function quotingWritten<F extends Finding>(f: F, asWritten: (read: string) => string): F {
  if (!QUOTES_EXCERPT.has(f.rule)) {
    return f;
  }
  const message = f.message.replace(
    QUOTED_EXCERPT,
    (_, before: string, quoted: string, cut: string) => `${before}“${asWritten(quoted)}${cut}”`,
  );
  return message === f.message ? f : { ...f, message };
}

/** Re-runs validation with the same agency's previous-year facts (validation-rules.md P4, rules 23–24). */
export function revalidateWithPrevious(
  analysis: ReportAnalysis,
  previous: ReportFacts,
  settings: ValidationSettings = DEFAULT_VALIDATION_SETTINGS,
): ReportAnalysis {
  if (analysis.facts === null) {
    return analysis;
  }
  const validation =
    analysis.crossYear === undefined
      ? validateReport({ report: analysis.facts, settings, readingFindings: analysis.readingFindings, previous })
      : revalidateCrossYear(analysis.facts, analysis.evaluations, analysis.crossYear, previous, settings);
  const again = analysisOf(analysis.reading.source, analysis.facts, analysis.readingFindings, validation);
  return analysis.places === undefined ? again : { ...again, places: analysis.places };
}

/**
 * The analysis keeping only failing evaluations (what is read without `--explain`), its cross-year
 * span moved with them; the same object when it has nothing else.
 */
export function withFailuresOnly(analysis: ReportAnalysis): ReportAnalysis {
  if (analysis.crossYear?.evaluations !== 'all' && analysis.evaluations.every((e) => e.status === 'fail')) {
    return analysis;
  }
  const evaluations = analysis.evaluations.filter((e) => e.status === 'fail');
  const span = analysis.crossYear;
  if (span === undefined) {
    return { ...analysis, evaluations };
  }
  // The span's ends move back by the evaluations dropped before them.
  const failsBefore = (end: number): number => analysis.evaluations.slice(0, end).filter((e) => e.status === 'fail').length;
  return { ...analysis, evaluations, crossYear: { from: failsBefore(span.from), to: failsBefore(span.to), evaluations: 'failures' } };
}

/**
 * The analysis as a batch holds it until it is final (`report check` waits for up to LOOKAHEAD later
 * files, audit-reports.ts): its facts without the narrative lines, section lines and headings, which
 * only the single-report rules read — and those never run again once validation has recorded where
 * the cross-year rules' evaluations sit (`crossYear`; pairing with a previous year re-runs only
 * those, which read the cells, template, year and agency; the reading is rebuilt from the cells, the
 * narrative values, agency, year and template). A held analysis is ~50 KB, ~15 KB of it these lines
 * (and the decoded text they are slices of): every held analysis outlives the young generation and
 * is copied twice by the scavenger, so this is ~30 % less to copy. The same object when there is
 * nothing to drop or no span.
 */
export function withHeldFacts(analysis: ReportAnalysis): ReportAnalysis {
  const facts = analysis.facts;
  if (facts === null || analysis.crossYear === undefined) {
    return analysis;
  }
  const text = facts.text;
  if (facts.narrativeLines.length === 0 && text.sections.length === 0 && text.headings.length === 0) {
    return analysis;
  }
  return { ...analysis, facts: { ...facts, narrativeLines: [], text: { ...text, sections: [], headings: [] } } };
}

/** The contract object for a file that could not be read (READ-SOURCE, reader contract §6.1). */
export function unreadableReport(source: string, reason: string): ReportAnalysis {
  const failure: FingerprintedFinding = {
    ...finding('READ-SOURCE', `无法读取文件：${reason}`),
    fingerprint: fingerprintOf('READ-SOURCE', reason),
  };
  return {
    reading: {
      schema: READ_SCHEMA,
      source,
      agency: null,
      year: null,
      template: 'unknown',
      cells: [],
      narrative: [],
      findings: [failure],
    },
    facts: null,
    readingFindings: [failure],
    evaluations: [],
  };
}

function analysisOf(source: string, facts: ReportFacts, readingFindings: readonly Finding[], validation: ValidationResult): ReportAnalysis {
  const { findings, evaluations, crossYear } = validation;
  const reading: ReportReading = {
    schema: READ_SCHEMA,
    source,
    agency: facts.agency,
    year: facts.year,
    template: facts.template,
    cells: [...facts.cells.values()],
    narrative: facts.text.narrative,
    findings: findings satisfies readonly FingerprintedFinding[],
  };
  // A page about a report, titled by it (its 解读, a notice about making the reports, the template's notice): no
  // report, whatever outline it has (`一、编制背景`, the notice's list of what a report holds).
  // What the text opens with is judged after a site's menu above it (`- 政策解读` … `- 项目中心`, probeI10 025).
  const menu = pageMenuLength(facts.narrativeLines);
  const opened = menu === 0 ? facts : { ...facts, narrativeLines: facts.narrativeLines.slice(menu) };
  const aboutAReport = reading.cells.length === 0 && titledAboutAReport(opened.narrativeLines);
  if (
    aboutAReport ||
    (reading.cells.length === 0 && titledAsGuide(opened) && !statesItsPeriod(opened) && !titledAsReport(opened)) ||
    (reading.cells.length === 0 && listsLinks(facts.narrativeLines)) ||
    (isNotAReport(reading, facts) &&
      !statesItsPeriod(opened) &&
      !titledAsReport(opened) &&
      !introducesItsReport(opened) &&
      !headedByItsTitle(opened))
  ) {
    // (A text that opens by stating its statistics period is a report all the same, written without the
    // template's tables and headings: its missing tables and sections are the findings.)
    // A file that is no annual report (a notice, a README in the batch): one notice, not nine
    // missing tables and sections; no agency or year guessed from its text.
    const notice: FingerprintedFinding = {
      ...finding('NOT-A-REPORT', '这不是政府信息公开工作年度报告（没有找到年度报告的表格和栏目）'),
      fingerprint: fingerprintOf('NOT-A-REPORT'),
    };
    return { reading: { ...reading, agency: null, year: null, findings: [notice] }, facts, readingFindings, evaluations: [] };
  }
  if (reading.template === 'unknown' && reading.cells.length === 0 && facts.year !== null && facts.year <= LAST_YEAR_BEFORE_TEMPLATE) {
    return beforeTemplate(reading, facts, readingFindings, evaluations);
  }
  return { reading, facts, readingFindings, evaluations, crossYear };
}

/** Report years before the first template (国办公开办函〔2019〕60号 applies from the 2019 reports on). */
const LAST_YEAR_BEFORE_TEMPLATE = 2018;
// What compares a report with the template's tables and sections: nothing to compare a report before it with
// (nor are a table's cells blank where the report had no such table: `二、主动公开政府信息情况` over prose).
const TEMPLATE_OUTLINE_RULES: ReadonlySet<string> = new Set(['STRUCT-TABLE', 'STRUCT-SECTION', 'STRUCT-HEADING', 'CELL-BLANK']);

/**
 * A report of 2018 or before without the template's tables (`一、概述`, `三、依申请公开情况`…: the outline of its
 * time): one TPL-BEFORE notice instead of every table and section the later templates have; the other
 * findings (its sums, its numbering) stand.
 */
function beforeTemplate(
  reading: ReportReading,
  facts: ReportFacts,
  readingFindings: readonly Finding[],
  evaluations: readonly RuleEvaluation[],
): ReportAnalysis {
  const notice: FingerprintedFinding = {
    ...finding('TPL-BEFORE', `${facts.year}年度报告早于政府信息公开工作年度报告格式（2019年度起适用），未按格式核对其表格和栏目`),
    fingerprint: fingerprintOf('TPL-BEFORE'),
  };
  // A cut outside the tables is said only in place of the template's tables and sections, none of which is checked here.
  const cutOutside = facts.text.cutSection !== undefined;
  const kept = (f: Finding) => !TEMPLATE_OUTLINE_RULES.has(f.rule) && !(cutOutside && f.rule === 'READ-TRUNCATED');
  const findings = [notice, ...reading.findings.filter(kept)];
  return {
    reading: { ...reading, findings },
    facts,
    readingFindings: readingFindings.filter(kept),
    evaluations: evaluations.filter((e) => !TEMPLATE_OUTLINE_RULES.has(e.rule)),
  };
}

/**
 * Whether one of the text's first three lines states the report's statistics period (`本报告中所列数据的统计期限自…`,
 * `本报告所列数据为2020年1月1日至2020年12月31日`).
 */
function statesItsPeriod(facts: ReportFacts): boolean {
  const period = facts.text.period;
  if (period === null) {
    return false;
  }
  if (facts.narrativeLines.slice(0, 3).some((line) => line.includes(period.text) && /统计|报告(?:中)?所列数据/.test(line))) {
    return true;
  }
  // …or one of its first three sentences, read across the lines a fixed-width text wraps them on and after a page's
  // header lines (`文档内容` / `2013` / `北京市统计局•…` / `2013/3/1`, probeI4 008), states the report's own period
  // (`本报告中所列数据的统计期限自 2012 年 1 月 1 日起,至` / `2012年12月31日止。`).
  const stated = period.text.replace(/\s+/g, '');
  return openingSentences(facts.narrativeLines)
    .slice(0, 3)
    .some((sentence) => sentence.includes(stated) && REPORT_PERIOD.test(sentence));
}
// A sentence giving the report's own period: `本报告中所列数据的统计期限…`, `本年度报告中所列数据统计时限为…`.
const REPORT_PERIOD = /报告(?:中)?所列数据|报告[^。，,；;]{0,10}统计/;

/** The sentences the text opens with: its first lines joined (spaces dropped), up to OPENING_CHARACTERS. */
function openingSentences(lines: readonly string[]): string[] {
  let opening = '';
  for (const line of lines) {
    if (opening.length >= OPENING_CHARACTERS) {
      break;
    }
    opening += line.replace(/\s+/g, '');
  }
  return opening
    .slice(0, OPENING_CHARACTERS)
    .split(/[。！？!?]/)
    .filter((sentence) => sentence !== '');
}
const OPENING_CHARACTERS = 1000;

/**
 * Whether the text names itself an organ's annual report of a year (`龙潭区人民政府2017年政府信息公开工作年度报告`):
 * a report before the template, or in prose, is a report all the same — its organ and year are read.
 */
function titledAsReport(facts: ReportFacts): boolean {
  return (
    facts.year !== null &&
    // its title, or its first lines (`特编制并向社会公布某局2014年度政府信息公开年度报告如下：`) name the report
    (facts.text.titleYear !== null || facts.narrativeLines.slice(0, 3).some((line) => /年度报告|年报/.test(line))) &&
    facts.agency !== null &&
    /^[\u4e00-\u9fff（）()]{3,}$/.test(facts.agency) &&
    // …and is laid out in numbered parts (`一、基本工作情况`, or a page of it: `（一）主动公开情况`), as a report is
    // (a README naming one is not).
    facts.narrativeLines.some((line) => NUMBERED_PART.test(line))
  );
}
/**
 * Whether the text's introduction presents the report of its year (`…现将2020年政府信息公开工作报告如下: 一、2020年政务公开
 * 工作完成情况及成效`, probeH7 048: a township's report in prose, naming its organ only as 我乡): a report all the same,
 * of that year, laid out in numbered parts. What is presented is the report itself, not its making (`现将我乡2020年政府
 * 信息公开年度报告编制和公布工作有关情况报告如下`) nor a quoted one (`现将《…年度报告》解读如下`).
 */
function introducesItsReport(facts: ReportFacts): boolean {
  if (facts.year === null || !facts.narrativeLines.some((line) => NUMBERED_PART.test(line))) {
    return false;
  }
  const presented = facts.narrativeLines.slice(0, 3).some((line) => {
    const intro = INTRODUCES_REPORT.exec(line.replace(/\s+/g, ''));
    return intro !== null && intro.index <= MAX_INTRODUCTION && Number(intro[1]) === facts.year;
  });
  // …or its first sentence says what the report is (`本报告是根据《条例》…要求,由北京市统计局、国家统计局北京调查总队(以下简称
  // 统计局队)编制的 2012 年度政府信息公开工作年度报告。`, probeI4 008, wrapped over four lines below a page's header lines).
  const first = openingSentences(facts.narrativeLines)[0];
  const described = first === undefined ? null : DESCRIBES_REPORT.exec(first);
  return presented || (described !== null && described.index <= MAX_INTRODUCTION && Number(described[1]) === facts.year);
}
/**
 * Whether the text opens with its own title, a line naming nothing but the organ's annual report of the year
 * (`成都市武侯區2019年政府信息公開工作年度報告`, probeH14 027: a district's report in prose, its work listed as 一是、二是,
 * without the template's tables or numbered parts): a report all the same, of that organ and year. Not a page listing
 * reports (another line titling another organ's or year's report), nor one naming the report in a longer title (its
 * 解读, a notice about making it, news of it: `关于做好2017年政府信息公开工作年度报告…的通知`).
 */
function headedByItsTitle(facts: ReportFacts): boolean {
  const { agency, year } = facts;
  if (agency === null || year === null) {
    return false;
  }
  const lines = facts.narrativeLines.map((line) => line.replace(/\s+/g, '')).filter((line) => line !== '');
  const titles = lines.map((line) => OWN_TITLE.exec(line));
  const at = titles.findIndex((title) => title !== null);
  const title = titles[at];
  if (title === undefined || title === null || at >= MAX_TITLE_LINE) {
    return false;
  }
  const names = (t: RegExpExecArray) => (t[1]!.includes(agency) || agency.includes(t[1]!)) && Number(t[2]) === year;
  return (
    names(title) &&
    // a list of reports titles others
    titles.every((t) => t === null || names(t)) &&
    // …and its text follows: a sentence of the report's own (`2019年,我區緊緊圍繞…`)
    lines.slice(at + 1).some((line) => line.length >= 20 && /[。，,；;]/.test(line))
  );
}
// A title naming nothing but the organ and the year's annual report (`某局2019年度政府信息公开工作年度报告`).
const OWN_TITLE = /^([\u4e00-\u9fff（）()]{3,40}?)(\d{4})年度?政府信息公开(?:工作)?年度报告$/;
// The title is among the text's first lines (a page's header or breadcrumb before it).
const MAX_TITLE_LINE = 3;

// `现将2020年政府信息公开工作报告如下`, `现将我局2023年度政府信息公开工作情况报告如下`, `特将…年度报告公布如下`.
const INTRODUCES_REPORT =
  /(?:现将|特将)[^《》〈〉“”"。，,；;：:]{0,30}?(\d{4})年度?[^《》〈〉“”"。，,；;：:]{0,30}?(?:(?:政府|政务)?信息公开|政务公开)(?:工作)?(?:开展)?(?:情况)?(?:年度)?(?:工作)?(?:总结)?报告(?:予以)?(?:公布|发布|公开)?如下/;
// `本报告是…编制的2012年度政府信息公开工作年度报告`: the report says what it is, the organ's report of that year.
const DESCRIBES_REPORT =
  /本(?:年度)?报告(?:是|系|为)(?:[^《》〈〉“”"。]|《[^《》]{0,40}》){0,160}?(?:编制|制作|撰写|编写)的?(\d{4})年度?(?:(?:政府|政务)?信息公开|政务公开)(?:工作)?年度报告$/;
// How far into its line the introduction may start: a report opens with it (`根据《条例》…要求,…现将…报告如下`).
const MAX_INTRODUCTION = 300;

// An interpretation (解读) or an illustrated version (图解) of a report, titled by the report it explains:
// `文字解读:关于某局2023年…年度报告的解读`, `图解某局2023年…年度报告`, `《某局2023年…年度报告》解读`.
const INTERPRETATION =
  /(?:报告|年报)[》”"]?(?:的)?(?:政策|文字|图文)?解读|^[^，,。]{0,8}(?:解读|图解)\s*[:：]|^\s*(?:一图(?:读懂|看懂)|图解)/;

// A notice's title about the reports (`某市人民政府办公室关于做好2009年度政府信息公开工作年度报告有关事项的通知`), not
// quoted in a sentence (`根据《…关于做好…年度报告…的通知》要求`); a notice publishing a report (`关于印发某局…年度报告的通知`) is
// the report's page.
const NOTICE_ABOUT_REPORTS =
  /^[^《〈，,。；;]*关于(?!印发|公布|发布|公开)[^《》，,。；;]*(?:年度报告|年报)[^《》，,。；;]*(?:通知|函|意见|方案)[\s|]*$/;
// The template's own notice and name (`…关于印发《中华人民共和国政府信息公开工作年度报告格式》的通知`).
const TEMPLATE_NOTICE =
  /^[^《〈，,。；;]*关于印发[《〈]?中华人民共和国政府信息公开工作年度报告格式[》〉]?的通知|^中华人民共和国政府信息公开工作年度报告格式$/;

/**
 * Whether the text's title (its first line naming an annual report) is a page's about a report: its interpretation,
 * a notice about making the reports, or the template's notice.
 */
function titledAboutAReport(lines: readonly string[]): boolean {
  const title = lines
    .slice(0, 10)
    .map((line) => line.trim())
    .find((line) => /年度报告|年报/.test(line));
  return (
    (title !== undefined &&
      (INTERPRETATION.test(title) || NOTICE_ABOUT_REPORTS.test(title) || TEMPLATE_NOTICE.test(title)) &&
      !sendsItsReport(title, lines)) ||
    opensAsInterpretation(lines)
  );
}

/**
 * Whether the text opens by saying that it interprets a report (`《莘县王庄集镇人民政府2023年政府信息公开工作年度报告》已经编制完成
 * 并向社会公开,…,现就年报内容进行如下解读。`, probeJ5 015; `现对《…年度报告》解读如下：`): one of its first sentences ends on
 * it, before the page's own outline (`一、编制背景`, `二、编制依据` …). A report says what it reports, not that it interprets.
 */
function opensAsInterpretation(lines: readonly string[]): boolean {
  return openingSentences(lines)
    .slice(0, MAX_INTERPRETING_SENTENCE)
    .some((sentence) => INTERPRETING_OPENING.test(sentence));
}
// `现就年报内容进行如下解读`, `现就《…年度报告》有关情况解读如下`, `现对…年度报告进行解读如下`, `对…年报解读如下:`: the sentence
// ends on the 解读 of a report it names (报告, 年报).
const INTERPRETING_OPENING =
  /(?:^|[，,；;])(?:现|特|下面|以下)?(?:就|对)[^，,；;]{0,60}?(?:报告|年报)[》〉”"]?[^，,；;《》]{0,12}?(?:进行)?(?:如下)?解读(?:如下)?[:：]?$/;
const MAX_INTERPRETING_SENTENCE = 3;

/**
 * Whether a covering letter titling the text (`武威市人民政府关于报送武威市2020年度政府信息公开工作年度报告的函`, probeI3 038)
 * is followed by the report it sends: a line that is that report's own title (`武威市2020年度政府信息公开工作年度报告`, nothing
 * else on it), of the year the letter names. Whether a report's text follows is judged as for any text.
 */
function sendsItsReport(title: string, lines: readonly string[]): boolean {
  const sent = COVER_LETTER.exec(title.replace(/\s+/g, ''))?.[1];
  const year = sent === undefined ? undefined : /(\d{4})年/.exec(sent)?.[1];
  return (
    year !== undefined &&
    lines.some((line) => {
      const own = OWN_TITLE.exec(line.replace(/\s+/g, ''));
      return own !== null && own[2] === year;
    })
  );
}
// At a line's start, or after a sentence where a crawler ran the page into one line (`…联系。一、 概述`); also a part
// whose numeral the page lost (`…监督权需要 、大力推动落实“五公开”`, probeH8 028, a PDF's text; `、总体情况`, probeH1 052).
const NUMBERED_PART =
  /(?:^|[。）)]\s*|\s)(?:[一二三四五六七八九十]{1,2}、|[（(][一二三四五六七八九十]{1,2}[）)])\s*\S|(?:^|\s)、\s*[\u4e00-\u9fff]/;

/**
 * Whether the text is an organ's 政府信息公开指南 (`临夏县人民政府信息公开指南(2024年)`, probeQ6 008; `第四师可克达拉市政府信息公开
 * 指南` / `(2025年版)`): one of its first lines titles it so, and none titles a report (no report title was read). Its
 * outline (`一、政府信息公开范围`, `二、主动公开`) is the guide's, however like a report's part it reads. A site's menu
 * item (`政府信息公开指南`, no organ) titles nothing, and a report naming its guide names it in a sentence.
 */
function titledAsGuide(facts: ReportFacts): boolean {
  if (facts.text.titleYear !== null) {
    return false;
  }
  return facts.narrativeLines.slice(0, MAX_GUIDE_TITLE_LINE).some((line) => {
    const title = GUIDE_TITLE.exec(line.replace(/\s+/g, ''));
    return title !== null && title[1]!.replace(/(?:人民)?(?:政府|政务)?$/, '').length >= 2;
  });
}
// `<organ>信息公开指南`, with its year or edition in brackets (`（2024年）`, `(2025年版)`, `（2023年修订）`).
const GUIDE_TITLE = /^([\u4e00-\u9fff（）()]{2,40}?)(?:政府|政务)?信息公开指南(?:[（(](?:\d{4}年?(?:版|修订版?)?|修订版?)[)）])?$/;
// The guide's title is among the text's first lines (a site's menu or breadcrumb before it).
const MAX_GUIDE_TITLE_LINE = 20;

/**
 * Whether the text is a list of links (`002 https://4357u.com/i1042/52159.html 本报告由临沂高新区党政办公室…`, tab-separated, probeI7
 * SOURCES.tsv: numbers, addresses and the pages' titles or first words): most of its lines (five at least) hold a web
 * address, as no report's do. Its lines may name reports and quote their first words and headings; it is none.
 */
function listsLinks(lines: readonly string[]): boolean {
  let filled = 0;
  let linked = 0;
  for (const line of lines) {
    if (line.trim() !== '') {
      filled++;
      if (WEB_ADDRESS.test(line)) {
        linked++;
      }
    }
  }
  return linked >= MIN_LINK_LINES && linked * 2 > filled;
}
const WEB_ADDRESS = /https?:\/\/|www\.[A-Za-z0-9-]+\./i;
const MIN_LINK_LINES = 5;

/**
 * No cell of any table, every table and every section missing: not an annual report at all. A section 一 found only
 * under a title saying it tells the work (`一、 工作开展情况`, `一、工作情况`) is no section of an annual report by
 * itself: any paper on a year's work opens so (a report titled as one keeps it, titledAsReport).
 */
function isNotAReport(reading: ReportReading, facts: ReportFacts): boolean {
  if (reading.cells.length > 0) {
    return false;
  }
  const count = (rule: string) => reading.findings.filter((f) => f.rule === rule).length;
  const headings = facts.text.headings;
  const onlyWork = headings.length === 1 && headings[0]!.id === 'overview' && titlesOnlyWork(headings[0]!.found);
  return count('STRUCT-TABLE') >= 3 && count('STRUCT-SECTION') >= (onlyWork ? 5 : 6);
}
