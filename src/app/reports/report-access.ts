// Shared steps of the console's report use cases: the year in range, the agency in the caller's
// reach (outside it: NOT_FOUND, exactly like an unknown agency — nothing is revealed), and the
// caller's own roles there.

import { type AgencyTree, mayAccessAgency, type Role, type RoleGrant } from '#core/identity/access-policy.ts';
import { DomainError } from '#core/shared/domain-error.ts';
import type { AgencyRef } from '../case-ports.ts';
import { COMPILE_YEAR_MAX, COMPILE_YEAR_MIN } from '../cases/compile-annual-report.ts';
import type { ReportDeps } from './report-ports.ts';

/** Who acts: the signed-in user's name and grants. */
export interface ReportActor {
  readonly username: string;
  readonly grants: readonly RoleGrant[];
}

export interface ReportAccessDeps extends ReportDeps {
  agencyTree(): Promise<AgencyTree>;
}

export function requireReportYear(year: number): void {
  if (!Number.isInteger(year) || year < COMPILE_YEAR_MIN || year > COMPILE_YEAR_MAX) {
    throw new DomainError('INVALID_INPUT', `年度应在 ${COMPILE_YEAR_MIN} 至 ${COMPILE_YEAR_MAX} 之间`, { fields: { year: '年度无效' } });
  }
}

/** The agency when the caller may read it (own agency, or below a supervisor's, or any for a system administrator). */
export async function requireReadableAgency(
  deps: ReportAccessDeps,
  actor: ReportActor,
  agencySlug: string,
): Promise<{ agency: AgencyRef; roles: ReadonlySet<Role> }> {
  const agency = await deps.cases.findAgency(agencySlug);
  if (agency === null || !mayAccessAgency(actor.grants, await deps.agencyTree(), agencySlug, 'read')) {
    throw new DomainError('NOT_FOUND', `未找到机关“${agencySlug}”`);
  }
  return { agency, roles: new Set(actor.grants.filter((grant) => grant.agency === agencySlug).map((grant) => grant.role)) };
}
