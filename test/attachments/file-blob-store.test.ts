// The content-addressed blob store on disk: keyed by SHA-256, each content stored once, written by
// temp file + fsync + rename so no reader ever sees a partial file, and concurrent writers of the same
// content end with one intact blob.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createFileBlobStore } from '#adapters/blobs/file-blob-store.ts';

const root = mkdtempSync(join(tmpdir(), 'gongkai-blobs-'));
after(() => rmSync(root, { recursive: true, force: true }));

const ABC_SHA256 = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'; // FIPS 180-2 test vector

test('put stores under the SHA-256 of the content, in a two-level folder, and reads it back', async () => {
  const store = createFileBlobStore(join(root, 'a'));
  const result = await store.put(new TextEncoder().encode('abc'));
  assert.deepEqual(result, { sha256: ABC_SHA256, created: true });
  assert.ok(statSync(join(root, 'a', 'sha256', 'ba', '78', ABC_SHA256)).isFile());
  assert.equal(new TextDecoder().decode(await store.read(ABC_SHA256)), 'abc');
  assert.equal(await store.has(ABC_SHA256), true);
  assert.equal(await store.read('0'.repeat(64)), undefined);
  assert.equal(await store.read('../../etc/passwd'), undefined);
});

test('the same content twice is stored once and only marked as used again', async () => {
  const store = createFileBlobStore(join(root, 'b'));
  const bytes = new Uint8Array([1, 2, 3, 4]);
  const first = await store.put(bytes);
  const path = join(root, 'b', 'sha256', first.sha256.slice(0, 2), first.sha256.slice(2, 4), first.sha256);
  utimesSync(path, new Date('2020-01-01T00:00:00Z'), new Date('2020-01-01T00:00:00Z'));
  const second = await store.put(new Uint8Array([1, 2, 3, 4]));
  assert.deepEqual(second, { sha256: first.sha256, created: false });
  const listed = await store.list();
  assert.equal(listed.length, 1);
  assert.equal(listed[0]?.size, 4);
  assert.ok((listed[0]?.touchedAt ?? '') > '2025-01-01', 'deduplicated put refreshes the blob’s time');
});

test('20 concurrent writers of one content end with one intact blob and no temporary files', async () => {
  const store = createFileBlobStore(join(root, 'c'));
  const bytes = new Uint8Array(256 * 1024).map((_, i) => (i * 31) % 251);
  const results = await Promise.all(Array.from({ length: 20 }, () => store.put(bytes)));
  assert.equal(new Set(results.map((r) => r.sha256)).size, 1);
  assert.deepEqual(await store.read(results[0]?.sha256 ?? ''), bytes);
  assert.equal((await store.list()).length, 1);
  assert.deepEqual(readdirSync(join(root, 'c', 'tmp')), []);
});

test('a partial file left by a crash is never listed or read as a blob', async () => {
  const store = createFileBlobStore(join(root, 'd'));
  await store.put(new Uint8Array([9]));
  writeFileSync(join(root, 'd', 'tmp', `${ABC_SHA256}.123.deadbeef`), 'ab'); // crashed before rename
  assert.equal(await store.has(ABC_SHA256), false);
  assert.deepEqual(
    (await store.list()).map((b) => b.size),
    [1],
  );
  assert.deepEqual(await store.put(new TextEncoder().encode('abc')), { sha256: ABC_SHA256, created: true });
});

test('remove deletes one blob; removing an absent one is fine', async () => {
  const store = createFileBlobStore(join(root, 'e'));
  const { sha256 } = await store.put(new Uint8Array([7, 7]));
  await store.remove(sha256);
  await store.remove(sha256);
  assert.equal(await store.has(sha256), false);
  assert.deepEqual(await store.list(), []);
});
