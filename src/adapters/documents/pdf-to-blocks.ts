// PDF → one text block through unpdf (pdf.js). Lines are rebuilt from pdf.js text items: table cells
// come out one row or one cell per line, and the core reader has a layout for that text.

import { getDocumentProxy } from 'unpdf';
import type { SourceBlock } from '#core/reports/report-model.ts';

export type PdfBlocks = { readonly ok: true; readonly blocks: SourceBlock[] } | { readonly ok: false; readonly reason: string };

export const REASON_PDF_NO_TEXT = 'PDF 中没有可提取的文字（可能是扫描件）';

/** The slice of a pdf.js text item this reader uses. */
interface TextItem {
  readonly str: string;
  readonly width: number;
  readonly height: number;
  readonly transform: readonly number[];
  readonly hasEOL: boolean;
}

/**
 * Gaps narrower than this share of the font size, next to a CJK character, are typesetting: Word
 * and LibreOffice put a quarter-em between Chinese and Latin or digits (自 2023 年), which the
 * source text does not have. Table cell gaps are cell padding, several times wider.
 */
const AUTOSPACE_EM = 0.4;

/** Reads the text layer of every page, pages in order; a scan without text is a reason. */
export async function pdfToBlocks(bytes: Uint8Array): Promise<PdfBlocks> {
  const lines: string[] = [];
  try {
    // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
    const pdf = await getDocumentProxy(bytes.slice(), { stopAtErrors: false, verbosity: 0 });
    try {
      for (let pageNumber = 1; pageNumber <= pdf.numPages; pageNumber += 1) {
        const page = await pdf.getPage(pageNumber);
        const content = await page.getTextContent();
        lines.push(...itemsToLines(content.items.filter((item): item is typeof item & TextItem => 'str' in item)));
        page.cleanup();
      }
    } finally {
      await pdf.loadingTask.destroy();
    }
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'PasswordException') {
      return { ok: false, reason: 'PDF 文件已加密，无法读取' };
    }
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `PDF 文件已损坏，无法打开（${message.split('\n')[0]?.slice(0, 200) ?? ''}）` };
  }
  if (lines.length === 0) {
    return { ok: false, reason: REASON_PDF_NO_TEXT };
  }
  return { ok: true, blocks: [{ kind: 'text', text: lines.join('\n') }] };
}

const isCjk = (char: string | undefined): boolean => char !== undefined && /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(char);

/** Joins a page's items into lines: pdf.js marks line ends; whitespace items are gaps to weigh. */
function itemsToLines(items: readonly TextItem[]): string[] {
  const lines: string[] = [];
  let line = '';
  let gap: number | undefined;
  let fontSize = 0;
  const endLine = (): void => {
    const text = line.trim();
    if (text !== '') {
      lines.push(text);
    }
    line = '';
    gap = undefined;
  };
  for (const item of items) {
    const text = item.str.replace(/\s+/g, ' ');
    if (text === ' ') {
      gap = (gap ?? 0) + Math.abs(item.width);
    } else if (text !== '') {
      if (gap !== undefined && line !== '') {
        const isAutospace = gap < fontSize * AUTOSPACE_EM && (isCjk(line.at(-1)) || isCjk(text[0]));
        line += isAutospace || line.endsWith(' ') || text.startsWith(' ') ? '' : ' ';
      }
      gap = undefined;
      line += text;
      fontSize = item.height > 0 ? item.height : Math.hypot(item.transform[2] ?? 0, item.transform[3] ?? 0);
    }
    if (item.hasEOL) {
      endLine();
    }
  }
  endLine();
  return lines;
}
