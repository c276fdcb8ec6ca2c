// listCaseQueue: the staff console's case queue (issue #8): the caller's agencies' cases, open first
// and by due date, filtered by state, 已逾期 / 即将到期 and case code, a page at a time; each row
// marked with its urgency on today's date (core/cases/case-urgency.ts).

import { addWorkingDays } from '#core/calendar/add-working-days.ts';
import type { LocalDate } from '#core/calendar/local-date.ts';
import { type CaseUrgency, caseUrgency } from '#core/cases/case-urgency.ts';
import { OUTCOME_BY_CODE } from '#core/cases/outcome-codes.ts';
import { CASE_STATUS_LABEL, CASE_STATUSES, type CaseStatus } from '#core/cases/project-case.ts';
import { DomainError } from '#core/shared/domain-error.ts';
import type { CaseDeps } from '../case-ports.ts';
import { todayOf } from './case-context.ts';
import type { CaseQueueFilter, CaseWorkStore, QueueCase } from './case-work-ports.ts';

export type CaseWorkDeps = CaseDeps & { readonly work: CaseWorkStore };

/** `open` (default), `closed`, `all`, or one case status. */
export const QUEUE_STATES = ['open', 'closed', 'all', ...CASE_STATUSES] as const;
export type QueueState = (typeof QUEUE_STATES)[number];
export const QUEUE_DUE_FILTERS = ['overdue', 'soon'] as const;
export type QueueDueFilter = (typeof QUEUE_DUE_FILTERS)[number];

export const QUEUE_PAGE_SIZE = 50;
const SEARCH_MAX = 64;

export interface CaseQueueInput {
  /** The agencies whose cases the caller may read (already decided by the access policy). */
  readonly agencyIds: readonly number[];
  /** Untrusted query values: empty strings count as not given. */
  readonly state?: string;
  readonly due?: string;
  readonly q?: string;
  /** 承办人: a username, `none` (unassigned) or empty; `me` is resolved by the caller to its username. */
  readonly officer?: string;
  readonly page?: string;
  /** Rows per page (default QUEUE_PAGE_SIZE, at most 200). */
  readonly pageSize?: number;
}

export interface QueueRow {
  readonly caseCode: string;
  readonly agency: string;
  readonly state: CaseStatus;
  readonly stateLabel: string;
  readonly received: LocalDate;
  readonly due: LocalDate | null;
  readonly correctionDeadline: LocalDate | null;
  readonly urgency: CaseUrgency;
  readonly outcomeLabel: string | null;
  /** The case officer's username (承办人); null: unassigned. */
  readonly officer: string | null;
}

export interface CaseQueue {
  readonly today: LocalDate;
  /** The filters as applied (normalised), for the form and the paging links. */
  readonly filter: { readonly state: QueueState; readonly due: QueueDueFilter | ''; readonly q: string; readonly officer: string };
  /** The officers of the listed agencies' cases (for the 承办人 filter). */
  readonly officers: readonly string[];
  readonly items: readonly QueueRow[];
  readonly total: number;
  readonly page: number;
  readonly pageCount: number;
  readonly pageSize: number;
}

const given = (value: string | undefined): string => (value ?? '').trim();

/** The last day counted as 即将到期 in each agency (its setting clock.due-soon-working-days on its calendar). */
async function soonByAgency(deps: CaseWorkDeps, agencyIds: readonly number[], today: LocalDate): Promise<Map<number, LocalDate>> {
  const entries = await Promise.all(
    [...new Set(agencyIds)].map(async (agencyId) => {
      const { calendar, settings } = await deps.cases.clockBasis(agencyId, today);
      return [agencyId, addWorkingDays(today, settings.dueSoonWorkingDays, calendar)] as const;
    }),
  );
  return new Map(entries);
}

/**
 * One page of the queue. Bad filter values are refused with INVALID_INPUT (field messages), never
 * silently widened into a different list.
 */
export async function listCaseQueue(deps: CaseWorkDeps, input: CaseQueueInput): Promise<CaseQueue> {
  const fields: Record<string, string> = {};
  const state = (given(input.state) || 'open') as QueueState;
  if (!(QUEUE_STATES as readonly string[]).includes(state)) {
    fields['state'] = '未知的案件状态';
  }
  const due = given(input.due) as QueueDueFilter | '';
  if (due !== '' && !(QUEUE_DUE_FILTERS as readonly string[]).includes(due)) {
    fields['due'] = '期限筛选应为“已逾期”或“即将到期”';
  }
  const q = given(input.q);
  if (q.length > SEARCH_MAX) {
    fields['q'] = `案件编号最多 ${SEARCH_MAX} 个字符`;
  }
  const officer = given(input.officer);
  if (officer.length > 64) {
    fields['officer'] = '承办人用户名过长';
  }
  const pageText = given(input.page) || '1';
  if (!/^[1-9]\d{0,5}$/u.test(pageText)) {
    fields['page'] = '页码应为正整数';
  }
  if (Object.keys(fields).length > 0) {
    throw new DomainError('INVALID_INPUT', '筛选条件有误', { fields });
  }
  const page = Number(pageText);
  const pageSize = Math.min(Math.max(Math.trunc(input.pageSize ?? QUEUE_PAGE_SIZE), 1), 200);
  const { today } = todayOf(deps);
  const soonBy = await soonByAgency(deps, input.agencyIds, today);
  const filter: CaseQueueFilter = {
    agencyIds: input.agencyIds,
    ...(state === 'open' ? { open: true } : state === 'closed' ? { open: false } : state === 'all' ? {} : { status: state }),
    ...(due === 'overdue' ? { overdueOn: today } : {}),
    ...(due === 'soon' ? { dueSoon: { today, by: [...soonBy].map(([agencyId, by]) => ({ agencyId, by })) } } : {}),
    ...(q === '' ? {} : { codeContains: q }),
    ...(officer === '' ? {} : { officer: officer === 'none' ? null : officer }),
    limit: pageSize,
    offset: (page - 1) * pageSize,
  };
  const [{ items, total }, officers] = await Promise.all([deps.work.listQueue(filter), deps.work.listOfficers(input.agencyIds)]);
  const row = (c: QueueCase): QueueRow => ({
    caseCode: c.caseCode,
    agency: c.agencySlug,
    state: c.status,
    stateLabel: CASE_STATUS_LABEL[c.status],
    received: c.receivedOn,
    due: c.due,
    correctionDeadline: c.correctionDeadline,
    urgency: caseUrgency(c, today, soonBy.get(c.agencyId) ?? today),
    outcomeLabel: c.outcome === null ? null : (OUTCOME_BY_CODE.get(c.outcome)?.label ?? null),
    officer: c.officer,
  });
  return {
    today,
    filter: { state, due, q, officer },
    officers,
    items: items.map(row),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
    pageSize,
  };
}
