// The attachments of a case as a page fragment for the staff console's case page (issue #8: "attachment
// upload"): the list with download links and, for a role that may write, the upload form with the
// accepted types and limits said up front and a refusal beside the file input. Framework-neutral: the
// console passes its CSRF field and the action its route handles.
//
// In the console's case route (a sketch):
//   routes.post('/cases/:code/attachments', bodyLimit({ maxSize: uploadBodyLimit(limits) }), async (c) => {
//     const form = await readUploadForm(c);                       // #adapters/http/read-upload.ts
//     await services.attachments.attachFiles({ actor, caseCode, files: form.files[ATTACHMENTS_FIELD] ?? [],
//                                             channel: form.fields['channel'] });
//     return c.redirect(`/console/cases/${caseCode}#attachments`, 303);   // INVALID_INPUT: re-render with `error`
//   });
import { html } from 'hono/html';
import type { AttachmentView } from '#app/attachments/manage-attachments.ts';
import {
  ATTACHMENT_SOURCE_LABEL,
  ATTACHMENT_SOURCES,
  type AttachmentLimits,
  type AttachmentSource,
  formatBytes,
} from '#core/attachments/check-attachment.ts';
import { ACCEPTED_TYPES_TEXT, ATTACHMENT_TYPE_INFO, ATTACHMENT_TYPES } from '#core/attachments/detect-attachment-type.ts';
import type { Html } from '../portal/layout.ts';

export interface AttachmentsPanelInput {
  readonly caseCode: string;
  readonly items: readonly AttachmentView[];
  readonly limits: AttachmentLimits;
  /** Where the upload form posts (a console route); absent: no form (a read-only role). */
  readonly uploadAction?: string;
  /** The hidden CSRF input of the console's session (e.g. `csrfField(c)`). */
  readonly csrfField?: Html;
  /** A refusal to show beside the file input (the INVALID_INPUT `fields.attachments` message). */
  readonly error?: string;
  /** The source preselected in the form (default: staff). */
  readonly source?: AttachmentSource;
  /** The download URL of an item (default: the staff API's, which answers with `attachment` and nosniff). */
  readonly downloadHref?: (item: AttachmentView) => string;
}

const ACCEPT = ATTACHMENT_TYPES.flatMap((type) => ATTACHMENT_TYPE_INFO[type].extensions.map((ext) => `.${ext}`)).join(',');

/** `2026-03-02T02:00:00Z` → `2026-03-02 10:00` (Beijing time, as staff read it). */
function beijingTime(iso: string): string {
  const instant = Date.parse(iso);
  if (Number.isNaN(instant)) {
    return iso;
  }
  return new Date(instant + 8 * 3600 * 1000).toISOString().slice(0, 16).replace('T', ' ');
}

export const defaultDownloadHref = (item: AttachmentView): string =>
  `/api/cases/${encodeURIComponent(item.caseCode)}/attachments/${item.id}`;

/** The list of a case's attachments and the upload form (section id `attachments`). */
export function renderAttachmentsPanel(input: AttachmentsPanelInput): Html {
  const href = input.downloadHref ?? defaultDownloadHref;
  const remaining = Math.max(0, input.limits.maxFiles - input.items.length);
  const list =
    input.items.length === 0
      ? html`<p>暂无附件。</p>`
      : html`<table class="attachments"><caption>附件（${input.items.length} 个）</caption><thead><tr><th scope="col">文件</th><th scope="col">类型</th><th scope="col">大小</th><th scope="col">来源</th><th scope="col">上传人</th><th scope="col">上传时间</th></tr></thead><tbody>${input.items.map(
          (item) =>
            html`<tr><td><a href="${href(item)}" download="${item.fileName}">${item.fileName}</a></td><td>${item.mediaType}</td><td>${formatBytes(item.size)}</td><td>${item.sourceLabel}</td><td>${item.uploadedBy}</td><td>${beijingTime(item.uploadedAt)}</td></tr>`,
        )}</tbody></table>`;
  const errorId = 'attachments-file-error';
  const form =
    input.uploadAction === undefined
      ? ''
      : remaining === 0
        ? html`<p>已达到每件申请 ${input.limits.maxFiles} 个附件的上限。</p>`
        : html`<form method="post" action="${input.uploadAction}" enctype="multipart/form-data">${input.csrfField ?? ''}
<div class="field"><label for="attachments-file">添加附件</label><span class="hint" id="attachments-file-hint">${ACCEPTED_TYPES_TEXT}；每个不超过 ${formatBytes(input.limits.maxBytes)}，还可上传 ${remaining} 个</span>${
            input.error === undefined ? '' : html`<span class="error" id="${errorId}">${input.error}</span>`
          }<input type="file" id="attachments-file" name="attachments" multiple required accept="${ACCEPT}" aria-describedby="attachments-file-hint${input.error === undefined ? '' : ` ${errorId}`}"${
            input.error === undefined ? '' : html` aria-invalid="true"`
          }></div>
<div class="field"><label for="attachments-channel">来源</label><select id="attachments-channel" name="channel">${ATTACHMENT_SOURCES.map(
            (source) =>
              html`<option value="${source}"${(input.source ?? 'staff') === source ? html` selected` : ''}>${ATTACHMENT_SOURCE_LABEL[source]}</option>`,
          )}</select></div>
<button type="submit">上传</button>
</form>`;
  return html`<section id="attachments" aria-labelledby="attachments-title"><h2 id="attachments-title">附件</h2>${list}${form}</section>`;
}
