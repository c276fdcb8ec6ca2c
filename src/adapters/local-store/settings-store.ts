// The agency's clock settings (statute.md conventions), kept in `<dataDir>/settings.json` with the
// who/when/what of each change. Implements the SettingsStore port until the database tier replaces it.
import { join } from 'node:path';
import type { NewSettingChange, SettingChange, SettingsStore } from '#app/ports.ts';
import {
  CLOCK_SETTING_DEFINITIONS,
  type ClockSettingKey,
  type ClockSettingValues,
  checkClockSettingValue,
  isClockSettingKey,
} from '#core/statute/clock-settings.ts';
import { dataFileError, readJsonFile, serialized, writeJsonFileAtomic } from './json-file.ts';

interface SettingsDocument {
  readonly schema: 'gongkai/settings@1';
  readonly values: Partial<Record<string, string>>;
  readonly history: readonly SettingChange[];
}

const SCHEMA = 'gongkai/settings@1';

/** The settings of one data directory, as a SettingsStore. */
export function createFileSettingsStore(dataDir: string): SettingsStore {
  const path = join(dataDir, 'settings.json');
  const readDocument = async (): Promise<SettingsDocument> => {
    const document = (await readJsonFile(path)) as SettingsDocument | undefined;
    if (document === undefined) {
      return { schema: SCHEMA, values: {}, history: [] };
    }
    if (document.schema !== SCHEMA || typeof document.values !== 'object' || !Array.isArray(document.history)) {
      throw dataFileError(path, `不是设置文件（应为 ${SCHEMA}）`, '请从备份恢复该文件，或把它改名后重新设置。');
    }
    return document;
  };
  const store: SettingsStore = {
    async loadValues(): Promise<ClockSettingValues> {
      const { values } = await readDocument();
      const known = Object.entries(values).filter(([key]) => isClockSettingKey(key)) as [ClockSettingKey, unknown][];
      // A hand-edited value the setting does not allow is reported, never quietly replaced by the default.
      for (const [key, value] of known) {
        const problem = typeof value === 'string' ? checkClockSettingValue(key, value) : '应为文字';
        if (problem !== undefined) {
          throw dataFileError(
            path,
            `中设置“${key}”的值“${String(value)}”无效（${problem}）`,
            `请用 gongkai settings set ${key} <值> 改为有效的值（gongkai settings list 列出可选值）。`,
          );
        }
      }
      return Object.fromEntries(known) as ClockSettingValues;
    },
    async listChanges() {
      return (await readDocument()).history;
    },
    // Serialised within the process (read, change, atomic write); across processes the database tier takes over.
    recordChange: ({ key, value, who, when }: NewSettingChange) =>
      serialized(path, async () => {
        const document = await readDocument();
        const from = document.values[key];
        const change: SettingChange = { who, when, key, ...(from === undefined ? {} : { from }), to: value };
        await writeJsonFileAtomic(path, {
          schema: SCHEMA,
          values: { ...document.values, [key]: value },
          history: [...document.history, change],
        } satisfies SettingsDocument);
        return change;
      }),
    loadOwnValues: () => store.loadValues(),
    resetValue: ({ key, who, when, reason }) =>
      serialized(path, async () => {
        const document = await readDocument();
        const from = document.values[key];
        if (from === undefined) {
          return undefined;
        }
        const { [key]: _removed, ...values } = document.values;
        const change: SettingChange = {
          who,
          when,
          key,
          from,
          to: CLOCK_SETTING_DEFINITIONS[key].defaultValue,
          ...(reason === undefined ? {} : { reason }),
          reset: true,
        };
        await writeJsonFileAtomic(path, { schema: SCHEMA, values, history: [...document.history, change] } satisfies SettingsDocument);
        return change;
      }),
  };
  return store;
}
