// Where the console's areas are mounted (issue #8). Each area owns one file exporting a
// `Hono<ConsoleEnv>` factory; its pages run behind the session + CSRF middleware of console-routes.ts
// and use the toolkit of console-kit.ts. Adding an area: one import and one `app.route` line here,
// one entry in console-nav.ts, and its routes in the matrix test's table (test/web/console-matrix.test.ts).
import type { Hono } from 'hono';
import { adminConsoleRoutes, dashboardConsoleRoutes } from './admin/admin-routes.ts';
import { casesConsoleRoutes } from './cases/cases-routes.ts';
import type { ConsoleEnv } from './console-kit.ts';
import { reportsConsoleRoutes } from './reports/reports-routes.ts';

export function mountConsoleAreas(app: Hono<ConsoleEnv>): void {
  app.route('/cases', casesConsoleRoutes());
  app.route('/reports', reportsConsoleRoutes());
  app.route('/admin', adminConsoleRoutes());
  // /console/{slug}/dashboard, after the areas (an agency slug never shadows an area's own path).
  app.route('/', dashboardConsoleRoutes());
}
