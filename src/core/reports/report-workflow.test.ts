import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Role } from '../identity/access-policy.ts';
import { availableActions, decideReportAction, REPORT_STATES, type ReportAction, type ReportState } from './report-workflow.ts';

const roles = (...list: Role[]) => new Set<Role>(list);
const decide = (
  state: ReportState,
  action: ReportAction,
  who: ReadonlySet<Role>,
  extra: { actor?: string; submittedBy?: string | null; comment?: string } = {},
) =>
  decideReportAction({
    state,
    action,
    roles: who,
    actor: extra.actor ?? 'a',
    submittedBy: extra.submittedBy ?? null,
    comment: extra.comment ?? '',
  });

describe('annual report workflow', () => {
  test('the happy path: draft → submitted → approved → published, then 更正 back to draft', () => {
    assert.deepEqual(decide('draft', 'submit', roles('officer')), { ok: true, to: 'submitted' });
    assert.deepEqual(decide('submitted', 'approve', roles('reviewer'), { actor: 'r', submittedBy: 'o' }), { ok: true, to: 'approved' });
    assert.deepEqual(decide('approved', 'publish', roles('agency_admin')), { ok: true, to: 'published' });
    assert.deepEqual(decide('published', 'reopen', roles('agency_admin'), { comment: '表二有误' }), { ok: true, to: 'draft' });
  });

  test('退回 from submitted or approved needs a reason', () => {
    assert.deepEqual(decide('submitted', 'send_back', roles('reviewer'), { comment: '表二缺数' }), { ok: true, to: 'draft' });
    assert.deepEqual(decide('approved', 'send_back', roles('agency_admin'), { comment: '需补充' }), { ok: true, to: 'draft' });
    assert.deepEqual(decide('submitted', 'send_back', roles('reviewer'), { comment: '  ' }), {
      ok: false,
      code: 'INVALID_INPUT',
      message: '退回时请填写理由',
    });
  });

  test('a state that does not allow the action: INVALID_TRANSITION with the state named in Chinese', () => {
    assert.deepEqual(decide('draft', 'publish', roles('agency_admin')), {
      ok: false,
      code: 'INVALID_TRANSITION',
      message: '报告当前状态为“草稿”，不能发布',
    });
    assert.deepEqual(decide('published', 'submit', roles('officer')), {
      ok: false,
      code: 'INVALID_TRANSITION',
      message: '报告当前状态为“已发布”，不能提交审核',
    });
    assert.equal(decide('submitted', 'edit', roles('officer')).ok, false);
  });

  test('roles: the wrong role is FORBIDDEN whatever the state; supervisors and system administrators only read', () => {
    assert.deepEqual(decide('submitted', 'approve', roles('officer')), { ok: false, code: 'FORBIDDEN', message: '只有审核人可以审核通过' });
    assert.deepEqual(decide('approved', 'publish', roles('reviewer')), { ok: false, code: 'FORBIDDEN', message: '只有机构管理员可以发布' });
    for (const action of ['edit', 'submit', 'approve', 'send_back', 'publish', 'reopen', 'comment'] as const) {
      for (const state of REPORT_STATES) {
        assert.equal(decide(state, action, roles('supervisor', 'system_admin'), { comment: 'x' }).ok, false, `${action} in ${state}`);
      }
    }
  });

  test('four eyes: a reviewer cannot approve the report it submitted itself', () => {
    assert.deepEqual(decide('submitted', 'approve', roles('officer', 'reviewer'), { actor: 'li', submittedBy: 'li' }), {
      ok: false,
      code: 'FORBIDDEN',
      message: '不能审核自己提交的报告，请由其他审核人审核',
    });
  });

  test('the buttons shown are exactly the allowed actions', () => {
    assert.deepEqual(availableActions('draft', roles('officer'), 'o', null), ['submit', 'comment']);
    assert.deepEqual(availableActions('submitted', roles('reviewer'), 'r', 'o'), ['approve', 'send_back', 'comment']);
    assert.deepEqual(availableActions('submitted', roles('reviewer'), 'o', 'o'), ['send_back', 'comment']);
    assert.deepEqual(availableActions('approved', roles('agency_admin'), 'a', 'o'), ['send_back', 'publish', 'comment']);
    assert.deepEqual(availableActions('published', roles('agency_admin'), 'a', 'o'), ['reopen', 'comment']);
    assert.deepEqual(availableActions('published', roles('supervisor'), 's', 'o'), []);
  });
});
