// Schemas of the attachment endpoints, for /api/openapi.json (the multipart body is read by
// read-upload.ts; its problems come back as field `attachments`).
import { z } from 'zod';
import { ATTACHMENT_SOURCES } from '#core/attachments/check-attachment.ts';
import { ACCEPTED_TYPES_TEXT } from '#core/attachments/detect-attachment-type.ts';

export const attachmentUploadSchema = z
  .object({
    attachments: z
      .array(z.string().meta({ format: 'binary' }))
      .min(1)
      .meta({ description: `一个或多个文件（同名字段多次）。按内容识别类型：${ACCEPTED_TYPES_TEXT}；有一个被拒绝则全部不保存` }),
    channel: z.enum(ATTACHMENT_SOURCES).optional().meta({ description: '附件来源，默认 staff（工作人员上传）' }),
  })
  .meta({ id: 'AttachmentUpload', description: 'multipart/form-data' });

export const attachmentSchema = z
  .object({
    id: z.number().int(),
    caseCode: z.string(),
    fileName: z.string().meta({ description: '安全处理后的原文件名（扩展名与识别出的类型一致）' }),
    mediaType: z.string().meta({ description: '按内容识别的类型' }),
    size: z.number().int(),
    sha256: z.string(),
    source: z.enum(ATTACHMENT_SOURCES),
    sourceLabel: z.string(),
    uploadedBy: z.string(),
    uploadedAt: z.string(),
  })
  .meta({ id: 'Attachment' });

export const attachmentListSchema = z.object({ caseCode: z.string(), items: z.array(attachmentSchema) }).meta({ id: 'AttachmentList' });
