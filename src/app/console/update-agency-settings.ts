// Use cases of the console's 机构设置 (issue #8): an agency's clock settings (office hours, receipt
// rules …), its letter settings (文号 prefix, 复议机关 …) and its SMTP server, shown with where each
// value comes from, and changed from one form. Every submitted value is checked first; when any is
// refused, nothing is written and each problem is reported against its field. Only values that differ
// from the one in force are written, each with its history row (who, when, why). The SMTP password
// is never shown back: an empty password field keeps it, `clearSecrets` removes it.
import { checkLetterSettingValue, isLetterSettingKey, SECRET_SETTING_KEYS } from '#core/letters/letter-settings.ts';
import { DomainError } from '#core/shared/domain-error.ts';
import { CLOCK_SETTING_KEYS, checkClockSettingValue, isClockSettingKey, resolveClockSettings } from '#core/statute/clock-settings.ts';
import type { Clock, SettingsStore } from '../ports.ts';
import {
  type LetterSettingPorts,
  type LetterSettingView,
  resetLetterSetting,
  setLetterSetting,
  showLetterSettings,
} from '../set-letter-setting.ts';

export interface AgencySettingsDeps {
  readonly clock: Clock;
  /** The agency's clock settings over the instance default (NOT_FOUND for an unknown slug). */
  readonly settingsOf: (agency: string) => Promise<SettingsStore>;
  readonly letters: LetterSettingPorts;
}

export interface ClockSettingView {
  readonly key: (typeof CLOCK_SETTING_KEYS)[number];
  readonly value: string;
  /** True when the agency or the instance changed it (else the statute.md default applies). */
  readonly changed: boolean;
  /** Where the value comes from: the agency's own, the instance default, or the statute.md default. */
  readonly source: 'agency' | 'instance' | 'default';
}

export interface AgencySettings {
  readonly clock: readonly ClockSettingView[];
  readonly letters: readonly LetterSettingView[];
  /** The instance's letter settings (its default or the built-in one): what an agency without its own value gets. */
  readonly instanceLetters: readonly LetterSettingView[];
}

export async function showAgencySettings(deps: AgencySettingsDeps, input: { readonly agency: string }): Promise<AgencySettings> {
  const store = await deps.settingsOf(input.agency);
  const resolved = resolveClockSettings(await store.loadValues());
  const own = await store.loadOwnValues();
  const [letters, instanceLetters] = await Promise.all([
    showLetterSettings(deps.letters, { agency: input.agency }),
    showLetterSettings(deps.letters, {}),
  ]);
  return {
    clock: CLOCK_SETTING_KEYS.map((key) => ({
      key,
      value: resolved.values[key],
      changed: resolved.changed.has(key),
      source: own[key] !== undefined ? 'agency' : resolved.changed.has(key) ? 'instance' : 'default',
    })),
    letters,
    instanceLetters,
  };
}

export interface UpdateAgencySettingsInput {
  readonly agency: string;
  /** Submitted values by setting key; keys not given are left alone. */
  readonly values: Readonly<Record<string, string>>;
  /** Secret keys to clear (the SMTP password). */
  readonly clearSecrets?: readonly string[];
  /** Keys whose agency value is removed (恢复默认); their submitted values are ignored. */
  readonly reset?: readonly string[];
  readonly reason?: string;
  readonly who: string;
}

/** The keys written, in order; INVALID_INPUT with every field's problem (nothing written) when any value is refused. */
export async function updateAgencySettings(
  deps: AgencySettingsDeps,
  input: UpdateAgencySettingsInput,
): Promise<{ readonly changed: readonly string[] }> {
  const current = await showAgencySettings(deps, { agency: input.agency });
  const problems: Record<string, string> = {};
  const clockWrites: [key: (typeof CLOCK_SETTING_KEYS)[number], value: string][] = [];
  const letterWrites: [key: string, value: string][] = [];
  const reason = input.reason?.trim() ?? '';
  if (reason.length > 200 || /[\r\n]/.test(reason)) {
    problems['reason'] = '变更原因不超过200字，且不能换行';
  }
  const resets = new Set(input.reset ?? []);
  for (const key of resets) {
    const view = isClockSettingKey(key) ? current.clock.find((c) => c.key === key) : current.letters.find((l) => l.key === key);
    if (view === undefined) {
      problems[key] = `未知设置“${key}”`;
    }
  }
  for (const [key, raw] of Object.entries(input.values)) {
    if (resets.has(key)) {
      continue; // 恢复默认 wins over the value the form still carries
    }
    const value = raw.trim();
    if (isClockSettingKey(key)) {
      const problem = checkClockSettingValue(key, value);
      if (problem !== undefined) {
        problems[key] = problem;
      } else if (current.clock.find((c) => c.key === key)?.value !== value) {
        clockWrites.push([key, value]);
      }
    } else if (isLetterSettingKey(key)) {
      const secret = SECRET_SETTING_KEYS.has(key);
      if (secret && value === '') {
        continue; // an empty password field keeps the stored password
      }
      const problem = checkLetterSettingValue(key, value);
      if (problem !== undefined) {
        problems[key] = problem;
      } else if (secret || current.letters.find((l) => l.key === key)?.value !== value) {
        letterWrites.push([key, value]);
      }
    } else {
      problems[key] = `未知设置“${key}”`;
    }
  }
  for (const key of input.clearSecrets ?? []) {
    if (!SECRET_SETTING_KEYS.has(key)) {
      problems[key] = `“${key}”不是可清除的设置`;
    } else if (!letterWrites.some(([k]) => k === key)) {
      letterWrites.push([key, '']);
    }
  }
  if (Object.keys(problems).length > 0) {
    throw new DomainError('INVALID_INPUT', `有 ${Object.keys(problems).length} 项设置有误，未作任何修改`, { fields: problems });
  }
  const store = await deps.settingsOf(input.agency);
  const when = deps.clock.now().toISOString();
  for (const [key, value] of clockWrites) {
    await store.recordChange({ key, value, who: input.who, when, ...(reason === '' ? {} : { reason }) });
  }
  for (const [key, value] of letterWrites) {
    await setLetterSetting(deps.letters, { agency: input.agency, key, value, actor: input.who, ...(reason === '' ? {} : { reason }) });
  }
  const reset: string[] = [];
  for (const key of resets) {
    const why = reason === '' ? {} : { reason };
    const done = isClockSettingKey(key)
      ? await store.resetValue({ key, who: input.who, when, ...why })
      : await resetLetterSetting(deps.letters, { agency: input.agency, key, actor: input.who, ...why });
    if (done !== undefined) {
      reset.push(key);
    }
  }
  return { changed: [...clockWrites.map(([key]) => key), ...letterWrites.map(([key]) => key), ...reset] };
}
