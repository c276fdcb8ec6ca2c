// Reads a multipart/form-data upload (the staff API, the portal's application form, the console):
// the files of one field as IncomingFile (empty parts — a file input left empty — skipped) and the
// text fields. The body limit middleware in front caps what is buffered.
import type { Context } from 'hono';
import type { IncomingFile } from '#app/attachments/attachment-ports.ts';
import type { AttachmentLimits } from '#core/attachments/check-attachment.ts';

/** Largest multipart body for an upload: every file at the limit, plus 1 MiB for the other fields. */
export const uploadBodyLimit = (limits: AttachmentLimits): number => limits.maxFiles * limits.maxBytes + 1024 * 1024;

export const isMultipart = (c: Context): boolean => /^multipart\/form-data\s*;/i.test(c.req.header('content-type') ?? '');

export interface UploadForm {
  readonly fields: Readonly<Record<string, string>>;
  /** Files by field name, in the order sent. */
  readonly files: Readonly<Record<string, readonly IncomingFile[]>>;
}

type FormValue = string | File;

/** The form of a multipart or url-encoded body: the first value of each text field, every file per field. */
export async function readUploadForm(c: Context): Promise<UploadForm> {
  const body = (await c.req.parseBody({ all: true })) as Record<string, FormValue | FormValue[]>;
  const fields: Record<string, string> = {};
  const files: Record<string, IncomingFile[]> = {};
  for (const [name, value] of Object.entries(body)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (typeof item === 'string') {
        fields[name] ??= item;
      } else if (item.name !== '' || item.size > 0) {
        const list = files[name] ?? [];
        list.push({ name: item.name, bytes: new Uint8Array(await item.arrayBuffer()) });
        files[name] = list;
      }
    }
  }
  return { fields, files };
}
