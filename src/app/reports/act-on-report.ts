// One workflow action on an agency's annual report (issue #8): 提交审核, 审核通过, 退回, 发布,
// 更正 (reopen a published report) or a comment. core/reports/report-workflow.ts decides; this
// records the new state and the action (actor, time, comment) in one transaction, and publishing
// stores the compiled report as a new immutable version that the portal serves from then on.
// Refusals change nothing: FORBIDDEN (role), INVALID_TRANSITION (state), INVALID_INPUT (comment),
// STALE_VERSION (someone changed the report since the page was shown).

import { shanghaiDateOf } from '#core/calendar/local-date.ts';
import { documentText, renderReadingJson } from '#core/reports/render/render-json.ts';
import { decideReportAction, REPORT_STATE_LABEL, type ReportState, type WorkflowAction } from '#core/reports/report-workflow.ts';
import { DomainError } from '#core/shared/domain-error.ts';
import { compileAnnualReport } from '../cases/compile-annual-report.ts';
import { type ReportAccessDeps, type ReportActor, requireReadableAgency, requireReportYear } from './report-access.ts';
import { lastSubmitter } from './show-report-draft.ts';

export interface ReportActionResult {
  readonly state: ReportState;
  readonly revision: number;
  /** The version a publication created. */
  readonly version: number | null;
}

export async function actOnReport(
  deps: ReportAccessDeps,
  input: {
    actor: ReportActor;
    agencySlug: string;
    year: number;
    action: WorkflowAction;
    comment: string;
    /** The revision the page showed. */
    revision: number;
  },
): Promise<ReportActionResult> {
  requireReportYear(input.year);
  const { agency, roles } = await requireReadableAgency(deps, input.actor, input.agencySlug);
  const actor = input.actor.username;
  const history = await deps.reports.actions(agency.id, input.year);
  const submittedBy = lastSubmitter(history);
  // Compiled before the transaction (no second connection inside one): what is submitted is checked,
  // what is published is frozen. The revision check in the transaction makes sure the entries are the ones compiled.
  const compiled =
    input.action === 'submit' || input.action === 'publish'
      ? await compileAnnualReport(deps, {
          agencySlug: agency.slug,
          year: input.year,
          ...(input.action === 'publish' ? { signedOn: shanghaiDateOf(deps.clock.now()) } : {}),
        })
      : undefined;
  const at = deps.clock.now().toISOString();
  return deps.reports.transaction(async (tx) => {
    const workflow = await tx.lockWorkflow(agency.id, input.year, actor);
    const decision = decideReportAction({ state: workflow.state, action: input.action, roles, actor, submittedBy, comment: input.comment });
    if (!decision.ok) {
      throw new DomainError(
        decision.code,
        decision.message,
        decision.code === 'INVALID_INPUT' ? { fields: { comment: decision.message } } : {},
      );
    }
    if (workflow.revision !== input.revision) {
      throw new DomainError('STALE_VERSION', `报告已被他人修改（当前状态：${REPORT_STATE_LABEL[workflow.state]}），请刷新页面后重试`);
    }
    const errors = compiled?.analysis.reading.findings.filter((finding) => finding.severity === 'error').length ?? 0;
    if (errors > 0) {
      throw new DomainError(
        'INVALID_TRANSITION',
        `报告有 ${errors} 项错误，请先修正后再${input.action === 'publish' ? '发布' : '提交审核'}`,
      );
    }
    let version: number | null = null;
    if (input.action === 'publish' && compiled !== undefined) {
      const text = documentText(compiled.document);
      const reading = renderReadingJson(compiled.analysis.reading, text === undefined ? undefined : { text });
      version = await tx.insertPublication(agency.id, input.year, reading, actor, at);
    }
    const comment = input.comment.trim();
    const revision = decision.to === workflow.state && input.action === 'comment' ? workflow.revision : workflow.revision + 1;
    await tx.setWorkflow(agency.id, input.year, decision.to, revision, actor);
    await tx.appendAction(agency.id, input.year, {
      action: input.action,
      fromState: workflow.state,
      toState: decision.to,
      actor,
      comment: comment === '' ? null : comment,
      version,
      at,
    });
    await tx.audit({
      agencyId: agency.id,
      actor,
      action: `report.${input.action}`,
      subject: `report:${input.year}`,
      before: { state: workflow.state },
      after: { state: decision.to, ...(version === null ? {} : { version }), ...(comment === '' ? {} : { comment }) },
    });
    return { state: decision.to, revision, version };
  });
}
