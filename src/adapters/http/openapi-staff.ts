// The OpenAPI entries of the staff letter, letter-template and job endpoints (kept beside openapi.ts
// so that file only spreads them in).
import type { z } from 'zod';
import { dailyJobRequestSchema, dailyJobResultSchema } from './api/jobs/schema.ts';
import { letterTemplateListSchema, letterTemplateSchema, letterTemplateUpdateSchema } from './api/letters/schema.ts';

type JsonObject = Record<string, unknown>;

export const STAFF_COMPONENTS: readonly z.ZodType[] = [
  letterTemplateSchema,
  letterTemplateListSchema,
  letterTemplateUpdateSchema,
  dailyJobRequestSchema,
  dailyJobResultSchema,
];

export interface OpenApiHelpers {
  ref(schema: z.ZodType): JsonObject;
  json(schema: z.ZodType, description: string): JsonObject;
  errorAnswer(description: string): JsonObject;
  pathParameter(name: string, description: string): JsonObject;
  bearer: readonly JsonObject[];
}

export function staffPaths(h: OpenApiHelpers): JsonObject {
  const slug = h.pathParameter('slug', '机构 slug');
  const family = {
    ...h.pathParameter('family', '告知书类别'),
    schema: { type: 'string', enum: ['disclosed', 'partial', 'withheld', 'unavailable', 'not_processed', 'other'] },
  };
  const security = h.bearer;
  return {
    '/api/cases/{caseCode}/letter': {
      get: {
        operationId: 'downloadCaseLetter',
        summary: '下载已答复申请的告知书（DOCX，含文号和救济途径告知）',
        security,
        parameters: [h.pathParameter('caseCode', '案件编号')],
        responses: {
          200: {
            description: '告知书 DOCX；响应头 x-doc-number 为文号（URL 编码）',
            content: {
              'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { schema: { type: 'string', format: 'binary' } },
            },
          },
          400: h.errorAnswer('无法出具告知书（如未设置行政复议机关），未分配文号'),
          401: h.errorAnswer('未登录'),
          403: h.errorAnswer('告知书尚未出具，只读角色不能出具'),
          404: h.errorAnswer('案件不存在或无权查看'),
          409: h.errorAnswer('申请尚未答复'),
        },
      },
    },
    '/api/agencies/{slug}/letter-templates': {
      get: {
        operationId: 'listLetterTemplates',
        summary: '本机关的告知书模板（每个类别一个；未设置的为系统默认）',
        security,
        parameters: [slug],
        responses: {
          200: h.json(letterTemplateListSchema, '模板列表'),
          401: h.errorAnswer('未登录'),
          403: h.errorAnswer('无权查看该机构'),
          404: h.errorAnswer('机构不存在'),
        },
      },
    },
    '/api/agencies/{slug}/letter-templates/{family}': {
      get: {
        operationId: 'getLetterTemplate',
        summary: '某类别的告知书模板',
        security,
        parameters: [slug, family],
        responses: {
          200: h.json(letterTemplateSchema, '模板'),
          400: h.errorAnswer('类别无效'),
          401: h.errorAnswer('未登录'),
          403: h.errorAnswer('无权查看该机构'),
          404: h.errorAnswer('机构不存在'),
        },
      },
      put: {
        operationId: 'setLetterTemplate',
        summary: '设置本机关某类别的告知书模板（机构管理员、系统管理员）',
        security,
        parameters: [slug, family],
        requestBody: { required: true, content: { 'application/json': { schema: h.ref(letterTemplateUpdateSchema) } } },
        responses: {
          200: h.json(letterTemplateSchema, '已保存的模板'),
          400: h.errorAnswer('模板有误（未知合并字段、缺少救济途径告知等），未保存'),
          401: h.errorAnswer('未登录'),
          403: h.errorAnswer('不是该机构的机构管理员'),
          404: h.errorAnswer('机构不存在'),
        },
      },
      delete: {
        operationId: 'resetLetterTemplate',
        summary: '删除本机关某类别的模板，恢复系统默认（机构管理员、系统管理员）',
        security,
        parameters: [slug, family],
        responses: {
          200: { description: '{"removed": true|false}' },
          401: h.errorAnswer('未登录'),
          403: h.errorAnswer('不是该机构的机构管理员'),
          404: h.errorAnswer('机构不存在'),
        },
      },
    },
    '/api/jobs/daily': {
      post: {
        operationId: 'runDailyJob',
        summary: '运行每日任务（到期、逾期提醒邮件，年末结转；可重复运行）（系统管理员）',
        security,
        requestBody: { required: false, content: { 'application/json': { schema: h.ref(dailyJobRequestSchema) } } },
        responses: {
          200: h.json(dailyJobResultSchema, '每个机关的运行结果'),
          400: h.errorAnswer('日期无效'),
          401: h.errorAnswer('未登录'),
          403: h.errorAnswer('不是系统管理员'),
        },
      },
    },
  };
}
