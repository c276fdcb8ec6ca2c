// 繁体 → 简体 for every loaded document. Reports are written in Simplified Chinese; traditional copies
// come from Big5 or zh-TW/zh-HK mirrors that also swap mainland terms (文件 → 檔案, 信息 → 資訊).
// OpenCC's dictionaries take ~40 ms to load, so they load on the first text that needs them; which
// script a document is in is told by a table computed from them in advance (script-table.ts), so a
// simplified document never loads them at all (~0.15 s of CPU per process, issue #9).

import { createRequire } from 'node:module';
import { SIMPLIFIED_FORM_CHARACTERS, TRADITIONAL_CHARACTERS } from './script-table.ts';

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

/** The text without what toSimplified drops before it converts (zero-width characters). */
export function withoutZeroWidth(text: string): string {
  return text.replace(ZERO_WIDTH, '');
}

interface LoadedConverter {
  readonly convert: Converter;
  /** Characters of the simplified set (GB2312) that the converter would still change (著 → 着). */
  readonly shared: ReadonlySet<string>;
}

/** What detectScript looks for, computed from OpenCC's dictionaries (scripts/generate-script-table.ts writes script-table.ts). */
export interface ScriptTable {
  /** Characters that are traditional only: one of them triggers the conversion. */
  readonly traditional: string;
  /** Simplified forms (规, 发, 这): what the conversion yields, and unchanged by it. */
  readonly simplifiedForms: string;
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

type OpenCCModule = typeof import('opencc-js');

let openCC: OpenCCModule | undefined;

/** opencc-js, loaded synchronously on first use (toSimplified is synchronous). */
function openCCModule(): OpenCCModule {
  openCC ??= createRequire(import.meta.url)('opencc-js') as OpenCCModule;
  return openCC;
}

function dictionaries() {
  const OpenCC = openCCModule();
  const locale = OpenCC.Locale;
  const groups = [[MIRROR_TERMS], ...(locale.from['hk'] ?? []), ...(locale.from['tw'] ?? []), ...(locale.to['cn'] ?? [])];
  return { OpenCC, groups };
}

let loaded: LoadedConverter | undefined;

function load(): LoadedConverter {
  if (loaded === undefined) {
    const { OpenCC, groups } = dictionaries();
    const convert = OpenCC.ConverterFactory(...groups);
    // 显著 and 乾隆 are simplified text, yet 著 and 乾 alone convert (→ 着, 干): characters of the
    // simplified set do not change when another character triggers the conversion.
    const shared = new Set<string>();
    for (const char of gb2312Han()) {
      if (!TRADITIONAL_IN_GB2312.has(char) && convert(char) !== char) {
        shared.add(char);
      }
    }
    loaded = { convert, shared };
  }
  return loaded;
}

/**
 * The script table from OpenCC's dictionaries as they are installed: the characters that are
 * traditional only, and the simplified forms. Slow (~0.1 s): script-table.ts holds its result, and a
 * test checks that it still matches the installed opencc-js.
 */
export function computeScriptTable(): ScriptTable {
  const { OpenCC, groups } = dictionaries();
  const convert = OpenCC.ConverterFactory(...groups);
  // A character is traditional when converting it alone changes it. Phrase-level changes among
  // characters that are all simplified are rare, so finding none of these skips the converter.
  const traditional = new Set<number>();
  const candidates = new Set<string>();
  for (const group of groups) {
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
  // Characters of the simplified set (GB2312) that convert alone (著, 乾) do not trigger it either.
  for (const char of gb2312Han()) {
    if (!TRADITIONAL_IN_GB2312.has(char) && convert(char) !== char) {
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
  const text = (codes: Set<number>) => String.fromCharCode(...[...codes].filter((code) => code < 0x10000).sort((a, b) => a - b));
  return { traditional: text(traditional), simplifiedForms: text(simplifiedForms) };
}

let scriptTable: Uint8Array | undefined;

/** The shipped script table over UTF-16 code units (TRADITIONAL, SIMPLIFIED_FORM or 0): one load per character. */
function scriptOfUnit(): Uint8Array {
  if (scriptTable === undefined) {
    const table = new Uint8Array(0x10000);
    for (let i = 0; i < SIMPLIFIED_FORM_CHARACTERS.length; i++) {
      table[SIMPLIFIED_FORM_CHARACTERS.charCodeAt(i)] = SIMPLIFIED_FORM;
    }
    for (let i = 0; i < TRADITIONAL_CHARACTERS.length; i++) {
      table[TRADITIONAL_CHARACTERS.charCodeAt(i)] = TRADITIONAL; // traditional wins, as in the checks it replaces
    }
    scriptTable = table;
  }
  return scriptTable;
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
  return detectScriptOf([text]);
}

/** detectScript of the strings taken together (a document's blocks and cells), without joining them into one string. */
export function detectScriptOf(texts: readonly string[]): ScriptMode {
  if (!texts.some(hasCjk)) {
    return 'simplified';
  }
  const script = scriptOfUnit();
  let traditionalCount = 0;
  let simplifiedCount = 0;
  // A table lookup per code unit rather than two Set lookups: this runs over every loaded document.
  for (const text of texts) {
    for (let index = 0; index < text.length; index += 1) {
      const kind = script[text.charCodeAt(index)];
      if (kind === TRADITIONAL) {
        traditionalCount += 1;
      } else if (kind === SIMPLIFIED_FORM) {
        simplifiedCount += 1;
      }
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
