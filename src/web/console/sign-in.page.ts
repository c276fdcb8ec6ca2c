// The sign-in pages: username + password, then (when enabled) the TOTP code. A refused attempt comes
// back with one message, the username kept and the password field empty.
import { html } from 'hono/html';
import { CSRF_FIELD } from '#adapters/http/middleware/csrf.ts';
import type { Html } from '../portal/layout.ts';
import { anonymousHeader, renderConsoleDocument } from './console-layout.ts';

function problem(message: string | undefined): Html | string {
  return message === undefined
    ? ''
    : html`<div class="summary" role="alert" aria-labelledby="problem-title"><h2 id="problem-title">无法登录</h2><p id="problem">${message}</p></div>`;
}

export function renderLoginPage(input: { csrfToken: string; username?: string; next?: string; message?: string; notice?: string }): Html {
  const invalid = input.message === undefined ? '' : html` aria-describedby="problem"`;
  return renderConsoleDocument({
    title: '工作人员登录',
    header: anonymousHeader(),
    main: html`<h1>工作人员登录</h1>
${input.notice === undefined ? '' : html`<p class="notice" role="status">${input.notice}</p>`}
${problem(input.message)}
<form class="signin" method="post" action="/console/login" novalidate>
<input type="hidden" name="${CSRF_FIELD}" value="${input.csrfToken}">
${input.next === undefined ? '' : html`<input type="hidden" name="next" value="${input.next}">`}
<div class="field"><label for="f-username">用户名</label><input type="text" id="f-username" name="username" value="${input.username ?? ''}" autocomplete="username" autocapitalize="none" spellcheck="false" required${invalid}></div>
<div class="field"><label for="f-password">密码</label><input type="password" id="f-password" name="password" value="" autocomplete="current-password" required${invalid}></div>
<button type="submit">登录</button>
</form>`,
  });
}

export function renderTotpStepPage(input: { csrfToken: string; message?: string }): Html {
  return renderConsoleDocument({
    title: '动态验证码',
    header: anonymousHeader(),
    main: html`<h1>动态验证码</h1>
<p>您的账户已启用两步验证。请打开验证器应用，输入当前显示的 6 位数字。</p>
${problem(input.message)}
<form class="signin" method="post" action="/console/login/totp" novalidate>
<input type="hidden" name="${CSRF_FIELD}" value="${input.csrfToken}">
<div class="field"><label for="f-code">6 位动态验证码</label><input type="text" id="f-code" name="code" inputmode="numeric" pattern="[0-9]{6}" maxlength="6" autocomplete="one-time-code" required${input.message === undefined ? '' : html` aria-describedby="problem" aria-invalid="true"`}></div>
<button type="submit">验证</button>
</form>
<p><a href="/console/login">重新输入用户名和密码</a></p>`,
  });
}

/** An error page outside the signed-in layout (refused form, expired session …). */
export function renderPlainErrorPage(title: string, message: string): Html {
  return renderConsoleDocument({
    title,
    header: anonymousHeader(),
    main: html`<h1>${title}</h1><p>${message}</p><p><a href="/console/">返回工作台</a></p>`,
  });
}
