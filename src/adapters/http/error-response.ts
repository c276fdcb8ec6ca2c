// Every API error answer goes through here: a DomainError's status comes from the one outcome table
// (src/app/error-outcomes.ts); anything else is a defect, answered 500 with a generic Chinese message
// and logged without the request body (no personal data in logs).
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DEFECT_OUTCOME, errorBody, outcomeOf } from '#app/error-outcomes.ts';
import { DomainError, type DomainErrorDetails, isDomainError } from '#core/shared/domain-error.ts';

export type LogLine = (entry: Readonly<Record<string, unknown>>) => void;

/** The HTTP status of an error (500 for a defect). */
export const statusOf = (error: unknown): ContentfulStatusCode =>
  (isDomainError(error) ? outcomeOf(error).http : DEFECT_OUTCOME.http) as ContentfulStatusCode;

/** A defect's stack and its causes' messages (a failed query's cause is the driver's error). Query
 * parameters are not included: drizzle puts them in the message, so only the first line of a
 * "Failed query" message is kept. */
function describeDefect(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 4; depth += 1) {
    if (current instanceof Error) {
      const message = current.message.startsWith('Failed query:') ? (current.message.split('\n')[0] ?? '') : current.message;
      parts.push(
        depth === 0
          ? `${current.name}: ${message}\n${(current.stack ?? '').split('\n').slice(1, 6).join('\n')}`
          : `cause: ${current.name}: ${message}`,
      );
      current = current.cause;
    } else {
      parts.push(String(current));
      break;
    }
  }
  return parts.join('\n');
}

/** Logs a defect (not a DomainError): its message and stack, never the request body — they name no applicant. */
export function logDefect(c: Context, error: unknown, log: LogLine): void {
  logDefectOf(c.req.method, c.req.routePath, error, log);
}

/** logDefect for a request answered outside Hono (the intake's node:http fast path): method and route pattern given. */
export function logDefectOf(method: string, routePath: string, error: unknown, log: LogLine): void {
  if (!isDomainError(error)) {
    log({
      level: 'error',
      msg: 'defect',
      method,
      path: routePath,
      error: describeDefect(error),
    });
  }
}

/** The headers an error answer carries besides its JSON body (lower-case names). */
export function errorHeaders(error: unknown): Record<string, string> {
  const headers: Record<string, string> = {};
  if (isDomainError(error, 'UNAUTHENTICATED')) {
    headers['www-authenticate'] = 'Bearer realm="gongkai"';
  }
  if (isDomainError(error, 'RATE_LIMITED') && typeof error.details['retryAfterSeconds'] === 'number') {
    headers['retry-after'] = String(error.details['retryAfterSeconds']);
  }
  return headers;
}

export function errorResponse(c: Context, error: unknown, log: LogLine): Response {
  const status = statusOf(error);
  logDefect(c, error, log);
  for (const [name, value] of Object.entries(errorHeaders(error))) {
    c.header(name, value);
  }
  return c.json(errorBody(error), status);
}

/** A 400 INVALID_INPUT with a Chinese message per field. */
export const invalidInput = (fields: DomainErrorDetails['fields'], message = '提交的内容有误，请按提示修改'): DomainError =>
  new DomainError('INVALID_INPUT', message, fields === undefined ? {} : { fields });
