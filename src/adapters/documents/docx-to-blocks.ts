// DOCX → SourceBlocks through mammoth's HTML, which keeps table merges as colspan/rowspan
// (extractRawText would lose the table structure), then the HTML path.

import mammoth from 'mammoth';
import type { SourceBlock } from '#core/reports/report-model.ts';
import { htmlToBlocks } from './html-to-blocks.ts';

export type DocxBlocks = { readonly ok: true; readonly blocks: SourceBlock[] } | { readonly ok: false; readonly reason: string };

// Images are dropped: the default converter inlines each one as base64, costly and never read.
const noImages = mammoth.images.imgElement(async () => ({ src: '' }));

/** Reads a DOCX file; a damaged or non-DOCX zip is a reason, never an exception. */
export async function docxToBlocks(bytes: Uint8Array): Promise<DocxBlocks> {
  let html: string;
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const result = await mammoth.convertToHtml({ buffer }, { convertImage: noImages, externalFileAccess: false });
    html = result.value;
  } catch (error) {
    return { ok: false, reason: `DOCX 文件已损坏，无法打开（${describe(error)}）` };
  }
  return { ok: true, blocks: htmlToBlocks(html) };
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]?.slice(0, 200) ?? '';
}
