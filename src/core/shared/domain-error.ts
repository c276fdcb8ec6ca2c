// The one error a use case throws when a request cannot go on (style.md, Errors). Its code is stable
// (clients, scripts and tests match on it); its message is Chinese and safe to show to the user who
// asked; `details` carries public facts only (field problems, allowed transitions), never personal data.
// How each code reaches a user (HTTP status, CLI exit code) is decided in one table at the edge:
// src/app/error-outcomes.ts.

/** Every stable error code, in the order of the outcome table. */
export const DOMAIN_ERROR_CODES = [
  'INVALID_INPUT',
  'UNREADABLE_INPUT',
  'PAYLOAD_TOO_LARGE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_TRANSITION',
  'STALE_VERSION',
  'RATE_LIMITED',
  'UNAVAILABLE',
  'CONFIG_INVALID',
] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

/** Public details of a refusal: per-field problems and any other facts the caller may see. */
export interface DomainErrorDetails {
  /** Field path → Chinese problem (an API answers them as `error.fields`). */
  readonly fields?: Readonly<Record<string, string>>;
  readonly [key: string]: unknown;
}

/** A request refused for a reason the user can fix or must be told (never a defect of the program). */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  readonly code: DomainErrorCode;
  readonly details: DomainErrorDetails;
  /** Whether `message` was written for this case (false: the table's generic text applies). */
  readonly hasMessage: boolean;

  /**
   * @example
   * throw new DomainError('INVALID_INPUT', '未知设置“fee.paws”', { fields: { key: '未知设置' } });
   */
  constructor(code: DomainErrorCode, message?: string, details: DomainErrorDetails = {}) {
    super(message ?? code);
    this.code = code;
    this.details = details;
    this.hasMessage = message !== undefined;
  }
}

/** Whether `value` is a DomainError (with `code` when given), for edges and tests. */
export function isDomainError(value: unknown, code?: DomainErrorCode): value is DomainError {
  return value instanceof DomainError && (code === undefined || value.code === code);
}
