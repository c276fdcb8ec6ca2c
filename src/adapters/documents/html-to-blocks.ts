// HTML → SourceBlocks: paragraphs become text lines, data tables become grids that keep positions
// (a spanned cell's text in its first position, '' in the rest, as a tab export of the table has it).
// A table that holds another table is page layout, not data: its cells flow as text and the inner
// tables become grids of their own.

import { createRequire } from 'node:module';
import type { Handler, Parser } from 'htmlparser2';
import { isTrimmable } from '#core/reports/read/parse-cell-value.ts';
import type { SourceBlock } from '#core/reports/report-model.ts';

/** The slice of htmlparser2's DOM the HTML and DOCX readers walk (an element, text or CDATA node). */
export interface HtmlNode {
  readonly type: string;
  readonly name?: string;
  readonly data?: string;
  readonly attribs?: Readonly<Record<string, string>>;
  readonly children?: readonly HtmlNode[];
}

/** Elements that end the line before and after them. */
const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'listing',
  'plaintext',
  'pre',
  'section',
  'xmp',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

/** Elements whose content is never document text. */
const SKIPPED_TAGS = new Set(['head', 'script', 'style', 'noscript', 'template', 'svg', 'math', 'object', 'iframe', 'select', 'button']);

/** Browsers cap spans at these values (HTML §4.9.11). */
const MAX_COLSPAN = 1000;
const MAX_ROWSPAN = 65534;

/**
 * Limits a page must keep (issue #9): 2 million cells took 56 s and 2.5 GB, 100,000 nested elements
 * overflowed the stack. A real annual report has a few hundred cells and nests a few dozen deep.
 */
export const MAX_HTML_CELLS = 100_000;
export const MAX_HTML_DEPTH = 1_000;
/** Positions of one table's grid after spans (colspan 1000 × rowspan 65534 would be 65 million). */
export const MAX_GRID_POSITIONS = 500_000;

/** A document over one of the limits: `message` is the Chinese reason the file is not read. */
export class SourceLimitError extends Error {}

/** Turns an HTML document into text and table blocks, in document order; SourceLimitError past a limit. */
export function htmlToBlocks(html: string): SourceBlock[] {
  const cells = countCells(html);
  if (cells > MAX_HTML_CELLS) {
    throw new SourceLimitError(`网页表格单元格过多（超过 ${MAX_HTML_CELLS.toLocaleString('en-US')} 个），不像是年度报告，未读取`);
  }
  const document = parseHtml(html);
  if (depthExceeds(document, MAX_HTML_DEPTH)) {
    throw new SourceLimitError(`网页元素嵌套过深（超过 ${MAX_HTML_DEPTH} 层），不像是年度报告，未读取`);
  }
  const output = new BlockCollector();
  walk(document, output);
  const blocks = output.finish();
  const head = headLines(document);
  return head.length === 0 ? blocks : [{ kind: 'text', text: head.join('\n') }, ...blocks];
}

/**
 * What a government page's head says of the report (《政府网站发展指引》 asks every article page for
 * `<meta name="ArticleTitle">` and `<meta name="ContentSource">`): its title, when it names a report, and
 * its source as a `来源：` line — read before the body, so a page whose body lacks its title or signature
 * still names its organ and year. Without ArticleTitle, the `<title>` when it names a report.
 */
function headLines(document: HtmlNode): string[] {
  const head = findElement(document, 'head', 3);
  if (head === undefined) {
    return [];
  }
  let title: string | undefined;
  let source: string | undefined;
  let pageTitle: string | undefined;
  for (const child of head.children ?? NO_CHILDREN) {
    if (child.type !== 'tag') {
      continue;
    }
    if (child.name === 'meta') {
      const name = (child.attribs?.['name'] ?? '').toLowerCase();
      const content = collapseWhitespace(child.attribs?.['content'] ?? '');
      if (name === 'articletitle') {
        title = content;
      } else if (name === 'contentsource') {
        source = content;
      }
    } else if (child.name === 'title') {
      pageTitle = collapseWhitespace((child.children ?? NO_CHILDREN).map((c) => c.data ?? '').join(''));
    }
  }
  const named = [title, pageTitle].find((t) => t !== undefined && /年度报告|年报|公开工作报告/.test(t));
  return [...(named === undefined ? [] : [named]), ...(source === undefined || source === '' ? [] : [`来源：${source}`])];
}

/** The first element named `name` at most `depth` levels below `node` (breadth first). */
function findElement(node: HtmlNode, name: string, depth: number): HtmlNode | undefined {
  let level: readonly HtmlNode[] = [node];
  for (let d = 0; d <= depth && level.length > 0; d++) {
    const next: HtmlNode[] = [];
    for (const item of level) {
      if (item.type === 'tag' && item.name === name) {
        return item;
      }
      next.push(...(item.children ?? NO_CHILDREN));
    }
    level = next;
  }
  return undefined;
}

/** A node of the tree parseHtml builds: htmlparser2's DOM without its links, positions and classes. */
interface TreeNode {
  readonly type: string;
  readonly name?: string;
  data?: string;
  readonly attribs?: Readonly<Record<string, string>>;
  readonly children?: TreeNode[];
}

/**
 * The tree htmlparser2's `parseDocument` builds, as plain objects: the same nodes in the same places
 * (one text node for adjacent text, comments, CDATA and processing instructions kept, `<script>` and
 * `<style>` typed as such), without parent and sibling links or node classes — building domhandler's
 * DOM was about half of parsing a page (issue #9, fourth round).
 */
export function parseHtml(html: string): HtmlNode {
  return scanPlainHtml(html) ?? parseWithHtmlparser2(html);
}

/**
 * htmlparser2's Parser, loaded on the first page the plain-page scanner declines: importing the
 * package (its index brings domhandler, domutils and entities) cost 24–37 ms of CPU at every start of
 * `report check`, which a batch of text reports and rendered pages never needs.
 */
let htmlParser: typeof Parser | undefined;
function htmlparser2Parser(): typeof Parser {
  htmlParser ??= (createRequire(import.meta.url)('htmlparser2') as typeof import('htmlparser2')).Parser;
  return htmlParser;
}

function parseWithHtmlparser2(html: string): HtmlNode {
  const root: TreeNode = { type: 'root', children: [] };
  const open: TreeNode[] = [root];
  // The text or comment node the next chunk of the same kind is appended to (domhandler's lastNode).
  let last: TreeNode | null = null;
  const add = (node: TreeNode): void => {
    (open[open.length - 1] as TreeNode).children?.push(node);
    last = null;
  };
  // Adjacent text (or comment) pieces form one node, as domhandler makes them.
  const appendData = (type: 'text' | 'comment', data: string): void => {
    if (last !== null && last.type === type) {
      last.data += data;
      return;
    }
    const node: TreeNode = { type, data };
    add(node);
    last = node;
  };
  const handler: Partial<Handler> = {
    onopentag(name, attribs) {
      const element: TreeNode = { type: name === 'script' ? 'script' : name === 'style' ? 'style' : 'tag', name, attribs, children: [] };
      add(element);
      open.push(element);
    },
    onclosetag() {
      last = null;
      open.pop();
    },
    ontext(data) {
      appendData('text', data);
    },
    oncomment(data) {
      appendData('comment', data);
    },
    oncommentend() {
      last = null;
    },
    oncdatastart() {
      const text: TreeNode = { type: 'text', data: '' };
      add({ type: 'cdata', children: [text] });
      last = text;
    },
    oncdataend() {
      last = null;
    },
    onprocessinginstruction(name, data) {
      add({ type: 'directive', name, data });
    },
  };
  const HtmlParser = htmlparser2Parser();
  new HtmlParser(handler, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true }).end(html);
  return root;
}

// ---------------------------------------------------------------- the plain-page scanner

/** Elements htmlparser2 tokenises or nests specially (raw text, RCDATA, foreign content, renamed, nested forms). */
const SCANNER_DECLINED = new Set([
  'script',
  'textarea',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
  'plaintext',
  'svg',
  'math',
  'image',
  'form',
]);

/** htmlparser2's void elements (HTML mode): never on the stack of open elements. */
const VOID_TAGS = new Set([
  'area',
  'base',
  'basefont',
  'br',
  'col',
  'command',
  'embed',
  'frame',
  'hr',
  'img',
  'input',
  'isindex',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

/** htmlparser2's `openImpliesClose`: opening the key closes an open element of the set on top of the stack. */
const OPEN_IMPLIES_CLOSE: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const p = new Set(['p']);
  const headings = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p']);
  const form = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
  const ddt = new Set(['dd', 'dt']);
  const rtp = new Set(['rt', 'rp']);
  const sections = new Set(['thead', 'tbody']);
  const map = new Map<string, ReadonlySet<string>>([
    ['tr', new Set(['tr', 'th', 'td'])],
    ['th', new Set(['th'])],
    ['td', new Set(['thead', 'th', 'td'])],
    ['body', new Set(['head', 'link', 'script'])],
    ['a', new Set(['a'])],
    ['li', new Set(['li'])],
    ['option', new Set(['option'])],
    ['optgroup', new Set(['optgroup', 'option'])],
    ['tbody', sections],
    ['tfoot', sections],
  ]);
  for (const name of [
    'p',
    'address',
    'article',
    'aside',
    'blockquote',
    'details',
    'div',
    'dl',
    'fieldset',
    'figcaption',
    'figure',
    'footer',
    'form',
    'header',
    'hr',
    'main',
    'nav',
    'ol',
    'pre',
    'section',
    'table',
    'ul',
  ]) {
    map.set(name, p);
  }
  for (const name of ['h1', 'h2', 'h3', 'h4', 'h5', 'h6']) {
    map.set(name, headings);
  }
  for (const name of ['select', 'input', 'output', 'button', 'datalist', 'textarea']) {
    map.set(name, form);
  }
  for (const name of ['dd', 'dt']) {
    map.set(name, ddt);
  }
  for (const name of ['rt', 'rp']) {
    map.set(name, rtp);
  }
  return map;
})();

/** htmlparser2's whitespace inside tags: space, tab, LF, FF, CR. */
const isTagSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;
const isAsciiAlpha = (c: number): boolean => (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
/** Tag and attribute name characters the scanner takes (a subset of what htmlparser2 does). */
const isNameChar = (c: number): boolean =>
  isAsciiAlpha(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x5f || c === 0x3a || c === 0x2e;

/**
 * The tree of a plain, well-formed page — what a report rendered to HTML, or saved by most editors,
 * looks like — built with `indexOf` instead of htmlparser2's character-by-character tokenizer (its
 * `parse` was the largest single cost of loading an HTML report; issue #9, eighth round). It takes
 * only what it can build exactly as parseWithHtmlparser2 would: no character reference anywhere (`&`),
 * every end tag closing the element on top, no element that htmlparser2 closes implicitly or
 * tokenises specially but `<style>` and `<title>`, comments without `--` inside; on anything else it
 * returns undefined and the page goes through htmlparser2. Tested against parseDocument.
 */
export function scanPlainHtml(html: string): HtmlNode | undefined {
  if (html.includes('&')) {
    return undefined;
  }
  const root: TreeNode = { type: 'root', children: [] };
  const stack: TreeNode[] = [root];
  const names: string[] = [''];
  let children = root.children as TreeNode[];
  const n = html.length;
  let i = 0;
  while (i < n) {
    const lt = html.indexOf('<', i);
    const textEnd = lt === -1 ? n : lt;
    if (textEnd > i) {
      children.push({ type: 'text', data: html.slice(i, textEnd) });
    }
    if (lt === -1) {
      break;
    }
    const c = html.charCodeAt(lt + 1);
    if (isAsciiAlpha(c)) {
      let j = lt + 2;
      while (j < n && isNameChar(html.charCodeAt(j))) {
        j++;
      }
      const after = html.charCodeAt(j);
      if (!(after === 0x3e || after === 0x2f || isTagSpace(after))) {
        return undefined;
      }
      const name = html.slice(lt + 1, j).toLowerCase();
      if (SCANNER_DECLINED.has(name) || OPEN_IMPLIES_CLOSE.get(name)?.has(names[names.length - 1] as string) === true) {
        return undefined;
      }
      const isVoid = VOID_TAGS.has(name);
      const attribs: Record<string, string> = {};
      for (;;) {
        while (j < n && isTagSpace(html.charCodeAt(j))) {
          j++;
        }
        const d = html.charCodeAt(j);
        if (d === 0x3e) {
          j++;
          break;
        }
        if (d === 0x2f) {
          // `<br/>`: HTML ignores the slash; on any other element the scanner leaves it to htmlparser2.
          if (!isVoid || html.charCodeAt(j + 1) !== 0x3e) {
            return undefined;
          }
          j += 2;
          break;
        }
        if (!isNameChar(d)) {
          return undefined; // the end of the page inside a tag, or an odd attribute name
        }
        const nameStart = j;
        while (j < n && isNameChar(html.charCodeAt(j))) {
          j++;
        }
        const attribute = html.slice(nameStart, j).toLowerCase();
        let k = j;
        while (k < n && isTagSpace(html.charCodeAt(k))) {
          k++;
        }
        let value = '';
        if (html.charCodeAt(k) === 0x3d) {
          k++;
          while (k < n && isTagSpace(html.charCodeAt(k))) {
            k++;
          }
          const q = html.charCodeAt(k);
          if (q === 0x22 || q === 0x27) {
            const close = html.indexOf(q === 0x22 ? '"' : "'", k + 1);
            if (close === -1) {
              return undefined;
            }
            value = html.slice(k + 1, close);
            j = close + 1;
          } else {
            let e = k;
            while (e < n && !isTagSpace(html.charCodeAt(e)) && html.charCodeAt(e) !== 0x3e) {
              e++;
            }
            if (e >= n) {
              return undefined;
            }
            value = html.slice(k, e);
            j = e;
          }
        } else if (!isNameChar(html.charCodeAt(k)) && html.charCodeAt(k) !== 0x3e && html.charCodeAt(k) !== 0x2f) {
          return undefined;
        }
        // The first of a repeated attribute wins, as in htmlparser2.
        if (!Object.hasOwn(attribs, attribute)) {
          attribs[attribute] = value;
        }
      }
      const element: TreeNode = { type: name === 'style' ? 'style' : 'tag', name, attribs, children: [] };
      children.push(element);
      if (name === 'style' || name === 'title') {
        // Raw text (`<style>`) or RCDATA without references (`<title>`): up to the first `</style` or `</title`.
        const end = indexOfIgnoringCase(html, name === 'style' ? '</style' : '</title', j);
        if (end === -1 || html.charCodeAt(end + name.length + 2) !== 0x3e) {
          return undefined;
        }
        if (end > j) {
          (element.children as TreeNode[]).push({ type: 'text', data: html.slice(j, end) });
        }
        i = end + name.length + 3;
        continue;
      }
      if (!isVoid) {
        stack.push(element);
        names.push(name);
        children = element.children as TreeNode[];
      }
      i = j;
      continue;
    }
    if (c === 0x2f) {
      let j = lt + 2;
      if (!isAsciiAlpha(html.charCodeAt(j))) {
        return undefined;
      }
      while (j < n && isNameChar(html.charCodeAt(j))) {
        j++;
      }
      if (html.charCodeAt(j) !== 0x3e || names.length === 1 || html.slice(lt + 2, j).toLowerCase() !== names[names.length - 1]) {
        return undefined;
      }
      stack.pop();
      names.pop();
      children = (stack[stack.length - 1] as TreeNode).children as TreeNode[];
      i = j + 1;
      continue;
    }
    if (c === 0x21) {
      if (html.startsWith('--', lt + 2)) {
        const end = html.indexOf('-->', lt + 4);
        if (end === -1) {
          return undefined;
        }
        const data = html.slice(lt + 4, end);
        // `<!-->`, `<!--->`, `--!>` and runs of dashes end comments in ways of their own.
        if (data.startsWith('>') || data.startsWith('->') || data.endsWith('-') || data.includes('--')) {
          return undefined;
        }
        children.push({ type: 'comment', data });
        i = end + 3;
        continue;
      }
      if (indexOfIgnoringCase(html, '<!doctype', lt) === lt) {
        const end = html.indexOf('>', lt);
        if (end === -1) {
          return undefined;
        }
        children.push({ type: 'directive', name: '!doctype', data: `!${html.slice(lt + 2, end)}` });
        i = end + 1;
        continue;
      }
    }
    return undefined;
  }
  return root;
}

/** Where `lower` (lowercase ASCII) occurs in `text` from `from` on, in any case; -1 when nowhere. */
function indexOfIgnoringCase(text: string, lower: string, from: number): number {
  const first = lower.charCodeAt(0);
  const upperFirst = first >= 0x61 && first <= 0x7a ? first - 0x20 : first;
  for (let at = from; at <= text.length - lower.length; at++) {
    const c = text.charCodeAt(at);
    if (c !== first && c !== upperFirst) {
      continue;
    }
    let k = 1;
    while (k < lower.length) {
      const d = text.charCodeAt(at + k);
      const want = lower.charCodeAt(k);
      if (d !== want && !(want >= 0x61 && want <= 0x7a && d === want - 0x20)) {
        break;
      }
      k++;
    }
    if (k === lower.length) {
      return at;
    }
  }
  return -1;
}

/** `<td` and `<th` openings, counted without parsing (stops once past the limit). */
function countCells(html: string): number {
  // /<t[dh][\s>/]/gi without a match array per cell: `\s` is exactly what trim removes (isTrimmable).
  let count = 0;
  let at = html.indexOf('<');
  while (at !== -1 && at + 3 < html.length && count <= MAX_HTML_CELLS) {
    const t = html.charCodeAt(at + 1) | 0x20;
    const dh = html.charCodeAt(at + 2) | 0x20;
    const next = html.charCodeAt(at + 3);
    if (t === 0x74 && (dh === 0x64 || dh === 0x68) && (next === 0x3e || next === 0x2f || isTrimmable(next))) {
      count += 1;
    }
    at = html.indexOf('<', at + 1);
  }
  return count;
}

/** Whether any element lies deeper than `limit`, found without recursion (the walk below recurses). */
function depthExceeds(root: HtmlNode, limit: number): boolean {
  // Two parallel stacks and indexed loops: no pair per element, no iterator result per child.
  const nodes: HtmlNode[] = [root];
  const depths: number[] = [0];
  while (nodes.length > 0) {
    const node = nodes.pop() as HtmlNode;
    const depth = depths.pop() as number;
    if (depth > limit) {
      return true;
    }
    const children = node.children;
    if (children === undefined) {
      continue;
    }
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (child.children !== undefined && child.children.length > 0) {
        nodes.push(child);
        depths.push(depth + 1);
      }
    }
  }
  return false;
}

/** Gathers lines of text into text blocks and places table blocks between them. */
class BlockCollector {
  private readonly blocks: SourceBlock[] = [];
  private lines: string[] = [];
  private readonly line = new LineBuffer();

  text(data: string, preformatted = false): void {
    this.line.add(data, preformatted);
  }

  /** Ends the current line (a block boundary or `<br>`). */
  breakLine(): void {
    const text = this.line.take();
    if (text !== '') {
      this.lines.push(text);
    }
  }

  table(rows: string[][]): void {
    this.breakLine();
    this.flushText();
    this.blocks.push({ kind: 'table', rows });
  }

  finish(): SourceBlock[] {
    this.breakLine();
    this.flushText();
    return this.blocks;
  }

  private flushText(): void {
    if (this.lines.length > 0) {
      this.blocks.push({ kind: 'text', text: this.lines.join('\n') });
      this.lines = [];
    }
  }
}

/** One line of inline text; whitespace collapses as a browser renders it, except in `<pre>`. */
class LineBuffer {
  private parts: string[] = [];
  private preformatted = false;

  add(data: string, preformatted: boolean): void {
    this.parts.push(data);
    this.preformatted ||= preformatted;
  }

  take(): string {
    const raw = this.parts.join('');
    const preformatted = this.preformatted;
    this.parts = [];
    this.preformatted = false;
    // Tabs and runs of spaces are the columns of a text report pasted into <pre>: they stay.
    return preformatted ? raw.replace(/\u00a0/g, ' ').trimEnd() : collapseWhitespace(raw);
  }
}

const isCjk = (char: string | undefined): boolean => char !== undefined && /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(char);

/**
 * Collapses whitespace runs (no-break spaces included: Word pads cells with &nbsp;) to one space.
 * A run with a line break between two CJK characters is source wrapping, and vanishes: Chinese has no
 * spaces between words, and `政府\n信息` must still read as 政府信息.
 */
function collapseWhitespace(raw: string): string {
  return raw
    .replace(/[\s\u00a0]+/g, (run, offset: number, whole: string) => {
      if (/[\n\r]/.test(run) && isCjk(whole[offset - 1]) && isCjk(whole[offset + run.length])) {
        return '';
      }
      return ' ';
    })
    .trim();
}

/** Elements whose line breaks are content (a text report pasted into a page keeps its lines). */
const PREFORMATTED_TAGS = new Set(['pre', 'listing', 'plaintext', 'xmp']);

function walk(node: HtmlNode, output: BlockCollector, preformatted = false): void {
  if (node.type === 'text') {
    if (preformatted) {
      (node.data ?? '').split(/\r\n?|\n/).forEach((line, index) => {
        if (index > 0) {
          output.breakLine();
        }
        output.text(line, true);
      });
    } else {
      output.text(node.data ?? '');
    }
    return;
  }
  if (node.type !== 'tag' && node.type !== 'root') {
    return; // comments, directives, <script>, <style>, CDATA
  }
  const name = node.name ?? '';
  if (SKIPPED_TAGS.has(name) || isHidden(node)) {
    return;
  }
  if (name === 'br') {
    output.breakLine();
    return;
  }
  if (name === 'table' && !containsTable(node)) {
    const caption = findChild(node, 'caption');
    if (caption !== undefined) {
      output.breakLine();
      output.text(cellText(caption));
      output.breakLine();
    }
    const rows = tableToGrid(node);
    if (!isLayoutGrid(rows)) {
      if (rows.length > 0) {
        output.table(rows);
      }
      return;
    }
    // A page laid out with a table (the article in one cell, `<table><tr><td>…全文…</td></tr></table>`): its
    // text is the document's, read as the page's flow below (the caption already written).
  }
  const isBlock = BLOCK_TAGS.has(name);
  if (isBlock) {
    output.breakLine();
  }
  const keepsLines = preformatted || PREFORMATTED_TAGS.has(name);
  // Indexed loops in the walk and the table readers: `for…of` allocates a result per step until optimised.
  const children = node.children ?? NO_CHILDREN;
  for (let i = 0; i < children.length; i++) {
    walk(children[i]!, output, keepsLines);
  }
  if (isBlock) {
    output.breakLine();
  }
}

const NO_CHILDREN: readonly HtmlNode[] = [];
const DISPLAY_NONE = /display\s*:\s*none/i;

function isHidden(node: HtmlNode): boolean {
  const attribs = node.attribs;
  if (attribs === undefined) {
    return false;
  }
  return 'hidden' in attribs || DISPLAY_NONE.test(attribs['style'] ?? '');
}

/** A cell holding more text than any cell of a report's table (a row label is at most ~40 characters). */
const LAYOUT_CELL_CHARS = 200;

/**
 * Whether a table without tables inside is page layout, not data: a single cell (a box around the
 * article), or a cell with more text than any cell of the template's tables (the article beside a
 * column of links). Many agency sites wrap the whole article so; read as one data table it was one cell.
 */
function isLayoutGrid(rows: readonly (readonly string[])[]): boolean {
  if (rows.length === 1 && rows[0]!.length === 1) {
    return true;
  }
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    for (let c = 0; c < row.length; c++) {
      if (row[c]!.length > LAYOUT_CELL_CHARS) {
        return true;
      }
    }
  }
  return false;
}

function containsTable(node: HtmlNode): boolean {
  const children = node.children ?? NO_CHILDREN;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.type === 'tag' && (child.name === 'table' || containsTable(child))) {
      return true;
    }
  }
  return false;
}

function findChild(node: HtmlNode, name: string): HtmlNode | undefined {
  return (node.children ?? []).find((child) => child.type === 'tag' && child.name === name);
}

/** The table's rows in document order: direct `<tr>` and those of thead/tbody/tfoot (no nested tables here). */
function tableRows(table: HtmlNode): HtmlNode[] {
  const rows: HtmlNode[] = [];
  const visit = (node: HtmlNode): void => {
    const children = node.children ?? NO_CHILDREN;
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (child.type !== 'tag') {
        continue;
      }
      if (child.name === 'tr') {
        rows.push(child);
      } else if (child.name !== 'caption' && child.name !== 'colgroup') {
        visit(child); // thead, tbody, tfoot, and stray wrappers (<form>, <div>) malformed pages put there
      }
    }
  };
  visit(table);
  return rows;
}

function rowCells(row: HtmlNode): HtmlNode[] {
  const cells: HtmlNode[] = [];
  const visit = (node: HtmlNode): void => {
    const children = node.children ?? NO_CHILDREN;
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (child.type !== 'tag') {
        continue;
      }
      if (child.name === 'td' || child.name === 'th') {
        cells.push(child);
      } else if (!SKIPPED_TAGS.has(child.name ?? '')) {
        visit(child);
      }
    }
  };
  visit(row);
  return cells;
}

function span(cell: HtmlNode, attribute: 'colspan' | 'rowspan', max: number): number {
  const value = Number.parseInt(cell.attribs?.[attribute] ?? '1', 10);
  if (Number.isNaN(value) || value < 1) {
    // rowspan="0" spans to the end of the table section; callers clip the span to the table anyway.
    return attribute === 'rowspan' && value === 0 ? max : 1;
  }
  return Math.min(value, max);
}

/**
 * Places every cell as the HTML table model does: each row's cells fill the first free positions
 * left to right, a spanned region is filled with '' after its first position. Rows are padded to
 * the table's width; spans reaching below the last row are cut off.
 */
function tableToGrid(table: HtmlNode): string[][] {
  const rows = tableRows(table);
  const grid: (string | undefined)[][] = rows.map(() => []);
  let positions = 0;
  // Grid columns where some cell begins: a column where none does is only the inside of merged cells.
  const starts: boolean[] = [];
  rows.forEach((row, rowIndex) => {
    const target = grid[rowIndex] ?? [];
    let column = 0;
    const cells = rowCells(row);
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i]!;
      while (target[column] !== undefined) {
        column += 1;
      }
      starts[column] = true;
      const colspan = span(cell, 'colspan', MAX_COLSPAN);
      const rowspan = Math.min(span(cell, 'rowspan', MAX_ROWSPAN), rows.length - rowIndex);
      const text = cellText(cell);
      positions += rowspan * colspan;
      if (positions > MAX_GRID_POSITIONS) {
        throw new SourceLimitError(`网页表格过大（合并单元格展开后超过 ${MAX_GRID_POSITIONS.toLocaleString('en-US')} 格），未读取`);
      }
      for (let down = 0; down < rowspan; down += 1) {
        const spanned = grid[rowIndex + down] ?? [];
        for (let across = 0; across < colspan; across += 1) {
          spanned[column + across] = down === 0 && across === 0 ? text : '';
        }
      }
      column += colspan;
    }
  });
  // Rows with no cell at all (<tr></tr>) hold no position; rows covered by a rowspan keep theirs.
  const placed = grid.filter((row) => row.some((value) => value !== undefined));
  const width = placed.reduce((widest, row) => Math.max(widest, row.length), 0);
  if (placed.length * width > MAX_GRID_POSITIONS) {
    throw new SourceLimitError(`网页表格过大（${placed.length} 行 × ${width} 列），未读取`);
  }
  // Columns no cell begins in are dropped (issue #9): a table laid out on a finer grid than its cells (Word's
  // tblGrid, every cell spanning two columns) reads as its cells, not with a blank between every two values.
  let kept = 0;
  for (let index = 0; index < width; index++) {
    if (starts[index] === true) {
      kept++;
    }
  }
  // Plain loops: Array.from with a map function was a tenth of reading an HTML report.
  const out: string[][] = [];
  for (let i = 0; i < placed.length; i++) {
    const row = placed[i]!;
    const padded: string[] = new Array(kept);
    let at = 0;
    for (let index = 0; index < width; index++) {
      if (starts[index] === true) {
        padded[at++] = row[index] ?? '';
      }
    }
    out.push(padded);
  }
  return out;
}

/** A cell's text: paragraphs and `<br>` inside the cell become '\n', other whitespace collapses. */
function cellText(cell: HtmlNode): string {
  const children = cell.children ?? [];
  if (children.length === 0) {
    return '';
  }
  const only = children.length === 1 ? children[0] : undefined;
  if (only !== undefined && only.type === 'text') {
    // The usual `<td>12</td>`: what the walk below makes of one text node, without a collector.
    return collapseWhitespace(only.data ?? '');
  }
  const collector = new BlockCollector();
  for (const child of cell.children ?? []) {
    walk(child, collector);
  }
  return collector
    .finish()
    .map((block) =>
      block.kind === 'text' ? block.text : block.rows.map((row) => row.filter((value) => value !== '').join(' ')).join('\n'),
    )
    .join('\n');
}
