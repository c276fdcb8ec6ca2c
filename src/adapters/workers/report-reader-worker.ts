// Worker side of the reader pool: one file path in, one ReportAnalysis out.
import { parentPort, workerData } from 'node:worker_threads';
import { readReportFile } from '#adapters/documents/read-report-file.ts';
import type { ValidationSettings } from '#core/reports/validate/rule.ts';

const { settings, explain } = workerData as { settings: ValidationSettings; explain?: boolean };

parentPort?.on('message', async (message: { id: number; path: string | Uint8Array; name: string }) => {
  try {
    // A path that is not UTF-8 arrives as its bytes (a Uint8Array after cloning): fs wants a Buffer.
    const path = typeof message.path === 'string' ? message.path : Buffer.from(message.path);
    // Without --explain only the failing evaluations are looked at (a wrong cell and the sums it
    // breaks, issue #10): the others are neither built nor cloned.
    const analysis = await readReportFile(path, settings, message.name, { evaluations: explain === true ? 'all' : 'failures' });
    parentPort?.postMessage({ id: message.id, analysis });
  } catch (error) {
    parentPort?.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) });
  }
});

// The parsers load_source imports on first use, loaded before the first file: the time budget per
// file starts with the file, not with start-up. Then the pool is told this worker is ready.
await Promise.all([
  import('#adapters/documents/docx-to-blocks.ts'),
  import('#adapters/documents/xlsx-to-blocks.ts'),
  import('#adapters/documents/pdf-to-blocks.ts'),
]);
parentPort?.postMessage({ ready: true });
