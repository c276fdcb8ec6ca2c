// How pressing an open case is on a given day, from its stored dates alone (the queue's filters and
// its 已逾期 / 即将到期 marks; the database filters by the same rules). A case is overdue when the
// reply is late, or when a 补正 or fee period has lapsed without its lapse being recorded — exactly
// when projectCase's clock says `overdue` (the lapse must be recorded to close the case).

import type { LocalDate } from '#core/calendar/local-date.ts';
import type { CaseStatus } from './project-case.ts';

export const CASE_URGENCIES = ['overdue', 'due_soon', 'on_time', 'closed'] as const;
export type CaseUrgency = (typeof CASE_URGENCIES)[number];

export const CASE_URGENCY_LABEL = {
  overdue: '已逾期',
  due_soon: '即将到期',
  on_time: '期限内',
  closed: '已办结',
} as const satisfies Record<CaseUrgency, string>;

export interface UrgencyDates {
  readonly isOpen: boolean;
  readonly status: CaseStatus;
  readonly due: LocalDate | null;
  readonly correctionDeadline: LocalDate | null;
  readonly feePaymentDue: LocalDate | null;
}

/** The date the queue sorts and warns by: the reply due date, or the 补正 deadline while waiting for it. */
export function queueDeadline(row: Pick<UrgencyDates, 'due' | 'correctionDeadline'>): LocalDate | null {
  return row.due ?? row.correctionDeadline;
}

/** True when an open case is past its due date (or a lapsed 补正 / fee period awaits recording) on `today`. */
export function isOverdueOn(row: UrgencyDates, today: LocalDate): boolean {
  if (!row.isOpen) {
    return false;
  }
  return (
    (row.due !== null && row.due < today) ||
    (row.status === 'awaiting_correction' && row.correctionDeadline !== null && row.correctionDeadline < today) ||
    (row.status === 'awaiting_fee' && row.feePaymentDue !== null && row.feePaymentDue < today)
  );
}

/** Overdue, due soon (deadline from today to `soonBy`), on time, or closed. */
export function caseUrgency(row: UrgencyDates, today: LocalDate, soonBy: LocalDate): CaseUrgency {
  if (!row.isOpen) {
    return 'closed';
  }
  if (isOverdueOn(row, today)) {
    return 'overdue';
  }
  const deadline = queueDeadline(row);
  return deadline !== null && deadline >= today && deadline <= soonBy ? 'due_soon' : 'on_time';
}
