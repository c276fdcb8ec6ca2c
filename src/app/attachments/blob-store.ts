// The port of the attachment files themselves (issue #7: "stored by content hash outside the
// database"): bytes stored under their SHA-256, written atomically, each content once. The rows that
// say which case a file belongs to live in the database (attachment-ports.ts); a blob no row refers to
// is garbage that `sweepUnreferencedBlobs` removes.

export interface StoredBlob {
  /** Lower-case hex SHA-256 of the content. */
  readonly sha256: string;
  readonly size: number;
  /** When it was last written or deduplicated (ISO instant): the sweep spares recent blobs. */
  readonly touchedAt: string;
}

export interface BlobStore {
  /**
   * Stores the bytes under their SHA-256 and answers it. A new blob is written to a temporary file,
   * synced and renamed into place (never half visible); content already stored is not written again
   * (`created: false`), only marked as just used.
   */
  put(bytes: Uint8Array): Promise<{ readonly sha256: string; readonly created: boolean }>;
  /** The content, or undefined when no such blob is stored. */
  read(sha256: string): Promise<Uint8Array | undefined>;
  has(sha256: string): Promise<boolean>;
  /** Every stored blob (order unspecified). */
  list(): Promise<readonly StoredBlob[]>;
  /**
   * Removes a blob — only when it was not written or reused since `untouchedSince`, when given (a
   * request deduplicating onto it meanwhile keeps it). Removing an absent blob is no error.
   */
  remove(sha256: string, untouchedSince?: Date): Promise<void>;
  /** Where the blobs live, for people (`db backup`, the sweep's report). */
  readonly location: string;
}

/** A SHA-256 in the form blobs are keyed by. */
export const isSha256 = (text: string): boolean => /^[0-9a-f]{64}$/.test(text);
