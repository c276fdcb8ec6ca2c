// Binds the staff sign-in use cases (src/app/identity/staff-sessions.ts) over one database to what
// the console pages (ConsoleServices) and the staff API (StaffSessionServices) call, and reads the
// instance secret that signs the portal's and the sign-in form's CSRF tokens.
import { createDbAgencyStore } from '#adapters/db/agency-store.ts';
import { openAccess } from '#adapters/db/lazy-database.ts';
import type { Db } from '#adapters/db/open-database.ts';
import { createSessionStore, loadInstanceSecret } from '#adapters/db/session-store.ts';
import type { AttachmentServices, CaseServices, StaffAgency, StaffSessionServices } from '#adapters/http/http-services.ts';
import { createSessionSecrets } from '#adapters/security/session-secrets.ts';
import { createTotp } from '#adapters/security/totp.ts';
import type { IdentityDeps } from '#app/identity/identity-ports.ts';
import type { SessionDeps, SessionPolicy } from '#app/identity/session-ports.ts';
import {
  completeSecondFactor,
  confirmTotp,
  disableTotp,
  resolveSession,
  signIn,
  signOut,
  totpEnrolment,
} from '#app/identity/staff-sessions.ts';
import { listAgencies } from '#app/list-agencies.ts';
import type { ConsoleServices } from '#web/console/console-services.ts';
import { composeCaseWorkServices } from './compose-case-work-services.ts';
import { composeConsoleAdmin } from './compose-console-admin.ts';
import { composeConsoleReports, reportDepsOf } from './compose-report-services.ts';

export function sessionDepsOf(db: Db, identity: IdentityDeps, policy: SessionPolicy): SessionDeps {
  return { ...identity, sessions: createSessionStore(db), secrets: createSessionSecrets(), totp: createTotp(), policy };
}

export interface ComposedConsole {
  readonly console: ConsoleServices;
  /** For HttpServices.sessions: the API's session cookie way in. */
  readonly staffSessions: StaffSessionServices;
}

export function composeConsoleServices(
  db: Db,
  identity: IdentityDeps,
  policy: SessionPolicy,
  cases: CaseServices,
  attachments?: AttachmentServices,
): ComposedConsole {
  const deps = sessionDepsOf(db, identity, policy);
  const agencyStore = createDbAgencyStore(openAccess(db));
  const agencies = async (): Promise<readonly StaffAgency[]> =>
    (await listAgencies({ agencies: agencyStore })).map(({ slug, name, parent }) => ({ slug, name, parent }));
  const console: ConsoleServices = {
    sessions: {
      signIn: (input) => signIn(deps, input),
      completeSecondFactor: (input) => completeSecondFactor(deps, input),
      resolve: (sessionId) => resolveSession(deps, sessionId),
      signOut: (sessionId) => signOut(deps, sessionId),
      totpEnrolment: (actor) => totpEnrolment(deps, actor),
      confirmTotp: (actor, code) => confirmTotp(deps, actor, code),
      disableTotp: (actor, code) => disableTotp(deps, actor, code),
    },
    listAgencies: agencies,
    agencyTree: () => identity.store.agencyTree(),
    cases,
    caseWork: composeCaseWorkServices(db, identity.now),
    admin: composeConsoleAdmin(db, identity),
    reports: composeConsoleReports(reportDepsOf(db, identity.now), () => identity.store.agencyTree()),
    ...(attachments === undefined ? {} : { attachments }),
  };
  return {
    console,
    staffSessions: {
      async resolve(sessionId) {
        const session = await resolveSession(deps, sessionId);
        return session === undefined || session.secondFactorPending ? undefined : { actor: session.actor, csrfToken: session.csrfToken };
      },
      listAgencies: agencies,
    },
  };
}

/** The key of the CSRF signatures of the portal and the sign-in form, shared by every node. */
export const loadCsrfSecret = (db: Db): Promise<Uint8Array> => loadInstanceSecret(db, 'csrf');
