// Radical code points in place of ideographs (issue #9: PDF text). PDFs made from Word or by a browser
// with common CJK fonts often map a glyph to the radical that looks the same, so their text layer reads
// `⼈⺠政府⼯作` for 人民政府工作: U+2F00–U+2FD5 (Kangxi Radicals) and U+2E80–U+2EF3 (CJK Radicals
// Supplement). Text copied from such a PDF into a web page or a DOCX carries them too. Table labels
// survived (they are NFKC-normalised), but titles, years, agency names and narrative sentences did not:
// `2023年政府信息公开⼯作年度报告` had no year. Also CJK Compatibility Ideographs (U+F900–U+FAFF), which
// NFC maps to the unified ideograph.

/**
 * CJK Radicals Supplement characters drawn like a standalone ideograph (the simplified forms a PDF font
 * maps to them). NFKC maps only ⺟ and ⻳; component-only forms (⺌⺗⺮…) are left as they are.
 */
const SUPPLEMENT: Readonly<Record<string, string>> = {
  '\u2e81': '厂',
  '\u2e85': '亻',
  '\u2e86': '冂',
  '\u2e87': '几',
  '\u2e89': '刂',
  '\u2e8a': '卜',
  '\u2e90': '尢',
  '\u2e92': '巳',
  '\u2e93': '幺',
  '\u2e94': '彐',
  '\u2e95': '彐',
  '\u2e96': '忄',
  '\u2e98': '扌',
  '\u2e99': '攵',
  '\u2e9b': '旡',
  '\u2e9c': '日',
  '\u2e9d': '月',
  '\u2e9e': '歺',
  '\u2e9f': '母',
  '\u2ea0': '民',
  '\u2ea1': '氵',
  '\u2ea2': '氺',
  '\u2ea3': '灬',
  '\u2ea4': '爫',
  '\u2ea6': '丬',
  '\u2ea8': '犭',
  '\u2ea9': '王',
  '\u2eaa': '疋',
  '\u2eac': '示',
  '\u2ead': '礻',
  '\u2eaf': '糸',
  '\u2eb0': '纟',
  '\u2eb2': '罒',
  '\u2eb3': '罒',
  '\u2eb9': '耂',
  '\u2ebb': '聿',
  '\u2ebc': '月',
  '\u2ebd': '臼',
  '\u2ebe': '艹',
  '\u2ebf': '艹',
  '\u2ec0': '艹',
  '\u2ec1': '虎',
  '\u2ec2': '衤',
  '\u2ec3': '覀',
  '\u2ec4': '西',
  '\u2ec5': '见',
  '\u2ec6': '角',
  '\u2ec7': '角',
  '\u2ec8': '讠',
  '\u2ec9': '贝',
  '\u2ecb': '车',
  '\u2ecc': '辶',
  '\u2ecd': '辶',
  '\u2ecf': '阝',
  '\u2ed0': '钅',
  '\u2ed1': '長',
  '\u2ed2': '镸',
  '\u2ed3': '长',
  '\u2ed4': '门',
  '\u2ed6': '阝',
  '\u2ed8': '青',
  '\u2ed9': '韦',
  '\u2eda': '页',
  '\u2edb': '风',
  '\u2edc': '飞',
  '\u2edd': '食',
  '\u2edf': '飠',
  '\u2ee0': '饣',
  '\u2ee2': '马',
  '\u2ee3': '骨',
  '\u2ee4': '鬼',
  '\u2ee5': '鱼',
  '\u2ee6': '鸟',
  '\u2ee7': '卤',
  '\u2ee8': '麦',
  '\u2ee9': '黄',
  '\u2eea': '黾',
  '\u2eeb': '斉',
  '\u2eec': '齐',
  '\u2eed': '歯',
  '\u2eee': '齿',
  '\u2eef': '竜',
  '\u2ef0': '龙',
  '\u2ef1': '亀',
  '\u2ef2': '亀',
  '\u2ef3': '龟',
};

/**
 * Kangxi radicals whose NFKC form is the traditional character while a Simplified Chinese font draws
 * the radical as the simplified one (Noto CJK SC: ⼾ is drawn 户, not 戶).
 */
const KANGXI_SIMPLIFIED: Readonly<Record<string, string>> = { '\u2f3e': '户', '\u2fad': '青', '\u2fc8': '黄' };

const RADICAL_OR_COMPATIBILITY = /[\u2e80-\u2fdf\uf900-\ufaff]/g;

const HAS_RADICAL = /[\u2e80-\u2fdf\uf900-\ufaff]/;

/**
 * True when text holds a code unit unifyRadicals may change (a cheap test before the replace). A
 * non-global regex test: as fast as a loop over a table cell, 2-3 times faster over a whole report's
 * text while the loop is not yet optimised (issue #9, eighth round).
 */
export function hasRadicals(text: string): boolean {
  return HAS_RADICAL.test(text);
}

/**
 * Radicals and compatibility ideographs → the unified ideographs they stand for.
 * @example unifyRadicals('⼈⺠政府⼯作') // → '人民政府工作'
 */
export function unifyRadicals(text: string): string {
  return text.replace(RADICAL_OR_COMPATIBILITY, (ch) => {
    if (ch < '\u2f00') {
      return SUPPLEMENT[ch] ?? ch;
    }
    // Kangxi radicals: NFKC; compatibility ideographs: NFC (both give the unified ideograph, or leave it).
    return ch < '\u3000' ? (KANGXI_SIMPLIFIED[ch] ?? ch.normalize('NFKC')) : ch.normalize('NFC');
  });
}
