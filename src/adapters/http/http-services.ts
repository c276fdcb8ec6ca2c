// What the HTTP adapter needs from the application, bound by the composition root (src/main.ts):
// the case use cases and the identity look-ups. Routes parse → call one of these → present.
import type { IncomingFile } from '#app/attachments/attachment-ports.ts';
import type { AttachmentView } from '#app/attachments/manage-attachments.ts';
import type { Actor } from '#app/identity/identity-ports.ts';
import type { AttachmentLimits } from '#core/attachments/check-attachment.ts';
import type { AgencyTree } from '#core/identity/access-policy.ts';
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
    limit: number;
    offset: number;
  }): Promise<{ items: readonly StaffCase[]; total?: number }>;
  /** NOT_FOUND for an unknown case code. */
  getCase(input: { caseCode: string }): Promise<StaffCase>;
  recordCaseEvent(input: { actor: Actor; caseCode: string; event: CaseEventBody }): Promise<StaffCase>;
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
  /** The actor of a bearer token (UNAUTHENTICATED otherwise). */
  authenticate(token: string | undefined): Promise<Actor>;
  agencyTree(): Promise<AgencyTree>;
  /** Console sessions (absent: the API takes bearer tokens only). */
  readonly sessions?: StaffSessionServices;
}
