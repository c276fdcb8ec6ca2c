// Use cases: the letter and mail settings (core/letters/letter-settings.ts) of an agency or of the
// instance default — the 文号 prefix, the 复议机关 and court of the remedy notice, the SMTP server and
// the reminder mailbox. Values are checked first (Chinese messages); a refused value changes nothing.
import {
  checkLetterSettingValue,
  isLetterSettingKey,
  LETTER_SETTING_DEFINITIONS,
  LETTER_SETTING_KEYS,
  type LetterSettingKey,
  type LetterSettingValues,
  SECRET_MASK,
  SECRET_SETTING_KEYS,
} from '#core/letters/letter-settings.ts';
import { DomainError } from '#core/shared/domain-error.ts';

export interface LetterSettingPorts {
  findAgency(slug: string): Promise<{ readonly id: number; readonly slug: string; readonly name: string } | undefined>;
  /** The instance default (agencyId null) or the agency's values over it. */
  loadScopedSettings(agencyId: number | null): Promise<{ readonly instance: LetterSettingValues; readonly own: LetterSettingValues }>;
  /**
   * Stores one value (agencyId null: the instance default) and records the change with its reason;
   * returns the value before. A secret (SECRET_SETTING_KEYS) is recorded and returned masked.
   */
  saveSetting(
    agencyId: number | null,
    key: LetterSettingKey,
    value: string,
    who: string,
    reason?: string,
  ): Promise<{ readonly from: string | null }>;
  /**
   * Removes the scope's own value (恢复默认) and records the change (`to`: the value then in force,
   * masked for a secret); undefined (nothing recorded) when the scope has no value of its own.
   */
  resetSetting(
    agencyId: number | null,
    key: LetterSettingKey,
    who: string,
    reason?: string,
  ): Promise<{ readonly from: string; readonly to: string } | undefined>;
}

export interface LetterSettingView {
  readonly key: LetterSettingKey;
  readonly value: string;
  /** Where the value comes from: the agency's own, the instance default, or the built-in default. */
  readonly source: 'agency' | 'instance' | 'default';
  readonly meaning: string;
  readonly defaultValue: string;
  readonly rule: string;
  /** A secret (the SMTP password): `value` is SECRET_MASK when set, '' when not — never the value. */
  readonly secret: boolean;
}

async function scopeOf(ports: LetterSettingPorts, agency: string | undefined): Promise<number | null> {
  if (agency === undefined) {
    return null;
  }
  const found = await ports.findAgency(agency);
  if (found === undefined) {
    throw new DomainError('NOT_FOUND', `未找到机关“${agency}”`);
  }
  return found.id;
}

/** The letter and mail settings in force for an agency (or the instance default), with their origin. */
export async function showLetterSettings(ports: LetterSettingPorts, input: { readonly agency?: string }): Promise<LetterSettingView[]> {
  const scope = await scopeOf(ports, input.agency);
  const { instance, own } = await ports.loadScopedSettings(scope);
  return LETTER_SETTING_KEYS.map((key) => {
    const definition = LETTER_SETTING_DEFINITIONS[key];
    const ownValue = scope === null ? undefined : own[key];
    const instanceValue = instance[key];
    const [value, source] =
      ownValue !== undefined
        ? [ownValue, 'agency' as const]
        : instanceValue !== undefined
          ? [instanceValue, 'instance' as const]
          : [definition.defaultValue, 'default' as const];
    const secret = SECRET_SETTING_KEYS.has(key);
    const shown = secret && value !== '' ? SECRET_MASK : value;
    return {
      key,
      value: shown,
      source,
      meaning: definition.meaning,
      defaultValue: definition.defaultValue,
      rule: definition.source,
      secret,
    };
  });
}

/** Sets one letter or mail setting of an agency (or the instance default, without `agency`). */
export async function setLetterSetting(
  ports: LetterSettingPorts,
  input: { readonly agency?: string; readonly key: string; readonly value: string; readonly actor: string; readonly reason?: string },
): Promise<{ readonly key: LetterSettingKey; readonly from: string | null; readonly to: string }> {
  if (!isLetterSettingKey(input.key)) {
    throw new DomainError('INVALID_INPUT', `未知设置“${input.key}”（可用：${LETTER_SETTING_KEYS.join('、')}）`, {
      fields: { key: '未知设置' },
    });
  }
  const value = input.value.trim();
  const problem = checkLetterSettingValue(input.key, value);
  if (problem !== undefined) {
    throw new DomainError('INVALID_INPUT', problem, { fields: { value: problem } });
  }
  const scope = await scopeOf(ports, input.agency);
  const { from } = await ports.saveSetting(scope, input.key, value, input.actor, input.reason);
  // A secret is never handed back (the store keeps it out of the history too).
  const to = SECRET_SETTING_KEYS.has(input.key) && value !== '' ? SECRET_MASK : value;
  return { key: input.key, from, to };
}

/**
 * 恢复默认: removes an agency's own letter or mail setting (or, without `agency`, the instance
 * default), so the instance default or the built-in value applies again. Undefined when there was no
 * value of its own (nothing written).
 */
export async function resetLetterSetting(
  ports: LetterSettingPorts,
  input: { readonly agency?: string; readonly key: string; readonly actor: string; readonly reason?: string },
): Promise<{ readonly key: LetterSettingKey; readonly from: string; readonly to: string; readonly reset: true } | undefined> {
  if (!isLetterSettingKey(input.key)) {
    throw new DomainError('INVALID_INPUT', `未知设置“${input.key}”（可用：${LETTER_SETTING_KEYS.join('、')}）`, {
      fields: { key: '未知设置' },
    });
  }
  const scope = await scopeOf(ports, input.agency);
  const done = await ports.resetSetting(scope, input.key, input.actor, input.reason);
  return done === undefined ? undefined : { key: input.key, ...done, reset: true };
}
