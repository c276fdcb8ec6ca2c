// Worker side of the reader pool: one file path in, one ReportAnalysis out.
import { parentPort, workerData } from 'node:worker_threads';
import { readReportFile } from '#adapters/documents/read-report-file.ts';
import type { ValidationSettings } from '#core/reports/validate/rule.ts';

const { settings, explain } = workerData as { settings: ValidationSettings; explain?: boolean };

parentPort?.on('message', async (message: { id: number; path: string }) => {
  try {
    const analysis = await readReportFile(message.path, settings);
    // Without --explain only the failing evaluations are looked at (a wrong cell and the sums it
    // breaks, issue #10); not cloning the others is most of the saving.
    const evaluations = explain === true ? analysis.evaluations : analysis.evaluations.filter((e) => e.status === 'fail');
    parentPort?.postMessage({ id: message.id, analysis: { ...analysis, evaluations } });
  } catch (error) {
    parentPort?.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) });
  }
});
