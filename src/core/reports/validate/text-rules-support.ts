// What the text rules share: the narrative split once per report, and evaluation subjects that stay
// unique when a report repeats a sentence word for word (seed 004 repeats its 423-item list).

import { type NarrativeSentence, narrativeSentences } from '../read/narrative-sentences.ts';
import type { DocumentText } from '../read/reading-parts.ts';
import type { ReportFacts } from './rule.ts';

/** Sentences (split at `。！？；!?;`) of the report's narrative, in document order (annual-report.md §6.5). */
export function sentencesOf(report: ReportFacts): readonly NarrativeSentence[] {
  return narrativeSentences(report.text).sentences;
}

/** Statements (split at `。！？!?` only) of the report's narrative: lists running over `；` stay whole. */
export function statementsOf(report: ReportFacts): readonly NarrativeSentence[] {
  return narrativeSentences(report.text).statements;
}

/** The words a text rule needs in a sentence before it looks at it closely (narrativeMentions). */
const TRIGGER_WORDS = ['%', '％', '其中', '包括', '包含', '现行有效', '年度报告', '如下'] as const;
export type TriggerWord = (typeof TRIGGER_WORDS)[number];
// All of them in one pattern: one scan of the text finds every one that occurs. No occurrence can hide
// another (no word ends with the start of another or holds another), so every word present is matched.
const TRIGGERS = /[%％]|其中|包括|包含|现行有效|年度报告|如下/g;

// Per DocumentText (immutable values, like the sentence split): bit i set when TRIGGER_WORDS[i] occurs.
const MENTIONED = new WeakMap<DocumentText, number>();

/**
 * Whether any line of the narrative contains `word`. Every sentence and statement is a piece of one
 * line, so a rule that only looks at sentences holding `word` has nothing to do in a report without it:
 * one scan of the text for all the words instead of a search per sentence and rule (most reports hold
 * no `%`, no `其中`, no `现行有效`).
 */
export function narrativeMentions(report: ReportFacts, word: TriggerWord): boolean {
  const text = report.text;
  let mentioned = MENTIONED.get(text);
  if (mentioned === undefined) {
    mentioned = triggersIn(text);
    MENTIONED.set(text, mentioned);
  }
  return (mentioned & (1 << TRIGGER_WORDS.indexOf(word))) !== 0;
}

function triggersIn(text: DocumentText): number {
  let mentioned = 0;
  const sections = text.sections;
  for (let s = 0; s < sections.length; s++) {
    const lines = sections[s]!.lines;
    for (let l = 0; l < lines.length; l++) {
      const line = lines[l]!;
      TRIGGERS.lastIndex = 0;
      for (let match = TRIGGERS.exec(line); match !== null; match = TRIGGERS.exec(line)) {
        mentioned |= 1 << TRIGGER_WORDS.indexOf(match[0] as TriggerWord);
      }
    }
  }
  return mentioned;
}

/**
 * Makes evaluation subjects unique within one rule run: the second identical sentence becomes
 * `<sentence>#2`, so both keep their own fingerprint and a reviewer's verdict on one stays with it.
 */
export function uniqueSubjects(): (subject: string) => string {
  // Made on the first subject: most rules find nothing in most reports.
  let seen: Map<string, number> | undefined;
  return (subject) => {
    seen ??= new Map();
    const n = (seen.get(subject) ?? 0) + 1;
    seen.set(subject, n);
    return n === 1 ? subject : `${subject}#${n}`;
  };
}

// What ends a whole sentence or clause at the end of a text (a bracket or quotation mark may close one without `。`).
const CLOSED = /[。！？!?；;…：:”"」』）)】》]$/;

/**
 * Whether `sentence`, the last of the narrative, is cut off by the end of the text: the text has no table, and its
 * last line ends with this sentence without a closing mark (`…人事信息5条,政府重点工作落实`, probeQ3 039: a truncated
 * download). A list in it may have lost its last parts: a shortfall against its total says nothing. A signature or any
 * other line after it, or a closing mark, is no cut.
 */
export function cutByTextEnd(report: ReportFacts, sentences: readonly NarrativeSentence[], i: number): boolean {
  if (i !== sentences.length - 1 || report.tablesFound.length > 0) {
    return false;
  }
  const lines = report.narrativeLines;
  let last = lines.length - 1;
  while (last >= 0 && lines[last]!.trim() === '') {
    last--;
  }
  const line = last < 0 ? '' : lines[last]!.trim();
  const text = sentences[i]!.text;
  const k = Math.min(12, line.length, text.length);
  return k > 0 && !CLOSED.test(line) && line.slice(-k) === text.slice(-k);
}
