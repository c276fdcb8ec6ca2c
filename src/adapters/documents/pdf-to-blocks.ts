// PDF → one text block through unpdf (pdf.js). Table cells come out as pdf.js orders them, one row
// or one cell per line; the core reader has a layout for that text.

import { extractText, getDocumentProxy } from 'unpdf';
import type { SourceBlock } from '#core/reports/report-model.ts';

export type PdfBlocks = { readonly ok: true; readonly blocks: SourceBlock[] } | { readonly ok: false; readonly reason: string };

export const REASON_PDF_NO_TEXT = 'PDF 中没有可提取的文字（可能是扫描件）';

/** Reads the text layer of every page, pages in order; a scan without text is a reason. */
export async function pdfToBlocks(bytes: Uint8Array): Promise<PdfBlocks> {
  let pages: string[];
  try {
    // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
    const pdf = await getDocumentProxy(bytes.slice(), { stopAtErrors: false });
    try {
      pages = (await extractText(pdf, { mergePages: false })).text;
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
  const text = pages
    .map((page) => page.replace(/\r\n?/g, '\n').trim())
    .filter((page) => page !== '')
    .join('\n');
  if (text.trim() === '') {
    return { ok: false, reason: REASON_PDF_NO_TEXT };
  }
  return { ok: true, blocks: [{ kind: 'text', text }] };
}
