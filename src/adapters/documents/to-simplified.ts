// 繁体 → 简体 for every loaded document. Reports are written in Simplified Chinese; traditional copies
// come from Big5 or zh-TW/zh-HK mirrors that also swap mainland terms (文件 → 檔案, 信息 → 資訊).
// OpenCC's dictionaries take ~40 ms to load, so they load on the first text that needs them.

import * as OpenCC from 'opencc-js';

type Converter = (text: string) => string;

/**
 * Mirror terms put back before the character conversion (longest match wins, so 檔案館 stays 档案馆).
 * 檔案 is what s2twp makes of 文件 (规范性文件 → 規範性檔案); real archives keep 档案.
 */
const MIRROR_TERMS: readonly (readonly [string, string])[] = [
  ['檔案', '文件'],
  ['檔案館', '档案馆'],
  ['檔案局', '档案局'],
  ['檔案室', '档案室'],
  ['檔案管理', '档案管理'],
  ['檔案工作', '档案工作'],
  ['人事檔案', '人事档案'],
  ['資訊', '信息'],
];

/** Zero-width spaces and joiners, direction marks, word joiner, BOM, soft hyphen: invisible, but they split words the reader matches. */
const ZERO_WIDTH = /[\u200b-\u200f\u2060\ufeff\u00ad]/g;

interface LoadedConverter {
  readonly convert: Converter;
  /** Code points of characters that are traditional only: one of them triggers the conversion. */
  readonly traditional: ReadonlySet<number>;
  /** Characters of the simplified set (GB2312) that the converter would still change (著 → 着). */
  readonly shared: ReadonlySet<string>;
  /** Code points of simplified forms (规, 发, 这): what the conversion yields, and unchanged by it. */
  readonly simplifiedForms: ReadonlySet<number>;
  /** The two sets as a table over UTF-16 code units (TRADITIONAL, SIMPLIFIED_FORM or 0): one load per character. */
  readonly scriptOfUnit: Uint8Array;
}

const TRADITIONAL = 1;
const SIMPLIFIED_FORM = 2;

/**
 * Traditional characters GB2312 nonetheless contains (for names), whose use in running text is
 * traditional: they trigger the conversion and are converted like any other.
 */
const TRADITIONAL_IN_GB2312 = new Set(['後', '於']);

/** The Han characters of GB2312 (rows 16–87), the simplified character set, read through the GBK decoder. */
function gb2312Han(): Set<string> {
  const bytes: number[] = [];
  for (let high = 0xb0; high <= 0xf7; high += 1) {
    for (let low = 0xa1; low <= 0xfe; low += 1) {
      bytes.push(high, low);
    }
  }
  return new Set(new TextDecoder('gbk').decode(new Uint8Array(bytes)));
}

let loaded: LoadedConverter | undefined;

function load(): LoadedConverter {
  if (loaded === undefined) {
    const locale = OpenCC.Locale;
    const fromHk = locale.from['hk'] ?? [];
    const fromTw = locale.from['tw'] ?? [];
    const toCn = locale.to['cn'] ?? [];
    const convert = OpenCC.ConverterFactory([MIRROR_TERMS], ...fromHk, ...fromTw, ...toCn);
    // A character is traditional when converting it alone changes it. Phrase-level changes among
    // characters that are all simplified are rare, so finding none of these skips the converter.
    const traditional = new Set<number>();
    const candidates = new Set<string>();
    for (const group of [[MIRROR_TERMS], ...fromHk, ...fromTw, ...toCn]) {
      for (const dict of group) {
        collectSources(dict, candidates);
      }
    }
    const simplified = new Set<string>();
    for (const char of candidates) {
      const converted = convert(char);
      if (converted !== char) {
        traditional.add(char.codePointAt(0) ?? 0);
        for (const output of converted) {
          simplified.add(output);
        }
      }
    }
    // 么 converts alone (→ 幺) yet is the simplified form of 麼: a character that is some conversion's
    // output is ordinary simplified text, so it alone does not trigger the converter.
    for (const char of simplified) {
      traditional.delete(char.codePointAt(0) ?? 0);
    }
    // 显著 and 乾隆 are simplified text, yet 著 and 乾 alone convert (→ 着, 干): characters of the
    // simplified set neither trigger the conversion nor change when another character triggers it.
    const shared = new Set<string>();
    for (const char of gb2312Han()) {
      if (!TRADITIONAL_IN_GB2312.has(char) && convert(char) !== char) {
        shared.add(char);
        traditional.delete(char.codePointAt(0) ?? 0);
      }
    }
    const simplifiedForms = new Set<number>();
    for (const char of simplified) {
      if (convert(char) === char) {
        simplifiedForms.add(char.codePointAt(0) ?? 0);
      }
    }
    // detectScript reads UTF-16 code units, so only code points below U+10000 can ever match.
    const scriptOfUnit = new Uint8Array(0x10000);
    for (const code of simplifiedForms) {
      if (code < 0x10000) {
        scriptOfUnit[code] = SIMPLIFIED_FORM;
      }
    }
    for (const code of traditional) {
      if (code < 0x10000) {
        scriptOfUnit[code] = TRADITIONAL; // traditional wins, as in the checks it replaces
      }
    }
    loaded = { convert, traditional, shared, simplifiedForms, scriptOfUnit };
  }
  return loaded;
}

/** Adds every character that starts a dictionary key. */
function collectSources(dict: string | readonly (readonly [string, string])[], into: Set<string>): void {
  if (typeof dict === 'string') {
    for (const entry of dict.split('|')) {
      const first = entry.codePointAt(0);
      if (first !== undefined) {
        into.add(String.fromCodePoint(first));
      }
    }
    return;
  }
  for (const [source] of dict) {
    for (const char of source) {
      into.add(char);
    }
  }
}

/** True when the text holds any CJK character at all (ASCII-only text skips loading OpenCC). */
function hasCjk(text: string): boolean {
  return /[\u3400-\u9fff\uf900-\ufaff\ud840-\ud87f]/.test(text);
}

/** Which script a document is in, decided once for the whole document (a table cell alone says little). */
export const SCRIPT_MODES = ['simplified', 'traditional', 'mixed'] as const;
export type ScriptMode = (typeof SCRIPT_MODES)[number];

/**
 * simplified: no traditional-only character; traditional: they outnumber simplified forms (规, 发);
 * mixed: simplified text with stray traditional characters.
 */
export function detectScript(text: string): ScriptMode {
  if (!hasCjk(text)) {
    return 'simplified';
  }
  const { scriptOfUnit } = load();
  let traditionalCount = 0;
  let simplifiedCount = 0;
  // A table lookup per code unit rather than two Set lookups: this runs over every loaded document.
  for (let index = 0; index < text.length; index += 1) {
    const script = scriptOfUnit[text.charCodeAt(index)];
    if (script === TRADITIONAL) {
      traditionalCount += 1;
    } else if (script === SIMPLIFIED_FORM) {
      simplifiedCount += 1;
    }
  }
  if (traditionalCount === 0) {
    return 'simplified';
  }
  return simplifiedCount > traditionalCount ? 'mixed' : 'traditional';
}

/**
 * Cleans one string for the reader: drops zero-width characters and BOMs, then converts traditional
 * characters to simplified (tw and hk variants, mirror terms first). Pass the document's mode when
 * the string is part of a larger document; simplified text is returned as is.
 */
export function toSimplified(text: string, mode: ScriptMode = detectScript(text)): string {
  const clean = text.replace(ZERO_WIDTH, '');
  if (mode === 'simplified' || !hasCjk(clean)) {
    return clean;
  }
  const { convert, shared } = load();
  const converted = convert(clean);
  if (mode === 'traditional' || converted.length !== clean.length) {
    // A traditional text converts whole (徵收 → 征收). When a phrase changed length, positions no
    // longer line up: OpenCC's result stands.
    return converted;
  }
  // Simplified text with stray traditional characters: put back the shared characters the converter
  // changed, so that a stray 後 does not turn 显著 into 显着.
  let result = '';
  let copied = 0;
  for (let index = 0; index < clean.length; index += 1) {
    const original = clean[index] as string;
    if (converted[index] !== original && shared.has(original)) {
      result += converted.slice(copied, index) + original;
      copied = index + 1;
    }
  }
  return copied === 0 ? converted : result + converted.slice(copied);
}
