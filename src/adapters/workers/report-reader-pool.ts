// Reads report files on all cores: a worker_threads pool running the pure reader unchanged
// (architecture.md "CPU work off the loop"). Results are returned per call, so callers keep input order.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type ReportAnalysis, unreadableReport } from '#core/reports/read/read-report.ts';
import type { ValidationSettings } from '#core/reports/validate/rule.ts';

interface Job {
  readonly id: number;
  readonly path: string | Buffer;
  /** The path as shown (for a Buffer path, its decoded name). */
  readonly name: string;
  readonly resolve: (analysis: ReportAnalysis) => void;
  readonly reject: (error: Error) => void;
}

export interface ReaderPool {
  readonly size: number;
  /** `name`: the path as shown, when `path` is a non-UTF-8 path's bytes. */
  read(path: string | Buffer, name?: string): Promise<ReportAnalysis>;
  close(): Promise<void>;
}

/**
 * Default pool size: one worker per core but one, the main thread's (it lists, renders and writes
 * every result). On two cores that is 1, i.e. no pool: measured as a whole process, two workers
 * that each import the reader's module graph and a main thread deserialising their results cost
 * 6.1 s of CPU for 1,000 reports against 4.0 s in-process (docs/benchmarks.md), for no gain in time.
 */
export function defaultPoolSize(cores: number = availableParallelism()): number {
  return cores <= 2 ? 1 : cores - 1;
}

/** `--jobs N` is capped at the cores: more threads than cores only add memory (300 workers took 15.5 GB). */
export function cappedPoolSize(jobs: number | undefined, cores: number = availableParallelism()): number {
  return jobs === undefined ? defaultPoolSize(cores) : Math.max(1, Math.min(jobs, cores));
}

export interface ReaderPoolOptions {
  /**
   * Return every rule evaluation (`--explain`). Off by default: the evaluations are most of a
   * structured-cloned `ReportAnalysis` (~155 of ~205 KB), so without them each result is
   * only the failing ones (what `report check` shows of them) and costs far less to send back.
   */
  readonly explain?: boolean;
  /**
   * Time budget per file in milliseconds: a worker still reading past it is terminated (the only way
   * to stop synchronous parsing) and replaced; the file is an unreadable report with its reason.
   */
  readonly timeoutMs?: number;
}

/** Starts `size` workers that each load, read and validate one file per message. */
export function createReaderPool(size: number, settings: ValidationSettings, options: ReaderPoolOptions = {}): ReaderPool {
  const explain = options.explain === true;
  const timeoutMs = options.timeoutMs;
  const timers = new Map<Worker, NodeJS.Timeout>();
  const started = new WeakSet<Worker>();
  const workerUrl = new URL('./report-reader-worker.ts', import.meta.url);
  const idle: Worker[] = [];
  const busy = new Map<Worker, Job>();
  const queue: Job[] = [];
  let nextId = 0;
  let closed = false;

  const dispatch = (): void => {
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop() as Worker;
      const job = queue.shift() as Job;
      busy.set(worker, job);
      worker.postMessage({ id: job.id, path: job.path, name: job.name });
      if (timeoutMs !== undefined) {
        timers.set(
          worker,
          setTimeout(() => timeOut(worker), timeoutMs),
        );
      }
    }
  };

  const stopTimer = (worker: Worker): void => {
    clearTimeout(timers.get(worker));
    timers.delete(worker);
  };

  /** Replaces a worker that failed or ran out of time, so the batch goes on with as many workers. */
  const replace = (worker: Worker): void => {
    const at = all.indexOf(worker);
    if (at !== -1) {
      all.splice(at, 1);
    }
    const idleAt = idle.indexOf(worker);
    if (idleAt !== -1) {
      idle.splice(idleAt, 1);
    }
    if (!closed) {
      all.push(spawn());
    }
  };

  const timeOut = (worker: Worker): void => {
    const job = busy.get(worker);
    timers.delete(worker);
    busy.delete(worker);
    void worker.terminate();
    if (job !== undefined) {
      job.resolve(unreadableReport(job.name, `读取超时（超过 ${formatSeconds(timeoutMs ?? 0)} 秒仍未读完），已停止读取此文件`));
    }
    replace(worker);
  };

  const spawn = (): Worker => {
    const worker = new Worker(workerUrl, { workerData: { settings, explain } });
    worker.on('message', (message: { id: number; analysis?: ReportAnalysis; error?: string; ready?: true }) => {
      if (message.ready === true) {
        // Imports done: only now does the worker take files, so start-up never eats a time budget.
        started.add(worker);
        idle.push(worker);
        dispatch();
        return;
      }
      stopTimer(worker);
      const job = busy.get(worker);
      busy.delete(worker);
      idle.push(worker);
      if (job !== undefined) {
        if (message.analysis !== undefined) {
          job.resolve(message.analysis);
        } else {
          job.reject(new Error(message.error ?? 'worker failed'));
        }
      }
      dispatch();
    });
    worker.on('error', (error) => {
      // A defect inside a worker: fail its job, replace the worker, keep the batch going.
      stopTimer(worker);
      const job = busy.get(worker);
      busy.delete(worker);
      job?.reject(error);
      if (started.has(worker)) {
        replace(worker);
        return;
      }
      // A worker that cannot even start would fail again: no replacement; without any worker left,
      // every waiting file fails with the reason instead of waiting forever.
      all.splice(all.indexOf(worker), 1);
      if (all.length === 0) {
        for (const waiting of queue.splice(0)) {
          waiting.reject(error);
        }
      }
    });
    return worker;
  };

  const all: Worker[] = [];
  for (let i = 0; i < size; i++) {
    all.push(spawn());
  }

  return {
    size,
    read(path, name = String(path)) {
      return new Promise<ReportAnalysis>((resolve, reject) => {
        queue.push({ id: nextId++, path, name, resolve, reject });
        dispatch();
      });
    },
    async close() {
      closed = true;
      for (const worker of [...timers.keys()]) {
        stopTimer(worker);
      }
      // A worker terminated while it still imports its modules can abort the whole process (Node 24,
      // FreeEnvironment): a replacement still starting is let finish its start first.
      await Promise.all(
        all.map(async (w) => {
          if (!started.has(w)) {
            await new Promise<void>((resolve) => {
              const done = () => resolve();
              w.once('message', done);
              w.once('exit', done);
              w.once('error', done);
            });
          }
          await w.terminate();
        }),
      );
    },
  };
}

function formatSeconds(ms: number): string {
  return String(Math.round(ms) / 1000);
}
