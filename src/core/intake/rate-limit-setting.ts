// The public intake's rate limit as a setting (issue #7, issue #8 Security): `N/SECONDS` submissions per
// client address and window (e.g. `10/60`), or `off`. Per agency over the instance default, stored and
// changed like the other agency settings (`gongkai letter settings set intake.rate-limit …`).

export interface RateLimitValue {
  /** Submissions allowed per window and client address. */
  readonly limit: number;
  readonly windowSeconds: number;
}

export const RATE_LIMIT_BOUNDS = { maxLimit: 100_000, maxWindowSeconds: 86_400 } as const;

/** The value as a limit, `off`, or undefined when it is not a valid setting value. */
export function parseRateLimitValue(text: string): RateLimitValue | 'off' | undefined {
  if (text === 'off') {
    return 'off';
  }
  const match = /^(\d{1,6})\/(\d{1,6})$/.exec(text);
  if (match === null) {
    return undefined;
  }
  const limit = Number(match[1]);
  const windowSeconds = Number(match[2]);
  if (limit < 1 || limit > RATE_LIMIT_BOUNDS.maxLimit || windowSeconds < 1 || windowSeconds > RATE_LIMIT_BOUNDS.maxWindowSeconds) {
    return undefined;
  }
  return { limit, windowSeconds };
}

/** A Chinese problem with the value, or undefined when it is allowed. */
export function checkRateLimitValue(key: string, text: string): string | undefined {
  return parseRateLimitValue(text) === undefined
    ? `设置 ${key} 的值应为“次数/秒数”（次数 1–${RATE_LIMIT_BOUNDS.maxLimit}，秒数 1–${RATE_LIMIT_BOUNDS.maxWindowSeconds}，如 10/60）或 off，收到“${text}”`
    : undefined;
}
