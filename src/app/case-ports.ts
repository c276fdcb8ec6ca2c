// Ports of the case use cases (issue #7): what createApplication, recordCaseEvent, importCases,
// compileAnnualReport … need from the database, declared by their consumer. adapters/db/case-store.ts
// implements them over drizzle; every method of CaseTransaction runs inside one database transaction.

import type { LocalDate } from '#core/calendar/local-date.ts';
import type { WorkingDayCalendar } from '#core/calendar/working-day-calendar.ts';
import type { AppealDecision, AppealKind, AppealTallyInput } from '#core/cases/appeal-case.ts';
import type { ApplicantInput, ApplicantType } from '#core/cases/applicant.ts';
import type { CaseEvent } from '#core/cases/case-event.ts';
import type { OutcomeCode } from '#core/cases/outcome-codes.ts';
import type { CaseProjection, CaseStatus } from '#core/cases/project-case.ts';
import type { ClockSettings } from '#core/statute/clock-settings.ts';
import type { Channel } from '#core/statute/receipt-date.ts';
import type { ClockState } from '#core/statute/response-clock.ts';
import type { AttachmentTransaction } from './attachments/attachment-ports.ts';

/** The instant source ("today" is its Asia/Shanghai date). */
export interface CaseClock {
  now(): Date;
}

export interface AgencyRef {
  readonly id: number;
  readonly slug: string;
  readonly name: string;
}

/** A case row: the projection of its events plus intake data. `applicant` is personal data. */
export interface StoredCase {
  readonly agencyId: number;
  readonly agencySlug: string;
  readonly id: number;
  readonly caseCode: string;
  readonly externalId: string | null;
  readonly channel: Channel;
  readonly applicantType: ApplicantType;
  readonly applicant: ApplicantInput | null;
  readonly description: string | null;
  readonly delivery: string | null;
  readonly receivedOn: LocalDate;
  readonly status: CaseStatus;
  readonly isOpen: boolean;
  readonly due: LocalDate | null;
  readonly clockState: ClockState;
  readonly correctionDeadline: LocalDate | null;
  readonly feePaymentDue: LocalDate | null;
  readonly outcome: OutcomeCode | null;
  readonly closedOn: LocalDate | null;
  readonly repliedOn: LocalDate | null;
  readonly eventCount: number;
  /** The case officer's (承办人) username; null: unassigned. */
  readonly officer: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface NewCase {
  readonly agencyId: number;
  readonly externalId: string | null;
  readonly applicant: ApplicantInput | null;
  readonly description: string | null;
  readonly delivery: string | null;
  readonly projection: CaseProjection;
}

/** A new case for `CaseStore.insertNewCases`: its first events, who records it and its audit entry's `after`. */
export interface NewCaseWithAudit {
  readonly entry: NewCase;
  readonly events: readonly CaseEvent[];
  readonly actor: string;
  readonly auditAfter: unknown;
}

export interface AuditEntry {
  readonly agencyId: number;
  readonly actor: string;
  readonly action: string;
  readonly subject: string;
  readonly before: unknown;
  readonly after: unknown;
}

export interface CaseFilter {
  readonly agencyIds: readonly number[];
  readonly status?: CaseStatus;
  readonly open?: boolean;
  /** Open cases due on or before this date. */
  readonly dueBy?: LocalDate;
  readonly receivedFrom?: LocalDate;
  readonly receivedTo?: LocalDate;
  /** Only the cases whose officer (承办人) has this username. */
  readonly officer?: string;
  readonly limit: number;
  readonly offset: number;
}

export interface StoredAppeal {
  readonly agencyId: number;
  readonly id: number;
  readonly kind: AppealKind;
  readonly caseCode: string | null;
  readonly reference: string | null;
  readonly filedOn: LocalDate;
  readonly decidedOn: LocalDate | null;
  readonly decision: AppealDecision | null;
}

/** A staff user as a case officer candidate: where they hold roles, and the address reminders go to. */
export interface StaffUser {
  readonly id: number;
  readonly username: string;
  readonly email: string | null;
  readonly roles: readonly { readonly agencyId: number; readonly role: string }[];
}

/** One entry of a case's assignment history (newest last). */
export interface CaseAssignment {
  /** The new officer's username; null: unassigned. */
  readonly officer: string | null;
  readonly actor: string;
  readonly at: string;
}

/**
 * Work inside one transaction: nothing is visible to others before COMMIT, everything is undone on a
 * throw. Attachment rows are written here too, so an application and its files commit together.
 */
export interface CaseTransaction extends AttachmentTransaction {
  /** A new case with its first events; returns the case code and the one-time verification code. */
  insertCase(
    entry: NewCase,
    events: readonly CaseEvent[],
    actor: string,
  ): Promise<{ id: number; caseCode: string; verificationCode: string }>;
  /**
   * New cases with their first events in one go (group commit of the intake: the case numbers are
   * allocated in one statement, cases and events written by multi-row inserts); answers in order.
   */
  insertCases(
    entries: readonly { readonly entry: NewCase; readonly events: readonly CaseEvent[]; readonly actor: string }[],
  ): Promise<{ id: number; caseCode: string; verificationCode: string }[]>;
  /** The case, locked against concurrent writers until COMMIT. */
  lockCase(caseCode: string): Promise<StoredCase | null>;
  lockCaseByExternalId(agencyId: number, externalId: string): Promise<StoredCase | null>;
  listEvents(agencyId: number, caseId: number): Promise<CaseEvent[]>;
  /** Appends at seq fromSeq, fromSeq+1 …; a taken seq fails (unique (agency_id, case_id, seq)). */
  appendEvents(agencyId: number, caseId: number, fromSeq: number, events: readonly CaseEvent[], actor: string): Promise<void>;
  updateProjection(agencyId: number, caseId: number, projection: CaseProjection, eventCount: number): Promise<void>;
  audit(entry: AuditEntry): Promise<void>;
  /** Sets the case officer (null: unassigned) and appends it to the case's assignment history. */
  assignOfficer(agencyId: number, caseId: number, userId: number | null, actor: string): Promise<void>;
  /** Several audit entries in one statement. */
  auditAll(entries: readonly AuditEntry[]): Promise<void>;
  insertAppeal(appeal: Omit<StoredAppeal, 'id' | 'caseCode'> & { caseId: number | null; result: string | null }): Promise<number>;
  lockAppeal(agencyId: number, id: number): Promise<StoredAppeal | null>;
  decideAppeal(agencyId: number, id: number, decidedOn: LocalDate, decision: AppealDecision, result: string): Promise<void>;
  setReportEntry(agencyId: number, year: number, key: string, value: string | null, actor: string): Promise<string | null>;
  /**
   * The report workflow's state of the year (a draft when none is recorded), locked until COMMIT, with
   * its revision bumped: an entry changed here makes the console's open forms stale (issue #8).
   */
  lockReportDraft(agencyId: number, year: number, actor: string): Promise<'draft' | 'submitted' | 'approved' | 'published'>;
  /**
   * The reply letter's 文号: the next number of the agency and the letter's year (prefix: setting
   * letter.doc-number-prefix), allocated and recorded in this transaction, so a reply that rolls back
   * gives its number back and two concurrent replies never share one.
   */
  issueReplyLetter(letter: {
    readonly agencyId: number;
    readonly caseCode: string;
    readonly outcome: string;
    readonly letterDate: LocalDate;
    readonly actor: string;
  }): Promise<{ readonly docNumber: string }>;
}

/** Why a link of the audit hash chain is broken (the first reason that applies). */
export type AuditChainFault = 'gap' | 'link' | 'content';

/** The audit hash chain of one agency as found: its length, its head, and the first broken link. */
export interface AuditChainState {
  readonly agencyId: number;
  readonly agencySlug: string;
  readonly entries: number;
  /** The last entry (seq and hash): note it outside the database to detect a truncated tail later. */
  readonly head: { readonly seq: number; readonly hash: string } | null;
  readonly firstBreak: {
    readonly seq: number;
    readonly id: number;
    /** The seq the entry should have had (gap: entries before it are missing). */
    readonly expectedSeq: number;
    readonly fault: AuditChainFault;
  } | null;
}

/** The case tier's database. */
export interface CaseStore {
  findAgency(slug: string): Promise<AgencyRef | null>;
  /** The calendar (shipped years + administrator changes in force on `today`) and the agency's clock settings. */
  clockBasis(agencyId: number, today: LocalDate): Promise<{ calendar: WorkingDayCalendar; settings: ClockSettings }>;
  /** `findAgency` and `clockBasis` together, in one round trip (the intake reads both per batch); null: no such agency. */
  agencyWithBasis(
    slug: string,
    today: LocalDate,
  ): Promise<{ agency: AgencyRef; calendar: WorkingDayCalendar; settings: ClockSettings } | null>;
  /**
   * New cases with their first events and one audit entry each (action `case.create`, subject
   * `case:<case code>`, no `before`), written by ONE statement: atomic without a transaction block,
   * committed when it answers (the group-committed intake: one round trip per batch instead of five).
   * Answers in order. Rejects with DomainError UNAVAILABLE when the connection failed or broke.
   */
  insertNewCases(entries: readonly NewCaseWithAudit[]): Promise<{ id: number; caseCode: string; verificationCode: string }[]>;
  /**
   * Runs `work` in one transaction. Rejects with DomainError UNAVAILABLE when the connection to the
   * database failed or broke (whether a COMMIT in flight happened is then unknown: never retry blindly).
   */
  transaction<T>(work: (tx: CaseTransaction) => Promise<T>): Promise<T>;
  findCase(caseCode: string): Promise<StoredCase | null>;
  /** The case when the verification code matches (compared in constant time), else null — alike for unknown codes. */
  findCaseByVerification(caseCode: string, verificationCode: string): Promise<StoredCase | null>;
  listEvents(agencyId: number, caseId: number): Promise<CaseEvent[]>;
  /** The case's assignment history, oldest first. */
  listAssignments(agencyId: number, caseId: number): Promise<CaseAssignment[]>;
  /** An enabled staff user by username, with their role grants. */
  findStaffUser(username: string): Promise<StaffUser | null>;
  listCases(filter: CaseFilter): Promise<{ items: StoredCase[]; total: number }>;
  /** Open at the end of `day` (received by then, not closed by then). */
  listOpenOn(agencyId: number, day: LocalDate): Promise<StoredCase[]>;
  /** Tables 三 and 四 of a year in one SQL aggregation (per applicant type / per appeal kind). */
  aggregateYear(agencyId: number, year: number): Promise<AggregatedYear>;
  listAppeals(agencyId: number): Promise<StoredAppeal[]>;
  reportEntries(agencyId: number, year: number): Promise<ReadonlyMap<string, string>>;
  /** Recomputes the audit log's hash chain of one agency (or of every agency that has entries). */
  verifyAuditChain(agencyId: number | null): Promise<AuditChainState[]>;
}

/** Raw result of the aggregation: counts per applicant type (table 三) and per appeal kind (table 四). */
export interface AggregatedYear {
  readonly applications: readonly { readonly applicantType: ApplicantType; readonly counts: Readonly<Record<string, number>> }[];
  readonly appeals: readonly { readonly kind: AppealKind; readonly counts: Readonly<Record<string, number>> }[];
}

export interface CaseDeps {
  readonly cases: CaseStore;
  readonly clock: CaseClock;
}

export type { AppealTallyInput };
