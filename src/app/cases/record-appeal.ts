// 行政复议 / 行政诉讼 cases (table 四, statute.md §7.2) and the staff entries of the annual report
// (table 二, narrative): small write use cases, each audited.

import { type LocalDate, parseLocalDate } from '#core/calendar/local-date.ts';
import { APPEAL_DECISIONS, APPEAL_KINDS, type AppealKind, isAppealDecision } from '#core/cases/appeal-case.ts';
import { REPORT_STATE_LABEL } from '#core/reports/report-workflow.ts';
import { SECTION_IDS, TEMPLATES, templateForYear } from '#core/reports/template.ts';
import { DomainError } from '#core/shared/domain-error.ts';
import type { CaseDeps } from '../case-ports.ts';
import { requireAgency, requireCase, todayOf } from './case-context.ts';

function date(value: unknown, field: string, today: LocalDate): LocalDate {
  const parsed = typeof value === 'string' ? parseLocalDate(value) : undefined;
  if (parsed === undefined || parsed > today || parsed < '1990-01-01') {
    throw new DomainError('INVALID_INPUT', `“${field}”应为不晚于今天的 YYYY-MM-DD 日期`, { fields: { [field]: '日期无效' } });
  }
  return parsed;
}

export interface RecordAppealInput {
  readonly agencySlug: string;
  readonly kind: unknown;
  readonly filedOn: unknown;
  /** The application the case concerns (its case code), if any. */
  readonly caseCode?: string;
  readonly reference?: string;
  readonly actor: string;
}

/** Registers a review or litigation case (pending until decided). Returns its ID. */
export async function recordAppeal(deps: CaseDeps, input: RecordAppealInput): Promise<{ id: number }> {
  const { today } = todayOf(deps);
  if (typeof input.kind !== 'string' || !(APPEAL_KINDS as readonly string[]).includes(input.kind)) {
    throw new DomainError('INVALID_INPUT', `类型应为 ${APPEAL_KINDS.join('、')} 之一`, { fields: { kind: '类型无效' } });
  }
  const filedOn = date(input.filedOn, 'filedOn', today);
  const agency = await requireAgency(deps, input.agencySlug);
  const linked = input.caseCode === undefined ? null : await requireCase(deps, input.caseCode, [agency.id]);
  return deps.cases.transaction(async (tx) => {
    const id = await tx.insertAppeal({
      agencyId: agency.id,
      kind: input.kind as AppealKind,
      caseId: linked?.id ?? null,
      reference: input.reference ?? null,
      filedOn,
      decidedOn: null,
      decision: null,
      result: null,
    });
    await tx.audit({
      agencyId: agency.id,
      actor: input.actor,
      action: 'appeal.create',
      subject: `appeal:${id}`,
      before: null,
      after: { kind: input.kind, filedOn },
    });
    return { id };
  });
}

/** Records the decision of a review or litigation case (once). */
export async function decideAppeal(
  deps: CaseDeps,
  input: { agencySlug: string; id: number; decidedOn: unknown; decision: unknown; actor: string },
): Promise<void> {
  const { today } = todayOf(deps);
  const decidedOn = date(input.decidedOn, 'decidedOn', today);
  if (!isAppealDecision(input.decision)) {
    throw new DomainError('INVALID_INPUT', `结果应为 ${Object.keys(APPEAL_DECISIONS).join('、')} 之一`, {
      fields: { decision: '结果无效' },
    });
  }
  const decision = input.decision;
  const agency = await requireAgency(deps, input.agencySlug);
  await deps.cases.transaction(async (tx) => {
    const appeal = await tx.lockAppeal(agency.id, input.id);
    if (appeal === null) {
      throw new DomainError('NOT_FOUND', `未找到复议或诉讼案件 ${input.id}`);
    }
    if (appeal.decidedOn !== null) {
      throw new DomainError('INVALID_TRANSITION', `该案件已于 ${appeal.decidedOn} 审结`, { reason: 'APPEAL_DECIDED' });
    }
    if (decidedOn < appeal.filedOn) {
      throw new DomainError('INVALID_INPUT', `审结日期 ${decidedOn} 早于立案日期 ${appeal.filedOn}`, {
        fields: { decidedOn: '早于立案日期' },
      });
    }
    const result = APPEAL_DECISIONS[decision].result;
    await tx.decideAppeal(agency.id, input.id, decidedOn, decision, result);
    await tx.audit({
      agencyId: agency.id,
      actor: input.actor,
      action: 'appeal.decide',
      subject: `appeal:${input.id}`,
      before: { decidedOn: null },
      after: { decidedOn, decision, result },
    });
  });
}

/**
 * Records what staff enter for a report year: a table 二 cell (`cell:<id>`, raw text as printed, null to
 * clear) or a narrative section (`section:<id>`, paragraphs separated by newlines).
 */
export async function setReportEntry(
  deps: CaseDeps,
  input: { agencySlug: string; year: number; key: string; value: string | null; actor: string },
): Promise<void> {
  const template = TEMPLATES[templateForYear(input.year)];
  const cellId = input.key.startsWith('cell:') ? input.key.slice(5) : undefined;
  const sectionId = input.key.startsWith('section:') ? input.key.slice(8) : undefined;
  const valid =
    (cellId !== undefined && template.cellById.get(cellId)?.table === '二') ||
    (sectionId !== undefined && (SECTION_IDS as readonly string[]).includes(sectionId));
  if (!valid || !Number.isInteger(input.year) || input.year < 2019 || input.year > 2100) {
    throw new DomainError('INVALID_INPUT', `“${input.key}”不是 ${input.year} 年报告的表二单元格（cell:<ID>）或正文部分（section:<ID>）`, {
      fields: { key: '无效' },
    });
  }
  if (input.value !== null && input.value.length > 20000) {
    throw new DomainError('INVALID_INPUT', '内容过长', { fields: { value: '过长' } });
  }
  const agency = await requireAgency(deps, input.agencySlug);
  await deps.cases.transaction(async (tx) => {
    // Only a draft can change (issue #8 workflow): a submitted, approved or published report is fixed
    // until it is sent back or reopened for correction (the refusal rolls the lock's revision bump back).
    const state = await tx.lockReportDraft(agency.id, input.year, input.actor);
    if (state !== 'draft') {
      throw new DomainError('INVALID_TRANSITION', `${input.year} 年报告${REPORT_STATE_LABEL[state]}，不能修改；请先退回或更正为草稿`);
    }
    const before = await tx.setReportEntry(agency.id, input.year, input.key, input.value, input.actor);
    await tx.audit({
      agencyId: agency.id,
      actor: input.actor,
      action: 'report.entry',
      subject: `report:${input.year}:${input.key}`,
      before,
      after: input.value,
    });
  });
}
