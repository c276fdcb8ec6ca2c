// Bytes → string for plain text and HTML files: BOM, strict UTF-8, then GB18030 or Big5 by content.
// Government sites still publish GB2312/GBK pages, and Big5 mirrors exist; guessing wrong yields
// mojibake the reader would mistake for content, so each legacy decode must look like Chinese.

export type DecodedText =
  | {
      readonly ok: true;
      readonly text: string;
      readonly encoding: TextEncodingName;
      /** Invalid byte sequences replaced by U+FFFD (only with `repair`; absent when the decode was clean). */
      readonly replaced?: number;
    }
  | { readonly ok: false; readonly reason: string };

export interface DecodeOptions {
  /**
   * Read a text with a few invalid byte sequences (a download cut or damaged in places) with U+FFFD in
   * their place, rather than not at all: at most max(REPAIR_MIN, 0.1 %) of its characters, and what
   * remains must read as text. For reports (the reader says where numbers may be lost), never for data
   * files such as a case import.
   */
  readonly repair?: boolean;
}

/** A damaged text may have this many replaced sequences, or 0.1 % of its characters if more. */
export const REPAIR_MIN = 8;

export const TEXT_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'big5'] as const;
export type TextEncodingName = (typeof TEXT_ENCODINGS)[number];

/** How many leading bytes the binary and legacy-encoding checks look at. */
const SAMPLE_BYTES = 64 * 1024;

export const REASON_BINARY = '不是文本文件（二进制内容）';
export const REASON_UNDECODABLE = '无法解码：不是 UTF-8、UTF-16、GB18030 或 Big5 编码的文本';

// Very frequent characters of Chinese official writing, in both scripts. Mojibake from a wrong
// legacy decode is mostly rare characters, so the share of these tells a real decode from a false one.
const COMMON_HAN = new Set(
  '的一是在不了有和人中大上年月日为以个会要于对其及等与作开公信息政府部门关情况报告工行法条规定本全请申处理办结果予' +
    '第二三四五六七八九十百千万件数量总计合其他主动依提供出进展重点务作发布民生社会经济建设管服务督检查平台网站' +
    '開於為與對會個門關況報務發導機構網處辦結國縣區單價費請資訊檔內體說進應當時間過現實還數據總計'.split(''),
);

/**
 * Decodes text bytes: a BOM wins; else strict UTF-8; else GB18030 or Big5, whichever decodes
 * cleanly and reads most like Chinese (an HTML `<meta charset>` naming one of them goes first).
 * NUL bytes or many control characters mean binary content, unless they are BOM-less UTF-16.
 */
export function decodeText(bytes: Uint8Array, options: DecodeOptions = {}): DecodedText {
  const bom = readBom(bytes);
  if (bom !== undefined) {
    const body = bytes.subarray(bom.length);
    // UTF-16 text legitimately contains NUL bytes, so the binary check runs on the decoded text.
    const text = new TextDecoder(bom.encoding, { ignoreBOM: true }).decode(body);
    return looksBinaryText(text) ? { ok: false, reason: REASON_BINARY } : { ok: true, text, encoding: bom.encoding };
  }
  if (looksBinary(bytes)) {
    return decodeUtf16WithoutBom(bytes) ?? { ok: false, reason: REASON_BINARY };
  }
  const utf8 = tryDecode('utf-8', bytes);
  if (utf8 !== undefined) {
    return { ok: true, text: utf8, encoding: 'utf-8' };
  }
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  const declared = declaredLegacyEncoding(sample);
  const candidates = (['gb18030', 'big5'] as const)
    .map((encoding) => ({ encoding, score: chineseScore(encoding, sample) + (encoding === declared ? 1 : 0) }))
    .filter((candidate) => candidate.score > (candidate.encoding === declared ? 1 : 0))
    .sort((a, b) => b.score - a.score);
  for (const { encoding } of candidates) {
    const text = tryDecode(encoding, bytes);
    if (text !== undefined) {
      return { ok: true, text, encoding };
    }
  }
  return (options.repair === true ? repairedDecode(bytes, declared) : undefined) ?? { ok: false, reason: REASON_UNDECODABLE };
}

/**
 * The decode with the fewest replaced sequences among UTF-8 and the legacy encodings (the declared one
 * first), when few enough and the rest reads as text (see DecodeOptions.repair).
 */
function repairedDecode(bytes: Uint8Array, declared: 'gb18030' | 'big5' | undefined): DecodedText | undefined {
  let best: { text: string; encoding: TextEncodingName; replaced: number } | undefined;
  const order: TextEncodingName[] = declared === undefined ? ['utf-8', 'gb18030', 'big5'] : [declared, 'utf-8', 'gb18030', 'big5'];
  for (const encoding of order) {
    const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
    let replaced = 0;
    for (let at = text.indexOf('\ufffd'); at !== -1; at = text.indexOf('\ufffd', at + 1)) {
      replaced += 1;
    }
    if (best === undefined || replaced < best.replaced) {
      best = { text, encoding, replaced };
    }
  }
  if (
    best === undefined ||
    best.replaced > Math.max(REPAIR_MIN, best.text.length / 1000) ||
    !readsAsChinese(best.text.replaceAll('\ufffd', ''))
  ) {
    return undefined;
  }
  return { ok: true, text: best.text, encoding: best.encoding, replaced: best.replaced };
}

/** The legacy encoding an HTML page declares in its first KB (`<meta charset="gb2312">`), if one we decode. */
function declaredLegacyEncoding(sample: Uint8Array): 'gb18030' | 'big5' | undefined {
  const head = new TextDecoder('latin1').decode(sample.subarray(0, 1024));
  const name = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (name === undefined) {
    return undefined;
  }
  if (/^(?:gb2312|gbk|gb18030|x-gbk|cp936|euc-cn|hz-gb-2312)$/.test(name)) {
    return 'gb18030';
  }
  return /^(?:big5|big5-hkscs|cp950|x-x-big5)$/.test(name) ? 'big5' : undefined;
}

/**
 * UTF-16 saved without a BOM: ASCII characters put their NUL byte on one side (odd offsets
 * little-endian, even big-endian). The side with more NULs is tried first; the result must read as
 * text, which random binary does not.
 */
function decodeUtf16WithoutBom(bytes: Uint8Array): DecodedText | undefined {
  if (bytes.length % 2 !== 0) {
    return undefined;
  }
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  let oddMinusEven = 0;
  for (let index = 0; index < sample.length; index += 1) {
    if (sample[index] === 0) {
      oddMinusEven += index % 2 === 0 ? -1 : 1;
    }
  }
  const order = oddMinusEven >= 0 ? (['utf-16le', 'utf-16be'] as const) : (['utf-16be', 'utf-16le'] as const);
  for (const encoding of order) {
    const text = tryDecode(encoding, bytes);
    if (text !== undefined && !looksBinaryText(text) && readsAsText(text)) {
      return { ok: true, text, encoding };
    }
  }
  return undefined;
}

/** Text as readsAsText, with at least 20 Han characters: a damaged Chinese report, not some other language's file. */
function readsAsChinese(text: string): boolean {
  let han = 0;
  for (const char of text.slice(0, SAMPLE_BYTES)) {
    if (isHanOrCjkPunctuation(char.codePointAt(0) ?? 0) && ++han >= 20) {
      return readsAsText(text);
    }
  }
  return false;
}

/** Printable ASCII, or Han and CJK punctuation for most of the rest. */
function readsAsText(text: string): boolean {
  let nonAscii = 0;
  let han = 0;
  for (const char of text.slice(0, SAMPLE_BYTES)) {
    const code = char.codePointAt(0) ?? 0;
    if (code >= 0x80) {
      nonAscii += 1;
      if (isHanOrCjkPunctuation(code)) {
        han += 1;
      }
    }
  }
  return han >= nonAscii * 0.8;
}

function readBom(bytes: Uint8Array): { readonly encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; readonly length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { encoding: 'utf-8', length: 3 };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { encoding: 'utf-16le', length: 2 };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { encoding: 'utf-16be', length: 2 };
  }
  return undefined;
}

function tryDecode(encoding: TextEncodingName, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** True for a control byte that no text file needs (tab, LF, VT, FF, CR and ESC are allowed; 0x1A ends old DOS files). */
function isStrayControl(code: number): boolean {
  return code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0b && code !== 0x0c && code !== 0x0d && code !== 0x1a && code !== 0x1b;
}

/** The bytes isStrayControl or DEL mark but NUL (looked for first): a text file has (almost) none of them. */
const STRAY_BYTES: readonly number[] = [
  ...Array.from({ length: 0x20 }, (_, code) => code).filter((code) => code !== 0 && isStrayControl(code)),
  0x7f,
];

function looksBinary(bytes: Uint8Array): boolean {
  if (bytes.indexOf(0) !== -1) {
    return true;
  }
  const length = Math.min(bytes.length, SAMPLE_BYTES);
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, length);
  const limit = Math.max(2, length * 0.01);
  let stray = 0;
  // One native search (memchr) per stray byte value instead of a JS loop over every byte: a text
  // file has none of them, so each search runs to the end of the sample at memory speed.
  for (const byte of STRAY_BYTES) {
    for (let at = view.indexOf(byte); at !== -1; at = view.indexOf(byte, at + 1)) {
      stray += 1;
      if (stray > limit) {
        return true;
      }
    }
  }
  return false;
}

function looksBinaryText(text: string): boolean {
  const sample = text.slice(0, SAMPLE_BYTES);
  let stray = 0;
  for (let index = 0; index < sample.length; index += 1) {
    const code = sample.charCodeAt(index);
    if (code === 0 || isStrayControl(code) || code === 0xfffd) {
      stray += 1;
    }
  }
  return stray > Math.max(2, sample.length * 0.01);
}

/**
 * Share of the decoded sample's non-ASCII characters that are common Chinese characters, or 0 when
 * the sample does not decode (a multi-byte sequence cut at the sample's end is allowed).
 */
function chineseScore(encoding: 'gb18030' | 'big5', sample: Uint8Array): number {
  const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(sample);
  let nonAscii = 0;
  let replaced = 0;
  let common = 0;
  let han = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) {
      continue;
    }
    nonAscii += 1;
    if (code === 0xfffd) {
      replaced += 1;
    } else if (COMMON_HAN.has(char)) {
      common += 1;
      han += 1;
    } else if (isHanOrCjkPunctuation(code)) {
      han += 1;
    }
  }
  // A replacement character is allowed only as the last, cut-off sequence of the sample.
  const cutAtEnd = sample.length === SAMPLE_BYTES ? 1 : 0;
  if (nonAscii === 0 || replaced > cutAtEnd || han < nonAscii * 0.8) {
    return 0;
  }
  return (common + 1) / nonAscii;
}

function isHanOrCjkPunctuation(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x3000 && code <= 0x303f) ||
    (code >= 0xff00 && code <= 0xffef) ||
    (code >= 0x2000 && code <= 0x206f) ||
    code === 0x00b7 ||
    code === 0x00d7 ||
    (code >= 0x2460 && code <= 0x24ff) ||
    (code >= 0x2160 && code <= 0x217f) ||
    (code >= 0x25a0 && code <= 0x25ff)
  );
}
