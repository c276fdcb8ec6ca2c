// Run-together table text (issue #9): a page text whose table cells were concatenated without separators,
// the whole table on one line with its labels (`…（一）予以公开270020130（二）部分公开…`). This tokenizer
// turns such a line into the reader's stream: section headings, header label rows and data rows whose
// digit runs are split back into cells by the table's own arithmetic (row 总计 = the six applicant
// columns; table 四 group totals; table 三's column identities across rows) — only when exactly one split
// satisfies it. A run with no or several splits stays unsplit: its cells are absent, never guessed.

import { type TableId, TEMPLATES, type TemplateId } from '../template.ts';
import { matchLabelExactly } from './match-label.ts';

/** One piece of a run-together line, in order. */
export type RunItem =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'heading'; readonly text: string; readonly table: TableId | null }
  /** Label cells of a header (or a label with no digits after it). */
  | { readonly kind: 'labels'; readonly table: TableId; readonly cells: readonly string[] }
  | { readonly kind: 'row'; readonly table: TableId; readonly label: string | null; readonly cells: readonly string[] }
  | {
      readonly kind: 'unsplit';
      readonly table: TableId;
      readonly label: string | null;
      readonly run: string;
      readonly width: number;
      /** Table 二: the row's template ID and every split its column kinds allow (absent when too many). */
      readonly table2?: Table2Run;
    };

/** A table 二 row left unsplit by the tokenizer: what a later step needs to decide between its splits. */
export interface Table2Run {
  readonly rowId: string;
  readonly template: TemplateId;
  readonly splits: readonly (readonly string[])[] | null;
}

const HEADINGS: readonly (readonly [RegExp, TableId | null])[] = [
  [/^主动公开政府信息情况/, '二'],
  [/^收到和处理政府信息公开申请情况/, '三'],
  // `行政复议、行政诉讼情况`, also joined by 与/和/及 (`政府信息公开行政复议与行政诉讼情况`).
  [/^(?:政府信息公开)?行政.{0,2}复议[、,，与和及]\s*(?:提起)?行政诉讼(?:的)?情况/, '四'],
  [/^因政府信息公开申请提起行政复议[、,，与和及]\s*行政诉讼(?:的)?情况/, '四'],
  [/^存在的主要问题及改进情况/, null],
  [/^(?:政府信息公开工作)?存在的主要问题/, null],
  [/^其他需要报告的事项/, null],
  [/^总体情况/, null],
];
const HEADING_START = /[一二三四五六七八九十]、\s*/g;
// A table 三 row label glued to its digits: the signature of this layout.
const GLUED = /[\u4e00-\u9fff）)”"]\s?(?:\d\s?){4,}\d/g;

// What the template's tables hold whatever their layout: table 二's column header, table 三's applicant
// header or its first row, table 四's result columns.
const TABLE_MARKERS: Readonly<Record<TableId, RegExp>> = {
  二: /信息内容|第二十条/,
  三: /申请人情况|本年新收|自然人/,
  四: /结果维持|复议后起诉|直接起诉/,
};

/** True when a line is a run-together table: long, no pipes or tabs, several labels glued to digit runs. */
export function isRunTogether(line: string): boolean {
  if (line.length < 200 || line.includes('|') || line.includes('\t')) {
    return false;
  }
  const glued = line.match(GLUED);
  return glued !== null && glued.length >= 4 && (line.includes('本年新收') || line.includes('予以公开') || line.includes('行政许可'));
}

/** Splits a run-together line into headings, narrative text and table rows. */
export function tokenizeRunTogether(line: string): RunItem[] {
  const items: RunItem[] = [];
  const cuts: { at: number; end: number; table: TableId | null }[] = [];
  for (const m of line.matchAll(HEADING_START)) {
    const rest = line.slice(m.index + m[0].length, m.index + m[0].length + 40);
    for (const [re, table] of HEADINGS) {
      const h = re.exec(rest);
      if (h !== null) {
        cuts.push({ at: m.index, end: m.index + m[0].length + h[0].length, table });
        break;
      }
    }
  }
  let position = 0;
  let table: TableId | null = null;
  const sections: { table: TableId; text: string }[] = [];
  const flushText = (text: string): void => {
    if (table === null || !TABLE_MARKERS[table].test(text)) {
      // Narrative, or a section without the template's table in it (a pre-2019 report's 主动公开 section
      // in prose: `行政许可类信息13条` is no table row).
      if (text.trim().length > 0) {
        items.push({ kind: 'text', text });
      }
    } else {
      sections.push({ table, text });
      for (const item of tokenizeTable(table, text)) {
        items.push(item);
      }
    }
  };
  for (const cut of cuts) {
    flushText(line.slice(position, cut.at));
    items.push({ kind: 'heading', text: line.slice(cut.at, cut.end), table: cut.table });
    table = cut.table;
    position = cut.end;
  }
  flushText(line.slice(position));
  resolveTable3(items);
  return items;
}

/**
 * One row of table 三 or 四 on its own line with its cells run together (`一、本年新收政府信息公开申请数量640020470`,
 * `结果维持…总计000000000000000`): its items, or null when the line is no such row. Table 二 is left out:
 * its column counts differ between the templates, and a line alone does not say which one it is.
 */
export function runTogetherLine(table: TableId, line: string, table2Template: TemplateId | null = null): RunItem[] | null {
  if (table === '二') {
    // Table 二 only under a run-together header that named the template (gluedTable2Header).
    if (table2Template === null || !GLUED_TABLE2_ROW.test(line)) {
      return null;
    }
    const items = tokenizeTable(table, line.trim(), table2Template);
    return items.length === 1 && (items[0]!.kind === 'row' || items[0]!.kind === 'unsplit') ? items : null;
  }
  if (table !== '三' && table !== '四') {
    return null;
  }
  if (!GLUED_END.test(line) || line.length > 400) {
    return null;
  }
  const items = tokenizeTable(table, line.trim());
  resolveTable3(items);
  return items.some((item) => item.kind === 'row' || item.kind === 'unsplit') ? items : null;
}
const GLUED_END = /[\u4e00-\u9fff）)”"]\d{5,}(?:[ \u00a0\u3000]+\d+)*\s*$/;
// A table 二 row label and its digits, nothing else on the line (`行政规范性文件040`, `行政许可707`).
const GLUED_TABLE2_ROW = /^\s*[\u4e00-\u9fff（）()“”"]{2,30}[-+\u2212增减]?\d[\d.]*(?:[-+\u2212增减]\d[\d.]*)*\s*$/;

/**
 * A table 二 header whose labels were run together on a line of their own (`信息内容本年制发件数本年废止件数
 * 现行有效件数`): its label cells and the template its one-template column labels name (null when they name
 * none or both). Null when the line is no such header.
 */
export function gluedTable2Header(line: string): { readonly cells: string[]; readonly template: TemplateId | null } | null {
  const text = line.trim();
  if (!text.startsWith('信息内容') || text.length > 120 || /[\s|\t]/.test(text)) {
    return null;
  }
  const cells = gluedLabels(text, '二');
  if (cells.length < 2 || cells[0] !== '信息内容') {
    return null;
  }
  const named = new Set<TemplateId>();
  for (const cell of cells) {
    for (const target of matchLabelExactly(cell).targets) {
      if (target.kind === 'column' && target.table === '二' && target.templates.length === 1) {
        named.add(target.templates[0]!);
      }
    }
  }
  return { cells, template: named.size === 1 ? [...named][0]! : null };
}

// What follows a number of the narrative, never a table's cell: its unit, a date's part, a share or an approximation.
const NARRATIVE_UNIT = /[年月日条件篇次%％余多]/;
// Digit runs: digits with decimal points, stray spaces (from &nbsp;) kept as cell boundaries.
const RUN = /\d[\d.]*(?:[ \u00a0\u3000]+\d[\d.]*)*/g;
// Table 二 (2019) has a signed column (本年增/减): a sign inside a run starts a cell (`2648-18538`,
// `396增98278`).
const SIGNED_RUN = /[-+\u2212增减]?\d[\d.]*(?:(?:[ \u00a0\u3000]+[-+\u2212增减]?|[-+\u2212增减])\d[\d.]*)*/g;

function tokenizeTable(table: TableId, text: string, known: TemplateId | null = null): RunItem[] {
  const items: RunItem[] = [];
  const template: TemplateId = known ?? (/本年新制作|上一年项目|对外公开总数/.test(text) ? '2019' : '2021');
  let labelText = '';
  let position = 0;
  const pieces: { label: string; run: string }[] = [];
  for (const m of text.matchAll(table === '二' ? SIGNED_RUN : RUN)) {
    let run = m[0];
    let end = m.index + run.length;
    labelText += text.slice(position, m.index);
    const next = text.charAt(end);
    // `…00000002.其他法律…`: the last digit and its point are the next row's ordinal.
    const ordinal = /(\d)\.$/.exec(run) ?? (next === '、' || next === '．' ? /(\d)$/.exec(run) : null);
    if (ordinal !== null && /[\u4e00-\u9fff]/.test(text.charAt(end) === '.' ? text.charAt(end + 1) : text.charAt(end) || 'x')) {
      run = run.slice(0, ordinal.index).trimEnd();
      end = m.index + ordinal.index;
    }
    position = end;
    if (run.length === 0 || labelText.endsWith('第') || NARRATIVE_UNIT.test(text.charAt(end))) {
      // `第二十条第（一）项` has no ASCII digits; a digit after 第 is part of a label, not a cell. A number with its
      // unit (`规范性文件类11条`, `2024年，没有…`) is the narrative's, not a cell.
      labelText += text.slice(m.index, end);
      continue;
    }
    pieces.push({ label: labelText, run: run.replace(/\.$/, '') });
    labelText = '';
  }
  const tail = labelText + text.slice(position);
  for (const { label, run } of pieces) {
    // A row label is short: only the end of a long stretch of text before the digits can hold it.
    const labels = gluedLabels(label.length > 240 ? label.slice(-240) : label, table);
    const last = labels[labels.length - 1];
    const rowId = last === undefined ? undefined : rowIdOf(last, table);
    if (rowId === undefined) {
      if (labels.length > 0) {
        items.push({ kind: 'labels', table, cells: labels });
      }
      if (table === '四') {
        pushSplit(items, table, null, run, [5, 5, 5], true);
      } else if (labels.length === 0 && label.trim().length > 0) {
        items.push({ kind: 'text', text: label + run });
      }
      continue;
    }
    if (labels.length > 1) {
      items.push({ kind: 'labels', table, cells: labels.slice(0, -1) });
    }
    const rowDef = TEMPLATES[template].rowById.get(rowId) ?? TEMPLATES[template === '2019' ? '2021' : '2019'].rowById.get(rowId);
    const width = table === '三' ? 7 : table === '四' ? 5 : (rowDef?.columns.length ?? 0);
    if (width === 0) {
      items.push({ kind: 'labels', table, cells: [last!] });
      continue;
    }
    if (table === '二' && rowDef !== undefined) {
      pushTable2Split(items, last!, run, rowId, TEMPLATES[template].rowById.has(rowId) ? template : template === '2019' ? '2021' : '2019');
      continue;
    }
    pushSplit(items, table, last!, run, [width], table !== '二');
  }
  if (tail.trim().length > 0) {
    const labels = tail.length > 400 ? [] : gluedLabels(tail, table);
    items.push(labels.length > 0 ? { kind: 'labels', table, cells: labels } : { kind: 'text', text: tail });
  }
  return items;
}

function rowIdOf(label: string, table: TableId): string | undefined {
  for (const target of matchLabelExactly(label).targets) {
    if (target.kind === 'row' && target.table === table) {
      return target.rowId;
    }
  }
  return undefined;
}

// Splits found for rows the table 三 identities may still decide between.
const pendingSplits = new WeakMap<RunItem, readonly (readonly string[])[]>();

function pushSplit(items: RunItem[], table: TableId, label: string | null, run: string, groups: readonly number[], totals: boolean): void {
  const width = groups.reduce((a, b) => a + b, 0);
  const splits = splitRun(run, groups, totals);
  if (splits.length === 1) {
    items.push({ kind: 'row', table, label, cells: splits[0]! });
    return;
  }
  const item: RunItem = { kind: 'unsplit', table, label, run, width };
  if (splits.length > 1 && splits.length < MAX_SPLITS) {
    pendingSplits.set(item, splits);
  }
  items.push(item);
}

/** A table 二 row: split by its column kinds (a count has no sign or decimal point); one split is the row. */
function pushTable2Split(items: RunItem[], label: string, run: string, rowId: string, template: TemplateId): void {
  const columns = TEMPLATES[template].rowById.get(rowId)!.columns;
  const splits = splitTable2Run(
    run,
    columns.map((c) => c.kind),
  );
  if (splits !== null && splits.length === 1) {
    items.push({ kind: 'row', table: '二', label, cells: splits[0]! });
    return;
  }
  items.push({ kind: 'unsplit', table: '二', label, run, width: columns.length, table2: { rowId, template, splits } });
}

const MAX_TABLE2_SPLITS = 64;
const MAX_TABLE2_CELL = 20;
const COUNT_CELL = /^(?:0|[1-9]\d*)$/;
const CHANGE_CELL = /^[-+\u2212增减]?(?:0|[1-9]\d*)$/;
const AMOUNT_CELL = /^(?:0|[1-9]\d*)(?:\.\d+)?$/;

/** The number a table 二 cell of a split stands for (`增98` = 98, `减8` and `−8` = −8). */
export function splitCellNumber(cell: string): number {
  const sign = cell.charAt(0);
  const negative = sign === '-' || sign === '\u2212' || sign === '减';
  const digits = /^[-+\u2212增减]/.test(cell) ? cell.slice(1) : cell;
  return negative ? -Number(digits) : Number(digits);
}

/**
 * Every way to cut a table 二 run into one cell per column, by the columns' kinds: a count is a plain
 * integer, a change (本年增/减) may carry a sign, an amount may carry a decimal point; spaces and signs
 * start a cell; a cell is `0` or has no leading zero. Null when there are more than MAX_TABLE2_SPLITS.
 */
export function splitTable2Run(run: string, kinds: readonly ('count' | 'change' | 'amount')[]): string[][] | null {
  const chunks = run
    .split(/[ \u00a0\u3000]+/)
    .flatMap((c) => c.split(/(?=[-+\u2212增减])/))
    .filter((c) => c.length > 0);
  const width = kinds.length;
  if (chunks.length > width) {
    return [];
  }
  const out: string[][] = [];
  const cells: string[] = [];
  let overflow = false;
  // Bounded work whatever the run: a cell holds at most MAX_TABLE2_CELL characters, the last cell of the
  // last chunk is the rest of it, and a budget of steps ends a pathological run as ambiguous.
  let budget = 100_000;
  const step = (chunk: number, offset: number): void => {
    if (overflow || --budget < 0) {
      overflow = true;
      return;
    }
    if (chunk === chunks.length) {
      if (cells.length === width) {
        if (out.length === MAX_TABLE2_SPLITS) {
          overflow = true;
          return;
        }
        out.push([...cells]);
      }
      return;
    }
    const column = cells.length;
    if (column === width || chunks.length - chunk > width - column) {
      return;
    }
    const text = chunks[chunk]!;
    const kind = kinds[column]!;
    const pattern = kind === 'count' ? COUNT_CELL : kind === 'change' ? CHANGE_CELL : AMOUNT_CELL;
    const last = column === width - 1;
    const from = last ? text.length : offset + 1;
    const to = Math.min(text.length, offset + MAX_TABLE2_CELL);
    for (let end = from; end <= to; end++) {
      const cell = text.slice(offset, end);
      if (!pattern.test(cell)) {
        continue;
      }
      cells.push(cell);
      step(end === text.length ? chunk + 1 : chunk, end === text.length ? 0 : end);
      cells.pop();
    }
  };
  step(0, 0);
  return overflow ? null : out;
}

/**
 * The known labels a run of glued label text holds, in order (`申请人情况自然人法人或其他组织总计…`):
 * at each position the longest known label of the table; characters that start none are dropped.
 */
export function gluedLabels(text: string, table: TableId): string[] {
  const out: string[] = [];
  const s = text.trim();
  let i = 0;
  while (i < s.length) {
    let best = 0;
    for (let j = Math.min(s.length, i + 48); j > i + 1; j--) {
      if (matchLabelExactly(s.slice(i, j)).targets.some((t) => t.table === table)) {
        best = j;
        break;
      }
    }
    if (best === 0) {
      i++;
      continue;
    }
    out.push(s.slice(i, best).trim());
    i = best;
  }
  return out;
}

const MAX_SPLITS = 32;
const MAX_CELL_DIGITS = 9;

/**
 * Every way to cut a digit run into cells (`groups` = the cells of each group; with `totals`, each
 * group's last cell is the sum of the others). Spaces are cell boundaries; a cell is `0` or has no
 * leading zero. Stops at MAX_SPLITS (then the run counts as ambiguous anyway).
 */
export function splitRun(run: string, groups: readonly number[], totals: boolean): string[][] {
  const chunks = run.split(/[ \u00a0\u3000]+/).filter((c) => c.length > 0);
  const width = groups.reduce((a, b) => a + b, 0);
  const digits = chunks.reduce((n, c) => n + c.length, 0);
  if (chunks.length > width || digits < width) {
    return [];
  }
  const lastOfGroup = new Set<number>();
  let acc = 0;
  for (const g of groups) {
    acc += g;
    lastOfGroup.add(acc - 1);
  }
  const out: string[][] = [];
  const cells: string[] = [];
  let budget = 200_000;
  const step = (chunk: number, offset: number, groupSum: number): void => {
    if (out.length >= MAX_SPLITS || --budget < 0) {
      return;
    }
    if (chunk === chunks.length) {
      if (cells.length === width) {
        out.push([...cells]);
      }
      return;
    }
    const cellIndex = cells.length;
    if (cellIndex === width) {
      return;
    }
    const text = chunks[chunk]!;
    const remainingCells = width - cellIndex;
    if (chunks.length - chunk > remainingCells) {
      return;
    }
    const isTotal = totals && lastOfGroup.has(cellIndex);
    for (let len = 1; len <= Math.min(totals ? MAX_CELL_DIGITS : 20, text.length - offset); len++) {
      const cell = text.slice(offset, offset + len);
      if (/^0\d/.test(cell)) {
        break;
      }
      if (!/^\d+(?:\.\d+)?$/.test(cell)) {
        continue;
      }
      const value = Number(cell);
      if (isTotal && value !== groupSum) {
        continue;
      }
      const atEnd = offset + len === text.length;
      cells.push(cell);
      step(atEnd ? chunk + 1 : chunk, atEnd ? 0 : offset + len, isTotal || !totals ? (isTotal ? 0 : groupSum) : groupSum + value);
      cells.pop();
      if (!totals && !lastOfGroup.has(cellIndex) && out.length >= 2) {
        return;
      }
    }
  };
  step(0, 0, 0);
  return out;
}

/** Table 三 identities across rows: decide between a row's splits when the others are known. */
function resolveTable3(items: RunItem[]): void {
  const rows = new Map<string, { item: RunItem; index: number }>();
  items.forEach((item, index) => {
    if ((item.kind === 'row' || item.kind === 'unsplit') && item.table === '三' && item.label !== null) {
      const id = rowIdOf(item.label, '三');
      if (id !== undefined && !rows.has(id)) {
        rows.set(id, { item, index });
      }
    }
  });
  const leaves = [...rows.keys()].filter(
    (id) =>
      id.startsWith('outcome.') &&
      id !== 'outcome.total' &&
      !['outcome.withheld', 'outcome.unavailable', 'outcome.not_processed'].includes(id),
  );
  const identities: { plus: string[]; minus: string[] }[] = [
    { plus: ['received', 'carried_in'], minus: ['outcome.total', 'carried_out'] },
    {
      plus: leaves.filter((id) => !(id === 'outcome.other' && leaves.some((l) => l.startsWith('outcome.other.')))),
      minus: ['outcome.total'],
    },
  ];
  let changed = true;
  while (changed) {
    changed = false;
    for (const { plus, minus } of identities) {
      const ids = [...plus, ...minus];
      if (!ids.every((id) => rows.has(id))) {
        continue;
      }
      const open = ids.filter((id) => rows.get(id)!.item.kind !== 'row');
      const options = open.map((id) => pendingSplits.get(rows.get(id)!.item));
      if (open.length === 0 || options.some((o) => o === undefined) || options.reduce((n, o) => n * o!.length, 1) > 4096) {
        continue;
      }
      // Every combination of the open rows' splits; the identity must hold in all seven columns.
      const fitting: (readonly string[])[][] = [];
      const chosen: (readonly string[])[] = [];
      const holds = (): boolean => {
        const cellsOfRow = (id: string): readonly string[] => {
          const at = open.indexOf(id);
          return at >= 0 ? chosen[at]! : cellsOf(rows.get(id)!.item);
        };
        for (let column = 0; column < 7; column++) {
          let sum = 0;
          for (const id of plus) {
            sum += Number(cellsOfRow(id)[column]);
          }
          for (const id of minus) {
            sum -= Number(cellsOfRow(id)[column]);
          }
          if (sum !== 0) {
            return false;
          }
        }
        return true;
      };
      const walk = (k: number): void => {
        if (fitting.length > 1) {
          return;
        }
        if (k === open.length) {
          if (holds()) {
            fitting.push([...chosen]);
          }
          return;
        }
        for (const split of options[k]!) {
          chosen.push(split);
          walk(k + 1);
          chosen.pop();
        }
      };
      walk(0);
      if (fitting.length !== 1) {
        continue;
      }
      open.forEach((id, k) => {
        const target = rows.get(id)!;
        const label = target.item.kind === 'unsplit' ? target.item.label : null;
        const item: RunItem = { kind: 'row', table: '三', label, cells: fitting[0]![k]! };
        items[target.index] = item;
        rows.set(id, { item, index: target.index });
      });
      changed = true;
    }
  }
}

function cellsOf(item: RunItem): readonly string[] {
  return item.kind === 'row' ? item.cells : [];
}
