// The console's attachments fragment: links to the staff API's download, escaped names, the upload
// form only for a role that may write, the limits and a refusal beside the file input.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { html } from 'hono/html';
import type { AttachmentView } from '#app/attachments/manage-attachments.ts';
import { renderAttachmentsPanel } from '#web/attachments/attachments-panel.ts';

const ITEM: AttachmentView = {
  id: 7,
  caseCode: 'GK2026-000012',
  fileName: '来信<扫描>.pdf',
  mediaType: 'application/pdf',
  size: 3 * 1024 * 1024,
  sha256: 'a'.repeat(64),
  source: 'post',
  sourceLabel: '邮寄',
  uploadedBy: 'officer-a',
  uploadedAt: '2026-03-02T02:00:00Z',
};
const LIMITS = { maxBytes: 20 * 1024 * 1024, maxFiles: 10 };

test('the list links each file to the staff API download, escaped, with Beijing time', async () => {
  const text = String(await renderAttachmentsPanel({ caseCode: ITEM.caseCode, items: [ITEM], limits: LIMITS }));
  assert.match(text, /<a href="\/api\/cases\/GK2026-000012\/attachments\/7" download="来信&lt;扫描&gt;.pdf">来信&lt;扫描&gt;.pdf<\/a>/);
  assert.match(text, /<td>3 MB<\/td><td>邮寄<\/td><td>officer-a<\/td><td>2026-03-02 10:00<\/td>/);
  assert.ok(!text.includes('<form'), 'no upload form without an action (read-only role)');
});

test('the upload form: multipart, the CSRF field, limits, and a refusal beside the input', async () => {
  const text = String(
    await renderAttachmentsPanel({
      caseCode: ITEM.caseCode,
      items: [ITEM],
      limits: LIMITS,
      uploadAction: '/console/cases/GK2026-000012/attachments',
      csrfField: html`<input type="hidden" name="_csrf" value="tok">`,
      error: '“x.exe”：不接受可执行文件（程序）',
    }),
  );
  assert.match(
    text,
    /<form method="post" action="\/console\/cases\/GK2026-000012\/attachments" enctype="multipart\/form-data"><input type="hidden" name="_csrf" value="tok">/,
  );
  assert.match(text, /每个不超过 20 MB，还可上传 9 个/);
  assert.match(
    text,
    /<span class="error" id="attachments-file-error">“x.exe”：不接受可执行文件（程序）<\/span><input type="file" id="attachments-file" name="attachments" multiple required/,
  );
  assert.match(text, /aria-invalid="true"/);
  assert.match(text, /<option value="staff" selected>工作人员上传<\/option>/);
  const full = String(
    await renderAttachmentsPanel({ caseCode: ITEM.caseCode, items: [ITEM], limits: { maxBytes: 1024, maxFiles: 1 }, uploadAction: '/x' }),
  );
  assert.match(full, /已达到每件申请 1 个附件的上限/);
});
