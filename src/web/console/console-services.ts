// What the staff console needs from the application, bound by the server's composition root
// (src/compose-console-services.ts). Other console areas add their services here (one field each).
import type { AttachmentServices, CaseServices, StaffAgency } from '#adapters/http/http-services.ts';
import type { Actor } from '#app/identity/identity-ports.ts';
import type { ResolvedSession, SignedIn, TotpEnrolment } from '#app/identity/staff-sessions.ts';
import type { AgencyTree } from '#core/identity/access-policy.ts';
import type { ConsoleAdminServices } from './admin/admin-services.ts';
import type { CaseWorkServices } from './cases/case-work-services.ts';
import type { ConsoleReportServices } from './reports/report-services.ts';

export type { StaffAgency };

/** Sign-in, sessions and the TOTP second factor (src/app/identity/staff-sessions.ts, bound to the database). */
export interface ConsoleSessionServices {
  /** UNAUTHENTICATED alike for an unknown user, a wrong password and a disabled user. */
  signIn(input: { username: string; password: string; previousSessionId?: string }): Promise<SignedIn>;
  /** UNAUTHENTICATED for a wrong code or a session not waiting for one; the answer has a new session id. */
  completeSecondFactor(input: { sessionId: string; code: string }): Promise<SignedIn>;
  resolve(sessionId: string | undefined): Promise<ResolvedSession | undefined>;
  signOut(sessionId: string): Promise<void>;
  totpEnrolment(actor: Actor): Promise<TotpEnrolment>;
  confirmTotp(actor: Actor, code: string): Promise<void>;
  disableTotp(actor: Actor, code: string): Promise<void>;
}

export interface ConsoleServices {
  readonly sessions: ConsoleSessionServices;
  /** Every agency of the instance (slug, name, parent slug). */
  listAgencies(): Promise<readonly StaffAgency[]>;
  agencyTree(): Promise<AgencyTree>;
  /** The case use cases the staff API calls (the console's case pages use the same). */
  readonly cases: CaseServices;
  /** The case pages' queue, case page, events, letters and staff entry (cases/case-work-services.ts). */
  readonly caseWork: CaseWorkServices;
  /** 机构管理: users, settings, letter templates, the calendar and the dashboard (admin/admin-services.ts). */
  readonly admin: ConsoleAdminServices;
  /** A case's attachments (list, upload, download; the staff API's services); absent: the case page lists none and uploads answer 503. */
  readonly attachments?: AttachmentServices;
  /** The annual report's draft, forms and workflow (src/app/reports); absent: the area answers 503. */
  readonly reports?: ConsoleReportServices;
}
