// Staff attachment endpoints (issues #7, #8): upload (multipart/form-data, field `attachments`, one or
// more files, optional `channel`), list, download. Access is checked like every /api/cases route (the
// case's agency against the caller's grants; outside them: 404 as for an unknown case) before the body
// is read. Downloads are always `attachment` with the stored (detected) type and nosniff, so nothing
// uploaded is ever rendered by the browser in this origin.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { contentDisposition } from '#core/attachments/attachment-file-name.ts';
import { DomainError } from '#core/shared/domain-error.ts';
import type { AttachmentServices, HttpServices } from '../../http-services.ts';
import type { StaffEnv } from '../../middleware/authenticate.ts';
import { isMultipart, readUploadForm, uploadBodyLimit } from '../../read-upload.ts';
import { caseFor } from './routes.ts';

const attachmentServices = (services: HttpServices): AttachmentServices => {
  if (services.attachments === undefined) {
    throw new DomainError('UNAVAILABLE', '附件存储未配置');
  }
  return services.attachments;
};

/** Registered on the /api/cases router. */
export function attachmentRoutes(services: () => HttpServices): Hono<StaffEnv> {
  const routes = new Hono<StaffEnv>();
  routes.post(
    '/:caseCode/attachments',
    async (c, next) => {
      const actor = c.get('actor');
      await caseFor(services(), actor, c.req.param('caseCode'), 'write');
      const limit = bodyLimit({
        maxSize: uploadBodyLimit(attachmentServices(services()).limits),
        onError: () => {
          throw new DomainError('PAYLOAD_TOO_LARGE', '上传的内容过大（超过附件数量上限 × 单个文件大小上限）');
        },
      });
      return limit(c, next);
    },
    async (c) => {
      const caseCode = c.req.param('caseCode');
      if (!isMultipart(c)) {
        throw new DomainError('INVALID_INPUT', '请以 multipart/form-data 上传附件（字段 attachments）', {
          fields: { attachments: '请以 multipart/form-data 上传附件' },
        });
      }
      const form = await readUploadForm(c);
      const items = await attachmentServices(services()).attachFiles({
        actor: c.get('actor'),
        caseCode,
        files: form.files['attachments'] ?? [],
        ...(form.fields['channel'] === undefined || form.fields['channel'] === '' ? {} : { channel: form.fields['channel'] }),
      });
      return c.json({ caseCode, items }, 201);
    },
  );
  routes.get('/:caseCode/attachments', async (c) => {
    const caseCode = c.req.param('caseCode');
    await caseFor(services(), c.get('actor'), caseCode, 'read');
    return c.json({ caseCode, items: await attachmentServices(services()).listAttachments({ caseCode }) });
  });
  routes.get('/:caseCode/attachments/:id{[0-9]{1,15}}', async (c) => {
    const caseCode = c.req.param('caseCode');
    await caseFor(services(), c.get('actor'), caseCode, 'read');
    const { attachment, bytes } = await attachmentServices(services()).readAttachment({ caseCode, id: Number(c.req.param('id')) });
    c.header('Content-Type', attachment.mediaType === 'text/plain' ? 'text/plain; charset=utf-8' : attachment.mediaType);
    c.header('Content-Disposition', contentDisposition(attachment.fileName));
    c.header('Content-Length', String(bytes.length));
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Content-Security-Policy', "default-src 'none'; sandbox");
    c.header('Cache-Control', 'private, no-store');
    c.header('ETag', `"${attachment.sha256}"`);
    return c.body(bytes as Uint8Array<ArrayBuffer>);
  });
  return routes;
}
