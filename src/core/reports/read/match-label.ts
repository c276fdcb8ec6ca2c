// Matching a label found in a table against the official labels of both templates (annual-report.md §5):
// format differences are silent, annotations are silent unless they name another unit, wording aliases
// match with a LABEL-VARIANT. Every official key is computed once at module load.

import { innerMap } from '../../shared/inner-map.ts';
import { T3_HEADER, T3_TOP_LEFT, T4_HEADER, TABLE_IDS, type TableId, TEMPLATES, type TemplateId } from '../template.ts';
import { normalizeLabel, normalizeUncached, stripAnnotations, unitNote, WORDING_ALIASES } from './normalize-label.ts';

/** What an official label names. `templates` = the templates in which this exact label is official. */
export type LabelTarget =
  | { readonly kind: 'row'; readonly table: TableId; readonly rowId: string; readonly templates: readonly TemplateId[] }
  | {
      readonly kind: 'column';
      readonly table: TableId;
      readonly colId: string;
      /** Table 二 only: the blocks whose header carries this column. */
      readonly blocks: readonly string[];
      readonly templates: readonly TemplateId[];
    }
  | { readonly kind: 'block'; readonly table: '二'; readonly blockId: string; readonly templates: readonly TemplateId[] }
  | { readonly kind: 'header'; readonly table: TableId; readonly name: string };

/** How a found label relates to the official one: same (format/annotation only), wording alias, or another unit. */
export type LabelDifference = 'none' | 'wording' | 'unit';

export interface LabelMatch {
  readonly targets: readonly LabelTarget[];
  /** The official label text matched (first template's spelling). */
  readonly official: string;
  readonly difference: LabelDifference;
}

interface Entry {
  readonly official: string;
  readonly targets: LabelTarget[];
}

const exactIndex = new Map<string, Entry>();
const baseIndex = new Map<string, Entry>();
// Table 三 rows without their ordinal (`属于国家秘密`, `本年新收政府信息公开申请数量`).
const bareIndex = new Map<string, Entry>();

const LEADING_ORDINAL = /^(?:\d+\.|\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+、)/;

function add(index: Map<string, Entry>, key: string, official: string, target: LabelTarget): void {
  let entry = index.get(key);
  if (entry === undefined) {
    entry = { official, targets: [] };
    index.set(key, entry);
  }
  const same = entry.targets.find((t) => sameTarget(t, target));
  if (same === undefined) {
    entry.targets.push(target);
  } else if ('templates' in same && 'templates' in target) {
    for (const template of target.templates) {
      if (!same.templates.includes(template)) {
        (same.templates as TemplateId[]).push(template);
      }
    }
    if (same.kind === 'column' && target.kind === 'column') {
      for (const block of target.blocks) {
        if (!same.blocks.includes(block)) {
          (same.blocks as string[]).push(block);
        }
      }
    }
  }
}

function sameTarget(a: LabelTarget, b: LabelTarget): boolean {
  if (a.kind !== b.kind || a.table !== b.table) {
    return false;
  }
  switch (a.kind) {
    case 'row':
      return a.rowId === (b as typeof a).rowId;
    case 'column':
      return a.colId === (b as typeof a).colId;
    case 'block':
      return a.blockId === (b as typeof a).blockId;
    case 'header':
      return a.name === (b as typeof a).name;
  }
}

function register(official: string, target: LabelTarget): void {
  const key = normalizeLabel(official);
  add(exactIndex, key, official, target);
  add(baseIndex, stripAnnotations(key), official, target);
  if (target.kind === 'row' && target.table === '三') {
    const bare = key.replace(LEADING_ORDINAL, '');
    if (bare !== key) {
      add(bareIndex, bare, official, target);
    }
  }
}

for (const id of ['2021', '2019'] as const) {
  const template = TEMPLATES[id];
  for (const table of TABLE_IDS) {
    const def = template.tables[table];
    for (const row of def.rows) {
      register(row.shortLabel, { kind: 'row', table, rowId: row.id, templates: [id] });
      if (table === '四' && row.depth === 1) {
        // The group with its column title, as a label of its own (`行政诉讼（未经复议直接起诉）`: a Markdown sub-table's heading).
        register(`行政诉讼（${row.shortLabel}）`, { kind: 'row', table, rowId: row.id, templates: [id] });
      }
      for (const column of row.columns) {
        register(column.label, { kind: 'column', table, colId: column.id, blocks: row.block ? [row.block] : [], templates: [id] });
      }
    }
    for (const block of def.blocks) {
      register(block.label, { kind: 'block', table: '二', blockId: block.id, templates: [id] });
    }
  }
}
register('信息内容', { kind: 'header', table: '二', name: 'content' });
register(T3_TOP_LEFT, { kind: 'header', table: '三', name: 'top_left' });
register(T3_HEADER.applicant, { kind: 'header', table: '三', name: 'applicant' });
register(T3_HEADER.legal_person_or_org, { kind: 'header', table: '三', name: 'legal_person_or_org' });
register(T4_HEADER.review, { kind: 'header', table: '四', name: 'review' });
register(T4_HEADER.litigation, { kind: 'header', table: '四', name: 'litigation' });
register(T4_HEADER.direct, { kind: 'header', table: '四', name: 'direct' });
register(T4_HEADER.after_review, { kind: 'header', table: '四', name: 'after_review' });

const baseAliases = new Map<string, string>();
for (const [found, official] of WORDING_ALIASES) {
  baseAliases.set(stripAnnotations(found), stripAnnotations(official));
}

const NO_MATCH: LabelMatch = { targets: [], official: '', difference: 'none' };

function lookup(key: string): LabelMatch {
  const exact = exactIndex.get(key);
  if (exact) {
    return { targets: exact.targets, official: exact.official, difference: 'none' };
  }
  const aliased = WORDING_ALIASES.get(key);
  const viaAlias = aliased === undefined ? undefined : exactIndex.get(aliased);
  if (viaAlias) {
    return { targets: viaAlias.targets, official: viaAlias.official, difference: 'wording' };
  }
  const base = stripAnnotations(key);
  const annotated = baseIndex.get(base);
  if (annotated) {
    return { targets: annotated.targets, official: annotated.official, difference: unitDiffers(key, annotated.official) ? 'unit' : 'none' };
  }
  const baseAlias = baseAliases.get(base);
  const viaBaseAlias = baseAlias === undefined ? undefined : baseIndex.get(baseAlias);
  if (viaBaseAlias) {
    return { targets: viaBaseAlias.targets, official: viaBaseAlias.official, difference: 'wording' };
  }
  const bare = bareIndex.get(key.replace(LEADING_ORDINAL, ''));
  if (bare) {
    return { targets: bare.targets, official: bare.official, difference: 'none' };
  }
  return NO_MATCH;
}

// Label typos of published reports (issue #9: `本年新收政府信息公开申请数` for …申请数量, `上年结转的政府…`,
// `危及三安全一稳定` without its quotes, `本年制发数`): a label that no key, alias or note matches is read as
// the one official label it differs from by at most one inserted or deleted character (two from 12
// characters on), ordinals, notes and quotes aside, when no other official label is as close. It is a
// wording variant (LABEL-VARIANT notice), so the user sees which label was taken for which.
const TYPO_KEY_MIN = 5;
const TYPO_KEY_MAX = 40;
const typoKeys: { readonly key: string; readonly entry: Entry }[] = [];
{
  const seen = new Set<string>();
  for (const [key, entry] of exactIndex) {
    const bare = typoKey(key);
    if (bare.length >= TYPO_KEY_MIN - 1 && !seen.has(`${bare}\u0000${entry.official}`)) {
      seen.add(`${bare}\u0000${entry.official}`);
      typoKeys.push({ key: bare, entry });
    }
  }
}

/** The most characters a found key of that length may differ by (lookupTypo). */
function typoLimit(length: number): number {
  return length >= 12 ? 2 : 1;
}

// For each length of a found key, the typo keys close enough in length to be within its limit, in
// typoKeys' order (the first of equally close keys is the one read): the search does not walk them all.
const typoCandidates: (readonly number[])[] = [];
for (let length = TYPO_KEY_MIN; length <= TYPO_KEY_MAX; length++) {
  const limit = typoLimit(length);
  const candidates: number[] = [];
  for (let i = 0; i < typoKeys.length; i++) {
    if (Math.abs(typoKeys[i]!.key.length - length) <= limit) {
      candidates.push(i);
    }
  }
  typoCandidates[length] = candidates;
}

function typoKey(key: string): string {
  return stripAnnotations(key).replace(LEADING_ORDINAL, '').replace(/"/g, '');
}

function lookupTypo(key: string): LabelMatch {
  const found = typoKey(key);
  if (found.length < TYPO_KEY_MIN || found.length > TYPO_KEY_MAX || /\d/.test(found) || !/[\u4e00-\u9fff]/.test(found)) {
    return NO_MATCH;
  }
  const limit = typoLimit(found.length);
  let best: Entry | null = null;
  let bestDistance = limit + 1;
  let tie = false;
  const candidates = typoCandidates[found.length]!;
  for (let c = 0; c < candidates.length; c++) {
    const { key: official, entry } = typoKeys[candidates[c]!]!;
    const d = indelDistance(found, official, Math.min(limit, bestDistance));
    if (d < bestDistance) {
      best = entry;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance && best !== null && !sameTargets(entry, best)) {
      tie = true;
    }
  }
  if (best === null || tie) {
    const replaced = found.length >= REPLACED_KEY_MIN ? oneReplaced(found) : null;
    return replaced === null ? NO_MATCH : { targets: replaced.targets, official: replaced.official, difference: 'wording' };
  }
  return { targets: best.targets, official: best.official, difference: 'wording' };
}

// A label of 6 characters or more with one character replaced (`行政事业型收费`, probeH12 039: 型 for 性, one sound):
// the one official label of its length it differs from in exactly that place, when no other is as close.
const REPLACED_KEY_MIN = 6;

function oneReplaced(found: string): Entry | null {
  let match: Entry | null = null;
  for (const { key, entry } of typoKeys) {
    if (key.length !== found.length) {
      continue;
    }
    let differences = 0;
    for (let i = 0; i < key.length && differences < 2; i++) {
      if (key.charCodeAt(i) !== found.charCodeAt(i)) {
        differences++;
      }
    }
    if (differences === 1) {
      if (match !== null && !sameTargets(entry, match)) {
        return null;
      }
      match = entry;
    }
  }
  return match;
}

function sameTargets(a: Entry, b: Entry): boolean {
  return a === b || (a.targets.length === b.targets.length && a.targets.every((t) => b.targets.some((u) => sameTarget(t, u))));
}

/**
 * Characters inserted or deleted to turn a into b (len a + len b − 2 × their longest common subsequence),
 * or limit + 1 as soon as it must exceed limit (a diagonal band of the table).
 */
function indelDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) {
    return limit + 1;
  }
  // d[i][j] over the band |i − j| ≤ limit: deletions and insertions only. Two rows of scratch, reused
  // from call to call (the search runs this for every typo key close in length to every new label).
  const width = 2 * limit + 1;
  const big = limit + 1;
  let previous = bandRows[0]!;
  let current = bandRows[1]!;
  previous.fill(big, 0, width);
  for (let j = 0; j <= Math.min(b.length, limit); j++) {
    previous[j + limit] = j;
  }
  for (let i = 1; i <= a.length; i++) {
    current.fill(big, 0, width);
    let rowMin = big;
    for (let j = Math.max(0, i - limit); j <= Math.min(b.length, i + limit); j++) {
      const at = j - i + limit;
      let d = big;
      if (j === 0) {
        d = i;
      } else if (a.charCodeAt(i - 1) === b.charCodeAt(j - 1)) {
        d = previous[at]!;
      } else {
        const up = at + 1 < width ? previous[at + 1]! + 1 : big;
        const left = at - 1 >= 0 ? current[at - 1]! + 1 : big;
        d = Math.min(up, left);
      }
      current[at] = Math.min(d, big);
      rowMin = Math.min(rowMin, current[at]!);
    }
    if (rowMin > limit) {
      return limit + 1;
    }
    const swap = previous;
    previous = current;
    current = swap;
  }
  const at = b.length - a.length + limit;
  return at >= 0 && at < width ? previous[at]! : big;
}

// indelDistance's two rows: the widest band is that of the largest limit (typoLimit).
const bandRows = [new Int32Array(2 * typoLimit(TYPO_KEY_MAX) + 1), new Int32Array(2 * typoLimit(TYPO_KEY_MAX) + 1)];

/**
 * A header path (`法人或其他组织/商业企业`, Markdown's flattened multi-row heads): every segment must be a
 * label; the last one names the column.
 */
function lookupPath(key: string): LabelMatch {
  const segments = key.split('/').filter((s) => s.length > 0);
  let last = NO_MATCH;
  for (const segment of segments) {
    last = lookup(segment);
    if (last === NO_MATCH) {
      return NO_MATCH;
    }
  }
  return last;
}

function unitDiffers(foundKey: string, official: string): boolean {
  const found = unitNote(foundKey);
  const expected = unitNote(normalizeLabel(official));
  return found !== null && expected !== null && found !== expected;
}

// Labels repeat across reports and rows: matchLabel remembers its answers in the label book (below),
// matchLabelExactly in a bounded map.
const exactMemo = new Map<string, LabelMatch>();
const MEMO_LIMIT = 4096;

/** Matches a found label (any spelling) against every official label; no targets when nothing matches. */
export function matchLabel(text: string): LabelMatch {
  const entry = labelBook.find(text, 0, text.length);
  if (entry >= 0) {
    return labelBook.value(entry);
  }
  const match = matchUncached(text, true);
  labelBook.add(text, match);
  return match;
}

/**
 * matchLabel without the typo tolerance: for callers that try every substring of a text as a label (the
 * run-together tokenizer), where a near miss would be a false find and the search would cost too much.
 */
export function matchLabelExactly(text: string): LabelMatch {
  const cached = exactMemo.get(text);
  if (cached) {
    return cached;
  }
  const match = matchUncached(text, false);
  if (exactMemo.size >= MEMO_LIMIT) {
    exactMemo.clear();
  }
  exactMemo.set(text, match);
  return match;
}

function matchUncached(text: string, typos: boolean): LabelMatch {
  // A text matchLabel has not seen (since its book last started again): normalised without the memo.
  const key = normalizeUncached(text);
  let match = key.length === 0 ? NO_MATCH : lookup(key);
  if (match === NO_MATCH && key.includes('/')) {
    match = lookupPath(key);
  }
  if (typos && match === NO_MATCH && key.length >= TYPO_KEY_MIN) {
    match = lookupTypo(key);
  }
  return match;
}

/**
 * A bounded memo keyed by texts, in an open-addressing table of our own keyed by a hash of the text's
 * code units. A text can be looked up by its range in a longer string (find), so a table row's cells
 * need no string to be found, and the table is compact (Int32Arrays of slots and hashes): a Map looked
 * up with a new substring per cell cost ~0.3 µs a cell on the first pass over 1,000 reports (hashing
 * the new string, walking chains to keys scattered over the heap; docs/benchmarks.md, the ninth round).
 * Past `limit` texts it starts again, empty.
 */
export class TextBook<V> {
  private readonly mask: number;
  private readonly slots: Int32Array; // entry index + 1; 0 = an empty slot
  private readonly hashes: Int32Array;
  private readonly texts: string[] = [];
  private readonly values: V[] = [];
  private readonly limit: number;

  constructor(limit: number) {
    this.limit = limit;
    // A power of two, at least twice the entries: probes stay short, and an empty slot ends each one.
    let size = 2;
    while (size < 2 * limit) {
      size *= 2;
    }
    this.mask = size - 1;
    this.slots = new Int32Array(size);
    this.hashes = new Int32Array(limit);
  }

  /** The entry of the text text[start, end), or -1. */
  find(text: string, start: number, end: number): number {
    const hash = rangeHash(text, start, end);
    const length = end - start;
    for (let slot = hash & this.mask; this.slots[slot] !== 0; slot = (slot + 1) & this.mask) {
      const entry = this.slots[slot]! - 1;
      if (this.hashes[entry] === hash) {
        const known = this.texts[entry]!;
        if (known.length === length && (known === text || sameCharacters(known, text, start))) {
          return entry;
        }
      }
    }
    return -1;
  }

  /** The text of an entry (the string first added for it). */
  text(entry: number): string {
    return this.texts[entry]!;
  }

  value(entry: number): V {
    return this.values[entry]!;
  }

  /** Adds `text`, which find did not find (misses are few: its hash is computed again). */
  add(text: string, value: V): void {
    const hash = rangeHash(text, 0, text.length);
    if (this.texts.length >= this.limit) {
      this.slots.fill(0);
      this.texts.length = 0;
      this.values.length = 0;
    }
    let slot = hash & this.mask;
    while (this.slots[slot] !== 0) {
      slot = (slot + 1) & this.mask;
    }
    this.hashes[this.texts.length] = hash;
    this.slots[slot] = this.texts.push(text);
    this.values.push(value);
  }
}

/** FNV-1a over the UTF-16 code units of text[start, end). */
function rangeHash(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5 | 0;
  for (let i = start; i < end; i++) {
    hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  }
  return hash;
}

/** True when text[start, start + known.length) holds the characters of known. */
function sameCharacters(known: string, text: string, start: number): boolean {
  for (let i = 0; i < known.length; i++) {
    if (known.charCodeAt(i) !== text.charCodeAt(start + i)) {
      return false;
    }
  }
  return true;
}

// The label book: the texts matchLabel has seen and their matches.
const labelBook = new TextBook<LabelMatch>(MEMO_LIMIT);

/**
 * The string matchLabel has seen that equals text.slice(start, end), or undefined: a cell's text made
 * without a new string when it is a label of the book (the same labels recur report after report).
 */
export function knownLabelText(text: string, start: number, end: number): string | undefined {
  const entry = labelBook.find(text, start, end);
  return entry >= 0 ? labelBook.text(entry) : undefined;
}

// A match is memoised per label text (matchLabel), and its targets per table are asked for every cell
// of every report: one filtered list per match and table instead of a new array each time.
const TARGETS_BY_TABLE = new WeakMap<LabelMatch, Map<TableId, readonly LabelTarget[]>>();
const NO_TARGETS: readonly LabelTarget[] = Object.freeze([]);

/** The targets of a match that belong to one table. */
export function targetsIn(match: LabelMatch, table: TableId): readonly LabelTarget[] {
  if (match.targets.length === 0) {
    return NO_TARGETS;
  }
  const byTable = innerMap(TARGETS_BY_TABLE, match);
  let targets = byTable.get(table);
  if (targets === undefined) {
    targets = Object.freeze(match.targets.filter((t) => t.table === table));
    byTable.set(table, targets);
  }
  return targets;
}

/**
 * What a text is the start of, cut short (`信息内`, `第二十条第(`, `(三)不`, `总`): what a page that ends inside
 * the table leaves on its last line. The row's ID when it starts one row label of the table and no other
 * label, '' when it starts another of its labels (a column, a block, a header) or several, undefined when none.
 */
export function labelPrefixOf(text: string, table: TableId): string | undefined {
  const key = normalizeLabel(text);
  if (key.length === 0) {
    return undefined;
  }
  const bare = key.replace(LEADING_ORDINAL, '');
  let found: string | undefined;
  for (const [official, entry] of exactIndex) {
    if (
      official.length > key.length &&
      (official.startsWith(key) || (bare !== key && bare.length > 0 && official.replace(LEADING_ORDINAL, '').startsWith(bare))) &&
      entry.targets.some((t) => t.table === table)
    ) {
      const row = entry.targets.find((t) => t.table === table && t.kind === 'row');
      // The one row it starts (`(四)无法`); several (`行`, `(`) name none.
      found = row?.kind === 'row' && (found === undefined || found === row.rowId) ? row.rowId : '';
    }
  }
  return found;
}

/**
 * A header cell cut short by the export (`法律服务` for `法律服务机构`): the one column or header label of
 * the table that starts with it. No match when the prefix is shorter than two characters or ambiguous.
 */
export function matchPrefix(text: string, table: TableId): LabelMatch {
  const key = normalizeLabel(text);
  if (key.length < 2) {
    return NO_MATCH;
  }
  let found: Entry | undefined;
  for (const [official, entry] of exactIndex) {
    if (official.length > key.length && official.startsWith(key) && entry.targets.some((t) => t.table === table && t.kind !== 'row')) {
      if (found !== undefined && found !== entry) {
        return NO_MATCH;
      }
      found = entry;
    }
  }
  return found === undefined ? NO_MATCH : { targets: found.targets, official: found.official, difference: 'none' };
}
