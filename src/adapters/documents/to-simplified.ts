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

/** Zero-width spaces and joiners, word joiner, BOM: invisible, but they split words the reader matches. */
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;

interface LoadedConverter {
  readonly convert: Converter;
  /** Code points of characters that are traditional only. */
  readonly traditional: ReadonlySet<number>;
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
    loaded = { convert, traditional };
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

/** True when the text contains a character that converts to a different simplified character. */
export function hasTraditional(text: string): boolean {
  if (!hasCjk(text)) {
    return false;
  }
  const { traditional } = load();
  for (let index = 0; index < text.length; index += 1) {
    const code = text.codePointAt(index) ?? 0;
    if (code > 0x7f && traditional.has(code)) {
      return true;
    }
    if (code > 0xffff) {
      index += 1;
    }
  }
  return false;
}

/**
 * Cleans one string for the reader: drops zero-width characters and BOMs, then converts traditional
 * characters to simplified (tw and hk variants, mirror terms first). Simplified text is returned as is.
 */
export function toSimplified(text: string): string {
  const clean = text.replace(ZERO_WIDTH, '');
  return hasTraditional(clean) ? load().convert(clean) : clean;
}
