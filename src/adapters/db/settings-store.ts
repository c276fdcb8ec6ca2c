// SettingsStore on the database: the instance default (本实例默认值) and, per agency, the agency's own
// values on top (本机关设置), each change recorded in setting_changes with who/when/from/to/why. A
// change reads the value before and writes the new one in one transaction under an advisory lock per
// scope, so concurrent changes are all kept, each with the true value it replaced.
import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import type { NewSettingChange, SettingChange, SettingsStore } from '#app/ports.ts';
import { CLOCK_SETTING_DEFINITIONS, type ClockSettingValues, isClockSettingKey } from '#core/statute/clock-settings.ts';
import { checkedSettings, isoInstant, storedSettings } from './clock-rows.ts';
import type { DbAccess } from './lazy-database.ts';
import type { Db } from './open-database.ts';
import { agencySettings, instanceSettings, settingChanges } from './schema.ts';

/** Key of the settings advisory lock (second key: the agency id, 0 for the instance default). */
const SETTINGS_LOCK = 0x5e7;

/** A stored change with the scope it was made in (extra field beside the port's shape). */
export interface ScopedSettingChange extends SettingChange {
  /** `instance`: the instance default; `agency`: this agency's own value. */
  readonly scope: 'instance' | 'agency';
}

/**
 * The settings of one scope: `agencyId` null for the instance default, else that agency's values over
 * the default.
 */
/** The SettingsStore, with the scope of each change in its history. */
export interface DbSettingsStore extends SettingsStore {
  recordChange(change: NewSettingChange): Promise<ScopedSettingChange>;
  listChanges(): Promise<readonly ScopedSettingChange[]>;
}

export function createDbSettingsStore(access: DbAccess, agencyId: number | null = null): DbSettingsStore {
  const effectiveValues = async (executor: Pick<Db, 'select'>): Promise<ClockSettingValues> => {
    const base = storedSettings(await executor.select({ key: instanceSettings.key, value: instanceSettings.value }).from(instanceSettings));
    if (agencyId === null) {
      return base;
    }
    const own = await executor
      .select({ key: agencySettings.key, value: agencySettings.value })
      .from(agencySettings)
      .where(eq(agencySettings.agencyId, agencyId));
    return { ...base, ...storedSettings(own) };
  };
  const present = (row: typeof settingChanges.$inferSelect): ScopedSettingChange => {
    if (!isClockSettingKey(row.key)) {
      throw new Error(`setting_changes ${row.id}: unknown key ${row.key}`);
    }
    return {
      who: row.who,
      when: isoInstant(row.at),
      key: row.key,
      ...(row.fromValue === null ? {} : { from: row.fromValue }),
      to: row.toValue,
      scope: row.agencyId === null ? 'instance' : 'agency',
      ...(row.reason === null ? {} : { reason: row.reason }),
      ...(row.reset ? { reset: true as const } : {}),
    };
  };
  return {
    async loadValues() {
      const db = await access.read();
      return checkedSettings(db === undefined ? {} : await effectiveValues(db));
    },
    async recordChange(change) {
      const db = await access.write();
      return db.transaction(async (tx) => {
        await tx.execute(sql`SELECT pg_advisory_xact_lock(${SETTINGS_LOCK}, ${agencyId ?? 0})`);
        const before = (await effectiveValues(tx))[change.key];
        if (agencyId === null) {
          await tx
            .insert(instanceSettings)
            .values({ key: change.key, value: change.value, updatedAt: change.when })
            .onConflictDoUpdate({ target: instanceSettings.key, set: { value: change.value, updatedAt: change.when } });
        } else {
          await tx
            .insert(agencySettings)
            .values({ agencyId, key: change.key, value: change.value, updatedAt: change.when })
            .onConflictDoUpdate({
              target: [agencySettings.agencyId, agencySettings.key],
              set: { value: change.value, updatedAt: change.when },
            });
        }
        const [row] = await tx
          .insert(settingChanges)
          .values({
            agencyId,
            key: change.key,
            fromValue: before ?? null,
            toValue: change.value,
            who: change.who,
            at: change.when,
            reason: change.reason ?? null,
          })
          .returning();
        return present(row!);
      });
    },
    async loadOwnValues() {
      const db = await access.read();
      if (db === undefined) {
        return {};
      }
      return agencyId === null
        ? storedSettings(await db.select({ key: instanceSettings.key, value: instanceSettings.value }).from(instanceSettings))
        : storedSettings(
            await db
              .select({ key: agencySettings.key, value: agencySettings.value })
              .from(agencySettings)
              .where(eq(agencySettings.agencyId, agencyId)),
          );
    },
    async resetValue(reset) {
      const db = await access.write();
      return db.transaction(async (tx) => {
        await tx.execute(sql`SELECT pg_advisory_xact_lock(${SETTINGS_LOCK}, ${agencyId ?? 0})`);
        const [removed] =
          agencyId === null
            ? await tx.delete(instanceSettings).where(eq(instanceSettings.key, reset.key)).returning({ value: instanceSettings.value })
            : await tx
                .delete(agencySettings)
                .where(and(eq(agencySettings.agencyId, agencyId), eq(agencySettings.key, reset.key)))
                .returning({ value: agencySettings.value });
        if (removed === undefined) {
          return undefined;
        }
        const after = (await effectiveValues(tx))[reset.key] ?? CLOCK_SETTING_DEFINITIONS[reset.key].defaultValue;
        const [row] = await tx
          .insert(settingChanges)
          .values({
            agencyId,
            key: reset.key,
            fromValue: removed.value,
            toValue: after,
            reset: true,
            who: reset.who,
            at: reset.when,
            reason: reset.reason ?? null,
          })
          .returning();
        return present(row!);
      });
    },
    async listChanges() {
      const db = await access.read();
      if (db === undefined) {
        return [];
      }
      const rows = await db
        .select()
        .from(settingChanges)
        .where(
          agencyId === null ? isNull(settingChanges.agencyId) : or(isNull(settingChanges.agencyId), eq(settingChanges.agencyId, agencyId)),
        )
        .orderBy(asc(settingChanges.id));
      // The clock's history only: letter and mail settings (letter.*, mail.*) share the table.
      return rows.filter((row) => isClockSettingKey(row.key)).map(present);
    },
  };
}
