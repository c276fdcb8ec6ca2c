// Worker side of the reader pool: one file path in, one ReportAnalysis out.
import { parentPort, workerData } from 'node:worker_threads';
import { readReportFile } from '#adapters/documents/read-report-file.ts';
import type { ValidationSettings } from '#core/reports/validate/rule.ts';

const { settings } = workerData as { settings: ValidationSettings };

parentPort?.on('message', async (message: { id: number; path: string }) => {
  try {
    const analysis = await readReportFile(message.path, settings);
    parentPort?.postMessage({ id: message.id, analysis });
  } catch (error) {
    parentPort?.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) });
  }
});
