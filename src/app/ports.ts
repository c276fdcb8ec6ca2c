// The ports of the application layer: what the use cases need from the world, declared by their
// consumer (style.md: Kysely's "a port defined by its consumer"). Adapters implement them
// (adapters/local-store today, adapters/db for the database tier); the composition root
// (src/composition-root.ts) wires one implementation of each into AppDeps.

import type { AttachmentStore } from '#app/attachments/attachment-ports.ts';
import type { BlobStore } from '#app/attachments/blob-store.ts';
import type { IdentityDeps } from '#app/identity/identity-ports.ts';
import type { AgencyKind } from '#core/agencies/agency.ts';
import type { AttachmentLimits } from '#core/attachments/check-attachment.ts';
import type { LocalDate } from '#core/calendar/local-date.ts';
import type { CalendarYear, WorkingDayCalendar } from '#core/calendar/working-day-calendar.ts';
import type { MergedLetter } from '#core/letters/merge-letter.ts';
import type { ExportRows } from '#core/reports/export-table.ts';
import type { ReportAnalysis } from '#core/reports/read/read-report.ts';
import type { RenderFormat } from '#core/reports/render/render-formats.ts';
import type { ReportDocument, ReportReading } from '#core/reports/report-model.ts';
import type { ClockSettingKey, ClockSettingValues } from '#core/statute/clock-settings.ts';
import type { CaseStore } from './case-ports.ts';
import type { LetterTemplatePorts } from './manage-letter-templates.ts';
import type { CaseLetterPorts } from './render-case-letter.ts';
import type { DailyJobPorts } from './run-daily-job.ts';
import type { LetterSettingPorts } from './set-letter-setting.ts';

/** The current instant; use cases turn it into an Asia/Shanghai day where they need "today". */
export interface Clock {
  now(): Date;
}

/** One recorded change of a clock setting: who/when/what (statute.md: conventions are recorded settings). */
export interface SettingChange {
  readonly who: string;
  /** ISO instant of the change. */
  readonly when: string;
  readonly key: ClockSettingKey;
  /** The value before (absent: the default applied). */
  readonly from?: string;
  readonly to: string;
  /** Why (optional, as given by the person who made the change). */
  readonly reason?: string;
  /** True when the change removed the scope's own value (恢复默认): `to` is then the value in force after it. */
  readonly reset?: true;
}

/** A reset to record (恢复默认): the scope's own value of `key` is removed. */
export interface SettingReset {
  readonly key: ClockSettingKey;
  readonly who: string;
  readonly when: string;
  readonly reason?: string;
}

/** A settings change to record; the store fills in `from`. */
export interface NewSettingChange {
  readonly key: ClockSettingKey;
  /** Already checked by the use case (checkClockSettingValue). */
  readonly value: string;
  readonly who: string;
  readonly when: string;
  readonly reason?: string;
}

/** The agency's clock settings (the spec's configurable conventions) and their history. */
export interface SettingsStore {
  /** The stored values; keys not stored take their defaults. */
  loadValues(): Promise<ClockSettingValues>;
  /**
   * Stores one value and records the change, atomically: the store reads the previous value itself,
   * so concurrent changes are all kept (none is lost to a read-modify-write race).
   */
  recordChange(change: NewSettingChange): Promise<SettingChange>;
  /** Every recorded change, oldest first. */
  listChanges(): Promise<readonly SettingChange[]>;
  /** This scope's own values only (an agency's: not the instance default it inherits). */
  loadOwnValues(): Promise<ClockSettingValues>;
  /**
   * Removes this scope's own value of a key (恢复默认) and records the change, atomically; the value in
   * force becomes the instance default's or the built-in one. Undefined (nothing recorded) when the
   * scope has no value of its own.
   */
  resetValue(reset: SettingReset): Promise<SettingChange | undefined>;
}

/** One recorded calendar change: a year imported (added or replaced), effective from a date (statute.md §2). */
export interface CalendarChange {
  /** 1, 2, 3 … in the order the changes were recorded; never shared by two changes. */
  readonly seq: number;
  /** Who: GONGKAI_USER or the OS user (later: the signed-in user). */
  readonly who: string;
  /** When: ISO instant of the change. */
  readonly when: string;
  /** The change applies to computations whose "today" is on or after this date. */
  readonly effectiveFrom: LocalDate;
  readonly action: 'import';
  readonly year: number;
  /** What: a Chinese summary (days that became rest or working days). */
  readonly what: string;
  readonly reason?: string;
  /** The file the administrator imported (its name only, for the record). */
  readonly sourceFile?: string;
  readonly entry: CalendarYear;
}

/** A calendar change to record; the store assigns `seq`. */
export type NewCalendarChange = Omit<CalendarChange, 'seq'>;

/** Administrator changes to the holiday calendar (the shipped years are core data, not stored). */
export interface CalendarStore {
  /** Every recorded change, in `seq` order. */
  listChanges(): Promise<readonly CalendarChange[]>;
  /** Appends one change atomically and returns it with its sequence number. */
  appendChange(change: NewCalendarChange): Promise<CalendarChange>;
}

/** Text of a file named by the user (a case file, a calendar year); relative paths are the caller's working directory. */
export interface FileReader {
  /** The file as UTF-8 text; a missing or unreadable file is a DomainError INVALID_INPUT naming it. */
  readText(path: string): Promise<string>;
}

/** Reads one report file into an analysis; unreadable files yield a READ-SOURCE analysis, never a rejection. */
export interface ReportReaderPort {
  /** `rawPath`: the path's bytes when a name on it is not UTF-8 (ListedFile). */
  read(path: string, rawPath?: Uint8Array): Promise<ReportAnalysis>;
}

/** One file a listing found; `unreadable` (a Chinese reason) when it cannot be read at all. */
export interface ListedFile {
  readonly path: string;
  readonly unreadable?: string;
  readonly rawPath?: Uint8Array;
}

/** The files of a batch in order, and what listing did not follow (for the summary). */
export interface InputListing {
  readonly files: readonly ListedFile[];
  readonly skipped: readonly { readonly path: string; readonly reason: string }[];
}

/** Where the data of this instance lives, for the user to see (`gongkai settings list`). */
export interface StorageInfo {
  /** Absolute data directory (GONGKAI_DATA_DIR or the per-user default). */
  readonly dataDir: string;
  /** Whether the default was taken (no GONGKAI_DATA_DIR). */
  readonly dataDirIsDefault: boolean;
  /** `embedded` (files / PGlite under dataDir) or `postgresql` (DATABASE_URL). */
  readonly database: 'embedded' | 'postgresql';
}

/** An agency (机关) of this instance. */
export interface Agency {
  readonly id: number;
  /** URL-safe name used in commands and routes (`city-edu`). */
  readonly slug: string;
  /** 名称, e.g. 某市教育局. */
  readonly name: string;
  readonly kind: AgencyKind;
  /** The parent's slug (上级机关), or null. */
  readonly parent: string | null;
  /** ISO instant. */
  readonly createdAt: string;
}

/** An agency to add (checked by the use case). */
export interface NewAgency {
  readonly slug: string;
  readonly name: string;
  readonly kind: AgencyKind;
  readonly parent?: string;
}

/** The agencies of this instance. */
export interface AgencyStore {
  /** Adds one; NOT_FOUND when the parent does not exist, CONFLICT when the slug is taken (nothing written). */
  add(agency: NewAgency): Promise<Agency>;
  list(): Promise<readonly Agency[]>;
  findBySlug(slug: string): Promise<Agency | undefined>;
}

/** Which database this instance uses, for people. */
export interface DatabaseInfo {
  /** `pglite`: the embedded database under the data directory; `postgresql`: DATABASE_URL. */
  readonly engine: 'pglite' | 'postgresql';
  /** The embedded directory, or the PostgreSQL URL without its password. */
  readonly location: string;
}

/** Maintenance of the database itself: migrations, logical backup and restore. */
export interface DatabaseAdmin {
  /** Applies pending migrations; the tags applied now. */
  migrate(): Promise<DatabaseInfo & { readonly applied: readonly string[]; readonly total: number }>;
  /** Applied and pending migrations, without changing anything. */
  status(): Promise<
    DatabaseInfo & {
      readonly applied: readonly { readonly tag: string; readonly appliedAt: string }[];
      readonly pending: readonly string[];
      /** Migrations recorded in the database that this build does not know (a newer build ran). */
      readonly unknown: readonly string[];
    }
  >;
  /**
   * Writes a backup of every table to `path` (absolute); rows per table. With `blobs`, the files of the
   * attachments go into the same file (and those missing from the store are listed).
   */
  backup(
    path: string,
    options?: { readonly blobs?: BlobStore },
  ): Promise<DatabaseInfo & { readonly rows: Readonly<Record<string, number>>; readonly blobs?: AttachmentFilesInBackup }>;
  /**
   * Restores a backup from `path` in one transaction. INVALID_INPUT for a file that is not a complete
   * backup of a compatible version, CONFLICT when the database holds data and `replace` is false.
   */
  restore(
    path: string,
    options: { readonly replace: boolean; readonly blobs?: BlobStore },
  ): Promise<DatabaseInfo & { readonly rows: Readonly<Record<string, number>>; readonly blobs?: AttachmentFilesInBackup }>;
}

/** The attachment files a backup carried (or restored), and those it could not find. */
export interface AttachmentFilesInBackup {
  readonly count: number;
  readonly bytes: number;
  /** SHA-256 of files that attachment rows name but the blob store lacked. */
  readonly missing: readonly string[];
}

/** Reply letters and the daily job over the database (app/render-case-letter.ts, app/run-daily-job.ts). */
export interface LetterDeps {
  /** Runs `work` with the letter ports over the database. */
  withLetters<T>(work: (ports: CaseLetterPorts & LetterTemplatePorts & LetterSettingPorts) => Promise<T>): Promise<T>;
  /** Runs `work` with the daily job's ports (database, calendar, SMTP); the SMTP connections close after it. */
  withDailyJob<T>(work: (ports: DailyJobPorts) => Promise<T>): Promise<T>;
  /** A merged letter as DOCX bytes (official layout). */
  renderLetterDocx(letter: MergedLetter): Promise<Uint8Array>;
}

/** An open case whose due date moves with a calendar change (the statutory clock recomputed). */
export interface MovedDueDate {
  readonly agency: string;
  readonly caseCode: string;
  readonly dueBefore: LocalDate;
  readonly dueAfter: LocalDate;
}

/**
 * The open cases a calendar change affects (issue #7: a calendar change lists the open cases whose
 * due dates move). The cases tier implements it over its cases and events; until it is wired, a
 * calendar import says that the list is not available.
 */
export interface CalendarImpact {
  /** Open cases whose due date differs between the two calendars (diffCalendars narrows the search). */
  openCasesMoved(before: WorkingDayCalendar, after: WorkingDayCalendar): Promise<readonly MovedDueDate[]>;
}

/** Everything the composition root wires for the use cases of one process. */
export interface AppDeps {
  readonly clock: Clock;
  readonly settings: SettingsStore;
  /** An agency's settings over the instance default (NOT_FOUND for an unknown slug). */
  readonly settingsOf: (agencySlug: string) => Promise<SettingsStore>;
  readonly calendar: CalendarStore;
  readonly agencies: AgencyStore;
  /** Applications, their events, appeals and report entries (case-ports.ts). */
  readonly cases: CaseStore;
  readonly database: DatabaseAdmin;
  /** Optional until the cases tier provides it. */
  readonly calendarImpact?: CalendarImpact;
  readonly files: FileReader;
  readonly reports: ReportFilesPort;
  readonly storage: StorageInfo;
  /** Who a CLI change is recorded as (GONGKAI_USER, else the OS user); HTTP takes it from the session. */
  readonly actor: string;
  /** Opens the database, runs `work` with the identity ports (users, roles, tokens), closes it. */
  readonly withIdentity: <T>(work: (identity: IdentityDeps) => Promise<T>) => Promise<T>;
  readonly letters: LetterDeps;
  /** Attachment rows (database), their bytes (blob store under the data directory) and the upload limits. */
  readonly attachmentStore: AttachmentStore;
  readonly blobs: BlobStore;
  readonly attachmentLimits: AttachmentLimits;
}

/** A report reader for one batch; `close` ends any worker threads it started. */
export interface BatchReportReader extends ReportReaderPort {
  /** How many files it reads well at once (keeps every worker busy without running out of file handles). */
  readonly concurrency: number;
  close(): Promise<void>;
}

/** Reading and writing report files: listing inputs, reading (on worker threads for big batches), rendering. */
export interface ReportFilesPort {
  /**
   * The files to read for the inputs (paths as given): a file as given, a directory's files recursively
   * in sorted path order, each joined onto the input as given; an input that does not exist is kept
   * as given with its reason, as is a folder that cannot be opened (a READ-SOURCE finding, never the
   * end of the batch); links that would list a folder twice are skipped and named.
   */
  listInputs(inputs: readonly string[]): Promise<InputListing>;
  /** A reader for `files` files using up to `jobs` threads (capped at the cores; default one per core but one, i.e. none on 2 cores); `explain` keeps every evaluation. */
  openReader(options: { readonly files: number; readonly jobs?: number; readonly explain: boolean }): Promise<BatchReportReader>;
  /** Renders a report document: text formats as a string, DOCX/XLSX as bytes. JSON keeps the reading's findings. */
  /** `authoring`: a workbook to fill in (`report new --to xlsx`: totals as formulas, labels locked). */
  render(
    document: ReportDocument,
    format: RenderFormat,
    reading?: ReportReading,
    options?: { readonly authoring?: boolean },
  ): Promise<string | Uint8Array>;
  /** A plain table as an XLSX workbook (`report export --to xlsx`). */
  renderTableXlsx(rows: ExportRows): Promise<Uint8Array>;
}
