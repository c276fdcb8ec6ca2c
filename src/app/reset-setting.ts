// Use case: 恢复默认 — remove a scope's own value of a clock setting, so the agency falls back to the
// instance default (or the instance to the built-in default), recorded with who/when/from/to/why like
// any change. A scope without a value of its own changes nothing and records nothing.
import { requireSettingKey } from './clock-environment.ts';
import type { AppDeps, SettingChange } from './ports.ts';

export interface ResetSettingInput {
  readonly key: string;
  readonly who: string;
  readonly reason?: string | undefined;
}

/** The recorded change, or undefined when the scope had no value of its own (nothing written); INVALID_INPUT for an unknown key. */
export async function resetSetting(
  deps: Pick<AppDeps, 'settings' | 'clock'>,
  input: ResetSettingInput,
): Promise<SettingChange | undefined> {
  const key = requireSettingKey(input.key);
  return deps.settings.resetValue({
    key,
    who: input.who,
    when: deps.clock.now().toISOString(),
    ...(input.reason === undefined ? {} : { reason: input.reason }),
  });
}
