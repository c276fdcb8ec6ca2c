// 告知书模板 (/console/admin/{slug}/templates, 机构管理员): one template per outcome family, the shipped
// default unless the agency saved its own; an edit page per family with the merge fields it may use.
import { html } from 'hono/html';
import type { TemplateView } from '#app/manage-letter-templates.ts';
import { MERGE_FIELDS } from '#core/letters/letter-template.ts';
import type { Html } from '../../portal/layout.ts';
import { errorSummary, type FormState, noticeBox, textareaField, textField } from './admin-form.ts';

const base = (slug: string) => `/console/admin/${encodeURIComponent(slug)}/templates`;

export function renderTemplatesMain(d: {
  readonly agency: { readonly slug: string; readonly name: string };
  readonly templates: readonly TemplateView[];
  readonly notice?: string;
}): Html {
  return html`<h1>${d.agency.name}：告知书模板</h1>
${noticeBox(d.notice)}
<p>每类办理结果一份答复书模板。未自行设置时使用随程序发布的默认模板（含救济途径告知）。</p>
<table class="data" id="templates">
<thead><tr><th scope="col">类别</th><th scope="col">标题</th><th scope="col">来源</th><th scope="col">操作</th></tr></thead>
<tbody>${d.templates.map(
    (t) =>
      html`<tr><th scope="row">${t.familyLabel}</th><td>${t.title}</td><td>${t.source === 'agency' ? '本机构模板' : '默认模板'}</td><td><a href="${base(d.agency.slug)}/${t.family}">编辑<span class="visually-hidden">${t.familyLabel}模板</span></a></td></tr>`,
  )}</tbody>
</table>`;
}

export const TEMPLATE_FIELD_LABELS = { title: '标题', addressee: '称谓', body: '正文' } as const;

export function renderTemplateEditMain(d: {
  readonly agency: { readonly slug: string; readonly name: string };
  readonly template: TemplateView;
  readonly csrf: Html;
  readonly state?: FormState;
}): Html {
  const t = d.template;
  const action = `${base(d.agency.slug)}/${t.family}`;
  return html`<h1>编辑告知书模板：${t.familyLabel}</h1>
<p>当前使用：${t.source === 'agency' ? '本机构模板' : '默认模板'}。正文每行一段；用 <code>{{字段名}}</code> 插入合并字段，且须保留 <code>{{remedyNotice}}</code>（救济途径告知）。</p>
${errorSummary(d.state, 'template', TEMPLATE_FIELD_LABELS)}
<form method="post" action="${action}" novalidate>${d.csrf}
${textField(d.state, 'template', 'title', '标题', { value: t.title, maxlength: 100 })}
${textField(d.state, 'template', 'addressee', '称谓', { value: t.addressee, maxlength: 200 })}
${textareaField(d.state, 'template', 'body', '正文', { value: t.body, rows: 16, maxlength: 20_000 })}
<button type="submit">保存模板</button>
</form>
${
  t.source === 'agency'
    ? html`<form method="post" action="${action}/reset">${d.csrf}<button type="submit" class="danger">恢复默认模板</button></form>`
    : ''
}
<h2 id="fields-title">可用的合并字段</h2>
<table class="data" aria-labelledby="fields-title"><thead><tr><th scope="col">字段</th><th scope="col">内容</th></tr></thead><tbody>${Object.entries(
    MERGE_FIELDS,
  ).map(([name, meaning]) => html`<tr><td><code>{{${name}}}</code></td><td>${meaning}</td></tr>`)}</tbody></table>
<p><a href="${base(d.agency.slug)}">返回模板列表</a></p>`;
}
