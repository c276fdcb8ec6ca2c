// A reply letter (告知书) as a Word document in the layout of official documents (GB/T 9704-2012):
// A4, 二号 宋体 title, the 文号 line under it, 三号 仿宋 body with two-character indents, the addressee
// flush left, and the 落款 (organ name and date) right-aligned at the foot.

import { AlignmentType, Document, LineRuleType, Packer, Paragraph, TextRun } from 'docx';
import type { MergedLetter } from '#core/letters/merge-letter.ts';

const CM = 567;
const A4 = { width: 11906, height: 16838 } as const;
// GB/T 9704-2012 §5.2.1: top 37 mm, left 28 mm, text block 156 × 225 mm.
const MARGIN = { top: Math.round(3.7 * CM), bottom: Math.round(3.5 * CM), left: Math.round(2.8 * CM), right: Math.round(2.6 * CM) };

const latin = 'Times New Roman';
const FONT = {
  body: { ascii: latin, hAnsi: latin, cs: latin, eastAsia: '仿宋' },
  title: { ascii: latin, hAnsi: latin, cs: latin, eastAsia: '宋体' },
} as const;
/** 二号 22 pt title, 三号 16 pt body (half-points). */
const SIZE = { title: 44, body: 32 } as const;
/** Fixed 28 pt lines, about 22 lines a page. */
const BODY_LINE = 560;
const INDENT_TWO_CHARS = 2 * (SIZE.body / 2) * 20;

const text = (value: string) => [new TextRun(value)];

/** Renders a merged letter as DOCX bytes: title, 文号 line, addressee, body paragraphs, 落款 and date. */
export async function renderLetterDocx(letter: MergedLetter): Promise<Uint8Array> {
  const children: Paragraph[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 700, lineRule: LineRuleType.EXACT, after: BODY_LINE / 2 },
      children: [new TextRun({ text: letter.title, font: FONT.title, size: SIZE.title, bold: true })],
    }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: BODY_LINE }, children: text(letter.docNumber) }),
    ...(letter.addressee === '' ? [] : [new Paragraph({ children: text(letter.addressee) })]),
    ...letter.paragraphs.map((p) => new Paragraph({ indent: { firstLine: INDENT_TWO_CHARS }, children: text(p) })),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right: INDENT_TWO_CHARS },
      spacing: { before: BODY_LINE * 2 },
      children: text(letter.signature.agencyName),
    }),
    new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: INDENT_TWO_CHARS }, children: text(letter.signature.date) }),
  ];
  const document = new Document({
    title: letter.title,
    creator: letter.signature.agencyName,
    styles: {
      default: {
        document: {
          run: { font: FONT.body, size: SIZE.body, language: { value: 'en-US', eastAsia: 'zh-CN' } },
          paragraph: { spacing: { line: BODY_LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 } },
        },
      },
    },
    sections: [
      {
        properties: { page: { size: { width: A4.width, height: A4.height }, margin: { ...MARGIN, header: 851, footer: 992 } } },
        children,
      },
    ],
  });
  const buffer = await Packer.toBuffer(document);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
