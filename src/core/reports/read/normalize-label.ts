// Label normalisation of annual-report.md §5: the reader matches labels on a normalised key and always
// outputs the official label. Keys are computed once per found label; official keys once at module load.

// Big5 mirrors turn 文件 into 檔案 (`規範性檔案`); the adapter's 繁→简 conversion leaves 档案, so both
// spellings are folded here (annual-report.md §5, "traditional → simplified with the override").
const ARCHIVE_OVERRIDE = /[檔档]案/g;
// Every quote form seen around “三安全一稳定” (curly, straight, corner brackets) becomes one.
const QUOTES = /[“”"「」『』‘’'＂]/g;
// \s covers U+3000, NBSP and line breaks inside a cell.
const WHITESPACE = /\s+/g;
// `1、属于国家秘密` and `1．` are the same ordinal as `1.` (NFKC already maps `．`).
const BOOKMARK = /\[bookmark:[^\]]*\]/g;
const LEADING_ORDINAL_COMMA = /^(\d+)、/;
const TRAILING_COLONS = /:+$/;

/**
 * The normalised key of a label (annual-report.md §5): NFKC, 檔案→文件, all whitespace removed,
 * quotes unified. Two labels that differ only in format have the same key.
 */
export function normalizeLabel(text: string): string {
  let key = keys.get(text);
  if (key === undefined) {
    key = normalizeUncached(text);
    if (keys.size >= KEYS_LIMIT) {
      keys.clear();
    }
    keys.set(text, key);
  }
  return key;
}

// Labels, headings and template labels recur in every report: a bounded memo of their keys.
const keys = new Map<string, string>();
const KEYS_LIMIT = 4096;

/**
 * normalizeLabel without its memo: for a text its caller has not seen before (a label matchLabel looks up
 * for the first time), where the memo would only hash the text and hold it.
 */
export function normalizeUncached(text: string): string {
  let key = text.normalize('NFKC');
  if (key.includes('[bookmark')) {
    // Word-processor residue glued to a label (`[bookmark: _GoBack]规章`, seed 000).
    key = key.replace(BOOKMARK, '');
  }
  if (key.includes('案')) {
    key = key.replace(ARCHIVE_OVERRIDE, '文件');
  }
  key = key.replace(WHITESPACE, '').replace(QUOTES, '"');
  if (key.endsWith(':')) {
    // A label cell typed with a colon after it (`规章：`, NFKC makes `：` a colon): the same label.
    key = key.replace(TRAILING_COLONS, '');
  }
  return key.replace(LEADING_ORDINAL_COMMA, '$1.');
}

/**
 * A key without its parenthesised notes (annotation class of §5): `本年收费金额(单位:万元,保留4位小数)`
 * → `本年收费金额`. A group at the very start is an ordinal (`(一)予以公开`) and is kept.
 */
export function stripAnnotations(key: string): string {
  if (!key.includes('(')) {
    return key;
  }
  // The kept runs between notes are sliced, not added a character at a time.
  let out = '';
  let depth = 0;
  let runStart = 0;
  let kept = 0;
  for (let i = 0; i < key.length; i++) {
    const code = key.charCodeAt(i);
    if (depth === 0) {
      if (code === 0x28 && kept > 0) {
        out += key.slice(runStart, i);
        depth = 1;
      } else {
        kept++;
      }
    } else if (code === 0x28) {
      depth++;
    } else if (code === 0x29) {
      depth--;
      if (depth === 0) {
        runStart = i + 1;
      }
    }
  }
  return depth === 0 ? out + key.slice(runStart) : out;
}

const UNIT_NOTE = /单位:([^,)]*)/;

/** The unit named in a key's note (`(单位:万元)` → `万元`), or null when there is none. */
export function unitNote(key: string): string | null {
  const match = UNIT_NOTE.exec(key);
  return match ? match[1]! : null;
}

/**
 * The found label as the LABEL-VARIANT message quotes it (validation-rules.md rule 13): trimmed, line
 * breaks inside the cell removed, inner spacing kept (`2. 其他法律法规禁止公开`).
 */
export function foundLabelText(text: string): string {
  return text.replace(/[\r\n]+/g, '').trim();
}

/**
 * Wording aliases of annual-report.md §5 (found → official), as normalised keys. Template-dependent
 * aliases (`规范性文件` ↔ `行政规范性文件`) are resolved by the table reader, which knows the template.
 */
export const WORDING_ALIASES: ReadonlyMap<string, string> = new Map(
  [
    ['本年度止件数', '本年废止件数'],
    ['本年新制发件数', '本年制发件数'],
    ['半年收费金额（单位：万元）', '本年收费金额（单位：万元）'],
    ['社会组织', '社会公益组织'],
    ['2.其他法律法规禁止公开', '2.其他法律行政法规禁止公开'],
    // Seen in published reports (issue #9 corpus): 申请 dropped, 法规禁 dropped, 决定 misspelt.
    ['二、上年结转政府信息公开数量', '二、上年结转政府信息公开申请数量'],
    ['一、本年新收政府信息公开数量', '一、本年新收政府信息公开申请数量'],
    ['2.其他法律行政止公开', '2.其他法律行政法规禁止公开'],
    ['本年处理绝对数量', '本年处理决定数量'],
    // Everyday wording of the same labels (issue #9: the reader on layouts and wordings it has not seen):
    // 其它 for 其他, a longer or shorter name of the same row or column.
    ['其它', '其他'],
    ['3.其它', '3.其他'],
    ['收费金额', '本年收费金额'],
    ['政府集中采购项目', '政府集中采购'],
    ['本年增减', '本年增/减'],
    ['结转下年度继续办理数量', '四、结转下年度继续办理'],
    ['四、结转下年度继续办理数量', '四、结转下年度继续办理'],
  ].map(([found, official]) => [normalizeLabel(found!), normalizeLabel(official!)] as const),
);
