// Running page headers (issue #9, "page-break headers inside tables"): a document converted from Word or PDF
// repeats its title at the top of every page (`某某局2023年政府信息公开工作年度报告`, sometimes with the page
// number after it). Where a page break falls inside a table, that line lands between two cells and splits
// the table. A line that names the report and recurs is page furniture: every occurrence is dropped and one
// copy is put first, as the title the document-text reader needs. Page numbers alone are scan-layout's
// furniture already. A title naming no organ that stands under its organ's line (`衡阳市国资委` / `2019年度…年度报告`)
// keeps its place there: a web page's header shows the same title above the article (probeI10 012), and the title
// read without the line above it names no organ.

import type { SourceBlock, SourceDocument } from '../report-model.ts';
import { isTitleOrganLine } from './read-document-text.ts';

// A whole line ending in 报告 (a page number may follow), short enough to be a title.
const HEADER_LINE =
  /^[ \t\u3000\u00a0]*(\S[^\n]{1,58}?报告)[ \t\u3000\u00a0]*(?:(?:第[ \t]*)?\d+[ \t]*页?(?:[ \t]*(?:\/|共)[ \t]*\d+[ \t]*页)?|[-—－][ \t]*\d+[ \t]*[-—－])?[ \t\u3000\u00a0]*(?:\r?\n|\r?$)/gm;
// It names the report itself, not any report (`特此报告`).
const NAMES_REPORT = /年度|信息公开|政务公开/;

/** The document without the repeats of a running header line; the same object when it has none. */
export function withoutRunningHeaders(doc: SourceDocument): SourceDocument {
  if (!mayRepeat(doc.blocks)) {
    return doc;
  }
  const seen = new Map<string, number>();
  let repeated = false;
  for (const block of doc.blocks) {
    if (block.kind !== 'text' || !block.text.includes('报告')) {
      continue;
    }
    for (const m of block.text.matchAll(HEADER_LINE)) {
      const key = keyOf(m[1]!);
      if (key === null) {
        continue;
      }
      const count = (seen.get(key) ?? 0) + 1;
      seen.set(key, count);
      repeated ||= count > 1;
    }
  }
  if (!repeated) {
    return doc;
  }
  // Every occurrence goes; one copy is put back at the top, where a title belongs (page 1 may have had none,
  // so the first occurrence can itself sit inside a table).
  const titles: string[] = [];
  const kept = new Set<string>();
  const blocks = doc.blocks.map((block): SourceBlock => {
    if (block.kind !== 'text' || !block.text.includes('报告')) {
      return block;
    }
    const text = block.text.replace(HEADER_LINE, (line, name: string, offset: number, whole: string) => {
      const key = keyOf(name);
      if (key === null || (seen.get(key) ?? 0) < 2) {
        return line;
      }
      if (!kept.has(key) && NO_ORGAN.test(key) && isTitleOrganLine(lineBefore(whole, offset))) {
        // The title's second line, under its organ's: the title itself, where it stands.
        kept.add(key);
        return line;
      }
      if (!titles.includes(key)) {
        titles.push(key);
      }
      // Dropped with its line break, so the table's lines meet again.
      return '';
    });
    return { kind: 'text', text };
  });
  const first = titles.filter((key) => !kept.has(key));
  return first.length === 0 ? { ...doc, blocks } : { ...doc, blocks: [{ kind: 'text', text: first.join('\n') }, ...blocks] };
}

// A title that names no organ: it opens on its year (`2019年度政府信息公开年度报告`).
const NO_ORGAN = /^(?:\d{4}|[〇零○Ｏ一二三四五六七八九]{4})年/;

/** The last non-blank line of `text` before `offset` (a line's start), or ''. */
function lineBefore(text: string, offset: number): string {
  const before = text.slice(0, offset).trimEnd();
  return before.slice(before.lastIndexOf('\n') + 1);
}

function keyOf(name: string): string | null {
  return NAMES_REPORT.test(name) ? name.replace(/[\s\u3000\u00a0]+/g, '') : null;
}

/** Cheap test first: a header that recurs puts 报告 in the text blocks at least twice. */
function mayRepeat(blocks: readonly SourceBlock[]): boolean {
  let found = 0;
  for (const block of blocks) {
    if (block.kind !== 'text') {
      continue;
    }
    for (let at = block.text.indexOf('报告'); at >= 0; at = block.text.indexOf('报告', at + 2)) {
      if (++found === 2) {
        return true;
      }
    }
  }
  return false;
}
