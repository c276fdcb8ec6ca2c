// 依申请公开: the online application form (《条例》第二十九条: 申请人的姓名或者名称、身份证明、联系方式;
// 所需政府信息的名称、文号或者便于查询的其他特征性描述; 获取信息的方式). Field names are the JSON API's,
// dotted; a refused submission comes back with each message beside its field and every value kept.
import { html } from 'hono/html';
import { DELIVERY_METHODS } from '#adapters/http/api/applications/schema.ts';
import { CSRF_FIELD } from '#adapters/http/middleware/csrf.ts';
import { type AttachmentLimits, DEFAULT_ATTACHMENT_LIMITS, formatBytes } from '#core/attachments/check-attachment.ts';
import { ACCEPTED_TYPES_TEXT, ATTACHMENT_TYPE_INFO, ATTACHMENT_TYPES } from '#core/attachments/detect-attachment-type.ts';
import { APPLICANT_TYPE_LABEL, APPLICANT_TYPES, ID_TYPE_LABEL, ID_TYPES } from '#core/cases/applicant.ts';
import { type Html, renderPage } from './layout.ts';
import type { PortalAgency } from './portal-services.ts';

export const DELIVERY_LABEL = {
  online: '网上获取（登录本平台查看）',
  email: '电子邮件',
  post: '邮寄纸质件',
  pickup: '当面领取',
} as const satisfies Record<(typeof DELIVERY_METHODS)[number], string>;

/** The form's fields, in order; the names are the contract (issue #8). */
export const APPLY_FIELDS = [
  'applicant.type',
  'applicant.name',
  'applicant.idType',
  'applicant.idNumber',
  'applicant.uscc',
  'applicant.phone',
  'applicant.email',
  'applicant.address',
  'description',
  'delivery',
] as const;
export type ApplyField = (typeof APPLY_FIELDS)[number];

const LABEL: Record<ApplyField, string> = {
  'applicant.type': '申请人类型',
  'applicant.name': '申请人姓名或名称',
  'applicant.idType': '证件类型',
  'applicant.idNumber': '证件号码',
  'applicant.uscc': '统一社会信用代码',
  'applicant.phone': '联系电话',
  'applicant.email': '电子邮箱',
  'applicant.address': '通信地址',
  description: '所需政府信息的内容描述',
  delivery: '获取信息的方式',
};

const HINT: Partial<Record<ApplyField, string>> = {
  'applicant.idType': '自然人填写',
  'applicant.idNumber': '自然人填写',
  'applicant.uscc': '法人或者其他组织填写（18位）',
  'applicant.email': '选择电子邮件方式时必填',
  'applicant.address': '选择邮寄方式时必填',
  description: '请写明所需政府信息的名称、文号或者便于查询的其他特征性描述',
};

export interface ApplyFormState {
  readonly values: Readonly<Partial<Record<ApplyField, string>>>;
  readonly errors: Readonly<Record<string, string>>;
}

/** The message for a field left empty (the schema says only 必填). */
export const missingMessage = (field: ApplyField): string =>
  field === 'applicant.type' || field === 'applicant.idType' || field === 'delivery' ? `请选择${LABEL[field]}` : `请填写${LABEL[field]}`;

const idOf = (field: string): string => `f-${field.replace('.', '-')}`;

function describedBy(field: ApplyField, error: string | undefined): string | undefined {
  const ids = [HINT[field] === undefined ? undefined : `${idOf(field)}-hint`, error === undefined ? undefined : `${idOf(field)}-error`];
  const joined = ids.filter((id) => id !== undefined).join(' ');
  return joined === '' ? undefined : joined;
}

function fieldHead(field: ApplyField, error: string | undefined): Html {
  const hint = HINT[field];
  return html`${hint === undefined ? '' : html`<span class="hint" id="${idOf(field)}-hint">${hint}</span>`}${
    error === undefined ? '' : html`<span class="error" id="${idOf(field)}-error">${error}</span>`
  }`;
}

/** aria-describedby / aria-invalid attributes of a control (hono/html escapes attribute values). */
function aria(field: ApplyField, error: string | undefined): Html {
  const ids = describedBy(field, error);
  return html`${ids === undefined ? '' : html` aria-describedby="${ids}"`}${error === undefined ? '' : html` aria-invalid="true"`}`;
}

function options(
  labels: Readonly<Record<string, string>>,
  keys: readonly string[],
  value: string | undefined,
  blank: string | undefined,
): Html {
  return html`${blank === undefined ? '' : html`<option value=""${value === undefined || value === '' ? html` selected` : ''}>${blank}</option>`}${keys.map(
    (key) => html`<option value="${key}"${value === key ? html` selected` : ''}>${labels[key] ?? key}</option>`,
  )}`;
}

function control(field: ApplyField, state: ApplyFormState): Html {
  const value = state.values[field];
  const error = state.errors[field];
  const id = idOf(field);
  const required = field === 'applicant.name' || field === 'description' || field === 'applicant.type';
  const req = required ? html` required` : '';
  const label = required || field === 'delivery' ? `${LABEL[field]}（必填）` : LABEL[field];
  switch (field) {
    case 'applicant.type':
      return html`<div class="field"><label for="${id}">${label}</label>${fieldHead(field, error)}<select id="${id}" name="${field}"${req}${aria(field, error)}>${options(APPLICANT_TYPE_LABEL, APPLICANT_TYPES, value, '请选择')}</select></div>`;
    case 'applicant.idType':
      return html`<div class="field"><label for="${id}">${label}</label>${fieldHead(field, error)}<select id="${id}" name="${field}"${aria(field, error)}>${options(ID_TYPE_LABEL, ID_TYPES, value, '请选择')}</select></div>`;
    case 'description':
      return html`<div class="field"><label for="${id}">${label}</label>${fieldHead(field, error)}<textarea id="${id}" name="${field}" maxlength="5000"${req}${aria(field, error)}>${value ?? ''}</textarea></div>`;
    case 'delivery':
      return html`<fieldset class="field"${error === undefined ? '' : html` aria-describedby="${id}-error"`}><legend>${label}</legend>${fieldHead(field, error)}${DELIVERY_METHODS.map(
        (method, i) =>
          html`<label class="choice"><input type="radio" id="${i === 0 ? id : `${id}-${method}`}" name="${field}" value="${method}"${value === method ? html` checked` : ''}${aria(field, error)}> ${DELIVERY_LABEL[method]}</label>`,
      )}</fieldset>`;
    default: {
      const type = field === 'applicant.email' ? 'email' : field === 'applicant.phone' ? 'tel' : 'text';
      const autocomplete =
        field === 'applicant.email'
          ? 'email'
          : field === 'applicant.phone'
            ? 'tel'
            : field === 'applicant.address'
              ? 'street-address'
              : field === 'applicant.name'
                ? 'name'
                : 'off';
      return html`<div class="field"><label for="${id}">${label}</label>${fieldHead(field, error)}<input type="${type}" id="${id}" name="${field}" value="${value ?? ''}" autocomplete="${autocomplete}"${req}${aria(field, error)}></div>`;
    }
  }
}

/** The file input's name (the field attachment problems are reported under). */
export const ATTACHMENTS_INPUT = 'attachments';

const ACCEPT = ATTACHMENT_TYPES.flatMap((type) => ATTACHMENT_TYPE_INFO[type].extensions.map((ext) => `.${ext}`)).join(',');

/** The optional file input: accepted types and limits said up front, a refusal beside it. */
function attachmentsControl(error: string | undefined, limits: AttachmentLimits): Html {
  const id = idOf(ATTACHMENTS_INPUT);
  const described = `${id}-hint${error === undefined ? '' : ` ${id}-error`}`;
  return html`<div class="field"><label for="${id}">附件（可选）</label><span class="hint" id="${id}-hint">可上传${ACCEPTED_TYPES_TEXT}，每个文件不超过 ${formatBytes(limits.maxBytes)}，最多 ${limits.maxFiles} 个（按住 Ctrl 或 ⌘ 可多选）</span>${
    error === undefined ? '' : html`<span class="error" id="${id}-error">${error}</span>`
  }<input type="file" id="${id}" name="${ATTACHMENTS_INPUT}" multiple accept="${ACCEPT}" aria-describedby="${described}"${error === undefined ? '' : html` aria-invalid="true"`}></div>`;
}

export function renderApplyPage(
  agency: PortalAgency,
  state: ApplyFormState,
  csrfToken: string,
  limits: AttachmentLimits = DEFAULT_ATTACHMENT_LIMITS,
): Html {
  const errorFields = APPLY_FIELDS.filter((field) => state.errors[field] !== undefined);
  const other = Object.entries(state.errors).filter(
    ([key]) => !(APPLY_FIELDS as readonly string[]).includes(key) && key !== ATTACHMENTS_INPUT,
  );
  const attachmentError = state.errors[ATTACHMENTS_INPUT];
  const hasErrors = errorFields.length > 0 || other.length > 0 || attachmentError !== undefined;
  const summary = hasErrors
    ? html`<div class="summary" role="alert" aria-labelledby="summary-title"><h2 id="summary-title">提交的内容有误，请按提示修改</h2><ul>${errorFields.map(
        (field) => html`<li><a href="#${idOf(field)}">${LABEL[field]}：${state.errors[field]}</a></li>`,
      )}${attachmentError === undefined ? '' : html`<li><a href="#${idOf(ATTACHMENTS_INPUT)}">附件：${attachmentError}</a></li>`}${other.map(
        ([, message]) => html`<li>${message}</li>`,
      )}</ul></div>`
    : '';
  return renderPage({
    title: hasErrors ? '错误：政府信息公开申请' : '政府信息公开申请',
    crumbs: [
      { label: '首页', href: '/' },
      { label: agency.name, href: `/${agency.slug}/` },
    ],
    main: html`<h1>向${agency.name}提交政府信息公开申请</h1>
<p>标有“（必填）”的项目须填写。提交后请保存回执上的案件编号和验证码，用于查询办理状态。</p>
${summary}
<form method="post" action="/${agency.slug}/apply" enctype="multipart/form-data" novalidate>
<input type="hidden" name="${CSRF_FIELD}" value="${csrfToken}">
<fieldset><legend>申请人信息</legend>
${APPLY_FIELDS.filter((f) => f.startsWith('applicant.')).map((field) => control(field, state))}
</fieldset>
${control('description', state)}
${attachmentsControl(attachmentError, limits)}
${control('delivery', state)}
<button type="submit">提交申请</button>
</form>`,
  });
}

/** One field of the application form (the console's staff entry reuses them). */
export { control as applyFieldControl };
