// Request validation: one zod schema per body or query both validates the request and appears in
// /api/openapi.json. Problems become a 400 with a Chinese message per field path ("applicant.name").
import { z } from 'zod';

/** A field path → Chinese message map, as in `{"error": {"fields": {...}}}`. */
export type FieldMessages = Record<string, string>;

export type Validated<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly fields: FieldMessages };

const zhCN = z.locales.zhCN().localeError;

function messageOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    return '必填';
  }
  return issue.message;
}

/** Validates `input` against `schema`; the first problem of each field path is kept. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): Validated<z.output<S>> {
  const result = schema.safeParse(input, { error: zhCN });
  if (result.success) {
    return { ok: true, value: result.data };
  }
  const fields: FieldMessages = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.') || '_';
    fields[path] ??= messageOf(issue);
  }
  return { ok: false, fields };
}
