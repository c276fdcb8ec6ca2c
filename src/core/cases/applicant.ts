// Applicants of 依申请公开 as table 三 counts them (annual-report.md §3.2, statute.md §1): one of six
// columns, fixed at receipt; a 自然人 identified by an ID document (a resident ID checked with its
// GB 11643-1999 check digit), an organisation by its 统一社会信用代码 (GB 32100-2015 check character).

import { parseLocalDate } from '#core/calendar/local-date.ts';
import { APPLICANT_COLUMN_IDS, type ApplicantColumnId } from '#core/reports/template.ts';

/** The six applicant kinds = the table 三 columns before 总计 (statute.md §1). */
export const APPLICANT_TYPES = APPLICANT_COLUMN_IDS;
export type ApplicantType = ApplicantColumnId;

export const APPLICANT_TYPE_LABEL = {
  natural_person: '自然人',
  commercial_enterprise: '商业企业',
  research_institution: '科研机构',
  public_interest_org: '社会公益组织',
  legal_service_org: '法律服务机构',
  other_org: '其他',
} as const satisfies Record<ApplicantType, string>;

export function isApplicantType(value: unknown): value is ApplicantType {
  return typeof value === 'string' && (APPLICANT_TYPES as readonly string[]).includes(value);
}

/** ID documents of a 自然人: 居民身份证 (checked), 护照, other (checked only for presence). */
export const ID_TYPES = ['resident_id', 'passport', 'other'] as const;
export type IdType = (typeof ID_TYPES)[number];
export const ID_TYPE_LABEL = { resident_id: '居民身份证', passport: '护照', other: '其他证件' } as const satisfies Record<IdType, string>;

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK = '10X98765432';

/** The GB 11643-1999 check character (ISO 7064 MOD 11-2) of the first 17 digits of a resident ID. */
export function residentIdCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  }
  return ID_CHECK[sum % 11]!;
}

/** Why an 18-character 居民身份证号码 is invalid (GB 11643-1999: digits, birth date, check digit), or undefined. */
export function checkResidentId(text: string): string | undefined {
  const id = text.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) {
    return '居民身份证号码应为18位（前17位为数字，末位为数字或X）';
  }
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (parseLocalDate(birth) === undefined || Number(id.slice(6, 10)) < 1900) {
    return `居民身份证号码中的出生日期无效：${id.slice(6, 14)}`;
  }
  if (residentIdCheckCharacter(id) !== id[17]) {
    return '居民身份证号码校验码不正确（GB 11643）';
  }
  return undefined;
}

/** The 31 characters of a 统一社会信用代码 (GB 32100-2015: no I, O, Z, S, V). */
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** The GB 32100-2015 check character of the first 17 characters of a 统一社会信用代码 (undefined if a character is not allowed). */
export function usccCheckCharacter(first17: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = USCC_CHARS.indexOf(first17[i] ?? '?');
    if (value < 0) {
      return undefined;
    }
    sum += value * USCC_WEIGHTS[i]!;
  }
  return USCC_CHARS[(31 - (sum % 31)) % 31];
}

/** Why a 统一社会信用代码 is invalid (18 characters of GB 32100-2015 with its check character), or undefined. */
export function checkUscc(text: string): string | undefined {
  const code = text.trim().toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) {
    return '统一社会信用代码应为18位数字或大写字母（不含I、O、Z、S、V）';
  }
  if (usccCheckCharacter(code.slice(0, 17)) !== code[17]) {
    return '统一社会信用代码校验码不正确（GB 32100）';
  }
  return undefined;
}

/** The applicant as an intake form or staff entry gives it (personal data: never in a public answer or a log). */
export interface ApplicantInput {
  readonly type: ApplicantType;
  readonly name: string;
  readonly idType?: IdType;
  readonly idNumber?: string;
  readonly uscc?: string;
  readonly phone?: string;
  readonly email?: string;
  readonly address?: string;
}

export type ApplicantCheck =
  | { readonly ok: true; readonly applicant: ApplicantInput }
  | { readonly ok: false; readonly fields: Readonly<Record<string, string>> };

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/**
 * Checks an applicant from untrusted input (条例第二十九条（一）: name, identity, contact). Field problems are
 * keyed by field name, in Chinese. A 自然人 needs an ID document; an organisation its 统一社会信用代码.
 */
export function checkApplicant(value: unknown): ApplicantCheck {
  const fields: Record<string, string> = {};
  const input = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const type = input['type'];
  if (!isApplicantType(type)) {
    fields['type'] = `申请人类型应为 ${APPLICANT_TYPES.join('、')} 之一`;
  }
  const name = text(input['name']);
  if (name === undefined) {
    fields['name'] = '请填写申请人姓名或名称';
  } else if (name.length > 200) {
    fields['name'] = '申请人姓名或名称过长（最多200字）';
  }
  const applicant: { -readonly [K in keyof ApplicantInput]: ApplicantInput[K] } = {
    type: type as ApplicantType,
    name: name ?? '',
  };
  if (type === 'natural_person') {
    const idType = input['idType'] ?? 'resident_id';
    const idNumber = text(input['idNumber']);
    if (typeof idType !== 'string' || !(ID_TYPES as readonly string[]).includes(idType)) {
      fields['idType'] = `证件类型应为 ${ID_TYPES.join('、')} 之一`;
    } else {
      applicant.idType = idType as IdType;
      if (idNumber === undefined) {
        fields['idNumber'] = `请填写${ID_TYPE_LABEL[idType as IdType]}号码`;
      } else if (idType === 'resident_id') {
        const problem = checkResidentId(idNumber);
        if (problem !== undefined) {
          fields['idNumber'] = problem;
        }
        applicant.idNumber = idNumber.toUpperCase();
      } else if (idNumber.length > 64) {
        fields['idNumber'] = '证件号码过长';
      } else {
        applicant.idNumber = idNumber;
      }
    }
  } else if (isApplicantType(type)) {
    const uscc = text(input['uscc']);
    if (uscc === undefined) {
      fields['uscc'] = '请填写统一社会信用代码';
    } else {
      const problem = checkUscc(uscc);
      if (problem !== undefined) {
        fields['uscc'] = problem;
      }
      applicant.uscc = uscc.toUpperCase();
    }
  }
  for (const key of ['phone', 'email', 'address'] as const) {
    const v = input[key];
    if (v !== undefined && v !== null && typeof v !== 'string') {
      fields[key] = '应为文本';
    } else if (typeof v === 'string' && v.length > 500) {
      fields[key] = '过长（最多500字）';
    } else {
      const trimmed = text(v);
      if (trimmed !== undefined) {
        applicant[key] = trimmed;
      }
    }
  }
  if (applicant.email !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(applicant.email)) {
    fields['email'] = '电子邮箱格式不正确';
  }
  if (applicant.phone === undefined && applicant.email === undefined && applicant.address === undefined) {
    fields['phone'] = '请至少填写一种联系方式（电话、电子邮箱或通信地址）';
  }
  return Object.keys(fields).length > 0 ? { ok: false, fields } : { ok: true, applicant };
}
