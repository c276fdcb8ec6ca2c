// The JSON files of earlier versions (`<dataDir>/settings.json`, `<dataDir>/calendar/changes.json`)
// move into the database once, on the first open: values and history in one transaction per file,
// recorded in legacy_imports (so a concurrent or later open imports nothing twice), then the file is
// renamed to `*.imported` so nobody edits a file that no longer counts.
import { existsSync } from 'node:fs';
import { readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { readCalendarYear } from '#core/calendar/read-calendar-year.ts';
import { DomainError } from '#core/shared/domain-error.ts';
import { isClockSettingKey } from '#core/statute/clock-settings.ts';
import { calendarChangeRow } from './calendar-store.ts';
import type { Db } from './open-database.ts';
import { calendarChanges, instanceSettings, legacyImports, settingChanges } from './schema.ts';

const SETTINGS_FILE = 'settings.json';
const CALENDAR_FILE = join('calendar', 'changes.json');

interface LegacySettings {
  readonly schema: 'gongkai/settings@1';
  readonly values: Readonly<Record<string, string>>;
  readonly history: readonly { who: string; when: string; key: string; from?: string; to: string }[];
}

interface LegacyCalendar {
  readonly schema: 'gongkai/calendar-changes@1';
  readonly changes: readonly {
    seq: number;
    who: string;
    when: string;
    effectiveFrom: string;
    action: 'import';
    year: number;
    what: string;
    reason?: string;
    sourceFile?: string;
    entry: unknown;
  }[];
}

const DAMAGED_ADVICE = '请从备份恢复该文件，或把它改名后重新设置（改名后其中的设置和修改记录不再生效）；修好之前它不会导入数据库。';

/** A legacy file that cannot be imported: CONFIG_INVALID (exit 78), the file left as it is. */
function damaged(path: string, problem: string): DomainError {
  return new DomainError('CONFIG_INVALID', `数据目录中的文件“${path}”${problem}。${DAMAGED_ADVICE}`);
}

async function readLegacy<T>(path: string, schema: string): Promise<T> {
  let value: { schema?: unknown };
  try {
    value = JSON.parse((await readFile(path, 'utf8')).replace(/^\uFEFF/u, '')) as { schema?: unknown };
  } catch (error) {
    throw error instanceof SyntaxError
      ? damaged(path, '已损坏或被手工改坏（不是有效的 JSON）')
      : damaged(path, `无法读取（${(error as NodeJS.ErrnoException).code ?? String(error)}）`);
  }
  if (typeof value !== 'object' || value === null || value.schema !== schema) {
    throw damaged(path, `不是 ${schema} 格式`);
  }
  return value as T;
}

/** Claims the import of `name`; false when it was imported before (by this or another process). */
async function claim(tx: Pick<Db, 'insert'>, name: string, detail: string): Promise<boolean> {
  const claimed = await tx.insert(legacyImports).values({ name, detail }).onConflictDoNothing().returning({ name: legacyImports.name });
  return claimed.length > 0;
}

/** Imports whatever legacy files are present; returns the names imported now. */
export async function importLegacyFiles(db: Db, dataDir: string): Promise<string[]> {
  const imported: string[] = [];
  const settingsPath = join(dataDir, SETTINGS_FILE);
  if (existsSync(settingsPath)) {
    const document = await readLegacy<LegacySettings>(settingsPath, 'gongkai/settings@1');
    const values = Object.entries(document.values).filter(([key]) => isClockSettingKey(key));
    const history = document.history.filter((change) => isClockSettingKey(change.key));
    const done = await db.transaction(async (tx) => {
      if (!(await claim(tx, SETTINGS_FILE, `${values.length} values, ${history.length} changes`))) {
        return false;
      }
      if (values.length > 0) {
        await tx
          .insert(instanceSettings)
          .values(values.map(([key, value]) => ({ key, value })))
          .onConflictDoNothing();
      }
      if (history.length > 0) {
        await tx.insert(settingChanges).values(
          history.map((change) => ({
            agencyId: null,
            key: change.key,
            fromValue: change.from ?? null,
            toValue: change.to,
            who: change.who,
            at: change.when,
            reason: '自 settings.json 导入',
          })),
        );
      }
      return true;
    });
    if (done) {
      imported.push(SETTINGS_FILE);
    }
    await rename(settingsPath, `${settingsPath}.imported`).catch(() => undefined);
  }
  const calendarPath = join(dataDir, CALENDAR_FILE);
  if (existsSync(calendarPath)) {
    const document = await readLegacy<LegacyCalendar>(calendarPath, 'gongkai/calendar-changes@1');
    const changes = [...document.changes].sort((a, b) => a.seq - b.seq);
    for (const change of changes) {
      if (!readCalendarYear(change.year, change.entry).ok) {
        throw damaged(calendarPath, `中第 ${change.seq} 号修改已损坏`);
      }
    }
    const done = await db.transaction(async (tx) => {
      if (!(await claim(tx, 'calendar/changes.json', `${changes.length} changes`))) {
        return false;
      }
      for (const change of changes) {
        await tx.insert(calendarChanges).values(calendarChangeRow(change));
      }
      return true;
    });
    if (done) {
      imported.push('calendar/changes.json');
    }
    await rename(calendarPath, `${calendarPath}.imported`).catch(() => undefined);
  }
  return imported;
}
