// Reads a JSON request body (size-limited by the bodyLimit middleware); a body that is not JSON is an
// INVALID_INPUT like any other bad input.
import type { Context } from 'hono';
import type { z } from 'zod';
import { invalidInput } from './error-response.ts';
import { validate } from './validate-body.ts';

export async function readJson(c: Context): Promise<unknown> {
  return parseJsonText(await c.req.text());
}

/** A request body's text as JSON, or INVALID_INPUT. */
export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw invalidInput({ _: '请求体应为 JSON' }, '请求体不是有效的 JSON');
  }
}

/** Validates `input` or throws INVALID_INPUT with a message per field. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = validate(schema, input);
  if (!result.ok) {
    throw invalidInput(result.fields);
  }
  return result.value;
}
