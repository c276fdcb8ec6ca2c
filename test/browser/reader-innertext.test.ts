// The reader on the text a browser gives of a report page (`innerText`: what a crawler that drives a
// browser stores). Tables come out as cells on lines of their own with the tabs between them on lines of
// their own when the cells hold paragraphs or <div>s (src/core/reports/read/tab-line-cells.ts). Every
// corpus report with tables is rendered to HTML in the official layout (`report render`), its cells
// wrapped the ways agency pages wrap them, and the page's innerText read: each must give exactly the cells
// of the report's own text; and the real Shanghai page (test/fixtures/real-pages) the cells of its HTML.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { CORPUS_REPORTS, CORPUS_TEXTS, cellDifferences, readBytes, renderedHtml } from '../corpus-reading.ts';
import { chromiumPage } from './browser-harness.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

const CELL = /<(td|th)([^>]*)>([^<]*)<\/\1>/g;
const WRAPS: readonly (readonly [string, (html: string) => string])[] = [
  ['plain cells', (h) => h],
  [
    'cells holding a paragraph, blanks as &nbsp;',
    (h) => h.replace(CELL, (_m, t, a, v) => `<${t}${a}><p align="center">${v === '' ? '&nbsp;' : v}</p></${t}>`),
  ],
  [
    'cells holding a paragraph, blank cells &nbsp; inline',
    (h) => h.replace(CELL, (_m, t, a, v) => (v === '' ? `<${t}${a}>&nbsp;</${t}>` : `<${t}${a}><p>${v}</p></${t}>`)),
  ],
  ['cells holding a <div>', (h) => h.replace(CELL, (_m, t, a, v) => `<${t}${a}><div>${v}</div></${t}>`)],
];

describe('the reader on the innerText of report pages', { skip: chromiumPage.skip }, () => {
  const page = chromiumPage();
  const innerText = async (html: string): Promise<Uint8Array> => {
    await page().setContent(html, { waitUntil: 'load' });
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a crawler stores
    return new TextEncoder().encode(await page().locator('body').innerText());
  };
  for (const [name, wrap] of WRAPS) {
    test(`corpus reports, ${name}`, async () => {
      const problems: string[] = [];
      let readCount = 0;
      for (const file of CORPUS_TEXTS) {
        const text = await readBytes(readFileSync(`${CORPUS_REPORTS}${file}`), file);
        if (text.reading.cells.length === 0) {
          continue;
        }
        readCount++;
        const got = await readBytes(await innerText(wrap(renderedHtml(text))), file);
        problems.push(...cellDifferences(text, got).map((d) => `${file} ${d}`));
        if (got.reading.template !== text.reading.template || got.reading.year !== text.reading.year) {
          problems.push(`${file}: ${got.reading.template} ${got.reading.year}`);
        }
      }
      assert.ok(readCount >= 50, `only ${readCount} reports`);
      assert.deepEqual(problems.slice(0, 10), []);
    });
  }

  test('the real Shanghai page: its innerText gives the cells of its HTML', async () => {
    const html = readFileSync(`${FIXTURES}real-pages/shanghai-gov-office-2019.html`);
    const fromHtml = await readBytes(html, 'page.html');
    const fromText = await readBytes(await innerText(`<html><body>${html.toString('utf8')}</body></html>`), 'page.txt');
    assert.equal(fromText.reading.cells.length, 63);
    assert.deepEqual(cellDifferences(fromHtml, fromText), []);
  });
});
