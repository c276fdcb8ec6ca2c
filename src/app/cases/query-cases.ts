// Read use cases of the case tier: getCase, listCases, lookupApplicationStatus, carryOverYearEnd.

import { type LocalDate, parseLocalDate } from '#core/calendar/local-date.ts';
import { CASE_STATUSES, type CaseStatus } from '#core/cases/project-case.ts';
import { DomainError } from '#core/shared/domain-error.ts';
import type { CaseDeps } from '../case-ports.ts';
import { requireAgency, requireCase } from './case-context.ts';
import { type ApplicationStatus, type CaseDetail, type CaseView, presentCase, presentCaseDetail, presentStatus } from './case-views.ts';

/** One case with its events (staff). `agencyIds`: the caller's agencies; omit for administrators. */
export async function getCase(deps: CaseDeps, input: { caseCode: string; agencyIds?: readonly number[] }): Promise<CaseDetail> {
  const row = await requireCase(deps, input.caseCode, input.agencyIds);
  const [events, assignments] = await Promise.all([
    deps.cases.listEvents(row.agencyId, row.id),
    deps.cases.listAssignments(row.agencyId, row.id),
  ]);
  return presentCaseDetail(row, events, assignments);
}

export interface ListCasesInput {
  /** The agencies to list (the caller's). */
  readonly agencyIds: readonly number[];
  readonly status?: unknown;
  readonly open?: boolean;
  /** Open cases due on or before this date (`overdue`/`due soon` lists). */
  readonly dueBy?: unknown;
  /** Only the cases of this officer (承办人, a username). */
  readonly officer?: string;
  readonly limit?: number;
  readonly offset?: number;
}

/** Cases of the caller's agencies, newest receipt first: `{items, total, limit, offset}`. */
export async function listCases(
  deps: CaseDeps,
  input: ListCasesInput,
): Promise<{ items: CaseView[]; total: number; limit: number; offset: number }> {
  if (input.status !== undefined && !(CASE_STATUSES as readonly unknown[]).includes(input.status)) {
    throw new DomainError('INVALID_INPUT', `状态应为 ${CASE_STATUSES.join('、')} 之一`, { fields: { status: '未知状态' } });
  }
  let dueBy: LocalDate | undefined;
  if (input.dueBy !== undefined) {
    dueBy = typeof input.dueBy === 'string' ? parseLocalDate(input.dueBy) : undefined;
    if (dueBy === undefined) {
      throw new DomainError('INVALID_INPUT', '“dueBy”应为 YYYY-MM-DD 日期', { fields: { dueBy: '日期无效' } });
    }
  }
  const limit = Math.min(Math.max(Math.trunc(input.limit ?? 50), 1), 500);
  const offset = Math.max(Math.trunc(input.offset ?? 0), 0);
  const { items, total } = await deps.cases.listCases({
    agencyIds: input.agencyIds,
    ...(input.status === undefined ? {} : { status: input.status as CaseStatus }),
    ...(input.open === undefined ? {} : { open: input.open }),
    ...(dueBy === undefined ? {} : { dueBy }),
    ...(input.officer === undefined ? {} : { officer: input.officer }),
    limit,
    offset,
  });
  return { items: items.map(presentCase), total, limit, offset };
}

/**
 * The applicant's status lookup by case code + verification code. An unknown case and a wrong code
 * raise the same NOT_FOUND with the same message (no existence leak); the answer has no personal data.
 */
export async function lookupApplicationStatus(
  deps: CaseDeps,
  input: { caseCode: string; verificationCode: string },
): Promise<ApplicationStatus> {
  const row =
    typeof input.caseCode === 'string' &&
    typeof input.verificationCode === 'string' &&
    input.caseCode.length <= 64 &&
    input.verificationCode.length <= 64
      ? await deps.cases.findCaseByVerification(input.caseCode, input.verificationCode)
      : null;
  if (row === null) {
    throw new DomainError('NOT_FOUND', '未找到该申请，请核对受理编号和查询码');
  }
  return presentStatus(row);
}

/**
 * Year end (结转下年度, statute.md §7.1): the cases open at the end of 31 December of `year`; they are
 * next year's 上年结转. Read-only: carrying over is a consequence of the dates, not a write.
 */
export async function carryOverYearEnd(
  deps: CaseDeps,
  input: { agencySlug: string; year: number },
): Promise<{ year: number; carriedOut: number; cases: CaseView[] }> {
  if (!Number.isInteger(input.year) || input.year < 1990 || input.year > 2100) {
    throw new DomainError('INVALID_INPUT', '年份应在 1990 至 2100 之间', { fields: { year: '年份无效' } });
  }
  const agency = await requireAgency(deps, input.agencySlug);
  const rows = await deps.cases.listOpenOn(agency.id, `${input.year}-12-31` as LocalDate);
  return { year: input.year, carriedOut: rows.length, cases: rows.map(presentCase) };
}
