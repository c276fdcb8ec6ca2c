// The console's 年度报告 area (/console/reports): a placeholder page until the area's pages land.
// Build the area here (console-kit.ts documents the session, guards, CSRF and layout).
import { Hono } from 'hono';
import { html } from 'hono/html';
import { ALL_ROLES, type ConsoleEnv, renderConsolePage, requireRole } from '../console-kit.ts';

export function reportsConsoleRoutes(): Hono<ConsoleEnv> {
  const routes = new Hono<ConsoleEnv>();
  routes.get('/', requireRole(ALL_ROLES), (c) =>
    renderConsolePage(c, { title: '年度报告', main: html`<h1>年度报告</h1><p class="empty">本功能正在建设中。</p>` }),
  );
  return routes;
}
