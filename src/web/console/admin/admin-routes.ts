// The console's 机构管理 area (/console/admin, issue #8): 用户管理 and 机构设置 / 告知书模板 per agency
// (机构管理员 of that agency, or 系统管理员), the instance-wide 日历管理 and the list of every account
// (系统管理员). Forms post back to the page (CSRF checked by the console before any handler); a
// refused form is shown again with each Chinese problem next to its field and nothing changed; a
// done action answers 303 to the page with a notice (post / redirect / get).
import { type Context, Hono } from 'hono';
import { html } from 'hono/html';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { outcomeOf } from '#app/error-outcomes.ts';
import { parseLocalDate } from '#core/calendar/local-date.ts';
import { ROLE_LABEL, type Role } from '#core/identity/access-policy.ts';
import { administeredAgencies } from '#core/identity/user-admin-policy.ts';
import { SECRET_SETTING_KEYS } from '#core/letters/letter-settings.ts';
import { DomainError, isDomainError } from '#core/shared/domain-error.ts';
import {
  ADMIN_ROLES,
  type ConsoleContext,
  type ConsoleEnv,
  csrfField,
  renderConsolePage,
  requireAgencyRole,
  requireRole,
} from '../console-kit.ts';
import type { FormState } from './admin-form.ts';
import type { ConsoleAdminServices } from './admin-services.ts';
import { CALENDAR_PATH, type CalendarSubmission, renderCalendarMain, renderCalendarPreviewMain } from './calendar.page.ts';
import { renderDashboardMain } from './dashboard.page.ts';
import { renderSettingsMain, SETTINGS_SECTIONS, type SettingsSection } from './settings.page.ts';
import { renderTemplateEditMain, renderTemplatesMain } from './templates.page.ts';
import { renderPasswordMain, renderUsersMain } from './users.page.ts';

/** The largest calendar file or pasted text accepted (a year is a few KB). */
export const MAX_CALENDAR_BYTES = 256 * 1024;

const admin = (c: ConsoleContext): ConsoleAdminServices => c.get('services').admin;
const actor = (c: ConsoleContext) => c.get('staff').actor;
const agencyOf = (c: ConsoleContext) => {
  const slug = c.req.param('slug') ?? '';
  const found = c.get('staff').agencies.find((a) => a.slug === slug);
  if (found === undefined) {
    throw new DomainError('NOT_FOUND', '机构不存在');
  }
  return { slug: found.slug, name: found.name };
};
const adminBase = (slug: string) => `/console/admin/${encodeURIComponent(slug)}`;

async function formOf(c: Context): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === 'string' && key !== '_csrf') {
      values[key] = value;
    }
  }
  return values;
}

/** A refused form: its problems by field (`_form` for one without a field) and the status the error table gives it. */
function refusal(
  error: unknown,
  form: string,
  values: Readonly<Record<string, string>>,
): { state: FormState; status: ContentfulStatusCode } | undefined {
  if (!isDomainError(error) || !['INVALID_INPUT', 'CONFLICT', 'NOT_FOUND', 'PAYLOAD_TOO_LARGE'].includes(error.code)) {
    return undefined;
  }
  const fields = error.details.fields ?? {};
  const message = outcomeOf(error).message;
  const errors: Record<string, string> = Object.keys(fields).length === 0 ? { _form: message } : { ...fields };
  // Field problems carry short texts; keep the use case's full sentence when it says more.
  if (Object.keys(fields).length === 1 && !Object.values(fields).includes(message) && error.code !== 'INVALID_INPUT') {
    errors[Object.keys(fields)[0] as string] = message;
  }
  const kept = Object.fromEntries(Object.entries(values).filter(([key]) => !/password|confirm/i.test(key)));
  return { state: { form, values: kept, errors }, status: outcomeOf(error).http as ContentfulStatusCode };
}

const fail = (message: string): never => {
  throw new DomainError('INVALID_INPUT', message, { fields: { effectiveFrom: message } });
};

// ---- notices after a 303 (fixed texts; only the account name and counts come from the query) ----

function userNotice(c: ConsoleContext): string | undefined {
  const user = c.req.query('user') ?? '';
  const n = Number.parseInt(c.req.query('n') ?? '0', 10) || 0;
  const t = Number.parseInt(c.req.query('t') ?? '0', 10) || 0;
  const role = c.req.query('role') as Role | undefined;
  const label = role !== undefined && Object.hasOwn(ROLE_LABEL, role) ? ROLE_LABEL[role] : '';
  switch (c.req.query('done')) {
    case 'created':
      return `已新增用户 ${user}（${label}）。请通过安全渠道把初始密码告知本人。`;
    case 'granted':
      return `已授予 ${user} ${label}角色。`;
    case 'had':
      return `${user} 已有${label}角色，未作修改。`;
    case 'revoked':
      return `已撤销 ${user} 的${label}角色。`;
    case 'disabled':
      return `已停用 ${user}：结束登录会话 ${n} 个；其 ${t} 个有效 API 令牌在停用期间不能使用（未撤销，重新启用后恢复可用）。`;
    case 'enabled':
      return `已启用 ${user}；其 ${t} 个未撤销的 API 令牌恢复可用。`;
    case 'password':
      return `已为 ${user} 设置新密码，并结束其登录会话 ${n} 个。`;
    default:
      return undefined;
  }
}

export function adminConsoleRoutes(): Hono<ConsoleEnv> {
  const routes = new Hono<ConsoleEnv>();

  // ---- index ----------------------------------------------------------------------------------
  routes.get('/', requireRole(ADMIN_ROLES), (c) => {
    const staff = c.get('staff');
    const scope = administeredAgencies(staff.actor.grants);
    const list = scope === 'all' ? staff.agencies : staff.agencies.filter((a) => scope.has(a.slug));
    return renderConsolePage(c, {
      title: '机构管理',
      main: html`<h1>机构管理</h1>
${
  scope === 'all'
    ? html`<h2>全实例</h2><ul><li><a href="${CALENDAR_PATH}">日历管理</a>（节假日和调休安排，适用于全部机构）</li><li><a href="/console/admin/users">全部用户</a></li></ul>`
    : ''
}
<h2 id="agencies-title">您管理的机构</h2>
<table class="data" aria-labelledby="agencies-title"><thead><tr><th scope="col">机构</th><th scope="col">管理</th></tr></thead><tbody>${list.map(
        (a) =>
          html`<tr><th scope="row">${a.name}<br><small>${a.slug}</small></th><td><a href="${adminBase(a.slug)}/users">用户管理</a> · <a href="${adminBase(a.slug)}/settings">机构设置</a> · <a href="${adminBase(a.slug)}/templates">告知书模板</a> · <a href="/console/${encodeURIComponent(a.slug)}/dashboard">工作台</a></td></tr>`,
      )}</tbody></table>`,
    });
  });

  // ---- every account (系统管理员) ----------------------------------------------------------------
  routes.get('/users', requireRole(['system_admin']), async (c) => {
    const accounts = await admin(c).users.list(actor(c));
    return renderConsolePage(c, {
      title: '全部用户',
      crumbs: [{ label: '机构管理', href: '/console/admin' }],
      main: html`<h1>全部用户</h1>
<table class="data" id="all-users"><caption>本实例的全部账号（${accounts.length}）</caption><thead><tr><th scope="col">用户名</th><th scope="col">状态</th><th scope="col">角色</th><th scope="col">有效令牌</th></tr></thead><tbody>${accounts.map(
        (a) =>
          html`<tr><th scope="row">${a.username}</th><td>${a.disabledAt === null ? '启用' : '已停用'}</td><td>${
            a.grants.length === 0
              ? '（无角色）'
              : a.grants.map(
                  (g, i) => html`${i === 0 ? '' : '；'}<a href="${adminBase(g.agency)}/users">${g.agency}</a>：${ROLE_LABEL[g.role]}`,
                )
          }</td><td>${a.activeTokens}</td></tr>`,
      )}</tbody></table>`,
    });
  });

  // ---- 日历管理 (系统管理员) ---------------------------------------------------------------------
  const calendarPage = async (c: ConsoleContext, state?: FormState, status: ContentfulStatusCode = 200, notice?: string) => {
    const [years, history] = await Promise.all([admin(c).calendar.years(), admin(c).calendar.history()]);
    return renderConsolePage(c, {
      title: '日历管理',
      status,
      crumbs: [{ label: '机构管理', href: '/console/admin' }],
      main: renderCalendarMain({
        years,
        history: history.changes,
        shippedSource: history.shipped,
        csrf: csrfField(c),
        ...(state === undefined ? {} : { state }),
        ...(notice === undefined ? {} : { notice }),
      }),
    });
  };
  routes.get('/calendar', requireRole(['system_admin']), (c) => {
    const seq = c.req.query('imported');
    const same = c.req.query('unchanged');
    const notice =
      seq !== undefined && /^\d{1,9}$/.test(seq)
        ? `已导入（变更序号 ${seq}）。`
        : same !== undefined && /^\d{4}$/.test(same)
          ? `${same}年的数据与现有数据相同，未导入。`
          : undefined;
    return calendarPage(c, undefined, 200, notice);
  });

  /** The submission of the import form: the uploaded file, else the pasted text. */
  async function calendarSubmission(c: ConsoleContext): Promise<CalendarSubmission & { problems: Record<string, string> }> {
    const body = await c.req.parseBody();
    const text = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : '');
    const problems: Record<string, string> = {};
    let content = text('text');
    let fileName = text('fileName') || '粘贴的数据';
    const file = body['file'];
    if (file instanceof File && file.size > 0) {
      if (file.size > MAX_CALENDAR_BYTES) {
        problems['file'] = '文件超过 256 KB';
      } else {
        content = new TextDecoder('utf-8', { fatal: false }).decode(await file.arrayBuffer()).replace(/^\uFEFF/, '');
        fileName = file.name.replace(/[\\/]/g, '_').slice(0, 200) || '上传的文件';
      }
    } else if (content.trim() === '') {
      problems['text'] = '请上传日历文件或粘贴日历数据';
    }
    if (content.length > MAX_CALENDAR_BYTES) {
      problems['text'] = '日历数据超过 256 KB';
    }
    const year = text('year').trim();
    if (year !== '' && !/^\d{4}$/.test(year)) {
      problems['year'] = '年份应为四位数字';
    }
    const effectiveFrom = text('effectiveFrom').trim();
    if (effectiveFrom !== '' && parseLocalDate(effectiveFrom) === undefined) {
      problems['effectiveFrom'] = '生效日期应为有效的日期（YYYY-MM-DD）';
    }
    const reason = text('reason').trim();
    if (reason.length > 200 || /[\r\n]/.test(reason)) {
      problems['reason'] = '变更原因不超过200字，且不能换行';
    }
    return { text: content, fileName, year, effectiveFrom, reason, problems };
  }

  const importInput = (s: CalendarSubmission, who: string) => ({
    fileName: s.fileName,
    text: s.text,
    who,
    ...(s.year === '' ? {} : { year: Number(s.year) }),
    ...(s.effectiveFrom === '' ? {} : { effectiveFrom: parseLocalDate(s.effectiveFrom) ?? fail('生效日期无效') }),
    ...(s.reason === '' ? {} : { reason: s.reason }),
  });

  const calendarRefusal = (c: ConsoleContext, s: CalendarSubmission, errors: Record<string, string>, status: ContentfulStatusCode) =>
    calendarPage(
      c,
      { form: 'import', values: { text: s.text, year: s.year, effectiveFrom: s.effectiveFrom, reason: s.reason }, errors },
      status,
    );

  /** A calendar use case's refusal as field problems (a bad effective date is reported by the date parser as a whole-form message). */
  const calendarProblems = (error: DomainError): Record<string, string> => {
    const fields = error.details.fields ?? {};
    if (Object.keys(fields).length > 0) {
      return { ...fields };
    }
    const message = outcomeOf(error).message;
    return /年份|--year/.test(message) ? { year: message.replace('--year', '“年份”') } : { text: message };
  };

  routes.post('/calendar/preview', requireRole(['system_admin']), async (c) => {
    const s = await calendarSubmission(c);
    if (Object.keys(s.problems).length > 0) {
      return calendarRefusal(c, s, s.problems, 400);
    }
    try {
      const preview = await admin(c).calendar.preview(importInput(s, actor(c).username));
      return renderConsolePage(c, {
        title: '导入预览',
        crumbs: [
          { label: '机构管理', href: '/console/admin' },
          { label: '日历管理', href: CALENDAR_PATH },
        ],
        main: renderCalendarPreviewMain({
          preview,
          submission: s,
          csrf: csrfField(c),
          caseHref: (code) => `/console/cases/${encodeURIComponent(code)}`,
        }),
      });
    } catch (error) {
      if (isDomainError(error, 'INVALID_INPUT')) {
        return calendarRefusal(c, s, calendarProblems(error), 400);
      }
      throw error;
    }
  });

  routes.post('/calendar/import', requireRole(['system_admin']), async (c) => {
    const s = await calendarSubmission(c);
    if (Object.keys(s.problems).length > 0) {
      return calendarRefusal(c, s, s.problems, 400);
    }
    try {
      const result = await admin(c).calendar.import(importInput(s, actor(c).username));
      return c.redirect(
        result.status === 'imported' ? `${CALENDAR_PATH}?imported=${result.change.seq}` : `${CALENDAR_PATH}?unchanged=${result.year}`,
        303,
      );
    } catch (error) {
      if (isDomainError(error, 'INVALID_INPUT')) {
        return calendarRefusal(c, s, calendarProblems(error), 400);
      }
      throw error;
    }
  });

  // ---- 用户管理 of one agency ---------------------------------------------------------------------
  const guard = requireAgencyRole({ param: 'slug' }, ADMIN_ROLES);
  const usersPage = async (c: ConsoleContext, state?: FormState, status: ContentfulStatusCode = 200) => {
    const agency = agencyOf(c);
    const accounts = await admin(c).users.list(actor(c), agency.slug);
    const notice = state === undefined ? userNotice(c) : undefined;
    return renderConsolePage(c, {
      title: '用户管理',
      status,
      crumbs: [{ label: '机构管理', href: '/console/admin' }],
      main: renderUsersMain({
        agency,
        accounts,
        actor: actor(c),
        csrf: csrfField(c),
        ...(state === undefined ? {} : { state }),
        ...(notice === undefined ? {} : { notice }),
      }),
    });
  };
  const backToUsers = (c: ConsoleContext, query: Record<string, string | number>) =>
    c.redirect(
      `${adminBase(agencyOf(c).slug)}/users?${new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)])).toString()}`,
      303,
    );

  routes.get('/:slug/users', guard, (c) => usersPage(c));

  routes.post('/:slug/users', guard, async (c) => {
    const values = await formOf(c);
    const agency = agencyOf(c);
    const input = {
      username: (values['username'] ?? '').trim(),
      password: values['password'] ?? '',
      role: values['role'] ?? '',
      agency: agency.slug,
    };
    const missing: Record<string, string> = {};
    if (input.username === '') missing['username'] = '请填写用户名';
    if (input.password === '') missing['password'] = '请设置初始密码';
    if (input.role === '') missing['role'] = '请选择角色';
    if (Object.keys(missing).length > 0) {
      return usersPage(c, { form: 'add', values: { username: input.username, role: input.role }, errors: missing }, 400);
    }
    try {
      await admin(c).users.create(actor(c), input);
    } catch (error) {
      const refused = refusal(error, 'add', values);
      if (refused === undefined) throw error;
      return usersPage(c, refused.state, refused.status);
    }
    return backToUsers(c, { done: 'created', user: input.username, role: input.role });
  });

  routes.post('/:slug/users/grant', guard, async (c) => {
    const values = await formOf(c);
    const input = { username: (values['username'] ?? '').trim(), role: values['role'] ?? '', agency: agencyOf(c).slug };
    const missing: Record<string, string> = {};
    if (input.username === '') missing['username'] = '请填写用户名';
    if (input.role === '') missing['role'] = '请选择角色';
    if (Object.keys(missing).length > 0) {
      return usersPage(c, { form: 'grant', values, errors: missing }, 400);
    }
    let added: boolean;
    try {
      added = (await admin(c).users.grant(actor(c), input)).added;
    } catch (error) {
      const refused = refusal(error, 'grant', values);
      if (refused === undefined) throw error;
      return usersPage(c, refused.state, refused.status);
    }
    return backToUsers(c, { done: added ? 'granted' : 'had', user: input.username, role: input.role });
  });

  routes.post('/:slug/users/:username/revoke', guard, async (c) => {
    const values = await formOf(c);
    const username = c.req.param('username');
    const role = values['role'] ?? '';
    try {
      await admin(c).users.revoke(actor(c), { username, role, agency: agencyOf(c).slug });
    } catch (error) {
      const refused = refusal(error, 'revoke', values);
      if (refused === undefined) throw error;
      return usersPage(c, { ...refused.state, errors: { _form: Object.values(refused.state.errors).join('；') } }, refused.status);
    }
    return backToUsers(c, { done: 'revoked', user: username, role });
  });

  routes.post('/:slug/users/:username/disable', guard, async (c) => {
    const result = await admin(c).users.disable(actor(c), c.req.param('username'));
    return backToUsers(c, { done: 'disabled', user: result.username, n: result.sessionsEnded, t: result.tokensSuspended });
  });

  routes.post('/:slug/users/:username/enable', guard, async (c) => {
    const username = c.req.param('username');
    const result = await admin(c).users.enable(actor(c), username);
    return backToUsers(c, { done: 'enabled', user: username, t: result.tokensRestored });
  });

  const passwordPage = (c: ConsoleContext, state?: FormState, status: ContentfulStatusCode = 200) =>
    renderConsolePage(c, {
      title: '重置密码',
      status,
      crumbs: [
        { label: '机构管理', href: '/console/admin' },
        { label: '用户管理', href: `${adminBase(agencyOf(c).slug)}/users` },
      ],
      main: renderPasswordMain({
        agency: agencyOf(c),
        username: c.req.param('username') ?? '',
        csrf: csrfField(c),
        ...(state === undefined ? {} : { state }),
      }),
    });

  routes.get('/:slug/users/:username/password', guard, async (c) => {
    // Only for an account the caller may see (NOT_FOUND alike for one outside its agencies).
    const accounts = await admin(c).users.list(actor(c), agencyOf(c).slug);
    if (!accounts.some((a) => a.username === c.req.param('username'))) {
      throw new DomainError('NOT_FOUND', `用户“${c.req.param('username')}”不存在`);
    }
    return passwordPage(c);
  });

  routes.post('/:slug/users/:username/password', guard, async (c) => {
    const values = await formOf(c);
    const username = c.req.param('username');
    const password = values['password'] ?? '';
    if (password === '' || password !== (values['confirm'] ?? '')) {
      return passwordPage(
        c,
        { form: 'password', values: {}, errors: password === '' ? { password: '请输入新密码' } : { confirm: '两次输入的密码不一致' } },
        400,
      );
    }
    let ended: number;
    try {
      ended = (await admin(c).users.setPassword(actor(c), username, password)).sessionsEnded;
    } catch (error) {
      const refused = refusal(error, 'password', values);
      if (refused === undefined) throw error;
      return passwordPage(c, refused.state, refused.status);
    }
    return backToUsers(c, { done: 'password', user: username, n: ended });
  });

  // ---- 机构设置 --------------------------------------------------------------------------------------
  const settingsPage = async (c: ConsoleContext, state?: FormState, status: ContentfulStatusCode = 200) => {
    const agency = agencyOf(c);
    const [settings, history] = await Promise.all([admin(c).settings.show(agency.slug), admin(c).settings.history(agency.slug)]);
    const changed = c.req.query('saved');
    const notice =
      state !== undefined || changed === undefined
        ? undefined
        : changed === '0'
          ? '提交的值与现行设置相同，未作修改。'
          : `已保存 ${Number.parseInt(changed, 10) || 0} 项设置，并记入修改历史。`;
    return renderConsolePage(c, {
      title: '机构设置',
      status,
      crumbs: [{ label: '机构管理', href: '/console/admin' }],
      main: renderSettingsMain({
        agency,
        settings,
        history,
        csrf: csrfField(c),
        ...(state === undefined ? {} : { state }),
        ...(notice === undefined ? {} : { notice }),
      }),
    });
  };

  routes.get('/:slug/settings', guard, (c) => settingsPage(c));

  routes.post('/:slug/settings', guard, async (c) => {
    const body = await c.req.parseBody({ all: true });
    const section = (typeof body['section'] === 'string' ? body['section'] : '') as SettingsSection;
    if (!(section in SETTINGS_SECTIONS)) {
      throw new DomainError('INVALID_INPUT', '未知的设置分组');
    }
    const keys: readonly string[] = SETTINGS_SECTIONS[section];
    const values: Record<string, string> = {};
    for (const key of keys) {
      const value = body[key];
      if (typeof value === 'string') {
        values[key] = value;
      }
    }
    const cleared = ([] as unknown[])
      .concat(body['clear'] ?? [])
      .filter((v): v is string => typeof v === 'string' && SECRET_SETTING_KEYS.has(v));
    const reset = ([] as unknown[]).concat(body['reset'] ?? []).filter((v): v is string => typeof v === 'string' && keys.includes(v));
    const reason = typeof body['reason'] === 'string' ? body['reason'] : '';
    let changed: readonly string[];
    try {
      changed = (
        await admin(c).settings.update({
          agency: agencyOf(c).slug,
          values,
          clearSecrets: cleared,
          reset,
          reason,
          who: actor(c).username,
        })
      ).changed;
    } catch (error) {
      const refused = refusal(error, section, { ...values, reason });
      if (refused === undefined) throw error;
      const kept = Object.fromEntries(Object.entries(refused.state.values).filter(([key]) => !SECRET_SETTING_KEYS.has(key)));
      return settingsPage(c, { ...refused.state, values: kept }, refused.status);
    }
    return c.redirect(`${adminBase(agencyOf(c).slug)}/settings?saved=${changed.length}#${section}-title`, 303);
  });

  // ---- 告知书模板 ------------------------------------------------------------------------------------
  routes.get('/:slug/templates', guard, async (c) => {
    const agency = agencyOf(c);
    const templates = await admin(c).templates.list(agency.slug);
    const done = c.req.query('done');
    const label = templates.find((t) => t.family === c.req.query('family'))?.familyLabel;
    const notice =
      label === undefined
        ? undefined
        : done === 'saved'
          ? `已保存“${label}”模板。`
          : done === 'reset'
            ? `“${label}”已恢复为默认模板。`
            : undefined;
    return renderConsolePage(c, {
      title: '告知书模板',
      crumbs: [{ label: '机构管理', href: '/console/admin' }],
      main: renderTemplatesMain({ agency, templates, ...(notice === undefined ? {} : { notice }) }),
    });
  });

  const templatePage = async (c: ConsoleContext, state?: FormState, status: ContentfulStatusCode = 200): Promise<Response> => {
    const agency = agencyOf(c);
    const template = (await admin(c).templates.list(agency.slug)).find((t) => t.family === c.req.param('family'));
    if (template === undefined) {
      throw new DomainError('NOT_FOUND', '没有这一类告知书模板');
    }
    return renderConsolePage(c, {
      title: `编辑模板：${template.familyLabel}`,
      status,
      crumbs: [
        { label: '机构管理', href: '/console/admin' },
        { label: '告知书模板', href: `${adminBase(agency.slug)}/templates` },
      ],
      main: renderTemplateEditMain({ agency, template, csrf: csrfField(c), ...(state === undefined ? {} : { state }) }),
    });
  };

  routes.get('/:slug/templates/:family', guard, (c) => templatePage(c));

  routes.post('/:slug/templates/:family', guard, async (c) => {
    const values = await formOf(c);
    const family = c.req.param('family');
    try {
      await admin(c).templates.set({
        agency: agencyOf(c).slug,
        family,
        title: values['title'] ?? '',
        addressee: values['addressee'] ?? '',
        body: values['body'] ?? '',
        actor: actor(c).username,
      });
    } catch (error) {
      const refused = refusal(error, 'template', values);
      if (refused === undefined) throw error;
      return templatePage(c, refused.state, refused.status);
    }
    return c.redirect(`${adminBase(agencyOf(c).slug)}/templates?done=saved&family=${encodeURIComponent(family)}`, 303);
  });

  routes.post('/:slug/templates/:family/reset', guard, async (c) => {
    const family = c.req.param('family');
    await admin(c).templates.reset({ agency: agencyOf(c).slug, family });
    return c.redirect(`${adminBase(agencyOf(c).slug)}/templates?done=reset&family=${encodeURIComponent(family)}`, 303);
  });

  return routes;
}

/** The agency dashboard at /console/{slug}/dashboard: every role of the agency (supervisors of a parent, system administrators). */
export function dashboardConsoleRoutes(): Hono<ConsoleEnv> {
  const routes = new Hono<ConsoleEnv>();
  routes.get(
    '/:slug/dashboard',
    requireAgencyRole({ param: 'slug' }, ['officer', 'reviewer', 'agency_admin', 'supervisor', 'system_admin']),
    async (c) => {
      const agency = agencyOf(c);
      const dashboard = await admin(c).dashboard(agency.slug);
      return renderConsolePage(c, {
        title: `${agency.name} 工作台`,
        main: renderDashboardMain(dashboard, { queue: `/console/cases?agency=${encodeURIComponent(agency.slug)}` }),
      });
    },
  );
  return routes;
}
