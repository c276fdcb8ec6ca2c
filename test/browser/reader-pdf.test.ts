// The reader on PDFs of every corpus report (issue #9: "PDF"). The corpus holds only three PDFs, all from
// one Word template; the second set of real reports, kept apart, has more. Here every corpus report is
// rendered to HTML in the official layout (`report render`), printed to PDF by Debian's chromium with
// the CJK fonts, and read back: each must give the cells, template, year and agency that its text gives.
// What this caught: radicals in the text layer (`⼈⺠政府⼯作`: no year, agency `县政府⻔⼾⽹站`), titles
// broken anywhere (`…工作年度` / `报告`), sentences broken at the margin (agency `族自治区人民政府办公厅关于做好`),
// and 2019 table 二 rows with a blank cell in a table none of whose rows is full (`行政许可 19 +4`).
// The second suite prints them in the styles real Word and WPS reports have, which text positions alone
// could not read: labels wrapped over lines with their values centred beside them, column titles set one
// character per line, values right-aligned (pdf-lattice.ts reads the tables by their borders); and tables
// without vertical borders, whose values right-aligned under a blank last cell (`规章 0 0 _`) read one
// column to the right (`_ 0 0`) when placed by their centres (pdf-columns.ts votes the alignment).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { CORPUS_REPORTS, CORPUS_TEXTS, cellDifferences, readBytes, renderedHtml } from '../corpus-reading.ts';
import { chromiumPage } from './browser-harness.ts';

// Chromium prints a report in ~1–3 s: a sample that holds every case above (all 60 passed when this was
// written; `GONGKAI_PDF_ALL=1` runs them all). p027–p034 have no tables: rendering picks a template.
const SAMPLE = /^(?:g004|g006|g011|g013|p001|p002|p003|p005|p012|p013|p021|p030|p034|p045|p046|p049)\.txt$/;
const FILES = CORPUS_TEXTS.filter((f) => process.env['GONGKAI_PDF_ALL'] === '1' || SAMPLE.test(f));

describe('the reader on the corpus printed to PDF by chromium', { skip: chromiumPage.skip }, () => {
  const page = chromiumPage();

  for (const file of FILES) {
    test(file, async () => {
      await readsAsItsText(page(), file, (html) => html);
    });
  }
});

/** Page styles of real reports, added to the official layout's HTML before printing. */
const STYLES: readonly (readonly [string, string])[] = [
  [
    'narrow table, labels wrapped, cells centred vertically',
    'table{width:120mm!important;font-size:12pt} td,th{vertical-align:middle!important}',
  ],
  ['column titles one character per line', 'th[scope=col]{writing-mode:vertical-rl}'],
  ['values right-aligned in a serif face', 'body{font-family:"Noto Serif CJK SC",serif} td{text-align:right!important}'],
  ['no outer borders', 'table{border-style:hidden!important}'],
  // No vertical borders, so no lattice: the columns come from text positions (pdf-columns.ts).
  [
    'horizontal rules only, values right-aligned',
    'td,th{border-left:none!important;border-right:none!important} td{text-align:right!important}',
  ],
  [
    'horizontal rules only, values left-aligned',
    'td,th{border-left:none!important;border-right:none!important} td{text-align:left!important}',
  ],
  [
    'three-line table, values centred under left-aligned titles',
    'table,td,th{border:none!important} table{border-top:2px solid #000!important;border-bottom:2px solid #000!important}',
  ],
  [
    'no borders, titles centred, values right-aligned',
    'table,td,th{border:none!important} th{text-align:center!important} td{text-align:right!important}',
  ],
];
const STYLED = /^(?:g013|p001|p012|p013|p046)\.txt$/;

describe('the reader on the corpus printed to PDF in the styles of real reports', { skip: chromiumPage.skip }, () => {
  const page = chromiumPage();

  for (const [name, css] of STYLES) {
    for (const file of FILES.filter((f) => STYLED.test(f))) {
      test(`${name}: ${file}`, async () => {
        await readsAsItsText(page(), file, (html) => html.replace('</head>', `<style>${css}</style></head>`));
      });
    }
  }
});

/** Prints the corpus report `file` (its HTML passed through `style`) and reads the PDF back: same reading. */
async function readsAsItsText(page: Page, file: string, style: (html: string) => string): Promise<void> {
  const text = await readBytes(readFileSync(`${CORPUS_REPORTS}${file}`), file);
  await page.setContent(style(renderedHtml(text)), { waitUntil: 'load' });
  const pdf = await readBytes(new Uint8Array(await page.pdf({ format: 'A4' })), file.replace(/\.txt$/, '.pdf'));
  const wrong = cellDifferences(text, pdf).filter((d) => !d.includes('absent →'));
  assert.deepEqual(wrong, [], 'cells read from the PDF differ from the text');
  assert.equal(pdf.reading.year, text.reading.year, 'year');
  assert.equal(pdf.reading.agency, text.reading.agency, 'agency');
  if (text.reading.template === '2021' || text.reading.template === '2019') {
    assert.equal(pdf.reading.template, text.reading.template, 'template');
  }
}
