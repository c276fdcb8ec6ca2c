// Form controls of the administration pages: a label, the field's Chinese error next to it
// (aria-invalid, aria-describedby), the submitted value kept (never a password), and an error summary
// linking to the fields. Several forms share a page, so every id carries its form's prefix and only
// the form that was posted shows its errors.
import { html } from 'hono/html';
import type { Html } from '../../portal/layout.ts';

/** What a re-rendered form shows: the posted values and the problems by field name. */
export interface FormState {
  /** Which form on the page was posted (its id prefix). */
  readonly form: string;
  readonly values: Readonly<Record<string, string>>;
  readonly errors: Readonly<Record<string, string>>;
}

export const emptyForm = (form: string): FormState => ({ form, values: {}, errors: {} });

const idOf = (form: string, name: string) => `${form}-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

interface FieldOptions {
  readonly hint?: string;
  readonly required?: boolean;
  readonly maxlength?: number;
  readonly autocomplete?: string;
  /** Overrides the kept value (e.g. the stored value on first display). */
  readonly value?: string;
}

function parts(state: FormState | undefined, form: string, name: string, options: FieldOptions) {
  const id = idOf(form, name);
  const mine = state?.form === form ? state : undefined;
  const error = mine?.errors[name];
  const value = mine?.values[name] ?? options.value ?? '';
  const described = [options.hint === undefined ? undefined : `${id}-hint`, error === undefined ? undefined : `${id}-error`].filter(
    (x) => x !== undefined,
  );
  const aria = html`${described.length === 0 ? '' : html` aria-describedby="${described.join(' ')}"`}${
    error === undefined ? '' : html` aria-invalid="true"`
  }${options.required === true ? html` required` : ''}`;
  const head = html`${options.hint === undefined ? '' : html`<span class="hint" id="${id}-hint">${options.hint}</span>`}${
    error === undefined ? '' : html`<span class="error" id="${id}-error">${error}</span>`
  }`;
  return { id, value, aria, head };
}

export function textField(
  state: FormState | undefined,
  form: string,
  name: string,
  label: string,
  options: FieldOptions & { readonly type?: 'text' | 'email' | 'number' | 'date' | 'time' } = {},
): Html {
  const { id, value, aria, head } = parts(state, form, name, options);
  return html`<div class="field"><label for="${id}">${label}</label>${head}<input type="${options.type ?? 'text'}" id="${id}" name="${name}" value="${value}"${
    options.maxlength === undefined ? '' : html` maxlength="${options.maxlength}"`
  }${options.autocomplete === undefined ? '' : html` autocomplete="${options.autocomplete}"`}${aria}></div>`;
}

/** A password input: never prefilled. */
export function passwordField(state: FormState | undefined, form: string, name: string, label: string, options: FieldOptions = {}): Html {
  const { id, aria, head } = parts(state, form, name, options);
  return html`<div class="field"><label for="${id}">${label}</label>${head}<input type="password" id="${id}" name="${name}" autocomplete="${options.autocomplete ?? 'new-password'}"${aria}></div>`;
}

export function selectField(
  state: FormState | undefined,
  form: string,
  name: string,
  label: string,
  choices: readonly (readonly [value: string, label: string])[],
  options: FieldOptions & { readonly placeholder?: string } = {},
): Html {
  const { id, value, aria, head } = parts(state, form, name, options);
  return html`<div class="field"><label for="${id}">${label}</label>${head}<select id="${id}" name="${name}"${aria}>${
    options.placeholder === undefined ? '' : html`<option value="">${options.placeholder}</option>`
  }${choices.map(([v, l]) => html`<option value="${v}"${v === value ? html` selected` : ''}>${l}</option>`)}</select></div>`;
}

export function textareaField(
  state: FormState | undefined,
  form: string,
  name: string,
  label: string,
  options: FieldOptions & { readonly rows?: number } = {},
): Html {
  const { id, value, aria, head } = parts(state, form, name, options);
  return html`<div class="field"><label for="${id}">${label}</label>${head}<textarea id="${id}" name="${name}" rows="${options.rows ?? 8}"${
    options.maxlength === undefined ? '' : html` maxlength="${options.maxlength}"`
  }${aria}>${value}</textarea></div>`;
}

/** The summary above a posted form with problems: each links to its field. */
export function errorSummary(state: FormState | undefined, form: string, labels: Readonly<Record<string, string>>): Html {
  if (state?.form !== form || Object.keys(state.errors).length === 0) {
    return html``;
  }
  return html`<div class="summary" role="alert" aria-labelledby="${form}-summary"><h2 id="${form}-summary">提交的内容有误，未作任何修改</h2><ul>${Object.entries(
    state.errors,
  ).map(([name, message]) =>
    labels[name] === undefined ? html`<li>${message}</li>` : html`<li><a href="#${idOf(form, name)}">${labels[name]}：${message}</a></li>`,
  )}</ul></div>`;
}

/** A confirmation of what the last action did (after a 303 back to the page). */
export const noticeBox = (text: string | undefined): Html =>
  text === undefined ? html`` : html`<div class="notice" role="status"><p>${text}</p></div>`;
