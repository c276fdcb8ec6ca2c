// Which events staff may record on a case now (the console shows a form for these only). Derived
// from decideCaseEvent itself, so the buttons can never disagree with what recording accepts: an
// event type is allowed when a plain command of that type, dated on some day the case accepts
// events (from its last event's date to today), is accepted. The decision rules are monotone in the
// date within that span (a period that has run, a due date not yet passed), so probing its two ends
// is enough.

import { addWorkingDays } from '#core/calendar/add-working-days.ts';
import { type LocalDate, maxDate, plusDays } from '#core/calendar/local-date.ts';
import { CASE_EVENT_TYPES, type CaseEvent, type CaseEventType } from './case-event.ts';
import { decideCaseEvent } from './decide-case-event.ts';
import { type CaseContext, projectCase } from './project-case.ts';

/** The day on which a `delayed_deadline_set` probe sets its deadline: the first working day from the due date (or `on`). */
function probeDeadline(history: readonly CaseEvent[], on: LocalDate, context: CaseContext): LocalDate {
  const due = projectCase(history, { ...context, today: on }).due;
  const from = maxDate(due ?? on, on);
  // One working day after the day before: `from` itself when it is a working day, else the next one.
  return addWorkingDays(plusDays(from, -1), 1, context.calendar);
}

/** A command of `type` dated `on` with the least its fields need (the form asks for the rest). */
function probe(type: CaseEventType, on: LocalDate, history: readonly CaseEvent[], context: CaseContext): CaseEvent {
  switch (type) {
    case 'received':
      return { type, on, channel: 'online', applicantType: 'natural_person' };
    case 'replied':
      return { type, on, outcome: 'outcome.disclosed' };
    case 'extension_approved':
      return { type, on, workingDays: 1 };
    case 'delayed_deadline_set':
      return { type, on, deadline: probeDeadline(history, on, context) };
    case 'correction_received':
      // A correction after its period is recorded with the applicant's 正当理由 (条例第三十条).
      return { type, on, lateReason: '—' };
    case 'consultation_sent':
      return { type, on, kind: 'third_party' };
    default:
      return { type, on } as CaseEvent;
  }
}

/**
 * The event types that may be recorded on a case with this history today, in CASE_EVENT_TYPES order.
 * An empty history allows only `received`. Pure.
 */
export function allowedEvents(history: readonly CaseEvent[], context: CaseContext): CaseEventType[] {
  const last = history.at(-1);
  if (last === undefined) {
    return ['received'];
  }
  const days = [...new Set([last.on, context.today])].filter((day) => day <= context.today);
  return CASE_EVENT_TYPES.filter((type) =>
    days.some((on) => {
      return decideCaseEvent(history, probe(type, on, history, context), context).ok;
    }),
  );
}
