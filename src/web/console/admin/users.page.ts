// 用户管理 of one agency (/console/admin/{slug}/users): the accounts holding a role there, forms to add
// an account, grant a role to an existing one, revoke a role, disable / enable and reset a password.
// Buttons appear only where the policy lets the signed-in administrator act (the use cases check again).
import { html } from 'hono/html';
import type { Actor } from '#app/identity/identity-ports.ts';
import type { UserAccount } from '#app/identity/user-admin-ports.ts';
import { ROLE_LABEL, ROLES } from '#core/identity/access-policy.ts';
import { mayGrantRole, mayManageAccount } from '#core/identity/user-admin-policy.ts';
import type { Html } from '../../portal/layout.ts';
import { errorSummary, type FormState, noticeBox, passwordField, selectField, textField } from './admin-form.ts';

export interface UsersPageData {
  readonly agency: { readonly slug: string; readonly name: string };
  readonly accounts: readonly UserAccount[];
  readonly actor: Actor;
  readonly csrf: Html;
  readonly state?: FormState;
  readonly notice?: string;
}

export const USER_FIELD_LABELS = { username: '用户名', password: '密码', role: '角色' } as const;

const base = (slug: string) => `/console/admin/${encodeURIComponent(slug)}/users`;
export const userPath = (slug: string, username: string, action: string) => `${base(slug)}/${encodeURIComponent(username)}/${action}`;

export function renderUsersMain(d: UsersPageData): Html {
  const slug = d.agency.slug;
  const roleChoices = ROLES.filter((role) => mayGrantRole(d.actor.grants, slug, role)).map((role) => [role, ROLE_LABEL[role]] as const);
  const rows = d.accounts.map((account) => {
    const here = account.grants.filter((g) => g.agency === slug);
    const elsewhere = account.grants.filter((g) => g.agency !== slug);
    const manage = mayManageAccount(d.actor.grants, account.grants) && account.id !== d.actor.userId;
    const self = account.id === d.actor.userId;
    return html`<tr>
<th scope="row">${account.username}${self ? html`<br><small>（您本人）</small>` : ''}</th>
<td>${account.disabledAt === null ? '启用' : html`<strong>已停用</strong><br><small>${account.disabledAt}</small>`}</td>
<td><ul class="plain">${here.map(
      (g) =>
        html`<li>${ROLE_LABEL[g.role]}${
          mayGrantRole(d.actor.grants, slug, g.role) && !(self && (g.role === 'agency_admin' || g.role === 'system_admin'))
            ? html` <form method="post" action="${userPath(slug, account.username, 'revoke')}" class="inline">${d.csrf}<input type="hidden" name="role" value="${g.role}"><button type="submit" class="small">撤销<span class="visually-hidden">${account.username}的${ROLE_LABEL[g.role]}角色</span></button></form>`
            : ''
        }</li>`,
    )}</ul></td>
<td>${elsewhere.length === 0 ? '—' : elsewhere.map((g) => `${g.agency}：${ROLE_LABEL[g.role]}`).join('；')}</td>
<td>${account.activeTokens}</td>
<td>${
      manage
        ? html`${
            account.disabledAt === null
              ? html`<form method="post" action="${userPath(slug, account.username, 'disable')}" class="inline">${d.csrf}<button type="submit" class="danger small">停用<span class="visually-hidden">${account.username}</span></button></form>`
              : html`<form method="post" action="${userPath(slug, account.username, 'enable')}" class="inline">${d.csrf}<button type="submit" class="small">启用<span class="visually-hidden">${account.username}</span></button></form>`
          } <a href="${userPath(slug, account.username, 'password')}">重置密码<span class="visually-hidden">（${account.username}）</span></a>`
        : self
          ? '—'
          : html`<small>该用户在其他机构任职或为系统管理员，由系统管理员管理</small>`
    }</td>
</tr>`;
  });
  return html`<h1>${d.agency.name}：用户管理</h1>
${noticeBox(d.notice)}
<p>停用账号会立即结束该用户的全部登录会话；其 API 令牌在停用期间不能使用，但不会被撤销，重新启用后恢复可用。重置密码也会结束该用户的全部登录会话。</p>
<table class="data" id="users">
<caption>在本机构有角色的用户（${d.accounts.length}）</caption>
<thead><tr><th scope="col">用户名</th><th scope="col">状态</th><th scope="col">本机构角色</th><th scope="col">其他机构角色</th><th scope="col">有效令牌</th><th scope="col">操作</th></tr></thead>
<tbody>${d.accounts.length === 0 ? html`<tr><td colspan="6" class="empty">本机构还没有用户。</td></tr>` : rows}</tbody>
</table>
<section aria-labelledby="add-title">
<h2 id="add-title">新增用户</h2>
${errorSummary(d.state, 'add', USER_FIELD_LABELS)}
<form method="post" action="${base(slug)}" novalidate>${d.csrf}
${textField(d.state, 'add', 'username', '用户名', { hint: '1–64 个字母、数字或 . _ @ -，以字母或数字开头', maxlength: 64, autocomplete: 'off', required: true })}
${passwordField(d.state, 'add', 'password', '初始密码', { hint: '至少 10 个字符；请通过安全渠道告知本人' })}
${selectField(d.state, 'add', 'role', '角色', roleChoices, { placeholder: '请选择' })}
<button type="submit">新增用户</button>
</form>
</section>
<section aria-labelledby="grant-title">
<h2 id="grant-title">为已有用户授予本机构角色</h2>
${errorSummary(d.state, 'grant', USER_FIELD_LABELS)}
<form method="post" action="${base(slug)}/grant" novalidate>${d.csrf}
${textField(d.state, 'grant', 'username', '用户名', { maxlength: 64, autocomplete: 'off', required: true })}
${selectField(d.state, 'grant', 'role', '角色', roleChoices, { placeholder: '请选择' })}
<button type="submit">授予角色</button>
</form>
</section>`;
}

export function renderPasswordMain(d: {
  readonly agency: { readonly slug: string; readonly name: string };
  readonly username: string;
  readonly csrf: Html;
  readonly state?: FormState;
}): Html {
  return html`<h1>重置密码：${d.username}</h1>
<p>设置新密码后，该用户的全部登录会话立即结束，需用新密码重新登录。其 API 令牌不受影响。</p>
${errorSummary(d.state, 'password', { password: '新密码', confirm: '再次输入新密码' })}
<form method="post" action="${userPath(d.agency.slug, d.username, 'password')}" novalidate>${d.csrf}
${passwordField(d.state, 'password', 'password', '新密码', { hint: '至少 10 个字符' })}
${passwordField(d.state, 'password', 'confirm', '再次输入新密码')}
<button type="submit">设置新密码</button>
</form>
<p><a href="${base(d.agency.slug)}">返回用户管理</a></p>`;
}
