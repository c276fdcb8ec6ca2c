// recordCaseEvent: one event on one case, in one transaction (architecture.md Path 2): lock the case →
// load its events → decideCaseEvent → append → projectCase → update the row → audit → COMMIT. A refused
// event raises INVALID_TRANSITION with the refusal code as `reason` and writes nothing.

import { parseCaseEvent } from '#core/cases/case-event.ts';
import { decideCaseEvent } from '#core/cases/decide-case-event.ts';
import { projectCase } from '#core/cases/project-case.ts';
import { DomainError } from '#core/shared/domain-error.ts';
import type { CaseDeps } from '../case-ports.ts';
import { caseContextFor, requireCase, todayOf } from './case-context.ts';
import { auditSnapshot, type CaseDetail, presentCaseDetail } from './case-views.ts';

export interface RecordCaseEventInput {
  readonly caseCode: string;
  /** `{"type": "<statute.md event ID>", "date": "YYYY-MM-DD", …arguments}`; `outcome` for replied (untrusted). */
  readonly event: unknown;
  readonly actor: string;
  /** The caller's agencies: a case outside them is NOT_FOUND. Omit for system callers (CLI as administrator). */
  readonly agencyIds?: readonly number[];
}

/**
 * Records one event and returns the case as it now stands.
 *
 * @example
 * await recordCaseEvent(deps, { caseCode: 'GK2025-000001', event: { type: 'replied', date: '2025-03-20', outcome: 'outcome.disclosed' }, actor: 'li' });
 */
export async function recordCaseEvent(deps: CaseDeps, input: RecordCaseEventInput): Promise<CaseDetail> {
  const parsed = parseCaseEvent(input.event);
  if (!parsed.ok) {
    throw new DomainError('INVALID_INPUT', parsed.problems.join('；'), { problems: parsed.problems });
  }
  if (parsed.event.type === 'received') {
    throw new DomainError('INVALID_TRANSITION', '该申请已登记“收到申请”，不能重复登记', { reason: 'ALREADY_RECEIVED' });
  }
  const found = await requireCase(deps, input.caseCode, input.agencyIds);
  const { today } = todayOf(deps);
  const context = await caseContextFor(deps, found.agencyId, today);
  return deps.cases.transaction(async (tx) => {
    const row = await tx.lockCase(input.caseCode);
    if (row === null) {
      throw new DomainError('NOT_FOUND', `未找到案件“${input.caseCode}”`);
    }
    const history = await tx.listEvents(row.agencyId, row.id);
    const decision = decideCaseEvent(history, parsed.event, context);
    if (!decision.ok) {
      throw new DomainError('INVALID_TRANSITION', decision.message, { reason: decision.code });
    }
    await tx.appendEvents(row.agencyId, row.id, history.length + 1, decision.events, input.actor);
    const events = [...history, ...decision.events];
    const projection = projectCase(events, context);
    await tx.updateProjection(row.agencyId, row.id, projection, events.length);
    // The reply letter's 文号 is drawn in the reply's own transaction (never repeated, never skipped).
    const letter =
      parsed.event.type === 'replied' && projection.status === 'replied' && projection.outcome !== null && projection.repliedOn !== null
        ? await tx.issueReplyLetter({
            agencyId: row.agencyId,
            caseCode: row.caseCode,
            outcome: projection.outcome,
            letterDate: projection.repliedOn,
            actor: input.actor,
          })
        : undefined;
    const after = {
      ...row,
      status: projection.status,
      isOpen: projection.open,
      due: projection.due,
      clockState: projection.clockState,
      correctionDeadline: projection.correctionDeadline,
      feePaymentDue: projection.feePaymentDue,
      outcome: projection.outcome,
      closedOn: projection.closedOn,
      repliedOn: projection.repliedOn,
      receivedOn: projection.receivedOn,
      eventCount: events.length,
    };
    await tx.audit({
      agencyId: row.agencyId,
      actor: input.actor,
      action: `case.event.${parsed.event.type}`,
      subject: `case:${row.caseCode}`,
      before: auditSnapshot(row),
      after: {
        ...(auditSnapshot(after) as object),
        events: decision.events,
        ...(letter === undefined ? {} : { docNumber: letter.docNumber }),
      },
    });
    const detail = presentCaseDetail(after, events);
    return letter === undefined ? detail : { ...detail, docNumber: letter.docNumber };
  });
}
