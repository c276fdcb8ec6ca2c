// /console/: the signed-in staff member's agencies and roles, and where to go from here.
import { html } from 'hono/html';
import { ROLE_LABEL, ROLES, type Role } from '#core/identity/access-policy.ts';
import { type ConsoleContext, renderConsolePage } from './console-kit.ts';
import { CONSOLE_NAV } from './console-nav.ts';

const ROLE_SCOPE: Record<Role, string> = {
  officer: '办理本机构的依申请公开案件',
  reviewer: '审核本机构的答复和年度报告',
  agency_admin: '管理本机构的人员、设置和模板',
  supervisor: '查看本机构及下级机构的案件和报告（只读）',
  system_admin: '管理全部机构',
};

export function renderHomePage(c: ConsoleContext): Response | Promise<Response> {
  const staff = c.get('staff');
  const bySlug = new Map<string, Role[]>();
  for (const grant of staff.actor.grants) {
    bySlug.set(grant.agency, [...(bySlug.get(grant.agency) ?? []), grant.role]);
  }
  const name = (slug: string) => staff.agencies.find((a) => a.slug === slug)?.name ?? slug;
  const held = new Set(staff.actor.grants.map((grant) => grant.role));
  const links = CONSOLE_NAV.filter((item) => item.href !== '/console/' && item.roles.some((role) => held.has(role)));
  return renderConsolePage(c, {
    title: '工作台首页',
    main: html`<h1>您好，${staff.actor.username}</h1>
<h2 id="grants-title">您的机构和角色</h2>
${
  bySlug.size === 0
    ? html`<p class="empty">您尚未被授予任何机构的角色，请联系机构管理员。</p>`
    : html`<table class="grants" aria-labelledby="grants-title"><thead><tr><th scope="col">机构</th><th scope="col">角色</th><th scope="col">权限范围</th></tr></thead><tbody>${[
        ...bySlug,
      ].map(([slug, roles]) => {
        const ordered = ROLES.filter((role) => roles.includes(role));
        return html`<tr><th scope="row">${name(slug)}<br><small>${slug}</small><br><a href="/console/${encodeURIComponent(slug)}/dashboard">本机构工作台<span class="visually-hidden">（${name(slug)}）</span></a></th><td>${ordered.map((role) => ROLE_LABEL[role]).join('、')}</td><td>${ordered.map((role) => ROLE_SCOPE[role]).join('；')}</td></tr>`;
      })}</tbody></table>`
}
<h2>常用功能</h2>
<ul>${links.map((item) => html`<li><a href="${item.href}">${item.label}</a></li>`)}</ul>`,
  });
}
