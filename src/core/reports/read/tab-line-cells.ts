// Tables as a browser's `innerText` writes them when their cells hold paragraphs (issue #9: the text of
// a page taken by a crawler that drives a browser). Each cell's paragraph stands on lines of its own,
// the tab between two cells on a line of its own between blank lines, and rows end with a run of blank
// lines:
//
//     规章            ← a cell
//                     ← blank
//     \t              ← the next cell (a line of only tabs and spaces: one cell break per tab)
//
//     13
//
//
//
//     规范性文件       ← the next row
//
// Rebuilt here as tab-separated rows, a cell's lines joined (`本年新` / `制作数量` → `本年新制作数量`), a blank
// cell kept as an empty one, so the tab layout reads them; lines that are not part of such a row pass
// unchanged. Texts with fewer than MIN_TAB_LINES such lines are left alone.

const MIN_TAB_LINES = 8;
const NUMBER = /^[+-]?[\d.,，]+$/;
const HEADING = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)])/;

/** Tabs on a line of only whitespace (the cell breaks it holds), or 0 for other lines. */
function cellBreaks(line: string): number {
  let tabs = 0;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (code === 0x09) {
      tabs++;
    } else if (code !== 0x20 && code !== 0xa0 && code !== 0x0d && code !== 0x3000) {
      return 0;
    }
  }
  return tabs;
}

/**
 * The text with its tab-line tables rebuilt as tab-separated rows, or null when it has none. `isHeading`
 * says which lines are the report's section headings (a table ends at one).
 */
export function joinTabLineCells(text: string, isHeading: (line: string) => boolean): string | null {
  const isSectionHeading = (line: string): boolean => HEADING.test(line) && isHeading(line);
  if (text.indexOf('\n\t') === -1) {
    return null;
  }
  const lines = text.split('\n');
  // Tab-separated reports (`规章\t0\t0`, seed 000's `\t9` a cell per line) hold their tabs beside text:
  // not this layout, whatever blank rows of tabs they have.
  let tabLines = 0;
  let tabbedText = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (cellBreaks(line) > 0) {
      tabLines++;
    } else if (line.includes('\t') && line.trim() !== '') {
      tabbedText++;
    }
  }
  if (tabLines < MIN_TAB_LINES || tabbedText * 4 >= tabLines) {
    return null;
  }
  const out: string[] = [];
  let cells: string[] = []; // the row's finished cells
  let cell: string[] = []; // the lines of its current cell
  let blanks = 0; // blank lines since the last text or tab line
  let afterTab = false; // nothing but blank lines since a cell break
  const endRow = (): void => {
    if (cells.length > 0) {
      cells.push(cell.join(''));
      out.push(cells.join('\t'));
    } else {
      out.push(...cell);
    }
    cells = [];
    cell = [];
  };
  for (const raw of lines) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const breaks = cellBreaks(line);
    if (breaks > 0) {
      if (!afterTab && blanks >= 2) {
        endRow(); // a row that begins with a blank cell
      }
      for (let k = 0; k < breaks; k++) {
        cells.push(cell.join(''));
        cell = [];
      }
      blanks = 0;
      // `\t&nbsp;` at the line's end: the cell after the last break is a blank one written inline (a
      // `<td>&nbsp;</td>`), so text after the next blank line begins another row
      afterTab = !line.slice(line.lastIndexOf('\t') + 1).includes('\u00a0');
      continue;
    }
    if (line.trim() === '') {
      blanks++;
      if (cells.length === 0 && cell.length === 0) {
        out.push(line);
      }
      continue;
    }
    if (afterTab ? blanks >= 2 : (blanks > 0 || cells.length === 0) && (cell.length > 0 || cells.length > 0)) {
      // (after a cell break, a run of blank lines is a blank last cell and the row's end)
      endRow();
      if (blanks > 0) {
        out.push('');
      }
    }
    const trimmed = line.trim();
    if (
      blanks === 0 &&
      cells.length > 0 &&
      (afterTab ? isSectionHeading(trimmed) : NUMBER.test(cell.at(-1) ?? '') || HEADING.test(trimmed))
    ) {
      // A cell's text wraps (a label's `<br>`), a number does not: after a number, or at a heading, the
      // table ended without a blank line (cells holding `<div>`s; after a break, the last cell was blank)
      endRow();
    }
    cell.push(trimmed);
    blanks = 0;
    afterTab = false;
  }
  endRow();
  return out.join('\n');
}
