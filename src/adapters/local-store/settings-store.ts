// The agency's clock settings (statute.md conventions), kept in `<dataDir>/settings.json` with the
// who/when/what of each change.
import { join } from 'node:path';
import { type ClockSettingKey, type ClockSettingValues, isClockSettingKey } from '#core/statute/clock-settings.ts';
import { readJsonFile, writeJsonFileAtomic } from './json-file.ts';

/** One recorded settings change. */
export interface SettingChange {
  readonly who: string;
  readonly when: string;
  readonly key: ClockSettingKey;
  /** The value before (undefined: the default applied). */
  readonly from?: string;
  readonly to: string;
}

interface SettingsDocument {
  readonly schema: 'gongkai/settings@1';
  readonly values: Partial<Record<string, string>>;
  readonly history: readonly SettingChange[];
}

const SCHEMA = 'gongkai/settings@1';

function settingsPath(dataDir: string): string {
  return join(dataDir, 'settings.json');
}

async function readDocument(dataDir: string): Promise<SettingsDocument> {
  const document = (await readJsonFile(settingsPath(dataDir))) as SettingsDocument | undefined;
  if (document === undefined) {
    return { schema: SCHEMA, values: {}, history: [] };
  }
  if (document.schema !== SCHEMA || typeof document.values !== 'object' || !Array.isArray(document.history)) {
    throw new Error(`${settingsPath(dataDir)}: not a ${SCHEMA} document`);
  }
  return document;
}

/** The stored values (keys not stored take their defaults). */
export async function loadSettingValues(dataDir: string): Promise<ClockSettingValues> {
  const { values } = await readDocument(dataDir);
  return Object.fromEntries(Object.entries(values).filter(([key]) => isClockSettingKey(key))) as ClockSettingValues;
}

/** Every recorded change, oldest first. */
export async function listSettingChanges(dataDir: string): Promise<readonly SettingChange[]> {
  return (await readDocument(dataDir)).history;
}

/** Stores one value (checked by the caller) and records who/when/what. */
export async function saveSetting(dataDir: string, key: ClockSettingKey, value: string, who: string, when: string): Promise<SettingChange> {
  const document = await readDocument(dataDir);
  const from = document.values[key];
  const change: SettingChange = { who, when, key, ...(from === undefined ? {} : { from }), to: value };
  await writeJsonFileAtomic(settingsPath(dataDir), {
    schema: SCHEMA,
    values: { ...document.values, [key]: value },
    history: [...document.history, change],
  } satisfies SettingsDocument);
  return change;
}
