// The console's view of an agency's annual report for a year (issue #8): its workflow state and
// history, what staff entered (table 二, narrative), tables 三 and 四 as compiled from the cases, the
// validation findings of the whole compiled report, the published versions, and what the caller
// may do now.

import type { Role } from '#core/identity/access-policy.ts';
import type { Finding } from '#core/reports/report-model.ts';
import { availableActions, mayPerform, type ReportState, type WorkflowAction } from '#core/reports/report-workflow.ts';
import { TEMPLATES, type TemplateId, templateForYear } from '#core/reports/template.ts';
import type { AgencyRef } from '../case-ports.ts';
import { type CompiledReport, compileAnnualReport } from '../cases/compile-annual-report.ts';
import { type ReportAccessDeps, type ReportActor, requireReadableAgency, requireReportYear } from './report-access.ts';
import type { PublicationSummary, ReportActionRecord } from './report-ports.ts';

export interface ReportDraftView {
  readonly agency: AgencyRef;
  readonly year: number;
  readonly template: TemplateId;
  readonly state: ReportState;
  readonly revision: number;
  readonly history: readonly ReportActionRecord[];
  readonly publications: readonly PublicationSummary[];
  /** Stored entries: `cell:<id>` → raw text, `section:<id>` → paragraphs joined by newlines. */
  readonly entries: ReadonlyMap<string, string>;
  /** The report as it would be published now (entries included), with its reading and findings. */
  readonly compiled: CompiledReport;
  readonly findings: readonly Finding[];
  /** Buttons to show: only the actions the caller may take in this state. */
  readonly actions: readonly WorkflowAction[];
  /** The caller may change entries now (draft state and an editing role). */
  readonly mayEdit: boolean;
  /** The caller's own roles in the agency. */
  readonly roles: ReadonlySet<Role>;
  /** Who submitted most recently (null before any submission). */
  readonly submittedBy: string | null;
}

/** The last submitter in the history (four eyes on approval). */
export function lastSubmitter(history: readonly ReportActionRecord[]): string | null {
  for (let i = history.length - 1; i >= 0; i -= 1) {
    if (history[i]?.action === 'submit') {
      return history[i]?.actor ?? null;
    }
  }
  return null;
}

export async function showReportDraft(
  deps: ReportAccessDeps,
  input: { actor: ReportActor; agencySlug: string; year: number },
): Promise<ReportDraftView> {
  requireReportYear(input.year);
  const { agency, roles } = await requireReadableAgency(deps, input.actor, input.agencySlug);
  const [workflow, history, publications, entries, compiled] = await Promise.all([
    deps.reports.workflow(agency.id, input.year),
    deps.reports.actions(agency.id, input.year),
    deps.reports.publications(agency.id, input.year),
    deps.cases.reportEntries(agency.id, input.year),
    compileAnnualReport(deps, { agencySlug: agency.slug, year: input.year }),
  ]);
  const submittedBy = lastSubmitter(history);
  return {
    agency,
    year: input.year,
    template: TEMPLATES[templateForYear(input.year)].id,
    state: workflow.state,
    revision: workflow.revision,
    history,
    publications,
    entries,
    compiled,
    findings: compiled.analysis.reading.findings,
    actions: availableActions(workflow.state, roles, input.actor.username, submittedBy),
    mayEdit: workflow.state === 'draft' && mayPerform(roles, 'edit'),
    roles,
    submittedBy,
  };
}
