// Staff case endpoints. The caller comes from the bearer token (authenticate middleware); every
// endpoint asks the access policy with the case's agency. A case outside the caller's agencies answers
// 404 exactly like an unknown one and shows nothing; a read-only role (supervisor) writing answers 403.
import { Hono } from 'hono';
import type { Actor } from '#app/identity/identity-ports.ts';
import { mayAccessAgency, readableAgencies } from '#core/identity/access-policy.ts';
import { DomainError } from '#core/shared/domain-error.ts';
import type { HttpServices, StaffCase } from '../../http-services.ts';
import type { StaffEnv } from '../../middleware/authenticate.ts';
import { parseWith, readJson } from '../../read-json.ts';
import { attachmentRoutes } from './attachment-routes.ts';
import { caseAssignSchema, caseEventSchema, caseListQuerySchema } from './schema.ts';

const notFound = (caseCode: string) => new DomainError('NOT_FOUND', `案件“${caseCode}”不存在`);

/** The case when the caller may read (or write) it; NOT_FOUND alike for unknown and outside its agencies. */
export async function caseFor(services: HttpServices, actor: Actor, caseCode: string, action: 'read' | 'write'): Promise<StaffCase> {
  let found: StaffCase;
  try {
    found = await services.cases.getCase({ caseCode });
  } catch (error) {
    throw error instanceof DomainError && error.code === 'NOT_FOUND' ? notFound(caseCode) : error;
  }
  const tree = await services.agencyTree();
  if (!mayAccessAgency(actor.grants, tree, found.agency, 'read')) {
    throw notFound(caseCode);
  }
  if (action === 'write' && !mayAccessAgency(actor.grants, tree, found.agency, 'write')) {
    throw new DomainError('FORBIDDEN', '您的角色只能查看该机构的案件，不能登记事件');
  }
  return found;
}

export function caseRoutes(services: () => HttpServices): Hono<StaffEnv> {
  const routes = new Hono<StaffEnv>();
  routes.get('/', async (c) => {
    const query = parseWith(caseListQuerySchema, c.req.query());
    const actor = c.get('actor');
    const agencies = readableAgencies(actor.grants, await services().agencyTree());
    if (query.agency !== undefined && agencies !== 'all' && !agencies.has(query.agency)) {
      throw new DomainError('FORBIDDEN', `您无权查看机构“${query.agency}”的案件`);
    }
    const page = await services().cases.listCases({
      agencies,
      ...(query.agency === undefined ? {} : { agency: query.agency }),
      ...(query.state === undefined ? {} : { state: query.state }),
      ...(query.officer === undefined ? {} : { officer: query.officer }),
      limit: query.limit,
      offset: query.offset,
    });
    return c.json({
      items: page.items,
      ...(page.total === undefined ? {} : { total: page.total }),
      limit: query.limit,
      offset: query.offset,
    });
  });
  routes.get('/:caseCode', async (c) => c.json(await caseFor(services(), c.get('actor'), c.req.param('caseCode'), 'read')));
  routes.post('/:caseCode/events', async (c) => {
    const caseCode = c.req.param('caseCode');
    const actor = c.get('actor');
    await caseFor(services(), actor, caseCode, 'write');
    const event = parseWith(caseEventSchema, await readJson(c));
    return c.json(await services().cases.recordCaseEvent({ actor, caseCode, event }), 201);
  });
  routes.post('/:caseCode/assign', async (c) => {
    const caseCode = c.req.param('caseCode');
    const actor = c.get('actor');
    await caseFor(services(), actor, caseCode, 'write');
    const body = parseWith(caseAssignSchema, await readJson(c));
    return c.json(await services().cases.assignCaseOfficer({ actor, caseCode, officer: body.officer }));
  });
  routes.route('/', attachmentRoutes(services));
  return routes;
}
