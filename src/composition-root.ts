// The composition root: the one place that turns a Config into working ports (architecture.md:
// loadConfig → stores → use cases). The CLI (src/cli/main.ts) and the server entry point call it;
// nothing else picks adapters. Adapters with a heavy start (database, document parsers) must be
// loaded lazily from here so `gongkai --help` and `gongkai deadline` stay fast.
import { resolve } from 'node:path';
import { createFileReader } from '#adapters/files/file-reader.ts';
import { createFileCalendarStore } from '#adapters/local-store/calendar-store.ts';
import { createFileSettingsStore } from '#adapters/local-store/settings-store.ts';
import type { AppDeps, BatchReportReader, Clock, ReportFilesPort } from '#app/ports.ts';
import type { Config } from '#config/load-config.ts';
import { DEFAULT_VALIDATION_SETTINGS } from '#core/reports/validate/rule.ts';

/** What a process supplies besides its configuration: its clock and working directory. */
export interface ProcessRuntime {
  readonly clock: Clock;
  readonly cwd: string;
}

/** Wires the ports of one process from its configuration. */
export function composeAppDeps(config: Config, runtime: ProcessRuntime): AppDeps {
  const { dataDir, dataDirIsDefault } = config.files;
  return {
    clock: runtime.clock,
    settings: createFileSettingsStore(dataDir),
    calendar: createFileCalendarStore(dataDir),
    files: createFileReader(runtime.cwd),
    reports: reportFiles(runtime.cwd),
    storage: { dataDir, dataDirIsDefault, database: config.db.url === null ? 'embedded' : 'postgresql' },
    actor: config.actor,
  };
}

/** Batches below this size are read in-process: starting workers costs more than it saves. */
const POOL_THRESHOLD = 24;

/**
 * Report files on the local disk, relative to `cwd`. The document parsers (exceljs, mammoth, unpdf,
 * docx) and the worker pool are imported on first use only: most commands never need them.
 */
function reportFiles(cwd: string): ReportFilesPort {
  return {
    async listInputs(inputs) {
      const { listInputFiles } = await import('#adapters/files/list-report-files.ts');
      return listInputFiles(inputs, cwd);
    },
    async openReader({ files, jobs, explain }): Promise<BatchReportReader> {
      const settings = DEFAULT_VALIDATION_SETTINGS;
      const [{ readReportFile }, pools] = await Promise.all([
        import('#adapters/documents/read-report-file.ts'),
        import('#adapters/workers/report-reader-pool.ts'),
      ]);
      const size = Math.min(jobs ?? pools.defaultPoolSize(), files);
      if (size > 1 && files >= POOL_THRESHOLD) {
        const pool = pools.createReaderPool(size, settings, { explain });
        // Enough files in flight to keep every worker busy, few enough not to run out of file handles.
        return { concurrency: Math.max(16, 2 * pool.size), read: (path) => pool.read(resolve(cwd, path)), close: () => pool.close() };
      }
      return { concurrency: 16, read: (path) => readReportFile(resolve(cwd, path), settings), close: async () => {} };
    },
    async render(document, format, reading, options) {
      const { renderReport } = await import('#adapters/documents/render-report.ts');
      return renderReport(document, format, reading, options);
    },
  };
}
