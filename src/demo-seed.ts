// Seeds the demo agency of `gongkai demo` (issue #7): the agency, its cases (the case tier's
// generator, once: only when the agency has none), the staff user `demo` and a new API token.
import { eq } from 'drizzle-orm';
import { createCaseStore } from '#adapters/db/case-store.ts';
import type { Db } from '#adapters/db/open-database.ts';
import { agencies } from '#adapters/db/schema/agencies.ts';
import { listCases } from '#app/cases/query-cases.ts';
import { seedDemoCases } from '#app/cases/seed-demo-cases.ts';
import type { IdentityDeps } from '#app/identity/identity-ports.ts';
import { addUser, createApiToken } from '#app/identity/manage-users.ts';

export async function seedDemoAgency(
  db: Db,
  identity: IdentityDeps,
  now: () => Date,
  demo: { agency: string; agencyName: string; username: string; password: string },
): Promise<{ seeded: boolean; cases: number; token: string }> {
  await db.insert(agencies).values({ slug: demo.agency, name: demo.agencyName, kind: 'government' }).onConflictDoNothing();
  const [agency] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.slug, demo.agency));
  const deps = { cases: createCaseStore(db), clock: { now } };
  const before = await listCases(deps, { agencyIds: [agency?.id as number], limit: 1 });
  let seeded = false;
  if (before.total === 0) {
    await seedDemoCases(deps, { agencySlug: demo.agency, actor: 'demo' });
    seeded = true;
  }
  await addUser(identity, { username: demo.username, agency: demo.agency, role: 'agency_admin', password: demo.password });
  const { token } = await createApiToken(identity, { username: demo.username, label: 'gongkai demo' });
  const after = await listCases(deps, { agencyIds: [agency?.id as number], limit: 1 });
  return { seeded, cases: after.total, token };
}
