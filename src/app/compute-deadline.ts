// Use case: the reply clock of one case (条例第三十条至第三十三条) on the calendar and settings in
// force on its "today" — what `gongkai deadline` and the case views compute.
import type { LocalDate } from '#core/calendar/local-date.ts';
import { DomainError } from '#core/shared/domain-error.ts';
import { checkClockEvents, describeRefusals } from '#core/statute/check-clock-event.ts';
import { type ClockEvent, validateClockEvents } from '#core/statute/clock-event.ts';
import type { ClockSettingValues } from '#core/statute/clock-settings.ts';
import { computeResponseClock, type ResponseClock } from '#core/statute/response-clock.ts';
import { loadClockEnvironment, todayOf } from './clock-environment.ts';
import type { AppDeps } from './ports.ts';

export interface ComputeDeadlineInput {
  readonly events: readonly ClockEvent[];
  /** The day the state is judged on; default today in Beijing time. */
  readonly today?: LocalDate;
  /** Per-run settings on top of the stored ones (checked with checkSettingOverrides). */
  readonly overrides?: ClockSettingValues;
}

export interface ComputedDeadline {
  readonly clock: ResponseClock;
  readonly today: LocalDate;
}

/** Computes the response clock (第三十三条) of a case's events; inconsistent or refused events (checkClockEvents) are INVALID_INPUT with every problem. */
export async function computeDeadline(
  deps: Pick<AppDeps, 'calendar' | 'settings' | 'clock'>,
  input: ComputeDeadlineInput,
): Promise<ComputedDeadline> {
  const problems = validateClockEvents(input.events);
  if (problems.length > 0) {
    throw new DomainError('INVALID_INPUT', problems.join('；'), { problems });
  }
  const today = input.today ?? todayOf(deps.clock);
  const { calendar, settings } = await loadClockEnvironment(deps, today, input.overrides);
  // The sequence rules of statute.md §3 (correction_expired before the period ends, events after the reply …).
  const refusals = checkClockEvents(input.events, calendar, settings);
  if (refusals.length > 0) {
    throw new DomainError('INVALID_INPUT', describeRefusals(refusals), {
      refusals: refusals.map((r) => ({ code: r.code, message: r.message })),
    });
  }
  return { clock: computeResponseClock(input.events, calendar, settings, today), today };
}
