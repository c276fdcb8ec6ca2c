// What the HTTP adapter needs from the application, bound by the composition root (src/main.ts):
// the case use cases and the identity look-ups. Routes parse → call one of these → present.
import type { IncomingFile } from '#app/attachments/attachment-ports.ts';
import type { AttachmentView } from '#app/attachments/manage-attachments.ts';
import type { Actor } from '#app/identity/identity-ports.ts';
import type { AttachmentLimits } from '#core/attachments/check-attachment.ts';
import type { AgencyTree } from '#core/identity/access-policy.ts';
import { DomainError } from '#core/shared/domain-error.ts';
import type { IntakeBody } from './api/applications/schema.ts';
import type { CaseEventBody } from './api/cases/schema.ts';

export interface IntakeReceipt {
  readonly caseCode: string;
  readonly verificationCode: string;
  readonly received: string;
  readonly due: string | null;
}

export interface ApplicationStatus {
  readonly caseCode: string;
  readonly state: string;
  readonly stateLabel?: string;
  readonly received: string;
  readonly due: string | null;
  readonly outcome: string | null;
  /** The outcome in words (表三's row label), once the case is closed. */
  readonly outcomeLabel?: string;
  readonly closedOn?: string;
}

/** A case as staff see it (the use case's view: these fields and more); `agency` is the owning agency's slug. */
export interface StaffCase {
  readonly caseCode: string;
  readonly agency: string;
  readonly state: string;
  readonly received: string;
  readonly due: string | null;
}

export interface CaseServices {
  /**
   * Public intake: answers after COMMIT; INVALID_INPUT (fields) or NOT_FOUND (agency) otherwise. Files
   * (the portal's form) are checked with the other fields and commit with the case.
   */
  createApplication(input: { agency: string; body: IntakeBody; attachments?: readonly IncomingFile[] }): Promise<IntakeReceipt>;
  /** NOT_FOUND alike for an unknown case code and a wrong verification code; `due` null while it does not run (补正). */
  lookupApplicationStatus(input: { caseCode: string; verificationCode: string }): Promise<ApplicationStatus>;
  listCases(input: {
    agencies: 'all' | ReadonlySet<string>;
    agency?: string;
    state?: string;
    /** Only the cases of this officer (承办人, a username). */
    officer?: string;
    limit: number;
    offset: number;
  }): Promise<{ items: readonly StaffCase[]; total?: number }>;
  /** NOT_FOUND for an unknown case code. */
  getCase(input: { caseCode: string }): Promise<StaffCase>;
  recordCaseEvent(input: { actor: Actor; caseCode: string; event: CaseEventBody }): Promise<StaffCase>;
  /** Names the case officer (null: unassigns); INVALID_INPUT when the user holds no handling role in the case's agency. */
  assignCaseOfficer(input: { actor: Actor; caseCode: string; officer: string | null }): Promise<StaffCase>;
}

/** A letter template as staff see it (the use case's view). */
export interface LetterTemplateView {
  readonly family: string;
  readonly familyLabel: string;
  readonly title: string;
  readonly addressee: string;
  readonly body: string;
  readonly source: 'agency' | 'default';
}

/** Reply letters and letter templates (app/render-case-letter.ts, app/manage-letter-templates.ts). */
export interface LetterServices {
  /** The reply letter of a replied case as DOCX; `mayIssue` false: FORBIDDEN rather than drawing a 文号. */
  caseLetterDocx(input: { actor: Actor; caseCode: string; mayIssue: boolean }): Promise<{ docNumber: string; bytes: Uint8Array }>;
  /** NOT_FOUND for an unknown agency. */
  listLetterTemplates(input: { agency: string }): Promise<readonly LetterTemplateView[]>;
  setLetterTemplate(input: {
    actor: Actor;
    agency: string;
    family: string;
    title?: string;
    addressee?: string;
    body?: string;
  }): Promise<LetterTemplateView>;
  resetLetterTemplate(input: { agency: string; family: string }): Promise<{ removed: boolean }>;
}

/** Instance jobs (app/run-daily-job.ts). */
export interface JobServices {
  /** Runs the daily job for every agency on `day` (default: today in Beijing); as `gongkai jobs daily --json` prints it. */
  runDailyJob(input: { day?: string }): Promise<{ day: string; agencies: readonly unknown[] }>;
}

/** Attachments of a case (the route has checked the caller's access to the case first). */
export interface AttachmentServices {
  readonly limits: AttachmentLimits;
  /** INVALID_INPUT (field `attachments`) when any file is refused; nothing is written then. */
  attachFiles(input: { actor: Actor; caseCode: string; files: readonly IncomingFile[]; channel?: string }): Promise<AttachmentView[]>;
  listAttachments(input: { caseCode: string }): Promise<AttachmentView[]>;
  readAttachment(input: { caseCode: string; id: number }): Promise<{ attachment: AttachmentView; bytes: Uint8Array }>;
}

/** An agency as staff see it in the console and in `GET /api/session`. */
export interface StaffAgency {
  readonly slug: string;
  readonly name: string;
  readonly parent: string | null;
}

/** The browser sessions of the staff console (issue #8), for the API's second way in. */
export interface StaffSessionServices {
  /**
   * The signed-in staff member of a session cookie value and the session's CSRF token; undefined when
   * unknown, expired, ended, its user disabled, or still waiting for the TOTP step.
   */
  resolve(sessionId: string): Promise<{ actor: Actor; csrfToken: string } | undefined>;
  listAgencies(): Promise<readonly StaffAgency[]>;
}

export interface HttpServices {
  readonly cases: CaseServices;
  /** Absent: uploads answer 503 (no blob store configured). */
  readonly attachments?: AttachmentServices;
  /** Letters and templates (optional so a test's stub services need not name them; absent: 503). */
  readonly letters?: LetterServices;
  readonly jobs?: JobServices;
  /** The actor of a bearer token (UNAUTHENTICATED otherwise). */
  authenticate(token: string | undefined): Promise<Actor>;
  agencyTree(): Promise<AgencyTree>;
  /** Console sessions (absent: the API takes bearer tokens only). */
  readonly sessions?: StaffSessionServices;
}

/** The letter services, or UNAVAILABLE when this server was composed without them. */
export function lettersOf(services: HttpServices): LetterServices {
  if (services.letters === undefined) {
    throw new DomainError('UNAVAILABLE', '告知书服务不可用');
  }
  return services.letters;
}

/** The job services, or UNAVAILABLE when this server was composed without them. */
export function jobsOf(services: HttpServices): JobServices {
  if (services.jobs === undefined) {
    throw new DomainError('UNAVAILABLE', '任务服务不可用');
  }
  return services.jobs;
}
