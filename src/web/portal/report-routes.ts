// The portal's 年度报告 pages (issue #8): `/{slug}/reports` lists the years, `/{slug}/reports/{year}`
// shows one (a published version with `?version=N`), `/{slug}/reports/{year}.{docx,xlsx,json}` are its
// downloads. JSON is the gongkai/report-read@1 object exactly as `report compile --json` prints it
// (one line, then a newline); every download reads back through `report read` to the same cells.
import type { Context, Hono } from 'hono';
import { sharedPage } from '#adapters/http/page-cache.ts';
import type { PublicReport } from '#app/reports/show-public-report.ts';
import { renderReadingJson } from '#core/reports/render/render-json.ts';
import { reportTitle } from '#core/reports/render/report-outline.ts';
import { DomainError } from '#core/shared/domain-error.ts';
import type { PortalAgency, PortalReports, PortalServices } from './portal-services.ts';
import { renderReportPage, renderReportsPage } from './reports.page.ts';

const CONTENT_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
} as const;
type DownloadFormat = keyof typeof CONTENT_TYPES;

/** `?version=N` (a positive whole number) or undefined; anything else is a page that does not exist. */
function versionOf(c: Context): number | undefined {
  const text = c.req.query('version');
  if (text === undefined) {
    return undefined;
  }
  if (!/^[1-9]\d{0,5}$/.test(text)) {
    throw new DomainError('NOT_FOUND', '未找到该版本的年度报告');
  }
  return Number(text);
}

/** A published version never changes (its URL names it); the current report may be corrected or published any time. */
function cacheFor(c: Context, report: PublicReport, pinned: boolean): void {
  c.header('Cache-Control', report.status === 'published' && pinned ? 'public, max-age=86400' : 'public, max-age=60');
}

/** `attachment` with an ASCII fallback name and the Chinese title as filename* (RFC 6266 / 5987). */
function dispositionOf(report: PublicReport, format: DownloadFormat): string {
  const suffix = report.status === 'published' ? `-v${report.version}` : '-compiled';
  const ascii = `${report.agency.slug}-${report.year}-annual-report${suffix}.${format}`;
  const title = `${reportTitle(report.document)}${report.status === 'published' ? '' : '（未发布）'}.${format}`;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(title)}`;
}

export function registerReportRoutes(
  portal: Hono,
  deps: { services: () => PortalServices; findAgency: (slug: string) => Promise<PortalAgency> },
): void {
  const reports = (): PortalReports => {
    const ready = deps.services().reports;
    if (ready === undefined) {
      throw new DomainError('NOT_FOUND', '本栏目暂无内容');
    }
    return ready;
  };

  portal.get('/:slug/reports', async (c) => {
    const agency = await deps.findAgency(c.req.param('slug'));
    const years = await reports().list(agency.slug);
    c.header('Cache-Control', 'public, max-age=60');
    sharedPage(c);
    return c.html(renderReportsPage(agency, years));
  });

  portal.get('/:slug/reports/:year{[0-9]{4}}', async (c) => {
    const agency = await deps.findAgency(c.req.param('slug'));
    const version = versionOf(c);
    const report = await reports().show(agency.slug, Number(c.req.param('year')), version);
    cacheFor(c, report, version !== undefined);
    sharedPage(c);
    return c.html(renderReportPage(report));
  });

  portal.get('/:slug/reports/:file{[0-9]{4}\\.(?:docx|xlsx|json)}', async (c) => {
    const agency = await deps.findAgency(c.req.param('slug'));
    const [yearText, format] = c.req.param('file').split('.') as [string, DownloadFormat];
    const version = versionOf(c);
    const report = await reports().show(agency.slug, Number(yearText), version);
    const body = format === 'json' ? `${renderReadingJson(report.reading)}\n` : await reports().render(report.document, format);
    cacheFor(c, report, version !== undefined);
    c.header('Content-Type', CONTENT_TYPES[format]);
    c.header('Content-Disposition', dispositionOf(report, format));
    return c.body(typeof body === 'string' ? body : (body as Uint8Array<ArrayBuffer>));
  });
}
