// Refusals of case events (statute.md §3): a stable code and a Chinese message, so a case system can
// reject an event and change nothing, an import can report the line, and the CLI can exit 64.
import type { ClockEvent } from './clock-event.ts';

/** Every refusal code, stable (tools outside the project and the case system match on them). */
export const CLOCK_REFUSAL_CODES = [
  // The event on its own or against the receipt (no calendar needed).
  'RECEIVED_MISSING',
  'RECEIVED_REPEATED',
  'DATE_OUT_OF_RANGE',
  'DATE_ORDER',
  'EVENT_BEFORE_RECEIPT',
  'RECEIPT_TIME_INVALID',
  'PERIOD_OUT_OF_RANGE',
  'EXTENSION_DAYS_INVALID',
  'CORRECTION_NOT_REQUESTED',
  'FEE_NOTICE_MISSING',
  // The event against the case so far (calendar and settings).
  'EVENT_AFTER_CLOSE',
  'DELIVERED_WITHOUT_REPLY',
  'CORRECTION_REPEATED',
  'CORRECTION_RECEIVED_REPEATED',
  'CORRECTION_RECEIVED_LATE',
  'CORRECTION_NOT_EXPIRED',
  'CORRECTION_ALREADY_RECEIVED',
  'CONSULTATION_ID_REPEATED',
  'CONSULTATION_UNKNOWN',
  'CONSULTATION_ANSWER_BEFORE_RECEIPT',
  'CONSULTATION_NOT_EXPIRED',
  'EXTENSION_NO_DUE',
  'EXTENSION_OVER_LIMIT',
  'EXTENSION_AFTER_DUE',
  'EXTENSION_NOTICE_AFTER_DUE',
  'EXTENSION_REPEATED',
  'DELAYED_DEADLINE_WITHOUT_REASONS',
  'DELAYED_DEADLINE_REST_DAY',
  'DELAYED_DEADLINE_BEFORE_DUE',
  'DELAYED_DEADLINE_NO_DUE',
  'FEE_NOTICE_REPEATED',
  'FEE_PAID_REPEATED',
  'FEE_PAID_LATE',
  'FEE_NOT_EXPIRED',
  'FEE_ALREADY_PAID',
] as const;
export type ClockRefusalCode = (typeof CLOCK_REFUSAL_CODES)[number];

/** Why an event cannot be recorded: a stable code, a Chinese message and the event concerned. */
export interface ClockRefusal {
  readonly code: ClockRefusalCode;
  readonly message: string;
  /** The refused event (object identity: the one passed in). */
  readonly event?: ClockEvent;
}

/**
 * Requests the statute lets the organ make but the system does not register (不予登记): a recorded
 * history may contain them (test-vectors DD-25, DD-26), and `computeResponseClock` shows them in
 * `notes` without counting them. A case system refuses them when they are entered (`checkClockEvent`).
 */
export const NOT_REGISTERED_CODES: ReadonlySet<ClockRefusalCode> = new Set<ClockRefusalCode>([
  'CORRECTION_REPEATED',
  'EXTENSION_OVER_LIMIT',
  'EXTENSION_AFTER_DUE',
  'EXTENSION_NOTICE_AFTER_DUE',
  'EXTENSION_REPEATED',
]);

/** A refusal value. */
export function refusal(code: ClockRefusalCode, message: string, event?: ClockEvent): ClockRefusal {
  return event === undefined ? { code, message } : { code, message, event };
}
