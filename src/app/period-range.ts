// How long a period the working-day use cases accept: 1 to 3650 (ten years), so a huge number cannot
// make a day-by-day walk run for minutes (issue #7: dates and periods without bounds).
import { DomainError } from '#core/shared/domain-error.ts';

export const PERIOD_MAX = 3650;

/** `n` if it is an integer in 1…PERIOD_MAX, else INVALID_INPUT naming `what`. */
export function requirePeriod(n: number, what: string): number {
  if (!Number.isSafeInteger(n) || n < 1 || n > PERIOD_MAX) {
    throw new DomainError('INVALID_INPUT', `${what}应为 1 至 ${PERIOD_MAX} 之间的整数（N ≥ 1），收到“${n}”`);
  }
  return n;
}
