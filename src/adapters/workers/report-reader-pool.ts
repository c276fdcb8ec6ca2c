// Reads report files on all cores: a worker_threads pool running the pure reader unchanged
// (architecture.md "CPU work off the loop"). Results are returned per call, so callers keep input order.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ReportAnalysis } from '#core/reports/read/read-report.ts';
import type { ValidationSettings } from '#core/reports/validate/rule.ts';

interface Job {
  readonly id: number;
  readonly path: string;
  readonly resolve: (analysis: ReportAnalysis) => void;
  readonly reject: (error: Error) => void;
}

export interface ReaderPool {
  readonly size: number;
  read(path: string): Promise<ReportAnalysis>;
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
   * `evaluations: []` and costs far less to send back.
   */
  readonly explain?: boolean;
}

/** Starts `size` workers that each load, read and validate one file per message. */
export function createReaderPool(size: number, settings: ValidationSettings, options: ReaderPoolOptions = {}): ReaderPool {
  const explain = options.explain === true;
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
      worker.postMessage({ id: job.id, path: job.path });
    }
  };

  const spawn = (): Worker => {
    const worker = new Worker(workerUrl, { workerData: { settings, explain } });
    worker.on('message', (message: { id: number; analysis?: ReportAnalysis; error?: string }) => {
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
      const job = busy.get(worker);
      busy.delete(worker);
      job?.reject(error);
      if (!closed) {
        const replacement = spawn();
        all.push(replacement);
        idle.push(replacement);
        dispatch();
      }
    });
    return worker;
  };

  const all: Worker[] = [];
  for (let i = 0; i < size; i++) {
    all.push(spawn());
  }
  idle.push(...all);

  return {
    size,
    read(path) {
      return new Promise<ReportAnalysis>((resolve, reject) => {
        queue.push({ id: nextId++, path, resolve, reject });
        dispatch();
      });
    },
    async close() {
      closed = true;
      await Promise.all(all.map((w) => w.terminate()));
    },
  };
}
