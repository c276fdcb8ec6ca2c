// The settings history of one agency (app/console/list-agency-setting-history.ts): its own changes and
// the instance default's, newest first, in one query over setting_changes.
import { desc, eq, isNull, or } from 'drizzle-orm';
import type { SettingHistoryPorts } from '#app/console/list-agency-setting-history.ts';
import { isoInstant } from './clock-rows.ts';
import type { Db } from './open-database.ts';
import { agencies } from './schema/agencies.ts';
import { settingChanges } from './schema/settings.ts';

export function createSettingHistoryStore(db: Db): SettingHistoryPorts {
  return {
    async findAgency(slug) {
      const [row] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.slug, slug));
      return row;
    },
    async listSettingChanges(agencyId, limit) {
      const rows = await db
        .select()
        .from(settingChanges)
        .where(or(eq(settingChanges.agencyId, agencyId), isNull(settingChanges.agencyId)))
        .orderBy(desc(settingChanges.id))
        .limit(limit);
      return rows.map((row) => ({
        key: row.key,
        from: row.fromValue,
        to: row.toValue,
        who: row.who,
        when: isoInstant(row.at),
        reason: row.reason,
        scope: row.agencyId === null ? ('instance' as const) : ('agency' as const),
        reset: row.reset,
      }));
    },
  };
}
