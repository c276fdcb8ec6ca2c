// Reply letters and letter templates over the staff API. The letter of a case: whoever may read the
// case may download a letter already issued; drawing its 文号 (a case replied without one) needs a
// role that writes. Templates: staff who may read the agency's cases list and show them (to preview
// letters); its agency_admin (or a system administrator) sets and resets them.
import { Hono } from 'hono';
import { mayAccessAgency, mayAdministerAgency } from '#core/identity/access-policy.ts';
import { DomainError } from '#core/shared/domain-error.ts';
import { type HttpServices, lettersOf } from '../../http-services.ts';
import { authenticate, type StaffEnv } from '../../middleware/authenticate.ts';
import { parseWith, readJson } from '../../read-json.ts';
import { caseFor } from '../cases/routes.ts';
import { letterFamilySchema, letterTemplateUpdateSchema } from './schema.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** `GET /{caseCode}/letter` (mounted under /api/cases, behind the staff authentication). */
export function caseLetterRoutes(services: () => HttpServices): Hono<StaffEnv> {
  const routes = new Hono<StaffEnv>();
  routes.get('/:caseCode/letter', async (c) => {
    const caseCode = c.req.param('caseCode');
    const actor = c.get('actor');
    const found = await caseFor(services(), actor, caseCode, 'read');
    const mayIssue = mayAccessAgency(actor.grants, await services().agencyTree(), found.agency, 'write');
    const { docNumber, bytes } = await lettersOf(services()).caseLetterDocx({ actor, caseCode, mayIssue });
    const name = `告知书-${caseCode}.docx`;
    return c.body(bytes.slice().buffer as ArrayBuffer, 200, {
      'content-type': DOCX,
      'content-disposition': `attachment; filename="letter-${caseCode.replace(/[^A-Za-z0-9-]/g, '')}.docx"; filename*=UTF-8''${encodeURIComponent(name)}`,
      'x-doc-number': encodeURIComponent(docNumber),
      'cache-control': 'no-store',
    });
  });
  return routes;
}

async function agencyFor(services: HttpServices, slug: string, grants: Parameters<typeof mayAccessAgency>[0], action: 'read' | 'admin') {
  const tree = await services.agencyTree();
  if (!tree.has(slug)) {
    throw new DomainError('NOT_FOUND', `未找到机关“${slug}”`);
  }
  if (!mayAccessAgency(grants, tree, slug, 'read') && !mayAdministerAgency(grants, slug)) {
    throw new DomainError('FORBIDDEN', `您无权查看机关“${slug}”的告知书模板`);
  }
  if (action === 'admin' && !mayAdministerAgency(grants, slug)) {
    throw new DomainError('FORBIDDEN', `只有机关“${slug}”的机构管理员或系统管理员可以修改告知书模板`);
  }
}

const familyOf = (value: string) => parseWith(letterFamilySchema, value);

/** `/agencies/{slug}/letter-templates[/{family}]` (mounted under /api; authenticates itself). */
export function letterTemplateRoutes(services: () => HttpServices): Hono<StaffEnv> {
  const routes = new Hono<StaffEnv>();
  const base = '/agencies/:slug/letter-templates';
  routes.use(base, authenticate(services));
  routes.use(`${base}/*`, authenticate(services));
  routes.get(base, async (c) => {
    const slug = c.req.param('slug');
    await agencyFor(services(), slug, c.get('actor').grants, 'read');
    return c.json({ items: await lettersOf(services()).listLetterTemplates({ agency: slug }) });
  });
  routes.get(`${base}/:family`, async (c) => {
    const slug = c.req.param('slug');
    await agencyFor(services(), slug, c.get('actor').grants, 'read');
    const family = familyOf(c.req.param('family'));
    const templates = await lettersOf(services()).listLetterTemplates({ agency: slug });
    return c.json(templates.find((t) => t.family === family));
  });
  routes.put(`${base}/:family`, async (c) => {
    const slug = c.req.param('slug');
    const actor = c.get('actor');
    await agencyFor(services(), slug, actor.grants, 'admin');
    const family = familyOf(c.req.param('family'));
    const body = parseWith(letterTemplateUpdateSchema, await readJson(c));
    return c.json(
      await lettersOf(services()).setLetterTemplate({
        actor,
        agency: slug,
        family,
        ...(body.title === undefined ? {} : { title: body.title }),
        ...(body.addressee === undefined ? {} : { addressee: body.addressee }),
        ...(body.body === undefined ? {} : { body: body.body }),
      }),
    );
  });
  routes.delete(`${base}/:family`, async (c) => {
    const slug = c.req.param('slug');
    await agencyFor(services(), slug, c.get('actor').grants, 'admin');
    const family = familyOf(c.req.param('family'));
    return c.json(await lettersOf(services()).resetLetterTemplate({ agency: slug, family }));
  });
  return routes;
}
