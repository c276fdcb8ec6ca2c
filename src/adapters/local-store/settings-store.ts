// The agency's clock settings (statute.md conventions), kept in `<dataDir>/settings.json` with the
// who/when/what of each change. Implements the SettingsStore port until the database tier replaces it.
import { join } from 'node:path';
import type { NewSettingChange, SettingChange, SettingsStore } from '#app/ports.ts';
import { type ClockSettingValues, isClockSettingKey } from '#core/statute/clock-settings.ts';
import { readJsonFile, serialized, writeJsonFileAtomic } from './json-file.ts';

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
      throw new Error(`${path}: not a ${SCHEMA} document`);
    }
    return document;
  };
  return {
    async loadValues(): Promise<ClockSettingValues> {
      const { values } = await readDocument();
      return Object.fromEntries(Object.entries(values).filter(([key]) => isClockSettingKey(key))) as ClockSettingValues;
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
  };
}
