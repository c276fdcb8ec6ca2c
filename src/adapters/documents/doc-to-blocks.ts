// Word 97–2003 (.doc) → SourceBlocks. County and township sites still attach their annual reports as
// .doc files (WPS saves them by default in many offices); they used to be refused with "save as DOCX".
//
// The compound file (OLE2) container is read by `cfb` (SheetJS); the Word binary format is read here,
// only what the reader uses ([MS-DOC]): the FIB, the piece table (CLX) for the main document's text,
// and the paragraph properties (PAPX FKPs, huge PAPX from the Data stream included) to tell a table's
// row-end mark from a cell mark — both are the character 0x07, and a reader that treats them alike
// (word-extractor does, for tables whose row properties are too large for their page) runs every row
// of a big table 三 together. Tables become table blocks (one string per cell, a cell's paragraphs
// joined by line breaks), every other paragraph a text line. Field instructions are dropped and their
// results kept; pictures, footnote and comment marks are dropped; tracked changes are read as saved.
// Cells merged across columns are spread over the grid the row's cell boundaries define, as the
// DOCX path does with w:gridSpan, so every row of a table has the same columns.
import CFB from 'cfb';
import type { SourceBlock } from '#core/reports/report-model.ts';

export type DocBlocks = { readonly ok: true; readonly blocks: SourceBlock[] } | { readonly ok: false; readonly reason: string };

const DAMAGED = 'DOC 文件已损坏，无法打开';

class DocFormatError extends Error {}

/** Reads a .doc file; a damaged, encrypted or non-Word compound file is a reason, never an exception. */
export function docToBlocks(bytes: Uint8Array): DocBlocks {
  let container: CFB.CFB$Container;
  try {
    container = CFB.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { type: 'buffer' });
  } catch (error) {
    return { ok: false, reason: `${DAMAGED}（${firstLine(error)}）` };
  }
  const word = streamOf(container, 'WordDocument');
  if (word === undefined) {
    const workbook = streamOf(container, 'Workbook') ?? streamOf(container, 'Book');
    return {
      ok: false,
      reason: workbook !== undefined ? '不支持旧版 Excel 文件（.xls），请另存为 XLSX 后再试' : '不是 Word 文档（.doc），无法读取',
    };
  }
  try {
    return { ok: true, blocks: readWordDocument(container, word) };
  } catch (error) {
    if (error instanceof DocFormatError) {
      return { ok: false, reason: error.message };
    }
    return { ok: false, reason: `${DAMAGED}（${firstLine(error)}）` };
  }
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]?.slice(0, 200) ?? '';
}

function streamOf(container: CFB.CFB$Container, name: string): Buffer | undefined {
  const entry = CFB.find(container, name);
  if (entry === null || entry.content === undefined || entry.content.length === 0) {
    return undefined;
  }
  const content = entry.content as Buffer | number[];
  return Buffer.isBuffer(content) ? content : Buffer.from(content);
}

/** Bounds-checked little-endian reads: a field pointing past its stream is damage, not a crash. */
function u16(buffer: Buffer, at: number): number {
  if (at < 0 || at + 2 > buffer.length) {
    throw new RangeError(`偏移 ${at} 超出数据范围`);
  }
  return buffer.readUInt16LE(at);
}
function u32(buffer: Buffer, at: number): number {
  if (at < 0 || at + 4 > buffer.length) {
    throw new RangeError(`偏移 ${at} 超出数据范围`);
  }
  return buffer.readUInt32LE(at);
}
function slice(buffer: Buffer, from: number, length: number): Buffer {
  if (from < 0 || length < 0 || from + length > buffer.length) {
    throw new RangeError(`区段 ${from}+${length} 超出数据范围`);
  }
  return buffer.subarray(from, from + length);
}

/** The main document's text as pieces: each a run of characters with the file offset of its first. */
interface Piece {
  readonly text: string;
  /** File offset (in the WordDocument stream) of the first character. */
  readonly fc: number;
  /** Bytes per character: 2 (UTF-16LE) or 1 (compressed, Windows-1252). */
  readonly width: 1 | 2;
}

function readWordDocument(container: CFB.CFB$Container, word: Buffer): SourceBlock[] {
  if (u16(word, 0) !== 0xa5ec) {
    throw new DocFormatError(`${DAMAGED}（不是 Word 97–2003 格式）`);
  }
  const flags = u16(word, 0x0a);
  if ((flags & 0x0100) !== 0) {
    throw new DocFormatError('DOC 文件已加密（设置了打开密码），无法读取；请去掉密码或另存为 DOCX 后再试');
  }
  const table = streamOf(container, (flags & 0x0200) !== 0 ? '1Table' : '0Table');
  if (table === undefined) {
    throw new DocFormatError(`${DAMAGED}（缺少表格流）`);
  }
  const data = streamOf(container, 'Data');
  const ccpText = u32(word, 0x4c);
  const pieces = readPieces(word, table, ccpText);
  const marks = paragraphMarks(word, table, data);
  return toBlocks(pieces, marks);
}

/** The piece table (CLX): which bytes of the WordDocument stream hold characters 0…ccpText. */
function readPieces(word: Buffer, table: Buffer, ccpText: number): Piece[] {
  const fcClx = u32(word, 0x01a2);
  const lcbClx = u32(word, 0x01a6);
  const clx = slice(table, fcClx, lcbClx);
  let at = 0;
  // Prc entries (property modifiers for pieces) come first; the reader needs none of them.
  while (at < clx.length && clx[at] === 0x01) {
    at += 3 + u16(clx, at + 1);
  }
  if (clx[at] !== 0x02) {
    throw new DocFormatError(`${DAMAGED}（文本分段表无效）`);
  }
  const lcb = u32(clx, at + 1);
  const plc = slice(clx, at + 5, lcb);
  const count = (lcb - 4) / 12;
  if (!Number.isInteger(count) || count < 1) {
    throw new DocFormatError(`${DAMAGED}（文本分段表无效）`);
  }
  const pieces: Piece[] = [];
  for (let i = 0; i < count; i++) {
    const cpStart = u32(plc, i * 4);
    const cpEnd = Math.min(u32(plc, (i + 1) * 4), ccpText);
    if (cpStart >= ccpText) {
      break;
    }
    const length = cpEnd - cpStart;
    if (length <= 0) {
      continue;
    }
    const raw = u32(plc, (count + 1) * 4 + i * 8 + 2);
    const compressed = (raw & 0x40000000) !== 0;
    if (compressed) {
      const fc = (raw & 0x3fffffff) / 2;
      pieces.push({ text: windows1252(slice(word, fc, length)), fc, width: 1 });
    } else {
      const fc = raw & 0x3fffffff;
      pieces.push({ text: slice(word, fc, length * 2).toString('utf16le'), fc, width: 2 });
    }
  }
  return pieces;
}

// Windows-1252's 0x80–0x9F (compressed pieces hold 8-bit text in it); the rest is Latin-1.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
function windows1252(bytes: Buffer): string {
  let out = '';
  for (const byte of bytes) {
    out += byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
  }
  return out;
}

/** What the paragraph properties say of the paragraph mark at a file offset. */
interface ParagraphMarks {
  /** Paragraphs that are a table row's end (sprmPFTtp / sprmPFInnerTtp), with their row's cell edges. */
  readonly rowEnds: readonly Range<readonly number[]>[];
  /** Paragraphs inside a table's cells (sprmPFInTable), row ends included. */
  readonly inTable: readonly Range<true>[];
}

/** File offsets [from, to) of the characters of one paragraph run, and what it says of them. */
type Range<T> = readonly [from: number, to: number, value: T];

/** The value of the range holding `fc`, in ranges sorted by their start and not overlapping. */
function valueAt<T>(ranges: readonly Range<T>[], fc: number): T | undefined {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const [from, to, value] = ranges[mid]!;
    if (fc < from) {
      high = mid - 1;
    } else if (fc >= to) {
      low = mid + 1;
    } else {
      return value;
    }
  }
  return undefined;
}

const SPRM_PF_IN_TABLE = 0x2416;
const SPRM_PF_TTP = 0x2417;
const SPRM_PF_INNER_TTP = 0x244c;
const SPRM_PHUGE_PAPX = 0x6646;
const SPRM_TDEF_TABLE = 0xd608;

/** Every row-end paragraph of the document, with the cell boundaries its row defines (sprmTDefTable). */
function paragraphMarks(word: Buffer, table: Buffer, data: Buffer | undefined): ParagraphMarks {
  const fcPlcfBtePapx = u32(word, 0x0102);
  const lcbPlcfBtePapx = u32(word, 0x0106);
  const plc = slice(table, fcPlcfBtePapx, lcbPlcfBtePapx);
  const count = (lcbPlcfBtePapx - 4) / 8;
  const rowEnds: Range<readonly number[]>[] = [];
  const inTable: Range<true>[] = [];
  for (let i = 0; i < count; i++) {
    const page = u32(plc, (count + 1) * 4 + i * 4);
    const fkp = slice(word, page * 512, 512);
    const crun = fkp[511] ?? 0;
    for (let j = 0; j < crun; j++) {
      const from = u32(fkp, j * 4);
      const to = u32(fkp, (j + 1) * 4);
      const offset = (fkp[(crun + 1) * 4 + j * 13] ?? 0) * 2;
      if (offset === 0) {
        continue;
      }
      let cb = fkp[offset] ?? 0;
      let start = offset + 1;
      if (cb === 0) {
        // A zero cb: the next byte counts 2-byte units.
        cb = (fkp[offset + 1] ?? 0) * 2;
        start = offset + 2;
      } else {
        // grpprlInPapx is 2 × cb − 1 bytes (its istd included).
        cb = cb * 2 - 1;
      }
      if (cb < 2) {
        continue;
      }
      let grpprl = slice(fkp, start + 2, Math.min(cb, 512 - start) - 2);
      const huge = sprmOperand(grpprl, SPRM_PHUGE_PAPX);
      if (huge !== undefined && data !== undefined) {
        const at = u32(huge, 0);
        grpprl = slice(data, at + 2, u16(data, at));
      }
      const ttp = sprmOperand(grpprl, SPRM_PF_TTP) ?? sprmOperand(grpprl, SPRM_PF_INNER_TTP);
      if (ttp !== undefined && ttp[0] === 1) {
        rowEnds.push([from, to, cellBoundaries(sprmOperand(grpprl, SPRM_TDEF_TABLE))]);
      }
      if (sprmOperand(grpprl, SPRM_PF_IN_TABLE)?.[0] === 1) {
        inTable.push([from, to, true]);
      }
    }
  }
  const byStart = (a: Range<unknown>, b: Range<unknown>): number => a[0] - b[0];
  return { rowEnds: rowEnds.sort(byStart), inTable: inTable.sort(byStart) };
}

/** sprmTDefTable's operand: cell count and the x positions of the cells' edges (rgdxaCenter). */
function cellBoundaries(operand: Buffer | undefined): number[] {
  if (operand === undefined || operand.length < 1) {
    return [];
  }
  const cells = operand[0] ?? 0;
  const edges: number[] = [];
  for (let i = 0; i <= cells && 1 + i * 2 + 2 <= operand.length; i++) {
    edges.push(operand.readInt16LE(1 + i * 2));
  }
  return edges;
}

/** The operand of the first sprm `wanted` in a grpprl, or undefined. */
function sprmOperand(grpprl: Buffer, wanted: number): Buffer | undefined {
  let at = 0;
  while (at + 2 <= grpprl.length) {
    const sprm = grpprl.readUInt16LE(at);
    at += 2;
    const size = operandSize(sprm, grpprl, at);
    if (size < 0 || at + size > grpprl.length) {
      return undefined;
    }
    if (sprm === wanted) {
      return sprm === SPRM_TDEF_TABLE ? grpprl.subarray(at + 2, at + size) : grpprl.subarray(at, at + size);
    }
    at += size;
  }
  return undefined;
}

/** How many operand bytes follow a sprm ([MS-DOC] 2.2.5.1, spra); variable ones say so themselves. */
function operandSize(sprm: number, grpprl: Buffer, at: number): number {
  switch (sprm >> 13) {
    case 0:
    case 1:
      return 1;
    case 2:
    case 4:
    case 5:
      return 2;
    case 3:
      return 4;
    case 7:
      return 3;
    default:
      // spra 6: variable. sprmTDefTable and sprmPChgTabs carry a 2-byte and a special length.
      if (sprm === SPRM_TDEF_TABLE || sprm === 0xd606) {
        return at + 2 <= grpprl.length ? grpprl.readUInt16LE(at) + 1 : -1;
      }
      return at < grpprl.length ? (grpprl[at] ?? 0) + 1 : -1;
  }
}

// ---------------------------------------------------------------- characters → blocks

const CELL_MARK = 0x07;

function toBlocks(pieces: readonly Piece[], marks: ParagraphMarks): SourceBlock[] {
  const blocks: SourceBlock[] = [];
  const lines: string[] = [];
  let rows: { cells: string[]; edges: readonly number[] }[] = [];
  let cells: string[] = [];
  let paragraphs: string[] = [];
  let text = '';
  // Field nesting: 0x13 opens a field, 0x14 separates its instruction from its result, 0x15 closes it.
  const fields: boolean[] = [];
  const inInstruction = (): boolean => fields.length > 0 && fields[fields.length - 1] === true;

  const flushLines = (): void => {
    if (lines.length > 0) {
      blocks.push({ kind: 'text', text: lines.join('\n') });
      lines.length = 0;
    }
  };
  const flushTable = (): void => {
    if (rows.length > 0) {
      blocks.push({ kind: 'table', rows: onGrid(rows) });
      rows = [];
    }
  };

  for (const piece of pieces) {
    for (let i = 0; i < piece.text.length; i++) {
      const code = piece.text.charCodeAt(i);
      if (code === 0x13) {
        fields.push(true);
        continue;
      }
      if (code === 0x14) {
        if (fields.length > 0) {
          fields[fields.length - 1] = false;
        }
        continue;
      }
      if (code === 0x15) {
        fields.pop();
        continue;
      }
      if (inInstruction()) {
        continue;
      }
      if (code === CELL_MARK) {
        const edges = valueAt(marks.rowEnds, piece.fc + i * piece.width);
        if (edges !== undefined) {
          // The row-end mark: the row's cells are complete.
          if (rows.length === 0) {
            flushLines();
          }
          rows.push({ cells, edges });
          cells = [];
        } else {
          paragraphs.push(text);
          cells.push(paragraphs.join('\n').trim());
          paragraphs = [];
        }
        text = '';
        continue;
      }
      if (code === 0x0d || code === 0x0c) {
        // A paragraph (or page) ends: inside a cell it is a line of the cell, else a line of text.
        if (valueAt(marks.inTable, piece.fc + i * piece.width) === true) {
          paragraphs.push(text);
        } else {
          flushTable();
          lines.push(...paragraphs, text);
          paragraphs = [];
        }
        text = '';
        continue;
      }
      if (code === 0x0b || code === 0x0a) {
        text += '\n';
      } else if (code === 0x09) {
        text += '\t';
      } else if (code === 0x1e) {
        text += '-';
      } else if (code === 0xa0) {
        text += ' ';
      } else if (code >= 0x20) {
        text += piece.text[i];
      }
    }
  }
  if (paragraphs.length > 0 || text !== '') {
    flushTable();
    lines.push(...paragraphs, text);
  }
  flushTable();
  flushLines();
  return blocks;
}

/**
 * The rows on one column grid: every distinct cell edge of the table is a grid line, and a cell that
 * spans several grid columns keeps its text in the first and '' in the others (as w:gridSpan does).
 * Rows without cell boundaries (damaged properties) are kept as they are.
 */
function onGrid(rows: readonly { cells: string[]; edges: readonly number[] }[]): string[][] {
  const lines = [...new Set(rows.flatMap((row) => (row.edges.length === row.cells.length + 1 ? row.edges : [])))].sort((a, b) => a - b);
  if (lines.length < 2) {
    return rows.map((row) => row.cells);
  }
  return rows.map((row) => {
    if (row.edges.length !== row.cells.length + 1) {
      return row.cells;
    }
    const out: string[] = [];
    for (let c = 0; c < row.cells.length; c++) {
      const span = lines.filter((x) => x >= row.edges[c]! && x < row.edges[c + 1]!).length;
      out.push(row.cells[c]!, ...Array<string>(Math.max(0, span - 1)).fill(''));
    }
    return out;
  });
}
