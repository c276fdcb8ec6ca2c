// The reader on HTML tables whose merged cells differ from the official layout (issue #9, real pages: a
// 2019 report of the Shanghai government general office, test/fixtures/real-pages). Every corpus report
// with tables is rendered to HTML in the official layout (`report render`), its tables re-merged the ways
// agency pages and Word documents merge them, and read back: each variant must give exactly the cells
// the report's text gives.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { CORPUS_REPORTS, CORPUS_TEXTS, cellDifferences, readBytes, renderedHtml } from './corpus-reading.ts';

const SPAN3 = /<td colspan="3"([^>]*)>([^<]*)<\/td>/g;
const HEAD3 = /<th colspan="3" scope="col">([^<]*)<\/th>/g;
const HEADER4 =
  /<tr>(<th scope="col">[^<]*<\/th>)(<th scope="col">[^<]*<\/th>)<th scope="col">([^<]*)<\/th>(<th scope="col">[^<]*<\/th>)<\/tr>/g;
const VALUES3 = /<tr>(<th scope="row">[^<]*<\/th>)((?:<td class="num"[^>]*>[^<]*<\/td>){3})<\/tr>/g;
const HEADER_1_2 = /<tr>(<th scope="col">[^<]*<\/th>)(<th scope="col">[^<]*<\/th>)(<th colspan="2" scope="col">[^<]*<\/th>)<\/tr>/g;
const VALUES_1_2 = /<tr>(<th scope="row">[^<]*<\/th>)(<td class="num"[^>]*>[^<]*<\/td>)(<td colspan="2"[^>]*>[^<]*<\/td>)<\/tr>/g;

/**
 * Table 二 on the official DOCX's 5-position grid: the middle header of three spans two positions; the value
 * rows span `spanned` (0–2: that value spans two; −1: none does, a blank cell closes the row).
 */
function fivePositions(html: string, spanned: number): string {
  return html
    .replace(HEADER4, (_m, a, b, c, d) => `<tr>${a}${b}<th colspan="2">${c}</th>${d}</tr>`)
    .replace(VALUES3, (_m, label: string, tds: string) => {
      let i = 0;
      const cells = tds.replace(/<td class="num"/g, (td) => (i++ === spanned ? '<td colspan="2" class="num"' : td));
      return `<tr>${label}${cells}${spanned < 0 ? '<td></td>' : ''}</tr>`;
    })
    .replace(HEADER_1_2, (_m, a, b: string, c) => `<tr>${a}${b.replace('<th', '<th colspan="2"')}${c}</tr>`)
    .replace(VALUES_1_2, (_m, a, b: string, c) => `<tr>${a}${b.replace('<td', '<td colspan="2"')}${c}</tr>`)
    .replaceAll('colspan="4" scope="rowgroup"', 'colspan="5" scope="rowgroup"');
}

const VARIANTS: readonly (readonly [string, (html: string) => string])[] = [
  [
    'a merged value written as three cells, the value in the middle',
    (h) => h.replace(SPAN3, (_m, a, v) => `<td></td><td${a}>${v}</td><td></td>`),
  ],
  ['a merged value written as two, the value first', (h) => h.replace(SPAN3, (_m, a, v) => `<td colspan="2"${a}>${v}</td><td>&nbsp;</td>`)],
  [
    'header merged 1+2, value merged 2+1',
    (h) =>
      h
        .replace(HEAD3, (_m, v) => `<th>${v}</th><th colspan="2"></th>`)
        .replace(SPAN3, (_m, a, v) => `<td colspan="2"${a}>${v}</td><td>&nbsp;</td>`),
  ],
  ['five positions, the first value spanning two (the Shanghai page)', (h) => fivePositions(h, 0)],
  ['five positions, the middle value spanning two', (h) => fivePositions(h, 1)],
  ['five positions, the last value spanning two', (h) => fivePositions(h, 2)],
  ['five positions, no value spanning', (h) => fivePositions(h, -1)],
  // Word's table grid finer than the cells (tblGrid): every cell of every table spans two grid columns
  [
    'every cell spanning two grid columns',
    (h) => h.replace(/<(td|th)( colspan="(\d+)")?/g, (_m, t, _c, n) => `<${t} colspan="${2 * Number(n ?? 1)}"`),
  ],
  // the same grid, but each value written as a cell and a blank one beside it rather than one spanning two
  [
    'a blank cell beside every value',
    (h) =>
      h.replace(/<(td|th)( colspan="(\d+)")?([^>]*)>([^<]*)<\/\1>/g, (_m, t, _c, n, a, v) =>
        / class="num"/.test(a) && n === undefined ? `<td${a}>${v}</td><td></td>` : `<${t} colspan="${2 * Number(n ?? 1)}"${a}>${v}</${t}>`,
      ),
  ],
];

describe('tables with merged cells that differ from the official layout', async () => {
  for (const [name, vary] of VARIANTS) {
    it(name, async () => {
      let changed = 0;
      const problems: string[] = [];
      for (const file of CORPUS_TEXTS) {
        const text = await readBytes(readFileSync(`${CORPUS_REPORTS}${file}`), file);
        if (text.reading.cells.length === 0) {
          continue;
        }
        const html = renderedHtml(text);
        const varied = vary(html);
        if (varied === html) {
          continue;
        }
        changed++;
        const got = await readBytes(new TextEncoder().encode(varied), file.replace(/\.txt$/, '.html'));
        problems.push(...cellDifferences(text, got).map((d) => `${file} ${d}`));
      }
      assert.ok(changed >= 10, `the variant changed only ${changed} reports`);
      assert.deepEqual(problems.slice(0, 10), []);
    });
  }
});
