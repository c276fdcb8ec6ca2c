// Staff endpoints of reply letters and letter templates (issue #7: letters had CLI commands only).
import { z } from 'zod';
import { OUTCOME_FAMILIES } from '#core/cases/outcome-codes.ts';

export const letterFamilySchema = z.enum(OUTCOME_FAMILIES, { error: `告知书类别应为 ${OUTCOME_FAMILIES.join('、')} 之一` });

export const letterTemplateSchema = z
  .object({
    family: letterFamilySchema.meta({ description: '告知书类别（办理结果族）' }),
    familyLabel: z.string().meta({ description: '类别中文名' }),
    title: z.string(),
    addressee: z.string().meta({ description: '称谓行，可含 {{合并字段}}' }),
    body: z.string().meta({ description: '正文，{{合并字段}}，须含 {{remedyNotice}}（救济途径告知）' }),
    source: z.enum(['agency', 'default']).meta({ description: 'agency：本机关模板；default：系统默认模板' }),
  })
  .meta({ id: 'LetterTemplate', description: '告知书模板（每个办理结果类别一个）' });

export const letterTemplateListSchema = z
  .object({ items: z.array(letterTemplateSchema) })
  .meta({ id: 'LetterTemplateList', description: '本机关各类别的告知书模板（未设置的类别为系统默认模板）' });

export const letterTemplateUpdateSchema = z
  .object({
    title: z.string({ error: 'title 应为字符串' }).min(1, { error: '标题不能为空' }).max(100, { error: '标题不超过100字' }).optional(),
    addressee: z.string({ error: 'addressee 应为字符串' }).max(200, { error: '称谓不超过200字' }).optional(),
    body: z.string({ error: 'body 应为字符串' }).min(1, { error: '正文不能为空' }).max(20_000, { error: '正文不超过20000字' }).optional(),
  })
  .strict()
  .refine((v) => v.title !== undefined || v.addressee !== undefined || v.body !== undefined, {
    error: '至少给出 title、addressee、body 之一',
  })
  .meta({ id: 'LetterTemplateUpdate', description: '设置本机关某类别的告知书模板；未给出的部分保持现有文字' });
