import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseDocument } from 'htmlparser2';
import { analysisToDocument } from '#app/analysis-to-document.ts';
import { readReport } from '#core/reports/read/read-report.ts';
import { renderHtml } from '#core/reports/render/render-html.ts';
import { type HtmlNode, parseHtml } from './html-to-blocks.ts';

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
