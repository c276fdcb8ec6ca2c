// Use case: change one clock setting, recorded with who/when/from/to (statute.md: every convention is
// a recorded setting). An unknown key or a value the setting does not allow changes nothing.
import { requireSettingKey, requireSettingValue } from './clock-environment.ts';
import type { AppDeps, SettingChange } from './ports.ts';

export interface SetSettingInput {
  readonly key: string;
  readonly value: string;
  /** Who makes the change (CLI: GONGKAI_USER or the OS user; HTTP: the signed-in user). */
  readonly who: string;
  /** Why (recorded in the history). */
  readonly reason?: string | undefined;
}

/** Stores a setting after checking it; INVALID_INPUT (nothing written) when the key or value is not allowed. */
export async function setSetting(deps: Pick<AppDeps, 'settings' | 'clock'>, input: SetSettingInput): Promise<SettingChange> {
  const key = requireSettingKey(input.key);
  const value = requireSettingValue(key, input.value);
  return deps.settings.recordChange({
    key,
    value,
    who: input.who,
    when: deps.clock.now().toISOString(),
    ...(input.reason === undefined ? {} : { reason: input.reason }),
  });
}
