// The public intake's rate limit in the server (issue #7): the setting `intake.rate-limit` of the
// agency in the path over the instance default, read from the database and cached for a few seconds
// per agency, so a change applies within CACHE_MS without a query per submission. GONGKAI_RATE_LIMIT=off
// turns every limit off (load tests). The old GONGKAI_INTAKE_RATE_LIMIT variable is migrated: the first
// start that sees it copies it into the instance default (recorded in the settings history as
// GONGKAI_INTAKE_RATE_LIMIT); once a value is stored the variable is ignored, with a warning.
import { createLetterPorts } from '#adapters/db/letter-ports.ts';
import type { Db } from '#adapters/db/open-database.ts';
import type { LogLine } from '#adapters/http/error-response.ts';
import type { RateLimitResolver, RateLimitSetting } from '#adapters/http/middleware/rate-limit.ts';
import { resolveIntakeRateLimit } from '#core/letters/letter-settings.ts';

const CACHE_MS = 10_000;
const KEY = 'intake.rate-limit';

/** A resolver over the database, cached per agency; an unknown agency gets the instance default. */
export function intakeLimitResolver(db: Db, now: () => number = Date.now): RateLimitResolver {
  const ports = createLetterPorts(db);
  const cache = new Map<string, { at: number; value: Promise<RateLimitSetting | 'off'> }>();
  const load = async (slug: string | undefined): Promise<RateLimitSetting | 'off'> => {
    const agency = slug === undefined ? undefined : await ports.findAgency(slug);
    const values = agency === undefined ? (await ports.loadScopedSettings(null)).instance : await ports.loadAgencySettings(agency.id);
    return resolveIntakeRateLimit(values);
  };
  return (slug) => {
    const key = slug ?? '';
    const hit = cache.get(key);
    const t = now();
    if (hit !== undefined && t - hit.at < CACHE_MS) {
      return hit.value;
    }
    if (cache.size > 10_000) {
      cache.clear(); // unknown slugs from a scanner must not grow the cache without bound
    }
    const value = load(slug);
    // A failed look-up is not cached: the next submission asks again.
    value.catch(() => cache.delete(key));
    cache.set(key, { at: t, value });
    return value;
  };
}

/** Copies GONGKAI_INTAKE_RATE_LIMIT into the instance default once; warns when it is set but no longer used. */
export async function migrateLegacyIntakeRateLimit(db: Db, legacy: string | null, log: LogLine): Promise<void> {
  if (legacy === null) {
    return;
  }
  const ports = createLetterPorts(db);
  const stored = (await ports.loadScopedSettings(null)).instance[KEY];
  if (stored === undefined) {
    await ports.saveSetting(null, KEY, legacy, 'GONGKAI_INTAKE_RATE_LIMIT');
    log({
      level: 'warn',
      message: `GONGKAI_INTAKE_RATE_LIMIT=${legacy} 已写入本实例默认设置 intake.rate-limit；该环境变量已弃用，请删除它，今后用 gongkai letter settings set intake.rate-limit 修改`,
    });
  } else if (stored !== legacy) {
    log({
      level: 'warn',
      message: `GONGKAI_INTAKE_RATE_LIMIT 已弃用并被忽略：本实例默认设置 intake.rate-limit 为 ${stored}（gongkai letter settings set intake.rate-limit 修改）`,
    });
  }
}
