// Use case: the record of every settings change, oldest first.
import type { AppDeps, SettingChange } from './ports.ts';

/** Every recorded settings change (who, when, key, from, to), oldest first. */
export function listSettingHistory(deps: Pick<AppDeps, 'settings'>): Promise<readonly SettingChange[]> {
  return deps.settings.listChanges();
}
