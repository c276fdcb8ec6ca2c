// Staff case endpoints (issue #7 Contracts): list, show, record an event.
import { z } from 'zod';
import { CASE_EVENT_TYPES } from '#core/cases/case-event.ts';
import { OUTCOME_CODES } from '#core/cases/outcome-codes.ts';
import { CASE_STATUSES } from '#core/cases/project-case.ts';

const localDate = z.iso.date({ error: '日期应为 YYYY-MM-DD' });

export const caseListQuerySchema = z.object({
  agency: z.string().max(64).optional().meta({ description: '只列出该机构（slug）的案件' }),
  state: z
    .enum(CASE_STATUSES, { error: `state 应为 ${CASE_STATUSES.join('、')} 之一` })
    .optional()
    .meta({ description: '只列出该状态的案件' }),
  officer: z.string().min(1).max(64).optional().meta({ description: '只列出该承办人（用户名）的案件' }),
  limit: z.coerce
    .number({ error: 'limit 应为 1–500 的整数' })
    .int()
    .min(1)
    .max(500)
    .default(100)
    .meta({ description: '每页条数（1–500）' }),
  offset: z.coerce.number({ error: 'offset 应为非负整数' }).int().min(0).default(0),
});
export type CaseListQuery = z.output<typeof caseListQuerySchema>;

export const caseSummarySchema = z
  .object({
    caseCode: z.string().meta({ description: '案件编号' }),
    agency: z.string().meta({ description: '机构 slug' }),
    state: z.string(),
    received: localDate,
    due: localDate.nullable(),
    outcome: z.string().nullable().optional(),
    officer: z.string().nullable().optional().meta({ description: '承办人用户名（null：未指定）' }),
  })
  .catchall(z.unknown())
  .meta({ id: 'CaseSummary' });

export const caseListSchema = z
  .object({
    items: z.array(caseSummarySchema),
    total: z.number().int().optional(),
    limit: z.number().int(),
    offset: z.number().int(),
  })
  .meta({ id: 'CaseList' });

export const caseDetailSchema = caseSummarySchema
  .extend({
    events: z.array(z.object({ type: z.string(), date: localDate }).catchall(z.unknown())).optional(),
  })
  .meta({ id: 'CaseDetail', description: '案件详情（含事件记录）' });

export const caseEventSchema = z
  .object({
    type: z
      .enum(CASE_EVENT_TYPES, { error: `事件类型 type 应为 ${CASE_EVENT_TYPES.join('、')} 之一` })
      .meta({ description: 'statute.md §3.7 事件 ID（另有 reopened 重新办理）' }),
    date: localDate.meta({ description: '事件日期 YYYY-MM-DD' }),
    outcome: z
      .enum(OUTCOME_CODES, { error: '办理结果 outcome 应为表三办理结果行 ID（如 outcome.disclosed）' })
      .optional()
      .meta({ description: 'replied 事件的办理结果（表三办理结果行 ID）' }),
  })
  .catchall(z.unknown())
  .meta({ id: 'CaseEvent', description: '案件事件：参数与 gongkai deadline --case 输入相同' });
export type CaseEventBody = z.output<typeof caseEventSchema>;

export const caseAssignSchema = z
  .object({
    officer: z
      .string({ error: 'officer 应为用户名，或 null 取消承办人' })
      .min(1, { error: 'officer 不能为空' })
      .max(64, { error: 'officer 过长' })
      .nullable()
      .meta({ description: '承办人用户名（须在案件所属机关担任办理人、审核人、机构管理员或系统管理员）；null 取消承办人' }),
  })
  .strict()
  .meta({ id: 'CaseAssign', description: '指定或取消案件的承办人' });
export type CaseAssignBody = z.output<typeof caseAssignSchema>;
