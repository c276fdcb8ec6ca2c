// POST /api/jobs/daily: the daily job (reminder e-mails, year-end carry-over), for system administrators.
import { z } from 'zod';

export const dailyJobRequestSchema = z
  .object({
    date: z.iso
      .date({ error: 'date 应为 YYYY-MM-DD 日期' })
      .refine((d) => d >= '1990-01-01' && d <= '2100-12-31', { error: 'date 应在 1990 至 2100 年之间' })
      .optional()
      .meta({ description: '按该日期运行（默认今天，北京时间）' }),
  })
  .strict()
  .meta({ id: 'DailyJobRequest', description: '运行每日任务' });

export const dailyJobResultSchema = z
  .object({
    day: z.string(),
    agencies: z.array(
      z
        .object({
          agency: z.string(),
          day: z.string(),
          run: z.number().int().meta({ description: '当日第几次运行' }),
          reminders: z.object({
            due: z.number().int(),
            sent: z.number().int(),
            alreadySent: z.number().int(),
            failed: z.number().int(),
            notConfigured: z.number().int(),
          }),
          carryOver: z.object({ fromYear: z.number().int(), open: z.number().int(), recordedNow: z.number().int() }),
          notes: z.array(z.string()),
        })
        .catchall(z.unknown()),
    ),
  })
  .meta({ id: 'DailyJobResult', description: '每个机关的运行结果（与 gongkai jobs daily --json 相同）' });
