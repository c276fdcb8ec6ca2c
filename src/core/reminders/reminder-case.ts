// An open case as the reminder planner sees it: its projection (due date, status) and the waits it is
// in with the day each ends (补正 period, fee payment period, each open consultation's 15 working days).
import type { WorkingDayCalendar } from '#core/calendar/working-day-calendar.ts';
import type { CaseEvent } from '#core/cases/case-event.ts';
import {
  CASE_STATUS_LABEL,
  type CaseProjection,
  consultationExpiryOf,
  consultationIds,
  effectiveEvents,
} from '#core/cases/project-case.ts';
import type { ReminderCase } from './plan-reminders.ts';

/** The reminder view of an open case (statute.md §10: reminders name the wait). */
export function reminderCaseOf(
  caseCode: string,
  events: readonly CaseEvent[],
  projection: CaseProjection,
  calendar: WorkingDayCalendar,
): ReminderCase {
  const waits: ReminderCase['waits'][number][] = [];
  if (projection.status === 'awaiting_correction' && projection.correctionDeadline !== null) {
    waits.push({ kind: 'correction', endsOn: projection.correctionDeadline });
  }
  if (projection.status === 'awaiting_fee' && projection.feePaymentDue !== null) {
    waits.push({ kind: 'fee', endsOn: projection.feePaymentDue });
  }
  if (projection.openConsultations.length > 0) {
    const effective = effectiveEvents(events);
    const ids = consultationIds(effective);
    const sent = effective.filter((e): e is CaseEvent & { type: 'consultation_sent' } => e.type === 'consultation_sent');
    sent.forEach((event, index) => {
      if (projection.openConsultations.includes(ids[index] ?? '')) {
        waits.push({ kind: 'consultation', endsOn: consultationExpiryOf(event, calendar) });
      }
    });
  }
  return {
    caseCode,
    statusLabel: CASE_STATUS_LABEL[projection.status],
    receivedOn: projection.receivedOn,
    due: projection.due,
    waits,
  };
}
