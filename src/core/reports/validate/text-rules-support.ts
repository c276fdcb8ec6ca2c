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

// The narrative's lines joined, per DocumentText (immutable values, like the sentence split).
const JOINED_LINES = new WeakMap<DocumentText, string>();

/**
 * Whether any line of the narrative contains `word` (no line break in it). Every sentence and statement
 * is a piece of one line, so a rule that only looks at sentences holding `word` has nothing to do in a
 * report without it: one search of the whole text instead of one per sentence (most reports hold no
 * `%`, no `其中`, no `现行有效`).
 */
export function narrativeMentions(report: ReportFacts, word: string): boolean {
  const text = report.text;
  let joined = JOINED_LINES.get(text);
  if (joined === undefined) {
    const lines: string[] = [];
    for (const section of text.sections) {
      for (const line of section.lines) {
        lines.push(line);
      }
    }
    joined = lines.join('\n');
    JOINED_LINES.set(text, joined);
  }
  return joined.includes(word);
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
