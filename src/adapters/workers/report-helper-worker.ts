// Helper reader beside the main thread (experiment): one file path in, one ReportAnalysis out, or
// `declined` for a file the main thread must send to the guarded pool (packaged formats, big files).
import { parentPort, workerData } from 'node:worker_threads';
import { isPackagedFormat, readBytes, readReportBytes, unreadableFileReport } from '#adapters/documents/read-report-file.ts';
import { withFailuresOnly, withHeldFacts } from '#core/reports/read/read-report.ts';
import type { ValidationSettings } from '#core/reports/validate/rule.ts';

const { settings, explain, maxBytes } = workerData as { settings: ValidationSettings; explain: boolean; maxBytes: number };

parentPort?.on('message', async (message: { id: number; path: string | Uint8Array; name: string; base: string }) => {
  try {
    const path = typeof message.path === 'string' ? message.path : Buffer.from(message.path);
    let bytes: Uint8Array;
    try {
      bytes = await readBytes(path);
    } catch (error) {
      parentPort?.postMessage({ id: message.id, analysis: unreadableFileReport(message.name, error) });
      return;
    }
    if (bytes.length > maxBytes || isPackagedFormat(bytes)) {
      parentPort?.postMessage({ id: message.id, declined: true });
      return;
    }
    const analysis = await readReportBytes(bytes, message.base, message.name, settings, { evaluations: explain ? 'all' : 'failures' });
    // What the batch holds (read-reports.ts), so less is cloned and deserialised on the main thread.
    parentPort?.postMessage({ id: message.id, analysis: explain ? analysis : withHeldFacts(withFailuresOnly(analysis)) });
  } catch (error) {
    parentPort?.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) });
  }
});
parentPort?.postMessage({ ready: true });
