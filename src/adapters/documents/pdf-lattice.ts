// Ruled tables of a PDF page (issue #9: real reports are mostly PDFs printed from Word or WPS, and their
// tables are drawn with borders). A table's cell borders are read from the page's drawing operators (thin
// filled rectangles or stroked lines), the grid they make is rebuilt with its merged cells, and every
// piece of text is placed in the cell it stands in — as an HTML table gives it, so the reader's grid path
// reads it. Positions alone cannot tell a blank cell from a value that stands right-aligned, a label
// wrapped over three lines with its values centred beside the middle one, or a column title set one
// character per line; the borders can.

/** What pdf.js's operator list gives (the parts read here). */
export interface OperatorList {
  readonly fnArray: readonly number[];
  readonly argsArray: readonly unknown[];
}

/** The operator codes used here (pdf.js `OPS`). */
export interface OperatorCodes {
  readonly save: number;
  readonly restore: number;
  readonly transform: number;
  readonly constructPath: number;
  readonly paintFormXObjectBegin: number;
  readonly paintFormXObjectEnd: number;
  readonly stroke: number;
  readonly closeStroke: number;
  readonly fill: number;
  readonly eoFill: number;
  readonly fillStroke: number;
  readonly eoFillStroke: number;
  readonly closeFillStroke: number;
  readonly closeEOFillStroke: number;
}

/** A border line in page space: horizontal at y = `at` from x `from` to `to`, or vertical at x = `at`. */
export interface Ruling {
  readonly horizontal: boolean;
  readonly at: number;
  readonly from: number;
  readonly to: number;
}

/** A cell of a ruled table: its first grid row and column and its spans. */
export interface LatticeCell {
  readonly row: number;
  readonly column: number;
  readonly rowspan: number;
  readonly colspan: number;
}

/** A ruled table: column borders left to right, row borders top to bottom (page y grows upwards). */
export interface Lattice {
  readonly xs: readonly number[];
  readonly ys: readonly number[];
  readonly cells: readonly LatticeCell[];
  /** Grid position (row × columns + column) → index into `cells`. */
  readonly cellOf: Int32Array;
}

/** Borders thinner than this (points) are lines; a filled shape thicker is shading, not a border. */
const THIN = 2.5;
/** Lines this close (points) are one border: Word and WPS draw a shared border twice, a little apart. */
const TOLERANCE = 2;
/** Past these a page is not read for borders (a hostile or a drawing-heavy page): text positions are. */
const MAX_RULINGS = 20_000;
const MAX_GRID = 20_000;
const MAX_CROSSINGS = 1_000_000;

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** `m` applied before `ctm` (PDF `cm`: the new CTM is m × CTM). */
function concat(m: readonly number[], ctm: Matrix): Matrix {
  const [a, b, c, d, e, f] = m as Matrix;
  return [
    a * ctm[0] + b * ctm[2],
    a * ctm[1] + b * ctm[3],
    c * ctm[0] + d * ctm[2],
    c * ctm[1] + d * ctm[3],
    e * ctm[0] + f * ctm[2] + ctm[4],
    e * ctm[1] + f * ctm[3] + ctm[5],
  ];
}

const isMatrix = (value: unknown): value is number[] =>
  (Array.isArray(value) || ArrayBuffer.isView(value)) && (value as ArrayLike<unknown>).length === 6;

/** The border lines a page draws: thin filled shapes and stroked axis-parallel segments, in page space. */
export function rulingsOf(list: OperatorList, ops: OperatorCodes): Ruling[] {
  const rulings: Ruling[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = IDENTITY;
  const strokes = new Set([ops.stroke, ops.closeStroke, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  const fills = new Set([ops.fill, ops.eoFill, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  for (let i = 0; i < list.fnArray.length && rulings.length <= MAX_RULINGS; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i] as unknown[] | null;
    if (fn === ops.save) {
      stack.push(ctm);
    } else if (fn === ops.restore) {
      ctm = stack.pop() ?? IDENTITY;
    } else if (fn === ops.transform && args !== null && args.length === 6) {
      ctm = concat(args as number[], ctm);
    } else if (fn === ops.paintFormXObjectBegin) {
      stack.push(ctm);
      if (args !== null && isMatrix(args[0])) {
        ctm = concat(Array.from(args[0] as ArrayLike<number>), ctm);
      }
    } else if (fn === ops.paintFormXObjectEnd) {
      ctm = stack.pop() ?? IDENTITY;
    } else if (fn === ops.constructPath && args !== null) {
      const draw = args[0];
      const data = Array.isArray(args[1]) ? args[1][0] : undefined;
      if (typeof draw !== 'number' || data === undefined || !ArrayBuffer.isView(data)) {
        continue;
      }
      addPath(data as unknown as ArrayLike<number>, ctm, strokes.has(draw), fills.has(draw), rulings);
    }
  }
  return rulings.length > MAX_RULINGS ? [] : rulings;
}

/** pdf.js path data: 0 moveTo x y, 1 lineTo x y, 2 curveTo (6), 3 quadraticCurveTo (4), 4 closePath. */
function addPath(data: ArrayLike<number>, ctm: Matrix, stroked: boolean, filled: boolean, out: Ruling[]): void {
  let points: number[] = [];
  let curved = false;
  const endSubpath = (closed: boolean): void => {
    if (points.length >= 4 && !curved) {
      if (filled) {
        addThinShape(points, out);
      }
      if (stroked) {
        const count = points.length / 2;
        for (let k = 0; k + 1 < count + (closed ? 1 : 0); k++) {
          const j = (k + 1) % count;
          addSegment(points[2 * k]!, points[2 * k + 1]!, points[2 * j]!, points[2 * j + 1]!, out);
        }
      }
    }
    points = [];
    curved = false;
  };
  const point = (x: number, y: number): void => {
    points.push(ctm[0] * x + ctm[2] * y + ctm[4], ctm[1] * x + ctm[3] * y + ctm[5]);
  };
  let i = 0;
  while (i < data.length) {
    const op = data[i]!;
    if (op === 0) {
      endSubpath(false);
      point(data[i + 1]!, data[i + 2]!);
      i += 3;
    } else if (op === 1) {
      point(data[i + 1]!, data[i + 2]!);
      i += 3;
    } else if (op === 2) {
      curved = true;
      i += 7;
    } else if (op === 3) {
      curved = true;
      i += 5;
    } else if (op === 4) {
      endSubpath(true);
      i += 1;
    } else {
      return; // not a path this reader knows
    }
  }
  endSubpath(false);
}

function addThinShape(points: readonly number[], out: Ruling[]): void {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < points.length; k += 2) {
    minX = Math.min(minX, points[k]!);
    maxX = Math.max(maxX, points[k]!);
    minY = Math.min(minY, points[k + 1]!);
    maxY = Math.max(maxY, points[k + 1]!);
  }
  const width = maxX - minX;
  const height = maxY - minY;
  if (height <= THIN && width > THIN) {
    out.push({ horizontal: true, at: (minY + maxY) / 2, from: minX, to: maxX });
  } else if (width <= THIN && height > THIN) {
    out.push({ horizontal: false, at: (minX + maxX) / 2, from: minY, to: maxY });
  }
}

function addSegment(x0: number, y0: number, x1: number, y1: number, out: Ruling[]): void {
  if (Math.abs(y1 - y0) < 0.5 && Math.abs(x1 - x0) > THIN) {
    out.push({ horizontal: true, at: (y0 + y1) / 2, from: Math.min(x0, x1), to: Math.max(x0, x1) });
  } else if (Math.abs(x1 - x0) < 0.5 && Math.abs(y1 - y0) > THIN) {
    out.push({ horizontal: false, at: (x0 + x1) / 2, from: Math.min(y0, y1), to: Math.max(y0, y1) });
  }
}

/** Collinear lines that touch or overlap, merged (a border drawn cell by cell is one line). */
function mergeLines(lines: readonly Ruling[]): Ruling[] {
  const sorted = [...lines].sort((a, b) => a.at - b.at || a.from - b.from);
  const merged: Ruling[] = [];
  const groups: Ruling[][] = [];
  for (const line of sorted) {
    const group = groups.at(-1);
    if (group !== undefined && line.at - group[0]!.at <= TOLERANCE / 2) {
      group.push(line);
    } else {
      groups.push([line]);
    }
  }
  for (const group of groups) {
    const at = group.reduce((sum, line) => sum + line.at, 0) / group.length;
    const byStart = group.sort((a, b) => a.from - b.from);
    let from = byStart[0]!.from;
    let to = byStart[0]!.to;
    for (const line of byStart.slice(1)) {
      if (line.from <= to + TOLERANCE) {
        to = Math.max(to, line.to);
      } else {
        merged.push({ horizontal: line.horizontal, at, from, to });
        from = line.from;
        to = line.to;
      }
    }
    merged.push({ horizontal: byStart[0]!.horizontal, at, from, to });
  }
  return merged;
}

/** Positions within TOLERANCE of each other, as one (their mean), in ascending order. */
function clusterPositions(values: readonly number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  let group: number[] = [];
  for (const value of sorted) {
    if (group.length > 0 && value - group[0]! > TOLERANCE) {
      out.push(group.reduce((s, v) => s + v, 0) / group.length);
      group = [];
    }
    group.push(value);
  }
  if (group.length > 0) {
    out.push(group.reduce((s, v) => s + v, 0) / group.length);
  }
  return out;
}

const covers = (line: Ruling, at: number, position: number): boolean =>
  Math.abs(line.at - at) <= TOLERANCE && line.from - TOLERANCE <= position && position <= line.to + TOLERANCE;

/** The ruled tables a page's border lines make: at least two rows and two columns each. */
export function latticesOf(rulings: readonly Ruling[]): Lattice[] {
  const horizontals = mergeLines(rulings.filter((r) => r.horizontal));
  const verticals = mergeLines(rulings.filter((r) => !r.horizontal));
  if (horizontals.length < 2 || verticals.length < 2 || horizontals.length * verticals.length > MAX_CROSSINGS) {
    return [];
  }
  // Lines that cross or touch belong to one table.
  const all = [...horizontals, ...verticals];
  const parent = all.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  for (let h = 0; h < horizontals.length; h++) {
    const line = horizontals[h]!;
    for (let v = 0; v < verticals.length; v++) {
      const column = verticals[v]!;
      if (
        column.at >= line.from - TOLERANCE &&
        column.at <= line.to + TOLERANCE &&
        line.at >= column.from - TOLERANCE &&
        line.at <= column.to + TOLERANCE
      ) {
        parent[find(h)] = find(horizontals.length + v);
      }
    }
  }
  const components = new Map<number, Ruling[]>();
  all.forEach((line, i) => {
    const root = find(i);
    components.set(root, [...(components.get(root) ?? []), line]);
  });
  const lattices: Lattice[] = [];
  for (const lines of components.values()) {
    const lattice = latticeOf(
      lines.filter((l) => l.horizontal),
      lines.filter((l) => !l.horizontal),
    );
    if (lattice !== null) {
      lattices.push(lattice);
    }
  }
  // Top to bottom.
  return lattices.sort((a, b) => b.ys[0]! - a.ys[0]!);
}

function latticeOf(horizontals: readonly Ruling[], verticals: readonly Ruling[]): Lattice | null {
  const xs = clusterPositions(verticals.map((l) => l.at));
  const ys = clusterPositions(horizontals.map((l) => l.at)).reverse();
  // A table drawn without its outer borders (`border-style: hidden`, a Word table with only inside
  // borders): the rows' lines reach past the first and last column line, the columns' past the first and
  // last row line; those ends are the table's edges.
  const left = Math.min(...horizontals.map((l) => l.from));
  const right = Math.max(...horizontals.map((l) => l.to));
  const top = Math.max(...verticals.map((l) => l.to));
  const bottom = Math.min(...verticals.map((l) => l.from));
  if (left < xs[0]! - TOLERANCE) {
    xs.unshift(left);
  }
  if (right > xs[xs.length - 1]! + TOLERANCE) {
    xs.push(right);
  }
  if (top > ys[0]! + TOLERANCE) {
    ys.unshift(top);
  }
  if (bottom < ys[ys.length - 1]! - TOLERANCE) {
    ys.push(bottom);
  }
  const rows = ys.length - 1;
  const columns = xs.length - 1;
  if (rows < 2 || columns < 2 || rows * columns > MAX_GRID) {
    return null;
  }
  // Elementary grid cells joined where no border separates them: merged cells.
  const parent = new Int32Array(rows * columns).map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  for (let r = 0; r < rows; r++) {
    const middleY = (ys[r]! + ys[r + 1]!) / 2;
    for (let c = 0; c < columns; c++) {
      const middleX = (xs[c]! + xs[c + 1]!) / 2;
      if (c + 1 < columns && !verticals.some((line) => covers(line, xs[c + 1]!, middleY))) {
        parent[find(r * columns + c)] = find(r * columns + c + 1);
      }
      if (r + 1 < rows && !horizontals.some((line) => covers(line, ys[r + 1]!, middleX))) {
        parent[find(r * columns + c)] = find((r + 1) * columns + c);
      }
    }
  }
  const cells: LatticeCell[] = [];
  const cellOf = new Int32Array(rows * columns).fill(-1);
  const byRoot = new Map<number, { top: number; left: number; bottom: number; right: number }>();
  for (let i = 0; i < rows * columns; i++) {
    const root = find(i);
    const r = Math.floor(i / columns);
    const c = i % columns;
    const box = byRoot.get(root);
    if (box === undefined) {
      byRoot.set(root, { top: r, left: c, bottom: r, right: c });
    } else {
      box.top = Math.min(box.top, r);
      box.left = Math.min(box.left, c);
      box.bottom = Math.max(box.bottom, r);
      box.right = Math.max(box.right, c);
    }
  }
  for (let i = 0; i < rows * columns; i++) {
    const box = byRoot.get(find(i))!;
    const first = box.top * columns + box.left;
    if (cellOf[first] === -1) {
      cellOf[first] = cells.length;
      cells.push({ row: box.top, column: box.left, rowspan: box.bottom - box.top + 1, colspan: box.right - box.left + 1 });
    }
    cellOf[i] = cellOf[first]!;
  }
  if (cells.length < 4) {
    return null; // a frame around text, not a table
  }
  return { xs, ys, cells, cellOf };
}

/** The cell of `lattice` at page point (x, y), or −1 outside it. */
export function cellAtPoint(lattice: Lattice, x: number, y: number): number {
  const { xs, ys } = lattice;
  if (x < xs[0]! || x > xs[xs.length - 1]! || y > ys[0]! || y < ys[ys.length - 1]!) {
    return -1;
  }
  let c = 0;
  while (c < xs.length - 2 && x > xs[c + 1]!) {
    c++;
  }
  let r = 0;
  while (r < ys.length - 2 && y < ys[r + 1]!) {
    r++;
  }
  return lattice.cellOf[r * (xs.length - 1) + c]!;
}

/** The table as the HTML path gives it: rows of cell texts, '' at positions a merged cell covers. */
export function latticeRows(lattice: Lattice, texts: readonly string[]): string[][] {
  const columns = lattice.xs.length - 1;
  // Columns no cell begins in (a border stub that divides no row) are only the inside of merged cells.
  const starts = new Set(lattice.cells.map((cell) => cell.column));
  const rows: string[][] = [];
  for (let r = 0; r < lattice.ys.length - 1; r++) {
    const row: string[] = [];
    for (let c = 0; c < columns; c++) {
      if (!starts.has(c)) {
        continue;
      }
      const index = lattice.cellOf[r * columns + c]!;
      const cell = lattice.cells[index]!;
      row.push(cell.row === r && cell.column === c ? (texts[index] ?? '') : '');
    }
    if (row.some((text) => text !== '')) {
      rows.push(row);
    }
  }
  return rows;
}
