// DOCX → SourceBlocks: the main document part (word/document.xml) read with htmlparser2 in XML mode and
// written as the plain HTML the HTML path reads — paragraphs as <p>, tables as <table> with the Word
// merges as colspan (w:gridSpan) and rowspan (w:vMerge) — then htmlToBlocks.
//
// It replaced mammoth (issue #9, hostile and huge input): mammoth converts every style, numbering and
// image through a DOM of its own and took 0.3–1 s for one generated report, 5 s for some damaged ones;
// this reads only what the reader uses, in time linear in the part, and a damaged XML part yields
// what can be read rather than nothing. What it leaves out, as the reader never used it: styles,
// numbering text (1. 2. …), images, footnotes, endnotes and comments. Tracked changes read as accepted
// (inserted text kept, deleted and moved-from text dropped); of a mc:AlternateContent only the
// fallback is read (the choice repeats it); a text box's paragraphs follow the paragraph holding it.
import { parseDocument } from 'htmlparser2';
import type { SourceBlock } from '#core/reports/report-model.ts';
import { type HtmlNode, htmlToBlocks } from './html-to-blocks.ts';
import { readZipEntry, type ZipEntry, zipEntries } from './zip-entries.ts';
import { MAX_XML_PART_BYTES } from './zip-limits.ts';

export type DocxBlocks = { readonly ok: true; readonly blocks: SourceBlock[] } | { readonly ok: false; readonly reason: string };

/** The WordprocessingML namespaces: transitional (what Word and WPS write) and strict. */
const WORD_NAMESPACES = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
]);
const MARKUP_COMPATIBILITY = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

/** htmlparser2's DOM in XML mode: the same node slice the HTML path walks. */
type XmlNode = HtmlNode;

/** Reads a DOCX file; a damaged or non-DOCX zip is a reason, never an exception. */
export async function docxToBlocks(bytes: Uint8Array): Promise<DocxBlocks> {
  const listed = zipEntries(bytes);
  if ('problem' in listed) {
    return { ok: false, reason: `DOCX 文件已损坏，无法打开（${listed.problem}）` };
  }
  const byName = new Map(listed.entries.map((entry) => [entry.name, entry]));
  const mainName = mainDocumentName(bytes, byName);
  const main = byName.get(mainName);
  if (main === undefined) {
    return { ok: false, reason: `DOCX 文件已损坏，无法打开（压缩包中没有正文部分 ${mainName}）` };
  }
  const xml = readPart(bytes, main);
  if (xml === undefined) {
    return { ok: false, reason: `DOCX 文件已损坏，无法打开（正文部分 ${mainName} 无法解压）` };
  }
  const html = documentHtml(xml);
  if (html === undefined) {
    return { ok: false, reason: `DOCX 文件的正文结构嵌套超过 ${MAX_DEPTH} 层，不是正常的文档，未读取` };
  }
  return { ok: true, blocks: htmlToBlocks(html) };
}

/** Deeper element nesting than this is no real document (Word nests tables a few levels); the walk stops. */
const MAX_DEPTH = 1000;

/** The main part named by the package relationships (_rels/.rels), else the usual word/document.xml. */
function mainDocumentName(bytes: Uint8Array, byName: ReadonlyMap<string, ZipEntry>): string {
  const rels = byName.get('_rels/.rels');
  const text = rels === undefined ? undefined : readPart(bytes, rels);
  const target = text === undefined ? undefined : /<Relationship\b[^>]*\/officeDocument"[^>]*>/.exec(text)?.[0];
  const name = target === undefined ? undefined : /\bTarget="([^"]+)"/.exec(target)?.[1];
  return name === undefined ? 'word/document.xml' : name.replace(/^\//, '');
}

function readPart(bytes: Uint8Array, entry: ZipEntry): string | undefined {
  const part = readZipEntry(bytes, entry, MAX_XML_PART_BYTES);
  if (part === undefined || part === 'too-large') {
    return undefined;
  }
  const utf16 = part[0] === 0xff && part[1] === 0xfe;
  return new TextDecoder(utf16 ? 'utf-16le' : 'utf-8').decode(part);
}

/** The document's paragraphs and tables as plain HTML (text escaped); undefined when nested past MAX_DEPTH. */
export function documentHtml(xml: string): string | undefined {
  const root = parseDocument(xml, { xmlMode: true, decodeEntities: true }) as unknown as XmlNode;
  const top = (root.children ?? []).find((n) => n.type === 'tag');
  const w = prefixOf(top, WORD_NAMESPACES) ?? 'w';
  const mc = prefixOf(top, new Set([MARKUP_COMPATIBILITY])) ?? 'mc';
  const names = {
    p: `${w}:p`,
    tbl: `${w}:tbl`,
    tr: `${w}:tr`,
    tc: `${w}:tc`,
    t: `${w}:t`,
    tab: `${w}:tab`,
    br: `${w}:br`,
    cr: `${w}:cr`,
    hyphen: `${w}:noBreakHyphen`,
    tcPr: `${w}:tcPr`,
    trPr: `${w}:trPr`,
    gridSpan: `${w}:gridSpan`,
    vMerge: `${w}:vMerge`,
    gridBefore: `${w}:gridBefore`,
    val: `${w}:val`,
    txbx: `${w}:txbxContent`,
    alternate: `${mc}:AlternateContent`,
    /** Never read: deleted and moved-from text, field codes, properties that hold no document text. */
    skipped: new Set([
      `${w}:del`,
      `${w}:moveFrom`,
      `${w}:delText`,
      `${w}:instrText`,
      `${w}:rPr`,
      `${w}:pPr`,
      `${w}:tblPr`,
      `${w}:tblGrid`,
      `${w}:sectPr`,
    ]),
  };
  const out: string[] = [];
  let tooDeep = false;
  const deeper = (depth: number): boolean => {
    if (depth > MAX_DEPTH) {
      tooDeep = true;
    }
    return !tooDeep;
  };

  /** Block content (body, cell, text box): paragraphs and tables, wherever wrappers (w:sdt, w:customXml) put them. */
  const blocks = (node: XmlNode, depth: number): void => {
    if (!deeper(depth)) {
      return;
    }
    for (const child of node.children ?? []) {
      if (child.type !== 'tag' || names.skipped.has(child.name ?? '')) {
        continue;
      }
      if (child.name === names.p) {
        paragraph(child, depth + 1);
      } else if (child.name === names.tbl) {
        table(child, depth + 1);
      } else if (child.name === names.alternate) {
        blocks(alternative(child), depth + 1);
      } else {
        blocks(child, depth + 1);
      }
    }
  };

  const paragraph = (node: XmlNode, depth: number): void => {
    const text: string[] = [];
    const boxes: XmlNode[] = [];
    const inline = (parent: XmlNode, at: number): void => {
      if (!deeper(at)) {
        return;
      }
      for (const child of parent.children ?? []) {
        if (child.type !== 'tag' || names.skipped.has(child.name ?? '')) {
          continue;
        }
        const name = child.name;
        if (name === names.t) {
          text.push(escapeHtml(textOf(child)));
        } else if (name === names.tab) {
          text.push('\t');
        } else if (name === names.br || name === names.cr) {
          text.push('<br>');
        } else if (name === names.hyphen) {
          text.push('-');
        } else if (name === names.txbx) {
          boxes.push(child);
        } else if (name === names.alternate) {
          inline(alternative(child), at + 1);
        } else if (name === names.p || name === names.tbl) {
          boxes.push({ type: 'tag', name: 'box', children: [child] }); // a block inside a paragraph: after it
        } else {
          inline(child, at + 1);
        }
      }
    };
    inline(node, depth);
    out.push(`<p>${text.join('')}</p>`);
    for (const box of boxes) {
      blocks(box, depth + 1);
    }
  };

  const table = (node: XmlNode, depth: number): void => {
    const rows = collect(node, names.tr, names.tbl);
    // Each row's cells with their grid column, width and vertical merge, to count rowspans.
    const grid = rows.map((row) => {
      let column = Number(attributeOf(first(first(row, names.trPr), names.gridBefore), names.val) ?? 0) || 0;
      return collect(row, names.tc, names.tbl).map((cell) => {
        const properties = first(cell, names.tcPr);
        const span = Math.max(1, Math.min(1000, Number(attributeOf(first(properties, names.gridSpan), names.val) ?? 1) || 1));
        const merge = first(properties, names.vMerge);
        const vMerge = merge === undefined ? 'none' : attributeOf(merge, names.val) === 'restart' ? 'restart' : 'continue';
        const placed = { cell, column, span, vMerge };
        column += span;
        return placed;
      });
    });
    out.push('<table>');
    grid.forEach((cells, r) => {
      out.push('<tr>');
      for (const { cell, column, span, vMerge } of cells) {
        if (vMerge === 'continue') {
          continue; // covered by the cell above that starts the merge
        }
        let rowspan = 1;
        if (vMerge === 'restart') {
          while (grid[r + rowspan]?.some((below) => below.column === column && below.vMerge === 'continue')) {
            rowspan += 1;
          }
        }
        out.push(`<td${span > 1 ? ` colspan="${span}"` : ''}${rowspan > 1 ? ` rowspan="${rowspan}"` : ''}>`);
        blocks(cell, depth + 2);
        out.push('</td>');
      }
      out.push('</tr>');
    });
    out.push('</table>');
  };

  const body = top === undefined ? undefined : first(top, `${w}:body`);
  if (body !== undefined) {
    blocks(body, 0);
  }
  return tooDeep ? undefined : out.join('');
}

/** The prefix the element declares for one of `namespaces` (xmlns:w="…"). */
function prefixOf(element: XmlNode | undefined, namespaces: ReadonlySet<string>): string | undefined {
  for (const [name, value] of Object.entries(element?.attribs ?? {})) {
    if (name.startsWith('xmlns:') && namespaces.has(value)) {
      return name.slice('xmlns:'.length);
    }
  }
  return undefined;
}

/** Of a mc:AlternateContent, the branch to read: its fallback, else its first choice. */
function alternative(node: XmlNode): XmlNode {
  const tags = (node.children ?? []).filter((c) => c.type === 'tag');
  return tags.find((c) => c.name?.endsWith(':Fallback')) ?? tags[0] ?? { type: 'tag', children: [] };
}

/** Descendants named `name`, not looking inside `stop` (a nested table's rows and cells are its own). */
function collect(node: XmlNode, name: string, stop: string): XmlNode[] {
  const found: XmlNode[] = [];
  const walk = (parent: XmlNode, depth: number) => {
    for (const child of parent.children ?? []) {
      if (child.type !== 'tag') {
        continue;
      }
      if (child.name === name) {
        found.push(child);
      } else if (child.name !== stop && depth < MAX_DEPTH) {
        walk(child, depth + 1);
      }
    }
  };
  walk(node, 0);
  return found;
}

function first(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return node?.children?.find((c) => c.type === 'tag' && c.name === name);
}

function attributeOf(node: XmlNode | undefined, name: string): string | undefined {
  return node?.attribs?.[name];
}

function textOf(node: XmlNode): string {
  let text = '';
  for (const child of node.children ?? []) {
    if (child.type === 'text' || child.type === 'cdata') {
      text += child.data ?? (child.children ?? []).map((c) => c.data ?? '').join('');
    }
  }
  return text;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}
