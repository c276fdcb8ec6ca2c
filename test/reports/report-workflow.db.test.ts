// The annual report workflow's use cases on both engines (issue #8): entries saved from a form
// (validated per field, nothing written on any problem), draft → submitted → approved → published
// with 退回 and comments recorded with actor and time, refusals that change nothing (Chinese
// message), role and agency denials, stale forms, and the append-only history and snapshots.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type pg from 'pg';
import { setReportEntry } from '#app/cases/record-appeal.ts';
import { actOnReport } from '#app/reports/act-on-report.ts';
import type { ReportAccessDeps, ReportActor } from '#app/reports/report-access.ts';
import { saveReportEntries } from '#app/reports/save-report-entries.ts';
import { showReportDraft } from '#app/reports/show-report-draft.ts';
import type { WorkflowAction } from '#core/reports/report-workflow.ts';
import { DomainError } from '#core/shared/domain-error.ts';
import { forEachEngine } from '#test/db-harness.ts';
import { reportDepsOf } from '../../src/compose-report-services.ts';

const NOW = new Date('2026-01-12T03:00:00Z');
const YEAR = 2025;

/** Rejects with a DomainError of this code and message (the refusal the user sees). */
async function refused(promise: Promise<unknown>, code: string, message?: RegExp): Promise<DomainError> {
  const error = await promise.then(
    () => assert.fail(`expected ${code}`),
    (e: unknown) => e,
  );
  assert.ok(error instanceof DomainError, String(error));
  assert.equal(error.code, code, error.message);
  if (message !== undefined) {
    assert.match(error.message, message);
  }
  return error;
}

forEachEngine('annual report workflow', ({ database }) => {
  let deps: ReportAccessDeps;
  let pool: pg.Pool;
  let agencyId: number;
  const slug = 'wf-city';
  const other = 'wf-other';
  const officer: ReportActor = { username: 'wang', grants: [{ agency: slug, role: 'officer' }] };
  const reviewer: ReportActor = { username: 'zhao', grants: [{ agency: slug, role: 'reviewer' }] };
  const admin: ReportActor = { username: 'qian', grants: [{ agency: slug, role: 'agency_admin' }] };
  const both: ReportActor = {
    username: 'sun',
    grants: [
      { agency: slug, role: 'officer' },
      { agency: slug, role: 'reviewer' },
    ],
  };
  const supervisor: ReportActor = { username: 'zhou', grants: [{ agency: 'wf-province', role: 'supervisor' }] };
  const outsider: ReportActor = { username: 'wu', grants: [{ agency: other, role: 'agency_admin' }] };

  const revision = async () => (await deps.reports.workflow(agencyId, YEAR)).revision;
  const act = async (actor: ReportActor, action: WorkflowAction, comment = '') =>
    actOnReport(deps, { actor, agencySlug: slug, year: YEAR, action, comment, revision: await revision() });
  const save = async (actor: ReportActor, values: Record<string, string>, at?: number) =>
    saveReportEntries(deps, { actor, agencySlug: slug, year: YEAR, revision: at ?? (await revision()), values });
  /** Everything a refusal must leave unchanged. */
  const snapshot = async () => ({
    workflow: await deps.reports.workflow(agencyId, YEAR),
    actions: (await deps.reports.actions(agencyId, YEAR)).length,
    entries: [...(await deps.cases.reportEntries(agencyId, YEAR))].sort(),
    publications: (await deps.reports.publications(agencyId, YEAR)).length,
  });

  before(async () => {
    const opened = await database();
    pool = opened.pool;
    const inserted = await pool.query<{ id: number; slug: string }>(
      "insert into agencies (slug, name) values ('wf-province', '示例省政府'), ($1, '示例市民政局'), ($2, '另一市民政局') returning id, slug",
      [slug, other],
    );
    agencyId = inserted.rows.find((row) => row.slug === slug)!.id;
    await pool.query("update agencies set parent_id = (select id from agencies where slug = 'wf-province') where slug = $1", [slug]);
    deps = {
      ...reportDepsOf(opened.db, () => NOW),
      agencyTree: async () =>
        new Map([
          ['wf-province', null],
          [slug, 'wf-province'],
          [other, null],
        ]),
    };
  });

  test('saving table 二 and the narrative: stored, revision and history recorded; a bad field refuses the whole form', async () => {
    const saved = await save(officer, {
      'cell:rules.issued': ' 3 ',
      'cell:rules.repealed': '/',
      'section:problems': '一是……\r\n\r\n二是……',
    });
    assert.deepEqual([...saved.changed].sort(), ['cell:rules.issued', 'cell:rules.repealed', 'section:problems']);
    assert.equal(saved.revision, 1);
    const entries = await deps.cases.reportEntries(agencyId, YEAR);
    assert.equal(entries.get('cell:rules.issued'), '3');
    assert.equal(entries.get('section:problems'), '一是……\n二是……');
    const before = await snapshot();
    const error = await refused(
      save(officer, {
        'cell:rules.issued': '4',
        'cell:rules.in_force': '-2',
        'cell:items.items_change': '1.5',
        'cell:fees.amount_wan': 'abc',
        'cell:received.total': '9',
      }),
      'INVALID_INPUT',
    );
    assert.deepEqual(error.details.fields, {
      'cell:rules.in_force': '请填写不小于 0 的整数（不适用的填“/”）',
      'cell:fees.amount_wan': '请填写不小于 0 的数字（单位：万元）',
      'cell:received.total': '不是表二的单元格',
      'cell:items.items_change': '不是表二的单元格',
    });
    assert.deepEqual(await snapshot(), before, 'nothing written');
    // Unchanged values are not a change: no new revision, no history line.
    assert.deepEqual((await save(officer, { 'cell:rules.issued': '3' })).changed, []);
    assert.deepEqual(await snapshot(), before);
    // Clearing a cell removes it (missing is not zero).
    await save(admin, { 'cell:rules.repealed': '' });
    assert.equal((await deps.cases.reportEntries(agencyId, YEAR)).has('cell:rules.repealed'), false);
    await refused(save(officer, { 'cell:rules.issued': '5' }, 1), 'STALE_VERSION', /已被他人修改/);
  });

  test('denials: a reviewer or supervisor may not edit, another agency sees nothing (NOT_FOUND)', async () => {
    const before = await snapshot();
    await refused(save(reviewer, { 'cell:rules.issued': '9' }), 'FORBIDDEN', /只有办理人或机构管理员可以修改内容/);
    await refused(save(supervisor, { 'cell:rules.issued': '9' }), 'FORBIDDEN');
    await refused(save(outsider, { 'cell:rules.issued': '9' }), 'NOT_FOUND');
    await refused(act(outsider, 'comment', '看看'), 'NOT_FOUND');
    await refused(showReportDraft(deps, { actor: outsider, agencySlug: slug, year: YEAR }), 'NOT_FOUND');
    await refused(act(supervisor, 'comment', '看看'), 'FORBIDDEN');
    const view = await showReportDraft(deps, { actor: supervisor, agencySlug: slug, year: YEAR });
    assert.deepEqual([view.state, view.mayEdit, view.actions], ['draft', false, []]);
    assert.deepEqual(await snapshot(), before);
  });

  test('submit → 退回 with a reason → submit → approve (four eyes) → publish; every step with actor, time and comment', async () => {
    assert.deepEqual((await act(officer, 'submit')).state, 'submitted');
    const before = await snapshot();
    await refused(save(officer, { 'cell:rules.issued': '4' }), 'INVALID_TRANSITION', /报告当前状态为“已提交审核”，不能修改内容/);
    await refused(act(officer, 'approve'), 'FORBIDDEN', /只有审核人可以审核通过/);
    await refused(act(admin, 'publish'), 'INVALID_TRANSITION', /报告当前状态为“已提交审核”，不能发布/);
    await refused(act(reviewer, 'send_back'), 'INVALID_INPUT', /退回时请填写理由/);
    assert.deepEqual(await snapshot(), before, 'refusals change nothing');
    assert.deepEqual((await act(reviewer, 'send_back', '表二现行有效件数未填')).state, 'draft');
    await save(officer, { 'cell:rules.in_force': '12' });
    await act(both, 'submit');
    await refused(act(both, 'approve'), 'FORBIDDEN', /不能审核自己提交的报告/);
    await act(reviewer, 'comment', '已核对表三');
    assert.equal((await deps.reports.workflow(agencyId, YEAR)).state, 'submitted');
    await act(reviewer, 'approve');
    const view = await showReportDraft(deps, { actor: admin, agencySlug: slug, year: YEAR });
    assert.deepEqual(view.actions, ['send_back', 'publish', 'comment']);
    const published = await act(admin, 'publish');
    assert.deepEqual([published.state, published.version], ['published', 1]);
    const history = await deps.reports.actions(agencyId, YEAR);
    assert.deepEqual(
      history.map((a) => [a.action, a.fromState, a.toState, a.actor, a.comment]),
      [
        ['edit', 'draft', 'draft', 'wang', '修改 3 项'],
        ['edit', 'draft', 'draft', 'qian', '修改 1 项'],
        ['submit', 'draft', 'submitted', 'wang', null],
        ['send_back', 'submitted', 'draft', 'zhao', '表二现行有效件数未填'],
        ['edit', 'draft', 'draft', 'wang', '修改 1 项'],
        ['submit', 'draft', 'submitted', 'sun', null],
        ['comment', 'submitted', 'submitted', 'zhao', '已核对表三'],
        ['approve', 'submitted', 'approved', 'zhao', null],
        ['publish', 'approved', 'published', 'qian', null],
      ],
    );
    assert.ok(history.every((a) => Date.parse(a.at) === NOW.getTime()));
    assert.equal(history.at(-1)?.version, 1);
    const stored = await deps.reports.publication(agencyId, YEAR);
    const reading = JSON.parse(stored!.reading);
    assert.equal(reading.cells.find((c: { id: string }) => c.id === 'rules.in_force').value, 12);
    assert.deepEqual(reading.text.signature, { agency: '示例市民政局', date: '2026-01-12' });
    assert.deepEqual(reading.text.sections.problems, ['一是……', '二是……']);
  });

  test('a published report: only 更正 (with a reason) reopens it; snapshots and history are append-only', async () => {
    await refused(save(admin, { 'cell:rules.issued': '5' }), 'INVALID_TRANSITION', /已发布/);
    // `gongkai report set` goes through the same rule: a published report is not changed behind the workflow.
    const before = await snapshot();
    await refused(
      setReportEntry(deps, { agencySlug: slug, year: YEAR, key: 'cell:rules.issued', value: '5', actor: 'cli' }),
      'INVALID_TRANSITION',
      /2025 年报告已发布，不能修改/,
    );
    assert.deepEqual(await snapshot(), before);
    await refused(act(officer, 'reopen', '更正'), 'FORBIDDEN');
    await refused(act(admin, 'reopen'), 'INVALID_INPUT', /更正（重新编辑）时请填写理由/);
    await act(admin, 'reopen', '表二规章数有误');
    // …while a draft, it may, and the console's open forms become stale.
    const draftRevision = await revision();
    await setReportEntry(deps, { agencySlug: slug, year: YEAR, key: 'cell:rules.issued', value: '4', actor: 'cli' });
    await refused(save(officer, { 'cell:rules.issued': '5' }, draftRevision), 'STALE_VERSION');
    await save(officer, { 'cell:rules.issued': '5' });
    await act(officer, 'submit');
    await act(reviewer, 'approve');
    assert.equal((await act(admin, 'publish')).version, 2);
    const versions = await deps.reports.publications(agencyId, YEAR);
    assert.deepEqual(
      versions.map((v) => [v.version, v.publishedBy]),
      [
        [2, 'qian'],
        [1, 'qian'],
      ],
    );
    const first = JSON.parse((await deps.reports.publication(agencyId, YEAR, 1))!.reading);
    assert.equal(first.cells.find((c: { id: string }) => c.id === 'rules.issued').value, 3);
    await assert.rejects(pool.query('update report_publications set published_by = $1', ['x']), /append-only/);
    await assert.rejects(pool.query('delete from report_actions'), /append-only/);
  });

  test('a report with error findings cannot be submitted (T2-2019-CUMULATIVE on the 2019 template), and nothing changes', async () => {
    const year = 2020;
    const rev = async () => (await deps.reports.workflow(agencyId, year)).revision;
    await saveReportEntries(deps, {
      actor: officer,
      agencySlug: slug,
      year,
      revision: await rev(),
      values: { 'cell:rules.new_published': '5', 'cell:rules.published_total': '3' },
    });
    const before = await deps.reports.workflow(agencyId, year);
    await refused(
      actOnReport(deps, { actor: officer, agencySlug: slug, year, action: 'submit', comment: '', revision: before.revision }),
      'INVALID_TRANSITION',
      /报告有 1 项错误，请先修正后再提交审核/,
    );
    assert.deepEqual(await deps.reports.workflow(agencyId, year), before);
    const view = await showReportDraft(deps, { actor: officer, agencySlug: slug, year });
    assert.deepEqual(
      view.findings.filter((f) => f.severity === 'error').map((f) => [f.rule, f.cells]),
      [['T2-2019-CUMULATIVE', ['rules.new_published', 'rules.published_total']]],
    );
  });
});
