// The reader on the text a browser gives of a report page (`innerText`: what a crawler that drives a
// browser stores). Tables come out as cells on lines of their own with the tabs between them on lines of
// their own when the cells hold paragraphs or <div>s (src/core/reports/read/tab-line-cells.ts). Every
// corpus report with tables is rendered to HTML in the official layout (`report render`), its cells
// wrapped the ways agency pages wrap them, and the page's innerText read: each must give exactly the cells
// of the report's own text; and the real Shanghai page (test/fixtures/real-pages) the cells of its HTML.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { loadSource } from '#adapters/documents/load-source.ts';
import { analysisToDocument } from '#app/analysis-to-document.ts';
import { type ReportAnalysis, readReport } from '#core/reports/read/read-report.ts';
import { renderHtml } from '#core/reports/render/render-html.ts';
import { browserSkipReason, launchChromium } from './browser-harness.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const CORPUS = `${FIXTURES}corpus/reports/`;
const FILES = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.txt'))
  .sort();

async function read(bytes: Uint8Array, name: string): Promise<ReportAnalysis> {
  const loaded = await loadSource(bytes, name);
  assert.ok(loaded.ok, `${name}: ${loaded.ok ? '' : loaded.reason}`);
  return readReport(loaded.document, name);
}

const cellValues = (analysis: ReportAnalysis): Map<string, number | null> =>
  new Map(analysis.reading.cells.map((cell) => [cell.id, cell.value]));

function differences(want: ReportAnalysis, got: ReportAnalysis): string[] {
  const wanted = cellValues(want);
  const found = cellValues(got);
  return [
    ...[...wanted].filter(([id, value]) => found.get(id) !== value).map(([id, value]) => `${id}: ${value} → ${found.get(id)}`),
    ...[...found.keys()].filter((id) => !wanted.has(id)).map((id) => `${id}: absent → ${found.get(id)}`),
  ];
}

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

describe('the reader on the innerText of report pages', { skip: browserSkipReason() }, () => {
  let browser: Browser;
  let page: Page;
  const innerText = async (html: string): Promise<Uint8Array> => {
    await page.setContent(html, { waitUntil: 'load' });
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a crawler stores
    return new TextEncoder().encode(await page.locator('body').innerText());
  };
  before(async () => {
    browser = await launchChromium();
    page = await browser.newPage();
  });
  after(async () => {
    await browser?.close();
  });

  for (const [name, wrap] of WRAPS) {
    test(`corpus reports, ${name}`, async () => {
      const problems: string[] = [];
      let readCount = 0;
      for (const file of FILES) {
        const text = await read(readFileSync(`${CORPUS}${file}`), file);
        if (text.reading.cells.length === 0) {
          continue;
        }
        readCount++;
        const got = await read(await innerText(wrap(renderHtml(analysisToDocument(text)))), file);
        problems.push(...differences(text, got).map((d) => `${file} ${d}`));
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
    const fromHtml = await read(html, 'page.html');
    const fromText = await read(await innerText(`<html><body>${html.toString('utf8')}</body></html>`), 'page.txt');
    assert.equal(fromText.reading.cells.length, 63);
    assert.deepEqual(differences(fromHtml, fromText), []);
  });
});
