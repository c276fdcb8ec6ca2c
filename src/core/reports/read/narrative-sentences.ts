// Sentences and clauses of the narrative (annual-report.md §6.5; validation-rules.md §2.5): the unit
// every narrative value and narrative rule works on. Split once per report and shared by the rules.

import type { SectionId } from '../template.ts';
import type { DocumentText } from './reading-parts.ts';

/** A section of the narrative, or the text between the title and 一、总体情况. */
export type NarrativePart = SectionId | 'preamble';

/** One sentence of the narrative with the section it stands in. */
export interface NarrativeSentence {
  /** The trimmed sentence, exactly as written (reader contract §6.5 `text`). */
  readonly text: string;
  readonly section: NarrativePart;
}

/** Sentence and statement splits of one report's narrative. */
export interface NarrativeSentences {
  /** Split at `。！？；!?;` and line breaks (annual-report.md §6.5). */
  readonly sentences: readonly NarrativeSentence[];
  /**
   * Split at `。！？!?` and line breaks only: an enumeration or a list with shares often runs over `；`
   * (validation-rules.md rules 35, 36 look at a whole list).
   */
  readonly statements: readonly NarrativeSentence[];
}

const SENTENCE_END = /[。！？；!?;]/;
const STATEMENT_END = /[。！？!?]/;

/** Splits one line into trimmed, non-empty sentences (annual-report.md §6.5). */
export function splitSentences(line: string): string[] {
  return splitTrimmed(line, SENTENCE_END);
}

/** Splits one line at `。！？!?` only, keeping lists separated by `；` together. */
export function splitStatements(line: string): string[] {
  return splitTrimmed(line, STATEMENT_END);
}

/** Splits a sentence into trimmed, non-empty clauses at `，,` (validation-rules.md §2.5). */
export function splitClauses(sentence: string): string[] {
  return splitTrimmed(sentence, /[，,]/);
}

function splitTrimmed(text: string, separator: RegExp): string[] {
  const out: string[] = [];
  // Indexed loops here: `for…of` allocates a result per step until the function is optimised.
  const pieces = text.split(separator);
  for (let i = 0; i < pieces.length; i++) {
    const trimmed = pieces[i]!.trim();
    if (trimmed !== '') {
      out.push(trimmed);
    }
  }
  return out;
}

// Every narrative rule needs the same split; DocumentText values are immutable, so cache by identity.
const CACHE = new WeakMap<DocumentText, NarrativeSentences>();

/** The sentences of a report's narrative sections in document order (computed once per DocumentText). */
export function narrativeSentences(text: DocumentText): NarrativeSentences {
  const cached = CACHE.get(text);
  if (cached !== undefined) {
    return cached;
  }
  const result = splitNarrative(text.sections);
  CACHE.set(text, result);
  return result;
}

/** Splits narrative sections into sentences and statements, in document order. */
export function splitNarrative(sections: DocumentText['sections']): NarrativeSentences {
  const sentences: NarrativeSentence[] = [];
  const statements: NarrativeSentence[] = [];
  for (let p = 0; p < sections.length; p++) {
    const part = sections[p]!;
    const lines = part.lines;
    for (let l = 0; l < lines.length; l++) {
      const line = lines[l]!;
      const lineSentences = splitSentences(line);
      for (let i = 0; i < lineSentences.length; i++) {
        sentences.push({ text: lineSentences[i]!, section: part.id });
      }
      // Without `；`/`;` the statements are the sentences (the two separators differ only there).
      const lineStatements = line.includes('；') || line.includes(';') ? splitStatements(line) : lineSentences;
      for (let i = 0; i < lineStatements.length; i++) {
        statements.push({ text: lineStatements[i]!, section: part.id });
      }
    }
  }
  return { sentences, statements };
}

/** Records the split the reader already made, so the rules do not split the same text again. */
export function rememberNarrative(text: DocumentText, split: NarrativeSentences): void {
  CACHE.set(text, split);
}

/** The first 24 characters of a sentence, plus `…` when longer (validation-rules.md §3 step 4). */
export function excerptOf(sentence: string): string {
  // UTF-16 units, as the reference tool counts them (report text is BMP Chinese).
  return sentence.length > 24 ? `${sentence.slice(0, 24)}…` : sentence;
}
