// Shared steps of the case use cases: today's date, the agency and its clock basis, the case in scope.

import { type LocalDate, shanghaiDateOf, shanghaiMinutesOf } from '#core/calendar/local-date.ts';
import type { CaseContext } from '#core/cases/project-case.ts';
import { DomainError } from '#core/shared/domain-error.ts';
import type { AgencyRef, CaseDeps, StoredCase } from '../case-ports.ts';

export function todayOf(deps: CaseDeps): { today: LocalDate; minutes: number } {
  return todayAt(deps.clock.now());
}

/** The Asia/Shanghai date and minute of the day of an instant. */
export function todayAt(now: Date): { today: LocalDate; minutes: number } {
  return { today: shanghaiDateOf(now), minutes: shanghaiMinutesOf(now) };
}

export async function requireAgency(deps: CaseDeps, slug: string): Promise<AgencyRef> {
  const agency = await deps.cases.findAgency(slug);
  if (agency === null) {
    throw new DomainError('NOT_FOUND', `未找到机关“${slug}”`);
  }
  return agency;
}

export async function caseContextFor(deps: CaseDeps, agencyId: number, today: LocalDate): Promise<CaseContext> {
  const basis = await deps.cases.clockBasis(agencyId, today);
  return { calendar: basis.calendar, settings: basis.settings, today };
}

/** The agency (NOT_FOUND when unknown, as requireAgency) and its case context on `today`, read in one round trip. */
export async function agencyWithContext(
  deps: CaseDeps,
  slug: string,
  today: LocalDate,
): Promise<{ agency: AgencyRef; context: CaseContext }> {
  const found = await deps.cases.agencyWithBasis(slug, today);
  if (found === null) {
    throw new DomainError('NOT_FOUND', `未找到机关“${slug}”`);
  }
  return { agency: found.agency, context: { calendar: found.calendar, settings: found.settings, today } };
}

/** The case, or NOT_FOUND when unknown or outside the caller's agencies (alike: no existence leak). */
export async function requireCase(deps: CaseDeps, caseCode: string, agencyIds?: readonly number[]): Promise<StoredCase> {
  const row = await deps.cases.findCase(caseCode);
  if (row === null || (agencyIds !== undefined && !agencyIds.includes(row.agencyId))) {
    throw new DomainError('NOT_FOUND', `未找到案件“${caseCode}”`);
  }
  return row;
}
