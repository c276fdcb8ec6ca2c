// The shared first step of every upload (staff CLI and API, the portal's application form): check each
// file (size, type by content, name) and the count per case, and refuse them all together with one
// Chinese message per problem under the field `attachments` — before anything is written.
import { type AttachmentLimits, type AttachmentSource, checkAttachment, checkAttachmentCount } from '#core/attachments/check-attachment.ts';
import { DomainError } from '#core/shared/domain-error.ts';
import type { IncomingFile, NewAttachment } from './attachment-ports.ts';
import type { BlobStore } from './blob-store.ts';

/** The field every attachment problem is reported under (the form's file input has this name). */
export const ATTACHMENTS_FIELD = 'attachments';

export interface CheckedFile {
  readonly bytes: Uint8Array;
  readonly mediaType: string;
  readonly fileName: string;
  readonly size: number;
}

/** The problems of a set of files, or the checked files (none refused). */
export function checkIncomingFiles(
  files: readonly IncomingFile[],
  limits: AttachmentLimits,
  existing: number,
): { readonly ok: true; readonly files: CheckedFile[] } | { readonly ok: false; readonly message: string } {
  const problems: string[] = [];
  const tooMany = checkAttachmentCount(existing, files.length, limits);
  if (tooMany !== undefined) {
    problems.push(tooMany);
  }
  const checked: CheckedFile[] = [];
  for (const file of files) {
    const result = checkAttachment(file, limits);
    if (result.ok) {
      checked.push({ bytes: file.bytes, mediaType: result.mediaType, fileName: result.fileName, size: result.size });
    } else {
      problems.push(result.message);
    }
  }
  return problems.length > 0 ? { ok: false, message: problems.join('；') } : { ok: true, files: checked };
}

/** INVALID_INPUT naming the attachment problems (nothing has been written). */
export const attachmentRefusal = (message: string): DomainError =>
  new DomainError('INVALID_INPUT', `附件有误：${message}`, { fields: { [ATTACHMENTS_FIELD]: message } });

/**
 * Writes the checked files' bytes to the blob store (each content once) and returns their rows-to-be.
 * Runs before the transaction that records the rows: a transaction that then fails leaves blobs no row
 * refers to, which `sweepUnreferencedBlobs` removes later — never a row without its blob.
 */
export async function storeBlobs(blobs: BlobStore, files: readonly CheckedFile[], source: AttachmentSource): Promise<NewAttachment[]> {
  const stored: NewAttachment[] = [];
  for (const file of files) {
    const { sha256 } = await blobs.put(file.bytes);
    stored.push({ sha256, size: file.size, mediaType: file.mediaType, fileName: file.fileName, source });
  }
  return stored;
}
