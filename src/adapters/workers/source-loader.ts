// Loads report sources — read the file, decode it, turn HTML into blocks, clean the strings — on a
// worker thread beside the main thread, which reads the tables, validates and writes the results
// (issue #9: ~10 % of the main thread's CPU in a batch of 1,000 reports, docs/benchmarks.md). What
// crosses is the loaded document: one string for a text file, the cells' strings for a page.
import { Worker } from 'node:worker_threads';
import type { LoadedSource } from '#adapters/documents/load-source.ts';

export interface SourceLoader {
  /**
   * The file loaded on the worker, or undefined when the caller must load it itself: the worker has
   * not started yet (or failed), or declined the file (refused or unreadable, a DOCX/XLSX/DOC/PDF, a
   * file over `maxBytes`) — the caller's own path then gives the same result it always did.
   */
  load(path: string | Buffer, fileName: string): Promise<LoadedSource | undefined>;
  close(): Promise<void>;
}

/** Starts the worker; files over `maxBytes` and packaged formats are left to the caller. */
export function createSourceLoader(maxBytes: number): SourceLoader {
  const worker = new Worker(new URL('./source-loader-worker.ts', import.meta.url), { workerData: { maxBytes } });
  const waiting = new Map<number, (loaded: LoadedSource | undefined) => void>();
  let ready = false;
  let stopped = false;
  let nextId = 0;
  worker.on('message', (message: { id?: number; loaded?: LoadedSource; ready?: true }) => {
    if (message.ready === true) {
      ready = true;
      return;
    }
    const id = message.id as number;
    const resolve = waiting.get(id);
    waiting.delete(id);
    resolve?.(message.loaded);
  });
  // A worker that fails or exits hands every waiting file back to the caller: nothing is lost.
  const stop = (): void => {
    stopped = true;
    for (const resolve of waiting.values()) {
      resolve(undefined);
    }
    waiting.clear();
  };
  worker.on('error', stop);
  worker.on('exit', stop);
  return {
    async load(path, fileName) {
      if (!ready && !stopped) {
        // The main thread reads files in-process without returning to the event loop, so the
        // worker's "ready" would wait for the end of the batch: yield once per file until it came.
        await new Promise((resolve) => setImmediate(resolve));
      }
      if (!ready || stopped) {
        return undefined;
      }
      const id = nextId++;
      return new Promise<LoadedSource | undefined>((resolve) => {
        waiting.set(id, resolve);
        worker.postMessage({ id, path, fileName });
      });
    },
    async close() {
      // A worker terminated while it still imports its modules can abort the process (Node 24): let
      // one that is still starting finish first (as the reader pool does).
      if (!ready && !stopped) {
        await new Promise<void>((resolve) => {
          worker.once('message', () => resolve());
          worker.once('exit', () => resolve());
        });
      }
      await worker.terminate();
    },
  };
}
