// The portal's 年度报告 (issue #8) on the real use cases and database, both engines: the list of
// years, a year's report as an HTML page (compiled and marked 尚未发布, later the published version
// and its history), and the .docx / .xlsx / .json downloads — each read back through our own reader
// (`gongkai report read`) to the same cells; the JSON is what `report compile --json` prints.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { Hono } from 'hono';
import { createDbAgencyStore } from '#adapters/db/agency-store.ts';
import { openAccess } from '#adapters/db/lazy-database.ts';
import { PAGE_CACHE_HEADER } from '#adapters/http/page-cache.ts';
import { importCases } from '#app/cases/import-cases.ts';
import { setReportEntry } from '#app/cases/record-appeal.ts';
import { actOnReport } from '#app/reports/act-on-report.ts';
import type { ReportAccessDeps, ReportActor } from '#app/reports/report-access.ts';
import type { WorkflowAction } from '#core/reports/report-workflow.ts';
import { runInProcess } from '#test/cli/run-in-process.ts';
import { forEachEngine } from '#test/db-harness.ts';
import { makeTempDir } from '#test/temp-dir.ts';
import { portalRoutes } from '#web/portal/portal-routes.ts';
import { portalServicesOf } from '#web/portal/portal-services.ts';
import { composePortalReports, reportDepsOf } from '../../src/compose-report-services.ts';

const NOW = new Date('2026-03-02T02:00:00Z'); // Monday 2 March 2026, 10:00 in Beijing
const SLUG = 'rpt';
const NAME = '示例市统计局';

const line = (externalId: string, received: string, applicantType: string, reply?: { date: string; outcome: string }) =>
  JSON.stringify({
    externalId,
    channel: 'online',
    received,
    applicantType,
    events: reply === undefined ? [] : [{ type: 'replied', date: reply.date, outcome: reply.outcome }],
    outcome: reply?.outcome ?? null,
  });

// 2025 by hand: received 3 自然人 + 1 商业企业; 予以公开 2 (自然人), 部分公开 1 (商业企业); one 自然人 case open on 31 December.
const CASES = [
  line('P0', '2024-06-03', 'natural_person', { date: '2024-06-20', outcome: 'outcome.disclosed' }),
  line('P1', '2025-03-03', 'natural_person', { date: '2025-03-20', outcome: 'outcome.disclosed' }),
  line('P2', '2025-04-01', 'natural_person', { date: '2025-04-15', outcome: 'outcome.disclosed' }),
  line('P3', '2025-05-06', 'commercial_enterprise', { date: '2025-05-20', outcome: 'outcome.partial' }),
  line('P4', '2025-12-22', 'natural_person'),
].join('\n');

type Cell = { id: string; value: number | null };
const cellsOf = (reading: { cells: Cell[] }) => reading.cells.map((c) => [c.id, c.value] as const);
const cellValue = (reading: { cells: Cell[] }, id: string) => reading.cells.find((c) => c.id === id)?.value;

forEachEngine('portal annual reports', ({ database }) => {
  let app: Hono;
  let url: string;
  let deps: ReportAccessDeps;
  let dir: string;
  const officer: ReportActor = { username: 'wang', grants: [{ agency: SLUG, role: 'officer' }] };
  const reviewer: ReportActor = { username: 'zhao', grants: [{ agency: SLUG, role: 'reviewer' }] };
  const admin: ReportActor = { username: 'qian', grants: [{ agency: SLUG, role: 'agency_admin' }] };

  const cli = (args: string[]) =>
    runInProcess(args, { env: { DATABASE_URL: url, GONGKAI_DATA_DIR: dir }, cwd: dir, isTTY: false, now: () => NOW });

  type Reading = { cells: Cell[]; year: number; agency: string; template: string; source: string };
  /** Downloads → files → one `gongkai report read FILE… --json` → the readings, by file name. */
  const readBack = async (files: Readonly<Record<string, Uint8Array>>) => {
    const paths = [];
    for (const [name, bytes] of Object.entries(files)) {
      paths.push(join(dir, name));
      await writeFile(join(dir, name), bytes);
    }
    const run = await cli(['report', 'read', ...paths, '--json']);
    const readings = run.out
      .trim()
      .split('\n')
      .map((text) => JSON.parse(text) as Reading);
    assert.equal(readings.length, paths.length, run.err);
    return new Map(readings.map((reading) => [reading.source.split('/').pop() ?? '', reading]));
  };
  const download = async (path: string) => {
    const response = await app.request(path);
    assert.equal(response.status, 200, path);
    return new Uint8Array(await response.arrayBuffer());
  };

  const act = async (actor: ReportActor, action: WorkflowAction, comment = '') => {
    const workflow = await deps.reports.workflow((await deps.cases.findAgency(SLUG))!.id, 2025);
    return actOnReport(deps, { actor, agencySlug: SLUG, year: 2025, action, comment, revision: workflow.revision });
  };

  before(async () => {
    const opened = await database();
    url = opened.url;
    dir = await makeTempDir('gongkai-portal-reports-');
    const agencies = createDbAgencyStore(openAccess(opened.db));
    await agencies.add({ slug: SLUG, name: NAME, kind: 'department' });
    const reportDeps = reportDepsOf(opened.db, () => NOW);
    deps = { ...reportDeps, agencyTree: async () => new Map([[SLUG, null]]) };
    const imported = await importCases(reportDeps, { agencySlug: SLUG, text: CASES, actor: 'import' });
    assert.deepEqual([imported.imported, imported.rejected], [5, 0]);
    const unused = async () => {
      throw new Error('not used here');
    };
    const services = portalServicesOf({
      agencies,
      cases: { createApplication: unused, lookupApplicationStatus: unused },
      reports: composePortalReports(reportDeps),
    });
    app = new Hono();
    app.route('/', portalRoutes({ services: () => services, intakeRateLimit: 'off', log: () => {} }));
  });

  test('the agency home links its 年度报告 column to the list; the list shows the closed years with data, compiled and marked', async () => {
    const home = await (await app.request(`/${SLUG}/`)).text();
    assert.match(home, new RegExp(`<a href="/${SLUG}/reports">查看年度报告</a>`));
    const list = await app.request(`/${SLUG}/reports`);
    assert.equal(list.status, 200);
    const page = await list.text();
    const years = [...page.matchAll(new RegExp(`href="/${SLUG}/reports/(\\d{4})"`, 'g'))].map((m) => m[1]);
    assert.deepEqual(years, ['2025', '2024']); // 2026 is not over; nothing before 2024
    assert.equal(page.match(/依据办理数据生成，尚未发布/g)?.length, 2);
  });

  test('a compiled year: the official tables with the hand-counted figures, the 尚未发布 mark, no staff draft', async () => {
    await setReportEntry(deps, { agencySlug: SLUG, year: 2025, key: 'cell:rules.issued', value: '7', actor: 'wang' });
    await setReportEntry(deps, { agencySlug: SLUG, year: 2025, key: 'section:problems', value: '草稿：尚未审核的文字', actor: 'wang' });
    const response = await app.request(`/${SLUG}/reports/2025`);
    assert.equal(response.status, 200);
    // The same page for every visitor: the server's page cache may keep it (downloads are not offered).
    assert.equal(response.headers.get(PAGE_CACHE_HEADER), '/:slug/reports/:year{[0-9]{4}}');
    assert.equal((await app.request(`/${SLUG}/reports`)).headers.get(PAGE_CACHE_HEADER), '/:slug/reports');
    assert.equal((await app.request(`/${SLUG}/reports/2025.json`)).headers.get(PAGE_CACHE_HEADER), null);
    const page = await response.text();
    assert.match(page, /<h1 class="report-title">示例市统计局2025年政府信息公开工作年度报告<\/h1>/);
    assert.match(page, /依据办理数据生成，尚未发布/);
    const cell = (id: string) => new RegExp(`data-cell="${id.replace('.', '\\.')}">([^<]*)<`).exec(page)?.[1];
    assert.equal(cell('received.natural_person'), '3');
    assert.equal(cell('received.commercial_enterprise'), '1');
    assert.equal(cell('received.total'), '4');
    assert.equal(cell('outcome.disclosed.natural_person'), '2');
    assert.equal(cell('outcome.partial.commercial_enterprise'), '1');
    assert.equal(cell('outcome.total.total'), '3');
    assert.equal(cell('carried_out.natural_person'), '1');
    assert.equal(cell('rules.issued'), '', 'table 二 stays empty until published');
    assert.doesNotMatch(page, /尚未审核的文字/);
    for (const format of ['docx', 'xlsx', 'json']) {
      assert.match(page, new RegExp(`href="/${SLUG}/reports/2025\\.${format}"`));
    }
    assert.equal((await app.request(`/${SLUG}/reports/2026`)).status, 404);
    assert.equal((await app.request(`/${SLUG}/reports/2023`)).status, 404);
    assert.equal((await app.request(`/${SLUG}/reports/2025?version=1`)).status, 404);
    assert.equal((await app.request(`/${SLUG}/reports/2025?version=x`)).status, 404);
    assert.equal((await app.request('/nobody/reports')).status, 404);
  });

  test('compiled downloads: the JSON is `report compile --json` without the draft entries; DOCX and XLSX read back to the same cells', async () => {
    const json = await app.request(`/${SLUG}/reports/2025.json`);
    assert.equal(json.status, 200);
    assert.match(json.headers.get('content-type') ?? '', /^application\/json/);
    assert.match(json.headers.get('content-disposition') ?? '', /^attachment; filename="rpt-2025-annual-report-compiled\.json"/);
    const portalJson = await json.text();
    const reading = JSON.parse(portalJson);
    assert.equal(reading.schema, 'gongkai/report-read@1');
    assert.equal(cellValue(reading, 'received.total'), 4);
    assert.equal(cellValue(reading, 'rules.issued'), undefined);
    // The CLI compiles with the stored entries: the same object once table 二's draft cell is taken out.
    const compiled = await cli(['report', 'compile', '--agency', SLUG, '--year', '2025', '--json']);
    const cliReading = JSON.parse(compiled.out);
    assert.equal(cellValue(cliReading, 'rules.issued'), 7);
    assert.deepEqual(
      cellsOf(reading),
      cellsOf(cliReading).filter(([id]) => id !== 'rules.issued'),
    );

    const docx = await download(`/${SLUG}/reports/2025.docx`);
    const xlsx = await download(`/${SLUG}/reports/2025.xlsx`);
    assert.deepEqual([...docx.slice(0, 2), ...xlsx.slice(0, 2)], [0x50, 0x4b, 0x50, 0x4b], 'both are zip packages');
    const back = await readBack({
      'compiled-2025.json': new TextEncoder().encode(portalJson),
      'compiled-2025.docx': docx,
      'compiled-2025.xlsx': xlsx,
    });
    for (const [name, read] of back) {
      assert.deepEqual([read.agency, read.year, read.template], [NAME, 2025, '2021'], name);
      assert.deepEqual(cellsOf(read), cellsOf(reading), name);
    }
  });

  test('once published the portal serves the frozen snapshot; a correction is version 2 and version 1 stays readable', async () => {
    await act(officer, 'submit');
    await act(reviewer, 'approve');
    const first = await act(admin, 'publish');
    assert.deepEqual([first.state, first.version], ['published', 1]);
    // Case data changing later does not change the published report.
    await importCases(deps, {
      agencySlug: SLUG,
      text: line('P5', '2025-06-02', 'research_institution', { date: '2025-06-10', outcome: 'outcome.disclosed' }),
      actor: 'import',
    });
    const page = await (await app.request(`/${SLUG}/reports/2025`)).text();
    assert.match(page, /本报告于2026年3月2日发布。/);
    assert.doesNotMatch(page, /尚未发布/);
    assert.match(page, /草稿：尚未审核的文字/);
    assert.match(page, /data-cell="rules\.issued">7</);
    assert.match(page, /data-cell="received\.total">4</);
    const list = await (await app.request(`/${SLUG}/reports`)).text();
    assert.match(list, /2025年政府信息公开工作年度报告<\/a> <span class="tag">2026年3月2日发布<\/span>/);

    const v1 = JSON.parse(await (await app.request(`/${SLUG}/reports/2025.json`)).text());
    assert.equal(cellValue(v1, 'rules.issued'), 7);
    assert.equal(cellValue(v1, 'received.total'), 4);
    const back = await readBack({
      'published-2025.docx': await download(`/${SLUG}/reports/2025.docx`),
      'published-2025.xlsx': await download(`/${SLUG}/reports/2025.xlsx`),
    });
    for (const [name, read] of back) {
      assert.deepEqual(cellsOf(read), cellsOf(v1), name);
    }

    await act(admin, 'reopen', '表二数字有误');
    await setReportEntry(deps, { agencySlug: SLUG, year: 2025, key: 'cell:rules.issued', value: '8', actor: 'wang' });
    await act(officer, 'submit');
    await act(reviewer, 'approve');
    assert.equal((await act(admin, 'publish')).version, 2);

    const current = await (await app.request(`/${SLUG}/reports/2025`)).text();
    assert.match(current, /（第2版）/);
    assert.match(current, /data-cell="rules\.issued">8</);
    assert.match(current, /data-cell="received\.total">5</);
    assert.match(current, new RegExp(`<a href="/${SLUG}/reports/2025\\?version=1">第1版，2026年3月2日发布</a>（已更正）`));
    const old = await app.request(`/${SLUG}/reports/2025?version=1`);
    assert.equal(old.status, 200);
    const oldPage = await old.text();
    assert.match(oldPage, /这是历史版本/);
    assert.match(oldPage, /data-cell="rules\.issued">7</);
    assert.match(oldPage, new RegExp(`href="/${SLUG}/reports/2025\\.json\\?version=1"`));
    const oldJson = JSON.parse(await (await app.request(`/${SLUG}/reports/2025.json?version=1`)).text());
    assert.deepEqual(cellsOf(oldJson), cellsOf(v1));
    assert.equal((await app.request(`/${SLUG}/reports/2025?version=3`)).status, 404);
  });
});
