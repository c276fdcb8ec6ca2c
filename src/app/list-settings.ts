// Use case: every clock setting with its meaning, default, allowed values and source rule, and where
// this instance keeps its data (`gongkai settings list`).
import { CLOCK_SETTING_DEFINITIONS, CLOCK_SETTING_KEYS, type ClockSettingDefinition } from '#core/statute/clock-settings.ts';
import type { AppDeps, StorageInfo } from './ports.ts';

export interface SettingsList {
  readonly definitions: readonly ClockSettingDefinition[];
  readonly storage: StorageInfo;
}

/** Lists the settings of statute.md's configurable conventions, in `CLOCK_SETTING_KEYS` order. */
export function listSettings(deps: Pick<AppDeps, 'storage'>): SettingsList {
  return { definitions: CLOCK_SETTING_KEYS.map((key) => CLOCK_SETTING_DEFINITIONS[key]), storage: deps.storage };
}
