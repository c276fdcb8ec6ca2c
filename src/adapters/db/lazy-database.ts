// The database of a process, opened on first use and only then: this module imports nothing heavy
// (drizzle and pg load in ~0.1–1 s), so commands that never touch the database stay fast, and reads on
// an embedded data directory that holds no database yet (and no legacy JSON files to import) answer
// "nothing stored" without creating one. The composition root wires the stores it returns.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AttachmentStore } from '#app/attachments/attachment-ports.ts';
import type { CaseStore } from '#app/case-ports.ts';
import type { LetterTemplatePorts } from '#app/manage-letter-templates.ts';
import type { AgencyStore, CalendarStore, DatabaseAdmin, SettingsStore } from '#app/ports.ts';
import type { CaseLetterPorts } from '#app/render-case-letter.ts';
import type { DailyJobPorts } from '#app/run-daily-job.ts';
import type { LetterSettingPorts } from '#app/set-letter-setting.ts';
import type { ClockRows } from './clock-reads.ts';
import type { Database, DatabaseConfig, Db } from './open-database.ts';

/** How a store reaches the database: opened (and created) for writes, maybe not for reads. */
export interface DbAccess {
  write(): Promise<Db>;
  /** The database, or undefined when nothing can be stored yet (a read then answers "nothing"). */
  read(): Promise<Db | undefined>;
}

/** Access to a database that is already open (tests, the server). */
export function openAccess(db: Db): DbAccess {
  return { write: async () => db, read: async () => db };
}

/** Files of earlier versions that the first open imports (adapters/db/import-legacy-files.ts). */
export const LEGACY_FILES = ['settings.json', join('calendar', 'changes.json')] as const;

export function legacyFilesPresent(dataDir: string): boolean {
  return LEGACY_FILES.some((file) => existsSync(join(dataDir, file)));
}

export interface DatabaseStores {
  readonly settings: SettingsStore;
  readonly settingsOf: (agencySlug: string) => Promise<SettingsStore>;
  readonly calendar: CalendarStore;
  readonly agencies: AgencyStore;
  readonly cases: CaseStore;
  readonly attachments: AttachmentStore;
  readonly database: DatabaseAdmin;
}

export interface DatabaseDeps extends DatabaseStores {
  /** Reply letters, templates and letter settings (adapters/db/letter-ports.ts). */
  readonly letters: CaseLetterPorts & LetterTemplatePorts & LetterSettingPorts;
  /** The daily job's tables and cases (adapters/db/letter-ports.ts). */
  readonly dailyJob: DailyJobStore;
  /** Closes the database if this process opened it. */
  close(): Promise<void>;
}

/** The database side of the daily job (calendar and SMTP are wired by the composition root). */
export type DailyJobStore = Omit<DailyJobPorts, 'sendMail' | 'loadCalendar'>;

/** An object whose methods load the real implementation on first call. */
function deferred<T extends object, K extends keyof T & string>(load: () => Promise<T>, methods: readonly K[]): Pick<T, K> {
  return Object.fromEntries(
    methods.map((name) => [
      name,
      async (...args: unknown[]) => {
        const target = await load();
        return (target[name] as (...a: unknown[]) => unknown).apply(target, args);
      },
    ]),
  ) as Pick<T, K>;
}

/** Stores over the database of `config`, opened lazily (migrated and legacy files imported on open). */
export function createDatabaseDeps(config: DatabaseConfig): DatabaseDeps {
  let opening: Promise<Database> | undefined;
  const open = () => {
    opening ??= (async () => {
      const [{ openDatabase }, { importLegacyFiles }] = await Promise.all([
        import('./open-database.ts'),
        import('./import-legacy-files.ts'),
      ]);
      const database = await openDatabase(config);
      try {
        await importLegacyFiles(database.db, config.dataDir);
      } catch (error) {
        await database.close();
        throw error;
      }
      return database;
    })();
    return opening;
  };
  const nothingStored = () =>
    opening === undefined &&
    (config.url === undefined || config.url === null || config.url === '') &&
    !existsSync(join(config.dataDir, 'pg')) &&
    !legacyFilesPresent(config.dataDir);
  const access: DbAccess = {
    write: async () => (await open()).db,
    read: async () => (nothingStored() ? undefined : (await open()).db),
  };
  // Clock reads of a process that has not opened the database (short commands: `deadline`, `fee`,
  // `workdays`) take the quick path of clock-reads.ts: settings and calendar in one connection, without
  // drizzle. Each read queries afresh (reads made together share one round); once the database is open
  // (any write opens it) the stores answer.
  let quick: Promise<ClockRows | undefined> | undefined;
  const quickClockRows = (): Promise<ClockRows | undefined> => {
    if (opening !== undefined || legacyFilesPresent(config.dataDir)) {
      return Promise.resolve(undefined);
    }
    if (quick === undefined) {
      const round = import('./clock-reads.ts').then(
        (module) => module.readClockRows(config),
        () => undefined,
      );
      quick = round;
      void round.then(() => {
        quick = undefined;
      });
    }
    return quick;
  };
  let stores: Promise<DatabaseStores> | undefined;
  const load = () => {
    stores ??= import('./database-stores.ts').then((module) => module.createDatabaseStores(access, open, config));
    return stores;
  };
  return {
    // Reads on a data directory with nothing stored answer without loading drizzle and pg (~0.5 s of
    // CPU): `deadline`, `fee` and `workdays` on a fresh machine stay as fast as before the database.
    settings: {
      ...deferred(async () => (await load()).settings, ['recordChange', 'resetValue']),
      async loadValues() {
        if (nothingStored()) {
          return {};
        }
        const rows = await quickClockRows();
        return rows === undefined ? (await load()).settings.loadValues() : (await import('./clock-rows.ts')).checkedSettings(rows.settings);
      },
      loadOwnValues: async () => (nothingStored() ? {} : (await load()).settings.loadOwnValues()),
      listChanges: async () => (nothingStored() ? [] : (await load()).settings.listChanges()),
    },
    settingsOf: async (agencySlug) => (await load()).settingsOf(agencySlug),
    calendar: {
      ...deferred(async () => (await load()).calendar, ['appendChange']),
      async listChanges() {
        if (nothingStored()) {
          return [];
        }
        return (await quickClockRows())?.calendarChanges ?? (await load()).calendar.listChanges();
      },
    },
    agencies: deferred(async () => (await load()).agencies, ['add', 'list', 'findBySlug']),
    cases: deferred(
      async () => (await load()).cases,
      [
        'findAgency',
        'clockBasis',
        'agencyWithBasis',
        'insertNewCases',
        'transaction',
        'findCase',
        'findCaseByVerification',
        'listEvents',
        'listAssignments',
        'findStaffUser',
        'listCases',
        'listOpenOn',
        'aggregateYear',
        'listAppeals',
        'reportEntries',
        'verifyAuditChain',
      ],
    ),
    attachments: deferred(async () => (await load()).attachments, ['listAttachments', 'findAttachment', 'referencedBlobs']),
    database: deferred(async () => (await load()).database, ['migrate', 'status', 'backup', 'restore']),
    letters: deferred(
      async () => (await import('./letter-ports.ts')).createLetterPorts(await access.write()),
      [
        'findAgency',
        'findAgencyOfCase',
        'loadAgencySettings',
        'loadScopedSettings',
        'saveSetting',
        'resetSetting',

        'findReplyFacts',
        'listLetterTemplates',
        'saveLetterTemplate',
        'deleteLetterTemplate',
        'listIssuedLetters',
        'issueLetter',
      ],
    ),
    dailyJob: deferred(
      async () => (await import('./letter-ports.ts')).createDailyJobStore(await access.write()),
      [
        'listAgencies',
        'loadAgencySettings',
        'listOpenCases',
        'listCasesOpenAtYearEnd',
        'recordCarryOvers',
        'claimReminder',
        'markReminderSent',
        'markReminderFailed',
        'recordJobRun',
      ],
    ),
    async close() {
      if (opening !== undefined) {
        const database = await opening.catch(() => undefined);
        await database?.close();
      }
    },
  };
}
