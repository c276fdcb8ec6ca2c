// Attachments of applications (issue #7: scanned letters and files "stored by content hash outside the
// database"; issue #8: the portal's uploads). A row says which case a file belongs to, what it is
// (type detected from its bytes), its safe name, how it arrived and who added it when; the bytes live
// in the blob store under `sha256` (adapters/blobs), each content once however many rows name it.
import { sql } from 'drizzle-orm';
import { bigint, check, foreignKey, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { agencies } from './agencies.ts';
import { cases } from './cases.ts';

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/** core/attachments/detect-attachment-type.ts ATTACHMENT_MEDIA_TYPES (a test checks they agree). */
export const ATTACHMENT_MEDIA_TYPE_VALUES = [
  'application/pdf',
  'application/ofd',
  'image/jpeg',
  'image/png',
  'image/tiff',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/msword',
  'application/vnd.ms-excel',
  'text/plain',
] as const;

/** core/attachments/check-attachment.ts ATTACHMENT_SOURCES. */
export const ATTACHMENT_SOURCE_VALUES = ['online', 'in_person', 'post', 'fax', 'email', 'staff'] as const;

export const attachments = pgTable(
  'attachments',
  {
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    caseId: bigint('case_id', { mode: 'number' }).notNull(),
    /** Lower-case hex SHA-256 of the content: the blob's key. */
    sha256: text('sha256').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    /** Detected from the bytes, never taken from the name or the client. */
    mediaType: text('media_type', { enum: ATTACHMENT_MEDIA_TYPE_VALUES }).notNull(),
    /** The uploader's name for the file, made safe (core/attachments/attachment-file-name.ts). */
    fileName: text('file_name').notNull(),
    source: text('source', { enum: ATTACHMENT_SOURCE_VALUES }).notNull(),
    uploadedBy: text('uploaded_by').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'attachments_pkey', columns: [t.agencyId, t.id] }),
    foreignKey({ name: 'attachments_case_fk', columns: [t.agencyId, t.caseId], foreignColumns: [cases.agencyId, cases.id] }),
    index('attachments_case_idx').on(t.agencyId, t.caseId),
    index('attachments_sha256_idx').on(t.sha256),
    check('attachments_sha256_check', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    check('attachments_size_check', sql`${t.size} > 0`),
    check('attachments_media_type_check', sql`${t.mediaType} in (${inList(ATTACHMENT_MEDIA_TYPE_VALUES)})`),
    check('attachments_source_check', sql`${t.source} in (${inList(ATTACHMENT_SOURCE_VALUES)})`),
    check('attachments_file_name_check', sql`length(${t.fileName}) between 1 and 120`),
    check('attachments_uploaded_by_check', sql`length(${t.uploadedBy}) > 0`),
  ],
);
