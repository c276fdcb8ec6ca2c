// What every clock computation runs with: the working-day calendar in force on its "today" (shipped
// years plus the administrator changes effective by then, statute.md §2) and the agency's settings.
import { type LocalDate, shanghaiDateOf } from '#core/calendar/local-date.ts';
import { SHIPPED_CALENDAR_YEARS } from '#core/calendar/shipped-calendar.ts';
import { buildWorkingDayCalendar, type CalendarYear, type WorkingDayCalendar } from '#core/calendar/working-day-calendar.ts';
import { DomainError } from '#core/shared/domain-error.ts';
import {
  CLOCK_SETTING_KEYS,
  type ClockSettingKey,
  type ClockSettings,
  type ClockSettingValues,
  checkClockSettingValue,
  isClockSettingKey,
  resolveClockSettings,
} from '#core/statute/clock-settings.ts';
import type { CalendarChange, CalendarStore, Clock, SettingsStore } from './ports.ts';

/** The year entries in force on `asOf`: the shipped years, then each change effective by then, in order (statute.md §2). */
export function yearsInForce(changes: readonly CalendarChange[], asOf: LocalDate): CalendarYear[] {
  const applied = changes.filter((change) => change.effectiveFrom <= asOf).map((change) => change.entry);
  return [...SHIPPED_CALENDAR_YEARS, ...applied];
}

/** The working-day calendar in force on `asOf` (shipped data plus effective administrator changes). */
export async function loadCalendarInForce(calendar: CalendarStore, asOf: LocalDate): Promise<WorkingDayCalendar> {
  return buildWorkingDayCalendar(yearsInForce(await calendar.listChanges(), asOf));
}

/** The calendar and settings a computation on `today` runs with. */
export interface ClockEnvironment {
  readonly calendar: WorkingDayCalendar;
  readonly settings: ClockSettings;
}

/** Loads the calendar in force on `today` and the stored settings, with per-run overrides (already checked) on top. */
export async function loadClockEnvironment(
  deps: { readonly calendar: CalendarStore; readonly settings: SettingsStore },
  today: LocalDate,
  overrides: ClockSettingValues = {},
): Promise<ClockEnvironment> {
  const [calendar, stored] = await Promise.all([loadCalendarInForce(deps.calendar, today), deps.settings.loadValues()]);
  return { calendar, settings: resolveClockSettings({ ...stored, ...overrides }) };
}

/** "Today" in Beijing time from the clock port (statute.md: legal days are Asia/Shanghai days). */
export function todayOf(clock: Clock): LocalDate {
  return shanghaiDateOf(clock.now());
}

/** Checks per-run setting overrides (`--set key=value`): an unknown key or a bad value is INVALID_INPUT. */
export function checkSettingOverrides(overrides: Readonly<Record<string, string>>): ClockSettingValues {
  const checked: Partial<Record<ClockSettingKey, string>> = {};
  for (const [key, value] of Object.entries(overrides)) {
    checked[requireSettingKey(key)] = requireSettingValue(key as ClockSettingKey, value);
  }
  return checked;
}

/** The key as a ClockSettingKey, or INVALID_INPUT listing the known keys. */
export function requireSettingKey(key: string): ClockSettingKey {
  if (!isClockSettingKey(key)) {
    throw new DomainError('INVALID_INPUT', `未知设置“${key}”。可用：${CLOCK_SETTING_KEY_LIST}`, { fields: { key: '未知设置' } });
  }
  return key;
}

/** The value if the setting allows it, else INVALID_INPUT with the setting's own Chinese reason. */
export function requireSettingValue(key: ClockSettingKey, value: string): string {
  const problem = checkClockSettingValue(key, value);
  if (problem !== undefined) {
    throw new DomainError('INVALID_INPUT', problem, { fields: { [key]: problem } });
  }
  return value;
}

const CLOCK_SETTING_KEY_LIST = CLOCK_SETTING_KEYS.join('、');
