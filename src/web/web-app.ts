// The one Hono app of the server process: the API tier (adapters/http: /healthz, /api), the staff
// console at /console and the public portal at `/` (issue #8). The server's composition root calls
// this instead of createHttpApp, so portal, console and API share one listener, one process and one
// start-up state.
import type { Hono } from 'hono';
import { createHttpApp, type HttpAppOptions } from '#adapters/http/http-app.ts';
import { uploadBodyLimit } from '#adapters/http/read-upload.ts';
import type { AttachmentLimits } from '#core/attachments/check-attachment.ts';
import { consoleRoutes } from './console/console-routes.ts';
import type { ConsoleServices } from './console/console-services.ts';
import type { SignInLimitSetting } from './console/sign-in-limit.ts';
import { portalRoutes } from './portal/portal-routes.ts';
import type { PortalServices } from './portal/portal-services.ts';

export interface WebAppOptions extends HttpAppOptions {
  /** The portal's services once the database is migrated; undefined while starting. */
  readonly portal: () => PortalServices | undefined;
  /** The console's services once the database is migrated; absent or undefined: the console answers 503. */
  readonly console?: () => ConsoleServices | undefined;
  /** Failed sign-ins allowed per username (4× per address) and window; `off` for load tests (default 5 per 300 s). */
  readonly signInRateLimit?: SignInLimitSetting | 'off';
  /** Key of the CSRF token signatures (or a function giving it: the instance secret); random per process when absent. */
  readonly csrfSecret?: Uint8Array | (() => Uint8Array);
  /** Upload limits of the application form's attachments. */
  readonly attachmentLimits?: AttachmentLimits;
}

export function createWebApp(options: WebAppOptions): Hono {
  const app = createHttpApp(options);
  const csrfSecret = options.csrfSecret === undefined ? {} : { csrfSecret: options.csrfSecret };
  // Registered after /healthz and /api, which keep answering JSON, and before the portal's /:slug/.
  app.route(
    '/console/',
    consoleRoutes({
      services: options.console ?? (() => undefined),
      log: options.log,
      signInLimit: options.signInRateLimit ?? { limit: 5, windowSeconds: 300 },
      ...csrfSecret,
      // A case page's upload takes as many files at the size limit as a case may have (as the staff API does).
      ...(options.attachmentLimits === undefined
        ? {}
        : { maxBodyBytes: Math.max(20 * 1024 * 1024, uploadBodyLimit(options.attachmentLimits)) }),
    }),
  );
  app.route(
    '/',
    portalRoutes({
      services: options.portal,
      intakeRateLimit: options.intakeRateLimit,
      log: options.log,
      ...csrfSecret,
      ...(options.attachmentLimits === undefined ? {} : { attachmentLimits: options.attachmentLimits }),
    }),
  );
  return app;
}
