// Use case: a blank annual report — every section and table of the template, no figures — in any
// output format, for an agency to fill in and check (`report new`).
import { newBlankReport } from '#core/reports/render/new-report.ts';
import type { RenderFormat } from '#core/reports/render/render-formats.ts';
import type { TemplateId } from '#core/reports/template.ts';
import { DomainError } from '#core/shared/domain-error.ts';
import type { AppDeps } from './ports.ts';

/** Reports exist from the 2008 regulations on; a year past 2100 is a typing error. */
const FIRST_REPORT_YEAR = 2008;
const LAST_REPORT_YEAR = 2100;

/** Renders a blank report of `template` (2021 or 2019, 国办公开办函〔2021〕30号 / 〔2019〕60号) for `year`. */
export async function renderBlankReport(
  deps: Pick<AppDeps, 'reports'>,
  input: { readonly template: TemplateId; readonly year: number; readonly agency: string | null; readonly format: RenderFormat },
): Promise<string | Uint8Array> {
  if (!Number.isInteger(input.year) || input.year < FIRST_REPORT_YEAR || input.year > LAST_REPORT_YEAR) {
    throw new DomainError('INVALID_INPUT', `--year 必须是四位年份，例如 2026，收到“${input.year}”。`);
  }
  return deps.reports.render(newBlankReport(input.template, input.year, input.agency), input.format, undefined, { authoring: true });
}
