// The console's 案件办理 area (/console/cases, issue #8): the queue, staff entry of an application,
// the case page with one form per allowed event, and the reply letter (HTML preview, DOCX).
// Access follows the staff API's rule (core/identity/access-policy.ts): a case outside the caller's
// readable agencies answers 404 like an unknown one and shows nothing of it; a caller who may read
// but not write (监督员) gets 403 on every write. CSRF is checked by the console before any handler.
import { Hono } from 'hono';
import { html } from 'hono/html';
import { isMultipart, readUploadForm } from '#adapters/http/read-upload.ts';
import { ATTACHMENTS_FIELD } from '#app/attachments/check-incoming-files.ts';
import type { CaseWorkspace } from '#app/cases/get-case-workspace.ts';
import { type CaseQueue, QUEUE_STATES, type QueueState } from '#app/cases/list-case-queue.ts';
import { ATTACHMENT_SOURCE_LABEL, ATTACHMENT_SOURCES, type AttachmentSource } from '#core/attachments/check-attachment.ts';
import { CASE_EVENT_LABEL, type CaseEventType, isCaseEventType } from '#core/cases/case-event.ts';
import { readableAgencies } from '#core/identity/access-policy.ts';
import { DomainError, isDomainError } from '#core/shared/domain-error.ts';
import { renderAttachmentsPanel } from '../../attachments/attachments-panel.ts';
import { APPLY_FIELDS } from '../../portal/apply.page.ts';
import {
  ALL_ROLES,
  agencyName,
  type ConsoleContext,
  type ConsoleEnv,
  csrfField,
  mayAccessCases,
  renderConsolePage,
  requireRole,
  WRITE_ROLES,
} from '../console-kit.ts';
import { type EventFormState, renderCasePage } from './case.page.ts';
import { renderQueuePage } from './case-queue.page.ts';
import { eventFromForm } from './event-forms.ts';
import { renderLetterPreview } from './letter.page.ts';
import {
  ENTRY_FIELDS,
  type EntryField,
  type EntryFormState,
  renderEntryReceipt,
  renderNewApplicationPage,
} from './new-application.page.ts';

const CASES = { label: '案件办理', href: '/console/cases' };

function readable(c: ConsoleContext): 'all' | ReadonlySet<string> {
  const staff = c.get('staff');
  return readableAgencies(staff.actor.grants, staff.tree);
}

/** The agencies (slug, name) the caller may read, in the instance's order. */
function readableList(c: ConsoleContext): { slug: string; name: string }[] {
  const scope = readable(c);
  return c
    .get('staff')
    .agencies.filter((a) => scope === 'all' || scope.has(a.slug))
    .map((a) => ({ slug: a.slug, name: a.name }));
}

/** The agencies where the caller may record cases. */
function writableList(c: ConsoleContext): { slug: string; name: string }[] {
  return readableList(c).filter((a) => mayAccessCases(c, a.slug, 'write'));
}

const services = (c: ConsoleContext) => c.get('services').caseWork;

/** The notice after the 承办人 form (post/redirect/get), by its outcome. */
const OFFICER_NOTICE: Readonly<Record<string, (officer: string | null) => string>> = {
  assigned: (officer) => `已指定承办人：${officer ?? '未分配'}。`,
  unassigned: () => '已取消承办人，案件现为未分配。',
  unchanged: () => '承办人未变更。',
};

const formText = (form: Record<string, unknown>, name: string): string => {
  const value = form[name];
  return typeof value === 'string' ? value : '';
};

async function caseOrNotFound(c: ConsoleContext, caseCode: string): Promise<CaseWorkspace> {
  return services(c).workspace({ caseCode, agencies: readable(c) });
}

/** What the case page's attachments panel shows beyond the list (after a refused upload). */
interface AttachmentsState {
  readonly error?: string;
  readonly source?: AttachmentSource;
}

/** The attachments panel: the list with download links, and the upload form for a caller who may write. */
async function attachmentsPanel(c: ConsoleContext, workspace: CaseWorkspace, mayWrite: boolean, state: AttachmentsState = {}) {
  const attachments = c.get('services').attachments;
  if (attachments === undefined) {
    return html`<section id="attachments" aria-labelledby="attachments-title"><h2 id="attachments-title">附件</h2><p class="empty">本实例未配置附件存储。</p></section>`;
  }
  const caseCode = workspace.case.caseCode;
  return renderAttachmentsPanel({
    caseCode,
    items: await attachments.listAttachments({ caseCode }),
    limits: attachments.limits,
    ...(mayWrite ? { uploadAction: `/console/cases/${encodeURIComponent(caseCode)}/attachments`, csrfField: csrfField(c) } : {}),
    ...(state.error === undefined ? {} : { error: state.error }),
    ...(state.source === undefined ? {} : { source: state.source }),
  });
}

async function renderCase(
  c: ConsoleContext,
  workspace: CaseWorkspace,
  extra: {
    form?: EventFormState;
    notice?: string;
    status?: 200 | 400 | 409 | 413 | 422;
    attachments?: AttachmentsState;
    officerForm?: { value: string; error: string };
  } = {},
) {
  const mayWrite = mayAccessCases(c, workspace.case.agency, 'write');
  return renderConsolePage(c, {
    title: `${extra.status === undefined || extra.status === 200 ? '' : '错误：'}案件 ${workspace.case.caseCode}`,
    crumbs: [CASES],
    ...(extra.status === undefined ? {} : { status: extra.status }),
    main: renderCasePage({
      workspace,
      agencyName: agencyName(c, workspace.case.agency),
      csrf: csrfField(c),
      mayWrite,
      attachments: await attachmentsPanel(c, workspace, mayWrite, extra.attachments),
      ...(extra.form === undefined ? {} : { form: extra.form }),
      ...(extra.officerForm === undefined ? {} : { officerForm: extra.officerForm }),
      ...(extra.notice === undefined ? {} : { notice: extra.notice }),
    }),
  });
}

/** The applicant checks say 必填 for an empty field; the form says what to fill in. */
const plainMessages = (fields: Readonly<Record<string, string>>): Record<string, string> =>
  Object.fromEntries(Object.entries(fields).map(([key, message]) => [key, message === '必填' ? '请填写此项' : message]));

/** No rows, with the submitted filters kept where they are valid (a refused filter form). */
const emptyQueue = (today: string, given: { state: string; due: string; q: string; officer: string }): CaseQueue => ({
  today: today as CaseQueue['today'],
  filter: {
    state: (QUEUE_STATES as readonly string[]).includes(given.state) ? (given.state as QueueState) : 'open',
    due: given.due === 'overdue' || given.due === 'soon' ? given.due : '',
    q: given.q,
    officer: given.officer,
  },
  officers: [],
  items: [],
  total: 0,
  page: 1,
  pageCount: 1,
  pageSize: 50,
});

export function casesConsoleRoutes(): Hono<ConsoleEnv> {
  const routes = new Hono<ConsoleEnv>();

  routes.get('/', requireRole(ALL_ROLES), async (c) => {
    const agencies = readableList(c);
    const agency = (c.req.query('agency') ?? '').trim();
    const query = {
      state: c.req.query('state') ?? '',
      due: c.req.query('due') ?? '',
      q: c.req.query('q') ?? '',
      officer: c.req.query('officer') ?? '',
      page: c.req.query('page') ?? '',
    };
    // 我承办的: the signed-in user's own cases.
    const officer = query.officer === 'me' ? c.get('staff').actor.username : query.officer;
    const mayEnter = writableList(c).length > 0;
    const render = (queue: CaseQueue, errors?: Record<string, string>, status: 200 | 400 = 200) =>
      renderConsolePage(c, {
        title: '案件办理',
        status,
        main: renderQueuePage({
          queue,
          agencies,
          agency,
          mayEnter,
          me: c.get('staff').actor.username,
          ...(errors === undefined ? {} : { errors }),
        }),
      });
    if (agency !== '' && !agencies.some((a) => a.slug === agency)) {
      // Like a case outside the caller's agencies: nothing about whether the agency exists.
      throw new DomainError('NOT_FOUND', '未找到该机关，或您无权查看该机关的案件');
    }
    try {
      const queue = await services(c).queue({ ...query, officer, agencies: agency === '' ? agencies.map((a) => a.slug) : [agency] });
      return render(queue);
    } catch (error) {
      if (isDomainError(error, 'INVALID_INPUT')) {
        return render(emptyQueue(services(c).today(), query), (error.details['fields'] as Record<string, string>) ?? {}, 400);
      }
      throw error;
    }
  });

  routes.get('/new', requireRole(WRITE_ROLES), (c) => {
    const agencies = writableList(c);
    if (agencies.length === 0) {
      throw new DomainError('FORBIDDEN', '您没有登记申请的权限');
    }
    return renderConsolePage(c, {
      title: '登记新申请',
      crumbs: [CASES],
      main: renderNewApplicationPage({ agencies, state: { values: {}, errors: {} }, csrf: csrfField(c), today: services(c).today() }),
    });
  });

  routes.post('/new', requireRole(WRITE_ROLES), async (c) => {
    const agencies = writableList(c);
    const form = await c.req.parseBody();
    const values: Partial<Record<EntryField, string>> = {};
    for (const field of ENTRY_FIELDS) {
      values[field] = formText(form, field);
    }
    const agency = values.agency ?? '';
    // An agency the caller may not record for is refused before anything is read or written.
    if (agency !== '' && !agencies.some((a) => a.slug === agency) && c.get('staff').tree.has(agency)) {
      throw new DomainError('FORBIDDEN', '您没有在该机关登记申请的权限');
    }
    const applicant: Record<string, string> = {};
    for (const field of APPLY_FIELDS) {
      const value = (values[field] ?? '').trim();
      if (field.startsWith('applicant.') && value !== '') {
        applicant[field.slice('applicant.'.length)] = value;
      }
    }
    const state = (errors: Record<string, string>): EntryFormState => ({ values, errors });
    const refuse = (errors: Record<string, string>) =>
      renderConsolePage(c, {
        title: '错误：登记新申请',
        crumbs: [CASES],
        status: 422,
        main: renderNewApplicationPage({ agencies, state: state(errors), csrf: csrfField(c), today: services(c).today() }),
      });
    if (!agencies.some((a) => a.slug === agency)) {
      return refuse({ agency: '请选择受理机关' });
    }
    if ((values.channel ?? '') === '') {
      return refuse({ channel: '请选择收到渠道' });
    }
    try {
      const created = await services(c).enterApplication({
        agency,
        applicant,
        description: values.description ?? '',
        delivery: values.delivery ?? '',
        channel: values.channel,
        received: values.received ?? '',
        receivedTime: values.receivedTime ?? '',
        actor: c.get('staff').actor.username,
      });
      return renderConsolePage(c, { title: '申请已登记', crumbs: [CASES], status: 201, main: renderEntryReceipt(created) });
    } catch (error) {
      if (isDomainError(error, 'INVALID_INPUT')) {
        const fields = (error.details['fields'] as Record<string, string> | undefined) ?? { received: error.message };
        return refuse(plainMessages(fields));
      }
      throw error;
    }
  });

  routes.get('/:caseCode', requireRole(ALL_ROLES), async (c) => {
    const workspace = await caseOrNotFound(c, c.req.param('caseCode'));
    const done = c.req.query('recorded');
    const attached = c.req.query('attached');
    const officer = OFFICER_NOTICE[c.req.query('officer') ?? ''];
    const notice =
      done !== undefined && isCaseEventType(done)
        ? `已登记“${CASE_EVENT_LABEL[done]}”。`
        : attached !== undefined && /^[1-9][0-9]{0,2}$/.test(attached)
          ? `已上传 ${attached} 个附件。`
          : officer === undefined
            ? undefined
            : officer(workspace.case.officer);
    return renderCase(c, workspace, notice === undefined ? {} : { notice });
  });

  routes.post('/:caseCode/events', requireRole(WRITE_ROLES), async (c) => {
    const workspace = await caseOrNotFound(c, c.req.param('caseCode'));
    if (!mayAccessCases(c, workspace.case.agency, 'write')) {
      throw new DomainError('FORBIDDEN', '您的角色只能查看该机关的案件');
    }
    const form = await c.req.parseBody();
    const type = formText(form, 'type');
    if (!isCaseEventType(type) || !workspace.allowed.includes(type)) {
      const label = isCaseEventType(type) ? `“${CASE_EVENT_LABEL[type]}”` : '该事件';
      return renderCase(c, workspace, {
        status: 409,
        notice: `未登记：案件当前状态（${workspace.case.stateLabel}）不能登记${label}。`,
      });
    }
    const values: Record<string, string> = {};
    for (const [key, value] of Object.entries(form)) {
      if (typeof value === 'string' && key !== '_csrf' && key !== 'type') {
        values[key] = value;
      }
    }
    try {
      await services(c).recordEvent({
        caseCode: workspace.case.caseCode,
        agency: workspace.case.agency,
        event: eventFromForm(type, values),
        actor: c.get('staff').actor.username,
      });
    } catch (error) {
      if (isDomainError(error, 'INVALID_INPUT') || isDomainError(error, 'INVALID_TRANSITION')) {
        return renderCase(c, workspace, {
          status: isDomainError(error, 'INVALID_INPUT') ? 422 : 409,
          form: { type: type as CaseEventType, values, error: error.message },
        });
      }
      throw error;
    }
    return c.redirect(`/console/cases/${encodeURIComponent(workspace.case.caseCode)}?recorded=${type}`, 303);
  });

  // 承办人: the same rule as POST /api/cases/{code}/assign (write access to the case) and the same use case.
  routes.post('/:caseCode/assign', requireRole(WRITE_ROLES), async (c) => {
    const workspace = await caseOrNotFound(c, c.req.param('caseCode'));
    if (!mayAccessCases(c, workspace.case.agency, 'write')) {
      throw new DomainError('FORBIDDEN', '您的角色只能查看该机关的案件');
    }
    const officer = formText(await c.req.parseBody(), 'officer').trim();
    try {
      await c.get('services').cases.assignCaseOfficer({
        actor: c.get('staff').actor,
        caseCode: workspace.case.caseCode,
        officer: officer === '' ? null : officer,
      });
      const done = (workspace.case.officer ?? '') === officer ? 'unchanged' : officer === '' ? 'unassigned' : 'assigned';
      return c.redirect(`/console/cases/${encodeURIComponent(workspace.case.caseCode)}?officer=${done}`, 303);
    } catch (error) {
      if (isDomainError(error, 'INVALID_INPUT')) {
        return renderCase(c, workspace, { status: 422, officerForm: { value: officer, error: `未保存：${error.message}` } });
      }
      throw error;
    }
  });

  routes.post('/:caseCode/attachments', requireRole(WRITE_ROLES), async (c) => {
    const workspace = await caseOrNotFound(c, c.req.param('caseCode'));
    if (!mayAccessCases(c, workspace.case.agency, 'write')) {
      throw new DomainError('FORBIDDEN', '您的角色只能查看该机关的案件');
    }
    const attachments = c.get('services').attachments;
    if (attachments === undefined) {
      throw new DomainError('UNAVAILABLE', '附件存储未配置');
    }
    const refuse = (message: string, source?: AttachmentSource) =>
      renderCase(c, workspace, { status: 422, attachments: { error: message, ...(source === undefined ? {} : { source }) } });
    if (!isMultipart(c)) {
      return refuse('请选择要上传的文件（表单须以 multipart/form-data 提交）');
    }
    // The console has parsed the body already (for `_csrf`, under its body limit): this reads the cache.
    const form = await readUploadForm(c);
    const channel = form.fields['channel'] ?? '';
    const source = (ATTACHMENT_SOURCES as readonly string[]).includes(channel) ? (channel as AttachmentSource) : undefined;
    if (channel !== '' && source === undefined) {
      return refuse(`附件来源应为 ${ATTACHMENT_SOURCES.map((s) => ATTACHMENT_SOURCE_LABEL[s]).join('、')} 之一`);
    }
    try {
      const added = await attachments.attachFiles({
        actor: c.get('staff').actor,
        caseCode: workspace.case.caseCode,
        files: form.files[ATTACHMENTS_FIELD] ?? [],
        ...(source === undefined ? {} : { channel: source }),
      });
      return c.redirect(`/console/cases/${encodeURIComponent(workspace.case.caseCode)}?attached=${added.length}#attachments`, 303);
    } catch (error) {
      if (isDomainError(error, 'INVALID_INPUT') || isDomainError(error, 'CONFLICT')) {
        const fields = error.details['fields'] as Record<string, string> | undefined;
        return refuse(fields?.[ATTACHMENTS_FIELD] ?? error.message, source);
      }
      throw error;
    }
  });

  routes.get('/:caseCode/letter', requireRole(ALL_ROLES), async (c) => {
    const workspace = await caseOrNotFound(c, c.req.param('caseCode'));
    const { letter } = await services(c).letter({
      caseCode: workspace.case.caseCode,
      agency: workspace.case.agency,
      actor: c.get('staff').actor.username,
    });
    return renderConsolePage(c, {
      title: `告知书 ${workspace.case.caseCode}`,
      crumbs: [CASES, { label: `案件 ${workspace.case.caseCode}`, href: `/console/cases/${workspace.case.caseCode}` }],
      main: renderLetterPreview(workspace.case.caseCode, letter),
    });
  });

  routes.get('/:caseCode/letter.docx', requireRole(ALL_ROLES), async (c) => {
    const workspace = await caseOrNotFound(c, c.req.param('caseCode'));
    const work = services(c);
    const { letter, docNumber } = await work.letter({
      caseCode: workspace.case.caseCode,
      agency: workspace.case.agency,
      actor: c.get('staff').actor.username,
    });
    const bytes = await work.letterDocx(letter);
    const name = `告知书-${workspace.case.caseCode}.docx`;
    c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    c.header('Content-Disposition', `attachment; filename="${workspace.case.caseCode}.docx"; filename*=UTF-8''${encodeURIComponent(name)}`);
    c.header('X-Doc-Number', encodeURIComponent(docNumber));
    return c.body(bytes as Uint8Array<ArrayBuffer>);
  });

  return routes;
}
