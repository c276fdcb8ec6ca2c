// POST /api/jobs/daily: the daily job for every agency (what `gongkai jobs daily` runs from cron), for
// system administrators only; safe to call twice (each reminder goes once).
import { Hono } from 'hono';
import { isSystemAdmin } from '#core/identity/access-policy.ts';
import { DomainError } from '#core/shared/domain-error.ts';
import { type HttpServices, jobsOf } from '../../http-services.ts';
import { authenticate, type StaffEnv } from '../../middleware/authenticate.ts';
import { parseWith } from '../../read-json.ts';
import { dailyJobRequestSchema } from './schema.ts';

export function jobRoutes(services: () => HttpServices): Hono<StaffEnv> {
  const routes = new Hono<StaffEnv>();
  routes.use('*', authenticate(services));
  routes.post('/daily', async (c) => {
    if (!isSystemAdmin(c.get('actor').grants)) {
      throw new DomainError('FORBIDDEN', '只有系统管理员可以运行每日任务');
    }
    const text = await c.req.text();
    let input: unknown = {};
    if (text.trim() !== '') {
      try {
        input = JSON.parse(text) as unknown;
      } catch {
        throw new DomainError('INVALID_INPUT', '请求体不是有效的 JSON', { fields: { _: '请求体应为 JSON' } });
      }
    }
    const body = parseWith(dailyJobRequestSchema, input);
    return c.json(await jobsOf(services()).runDailyJob(body.date === undefined ? {} : { day: body.date }));
  });
  return routes;
}
