// Group commit (issue #7, intake of 1,000 concurrent applications): calls that arrive while a batch
// is being written wait in a queue, and the next batch takes all of them (up to `maxBatch`) in one
// go, so N concurrent intakes cost a few transactions instead of N. A call that finds nothing
// running starts a batch at once (after the current microtasks, so a synchronous burst goes
// together): no timer, no added latency when the server is idle. Every caller is answered with its
// own item's result once its batch has settled (for writes: after the batch's COMMIT).

/** One item's outcome in a batch. */
export type Settled<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

interface Waiting<I, O> {
  readonly item: I;
  readonly resolve: (value: O) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Wraps a batch function into a per-item one. `commit` gets the items in arrival order and answers
 * one Settled per item, in the same order; if it throws, every item of that batch is rejected with
 * the error (and the queue goes on with the next batch).
 *
 * @example
 * const submit = groupCommit((items) => createApplications(deps, items), 256);
 * const receipt = await submit(input); // resolves after the batch holding `input` committed
 */
export function groupCommit<I, O>(
  commit: (items: readonly I[]) => Promise<readonly Settled<O>[]>,
  maxBatch: number,
): (item: I) => Promise<O> {
  if (!Number.isInteger(maxBatch) || maxBatch < 1) {
    throw new RangeError(`maxBatch must be a positive integer, got ${maxBatch}`);
  }
  const queue: Waiting<I, O>[] = [];
  let running = false;

  const settle = (batch: readonly Waiting<I, O>[], results: readonly Settled<O>[]) => {
    batch.forEach((waiting, i) => {
      const result = results[i];
      if (result === undefined) {
        waiting.reject(new Error(`group commit: the batch answered ${results.length} results for ${batch.length} items`));
      } else if (result.ok) {
        waiting.resolve(result.value);
      } else {
        waiting.reject(result.error);
      }
    });
  };

  const drain = async () => {
    try {
      while (queue.length > 0) {
        const batch = queue.splice(0, maxBatch);
        let results: readonly Settled<O>[];
        try {
          results = await commit(batch.map((waiting) => waiting.item));
        } catch (error) {
          for (const waiting of batch) {
            waiting.reject(error);
          }
          continue;
        }
        settle(batch, results);
      }
    } finally {
      running = false;
    }
  };

  return (item) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (!running) {
        running = true;
        queueMicrotask(() => void drain());
      }
    });
}
