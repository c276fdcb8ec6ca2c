// Status lookup for applicants: a GET form (案件编号 + 验证码) and, when both are given, the case's
// state. An unknown case code and a wrong verification code get the same answer.
import { html } from 'hono/html';
import type { ApplicationStatus } from '#adapters/http/http-services.ts';
import { OUTCOME_BY_CODE, type OutcomeCode } from '#core/cases/outcome-codes.ts';
import { letterFamilyOf, OUTCOME_FAMILY_LABEL, outcomeRowLabel } from '#core/letters/outcome-family.ts';
import { type Html, renderPage } from './layout.ts';

export interface StatusPageState {
  readonly code: string;
  readonly v: string;
  readonly errors: Readonly<{ code?: string; v?: string }>;
  /** Set when both codes were given: the status, or `not-found`. */
  readonly result?: ApplicationStatus | 'not-found';
}

function input(name: 'code' | 'v', label: string, value: string, error: string | undefined): Html {
  const id = `f-${name}`;
  return html`<div class="field"><label for="${id}">${label}</label>${error === undefined ? '' : html`<span class="error" id="${id}-error">${error}</span>`}<input type="text" id="${id}" name="${name}" value="${value}" autocomplete="off" required${
    error === undefined ? '' : html` aria-describedby="${id}-error" aria-invalid="true"`
  }></div>`;
}

/**
 * An outcome as the applicant reads it: the kind of reply (the letter's family, e.g. 部分公开), with
 * the ground for the kinds that have several (不予公开（属于国家秘密）); not the report's row label.
 */
export function outcomeInWords(code: string): string {
  const family = letterFamilyOf(code);
  if (family === undefined) {
    return code;
  }
  const ground = /^\d+\./u.test(OUTCOME_BY_CODE.get(code as OutcomeCode)?.label ?? '') ? outcomeRowLabel(code) : undefined;
  return ground === undefined ? OUTCOME_FAMILY_LABEL[family] : `${OUTCOME_FAMILY_LABEL[family]}（${ground}）`;
}

function result(state: StatusPageState): Html | string {
  if (state.result === undefined) {
    return '';
  }
  if (state.result === 'not-found') {
    return html`<div class="summary" role="alert"><h2>未找到该申请</h2><p>请核对案件编号和验证码后重试。</p></div>`;
  }
  const status = state.result;
  return html`<section class="notice" aria-labelledby="result-title" role="status"><h2 id="result-title">办理状态</h2>
<table><tbody>
<tr><th scope="row">案件编号</th><td>${status.caseCode}</td></tr>
<tr><th scope="row">办理状态</th><td>${status.stateLabel ?? status.state}</td></tr>
<tr><th scope="row">收到申请日期</th><td>${status.received}</td></tr>
${
  status.outcome === null || status.outcome === undefined
    ? html`<tr><th scope="row">答复期限</th><td>${status.due ?? '暂停计算（例如等待补正）'}</td></tr>`
    : html`<tr><th scope="row">办理结果</th><td>${outcomeInWords(status.outcome)}</td></tr>${
        status.closedOn === undefined ? '' : html`<tr><th scope="row">办结日期</th><td>${status.closedOn}</td></tr>`
      }`
}
</tbody></table></section>`;
}

export function renderStatusPage(state: StatusPageState): Html {
  const hasErrors = state.errors.code !== undefined || state.errors.v !== undefined;
  return renderPage({
    title: hasErrors || state.result === 'not-found' ? '错误：查询办理状态' : '查询办理状态',
    crumbs: [{ label: '首页', href: '/' }],
    main: html`<h1>查询依申请公开办理状态</h1>
${result(state)}
<form method="get" action="/status">
${input('code', '案件编号', state.code, state.errors.code)}
${input('v', '验证码', state.v, state.errors.v)}
<button type="submit">查询</button>
</form>`,
  });
}
