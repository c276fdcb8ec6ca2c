// getCaseWorkspace: everything the console's case page shows (issue #8): the case with its applicant
// (staff only), the timeline of recorded events with who recorded them and when, the reply clock as
// of today with its Chinese explanation (the same text as `gongkai deadline`), and the events that
// may be recorded now (core/cases/allowed-events.ts).

import { countWorkingDays } from '#core/calendar/add-working-days.ts';
import type { LocalDate } from '#core/calendar/local-date.ts';
import { allowedEvents } from '#core/cases/allowed-events.ts';
import type { CaseEventType } from '#core/cases/case-event.ts';
import { isOverdueOn } from '#core/cases/case-urgency.ts';
import { projectCase } from '#core/cases/project-case.ts';
import { type ClockExplanation, explainClock } from '#core/statute/explain-clock.ts';
import type { ClockState } from '#core/statute/response-clock.ts';
import type { CaseAssignment } from '../case-ports.ts';
import { OFFICER_ROLES } from './assign-case-officer.ts';
import { caseContextFor, requireCase, todayOf } from './case-context.ts';
import { type CaseDetail, presentCaseDetail } from './case-views.ts';
import type { CaseEventRecord } from './case-work-ports.ts';
import type { CaseWorkDeps } from './list-case-queue.ts';

export interface CaseClockView {
  /** The clock's state today (not the stored one, which is as of the last event). */
  readonly state: ClockState;
  readonly overdue: boolean;
  readonly due: LocalDate | null;
  readonly correctionDeadline: LocalDate | null;
  readonly feePaymentDue: LocalDate | null;
  readonly workingDaysUsed: number;
  readonly workingDaysLeft: number;
  /** Working days from the due date (or the lapsed period's end) to today, when overdue. */
  readonly overdueWorkingDays: number | null;
  readonly explanation: ClockExplanation;
}

export interface CaseWorkspace {
  readonly today: LocalDate;
  readonly agencyId: number;
  readonly case: CaseDetail;
  readonly timeline: readonly CaseEventRecord[];
  readonly clock: CaseClockView;
  /** The events that may be recorded now, in CASE_EVENT_TYPES order. */
  readonly allowed: readonly CaseEventType[];
  /** Consultations sent and not yet answered or lapsed (their IDs), for the answer forms. */
  readonly openConsultations: readonly string[];
  /** Who has been the case's officer (承办人), who decided it and when, oldest first. */
  readonly assignments: readonly CaseAssignment[];
  /** Who may be named the officer: enabled users with a case-handling role in the case's agency, sorted. */
  readonly officerCandidates: readonly string[];
}

/** The case page's data; NOT_FOUND alike for an unknown case and one outside `agencyIds`. */
export async function getCaseWorkspace(
  deps: CaseWorkDeps,
  input: { readonly caseCode: string; readonly agencyIds?: readonly number[] },
): Promise<CaseWorkspace> {
  const row = await requireCase(deps, input.caseCode, input.agencyIds);
  const { today } = todayOf(deps);
  const [timeline, context, assignments, officerCandidates] = await Promise.all([
    deps.work.listEventRecords(row.agencyId, row.id),
    caseContextFor(deps, row.agencyId, today),
    deps.cases.listAssignments(row.agencyId, row.id),
    deps.work.listOfficerCandidates(row.agencyId, [...OFFICER_ROLES]),
  ]);
  const events = timeline.map((record) => record.event);
  const projection = projectCase(events, context);
  const overdue = isOverdueOn(
    {
      isOpen: projection.open,
      status: projection.status,
      due: projection.due,
      correctionDeadline: projection.correctionDeadline,
      feePaymentDue: projection.feePaymentDue,
    },
    today,
  );
  const lapsedOn =
    projection.due !== null && projection.due < today
      ? projection.due
      : projection.status === 'awaiting_correction'
        ? projection.correctionDeadline
        : projection.feePaymentDue;
  const overdueWorkingDays = overdue && lapsedOn !== null ? countWorkingDays(lapsedOn, today, context.calendar) : null;
  const received = events.find((e) => e.type === 'received');
  const explanation = explainClock(projection.clock, today, {
    explain: false,
    ...(received === undefined ? {} : { actualReceipt: received.on }),
    ...(overdueWorkingDays === null || projection.clock.due === null || projection.clock.due >= today ? {} : { overdueWorkingDays }),
  });
  return {
    today,
    agencyId: row.agencyId,
    case: presentCaseDetail(row, events),
    timeline,
    clock: {
      state: projection.clockState,
      overdue,
      due: projection.due,
      correctionDeadline: projection.correctionDeadline,
      feePaymentDue: projection.feePaymentDue,
      workingDaysUsed: projection.clock.workingDaysUsed,
      workingDaysLeft: projection.clock.workingDaysLeft,
      overdueWorkingDays,
      explanation,
    },
    allowed: allowedEvents(events, context),
    openConsultations: projection.openConsultations,
    assignments,
    officerCandidates,
  };
}
