// Use cases of attachments on an existing case (issue #7 staff entry, issue #8 console): attach files,
// list them, read one for download, and sweep blobs no row refers to any more.
import {
  ATTACHMENT_SOURCE_LABEL,
  ATTACHMENT_SOURCES,
  type AttachmentLimits,
  type AttachmentSource,
} from '#core/attachments/check-attachment.ts';
import { DomainError } from '#core/shared/domain-error.ts';
import type { StoredCase } from '../case-ports.ts';
import { requireCase } from '../cases/case-context.ts';
import type { AttachmentDeps, AttachmentStore, IncomingFile, StoredAttachment } from './attachment-ports.ts';
import type { BlobStore } from './blob-store.ts';
import { ATTACHMENTS_FIELD, attachmentRefusal, checkIncomingFiles, storeBlobs } from './check-incoming-files.ts';

/** An attachment as the API, the CLI and the console show it. */
export interface AttachmentView {
  readonly id: number;
  readonly caseCode: string;
  readonly fileName: string;
  readonly mediaType: string;
  readonly size: number;
  readonly sha256: string;
  readonly source: AttachmentSource;
  readonly sourceLabel: string;
  readonly uploadedBy: string;
  readonly uploadedAt: string;
}

export const attachmentView = (caseCode: string, row: StoredAttachment): AttachmentView => ({
  id: row.id,
  caseCode,
  fileName: row.fileName,
  mediaType: row.mediaType,
  size: row.size,
  sha256: row.sha256,
  source: row.source,
  sourceLabel: ATTACHMENT_SOURCE_LABEL[row.source],
  uploadedBy: row.uploadedBy,
  uploadedAt: row.uploadedAt,
});

/** A source given by a caller (CLI option, form field), checked; undefined when not given. */
export function parseAttachmentSource(value: unknown): AttachmentSource | undefined {
  if (value === undefined || value === null || value === '') {
    return undefined;
  }
  if (typeof value === 'string' && (ATTACHMENT_SOURCES as readonly string[]).includes(value)) {
    return value as AttachmentSource;
  }
  throw new DomainError('INVALID_INPUT', `附件来源应为 ${ATTACHMENT_SOURCES.join('、')} 之一`, {
    fields: { source: `附件来源应为 ${ATTACHMENT_SOURCES.join('、')} 之一` },
  });
}

/**
 * Adds files to a case: all checked first (size, type by content, count), refused together with
 * nothing written; then the blobs, then the rows and an audit entry in one transaction with the case
 * locked (two concurrent uploads cannot pass the count limit together).
 */
export async function attachFiles(
  deps: AttachmentDeps,
  input: { readonly caseCode: string; readonly files: readonly IncomingFile[]; readonly source: AttachmentSource; readonly actor: string },
): Promise<AttachmentView[]> {
  if (input.files.length === 0) {
    throw attachmentRefusal('请选择要上传的文件');
  }
  const found = await requireCase(deps, input.caseCode);
  const existing = (await deps.attachments.listAttachments(found.agencyId, found.id)).length;
  const checked = checkIncomingFiles(input.files, deps.limits, existing);
  if (!checked.ok) {
    throw attachmentRefusal(checked.message);
  }
  const rows = await storeBlobs(deps.blobs, checked.files, input.source);
  return deps.cases.transaction(async (tx) => {
    const locked = await tx.lockCase(input.caseCode);
    if (locked === null) {
      throw new DomainError('NOT_FOUND', `未找到案件“${input.caseCode}”`);
    }
    const now = await tx.countAttachments(locked.agencyId, locked.id);
    const again = checkIncomingFiles([], deps.limits, now + rows.length);
    if (!again.ok) {
      throw new DomainError('CONFLICT', `附件数量已达上限：${again.message}`, { fields: { [ATTACHMENTS_FIELD]: again.message } });
    }
    const inserted = await tx.insertAttachments(locked.agencyId, locked.id, rows, input.actor);
    await tx.audit({
      agencyId: locked.agencyId,
      actor: input.actor,
      action: 'attachment.add',
      subject: `case:${locked.caseCode}`,
      before: { attachments: now },
      after: { attachments: now + inserted.length, added: inserted.map((a) => ({ id: a.id, fileName: a.fileName, sha256: a.sha256 })) },
    });
    return inserted.map((row) => attachmentView(locked.caseCode, row));
  });
}

/** A case's attachments, oldest first. */
export async function listAttachments(deps: Pick<AttachmentDeps, 'cases' | 'attachments'>, input: { readonly caseCode: string }) {
  const found: StoredCase = await requireCase(deps as AttachmentDeps, input.caseCode);
  const rows = await deps.attachments.listAttachments(found.agencyId, found.id);
  return rows.map((row) => attachmentView(found.caseCode, row));
}

/** One attachment with its bytes (for download); NOT_FOUND for an unknown case or id. */
export async function readAttachment(
  deps: Pick<AttachmentDeps, 'cases' | 'attachments' | 'blobs'>,
  input: { readonly caseCode: string; readonly id: number },
): Promise<{ readonly attachment: AttachmentView; readonly bytes: Uint8Array }> {
  const found = await requireCase(deps as AttachmentDeps, input.caseCode);
  const row = await deps.attachments.findAttachment(found.agencyId, found.id, input.id);
  if (row === null) {
    throw new DomainError('NOT_FOUND', `案件“${found.caseCode}”没有编号为 ${input.id} 的附件`);
  }
  const bytes = await deps.blobs.read(row.sha256);
  if (bytes === undefined) {
    throw new DomainError('UNAVAILABLE', `附件“${row.fileName}”的文件在数据目录中缺失（${row.sha256}），请从备份恢复`);
  }
  return { attachment: attachmentView(found.caseCode, row), bytes };
}

/** How long an unreferenced blob is kept: a request may have written it and not yet committed its row. */
export const SWEEP_GRACE_MS = 24 * 60 * 60 * 1000;

/**
 * Removes blobs no attachment row refers to (left by a request that failed after writing them, or by a
 * restore that replaced the rows), sparing those written or reused in the last `graceMs`.
 */
export async function sweepUnreferencedBlobs(
  deps: { readonly attachments: Pick<AttachmentStore, 'referencedBlobs'>; readonly blobs: BlobStore; readonly clock: { now(): Date } },
  input: { readonly graceMs?: number; readonly dryRun?: boolean } = {},
): Promise<{ readonly removed: readonly { sha256: string; size: number }[]; readonly kept: number; readonly location: string }> {
  // Blobs are listed before the references are read: a blob stored and committed in between is then
  // referenced, one stored but not yet committed is recent.
  const listed = await deps.blobs.list();
  const referenced = await deps.attachments.referencedBlobs();
  const cutoff = deps.clock.now().getTime() - (input.graceMs ?? SWEEP_GRACE_MS);
  const removed: { sha256: string; size: number }[] = [];
  for (const blob of listed) {
    if (!referenced.has(blob.sha256) && Date.parse(blob.touchedAt) < cutoff) {
      if (input.dryRun !== true) {
        await deps.blobs.remove(blob.sha256, new Date(cutoff));
      }
      removed.push({ sha256: blob.sha256, size: blob.size });
    }
  }
  return { removed, kept: listed.length - removed.length, location: deps.blobs.location };
}

export type { AttachmentLimits };
