// What the clock commands need from the data directory: the calendar in force and the settings.
import type { LocalDate } from '#core/calendar/local-date.ts';
import type { WorkingDayCalendar } from '#core/calendar/working-day-calendar.ts';
import { type ClockSettings, type ClockSettingValues, resolveClockSettings } from '#core/statute/clock-settings.ts';
import { loadCalendar } from './calendar-store.ts';
import { resolveDataDir } from './json-file.ts';
import { loadSettingValues } from './settings-store.ts';

/** The calendar and settings a computation on `today` runs with. */
export interface ClockEnvironment {
  readonly dataDir: string;
  readonly calendar: WorkingDayCalendar;
  readonly settings: ClockSettings;
}

/** Loads the calendar in force on `today` and the stored settings, with per-run overrides on top. */
export async function loadClockEnvironment(
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
  today: LocalDate,
  overrides: ClockSettingValues = {},
): Promise<ClockEnvironment> {
  const dataDir = resolveDataDir(env, cwd);
  const [calendar, stored] = await Promise.all([loadCalendar(dataDir, today), loadSettingValues(dataDir)]);
  return { dataDir, calendar, settings: resolveClockSettings({ ...stored, ...overrides }) };
}
