// The server's start-up warm-up (issue #7: 1,000 concurrent intakes, p99 < 500 ms also for the FIRST
// burst after a start). A freshly started server ran its first burst with unoptimised code — V8's
// JIT and inline caches in the server process, the WASM of the embedded database child and its
// catalog caches — and paid about twice the CPU of later bursts. Before /healthz says ok, main.ts
// now runs the real intake end to end: synthetic applications over loopback to an internal listener
// (adapters/http/intake-warm-up.ts), through the node:http fast path, the schema, the use case with
// its group commit, the case store's batch statement and the audit trigger — all in ONE transaction
// that is rolled back (adapters/db/rolled-back-intake.ts): no row, case code, audit entry or sequence
// value survives it. Before that it fills node:http's free list of HTTP parsers for a burst of 1,000
// concurrent connections (poolHttpParsers: a connection takes one, and a burst found ~750 of them still
// to be built). Bounded by WARM_UP_BUDGET_MS; a failure is logged and the server starts anyway.
// GONGKAI_WARMUP=off skips it.

import type { Db, Engine } from '#adapters/db/open-database.ts';
import { WARM_UP_AGENCY, withRolledBackIntake } from '#adapters/db/rolled-back-intake.ts';
import type { LogLine } from '#adapters/http/error-response.ts';
import type { HttpServices } from '#adapters/http/http-services.ts';
import { intakeFastPath } from '#adapters/http/intake-fast-path.ts';
import { driveIntakeWarmUp, poolHttpParsers } from '#adapters/http/intake-warm-up.ts';
import { createRateLimiter } from '#adapters/http/middleware/rate-limit.ts';
import { composeCaseServices, INTAKE_BATCH } from './compose-case-services.ts';

/** Synthetic applications sent at most. */
export const WARM_UP_REQUESTS = 2 * INTAKE_BATCH;
/**
 * Milliseconds the waves of applications may take (the parser pool before them is not counted): a wave
 * starts only if, taking as long as the one before, it ends within them (the first wave always runs). On
 * a loaded machine that is one wave.
 */
export const WARM_UP_BUDGET_MS = 1500;

export interface WarmUpOptions {
  readonly db: Db;
  readonly engine: Engine;
  /** The server's services: the warm-up's differ only in writing its applications to the rolled-back transaction. */
  readonly services: HttpServices;
  readonly now: () => Date;
  readonly log: LogLine;
  /** Whether the real intake is rate limited (the warm-up then runs the limiter too, with counters of its own). */
  readonly rateLimit: boolean;
  readonly maxBodyBytes: number;
  readonly requests?: number;
  readonly budgetMs?: number;
}

export interface WarmUpReport {
  readonly sent: number;
  /** Connections open at once to fill node:http's free list of HTTP parsers (adapters/http/intake-warm-up.ts). */
  readonly pooled: number;
  readonly created: number;
  readonly ms: number;
}

/** Runs the warm-up; never throws (a failed warm-up only costs the first burst its speed). */
export async function warmUpIntake(options: WarmUpOptions): Promise<WarmUpReport> {
  const start = performance.now();
  let pooled = 0;
  try {
    // Before the transaction: it needs no database, and on PostgreSQL the transaction holds the
    // intake's sequences against other app nodes for as long as it lasts. Not counted in the waves'
    // budget (0.1–0.3 s of CPU, ~0.35 s at load 8).
    pooled = await poolHttpParsers();
    const deadline = performance.now() + (options.budgetMs ?? WARM_UP_BUDGET_MS);
    const result = await withRolledBackIntake(options.db, options.engine, async (sandbox, agencySlug) => {
      const services: HttpServices = { ...options.services, cases: composeCaseServices(sandbox, options.now) };
      const handler = intakeFastPath({
        services: () => services,
        limiter: createRateLimiter(options.rateLimit ? { limit: Number.MAX_SAFE_INTEGER, windowSeconds: 60 } : 'off'),
        // The request log's code runs; its lines (synthetic requests) go nowhere.
        log: () => undefined,
        logRequests: true,
        maxBodyBytes: options.maxBodyBytes,
      });
      return driveIntakeWarmUp({
        handler,
        agencySlug,
        requests: options.requests ?? WARM_UP_REQUESTS,
        concurrency: INTAKE_BATCH,
        deadline,
      });
    });
    const created = result.statuses['201'] ?? 0;
    const ms = Math.round(performance.now() - start);
    options.log({
      level: created === result.sent ? 'info' : 'warn',
      message: `启动预热：${result.sent} 份模拟申请经完整受理流程处理（已回滚，未写入任何数据），用时 ${ms} ms`,
      warmUp: { agency: WARM_UP_AGENCY, sent: result.sent, statuses: result.statuses, pooledConnections: pooled, ms },
    });
    return { sent: result.sent, pooled, created, ms };
  } catch (error) {
    const ms = Math.round(performance.now() - start);
    options.log({
      level: 'warn',
      message: `启动预热未完成（不影响服务，未写入任何数据）：${error instanceof Error ? error.message : String(error)}`,
      ms,
    });
    return { sent: 0, pooled, created: 0, ms };
  }
}
