import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseDocument } from 'htmlparser2';
import { analysisToDocument } from '#app/analysis-to-document.ts';
import { readReport } from '#core/reports/read/read-report.ts';
import { renderHtml } from '#core/reports/render/render-html.ts';
import { type HtmlNode, parseHtml, scanPlainHtml } from './html-to-blocks.ts';

/** What the HTML reader looks at of a node: its type, name, text, attributes and children, in order. */
function shape(node: HtmlNode): unknown {
  return {
    type: node.type,
    ...(node.type !== 'root' && node.name !== undefined ? { name: node.name } : {}),
    ...(node.data !== undefined ? { data: node.data } : {}),
    ...(node.attribs !== undefined ? { attribs: { ...node.attribs } } : {}),
    ...(node.children !== undefined ? { children: node.children.map(shape) } : {}),
  };
}

const domOf = (html: string): unknown =>
  shape(parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true }) as unknown as HtmlNode);

const PAGES = [
  '',
  'plain text &amp; &nbsp;&lt;no tags&gt;',
  '<p>a<!-- one --><!--two-->b<![CDATA[c]]>d<?php e ?>f<script>g < h</script><style>i{}</style>&amp;&nbsp;j',
  '<table><tr><td>1<td>2</table><tr><td>3</td><!--c--></tr>',
  '<TABLE BORDER=1><TR><TD COLSPAN="2" Style="display:none">x</TD></TR></TABLE>',
  '<svg><![CDATA[x]]><title>t</title></svg><math><p>q</math>',
  '<form><form><input name=a></form></form><br/><br><img src=x>',
  '<!doctype html><html><head><title>标题</title></head><body><pre>a\n  b</pre><div hidden>h</div></body></html>',
  '<ul><li>1<li>2</ul><dl><dt>a<dd>b</dl><select><option>o</select><textarea>t<b></textarea>',
  '<p>unclosed <b>bold <i>both</p> after</b> tail<!-- unterminated',
  '<td>cell outside table</td><tr><th>head</th></tr>',
];

test('parseHtml builds the tree parseDocument builds: the same nodes, text, attributes and order', () => {
  for (const page of PAGES) {
    assert.deepEqual(shape(parseHtml(page)), domOf(page), page);
  }
});

test('parseHtml on a whole report page (a seed rendered as HTML) matches parseDocument', () => {
  const seed = readFileSync(new URL('../../../test/fixtures/seeds/000_fa62d5864337d3a6.txt', import.meta.url), 'utf8');
  const analysis = readReport({ blocks: [{ kind: 'text', text: seed }] }, 'seed');
  const page = renderHtml(analysisToDocument(analysis));
  assert.ok(page.includes('<table'));
  assert.deepEqual(shape(parseHtml(page)), domOf(page));
});

test('the plain-page scanner builds what htmlparser2 builds, or declines the page', () => {
  const pages = [
    ...PAGES,
    '<!DOCTYPE html PUBLIC "x">\n<html lang="zh"><head><meta charset="utf-8"/><title>t<b></title><style>a{}</STYLE></head>',
    '<body><h1>标题</h1><p class=a id = "b" c d=\'e\'f="g">x<br>y<br/>z<br />w</p><!--c--><!---->text</body>',
    '<table border=1><thead><tr><th colspan="2" rowspan=2>a</th></tr></thead><tbody><tr><td a="1" a="2">1</td></tr></tbody></table>',
    '<TD X=Y>1</TD><o:p></o:p><img src=a/><td a=>x</td><p\tclass="a">q</p\n><p>',
    '<p>a<div>b</div></p>',
    '<p><p>',
    '<thead><td>x</td></thead>',
    '<!-->a<!--->b<!--x--!>c<!--y--->d',
    '<style>a</style >b</style><title>a</titlex>b</title>',
    '<p id="a>b">x</p><p a"b>y</p><p =a>z</p><p a=b=c>w</p>',
    '<div/>x</div><br></br></p>',
    '< x <3 </> <?x?>',
    '<b>unclosed <i>at the end',
  ];
  let scanned = 0;
  for (const page of pages) {
    const tree = scanPlainHtml(page);
    if (tree !== undefined) {
      scanned += 1;
      assert.deepEqual(shape(tree), domOf(page), page);
    }
    assert.deepEqual(shape(parseHtml(page)), domOf(page), page);
  }
  assert.ok(scanned >= 6, `${scanned} pages scanned`);
  // What htmlparser2 reads its own way is left to it.
  for (const page of [
    'a &amp; b',
    '<p>a<div>b</div></p>',
    '<p><p>',
    '<div/>',
    '</p>',
    '<!-->',
    '<script>x</script>',
    '<svg></svg>',
    '<p a"b>',
  ]) {
    assert.equal(scanPlainHtml(page), undefined, page);
  }
});

test('a report page rendered by gongkai is read by the plain-page scanner', () => {
  const seed = readFileSync(new URL('../../../test/fixtures/seeds/000_fa62d5864337d3a6.txt', import.meta.url), 'utf8');
  const page = renderHtml(analysisToDocument(readReport({ blocks: [{ kind: 'text', text: seed }] }, 'seed')));
  const tree = scanPlainHtml(page);
  assert.ok(tree !== undefined);
  assert.deepEqual(shape(tree), domOf(page));
});

test('a layout table (the article in one cell, or beside a column of links) is read as the page`s flow, a data table as a table', async () => {
  const { htmlToBlocks } = await import('./html-to-blocks.ts');
  const article = '<p>一、总体情况</p><p>2025年，全区共收到政府信息公开申请154件。</p>';
  const data = '<table><tr><td>规章</td><td>0</td><td>0</td><td>3</td></tr></table>';
  const kinds = (html: string) =>
    htmlToBlocks(html).map((b) => (b.kind === 'text' ? `text:${b.text}` : `table:${b.rows.length}x${b.rows[0]?.length}`));
  // One cell around the article: its paragraphs, and the data table inside it, keep their kinds.
  assert.deepEqual(kinds(`<table><tr><td>${article}${data}</td></tr></table>`), [
    'text:一、总体情况\n2025年，全区共收到政府信息公开申请154件。',
    'table:1x4',
  ]);
  assert.deepEqual(kinds(`<table width="100%"><tr><td>${article}</td></tr></table>`), [
    'text:一、总体情况\n2025年，全区共收到政府信息公开申请154件。',
  ]);
  // Beside links: a cell with more text than any cell of a report's table.
  const long = `<p>${'本机关认真贯彻落实《中华人民共和国政府信息公开条例》，'.repeat(10)}</p>`;
  assert.equal(
    kinds(`<table><tr><td><a href="/">首页</a></td><td>${long}</td></tr></table>`).every((k) => k.startsWith('text:')),
    true,
  );
  // A data table of one row stays a table.
  assert.deepEqual(kinds(data), ['table:1x4']);
});
