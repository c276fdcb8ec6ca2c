// 账户安全: the TOTP second factor — enrolment (base32 secret + otpauth URI, confirmed with a code),
// and turning it off (with a current code).
import { html } from 'hono/html';
import type { TotpEnrolment } from '#app/identity/staff-sessions.ts';
import { type ConsoleContext, csrfField, renderConsolePage } from './console-kit.ts';

const NOTICE: Record<string, string> = {
  enabled: '已启用两步验证。今后登录时需要输入动态验证码。',
  disabled: '已停用两步验证。',
};

function codeField(message: string | undefined): ReturnType<typeof html> {
  return html`<div class="field"><label for="f-code">6 位动态验证码</label>${
    message === undefined ? '' : html`<span class="error" id="f-code-error">${message}</span>`
  }<input type="text" id="f-code" name="code" inputmode="numeric" pattern="[0-9]{6}" maxlength="6" autocomplete="one-time-code" required${
    message === undefined ? '' : html` aria-describedby="f-code-error" aria-invalid="true"`
  }></div>`;
}

export function renderAccountPage(
  c: ConsoleContext,
  input: { enabled: boolean; notice?: string; message?: string; status?: 200 | 422 },
): Response | Promise<Response> {
  const notice = input.notice === undefined ? undefined : NOTICE[input.notice];
  return renderConsolePage(c, {
    title: '账户安全',
    ...(input.status === undefined ? {} : { status: input.status }),
    main: html`<h1>账户安全</h1>
${notice === undefined ? '' : html`<p class="notice" role="status">${notice}</p>`}
<h2>两步验证（动态验证码）</h2>
${
  input.enabled
    ? html`<p>状态：<strong>已启用</strong>。登录时除密码外还需输入验证器应用中的动态验证码。</p>
<form method="post" action="/console/account/totp/disable">${csrfField(c)}
<p>如需停用，请输入当前的动态验证码：</p>
${codeField(input.message)}
<button type="submit" class="danger">停用两步验证</button>
</form>`
    : html`<p>状态：<strong>未启用</strong>。启用后，登录时除密码外还需输入验证器应用（如 FreeOTP、Google Authenticator、Microsoft Authenticator）显示的 6 位数字。</p>
<p><a href="/console/account/totp">启用两步验证</a></p>`
}`,
  });
}

export function renderTotpEnrolPage(c: ConsoleContext, enrolment: TotpEnrolment, message?: string): Response | Promise<Response> {
  return renderConsolePage(c, {
    title: '启用两步验证',
    crumbs: [{ label: '账户安全', href: '/console/account' }],
    ...(message === undefined ? {} : { status: 422 as const }),
    main: html`<h1>启用两步验证</h1>
<ol>
<li>在手机上打开验证器应用，选择“添加账户”，输入下面的密钥（基于时间，6 位，30 秒）：<p class="secret" id="totp-secret">${enrolment.secret ?? ''}</p>
也可以使用配置链接：<p class="secret" id="totp-uri">${enrolment.uri ?? ''}</p></li>
<li>输入应用显示的 6 位数字，确认启用。</li>
</ol>
<form method="post" action="/console/account/totp">${csrfField(c)}
${codeField(message)}
<button type="submit">确认启用</button>
</form>`,
  });
}
