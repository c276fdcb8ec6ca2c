// Figures stated in the narrative (reader contract annual-report.md §6.5): counts in 件/条, zero claims
// about applications and appeals, and 信息处理费 amounts in 元. Every pattern is bounded or anchored so a
// long unpunctuated text is read in linear time.

import type { NarrativeValue } from '../report-model.ts';
import { asciiDigits } from './read-document-dates.ts';

// A number immediately followed (spaces, 余, 多 allowed) by 件 or 条; `第36条` is an article, not a count.
const COUNT = /(?<![\d.第])(\d{1,3}(?:[,，]\d{3})+|\d+(?:\.\d+)?)\s*(?:[余多]\s*)?[件条]/g;
// `(未|没有)(收到|受理|接收|接到)…申请`; the gap is bounded (no digit in it).
const NO_APPLICATION = /(?:未|没有)(?:收到|受理|接收|接到)[^\d]{0,40}?申请/;
const NOT_ABOUT_APPLICATIONS = /复议|诉讼|投诉|信访/;
const NEGATION = /无|没有|未/;
const AMOUNT = /(?<![\d.])(\d+(?:\.\d+)?)\s*(万元|元)/g;

/** An amount stated in a sentence about 信息处理费, in 元 as an exact decimal string. */
export interface FeeAmount {
  /** As written: `300元`, `0.03万元`. */
  readonly text: string;
  readonly yuan: string;
  readonly index: number;
}

/** Amounts followed by 元 or 万元 in a sentence that mentions 处理费 (§6.5 item 4); [] otherwise. */
export function feeAmountsOf(sentence: string): FeeAmount[] {
  if (!sentence.includes('处理费')) {
    return [];
  }
  const text = asciiDigits(sentence);
  const out: FeeAmount[] = [];
  for (const match of text.matchAll(AMOUNT)) {
    const [whole, number, unit] = match as unknown as [string, string, string];
    out.push({ text: whole, yuan: unit === '万元' ? timesTenThousand(number) : trimDecimal(number), index: match.index });
  }
  return out;
}

/** `1.5` 万元 → `15000`: the decimal point moved four places, exactly (no float). */
function timesTenThousand(decimal: string): string {
  const [whole = '0', fraction = ''] = decimal.split('.');
  const padded = fraction.padEnd(4, '0');
  return trimDecimal(`${whole}${padded.slice(0, 4)}${padded.length > 4 ? `.${padded.slice(4)}` : ''}`);
}

function trimDecimal(decimal: string): string {
  const [whole = '0', fraction = ''] = decimal.split('.');
  const w = whole.replace(/^0+(?=\d)/, '');
  const f = fraction.replace(/0+$/, '');
  return f === '' ? w : `${w}.${f}`;
}

/** True for a clause that claims no application was received (§6.5 item 2; rule 25 N = 0). */
export function claimsNoApplication(clause: string): boolean {
  return clause.includes('公开') && !NOT_ABOUT_APPLICATIONS.test(clause) && NO_APPLICATION.test(clause);
}

/** True for a clause that claims no 行政复议 / 行政诉讼 (§6.5 item 3; rule 26 a). */
export function claimsNoAppeal(clause: string): boolean {
  return (
    (clause.includes('行政复议') || clause.includes('行政诉讼')) &&
    NEGATION.test(clause) &&
    !/\d/.test(asciiDigits(clause)) &&
    !APPEAL_OUTCOME.test(clause)
  );
}
// `未发生…被行政复议纠错或行政诉讼败诉情形`: no appeal lost, which says nothing of how many there were.
const APPEAL_OUTCOME = /纠错|纠正|败诉|撤销|确认违法|责令/;

/** The narrative values of the given sentences, one entry per match in document order (§6.5). */
export function readNarrativeValues(sentences: readonly string[]): NarrativeValue[] {
  const out: NarrativeValue[] = [];
  for (let s = 0; s < sentences.length; s++) {
    const text = sentences[s]!;
    // Made on the first value: most sentences hold none.
    let found: { index: number; value: number }[] | undefined;
    // Cheap tests first: most sentences hold no count, no claim and no fee.
    if (text.includes('件') || text.includes('条')) {
      const digits = asciiDigits(text);
      COUNT.lastIndex = 0;
      for (let match = COUNT.exec(digits); match !== null; match = COUNT.exec(digits)) {
        const digits = match[1]!;
        found ??= [];
        // Only a grouped figure (`1,234`) has separators to drop.
        found.push({
          index: match.index,
          value: Number(digits.length > 3 && /[,，]/.test(digits) ? digits.replace(/[,，]/g, '') : digits),
        });
      }
    }
    // A zero claim is a negated clause (NO_APPLICATION: 未/没有; NEGATION: 无/没有/未): none without one.
    if (
      (text.includes('未') || text.includes('无') || text.includes('没有')) &&
      (text.includes('申请') || text.includes('行政复议') || text.includes('行政诉讼'))
    ) {
      let offset = 0;
      for (const clause of text.split(/[，,]/)) {
        if (claimsNoApplication(clause) || claimsNoAppeal(clause)) {
          found ??= [];
          found.push({ index: offset, value: 0 });
        }
        offset += clause.length + 1;
      }
    }
    for (const amount of feeAmountsOf(text)) {
      found ??= [];
      found.push({ index: amount.index, value: Number(amount.yuan) });
    }
    if (found === undefined) {
      continue;
    }
    if (found.length > 1) {
      found.sort((a, b) => a.index - b.index);
    }
    for (let i = 0; i < found.length; i++) {
      out.push({ text, value: found[i]!.value });
    }
  }
  return out;
}
