// The one Hono app of the server process: the API tier (adapters/http: /healthz, /api) and the public
// portal at `/` (issue #8). The server's composition root calls this instead of createHttpApp, so
// portal and API share one listener, one process and one start-up state.
import type { Hono } from 'hono';
import { createHttpApp, type HttpAppOptions } from '#adapters/http/http-app.ts';
import type { AttachmentLimits } from '#core/attachments/check-attachment.ts';
import { portalRoutes } from './portal/portal-routes.ts';
import type { PortalServices } from './portal/portal-services.ts';

export interface WebAppOptions extends HttpAppOptions {
  /** The portal's services once the database is migrated; undefined while starting. */
  readonly portal: () => PortalServices | undefined;
  /** Key of the CSRF token signatures (random per process when absent). */
  readonly csrfSecret?: Uint8Array;
  /** Upload limits of the application form's attachments. */
  readonly attachmentLimits?: AttachmentLimits;
}

export function createWebApp(options: WebAppOptions): Hono {
  const app = createHttpApp(options);
  // Registered after /healthz and /api, which keep answering JSON; everything else is the portal.
  app.route(
    '/',
    portalRoutes({
      services: options.portal,
      intakeRateLimit: options.intakeRateLimit,
      log: options.log,
      ...(options.csrfSecret === undefined ? {} : { csrfSecret: options.csrfSecret }),
      ...(options.attachmentLimits === undefined ? {} : { attachmentLimits: options.attachmentLimits }),
    }),
  );
  return app;
}
