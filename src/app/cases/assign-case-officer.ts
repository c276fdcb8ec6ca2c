// assignCaseOfficer: names a case's officer (承办人) or clears it, in one transaction: lock the case →
// set the officer → append to the case's assignment history → audit → COMMIT. The officer must be an
// enabled user holding a role that handles cases (officer, reviewer, agency_admin or system_admin) in
// the case's own agency: a supervisor only reads, and a role in another agency does not count.
// Assigning the officer the case already has records nothing.

import { DomainError } from '#core/shared/domain-error.ts';
import type { CaseDeps } from '../case-ports.ts';
import { requireCase } from './case-context.ts';
import { type CaseDetail, presentCaseDetail } from './case-views.ts';

/** Roles whose holder may be a case's officer in that agency. */
export const OFFICER_ROLES: ReadonlySet<string> = new Set(['officer', 'reviewer', 'agency_admin', 'system_admin']);

export interface AssignCaseOfficerInput {
  readonly caseCode: string;
  /** The officer's username; null to unassign. */
  readonly officer: string | null;
  readonly actor: string;
  /** The caller's agencies: a case outside them is NOT_FOUND. Omit for the operator's CLI. */
  readonly agencyIds?: readonly number[];
}

/**
 * Assigns (or, with `officer: null`, unassigns) the case officer; returns the case as it now stands
 * and whether anything changed.
 *
 * @example
 * await assignCaseOfficer(deps, { caseCode: 'GK2025-000001', officer: 'li', actor: 'wang' });
 */
export async function assignCaseOfficer(deps: CaseDeps, input: AssignCaseOfficerInput): Promise<CaseDetail & { changed: boolean }> {
  const found = await requireCase(deps, input.caseCode, input.agencyIds);
  let userId: number | null = null;
  if (input.officer !== null) {
    const user = typeof input.officer === 'string' && input.officer.length <= 64 ? await deps.cases.findStaffUser(input.officer) : null;
    if (user === null) {
      throw new DomainError('INVALID_INPUT', `用户“${input.officer}”不存在或已停用`, { fields: { officer: '用户不存在' } });
    }
    const roles = user.roles.filter((r) => r.agencyId === found.agencyId).map((r) => r.role);
    if (!roles.some((role) => OFFICER_ROLES.has(role))) {
      throw new DomainError(
        'INVALID_INPUT',
        roles.length === 0
          ? `用户“${user.username}”在机关“${found.agencySlug}”没有角色，不能担任该案件的承办人`
          : `用户“${user.username}”在机关“${found.agencySlug}”只是监督员，不能担任承办人`,
        { fields: { officer: '不是该机关的办理人员' } },
      );
    }
    userId = user.id;
  }
  return deps.cases.transaction(async (tx) => {
    const row = await tx.lockCase(input.caseCode);
    if (row === null) {
      throw new DomainError('NOT_FOUND', `未找到案件“${input.caseCode}”`);
    }
    const events = await tx.listEvents(row.agencyId, row.id);
    if (row.officer === input.officer) {
      return { ...presentCaseDetail(row, events), changed: false };
    }
    await tx.assignOfficer(row.agencyId, row.id, userId, input.actor);
    await tx.audit({
      agencyId: row.agencyId,
      actor: input.actor,
      action: input.officer === null ? 'case.unassigned' : 'case.assigned',
      subject: `case:${row.caseCode}`,
      before: { officer: row.officer },
      after: { officer: input.officer },
    });
    return { ...presentCaseDetail({ ...row, officer: input.officer }, events), changed: true };
  });
}
