// The console's 机构管理 area (/console/admin): a placeholder page until the area's pages land.
// Build the area here (console-kit.ts documents the session, guards, CSRF and layout).
import { Hono } from 'hono';
import { html } from 'hono/html';
import { ADMIN_ROLES, type ConsoleEnv, renderConsolePage, requireRole } from '../console-kit.ts';

export function adminConsoleRoutes(): Hono<ConsoleEnv> {
  const routes = new Hono<ConsoleEnv>();
  routes.get('/', requireRole(ADMIN_ROLES), (c) =>
    renderConsolePage(c, { title: '机构管理', main: html`<h1>机构管理</h1><p class="empty">本功能正在建设中。</p>` }),
  );
  return routes;
}
