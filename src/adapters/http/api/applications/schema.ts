// Public intake and status lookup (issue #7 Contracts): the schemas that validate the requests are
// the ones /api/openapi.json publishes.
import { z } from 'zod';
import { APPLICANT_TYPES, checkResidentId, checkUscc, ID_TYPES } from '#core/cases/applicant.ts';

export const DELIVERY_METHODS = ['online', 'email', 'post', 'pickup'] as const;

const text = (max: number, label: string) =>
  z
    .string({ error: `${label}应为文字` })
    .trim()
    .min(1, { error: `请填写${label}` })
    .max(max, { error: `${label}不能超过 ${max} 个字符` });

const optionalText = (max: number, label: string) =>
  z
    .string({ error: `${label}应为文字` })
    .trim()
    .max(max, { error: `${label}不能超过 ${max} 个字符` })
    .optional();

export const applicantSchema = z
  .object({
    type: z.enum(APPLICANT_TYPES, { error: '申请人类型无效（自然人、商业企业、科研机构、社会公益组织、法律服务机构或其他）' }),
    name: text(200, '申请人姓名或名称'),
    idType: z.enum(ID_TYPES, { error: '证件类型应为居民身份证（resident_id）、护照（passport）或其他（other）' }).optional(),
    idNumber: optionalText(64, '证件号码'),
    uscc: optionalText(18, '统一社会信用代码'),
    phone: optionalText(32, '联系电话'),
    email: z.email({ error: '电子邮箱格式不正确' }).max(254).optional(),
    address: optionalText(500, '通信地址'),
  })
  .meta({ description: '申请人（表三列：natural_person 自然人，其余为法人或者其他组织）' });

export const intakeSchema = z
  .object({
    applicant: applicantSchema,
    description: text(5000, '所需政府信息的内容描述'),
    delivery: z.enum(DELIVERY_METHODS, { error: '获取信息的方式应为 online、email、post 或 pickup' }),
  })
  .superRefine((value, context) => {
    const applicant = value.applicant;
    if (applicant.type === 'natural_person') {
      if (applicant.idType === undefined) {
        context.addIssue({ code: 'custom', path: ['applicant', 'idType'], message: '自然人申请须填写证件类型' });
      }
      if (applicant.idNumber === undefined || applicant.idNumber === '') {
        context.addIssue({ code: 'custom', path: ['applicant', 'idNumber'], message: '自然人申请须填写证件号码' });
      } else if (applicant.idType === 'resident_id') {
        const problem = checkResidentId(applicant.idNumber);
        if (problem !== undefined) {
          context.addIssue({ code: 'custom', path: ['applicant', 'idNumber'], message: problem });
        }
      }
    } else if (applicant.uscc === undefined || applicant.uscc === '') {
      context.addIssue({ code: 'custom', path: ['applicant', 'uscc'], message: '法人或者其他组织申请须填写统一社会信用代码' });
    } else {
      const problem = checkUscc(applicant.uscc);
      if (problem !== undefined) {
        context.addIssue({ code: 'custom', path: ['applicant', 'uscc'], message: problem });
      }
    }
    if (value.delivery === 'email' && applicant.email === undefined) {
      context.addIssue({ code: 'custom', path: ['applicant', 'email'], message: '选择电子邮件获取信息时须填写电子邮箱' });
    }
    if (value.delivery === 'post' && (applicant.address === undefined || applicant.address === '')) {
      context.addIssue({ code: 'custom', path: ['applicant', 'address'], message: '选择邮寄获取信息时须填写通信地址' });
    }
  })
  .meta({ id: 'ApplicationIntake', description: '依申请公开：在线提交政府信息公开申请' });
export type IntakeBody = z.output<typeof intakeSchema>;

const localDate = z.iso.date().meta({ description: 'YYYY-MM-DD（Asia/Shanghai）' });

export const intakeReceiptSchema = z
  .object({
    caseCode: z.string().meta({ description: '案件编号' }),
    verificationCode: z.string().meta({ description: '验证码（查询办理状态时使用）' }),
    received: localDate.meta({ description: '收到申请之日（条例第三十一条）' }),
    due: localDate.meta({ description: '答复期限（条例第三十三条）' }),
  })
  .meta({ id: 'ApplicationReceipt' });

export const statusQuerySchema = z.object({
  v: z.string({ error: '请提供验证码' }).min(1, { error: '请提供验证码' }).max(64).meta({ description: '验证码' }),
});

export const applicationStatusSchema = z
  .object({
    caseCode: z.string(),
    state: z.string().meta({ description: '办理状态（与案件 state 相同）' }),
    stateLabel: z.string().optional().meta({ description: '办理状态（中文）' }),
    received: localDate,
    due: localDate.nullable(),
    outcome: z.string().nullable().meta({ description: '答复后为表三办理结果行 ID，否则为 null' }),
  })
  .meta({ id: 'ApplicationStatus', description: '申请人查询的办理状态：不含任何个人信息' });
