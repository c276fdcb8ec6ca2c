import assert from 'node:assert/strict';
import { test } from 'node:test';
import { groupCommit, type Settled } from './group-commit.ts';

/** A batch function whose batches finish when the test says so. */
function controlledBatches() {
  const batches: { items: number[]; finish: (results?: Settled<string>[] | Error) => void }[] = [];
  const commit = (items: readonly number[]) =>
    new Promise<readonly Settled<string>[]>((resolve, reject) => {
      batches.push({
        items: [...items],
        finish: (results) => {
          if (results instanceof Error) {
            reject(results);
          } else {
            resolve(results ?? items.map((item) => ({ ok: true, value: `done ${item}` })));
          }
        },
      });
    });
  return { batches, commit };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

test('a call on an idle queue runs at once; calls arriving meanwhile wait and go together in the next batch', async () => {
  const { batches, commit } = controlledBatches();
  const submit = groupCommit(commit, 100);
  const first = submit(1);
  await tick();
  assert.deepEqual(
    batches.map((b) => b.items),
    [[1]],
  );
  const waiting = [submit(2), submit(3), submit(4)];
  await tick();
  assert.equal(batches.length, 1, 'no second batch while the first is being written');
  batches[0]!.finish();
  assert.equal(await first, 'done 1');
  await tick();
  assert.deepEqual(
    batches.map((b) => b.items),
    [[1], [2, 3, 4]],
  );
  batches[1]!.finish();
  assert.deepEqual(await Promise.all(waiting), ['done 2', 'done 3', 'done 4']);
});

test('a synchronous burst on an idle queue is one batch; maxBatch splits a longer queue in arrival order', async () => {
  const { batches, commit } = controlledBatches();
  const submit = groupCommit(commit, 3);
  const all = [1, 2, 3, 4, 5, 6, 7].map((n) => submit(n));
  for (let i = 0; i < 3; i += 1) {
    await tick();
    batches[i]!.finish();
  }
  assert.deepEqual(
    await Promise.all(all),
    [1, 2, 3, 4, 5, 6, 7].map((n) => `done ${n}`),
  );
  assert.deepEqual(
    batches.map((b) => b.items),
    [[1, 2, 3], [4, 5, 6], [7]],
  );
});

test('each caller gets its own outcome: one refused item does not fail the others; a throwing batch rejects only its own items', async () => {
  const { batches, commit } = controlledBatches();
  const submit = groupCommit(commit, 2);
  const outcomes = [1, 2, 3, 4].map((n) =>
    submit(n).then(
      (value) => `ok: ${value}`,
      (error: Error) => `refused: ${error.message}`,
    ),
  );
  await tick();
  batches[0]!.finish([
    { ok: true, value: 'done 1' },
    { ok: false, error: new Error('row 2 refused') },
  ]);
  await tick();
  batches[1]!.finish(new Error('database gone'));
  assert.deepEqual(await Promise.all(outcomes), [
    'ok: done 1',
    'refused: row 2 refused',
    'refused: database gone',
    'refused: database gone',
  ]);
  // The queue keeps working after a failed batch.
  const later = submit(5);
  await tick();
  batches[2]!.finish();
  assert.equal(await later, 'done 5');
});

test('a batch answering fewer results than items rejects the unanswered ones instead of leaving them waiting', async () => {
  const submit = groupCommit<number, number>(async (items) => items.slice(1).map((n) => ({ ok: true, value: n })), 10);
  const outcomes = await Promise.allSettled([submit(1), submit(2)]);
  assert.deepEqual(
    outcomes.map((o) => o.status),
    ['fulfilled', 'rejected'],
  );
  assert.throws(() => groupCommit(async () => [], 0), RangeError);
});
