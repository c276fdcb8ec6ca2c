// The public portal (issue #8): server-rendered Simplified Chinese pages that work without
// JavaScript, mounted on the same Hono app as the API. Every form POST is CSRF-checked before
// anything is read or written; a valid application answers 303 to its receipt (post/redirect/get).
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { intakeSchema } from '#adapters/http/api/applications/schema.ts';
import { type LogLine, logDefect } from '#adapters/http/error-response.ts';
import type { ApplicationStatus } from '#adapters/http/http-services.ts';
import { CSRF_FIELD, createCsrf } from '#adapters/http/middleware/csrf.ts';
import { type RateLimitResolver, type RateLimitSetting, rateLimit } from '#adapters/http/middleware/rate-limit.ts';
import { sharedPage } from '#adapters/http/page-cache.ts';
import { isMultipart, readUploadForm, uploadBodyLimit } from '#adapters/http/read-upload.ts';
import { validate } from '#adapters/http/validate-body.ts';
import { checkIncomingFiles } from '#app/attachments/check-incoming-files.ts';
import { DEFECT_OUTCOME, outcomeOf } from '#app/error-outcomes.ts';
import { type AttachmentLimits, DEFAULT_ATTACHMENT_LIMITS } from '#core/attachments/check-attachment.ts';
import { DomainError, isDomainError } from '#core/shared/domain-error.ts';
import { renderAgencyHomePage } from './agency-home.page.ts';
import { APPLY_FIELDS, type ApplyField, type ApplyFormState, ATTACHMENTS_INPUT, missingMessage, renderApplyPage } from './apply.page.ts';
import { renderErrorPage } from './error.page.ts';
import { renderHomePage } from './home.page.ts';
import type { Html } from './layout.ts';
import { PORTAL_CSS, PORTAL_CSS_PATH } from './portal-css.ts';
import type { PortalAgency, PortalServices } from './portal-services.ts';
import { renderReceiptPage } from './receipt.page.ts';
import { registerReportRoutes } from './report-routes.ts';
import { renderStatusPage } from './status.page.ts';

export interface PortalOptions {
  /** The services once the database is migrated; undefined while starting (pages answer 503). */
  readonly services: () => PortalServices | undefined;
  /** Public intake rate limit per client address (`off` for load tests). */
  readonly intakeRateLimit: RateLimitSetting | 'off' | RateLimitResolver;
  readonly log: LogLine;
  /** Key of the CSRF token signatures (or a function giving it); random per process when absent. */
  readonly csrfSecret?: Uint8Array | (() => Uint8Array);
  /** Largest accepted form body in bytes (default 64 KiB); a multipart form with files: the attachment limits'. */
  readonly maxFormBytes?: number;
  /** Upload limits of the application form's attachments (default 20 MB, 10 files). */
  readonly attachmentLimits?: AttachmentLimits;
}

/** Only 'self': no inline script or style anywhere, forms post only to this origin, no framing. */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'none'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
};

const page = (c: Context, body: Html, status: ContentfulStatusCode = 200): Response | Promise<Response> => c.html(body, status);

/** Pages that carry a CSRF token or a verification code are never stored by caches. */
const noStore = (c: Context): void => {
  c.header('Cache-Control', 'private, no-store');
};

/** The dotted form fields → the JSON API's nested body; empty fields count as not given. */
function toIntakeInput(values: Readonly<Partial<Record<ApplyField, string>>>): unknown {
  const applicant: Record<string, string> = {};
  const body: Record<string, unknown> = { applicant };
  for (const field of APPLY_FIELDS) {
    const value = values[field];
    if (value === undefined || value.trim() === '') {
      continue;
    }
    if (field.startsWith('applicant.')) {
      applicant[field.slice('applicant.'.length)] = value;
    } else {
      body[field] = value;
    }
  }
  return body;
}

/** The fields every application needs: left empty, they get "请填写…"/"请选择…" rather than the API's wording. */
const ALWAYS_REQUIRED: readonly ApplyField[] = ['applicant.type', 'applicant.name', 'description', 'delivery'];

/** Field messages keyed by the form's names (empty required fields made plain; a use case's bare applicant keys prefixed). */
function formErrors(
  fields: Readonly<Record<string, string>>,
  values: Readonly<Partial<Record<ApplyField, string>>>,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [key, message] of Object.entries(fields)) {
    const name = (APPLY_FIELDS as readonly string[]).includes(key)
      ? (key as ApplyField)
      : (APPLY_FIELDS as readonly string[]).includes(`applicant.${key}`)
        ? (`applicant.${key}` as ApplyField)
        : undefined;
    if (name === undefined) {
      errors[key] = message;
    } else {
      const empty = (values[name] ?? '').trim() === '';
      errors[name] ??= message === '必填' || (empty && ALWAYS_REQUIRED.includes(name)) ? missingMessage(name) : message;
    }
  }
  return errors;
}

export function portalRoutes(options: PortalOptions): Hono {
  const csrf = createCsrf(options.csrfSecret);
  const limits = options.attachmentLimits ?? DEFAULT_ATTACHMENT_LIMITS;
  const formLimit = bodyLimit({
    maxSize: options.maxFormBytes ?? 64 * 1024,
    onError: () => {
      throw new DomainError('PAYLOAD_TOO_LARGE', '提交的内容过长');
    },
  });
  const uploadLimit = bodyLimit({
    maxSize: uploadBodyLimit(limits),
    onError: () => {
      throw new DomainError('PAYLOAD_TOO_LARGE', `提交的附件总量过大（最多 ${limits.maxFiles} 个文件，每个不超过上限）`);
    },
  });
  const services = (): PortalServices => {
    const ready = options.services();
    if (ready === undefined) {
      throw new DomainError('UNAVAILABLE', '服务正在启动，请稍后再试');
    }
    return ready;
  };
  const findAgency = async (slug: string): Promise<PortalAgency> => {
    const agency = (await services().listAgencies()).find((candidate) => candidate.slug === slug);
    if (agency === undefined) {
      throw new DomainError('NOT_FOUND', '未找到该机关');
    }
    return agency;
  };

  const portal = new Hono();
  portal.use(
    secureHeaders({
      contentSecurityPolicy: CONTENT_SECURITY_POLICY,
      referrerPolicy: 'no-referrer',
      crossOriginEmbedderPolicy: false,
    }),
  );
  portal.onError((error, c) => {
    logDefect(c, error, options.log);
    if (!isDomainError(error)) {
      return page(c, renderErrorPage('系统错误', DEFECT_OUTCOME.zh), DEFECT_OUTCOME.http);
    }
    const outcome = outcomeOf(error);
    if (error.code === 'RATE_LIMITED' && typeof error.details['retryAfterSeconds'] === 'number') {
      c.header('Retry-After', String(error.details['retryAfterSeconds']));
    }
    const title = error.code === 'NOT_FOUND' ? '页面不存在' : outcome.zh;
    return page(c, renderErrorPage(title, outcome.message), outcome.http as ContentfulStatusCode);
  });

  portal.get(PORTAL_CSS_PATH, (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    return c.body(PORTAL_CSS);
  });

  // The two homes depend on the agency list alone: each is rendered once per list read (the list and
  // its agencies are new objects after each read, so a changed agency is rendered afresh).
  const homes = new WeakMap<readonly PortalAgency[], Promise<string>>();
  const agencyHomes = new WeakMap<PortalAgency, Promise<string>>();
  const rendered = <K extends object>(cache: WeakMap<K, Promise<string>>, key: K, render: (key: K) => Html): Promise<string> => {
    let body = cache.get(key);
    if (body === undefined) {
      body = Promise.resolve(render(key)).then(String);
      cache.set(key, body);
    }
    return body;
  };

  portal.get('/', async (c) => {
    const body = await rendered(homes, await services().listAgencies(), renderHomePage);
    sharedPage(c);
    return c.html(body);
  });

  portal.get('/status', async (c) => {
    noStore(c);
    const code = (c.req.query('code') ?? '').trim();
    const v = (c.req.query('v') ?? '').trim();
    if (c.req.query('code') === undefined && c.req.query('v') === undefined) {
      return page(c, renderStatusPage({ code, v, errors: {} }));
    }
    const errors = {
      ...(code === '' ? { code: '请填写案件编号' } : {}),
      ...(v === '' ? { v: '请填写验证码' } : {}),
    };
    if (code === '' || v === '') {
      return page(c, renderStatusPage({ code, v, errors }), 422);
    }
    let result: ApplicationStatus | 'not-found';
    try {
      result = await services().cases.lookupApplicationStatus({ caseCode: code, verificationCode: v });
    } catch (error) {
      if (!isDomainError(error, 'NOT_FOUND') && !isDomainError(error, 'INVALID_INPUT')) {
        throw error;
      }
      result = 'not-found';
    }
    return page(c, renderStatusPage({ code, v, errors: {}, result }), result === 'not-found' ? 404 : 200);
  });

  portal.get('/:slug{[a-z0-9][a-z0-9-]{0,62}}', (c) => c.redirect(`/${c.req.param('slug')}/`, 301));

  portal.get('/:slug/', async (c) => {
    const hasReports = services().reports !== undefined;
    const body = await rendered(agencyHomes, await findAgency(c.req.param('slug')), (agency) => renderAgencyHomePage(agency, hasReports));
    sharedPage(c);
    return c.html(body);
  });

  registerReportRoutes(portal, { services, findAgency });

  portal.get('/:slug/apply', async (c) => {
    const agency = await findAgency(c.req.param('slug'));
    noStore(c);
    return page(c, renderApplyPage(agency, { values: {}, errors: {} }, csrf.issue(c), limits));
  });

  portal.post(
    '/:slug/apply',
    (c, next) => (isMultipart(c) ? uploadLimit(c, next) : formLimit(c, next)),
    rateLimit(options.intakeRateLimit),
    async (c) => {
      // url-encoded (the contract) or multipart/form-data (the form with its file input): same fields.
      const { fields: form, files } = await readUploadForm(c);
      const attachments = files[ATTACHMENTS_INPUT] ?? [];
      // Checked before anything else is read: a forged post learns nothing and writes nothing.
      if (!csrf.verify(c, form[CSRF_FIELD])) {
        return page(c, renderErrorPage('请求无效', '页面已过期或来源无法验证。请返回申请页面，重新填写并提交。'), 403);
      }
      const agency = await findAgency(c.req.param('slug'));
      noStore(c);
      const values: Partial<Record<ApplyField, string>> = {};
      for (const field of APPLY_FIELDS) {
        const value = form[field];
        if (typeof value === 'string') {
          values[field] = value;
        }
      }
      const refuse = (fields: Readonly<Record<string, string>>) => {
        const errors = formErrors(fields, values);
        if (attachments.length > 0 && errors[ATTACHMENTS_INPUT] === undefined) {
          // A browser never refills a file input: say so beside it.
          errors[ATTACHMENTS_INPUT] = `申请未提交成功，请重新选择附件（已选 ${attachments.length} 个）`;
        }
        const state: ApplyFormState = { values, errors };
        return page(c, renderApplyPage(agency, state, csrf.issue(c), limits), 422);
      };
      const checked = validate(intakeSchema, toIntakeInput(values));
      if (!checked.ok) {
        // The files' problems in the same round as the other fields' (nothing is written either way).
        const files = attachments.length === 0 ? undefined : checkIncomingFiles(attachments, limits, 0);
        return refuse(files === undefined || files.ok ? checked.fields : { ...checked.fields, [ATTACHMENTS_INPUT]: files.message });
      }
      try {
        const receipt = await services().cases.createApplication({
          agency: agency.slug,
          body: checked.value,
          ...(attachments.length === 0 ? {} : { attachments }),
        });
        const query = new URLSearchParams({ code: receipt.caseCode, v: receipt.verificationCode });
        return c.redirect(`/${agency.slug}/receipt?${query.toString()}`, 303);
      } catch (error) {
        if (isDomainError(error, 'INVALID_INPUT')) {
          return refuse(error.details.fields ?? { _: outcomeOf(error).message });
        }
        throw error;
      }
    },
  );

  portal.get('/:slug/receipt', async (c) => {
    const agency = await findAgency(c.req.param('slug'));
    noStore(c);
    const code = c.req.query('code') ?? '';
    const v = c.req.query('v') ?? '';
    if (code === '' || v === '') {
      throw new DomainError('NOT_FOUND', '未找到该申请');
    }
    const status = await services().cases.lookupApplicationStatus({ caseCode: code, verificationCode: v });
    return page(c, renderReceiptPage(agency, status, v));
  });

  portal.all('*', () => {
    throw new DomainError('NOT_FOUND', '您访问的页面不存在');
  });
  return portal;
}
