// Attachment rows over drizzle (app/attachments/attachment-ports.ts): inserted inside the case
// transaction (the case store's transaction spreads attachmentTransactionOf), read by case, and the set
// of referenced hashes for the blob sweep.
import { and, asc, count, eq } from 'drizzle-orm';
import type { AttachmentStore, AttachmentTransaction, StoredAttachment } from '#app/attachments/attachment-ports.ts';
import type { DbAccess } from './lazy-database.ts';
import type { Db } from './open-database.ts';
import { attachments } from './schema/attachments.ts';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Handle = Db | Tx;

const columns = {
  id: attachments.id,
  agencyId: attachments.agencyId,
  caseId: attachments.caseId,
  sha256: attachments.sha256,
  size: attachments.size,
  mediaType: attachments.mediaType,
  fileName: attachments.fileName,
  source: attachments.source,
  uploadedBy: attachments.uploadedBy,
  uploadedAt: attachments.uploadedAt,
};

const toStored = (row: Record<string, unknown>): StoredAttachment => row as unknown as StoredAttachment;

export function attachmentTransactionOf(tx: Tx): AttachmentTransaction {
  return {
    async countAttachments(agencyId, caseId) {
      const [row] = await tx
        .select({ n: count() })
        .from(attachments)
        .where(and(eq(attachments.agencyId, agencyId), eq(attachments.caseId, caseId)));
      return Number(row?.n ?? 0);
    },
    async insertAttachments(agencyId, caseId, files, actor) {
      if (files.length === 0) {
        return [];
      }
      const rows = await tx
        .insert(attachments)
        .values(
          files.map((file) => ({
            agencyId,
            caseId,
            sha256: file.sha256,
            size: file.size,
            mediaType: file.mediaType as (typeof attachments.$inferInsert)['mediaType'],
            fileName: file.fileName,
            source: file.source,
            uploadedBy: actor,
          })),
        )
        .returning(columns);
      return rows.map(toStored).sort((a, b) => a.id - b.id);
    },
  };
}

function listOf(handle: Handle, agencyId: number, caseId: number) {
  return handle
    .select(columns)
    .from(attachments)
    .where(and(eq(attachments.agencyId, agencyId), eq(attachments.caseId, caseId)))
    .orderBy(asc(attachments.id));
}

export function createAttachmentStore(db: Db): AttachmentStore {
  return {
    async listAttachments(agencyId, caseId) {
      return (await listOf(db, agencyId, caseId)).map(toStored);
    },
    async findAttachment(agencyId, caseId, id) {
      const rows = await db
        .select(columns)
        .from(attachments)
        .where(and(eq(attachments.agencyId, agencyId), eq(attachments.caseId, caseId), eq(attachments.id, id)));
      return rows[0] === undefined ? null : toStored(rows[0]);
    },
    async referencedBlobs() {
      const rows = await db.selectDistinct({ sha256: attachments.sha256 }).from(attachments);
      return new Set(rows.map((row) => row.sha256));
    },
  };
}

/** The store opened on first use; on a data directory with nothing stored, reads answer "none". */
export function createLazyAttachmentStore(access: DbAccess): AttachmentStore {
  return {
    async listAttachments(agencyId, caseId) {
      const db = await access.read();
      return db === undefined ? [] : createAttachmentStore(db).listAttachments(agencyId, caseId);
    },
    async findAttachment(agencyId, caseId, id) {
      const db = await access.read();
      return db === undefined ? null : createAttachmentStore(db).findAttachment(agencyId, caseId, id);
    },
    async referencedBlobs() {
      const db = await access.read();
      return db === undefined ? new Set<string>() : createAttachmentStore(db).referencedBlobs();
    },
  };
}
