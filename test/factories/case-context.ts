// Test factory: a case context on the shipped calendar with the statute's default settings.

import { type LocalDate, localDate } from '#core/calendar/local-date.ts';
import { SHIPPED_CALENDAR } from '#core/calendar/shipped-calendar.ts';
import type { CaseContext } from '#core/cases/project-case.ts';
import { DEFAULT_CLOCK_SETTINGS } from '#core/statute/clock-settings.ts';

export function caseContext(today: string | LocalDate = '2025-06-30', overrides: Partial<CaseContext> = {}): CaseContext {
  return { calendar: SHIPPED_CALENDAR, settings: DEFAULT_CLOCK_SETTINGS, today: localDate(today), ...overrides };
}
