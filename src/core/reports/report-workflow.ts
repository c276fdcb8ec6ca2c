// The annual report's workflow (issue #8): draft → submitted → approved → published, with 退回
// (send back) and comments, and who may do what. A pure decision over the current state, the
// caller's roles in the agency and the history; the use case records what it accepts.
//
// Roles (core/identity/access-policy.ts):
// - 办理人 (officer) and 机构管理员 (agency_admin) edit the draft and submit it;
// - 审核人 (reviewer) approves a submitted report or sends it back; it may not approve a report it
//   submitted itself (four eyes: one person holding both grants cannot push a report through alone);
// - 机构管理员 publishes an approved report, may send an approved report back, and opens a published
//   report for correction (更正), which leads to a new published version;
// - 监督员 and 系统管理员 read only: the report is the agency's own document.
// Sending back and opening a correction need a comment (the reason); a comment alone needs text.

import type { Role } from '../identity/access-policy.ts';

export const REPORT_STATES = ['draft', 'submitted', 'approved', 'published'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

export const REPORT_STATE_LABEL = {
  draft: '草稿',
  submitted: '已提交审核',
  approved: '已审核通过',
  published: '已发布',
} as const satisfies Record<ReportState, string>;

/** What staff do to a report; `edit` records changed entries, `comment` changes no state. */
export const REPORT_ACTIONS = ['edit', 'submit', 'approve', 'send_back', 'publish', 'reopen', 'comment'] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];
/** The actions a workflow button performs. */
export const WORKFLOW_ACTIONS = ['submit', 'approve', 'send_back', 'publish', 'reopen', 'comment'] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

export const REPORT_ACTION_LABEL = {
  edit: '修改内容',
  submit: '提交审核',
  approve: '审核通过',
  send_back: '退回',
  publish: '发布',
  reopen: '更正（重新编辑）',
  comment: '意见',
} as const satisfies Record<ReportAction, string>;

export const isWorkflowAction = (value: string): value is WorkflowAction => (WORKFLOW_ACTIONS as readonly string[]).includes(value);

interface Rule {
  /** States the action starts from and the state it leads to (`same`: unchanged). */
  readonly from: readonly ReportState[];
  readonly to: ReportState | 'same';
  readonly roles: readonly Role[];
  readonly needsComment: boolean;
  /** Who may do it, as the refusal names them. */
  readonly who: string;
}

const RULES: Readonly<Record<ReportAction, Rule>> = {
  edit: { from: ['draft'], to: 'same', roles: ['officer', 'agency_admin'], needsComment: false, who: '办理人或机构管理员' },
  submit: { from: ['draft'], to: 'submitted', roles: ['officer', 'agency_admin'], needsComment: false, who: '办理人或机构管理员' },
  approve: { from: ['submitted'], to: 'approved', roles: ['reviewer'], needsComment: false, who: '审核人' },
  send_back: {
    from: ['submitted', 'approved'],
    to: 'draft',
    roles: ['reviewer', 'agency_admin'],
    needsComment: true,
    who: '审核人或机构管理员',
  },
  publish: { from: ['approved'], to: 'published', roles: ['agency_admin'], needsComment: false, who: '机构管理员' },
  reopen: { from: ['published'], to: 'draft', roles: ['agency_admin'], needsComment: true, who: '机构管理员' },
  comment: {
    from: ['draft', 'submitted', 'approved', 'published'],
    to: 'same',
    roles: ['officer', 'reviewer', 'agency_admin'],
    needsComment: true,
    who: '办理人、审核人或机构管理员',
  },
};

export interface ReportActionInput {
  readonly state: ReportState;
  readonly action: ReportAction;
  /** The caller's roles in the report's agency (its own grants there, not a supervisor's). */
  readonly roles: ReadonlySet<Role>;
  readonly actor: string;
  /** Who submitted the report most recently (four eyes on approval). */
  readonly submittedBy: string | null;
  readonly comment: string;
}

export type ReportActionDecision =
  | { readonly ok: true; readonly to: ReportState }
  | { readonly ok: false; readonly code: 'FORBIDDEN' | 'INVALID_TRANSITION' | 'INVALID_INPUT'; readonly message: string };

/** Longest comment accepted. */
export const COMMENT_MAX = 2000;

/** May a caller with these roles ever do `action` (whatever the state)? */
export function mayPerform(roles: ReadonlySet<Role>, action: ReportAction): boolean {
  return RULES[action].roles.some((role) => roles.has(role));
}

/** Accepts the action with its resulting state, or refuses it with a stable code and a Chinese message. */
export function decideReportAction(input: ReportActionInput): ReportActionDecision {
  const rule = RULES[input.action];
  const label = REPORT_ACTION_LABEL[input.action];
  if (!mayPerform(input.roles, input.action)) {
    return { ok: false, code: 'FORBIDDEN', message: `只有${rule.who}可以${label}` };
  }
  if (!rule.from.includes(input.state)) {
    return {
      ok: false,
      code: 'INVALID_TRANSITION',
      message: `报告当前状态为“${REPORT_STATE_LABEL[input.state]}”，不能${label}`,
    };
  }
  if (input.action === 'approve' && input.submittedBy === input.actor) {
    return { ok: false, code: 'FORBIDDEN', message: '不能审核自己提交的报告，请由其他审核人审核' };
  }
  const comment = input.comment.trim();
  if (rule.needsComment && comment === '') {
    return { ok: false, code: 'INVALID_INPUT', message: input.action === 'comment' ? '请填写意见' : `${label}时请填写理由` };
  }
  if (comment.length > COMMENT_MAX) {
    return { ok: false, code: 'INVALID_INPUT', message: `意见不能超过 ${COMMENT_MAX} 字` };
  }
  return { ok: true, to: rule.to === 'same' ? input.state : rule.to };
}

/** The workflow actions a caller may take now (the buttons to show; only the allowed ones). */
export function availableActions(
  state: ReportState,
  roles: ReadonlySet<Role>,
  actor: string,
  submittedBy: string | null,
): readonly WorkflowAction[] {
  return WORKFLOW_ACTIONS.filter((action) => {
    const decision = decideReportAction({ state, action, roles, actor, submittedBy, comment: 'x' });
    return decision.ok;
  });
}
