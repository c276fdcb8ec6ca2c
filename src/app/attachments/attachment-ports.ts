// Ports of the attachment use cases (issues #7, #8): the rows in the database (which case, what type,
// whose upload) and the blob store with the bytes (blob-store.ts). Rows are written inside the case
// transaction (CaseTransaction.insertAttachments), so an application and its files commit together.
import type { AttachmentLimits, AttachmentSource } from '#core/attachments/check-attachment.ts';
import type { CaseDeps } from '../case-ports.ts';
import type { BlobStore } from './blob-store.ts';

/** A file as it arrived (HTTP part, file on disk): what the uploader called it and its bytes. Untrusted. */
export interface IncomingFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** A checked file whose bytes are already in the blob store: what its row records. */
export interface NewAttachment {
  readonly sha256: string;
  readonly size: number;
  readonly mediaType: string;
  readonly fileName: string;
  readonly source: AttachmentSource;
}

/** An attachment row as staff see it. */
export interface StoredAttachment {
  readonly id: number;
  readonly agencyId: number;
  readonly caseId: number;
  readonly sha256: string;
  readonly size: number;
  readonly mediaType: string;
  readonly fileName: string;
  readonly source: AttachmentSource;
  readonly uploadedBy: string;
  /** ISO instant. */
  readonly uploadedAt: string;
}

/** Attachment rows written in a case transaction (implemented by the case store's transaction). */
export interface AttachmentTransaction {
  countAttachments(agencyId: number, caseId: number): Promise<number>;
  insertAttachments(agencyId: number, caseId: number, files: readonly NewAttachment[], actor: string): Promise<StoredAttachment[]>;
}

/** Reading attachment rows. */
export interface AttachmentStore {
  listAttachments(agencyId: number, caseId: number): Promise<StoredAttachment[]>;
  findAttachment(agencyId: number, caseId: number, id: number): Promise<StoredAttachment | null>;
  /** Every SHA-256 some row refers to (the sweep keeps these). */
  referencedBlobs(): Promise<ReadonlySet<string>>;
}

/** What the attachment use cases need: the case store and clock, the rows, the blobs and the limits. */
export interface AttachmentDeps extends CaseDeps {
  readonly attachments: AttachmentStore;
  readonly blobs: BlobStore;
  readonly limits: AttachmentLimits;
}
