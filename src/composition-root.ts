// The composition root: the one place that turns a Config into working ports (architecture.md:
// loadConfig → stores → use cases). The CLI (src/cli/main.ts) and the server entry point call it;
// nothing else picks adapters. Adapters with a heavy start (database, document parsers) must be
// loaded lazily from here so `gongkai --help` and `gongkai deadline` stay fast.
import { basename, join, resolve } from 'node:path';
import { createFileBlobStore } from '#adapters/blobs/file-blob-store.ts';
import { holdEmbeddedServerEarly } from '#adapters/db/embedded/start-embedded.ts';
import { createDatabaseDeps, type DatabaseDeps } from '#adapters/db/lazy-database.ts';
import type { Db } from '#adapters/db/open-database.ts';
import { decodeText } from '#adapters/documents/decode-text.ts';
import { createFileReader } from '#adapters/files/file-reader.ts';
import type { IdentityDeps } from '#app/identity/identity-ports.ts';
import type { AppDeps, BatchReportReader, CalendarImpact, Clock, LetterDeps, ReportFilesPort } from '#app/ports.ts';
import type { Config } from '#config/load-config.ts';
import { DEFAULT_VALIDATION_SETTINGS } from '#core/reports/validate/rule.ts';

/** What a process supplies besides its configuration: its clock and working directory. */
export interface ProcessRuntime {
  readonly clock: Clock;
  readonly cwd: string;
}

/** The ports of a process, and how to release what they hold (the database connections). */
export interface ComposedApp extends AppDeps {
  close(): Promise<void>;
}

/**
 * `gongkai serve`/`demo`: starts the embedded database (when it is the one configured) before the
 * command imports the server, so the database child's start-up (PGlite's WASM, a copy of the
 * template for a new data directory) overlaps the server's own; it is kept from stopping while idle
 * until `release` (when the command ends).
 */
export function prestartDatabase(config: Config): { release(): void } {
  return config.db.url === null ? holdEmbeddedServerEarly(config.files.dataDir) : { release() {} };
}

/**
 * Wires the ports of one process from its configuration. The database (DATABASE_URL, else the
 * embedded one under the data directory) is opened on first use; `close()` when done.
 */
export function composeAppDeps(config: Config, runtime: ProcessRuntime, options: { holdEmbeddedServer?: boolean } = {}): ComposedApp {
  const { dataDir, dataDirIsDefault } = config.files;
  const database = createDatabaseDeps({ url: config.db.url, dataDir, ...options });
  // The case and calendar modules behind these load on first use: `report check` and the other
  // commands without cases skip their ~20 modules at start-up (~18 ms of CPU, issue #9).
  const calendarImpact: CalendarImpact = {
    async openCasesMoved(before, after) {
      const { calendarImpactOf } = await import('#app/cases/list-cases-moved-by-calendar.ts');
      return calendarImpactOf({ cases: database.cases, agencies: database.agencies, clock: runtime.clock }).openCasesMoved(before, after);
    },
  };
  return {
    calendarImpact,
    clock: runtime.clock,
    settings: database.settings,
    settingsOf: database.settingsOf,
    calendar: database.calendar,
    agencies: database.agencies,
    cases: database.cases,
    database: database.database,
    close: () => database.close(),
    files: createFileReader(runtime.cwd, decodeText),
    reports: reportFiles(runtime.cwd, config.reports.readTimeoutMs),
    storage: { dataDir, dataDirIsDefault, database: config.db.url === null ? 'embedded' : 'postgresql' },
    actor: config.actor,
    withIdentity: async (work) => {
      const { openDatabase } = await import('#adapters/db/open-database.ts');
      const database = await openDatabase({ url: config.db.url, dataDir });
      try {
        return await work(await identityDeps(database.db, runtime.clock));
      } finally {
        await database.close();
      }
    },
    letters: letterDeps(database),
    attachmentStore: database.attachments,
    blobs: createFileBlobStore(blobDirectory(dataDir)),
    attachmentLimits: config.attachments,
  };
}

/** Where attachment files live: inside the data directory, never a folder the server serves. */
export const blobDirectory = (dataDir: string): string => join(dataDir, 'blobs');

/** Reply letters and the daily job: the database's ports, the calendar in force, SMTP through nodemailer. */
function letterDeps(database: DatabaseDeps): LetterDeps {
  return {
    withLetters: (work) => work(database.letters),
    async withDailyJob(work) {
      const { createSmtpMailer } = await import('#adapters/mail/smtp-mailer.ts');
      const mailer = createSmtpMailer();
      try {
        return await work({
          ...database.dailyJob,
          async loadCalendar(asOf) {
            const { loadCalendarInForce } = await import('#app/clock-environment.ts');
            return loadCalendarInForce(database.calendar, asOf);
          },
          async sendMail({ host, port, secure, from, auth, to, subject, text }) {
            await mailer.send({ host, port, secure, from, ...(auth === undefined ? {} : auth) }, { to, subject, text });
          },
        });
      } finally {
        mailer.close();
      }
    },
    async renderLetterDocx(letter) {
      const { renderLetterDocx } = await import('#adapters/documents/letter-docx.ts');
      return renderLetterDocx(letter);
    },
  };
}

/** The identity ports over one database: users and tokens in it, argon2id passwords, SHA-256 token hashes. */
export async function identityDeps(db: Db, clock: Clock): Promise<IdentityDeps> {
  const [{ createIdentityStore }, { createArgon2Passwords }, { createTokenMinter }, { createUserAdminStore }] = await Promise.all([
    import('#adapters/db/identity-store.ts'),
    import('#adapters/security/argon2-passwords.ts'),
    import('#adapters/security/token-minter.ts'),
    import('#adapters/db/user-admin-store.ts'),
  ]);
  return {
    store: createIdentityStore(db),
    passwords: createArgon2Passwords(),
    tokens: createTokenMinter(),
    now: () => clock.now(),
    users: createUserAdminStore(db),
  };
}

/** Batches below this size are read in-process: starting workers costs more than it saves. */
const POOL_THRESHOLD = 24;

/** Files read in-process need no time budget: text and HTML up to this size, with the HTML reader's limits, read in well under a second. */
const IN_PROCESS_MAX_BYTES = 256 * 1024;

/**
 * Report files on the local disk, relative to `cwd`. The document parsers (exceljs, unpdf,
 * docx) and the worker pool are imported on first use only: most commands never need them.
 */
function reportFiles(cwd: string, readTimeoutMs: number): ReportFilesPort {
  return {
    async listInputs(inputs) {
      const { listInputFiles } = await import('#adapters/files/list-report-files.ts');
      return listInputFiles(inputs, cwd);
    },
    async openReader({ files, jobs, explain }): Promise<BatchReportReader> {
      const settings = DEFAULT_VALIDATION_SETTINGS;
      const [documents, pools] = await Promise.all([
        import('#adapters/documents/read-report-file.ts'),
        import('#adapters/workers/report-reader-pool.ts'),
      ]);
      const target = (path: string, rawPath: Uint8Array | undefined) => (rawPath === undefined ? resolve(cwd, path) : Buffer.from(rawPath));
      const size = Math.min(pools.cappedPoolSize(jobs), files);
      if (size > 1 && files >= POOL_THRESHOLD) {
        const pool = pools.createReaderPool(size, settings, { explain, timeoutMs: readTimeoutMs });
        // Enough files in flight to keep every worker busy, few enough not to run out of file handles.
        return {
          concurrency: Math.max(16, 2 * pool.size),
          read: (path, rawPath) => pool.read(target(path, rawPath), path),
          close: () => pool.close(),
        };
      }
      // In-process, except what could take long (DOCX, XLSX, PDF, anything over 256 KB): that is read
      // in one worker, started on first use, which is terminated when the file's time budget runs out.
      let guard: ReturnType<typeof pools.createReaderPool> | undefined;
      return {
        concurrency: 16,
        async read(path, rawPath) {
          const file = target(path, rawPath);
          let bytes: Uint8Array;
          try {
            bytes = await documents.readBytes(file);
          } catch (error) {
            return documents.unreadableFileReport(path, error);
          }
          if (bytes.length > IN_PROCESS_MAX_BYTES || documents.isPackagedFormat(bytes)) {
            guard ??= pools.createReaderPool(1, settings, { explain, timeoutMs: readTimeoutMs });
            return guard.read(file, path);
          }
          return documents.readReportBytes(bytes, basename(path), path, settings, { evaluations: explain ? 'all' : 'failures' });
        },
        close: async () => {
          await guard?.close();
        },
      };
    },
    async render(document, format, reading, options) {
      const { renderReport } = await import('#adapters/documents/render-report.ts');
      return renderReport(document, format, reading, options);
    },
    async renderTableXlsx(rows) {
      const { renderTableXlsx } = await import('#adapters/documents/xlsx-table.ts');
      return renderTableXlsx(rows);
    },
  };
}
