// Worker side of the reader pool: one file path in, one ReportAnalysis out.
import { parentPort, workerData } from 'node:worker_threads';
import { readReportFile } from '#adapters/documents/read-report-file.ts';
import type { ValidationSettings } from '#core/reports/validate/rule.ts';

const { settings, explain } = workerData as { settings: ValidationSettings; explain?: boolean };

parentPort?.on('message', async (message: { id: number; path: string }) => {
  try {
    const analysis = await readReportFile(message.path, settings);
    // Without --explain the evaluations are never looked at; not cloning them is most of the saving.
    parentPort?.postMessage({ id: message.id, analysis: explain === true ? analysis : { ...analysis, evaluations: [] } });
  } catch (error) {
    parentPort?.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) });
  }
});
