// /api/openapi.json: an OpenAPI 3.1 document generated from the very zod schemas that validate the
// requests (zod 4's toJSONSchema); schemas with a meta `id` become components.
import { z } from 'zod';
import { applicationStatusSchema, intakeReceiptSchema, intakeSchema, statusQuerySchema } from './api/applications/schema.ts';
import { attachmentListSchema, attachmentSchema, attachmentUploadSchema } from './api/cases/attachment-schema.ts';
import { caseAssignSchema, caseDetailSchema, caseEventSchema, caseListQuerySchema, caseListSchema } from './api/cases/schema.ts';
import { STAFF_COMPONENTS, staffPaths } from './openapi-staff.ts';

export const apiErrorSchema = z
  .object({
    error: z
      .object({
        code: z.string().meta({ description: '稳定的错误代码，例如 INVALID_INPUT、NOT_FOUND' }),
        message: z.string().meta({ description: '中文说明' }),
        fields: z.record(z.string(), z.string()).optional().meta({ description: '字段路径 → 中文问题说明' }),
      })
      .catchall(z.unknown()),
  })
  .meta({ id: 'ApiError' });

const COMPONENT_PREFIX = '#/components/schemas/';
type JsonObject = Record<string, unknown>;

function idOf(schema: z.ZodType): string {
  const id = z.globalRegistry.get(schema)?.id;
  if (id === undefined) {
    throw new Error('OpenAPI: a component schema needs a meta id');
  }
  return id;
}

const ref = (schema: z.ZodType) => ({ $ref: `${COMPONENT_PREFIX}${idOf(schema)}` });
const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema: ref(schema) } } });
const errorAnswer = (description: string) => json(apiErrorSchema, description);

/** Query parameters from an object schema (one per key, with its JSON Schema). */
function queryParameters(schema: z.ZodObject, required: readonly string[] = []): JsonObject[] {
  return Object.entries(schema.shape).map(([name, field]) => {
    const fieldSchema = z.toJSONSchema(field as z.ZodType, { io: 'input', unrepresentable: 'any' }) as JsonObject;
    delete fieldSchema['$schema'];
    return {
      name,
      in: 'query',
      required: required.includes(name),
      schema: fieldSchema,
      ...(typeof fieldSchema['description'] === 'string' ? { description: fieldSchema['description'] } : {}),
    };
  });
}

const pathParameter = (name: string, description: string) => ({
  name,
  in: 'path',
  required: true,
  schema: { type: 'string' },
  description,
});
/** Staff endpoints: a bearer token, or the console's session cookie (with x-csrf-token on writes). */
const bearer = [{ bearer: [] }, { session: [] }];

const COMPONENTS: readonly z.ZodType[] = [
  intakeSchema,
  intakeReceiptSchema,
  applicationStatusSchema,
  caseListSchema,
  caseDetailSchema,
  caseEventSchema,
  attachmentUploadSchema,
  attachmentSchema,
  attachmentListSchema,
  caseAssignSchema,
  apiErrorSchema,
  ...STAFF_COMPONENTS,
];

function componentSchemas(): JsonObject {
  const wanted = new Set(COMPONENTS.map(idOf));
  const all = z.toJSONSchema(z.globalRegistry, { uri: (id) => `${COMPONENT_PREFIX}${id}`, io: 'input', unrepresentable: 'any' }).schemas;
  const schemas: JsonObject = {};
  for (const [id, schema] of Object.entries(all)) {
    if (wanted.has(id)) {
      const { $schema: _schema, $id: _id, ...rest } = schema as JsonObject;
      schemas[id] = rest;
    }
  }
  return schemas;
}

let cached: JsonObject | undefined;

/** The OpenAPI document (built once per process). */
export function openApiDocument(version: string): JsonObject {
  cached ??= {
    openapi: '3.1.0',
    info: {
      title: 'gongkai 政府信息公开 API',
      version,
      description:
        '依申请公开：公开受理与查询（无需登录），以及工作人员案件接口（Authorization: Bearer 令牌，gongkai token create 生成）。错误答复统一为 {"error": {"code", "message", "fields"}}。',
    },
    servers: [{ url: '/' }],
    components: {
      schemas: componentSchemas(),
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'gongkai token create USERNAME' },
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'gk_session',
          description: '工作台登录会话（POST /console/login）；修改类请求须带 x-csrf-token 头，其值为 GET /api/session 的 csrfToken',
        },
      },
    },
    paths: {
      '/healthz': {
        get: {
          summary: '健康检查',
          responses: {
            200: { description: '{"status":"ok"}：数据库迁移已完成' },
            503: { description: '{"status":"starting"}：正在启动' },
          },
        },
      },
      '/api/agencies/{slug}/applications': {
        post: {
          operationId: 'createApplication',
          summary: '提交政府信息公开申请（依申请公开）',
          parameters: [pathParameter('slug', '受理机构 slug')],
          requestBody: { required: true, content: { 'application/json': { schema: ref(intakeSchema) } } },
          responses: {
            201: json(intakeReceiptSchema, '已受理并写入（COMMIT 之后才答复）'),
            400: errorAnswer('输入有误，未写入任何内容'),
            404: errorAnswer('机构不存在'),
            429: errorAnswer('提交过于频繁'),
          },
        },
      },
      '/api/applications/{caseCode}': {
        get: {
          operationId: 'lookupApplicationStatus',
          summary: '申请人查询办理状态（不含个人信息）',
          parameters: [pathParameter('caseCode', '案件编号'), ...queryParameters(statusQuerySchema, ['v'])],
          responses: {
            200: json(applicationStatusSchema, '办理状态'),
            404: errorAnswer('案件编号不存在或验证码错误（两者答复相同）'),
          },
        },
      },
      '/api/cases': {
        get: {
          operationId: 'listCases',
          summary: '案件列表（仅限调用者有权查看的机构）',
          security: bearer,
          parameters: queryParameters(caseListQuerySchema),
          responses: { 200: json(caseListSchema, '案件列表'), 401: errorAnswer('未登录'), 403: errorAnswer('无权查看该机构') },
        },
      },
      '/api/cases/{caseCode}': {
        get: {
          operationId: 'getCase',
          summary: '案件详情',
          security: bearer,
          parameters: [pathParameter('caseCode', '案件编号')],
          responses: { 200: json(caseDetailSchema, '案件详情'), 401: errorAnswer('未登录'), 404: errorAnswer('案件不存在或无权查看') },
        },
      },
      '/api/cases/{caseCode}/events': {
        post: {
          operationId: 'recordCaseEvent',
          summary: '登记案件事件（补正、征求意见、延期、收费、答复等）',
          security: bearer,
          parameters: [pathParameter('caseCode', '案件编号')],
          requestBody: { required: true, content: { 'application/json': { schema: ref(caseEventSchema) } } },
          responses: {
            201: json(caseDetailSchema, '事件已登记，答复更新后的案件'),
            400: errorAnswer('输入有误'),
            401: errorAnswer('未登录'),
            403: errorAnswer('角色无权登记事件'),
            404: errorAnswer('案件不存在或无权查看'),
            409: errorAnswer('当前状态下不能登记该事件（INVALID_TRANSITION）'),
          },
        },
      },
      '/api/cases/{caseCode}/attachments': {
        get: {
          operationId: 'listAttachments',
          summary: '案件的附件列表',
          security: bearer,
          parameters: [pathParameter('caseCode', '案件编号')],
          responses: { 200: json(attachmentListSchema, '附件列表'), 401: errorAnswer('未登录'), 404: errorAnswer('案件不存在或无权查看') },
        },
        post: {
          operationId: 'attachFiles',
          summary: '上传附件（multipart/form-data；按内容识别类型，限制大小和数量）',
          security: bearer,
          parameters: [pathParameter('caseCode', '案件编号')],
          requestBody: { required: true, content: { 'multipart/form-data': { schema: ref(attachmentUploadSchema) } } },
          responses: {
            201: json(attachmentListSchema, '已保存的附件'),
            400: errorAnswer('文件被拒绝（类型、大小或数量），未保存任何文件'),
            401: errorAnswer('未登录'),
            403: errorAnswer('角色无权上传'),
            404: errorAnswer('案件不存在或无权查看'),
            413: errorAnswer('请求体超过上限'),
          },
        },
      },
      '/api/cases/{caseCode}/attachments/{id}': {
        get: {
          operationId: 'downloadAttachment',
          summary: '下载附件（Content-Disposition: attachment，X-Content-Type-Options: nosniff）',
          security: bearer,
          parameters: [pathParameter('caseCode', '案件编号'), { ...pathParameter('id', '附件编号'), schema: { type: 'integer' } }],
          responses: {
            200: {
              description: '文件内容（类型为按内容识别的类型）',
              content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
            },
            401: errorAnswer('未登录'),
            404: errorAnswer('案件或附件不存在，或无权查看'),
          },
        },
      },
      '/api/cases/{caseCode}/assign': {
        post: {
          operationId: 'assignCaseOfficer',
          summary: '指定或取消案件的承办人（记入承办记录和审计日志）',
          security: bearer,
          parameters: [pathParameter('caseCode', '案件编号')],
          requestBody: { required: true, content: { 'application/json': { schema: ref(caseAssignSchema) } } },
          responses: {
            200: json(caseDetailSchema, '答复更新后的案件（changed：是否有变化）'),
            400: errorAnswer('输入有误，或该用户不能担任该案件的承办人'),
            401: errorAnswer('未登录'),
            403: errorAnswer('角色无权指定承办人'),
            404: errorAnswer('案件不存在或无权查看'),
          },
        },
      },
      ...staffPaths({ ref, json, errorAnswer, pathParameter, bearer }),
      '/api/session': {
        get: {
          operationId: 'getSession',
          summary: '当前登录的工作人员、所属机构与角色，以及修改类请求所需的 CSRF 令牌',
          security: bearer,
          responses: {
            200: {
              description:
                '{"user": {"id", "username"}, "agencies": [{"slug", "name", "roles"}], "role", "csrfToken"}；role 为最高的角色；使用 Bearer 令牌时 csrfToken 为 null',
            },
            401: errorAnswer('未登录或会话已失效'),
          },
        },
      },
      '/api/openapi.json': { get: { summary: '本文档', responses: { 200: { description: 'OpenAPI 3.1' } } } },
    },
  };
  return cached;
}
