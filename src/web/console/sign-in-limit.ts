// Sign-in rate limit (issue #8 Security): failed attempts are counted per username and per client
// address in a fixed window (GONGKAI_SIGNIN_RATE_LIMIT, default 5 per 300 s for a username and 4× that
// for an address, where a whole office may sit behind one NAT). Past the limit every attempt — right
// password or not — answers 429 until the window ends, so guessing stays slow; a successful sign-in
// clears its username's count. `GONGKAI_RATE_LIMIT=off` turns it off (load tests). Counters live in
// this process, like the intake limit (several nodes: each counts on its own).

export interface SignInLimitSetting {
  /** Failed attempts allowed per username in one window (per address: 4×). */
  readonly limit: number;
  readonly windowSeconds: number;
}

export interface SignInLimiter {
  /** Seconds to wait when any of the keys is over its limit; undefined when sign-in may be tried. */
  retryAfter(username: string, address: string): number | undefined;
  fail(username: string, address: string): void;
  succeed(username: string): void;
}

const ADDRESS_FACTOR = 4;
const MAX_KEYS = 100_000;

export function createSignInLimiter(setting: SignInLimitSetting | 'off', now: () => number = Date.now): SignInLimiter {
  if (setting === 'off') {
    return { retryAfter: () => undefined, fail: () => {}, succeed: () => {} };
  }
  const windowMs = setting.windowSeconds * 1000;
  const counts = new Map<string, { start: number; count: number }>();
  const keys = (username: string, address: string) =>
    [
      [`u:${username.trim().toLowerCase()}`, setting.limit],
      [`a:${address}`, setting.limit * ADDRESS_FACTOR],
    ] as const;
  const current = (key: string, t: number) => {
    const entry = counts.get(key);
    return entry === undefined || t - entry.start >= windowMs ? undefined : entry;
  };
  return {
    retryAfter(username, address) {
      const t = now();
      let wait: number | undefined;
      for (const [key, limit] of keys(username, address)) {
        const entry = current(key, t);
        if (entry !== undefined && entry.count >= limit) {
          wait = Math.max(wait ?? 0, Math.max(1, Math.ceil((entry.start + windowMs - t) / 1000)));
        }
      }
      return wait;
    },
    fail(username, address) {
      const t = now();
      if (counts.size > MAX_KEYS) {
        for (const [key, entry] of counts) {
          if (t - entry.start >= windowMs) {
            counts.delete(key);
          }
        }
      }
      for (const [key] of keys(username, address)) {
        const entry = current(key, t);
        counts.set(key, entry === undefined ? { start: t, count: 1 } : { start: entry.start, count: entry.count + 1 });
      }
    },
    succeed(username) {
      counts.delete(`u:${username.trim().toLowerCase()}`);
    },
  };
}
