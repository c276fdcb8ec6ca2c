import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cellAtPoint, latticeRows, latticesOf, type OperatorCodes, type OperatorList, type Ruling, rulingsOf } from './pdf-lattice.ts';

const OPS: OperatorCodes = {
  save: 10,
  restore: 11,
  transform: 12,
  constructPath: 91,
  paintFormXObjectBegin: 74,
  paintFormXObjectEnd: 75,
  stroke: 20,
  closeStroke: 21,
  fill: 22,
  eoFill: 23,
  fillStroke: 24,
  eoFillStroke: 25,
  closeFillStroke: 26,
  closeEOFillStroke: 27,
};
const END_PATH = 28;

/** A rectangle as pdf.js path data (moveTo, 3 × lineTo, closePath). */
const rect = (x: number, y: number, w: number, h: number): number[] => [0, x, y, 1, x + w, y, 1, x + w, y + h, 1, x, y + h, 4];
const path = (draw: number, data: number[]): [number, unknown] => [OPS.constructPath, [draw, [new Float32Array(data)], null]];
const list = (...ops: [number, unknown][]): OperatorList => ({ fnArray: ops.map((op) => op[0]), argsArray: ops.map((op) => op[1]) });

const h = (at: number, from: number, to: number): Ruling => ({ horizontal: true, at, from, to });
const v = (at: number, from: number, to: number): Ruling => ({ horizontal: false, at, from, to });

/** A 3 × 3 table from x 0–300, y 0–90, with the top row's first two cells merged. */
const GRID: Ruling[] = [
  h(90, 0, 300),
  h(60, 0, 300),
  h(30, 0, 300),
  h(0, 0, 300),
  v(0, 0, 90),
  v(100, 0, 60), // no border between the first two cells of the top row
  v(200, 0, 90),
  v(300, 0, 90),
];

describe('rulingsOf', () => {
  test('thin filled rectangles and stroked rectangles are border lines; thick fills, curves and clips are not', () => {
    const rulings = rulingsOf(
      list(
        path(OPS.fill, rect(10, 100, 200, 1)), // a horizontal border drawn as a thin filled rectangle
        path(OPS.fill, rect(10, 100, 1, 50)), // a vertical one
        path(OPS.fill, rect(10, 100, 200, 50)), // cell shading
        path(OPS.stroke, rect(0, 0, 40, 20)), // a stroked rectangle: four lines
        path(OPS.stroke, [0, 0, 0, 2, 1, 1, 1, 1, 2, 2]), // a curve
        path(END_PATH, rect(0, 0, 500, 1)), // a clipping path paints nothing
      ),
      OPS,
    );
    assert.deepEqual(
      rulings.map((r) => `${r.horizontal ? 'h' : 'v'}${r.at}:${r.from}-${r.to}`),
      ['h100.5:10-210', 'v10.5:100-150', 'h0:0-40', 'v40:0-20', 'h20:0-40', 'v0:0-20'],
    );
  });

  test('the current transformation matrix is applied, and restored', () => {
    const rulings = rulingsOf(
      list(
        [OPS.save, null],
        [OPS.transform, [2, 0, 0, -2, 10, 800]], // scale 2 and flip, as a printer's page set-up
        path(OPS.fill, rect(0, 0, 100, 0.5)),
        [OPS.restore, null],
        path(OPS.fill, rect(0, 0, 100, 0.5)),
      ),
      OPS,
    );
    assert.deepEqual(
      rulings.map((r) => [r.at, r.from, r.to]),
      [
        [799.5, 10, 210],
        [0.25, 0, 100],
      ],
    );
  });
});

describe('latticesOf', () => {
  test('a ruled grid gives its rows top down, its columns and its merged cells', () => {
    const [lattice, ...more] = latticesOf(GRID);
    assert.equal(more.length, 0);
    assert.ok(lattice);
    assert.deepEqual(lattice.xs, [0, 100, 200, 300]);
    assert.deepEqual(lattice.ys, [90, 60, 30, 0]);
    assert.deepEqual(lattice.cells[0], { row: 0, column: 0, rowspan: 1, colspan: 2 });
    assert.equal(lattice.cells.length, 8);
    // text at a point goes to the cell around it; outside the table, nowhere
    assert.equal(cellAtPoint(lattice, 150, 80), 0);
    assert.equal(cellAtPoint(lattice, 250, 10), 7);
    assert.equal(cellAtPoint(lattice, 350, 10), -1);
    const texts = lattice.cells.map((cell) => `${cell.row}${cell.column}`);
    assert.deepEqual(latticeRows(lattice, texts), [
      ['00', '', '02'],
      ['10', '11', '12'],
      ['20', '21', '22'],
    ]);
  });

  test('a column no cell begins in (a border stub dividing no row) is left out of the rows', () => {
    // a vertical stub at x 250 in the top border's gap only: grid columns 200–250 and 250–300 everywhere merged
    const [lattice] = latticesOf([...GRID, v(250, 89, 90.5)]);
    assert.ok(lattice);
    assert.equal(lattice.xs.length, 5);
    const texts = lattice.cells.map((cell) => `${cell.row}${cell.column}`);
    assert.deepEqual(latticeRows(lattice, texts), [
      ['00', '', '02'],
      ['10', '11', '12'],
      ['20', '21', '22'],
    ]);
  });

  test('a table without its outer borders: the inside lines’ ends are its edges', () => {
    // GRID without the lines at x 0 and 300 and y 0 and 90
    const inside = [h(60, 0, 300), h(30, 0, 300), v(100, 0, 60), v(200, 0, 90)];
    const [lattice] = latticesOf(inside);
    assert.deepEqual(lattice?.xs, [0, 100, 200, 300]);
    assert.deepEqual(lattice?.ys, [90, 60, 30, 0]);
    assert.equal(lattice?.cells.length, 8);
  });

  test('a border drawn twice a little apart, and piece by piece, is one line', () => {
    const doubled = [...GRID, h(60.8, 0, 150), h(60.8, 150, 300), v(201, 0, 45), v(201, 45, 90)];
    const [lattice] = latticesOf(doubled);
    assert.equal(lattice?.xs.length, 4);
    assert.equal(lattice?.ys.length, 4);
  });

  test('a frame around text, a lone line and two separate tables', () => {
    assert.deepEqual(latticesOf([h(100, 0, 300), h(0, 0, 300), v(0, 0, 100), v(300, 0, 100)]), []);
    assert.deepEqual(latticesOf([h(100, 0, 300)]), []);
    const below = GRID.map((r) => ({ ...r, ...(r.horizontal ? { at: r.at - 200 } : { from: r.from - 200, to: r.to - 200 }) }));
    const tables = latticesOf([...below, ...GRID]);
    assert.deepEqual(
      tables.map((t) => t.ys[0]),
      [90, -110],
    );
  });
});
