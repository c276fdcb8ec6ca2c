// Public application endpoints: intake (201 only after COMMIT) and status lookup (same 404 for an
// unknown case and a wrong verification code).
import { Hono, type MiddlewareHandler } from 'hono';
import type { HttpServices } from '../../http-services.ts';
import { parseWith, readJson } from '../../read-json.ts';
import { intakeSchema, statusQuerySchema } from './schema.ts';

export interface ApplicationRouteDeps {
  readonly services: () => HttpServices;
  readonly intakeLimit: MiddlewareHandler;
}

export function applicationRoutes(deps: ApplicationRouteDeps): Hono {
  const routes = new Hono();
  routes.post('/agencies/:slug/applications', deps.intakeLimit, async (c) => {
    const body = parseWith(intakeSchema, await readJson(c));
    const receipt = await deps.services().cases.createApplication({ agency: c.req.param('slug'), body });
    const { caseCode, verificationCode, received, due } = receipt;
    c.header('Cache-Control', 'no-store');
    return c.json({ caseCode, verificationCode, received, due }, 201);
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
