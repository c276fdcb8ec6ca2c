// The one table from a DomainError code to what each edge does with it: the HTTP status the API
// answers, the exit code the CLI ends with, and the Chinese text shown when the error carries no
// message of its own (style.md, Errors). Only edges (src/cli/main.ts, the HTTP error handler) read it;
// a code without a row does not compile.
//
// Where we differ from the guide's table (and why, see ARCHITECTURE.md "Errors"):
// - INVALID_INPUT answers HTTP 400, not 422: issue #7's intake contract says invalid input answers 400.
// - INVALID_INPUT exits 64, not 2: the CLI's contract since issue #4 is that a bad value on the
//   command line or in an input file exits 64 (EX_USAGE) and changes nothing; exit 2 stays
//   "unreadable report" for `report check`.

import { type DomainError, type DomainErrorCode, isDomainError } from '#core/shared/domain-error.ts';

export interface ErrorOutcome {
  /** HTTP status of the API answer. */
  readonly http: number;
  /** CLI exit code (sysexits.h where one fits). */
  readonly exit: number;
  /** Generic Chinese message, used when the error has none of its own. */
  readonly zh: string;
}

export const ERROR_OUTCOMES = {
  INVALID_INPUT: { http: 400, exit: 64, zh: '提交的内容有误，请按提示修改' },
  UNREADABLE_INPUT: { http: 422, exit: 2, zh: '无法读取提交的文件' },
  PAYLOAD_TOO_LARGE: { http: 413, exit: 2, zh: '提交的内容或文件过大' },
  UNAUTHENTICATED: { http: 401, exit: 4, zh: '请先登录' },
  FORBIDDEN: { http: 403, exit: 4, zh: '没有权限进行此操作' },
  NOT_FOUND: { http: 404, exit: 3, zh: '未找到' },
  CONFLICT: { http: 409, exit: 5, zh: '与已有记录冲突' },
  INVALID_TRANSITION: { http: 409, exit: 5, zh: '当前状态下不能进行此操作' },
  STALE_VERSION: { http: 409, exit: 5, zh: '该记录已被他人修改，请刷新后重试' },
  RATE_LIMITED: { http: 429, exit: 75, zh: '操作过于频繁，请稍后再试' },
  UNAVAILABLE: { http: 503, exit: 75, zh: '服务暂时不可用，请稍后再试' },
  CONFIG_INVALID: { http: 500, exit: 78, zh: '配置有误' },
} as const satisfies Record<DomainErrorCode, ErrorOutcome>;

/** What a defect (anything that is not a DomainError) becomes: logged without personal data, 500 / exit 70. */
export const DEFECT_OUTCOME = { code: 'INTERNAL', http: 500, exit: 70, zh: '系统错误，请稍后再试' } as const;

/** The outcome of a DomainError: its row, with the error's own message when it has one. */
export function outcomeOf(error: DomainError): ErrorOutcome & { readonly code: DomainErrorCode; readonly message: string } {
  const row = ERROR_OUTCOMES[error.code];
  return { code: error.code, http: row.http, exit: row.exit, zh: row.zh, message: error.hasMessage ? error.message : row.zh };
}

/** The public body of an API error answer: `{"error": {"code", "message", "fields"?, …details}}` (issue #7 contract). */
export function errorBody(error: unknown): { readonly error: Readonly<Record<string, unknown>> } {
  if (!isDomainError(error)) {
    return { error: { code: DEFECT_OUTCOME.code, message: DEFECT_OUTCOME.zh } };
  }
  const { message, code } = outcomeOf(error);
  return { error: { ...error.details, code, message } };
}
