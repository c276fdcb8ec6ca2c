// What the console's 年度报告 pages call (app/reports, bound over one database by
// src/compose-report-services.ts): the year's view, saving a form's entries, a workflow action.
import type { ReportActionResult } from '#app/reports/act-on-report.ts';
import type { ReportActor } from '#app/reports/report-access.ts';
import type { SaveEntriesResult } from '#app/reports/save-report-entries.ts';
import type { ReportDraftView } from '#app/reports/show-report-draft.ts';
import type { WorkflowAction } from '#core/reports/report-workflow.ts';

export interface ConsoleReportServices {
  show(actor: ReportActor, agencySlug: string, year: number): Promise<ReportDraftView>;
  save(
    actor: ReportActor,
    agencySlug: string,
    year: number,
    revision: number,
    values: Readonly<Record<string, string>>,
  ): Promise<SaveEntriesResult>;
  act(
    actor: ReportActor,
    agencySlug: string,
    year: number,
    action: WorkflowAction,
    comment: string,
    revision: number,
  ): Promise<ReportActionResult>;
}
