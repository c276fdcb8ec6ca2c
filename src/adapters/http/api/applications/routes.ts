// Public application endpoints: intake (201 only after COMMIT) and status lookup (same 404 for an
// unknown case and a wrong verification code).
import { Hono, type MiddlewareHandler } from 'hono';
import { checkApplicant } from '#core/cases/applicant.ts';
import { invalidInput } from '../../error-response.ts';
import type { HttpServices, IntakeReceipt } from '../../http-services.ts';
import { parseJsonText, parseWith } from '../../read-json.ts';
import { validate } from '../../validate-body.ts';
import { intakeSchema, statusQuerySchema } from './schema.ts';

/** The public intake's route pattern under the app (the request log names it). */
export const INTAKE_ROUTE = '/api/agencies/:slug/applications';

/**
 * The public intake once the rate limit admitted it: the body's text → JSON → the intake schema →
 * createApplication (answers after COMMIT) → the receipt's four fields. Throws INVALID_INPUT,
 * UNAVAILABLE (starting), NOT_FOUND (agency) like the route. Shared by the Hono route and the
 * node:http fast path (adapters/http/intake-fast-path.ts), so both answer alike.
 */
export async function submitIntake(services: () => HttpServices, slug: string, text: string): Promise<IntakeReceipt> {
  const json = parseJsonText(text);
  const checked = validate(intakeSchema, json);
  if (!checked.ok) {
    // The applicant's own checks (ID check digit, 统一社会信用代码) too, so one answer lists every problem.
    throw invalidInput({ ...applicantFields(json), ...checked.fields });
  }
  const body = checked.value;
  const receipt = await services().cases.createApplication({ agency: slug, body });
  const { caseCode, verificationCode, received, due } = receipt;
  return { caseCode, verificationCode, received, due };
}

/** The applicant problems core's checkApplicant finds in a body the schema refused, keyed `applicant.…`. */
function applicantFields(json: unknown): Record<string, string> {
  const applicant = typeof json === 'object' && json !== null ? (json as { applicant?: unknown }).applicant : undefined;
  if (typeof applicant !== 'object' || applicant === null) {
    return {};
  }
  const check = checkApplicant(applicant);
  return check.ok ? {} : Object.fromEntries(Object.entries(check.fields).map(([key, problem]) => [`applicant.${key}`, problem]));
}

export interface ApplicationRouteDeps {
  readonly services: () => HttpServices;
  readonly intakeLimit: MiddlewareHandler;
}

export function applicationRoutes(deps: ApplicationRouteDeps): Hono {
  const routes = new Hono();
  routes.post('/agencies/:slug/applications', deps.intakeLimit, async (c) => {
    const receipt = await submitIntake(deps.services, c.req.param('slug'), await c.req.text());
    c.header('Cache-Control', 'no-store');
    return c.json(receipt, 201);
  });
  routes.get('/applications/:caseCode', async (c) => {
    const query = parseWith(statusQuerySchema, c.req.query());
    const status = await deps.services().cases.lookupApplicationStatus({ caseCode: c.req.param('caseCode'), verificationCode: query.v });
    c.header('Cache-Control', 'no-store');
    return c.json({
      caseCode: status.caseCode,
      state: status.state,
      ...(status.stateLabel === undefined ? {} : { stateLabel: status.stateLabel }),
      received: status.received,
      due: status.due,
      outcome: status.outcome,
    });
  });
  return routes;
}
