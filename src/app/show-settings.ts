// Use case: the value of each clock setting in force, and whether it is the default or the agency's own.
import { CLOCK_SETTING_DEFINITIONS, CLOCK_SETTING_KEYS, type ClockSettingKey, resolveClockSettings } from '#core/statute/clock-settings.ts';
import type { AppDeps } from './ports.ts';

export interface SettingInForce {
  readonly key: ClockSettingKey;
  readonly value: string;
  readonly isDefault: boolean;
  readonly rule: string;
}

/** The settings in force (statute.md conventions), stored values over defaults. */
export async function showSettings(deps: Pick<AppDeps, 'settings'>): Promise<readonly SettingInForce[]> {
  const settings = resolveClockSettings(await deps.settings.loadValues());
  return CLOCK_SETTING_KEYS.map((key) => ({
    key,
    value: settings.values[key],
    isDefault: !settings.changed.has(key),
    rule: CLOCK_SETTING_DEFINITIONS[key].rule,
  }));
}
