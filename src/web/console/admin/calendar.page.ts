// 日历管理 (/console/admin/calendar, 系统管理员): the years with holiday data and every recorded change
// (who, when, why), the import form (upload or paste the JSON `gongkai calendar import` takes), and
// the preview of an import — what changes and which open cases' due dates move — before the confirm step.
import { html } from 'hono/html';
import type { CalendarImportPreview } from '#app/import-calendar-year.ts';
import type { CalendarYearSummary } from '#app/list-calendar-years.ts';
import type { CalendarChange } from '#app/ports.ts';
import type { Html } from '../../portal/layout.ts';
import { errorSummary, type FormState, noticeBox, textareaField, textField } from './admin-form.ts';

export const CALENDAR_PATH = '/console/admin/calendar';
export const CALENDAR_FIELD_LABELS = {
  file: '日历文件',
  text: '日历数据（JSON）',
  year: '年份',
  effectiveFrom: '生效日期',
  reason: '变更原因',
} as const;

export interface CalendarPageData {
  readonly years: readonly CalendarYearSummary[];
  readonly history: readonly Omit<CalendarChange, 'entry'>[];
  readonly shippedSource: string;
  readonly csrf: Html;
  readonly state?: FormState;
  readonly notice?: string;
}

/** An ISO instant as Beijing time, `2026-03-02 10:00`. */
export function beijingTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return iso;
  }
  return new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

export function renderCalendarMain(d: CalendarPageData): Html {
  return html`<h1>日历管理</h1>
${noticeBox(d.notice)}
<p>节假日和调休安排适用于本实例的全部机构，决定所有答复期限。随程序发布的数据来源：${d.shippedSource}。</p>
<table class="data" id="calendar-years">
<caption>有节假日数据的年份</caption>
<thead><tr><th scope="col">年份</th><th scope="col">来源</th><th scope="col">工作日数（现行）</th><th scope="col">放假安排（现行）</th><th scope="col">管理员变更</th></tr></thead>
<tbody>${d.years.map(
    (y) =>
      html`<tr><th scope="row">${y.year}年</th><td>${
        y.changes.length === 0 ? '随程序发布' : y.shipped ? '随程序发布，经管理员导入更新' : '管理员导入'
      }${y.pending ? html`<br><strong>有尚未生效的变更</strong>` : ''}</td><td>${y.workingDays}</td><td>${
        y.breaks.length === 0 ? '—' : y.breaks.join('；')
      }</td><td>${y.changes.length === 0 ? '无' : `${y.changes.length} 次，最近 ${beijingTime(y.changes.at(-1)?.when ?? '')}`}</td></tr>`,
  )}</tbody>
</table>
<section aria-labelledby="history-title">
<h2 id="history-title">变更记录</h2>
${
  d.history.length === 0
    ? html`<p class="empty">还没有管理员变更，全部使用随程序发布的数据。</p>`
    : html`<table class="data" id="calendar-history"><thead><tr><th scope="col">序号</th><th scope="col">年份</th><th scope="col">生效日期</th><th scope="col">变更内容</th><th scope="col">操作人</th><th scope="col">时间（北京时间）</th><th scope="col">原因</th><th scope="col">文件</th></tr></thead><tbody>${[
        ...d.history,
      ]
        .reverse()
        .map(
          (c) =>
            html`<tr><td>${c.seq}</td><td>${c.year}</td><td>${c.effectiveFrom}</td><td>${c.what}</td><td>${c.who}</td><td>${beijingTime(c.when)}</td><td>${c.reason ?? '—'}</td><td>${c.sourceFile ?? '—'}</td></tr>`,
        )}</tbody></table>`
}
</section>
<section aria-labelledby="import-title">
<h2 id="import-title">导入一年的节假日安排</h2>
<p>上传或粘贴与 <code>gongkai calendar import</code> 相同格式的 JSON（一年的数据，或 <code>{"years": {"2027": …}}</code>）。提交后先显示预览：变更内容和答复期限将改变的办理中案件；确认后才会导入。</p>
${errorSummary(d.state, 'import', CALENDAR_FIELD_LABELS)}
<form method="post" action="${CALENDAR_PATH}/preview" enctype="multipart/form-data" novalidate>${d.csrf}
<div class="field"><label for="import-file">日历文件</label><span class="hint" id="import-file-hint">JSON 文件，不超过 256 KB；也可以在下方粘贴</span>${
    d.state?.form === 'import' && d.state.errors['file'] !== undefined
      ? html`<span class="error" id="import-file-error">${d.state.errors['file']}</span>`
      : ''
  }<input type="file" id="import-file" name="file" accept=".json,application/json" aria-describedby="import-file-hint${
    d.state?.form === 'import' && d.state.errors['file'] !== undefined ? ' import-file-error' : ''
  }"></div>
${textareaField(d.state, 'import', 'text', '或粘贴日历数据（JSON）', { rows: 10, maxlength: 262_144 })}
${textField(d.state, 'import', 'year', '年份（文件含多个年份时必填）', { maxlength: 4 })}
${textField(d.state, 'import', 'effectiveFrom', '生效日期（留空为今天）', { type: 'date', hint: '该日及以后的期限计算使用新数据' })}
${textField(d.state, 'import', 'reason', '变更原因', { maxlength: 200, hint: '如：国务院办公厅关于2027年部分节假日安排的通知' })}
<button type="submit">预览</button>
</form>
</section>`;
}

/** The hidden copy of what was submitted, carried by the confirm form. */
export interface CalendarSubmission {
  readonly text: string;
  readonly fileName: string;
  readonly year: string;
  readonly effectiveFrom: string;
  readonly reason: string;
}

export function renderCalendarPreviewMain(d: {
  readonly preview: CalendarImportPreview;
  readonly submission: CalendarSubmission;
  readonly csrf: Html;
  readonly caseHref: (caseCode: string) => string;
}): Html {
  const p = d.preview;
  if (p.status === 'unchanged') {
    return html`<h1>导入预览：${p.year}年</h1>
<div class="notice" role="status"><p>提交的${p.year}年数据与现有数据相同，无需导入。</p></div>
<p><a href="${CALENDAR_PATH}">返回日历管理</a></p>`;
  }
  const s = d.submission;
  return html`<h1>导入预览：${p.year}年</h1>
<dl class="facts">
<div><dt>年份</dt><dd>${p.year}年（${p.replaced ? '替换已有数据' : '新增'}）</dd></div>
<div><dt>变更内容</dt><dd>${p.what}</dd></div>
<div><dt>生效日期</dt><dd>${p.effectiveFrom}</dd></div>
${s.reason === '' ? '' : html`<div><dt>变更原因</dt><dd>${s.reason}</dd></div>`}
</dl>
<section aria-labelledby="moved-title">
<h2 id="moved-title">答复期限将改变的办理中案件</h2>
${
  p.moved === undefined
    ? html`<p class="empty">无法列出受影响的案件（案件数据不可用）。</p>`
    : p.moved.length === 0
      ? html`<p class="empty">没有办理中案件的答复期限因此改变。</p>`
      : html`<table class="data" id="moved-cases"><caption>共 ${p.moved.length} 件</caption><thead><tr><th scope="col">机构</th><th scope="col">案件编号</th><th scope="col">原答复期限</th><th scope="col">新答复期限</th></tr></thead><tbody>${p.moved.map(
          (m) =>
            html`<tr><td>${m.agency}</td><th scope="row"><a href="${d.caseHref(m.caseCode)}">${m.caseCode}</a></th><td>${m.dueBefore}</td><td>${m.dueAfter}</td></tr>`,
        )}</tbody></table>`
}
</section>
<form method="post" action="${CALENDAR_PATH}/import">${d.csrf}
<input type="hidden" name="text" value="${s.text}">
<input type="hidden" name="fileName" value="${s.fileName}">
<input type="hidden" name="year" value="${s.year}">
<input type="hidden" name="effectiveFrom" value="${s.effectiveFrom}">
<input type="hidden" name="reason" value="${s.reason}">
<button type="submit">确认导入</button>
<a href="${CALENDAR_PATH}">取消</a>
</form>`;
}
