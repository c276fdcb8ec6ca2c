// Paragraphs of a fixed-width text joined back together: `pdftotext -layout` and text saved with hard
// line breaks wrap every paragraph at one width (~28 characters a line in the corpus's g011–g013), so a
// sentence — and a figure and its unit (`行政复议 351` / `件，其中…`) — runs over several lines. Sentences
// are split at line breaks (annual-report.md §6.5), which there would cut them apart; the PDF of the same
// report reads them joined (its lines become paragraphs by their positions). Only a text whose lines
// look wrapped is changed (wrapWidth).

/** Fewer full lines than this say nothing about a wrap width. */
const MIN_FULL_LINES = 8;
/** The width range of wrapped layouts: narrower is a cell per line, wider a paragraph per line. */
const MIN_WRAP_WIDTH = 12;
const MAX_WRAP_WIDTH = 60;
/** A line this close to the wrap width is a full line: the paragraph goes on in the next one. */
const FULL_LINE = 0.85;

// A sentence that ends here (a closing quote or bracket may follow its mark).
const CLOSED = /[。！？；：!?;:][”’」』）)】]*$/;
/**
 * A line that opens a heading or list item (`二、`, `（三）`, `3.`, `①`, `第二章`, `附件`): never the rest of
 * the paragraph above it. Shared with the PDF reader's joins (adapters/documents/pdf-to-blocks.ts).
 */
export const OPENS_ITEM =
  /^(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、．.](?!\d)|[①-⑳]|第[一二三四五六七八九十]+[章节条部]|附件|附表)/;
/** A page number printed above or below the text (`- 2 -`, `- ３ -`, `第3页`, `第3页共12页`, `3/12`); shared likewise. */
export const PAGE_NUMBER =
  /^(?:[-－—–]\s*[0-9０-９]{1,3}\s*[-－—–]|第\s*[0-9０-９]{1,3}\s*页(?:\s*[,，/共]\s*共?\s*[0-9０-９]{1,3}\s*页)?|[0-9]{1,3}\s*\/\s*[0-9]{1,3})$/;

/** Characters other than spaces (ASCII, full-width and no-break), without making a string. */
function visibleLength(line: string): number {
  let n = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== 0x20 && c !== 0x3000 && c !== 0xa0 && c !== 0x09) {
      n++;
    }
  }
  return n;
}

/**
 * The wrap width of a text whose lines look wrapped, else undefined: no line much longer than the
 * width (the 90th percentile of line lengths, 12–60 characters), and many full lines, most of them
 * ending mid-sentence. Headings, list items and a paragraph's last line may be as short as they like.
 */
export function wrapWidth(lines: readonly string[]): number | undefined {
  if (lines.length < MIN_FULL_LINES) {
    return undefined;
  }
  const lengths: number[] = [];
  for (const line of lines) {
    const length = visibleLength(line);
    if (length > 1.5 * MAX_WRAP_WIDTH) {
      // A line this long is a paragraph of its own (or a table row): no wrap width can have it (below).
      return undefined;
    }
    if (length > 0 && !PAGE_NUMBER.test(line.trim())) {
      lengths.push(length);
    }
  }
  const sorted = [...lengths].sort((a, b) => a - b);
  const width = sorted[Math.floor((sorted.length - 1) * 0.9)] ?? 0;
  if (width < MIN_WRAP_WIDTH || width > MAX_WRAP_WIDTH || (sorted.at(-1) ?? 0) > 1.5 * width) {
    return undefined;
  }
  let full = 0;
  let fullOpen = 0;
  for (const line of lines) {
    if (visibleLength(line) >= FULL_LINE * width && !PAGE_NUMBER.test(line.trim())) {
      full++;
      if (!CLOSED.test(line.trimEnd())) {
        fullOpen++;
      }
    }
  }
  return full >= MIN_FULL_LINES && full >= 0.3 * lengths.length && fullOpen >= 0.6 * full ? width : undefined;
}

/**
 * The lines with each wrapped paragraph joined into one line (a page number inside it dropped); lines
 * that end a sentence, are shorter than a full line, or are followed by a list item stay as they are.
 */
export function unwrapLines(lines: readonly string[], width: number): string[] {
  const out: string[] = [];
  let lastLength = 0;
  let open = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const trimmed = line.trim();
    if (open && PAGE_NUMBER.test(trimmed) && i + 1 < lines.length) {
      continue;
    }
    if (open && trimmed !== '' && !OPENS_ITEM.test(trimmed)) {
      out[out.length - 1] = `${out[out.length - 1]!.trimEnd()}${trimmed}`;
    } else {
      out.push(line);
    }
    lastLength = visibleLength(line);
    open = lastLength >= FULL_LINE * width && !CLOSED.test(line.trimEnd());
  }
  return out;
}
