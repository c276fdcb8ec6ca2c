// The BlobStore on the local disk: `<dataDir>/blobs/sha256/ab/cd/<sha256>` (two directory levels keep
// folders small). Nothing here is ever served as a folder: downloads go through the staff API, which
// sets the type, `attachment` and nosniff itself. A new blob is written to `<root>/tmp/` (same file
// system), fsynced, renamed into place and its folder fsynced, so a crash leaves either the whole file
// or none; a rename racing another writer of the same content replaces identical bytes.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, stat, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { type BlobStore, isSha256, type StoredBlob } from '#app/attachments/blob-store.ts';

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

async function syncDirectory(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The blob store under `root` (created on first write). */
export function createFileBlobStore(root: string): BlobStore {
  const objects = join(root, 'sha256');
  const temp = join(root, 'tmp');
  const pathOf = (sha256: string) => {
    if (!isSha256(sha256)) {
      throw new Error(`not a SHA-256: ${sha256.slice(0, 80)}`);
    }
    return join(objects, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  };
  return {
    location: root,
    async put(bytes) {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const target = pathOf(sha256);
      const now = new Date();
      try {
        // Already stored: mark it used now, so a sweep running meanwhile spares it.
        await utimes(target, now, now);
        return { sha256, created: false };
      } catch (error) {
        if (!isMissing(error)) {
          throw error;
        }
      }
      await mkdir(temp, { recursive: true });
      const partial = join(temp, `${sha256}.${process.pid}.${randomBytes(6).toString('hex')}`);
      const handle = await open(partial, 'wx', 0o640);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } catch (error) {
        await handle.close().catch(() => undefined);
        await rm(partial, { force: true });
        throw error;
      }
      await handle.close();
      const folder = join(target, '..');
      try {
        await mkdir(folder, { recursive: true });
        await rename(partial, target);
      } catch (error) {
        await rm(partial, { force: true });
        throw error;
      }
      await syncDirectory(folder);
      return { sha256, created: true };
    },
    async read(sha256) {
      if (!isSha256(sha256)) {
        return undefined;
      }
      try {
        return new Uint8Array(await readFile(pathOf(sha256)));
      } catch (error) {
        if (isMissing(error)) {
          return undefined;
        }
        throw error;
      }
    },
    async has(sha256) {
      if (!isSha256(sha256)) {
        return false;
      }
      try {
        await stat(pathOf(sha256));
        return true;
      } catch (error) {
        if (isMissing(error)) {
          return false;
        }
        throw error;
      }
    },
    async list() {
      const found: StoredBlob[] = [];
      const names = async (path: string) => {
        try {
          return await readdir(path);
        } catch (error) {
          if (isMissing(error)) {
            return [];
          }
          throw error;
        }
      };
      for (const a of await names(objects)) {
        for (const b of await names(join(objects, a))) {
          for (const name of await names(join(objects, a, b))) {
            if (isSha256(name)) {
              const info = await stat(join(objects, a, b, name));
              found.push({ sha256: name, size: info.size, touchedAt: info.mtime.toISOString() });
            }
          }
        }
      }
      return found;
    },
    async remove(sha256, untouchedSince) {
      const path = pathOf(sha256);
      if (untouchedSince !== undefined) {
        try {
          if ((await stat(path)).mtime.getTime() >= untouchedSince.getTime()) {
            return;
          }
        } catch (error) {
          if (isMissing(error)) {
            return;
          }
          throw error;
        }
      }
      await rm(path, { force: true });
    },
  };
}
