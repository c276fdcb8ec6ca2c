// Worker side of the source loader (source-loader.ts): a file path in, the file loaded by loadSource
// out — or nothing, for what the main thread reads its own way (a refused or unreadable file, a
// packaged format, a file over the in-process size). Imports loading only, none of the reader.
import { parentPort, workerData } from 'node:worker_threads';
import { loadSource } from '#adapters/documents/load-source.ts';
import { isPackagedFormat, readBytes } from '#adapters/documents/read-file-bytes.ts';

const { maxBytes } = workerData as { maxBytes: number };

parentPort?.on('message', async (message: { id: number; path: string | Uint8Array; fileName: string }) => {
  let loaded: Awaited<ReturnType<typeof loadSource>> | undefined;
  try {
    // A path that is not UTF-8 arrives as its bytes (a Uint8Array after cloning): fs wants a Buffer.
    const path = typeof message.path === 'string' ? message.path : Buffer.from(message.path);
    // Over maxBytes readBytes refuses before reading: the main thread gives that file to the guarded worker.
    const bytes = await readBytes(path, maxBytes);
    if (!isPackagedFormat(bytes)) {
      loaded = await loadSource(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), message.fileName);
    }
  } catch {
    // Refused or failed: the main thread reads the file again and reports exactly why.
  }
  parentPort?.postMessage({ id: message.id, loaded });
});
parentPort?.postMessage({ ready: true });
