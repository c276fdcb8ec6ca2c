// Saves what staff enter for a report year from one console form (issue #8): table 二 cells and
// narrative sections. Every value is checked first (a count is a whole number ≥ 0, 本年增/减 a whole
// number, an amount a number ≥ 0, or a blank-marker such as “/”); any problem refuses the whole form
// with a message per field and nothing is written. Only a draft can be edited, by an officer or
// agency administrator, and only at the revision the form was built from (else STALE_VERSION).

import { isNullMarker, parseCellValue } from '#core/reports/read/parse-cell-value.ts';
import { decideReportAction } from '#core/reports/report-workflow.ts';
import { SECTION_IDS, TEMPLATES, templateForYear } from '#core/reports/template.ts';
import { DomainError } from '#core/shared/domain-error.ts';
import { type ReportAccessDeps, type ReportActor, requireReadableAgency, requireReportYear } from './report-access.ts';
import { lastSubmitter } from './show-report-draft.ts';

/** Longest narrative section accepted (characters). */
export const SECTION_MAX = 20000;
/** Longest table 二 cell text accepted. */
export const CELL_MAX = 40;

/** The Chinese problem with one entry's value, or undefined when it may be stored ('' clears it). */
export function entryProblem(year: number, key: string, value: string): string | undefined {
  const template = TEMPLATES[templateForYear(year)];
  if (key.startsWith('section:')) {
    if (!(SECTION_IDS as readonly string[]).includes(key.slice(8))) {
      return '不是报告正文的部分';
    }
    return value.length > SECTION_MAX ? `不能超过 ${SECTION_MAX} 字` : undefined;
  }
  const cell = key.startsWith('cell:') ? template.cellById.get(key.slice(5)) : undefined;
  if (cell === undefined || cell.table !== '二') {
    return '不是表二的单元格';
  }
  const raw = value.trim();
  if (raw === '' || isNullMarker(raw)) {
    return undefined;
  }
  if (raw.length > CELL_MAX) {
    return '内容过长';
  }
  const number = parseCellValue(raw);
  switch (cell.kind) {
    case 'count':
      return number !== null && Number.isInteger(number) && number >= 0 && /^\d+$/.test(raw.replace(/[,，\s]/g, ''))
        ? undefined
        : '请填写不小于 0 的整数（不适用的填“/”）';
    case 'change':
      return number !== null && Number.isInteger(number) && /^[+-]?\d+$/.test(raw.replace(/[,，\s]/g, ''))
        ? undefined
        : '请填写整数，减少的填负数（如 -3）';
    case 'amount':
      return number !== null && number >= 0 && /^\d+(\.\d+)?$/.test(raw.replace(/[,，\s]/g, ''))
        ? undefined
        : '请填写不小于 0 的数字（单位：万元）';
  }
}

/** Stored form of a value: cells trimmed, sections with normalised line breaks and no empty paragraphs; '' clears. */
function normalise(key: string, value: string): string {
  if (key.startsWith('cell:')) {
    return value.trim();
  }
  return value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');
}

export interface SaveEntriesResult {
  /** Keys whose stored value changed. */
  readonly changed: readonly string[];
  readonly revision: number;
}

export async function saveReportEntries(
  deps: ReportAccessDeps,
  input: {
    actor: ReportActor;
    agencySlug: string;
    year: number;
    /** The revision the form showed. */
    revision: number;
    /** The form's fields: `cell:<id>` or `section:<id>` → text ('' clears). */
    values: Readonly<Record<string, string>>;
  },
): Promise<SaveEntriesResult> {
  requireReportYear(input.year);
  const { agency, roles } = await requireReadableAgency(deps, input.actor, input.agencySlug);
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(input.values)) {
    const problem = entryProblem(input.year, key, value);
    if (problem !== undefined) {
      fields[key] = problem;
    }
  }
  // Read before the transaction: the embedded engine serves one transaction at a time, so nothing
  // inside it may wait for a second connection. The revision check below makes them current.
  const [history, current] = await Promise.all([
    deps.reports.actions(agency.id, input.year),
    deps.cases.reportEntries(agency.id, input.year),
  ]);
  return deps.reports.transaction(async (tx) => {
    const workflow = await tx.lockWorkflow(agency.id, input.year, input.actor.username);
    const decision = decideReportAction({
      state: workflow.state,
      action: 'edit',
      roles,
      actor: input.actor.username,
      submittedBy: lastSubmitter(history),
      comment: '',
    });
    if (!decision.ok) {
      throw new DomainError(decision.code, decision.message);
    }
    if (workflow.revision !== input.revision) {
      throw new DomainError('STALE_VERSION', '报告已被他人修改，请刷新页面后重新填写');
    }
    if (Object.keys(fields).length > 0) {
      throw new DomainError('INVALID_INPUT', '填写的内容有误，请按提示修改', { fields });
    }
    const changed: string[] = [];
    for (const [key, value] of Object.entries(input.values)) {
      const next = normalise(key, value);
      if ((current.get(key) ?? '') === next) {
        continue;
      }
      const before = await tx.setEntry(agency.id, input.year, key, next === '' ? null : next, input.actor.username);
      await tx.audit({
        agencyId: agency.id,
        actor: input.actor.username,
        action: 'report.entry',
        subject: `report:${input.year}:${key}`,
        before,
        after: next === '' ? null : next,
      });
      changed.push(key);
    }
    if (changed.length === 0) {
      return { changed, revision: workflow.revision };
    }
    const revision = workflow.revision + 1;
    await tx.setWorkflow(agency.id, input.year, workflow.state, revision, input.actor.username);
    await tx.appendAction(agency.id, input.year, {
      action: 'edit',
      fromState: workflow.state,
      toState: workflow.state,
      actor: input.actor.username,
      comment: `修改 ${changed.length} 项`,
      version: null,
      at: deps.clock.now().toISOString(),
    });
    return { changed, revision };
  });
}
