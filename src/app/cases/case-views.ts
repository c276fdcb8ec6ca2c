// What the case use cases answer: a staff view of a case (with its events) and the applicant's status
// view (no personal data, issue #7). Presenters whitelist fields; nothing else of a row leaves.

import type { LocalDate } from '#core/calendar/local-date.ts';
import { type CaseEvent, caseEventToJson } from '#core/cases/case-event.ts';
import { OUTCOME_BY_CODE } from '#core/cases/outcome-codes.ts';
import { CASE_STATUS_LABEL } from '#core/cases/project-case.ts';
import type { CaseAssignment, StoredCase } from '../case-ports.ts';

/** A case as staff see it (`GET /api/cases/{caseCode}`, `gongkai case show`). */
export interface CaseView {
  readonly caseCode: string;
  readonly agency: string;
  readonly externalId: string | null;
  readonly channel: string;
  readonly applicantType: string;
  readonly state: string;
  readonly stateLabel: string;
  readonly open: boolean;
  readonly received: LocalDate;
  readonly due: LocalDate | null;
  readonly clockState: string;
  readonly correctionDeadline: LocalDate | null;
  readonly feePaymentDue: LocalDate | null;
  readonly outcome: string | null;
  readonly outcomeLabel: string | null;
  readonly closedOn: LocalDate | null;
  readonly repliedOn: LocalDate | null;
  readonly eventCount: number;
  /** The case officer's (承办人) username; null: unassigned. */
  readonly officer: string | null;
}

export interface CaseDetail extends CaseView {
  readonly applicant: unknown;
  readonly description: string | null;
  readonly delivery: string | null;
  readonly events: readonly Record<string, unknown>[];
  /** Who has been the case's officer, oldest first (`gongkai case show`, `GET /api/cases/{caseCode}`). */
  readonly assignments?: readonly CaseAssignment[];
  /** The reply letter's 文号, when this change recorded a reply. */
  readonly docNumber?: string;
}

export function presentCase(row: StoredCase): CaseView {
  return {
    caseCode: row.caseCode,
    agency: row.agencySlug,
    externalId: row.externalId,
    channel: row.channel,
    applicantType: row.applicantType,
    state: row.status,
    stateLabel: CASE_STATUS_LABEL[row.status],
    open: row.isOpen,
    received: row.receivedOn,
    due: row.due,
    clockState: row.clockState,
    correctionDeadline: row.correctionDeadline,
    feePaymentDue: row.feePaymentDue,
    outcome: row.outcome,
    outcomeLabel: row.outcome === null ? null : (OUTCOME_BY_CODE.get(row.outcome)?.row ?? null),
    closedOn: row.closedOn,
    repliedOn: row.repliedOn,
    eventCount: row.eventCount,
    officer: row.officer,
  };
}

export function presentCaseDetail(row: StoredCase, events: readonly CaseEvent[], assignments?: readonly CaseAssignment[]): CaseDetail {
  return {
    ...presentCase(row),
    applicant: row.applicant,
    description: row.description,
    delivery: row.delivery,
    events: events.map(caseEventToJson),
    ...(assignments === undefined ? {} : { assignments }),
  };
}

/** The applicant's status answer: state, dates and (once replied) the outcome; no personal data. */
export interface ApplicationStatus {
  readonly caseCode: string;
  readonly state: string;
  readonly stateLabel: string;
  readonly received: LocalDate;
  readonly due: LocalDate | null;
  readonly outcome?: string;
  readonly outcomeLabel?: string;
  readonly closedOn?: LocalDate;
}

export function presentStatus(row: StoredCase): ApplicationStatus {
  const closed = !row.isOpen && row.outcome !== null && row.closedOn !== null;
  return {
    caseCode: row.caseCode,
    state: row.status,
    stateLabel: CASE_STATUS_LABEL[row.status],
    received: row.receivedOn,
    due: row.due,
    ...(closed ? { outcome: row.outcome!, outcomeLabel: OUTCOME_BY_CODE.get(row.outcome!)?.label ?? '', closedOn: row.closedOn! } : {}),
  };
}

/** The audit snapshot of a case: its projection fields (no personal data). */
export function auditSnapshot(row: Pick<StoredCase, 'status' | 'due' | 'outcome' | 'closedOn' | 'eventCount'> | null): unknown {
  return row === null
    ? null
    : { status: row.status, due: row.due, outcome: row.outcome, closedOn: row.closedOn, eventCount: row.eventCount };
}
