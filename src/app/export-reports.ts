// Use case: many published reports as one table for a researcher (`report export`, issue #10): read
// and audit them as `report check` does, then one row per report and cell (or per report, `wide`)
// in CSV (UTF-8 with BOM, opens in Excel/WPS) or XLSX.
import { exportCsv, exportLong, exportWide } from '#core/reports/export-table.ts';
import type { AppDeps } from './ports.ts';
import { readReports } from './read-reports.ts';

export interface ExportReportsInput {
  readonly inputs: readonly string[];
  readonly format: 'csv' | 'xlsx';
  readonly wide: boolean;
  readonly onProgress?: (done: number, total: number, path: string) => void;
}

/** The table and the batch's exit code (2 if a file could not be read, 1 if any error finding, else 0). */
export async function exportReports(
  deps: Pick<AppDeps, 'reports'>,
  input: ExportReportsInput,
): Promise<{ readonly content: string | Uint8Array; readonly exitCode: number; readonly reports: number }> {
  const result = await readReports(deps, {
    mode: 'check',
    inputs: input.inputs,
    explain: false,
    ...(input.onProgress === undefined ? {} : { onProgress: input.onProgress }),
  });
  const readings = result.analyses.map((a) => a.reading);
  const rows = input.wide ? exportWide(readings) : exportLong(readings);
  const content = input.format === 'csv' ? exportCsv(rows) : await deps.reports.renderTableXlsx(rows);
  return { content, exitCode: result.exitCode, reports: readings.length };
}
