// The reply letter (告知书) of a case as an HTML preview in the console (issue #8): the same merged
// letter the DOCX download renders (render-case-letter use case), laid out title, 文号, addressee,
// body, 落款.
import { html } from 'hono/html';
import type { MergedLetter } from '#core/letters/merge-letter.ts';
import type { Html } from '../../portal/layout.ts';

export function renderLetterPreview(caseCode: string, letter: MergedLetter): Html {
  return html`<h1>告知书预览：${caseCode}</h1>
<p><a href="/console/cases/${caseCode}/letter.docx">下载告知书（DOCX）</a> · <a href="/console/cases/${caseCode}">返回案件</a></p>
<article class="letter" aria-label="告知书正文">
<h2 class="letter-title">${letter.title}</h2>
<p class="doc-number">${letter.docNumber}</p>
<p>${letter.addressee}</p>
${letter.paragraphs.map((paragraph) => html`<p class="body">${paragraph}</p>`)}
<p class="signature">${letter.signature.agencyName}<br>${letter.signature.date}</p>
</article>`;
}
