// Columns of PDF table rows read by text position (issue #9): a table drawn without vertical borders (rules
// between rows only, a 三线表, no borders at all) has no lattice, so a row with a blank cell (`规章 0 0 _`)
// comes out of pdf.js as its values alone and they must be put under their columns by where they stand.
// Values may be centred, right- or left-aligned in their cells, and column titles centred or left-aligned:
// a right-aligned value's centre stands right of its column's centre, nearer the next column's title. So
// the edge the values line up by is voted per table (a column's values share it across rows, whatever
// their widths), and a row is placed only when every alignment the table leaves open places it alike.

import type { PdfLine, PdfSegment } from './pdf-to-blocks.ts';

// A signed change (`+4`, 2019 template 本年增/减) is a value too.
const VALUE = /^(?:[+-]?\d+(?:\.\d+)?|[/／—–-])$/;

/** The value segments at the end of a line (a row's cells after its label), or null when it has none. */
export function trailingValues(line: PdfLine): { label: string; values: PdfSegment[] } | null {
  let start = line.segments.length;
  while (start > 0 && VALUE.test(line.segments[start - 1]!.text)) {
    start--;
  }
  if (start === line.segments.length) {
    return null;
  }
  if (line.segments.slice(0, start).some((s) => /\d/.test(s.text) && VALUE.test(s.text))) {
    return null;
  }
  return {
    label: line.segments
      .slice(0, start)
      .map((s) => s.text)
      .join(' ')
      .trim(),
    values: line.segments.slice(start),
  };
}

/** A column title: `本年新制作数量`, `本年增/减`, `采购总金额`, `本年收费金额（单位：万元）`. */
const COLUMN_TITLE = /(?:数量|件数|金额|增\/减|数)(?:[（(][^）)]*[）)])?$/;

/** A header row's column titles after its first cell (`信息内容`), or null for other lines. */
function headerTitles(line: PdfLine): PdfSegment[] | null {
  const titles = line.segments.slice(1);
  return titles.length >= 2 && titles.every((s) => COLUMN_TITLE.test(s.text)) ? titles : null;
}

/** The edge by which a table's values line up in their cells. */
export type Alignment = 'left' | 'centre' | 'right';
const ALIGNMENTS: readonly Alignment[] = ['left', 'centre', 'right'];

const edgeOf = (s: PdfSegment, alignment: Alignment): number =>
  alignment === 'left' ? s.x : alignment === 'right' ? s.x + s.width : s.x + s.width / 2;

/** A line of values: its index among the lines, its label and its value segments. */
interface ValueRow {
  readonly index: number;
  readonly label: string;
  readonly values: readonly PdfSegment[];
}

/** Rows read as one table: its header row's column titles, when a header stands over it, and its rows. */
interface PositionTable {
  readonly titles: readonly PdfSegment[] | null;
  readonly rows: readonly ValueRow[];
}

/**
 * Table rows with blank cells, placed by position (issue #9): a row with fewer values than its table's
 * columns is written with tabs, `''` where a column has no value, so the reader keeps blank cells instead
 * of shifting values left. Full rows, text, and rows no open alignment places alike (a value between two
 * columns, two values in one) stay as pdf.js gives them: the reader leaves such a row's cells absent.
 */
export function withColumns(lines: readonly PdfLine[], carry: ColumnCarry = { titles: null }): string[] {
  const out = lines.map((line) => line.text);
  for (const table of sameColumnsJoined(positionTables(lines, carry))) {
    for (const [index, cells] of placedRows(table)) {
      out[index] = cells.join('\t');
    }
  }
  return out;
}

/**
 * The column titles in effect where a run of lines ends, for the run that goes on after it: a table broken
 * by a page (its header row at the foot of one page, its rows at the head of the next) keeps its titles.
 * A ruled table (a lattice) between the two runs ends it: `titles` is null again.
 */
export interface ColumnCarry {
  titles: readonly PdfSegment[] | null;
}

/**
 * The tables of a run of lines. A header or heading between tables starts another (a header row's titles
 * stand over its columns, for a table none of whose rows is full); a wrapped label's short fragment does
 * not. A row with more values than the table has columns starts another table without titles. Rows before
 * any header or heading are under the titles `carry` brings; `carry` takes the titles in effect at the end.
 */
function positionTables(lines: readonly PdfLine[], carry: ColumnCarry = { titles: null }): PositionTable[] {
  const tables: { titles: readonly PdfSegment[] | null; rows: ValueRow[] }[] = [];
  let current: { titles: readonly PdfSegment[] | null; rows: ValueRow[] } | null = null;
  if (carry.titles !== null) {
    current = { titles: carry.titles, rows: [] };
    tables.push(current);
  }
  lines.forEach((line, index) => {
    const row = trailingValues(line);
    if (row === null) {
      if (line.text.length > 8) {
        current = { titles: headerTitles(line), rows: [] };
        tables.push(current);
      }
      return;
    }
    if (current === null || row.values.length > columnCount(current)) {
      current = { titles: null, rows: [] };
      tables.push(current);
    }
    current.rows.push({ index, ...row });
  });
  carry.titles = tables.at(-1)?.titles ?? null;
  return tables.filter((table) => table.rows.length > 0);
}

/** Title ends this close (page units, points) are one column edge: the same table's header repeated. */
const SAME_EDGE = 2;

const sameTitles = (a: readonly PdfSegment[], b: readonly PdfSegment[]): boolean =>
  a.length === b.length &&
  a.every((title, k) => Math.abs(title.x - b[k]!.x) <= SAME_EDGE && Math.abs(title.width - b[k]!.width) <= SAME_EDGE);

/**
 * Tables under the same column titles at the same places, as one: the parts of one table a heading row
 * divides (2019 table 二: 第二十条第（五）项, （六）项, each with its header row and a row or two). Their
 * rows together say how values align where one part's single row cannot.
 */
function sameColumnsJoined(tables: readonly PositionTable[]): PositionTable[] {
  const joined: { titles: readonly PdfSegment[] | null; rows: ValueRow[] }[] = [];
  for (const table of tables) {
    const titles = table.titles;
    const same = titles === null ? undefined : joined.find((t) => t.titles !== null && sameTitles(t.titles, titles));
    if (same === undefined) {
      joined.push({ titles, rows: [...table.rows] });
    } else {
      same.rows.push(...table.rows);
    }
  }
  return joined;
}

const columnCount = (table: PositionTable): number => Math.max(table.titles?.length ?? 0, ...table.rows.map((row) => row.values.length));

/**
 * A value's place by one alignment: its column, or the gap `k|k+1` between two titles when it may stand in
 * either column (its edge still lines up with the others in that gap).
 */
type Place = number | `${number}|${number}`;

/**
 * Where an alignment puts each value of a row (columns increasing), or null when it cannot: the row does
 * not fit it, evidence against it.
 */
type Placement = (values: readonly PdfSegment[]) => Place[] | null;

const isPlaced = (places: readonly Place[]): places is number[] => places.every((p) => typeof p === 'number');

/** The table's rows with blank cells, as cells (label first) by line index, where the vote is clear. */
function placedRows(table: PositionTable): Map<number, string[]> {
  const columns = columnCount(table);
  const short = table.rows.filter((row) => row.values.length < columns);
  const placed = new Map<number, string[]>();
  if (columns < 2 || short.length === 0) {
    return placed;
  }
  const full = table.rows.filter((row) => row.values.length === columns);
  const tolerance = charWidth(table.rows) / 2;
  const placements = new Map<Alignment, Placement>();
  for (const alignment of ALIGNMENTS) {
    const placement =
      full.length > 0
        ? byFullRows(full, alignment)
        : table.titles !== null
          ? byTitles(table.titles, alignment, tolerance, table.rows)
          : null;
    if (placement !== null) {
      placements.set(alignment, placement);
    }
  }
  const open = voted(table.rows, columns, placements, tolerance / 2);
  for (const row of short) {
    const places = open.map((alignment) => placements.get(alignment)!(row.values));
    const first = places[0];
    if (first === undefined || first === null || !isPlaced(first) || places.some((p) => String(p) !== String(first))) {
      continue; // ambiguous: leave the cells absent rather than guess
    }
    const cells: string[] = Array.from({ length: columns }, () => '');
    first.forEach((column, i) => {
      cells[column] = row.values[i]!.text;
    });
    placed.set(row.index, [row.label, ...cells]);
  }
  return placed;
}

/** The typical width of a digit in the table's values: the unit of its tolerances. */
function charWidth(rows: readonly ValueRow[]): number {
  const widths = rows.flatMap((row) => row.values.map((s) => s.width / Math.max(1, s.text.length)));
  return median(widths);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/**
 * The alignments the table leaves open: those placing the most of its rows, and of them those whose
 * columns' edges line up best (a column's widest spread of that edge within `tie` of the best). Values
 * all of one width line up by every edge alike: then every alignment stays open and a row is placed only
 * where they all agree.
 */
function voted(rows: readonly ValueRow[], columns: number, placements: ReadonlyMap<Alignment, Placement>, tie: number): Alignment[] {
  const scores = [...placements].map(([alignment, place]) => {
    const edges = new Map<string, number[]>();
    let misfits = 0;
    for (const row of rows) {
      const at = row.values.length === columns ? row.values.map((_, i) => i) : place(row.values);
      if (at === null) {
        misfits++;
        continue;
      }
      at.forEach((column, i) => {
        edges.set(String(column), [...(edges.get(String(column)) ?? []), edgeOf(row.values[i]!, alignment)]);
      });
    }
    const spread = Math.max(0, ...[...edges.values()].map((e) => Math.max(...e) - Math.min(...e)));
    return { alignment, misfits, spread };
  });
  const fewest = Math.min(...scores.map((s) => s.misfits));
  const fitting = scores.filter((s) => s.misfits === fewest);
  const best = Math.min(...fitting.map((s) => s.spread));
  return fitting.filter((s) => s.spread <= best + tie).map((s) => s.alignment);
}

/**
 * Placement by the table's full rows: each value under the column whose edge (the full rows' median) is
 * nearest, no further than 0.4 of the narrowest column spacing, columns increasing.
 */
function byFullRows(full: readonly ValueRow[], alignment: Alignment): Placement {
  const columns = full[0]!.values.map((_, k) => median(full.map((row) => edgeOf(row.values[k]!, alignment))));
  let spacing = Number.POSITIVE_INFINITY;
  for (let k = 1; k < columns.length; k++) {
    spacing = Math.min(spacing, columns[k]! - columns[k - 1]!);
  }
  return (values) => {
    const at: number[] = [];
    for (const value of values) {
      const edge = edgeOf(value, alignment);
      let best = 0;
      for (let k = 1; k < columns.length; k++) {
        if (Math.abs(columns[k]! - edge) < Math.abs(columns[best]! - edge)) {
          best = k;
        }
      }
      if (best <= (at.at(-1) ?? -1) || !(Math.abs(columns[best]! - edge) < spacing * 0.4)) {
        return null;
      }
      at.push(best);
    }
    return at;
  };
}

/**
 * Placement by the header row's column titles, for a table none of whose rows is full. A cell holds its
 * title, so a value stands between the titles either side of its column's: over its title it is in that
 * column; in the gap between two titles it is in the one or the other. The alignment tells which: a
 * right-aligned value hugs its cell's right side, right of its title's right end (or at it), so the gap
 * is the left title's; a left-aligned one the right title's. A centred value in a gap (left-aligned
 * titles narrower than their cells) takes the column of values centred on the same line over a title;
 * with none it stays in the gap, and its row is not placed.
 */
function byTitles(titles: readonly PdfSegment[], alignment: Alignment, tolerance: number, rows: readonly ValueRow[]): Placement {
  const left = (k: number): number => titles[k]?.x ?? Number.POSITIVE_INFINITY;
  const right = (k: number): number => {
    const title = titles[k];
    return title === undefined ? Number.NEGATIVE_INFINITY : title.x + title.width;
  };
  /** The columns whose cell can hold the value: between the titles either side, by this alignment. */
  const candidates = (value: PdfSegment): number[] =>
    titles
      .map((_, k) => k)
      .filter(
        (k) =>
          right(k - 1) - tolerance < value.x &&
          value.x + value.width < left(k + 1) + tolerance &&
          (alignment !== 'right' || value.x + value.width >= right(k) - tolerance) &&
          (alignment !== 'left' || value.x <= left(k) + tolerance),
      );
  // Columns of the centres that stand over a title: a centred value in a gap joins the one on its line.
  const anchors = rows.flatMap((row) =>
    row.values.flatMap((value) => {
      const held = candidates(value);
      return held.length === 1 ? [{ edge: edgeOf(value, alignment), column: held[0]! }] : [];
    }),
  );
  const placeOf = (value: PdfSegment): Place | null => {
    const held = candidates(value);
    if (held.length <= 1) {
      return held[0] ?? null;
    }
    const edge = edgeOf(value, alignment);
    const lined = new Set(anchors.filter((a) => Math.abs(a.edge - edge) <= tolerance / 2).map((a) => a.column));
    return lined.size === 1 ? [...lined][0]! : `${held[0]!}|${held[1]!}`;
  };
  return (values) => {
    const at: Place[] = [];
    let least = -1; // the leftmost column the values so far leave for the last of them
    for (const value of values) {
      const place = placeOf(value);
      const column = place === null ? undefined : columnsOf(place).find((k) => k > least);
      if (place === null || column === undefined) {
        return null;
      }
      at.push(place);
      least = column;
    }
    return at;
  };
}

const columnsOf = (place: Place): number[] => (typeof place === 'number' ? [place] : place.split('|').map(Number));
