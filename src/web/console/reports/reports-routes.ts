// The console's 年度报告 area (/console/reports, issue #8): the report of an agency and year as an
// overview with the workflow buttons, a form per table (表二 entered; 表三, 表四 compiled, read-only)
// and the narrative, and a preview of the whole text. Every page asks the use cases, which check the
// agency (outside the caller's reach: 404, like an unknown one) and the role (403); a refused post
// re-renders its page with the Chinese message, the values kept, and changes nothing; a saved post
// answers 303 (post/redirect/get).
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { outcomeOf } from '#app/error-outcomes.ts';
import type { ReportActor } from '#app/reports/report-access.ts';
import type { ReportDraftView } from '#app/reports/show-report-draft.ts';
import { mayAccessAgency } from '#core/identity/access-policy.ts';
import { isWorkflowAction, REPORT_ACTION_LABEL } from '#core/reports/report-workflow.ts';
import { DomainError, isDomainError } from '#core/shared/domain-error.ts';
import { ALL_ROLES, type ConsoleContext, type ConsoleEnv, csrfField, renderConsolePage, requireRole } from '../console-kit.ts';
import {
  type FormState,
  type Notice,
  REPORT_PARTS,
  renderCompiledTable,
  renderNarrativeForm,
  renderReportIndex,
  renderReportOverview,
  renderReportPreview,
  renderTable2Form,
  reportBase,
} from './report-pages.ts';

const YEAR = ':year{[0-9]{4}}';

const actorOf = (c: ConsoleContext): ReportActor => {
  const { actor } = c.get('staff');
  return { username: actor.username, grants: actor.grants };
};

const reportsOf = (c: ConsoleContext) => {
  const reports = c.get('services').reports;
  if (reports === undefined) {
    throw new DomainError('UNAVAILABLE', '年度报告服务尚未启用');
  }
  return reports;
};

/** The Beijing calendar year of now. */
const currentYear = () => Number(new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 4));

async function load(c: ConsoleContext): Promise<ReportDraftView> {
  return reportsOf(c).show(actorOf(c), c.req.param('slug') ?? '', Number(c.req.param('year')));
}

const crumbsOf = (view: ReportDraftView) => [
  { label: '年度报告', href: '/console/reports' },
  { label: `${view.agency.name}${view.year}年度`, href: reportBase(view) },
];

/** The revision the form was built from; a missing or garbled one (-1) is refused as stale after the access checks. */
function revisionOf(form: Record<string, unknown>): number {
  const text = form['revision'];
  return typeof text === 'string' && /^\d{1,9}$/.test(text) ? Number(text) : -1;
}

/** The form's fields of one kind (`cell:` or `section:`) as strings. */
function fieldsOf(form: Record<string, unknown>, prefix: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(form)) {
    if (key.startsWith(prefix) && typeof value === 'string') {
      values[key] = value;
    }
  }
  return values;
}

/** A refused form is shown again: 422 for its fields (like the portal's application form), else the outcome's status (409 …). */
const formStatus = (error: DomainError): ContentfulStatusCode =>
  error.code === 'INVALID_INPUT' ? 422 : (outcomeOf(error).http as ContentfulStatusCode);

const SAVED_NOTICE: Notice = { kind: 'ok', text: '已保存。' };

export function reportsConsoleRoutes(): Hono<ConsoleEnv> {
  const routes = new Hono<ConsoleEnv>();
  routes.use('*', requireRole(ALL_ROLES));

  routes.get('/', (c) => {
    const staff = c.get('staff');
    const agencies = staff.agencies.filter((agency) => mayAccessAgency(staff.actor.grants, staff.tree, agency.slug, 'read'));
    const last = currentYear() - 1;
    return renderConsolePage(c, { title: '年度报告', main: renderReportIndex({ agencies, years: [last, last - 1], defaultYear: last }) });
  });

  routes.get('/open', (c) => {
    const agency = c.req.query('agency') ?? '';
    const year = c.req.query('year') ?? '';
    if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(agency) || !/^\d{4}$/.test(year)) {
      throw new DomainError('INVALID_INPUT', '请选择机构并填写四位数的年度');
    }
    return c.redirect(`/console/reports/${agency}/${year}`, 303);
  });

  routes.get(`/:slug/${YEAR}`, async (c) => {
    const view = await load(c);
    const done = c.req.query('done');
    const notice: Notice | undefined =
      done !== undefined && isWorkflowAction(done) ? { kind: 'ok', text: `已${REPORT_ACTION_LABEL[done]}。` } : undefined;
    return renderConsolePage(c, {
      title: `${view.agency.name}${view.year}年度报告`,
      crumbs: [{ label: '年度报告', href: '/console/reports' }],
      main: renderReportOverview(view, { csrf: csrfField(c), ...(notice === undefined ? {} : { notice }) }),
    });
  });

  routes.post(`/:slug/${YEAR}/actions`, async (c) => {
    const form = await c.req.parseBody();
    const action = typeof form['action'] === 'string' ? form['action'] : '';
    const comment = typeof form['comment'] === 'string' ? form['comment'] : '';
    const slug = c.req.param('slug');
    const year = Number(c.req.param('year'));
    if (!isWorkflowAction(action)) {
      await load(c); // the agency's access first: another agency's report stays NOT_FOUND
      throw new DomainError('INVALID_INPUT', '未知的操作');
    }
    try {
      await reportsOf(c).act(actorOf(c), slug, year, action, comment, revisionOf(form));
    } catch (error) {
      if (!isDomainError(error) || !['INVALID_INPUT', 'INVALID_TRANSITION', 'STALE_VERSION'].includes(error.code)) {
        throw error;
      }
      const view = await load(c);
      const commentError = error.details.fields?.['comment'];
      return renderConsolePage(c, {
        title: `${view.agency.name}${view.year}年度报告`,
        crumbs: [{ label: '年度报告', href: '/console/reports' }],
        status: formStatus(error),
        main: renderReportOverview(view, {
          csrf: csrfField(c),
          notice: { kind: 'error', text: error.message },
          comment,
          ...(commentError === undefined ? {} : { commentError }),
        }),
      });
    }
    return c.redirect(`/console/reports/${slug}/${year}?done=${action}`, 303);
  });

  for (const part of ['table2', 'narrative'] as const) {
    const render = (c: ConsoleContext, view: ReportDraftView, extra: { state?: FormState; notice?: Notice }) =>
      part === 'table2'
        ? renderTable2Form(view, { csrf: csrfField(c), ...extra })
        : renderNarrativeForm(view, { csrf: csrfField(c), ...extra });
    const title = (view: ReportDraftView) => `${view.agency.name}${view.year}年度报告 ${part === 'table2' ? '表二' : '正文'}`;

    routes.get(`/:slug/${YEAR}/${part}`, async (c) => {
      const view = await load(c);
      return renderConsolePage(c, {
        title: title(view),
        crumbs: crumbsOf(view),
        main: render(c, view, c.req.query('saved') === undefined ? {} : { notice: SAVED_NOTICE }),
      });
    });

    routes.post(`/:slug/${YEAR}/${part}`, async (c) => {
      const form = await c.req.parseBody();
      const values = fieldsOf(form, part === 'table2' ? 'cell:' : 'section:');
      const slug = c.req.param('slug');
      const year = Number(c.req.param('year'));
      try {
        await reportsOf(c).save(actorOf(c), slug, year, revisionOf(form), values);
      } catch (error) {
        if (!isDomainError(error) || !['INVALID_INPUT', 'INVALID_TRANSITION', 'STALE_VERSION'].includes(error.code)) {
          throw error;
        }
        const view = await load(c);
        const errors = error.code === 'INVALID_INPUT' ? (error.details.fields ?? {}) : {};
        return renderConsolePage(c, {
          title: title(view),
          crumbs: crumbsOf(view),
          status: formStatus(error),
          main: render(c, view, {
            state: { values, errors },
            ...(error.code === 'INVALID_INPUT' ? {} : { notice: { kind: 'error', text: `${error.message}。您填写的内容未保存。` } }),
          }),
        });
      }
      return c.redirect(`/console/reports/${slug}/${year}/${part}?saved=1`, 303);
    });
  }

  for (const part of ['table3', 'table4'] as const) {
    routes.get(`/:slug/${YEAR}/${part}`, async (c) => {
      const view = await load(c);
      const label = REPORT_PARTS.find((p) => p.id === part)?.short ?? part;
      return renderConsolePage(c, {
        title: `${view.agency.name}${view.year}年度报告 ${label}`,
        crumbs: crumbsOf(view),
        main: renderCompiledTable(view, part),
      });
    });
  }

  routes.get(`/:slug/${YEAR}/preview`, async (c) => {
    const view = await load(c);
    return renderConsolePage(c, {
      title: `${view.agency.name}${view.year}年度报告 预览`,
      crumbs: crumbsOf(view),
      main: renderReportPreview(view),
    });
  });

  return routes;
}
