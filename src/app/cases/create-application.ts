// createApplication: a new application (依申请公开) from the public intake or staff entry (issue #7).
// Answers only after COMMIT with the case code, the one-time verification code, the receipt date and
// the due date; invalid input writes nothing.

import { type AttachmentLimits, type AttachmentSource, sourceOfChannel } from '#core/attachments/check-attachment.ts';
import type { LocalDate } from '#core/calendar/local-date.ts';
import { checkApplicant } from '#core/cases/applicant.ts';
import { type CaseEvent, parseCaseDate, type ReceivedEvent } from '#core/cases/case-event.ts';
import { type Decision, decideCaseEvent } from '#core/cases/decide-case-event.ts';
import { type CaseContext, type CaseProjection, projectCase } from '#core/cases/project-case.ts';
import { DomainError, isDomainError } from '#core/shared/domain-error.ts';
import { CHANNELS, type Channel } from '#core/statute/receipt-date.ts';
import type { AttachmentDeps, IncomingFile, NewAttachment } from '../attachments/attachment-ports.ts';
import { ATTACHMENTS_FIELD, type CheckedFile, checkIncomingFiles, storeBlobs } from '../attachments/check-incoming-files.ts';
import type { AgencyRef, CaseDeps, NewCase } from '../case-ports.ts';
import type { Settled } from '../group-commit.ts';
import { agencyWithContext, todayAt } from './case-context.ts';

/** How the applicant wants the information (条例第二十九条（三）). */
export const DELIVERY_METHODS = ['online', 'email', 'post', 'pickup'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

export interface CreateApplicationInput {
  readonly agencySlug: string;
  /** `{type, name, idType, idNumber, uscc, phone, email, address}` (untrusted). */
  readonly applicant: unknown;
  readonly description: unknown;
  readonly delivery: unknown;
  /** Default `online` (the public intake). Staff entry gives the real channel. */
  readonly channel?: unknown;
  /** Date of the receipt act (签收, 确认, 提交); default today. Staff entry gives the real arrival date. */
  readonly received?: unknown;
  /** Time of the receipt act on that date, `HH:MM` Asia/Shanghai (staff entry; the office-hours rule reads it). */
  readonly receivedTime?: unknown;
  /** Who records it (`public` for the intake). */
  readonly actor: string;
  /** When the request arrived (a batch may be written a moment later); default the clock's now. */
  readonly submittedAt?: Date;
  /** Files sent with the application (checked with the other fields; untrusted). */
  readonly attachments?: readonly IncomingFile[];
  /** How the files arrived; default `online` for the intake, else the channel's (core sourceOfChannel). */
  readonly attachmentSource?: AttachmentSource;
}

/** The case ports, plus the blob store and limits when applications may carry files. */
export type CreateApplicationDeps = CaseDeps & Partial<Pick<AttachmentDeps, 'blobs' | 'limits'>>;

export interface CreatedApplication {
  readonly caseCode: string;
  /** Shown once to the applicant; only its hash is stored. */
  readonly verificationCode: string;
  readonly received: LocalDate;
  readonly due: LocalDate | null;
}

/** An application checked and decided, ready to be written. */
interface PreparedApplication {
  readonly agencyId: number;
  readonly entry: NewCase;
  readonly events: readonly CaseEvent[];
  readonly actor: string;
  /** Files already in the blob store; their rows commit with the case. */
  readonly attachments: readonly NewAttachment[];
}

/** The input's problems as one INVALID_INPUT, or the checked values (no I/O). */
function checkInput(input: CreateApplicationInput, today: LocalDate, minutes: number, limits: AttachmentLimits | undefined) {
  const fields: Record<string, string> = {};
  const applicant = checkApplicant(input.applicant);
  if (!applicant.ok) {
    for (const [key, problem] of Object.entries(applicant.fields)) {
      fields[`applicant.${key}`] = problem;
    }
  }
  const description = typeof input.description === 'string' ? input.description.trim() : '';
  if (description === '') {
    fields['description'] = '请描述申请公开的政府信息（名称、文号或便于查询的其他特征性描述）';
  } else if (description.length > 5000) {
    fields['description'] = '描述过长（最多5000字）';
  }
  if (typeof input.delivery !== 'string' || !(DELIVERY_METHODS as readonly string[]).includes(input.delivery)) {
    fields['delivery'] = `获取信息的方式应为 ${DELIVERY_METHODS.join('、')} 之一`;
  }
  const channel = input.channel ?? 'online';
  if (typeof channel !== 'string' || !(CHANNELS as readonly string[]).includes(channel)) {
    fields['channel'] = `渠道应为 ${CHANNELS.join('、')} 之一`;
  }
  let receivedOn: LocalDate = today;
  if (input.received !== undefined) {
    const { date, problem } = parseCaseDate(input.received, 'received');
    if (problem !== undefined) {
      fields['received'] = problem;
    } else if (date! > today) {
      fields['received'] = `收到日期 ${date} 晚于今天`;
    } else {
      receivedOn = date!;
    }
  }
  let atMinutes: number | undefined;
  if (input.receivedTime !== undefined && input.receivedTime !== '') {
    const match = typeof input.receivedTime === 'string' ? /^([01]\d|2[0-3]):([0-5]\d)$/u.exec(input.receivedTime) : null;
    if (match === null) {
      fields['receivedTime'] = '收到时刻应为 HH:MM（北京时间，如 16:45）';
    } else if (input.received === undefined) {
      fields['receivedTime'] = '填写收到时刻时须同时填写收到日期';
    } else {
      atMinutes = Number(match[1]) * 60 + Number(match[2]);
      if (receivedOn === today && atMinutes > minutes) {
        fields['receivedTime'] = '收到时刻晚于现在';
      }
    }
  }
  let files: CheckedFile[] = [];
  if ((input.attachments ?? []).length > 0) {
    if (limits === undefined) {
      throw new Error('createApplication: attachments given without a blob store');
    }
    const checked = checkIncomingFiles(input.attachments ?? [], limits, 0);
    if (checked.ok) {
      files = checked.files;
    } else {
      fields[ATTACHMENTS_FIELD] = checked.message;
    }
  }
  if (Object.keys(fields).length > 0 || !applicant.ok) {
    throw new DomainError('INVALID_INPUT', '申请内容有误，请按提示修改', { fields });
  }
  return {
    files,
    applicant: applicant.applicant,
    description,
    delivery: input.delivery as string,
    channel: channel as Channel,
    receivedOn,
    atMinutes,
  };
}

const settle = async <T>(work: () => Promise<T> | T): Promise<Settled<T>> => {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    return { ok: false, error };
  }
};

/** The `after` of an application's `case.create` audit entry. */
const createdAudit = (entry: NewCase, attachments?: readonly { id: number; fileName: string; sha256: string }[]) => ({
  status: entry.projection.status,
  due: entry.projection.due,
  received: entry.projection.receivedOn,
  eventCount: 1,
  ...(attachments === undefined || attachments.length === 0
    ? {}
    : { attachments: attachments.map((a) => ({ id: a.id, fileName: a.fileName, sha256: a.sha256 })) }),
});

/**
 * Writes prepared applications with their `case.create` audit entries atomically: without files in ONE
 * statement (one round trip, CaseStore.insertNewCases), with files in one transaction (their rows
 * need the new cases' ids first).
 */
async function writeApplications(deps: CaseDeps, prepared: readonly PreparedApplication[]): Promise<CreatedApplication[]> {
  const receipts = (inserted: readonly { caseCode: string; verificationCode: string }[]) =>
    inserted.map((created, i) => ({
      caseCode: created.caseCode,
      verificationCode: created.verificationCode,
      received: prepared[i]!.entry.projection.receivedOn,
      due: prepared[i]!.entry.projection.due,
    }));
  if (prepared.every((p) => p.attachments.length === 0)) {
    return receipts(
      await deps.cases.insertNewCases(
        prepared.map(({ entry, events, actor }) => ({ entry, events, actor, auditAfter: createdAudit(entry) })),
      ),
    );
  }
  return deps.cases.transaction(async (tx) => {
    const inserted = await tx.insertCases(prepared.map(({ entry, events, actor }) => ({ entry, events, actor })));
    const added: { id: number; fileName: string; sha256: string }[][] = [];
    for (const [i, { agencyId, attachments, actor }] of prepared.entries()) {
      added.push(attachments.length === 0 ? [] : await tx.insertAttachments(agencyId, inserted[i]!.id, attachments, actor));
    }
    await tx.auditAll(
      prepared.map(({ agencyId, entry, actor }, i) => ({
        agencyId,
        actor,
        action: 'case.create',
        subject: `case:${inserted[i]!.caseCode}`,
        before: null,
        after: createdAudit(entry, added[i]),
      })),
    );
    return receipts(inserted);
  });
}

/**
 * Registers applications that arrived together (group commit, app/group-commit.ts): each is checked
 * (applicant per GB 11643 / GB 32100, request, delivery) and decided on its own — an invalid one gets
 * its own INVALID_INPUT and writes nothing — and all valid ones are written atomically together: ONE
 * statement for cases, events and audit entries (CaseStore.insertNewCases), or one transaction when
 * files come with them. The agency and its clock basis are read once per batch, in one round trip.
 * If that write fails on a row (a constraint, a value the database refuses), each application is
 * written again on its own, so one bad row fails only itself; when the database is unreachable (UNAVAILABLE)
 * every item fails without a retry (a COMMIT in flight may have happened). Answers one Settled per
 * input, in order, each only after the COMMIT that holds it.
 */
export async function createApplications(
  deps: CreateApplicationDeps,
  inputs: readonly CreateApplicationInput[],
): Promise<Settled<CreatedApplication>[]> {
  const results: Settled<CreatedApplication>[] = new Array(inputs.length);
  // The agency and its clock basis, read once per agency and day for the whole batch (one round trip).
  const bases = new Map<string, Promise<{ agency: AgencyRef; context: CaseContext }>>();
  const decisions = new Map<string, { events: readonly CaseEvent[]; projection: CaseProjection } | Extract<Decision, { ok: false }>>();
  const prepared: { index: number; application: PreparedApplication }[] = [];
  for (const [index, input] of inputs.entries()) {
    const outcome = await settle(async (): Promise<PreparedApplication> => {
      const { today, minutes } = todayAt(input.submittedAt ?? deps.clock.now());
      const checked = checkInput(input, today, minutes, deps.limits);
      const basisKey = `${input.agencySlug}\u0000${today}`;
      let basisLoad = bases.get(basisKey);
      if (basisLoad === undefined) {
        basisLoad = agencyWithContext(deps, input.agencySlug, today);
        bases.set(basisKey, basisLoad);
      }
      const { agency, context } = await basisLoad;
      const contextKey = `${agency.id} ${today}`;
      const received: ReceivedEvent = {
        type: 'received',
        on: checked.receivedOn,
        channel: checked.channel,
        applicantType: checked.applicant.type,
        // The office-hours rule reads the time of day: now for the intake, the recorded time for staff entry.
        ...(input.received === undefined
          ? { atMinutes: minutes }
          : checked.atMinutes === undefined
            ? {}
            : { atMinutes: checked.atMinutes }),
      };
      // Decision and projection are pure functions of the event and the context: applications of the
      // same kind received in the same minute share them (the reply clock is most of the CPU of an intake).
      const decidedKey = `${contextKey} ${received.on} ${received.channel} ${received.applicantType} ${received.atMinutes ?? ''}`;
      let decided = decisions.get(decidedKey);
      if (decided === undefined) {
        const decision = decideCaseEvent([], received, context);
        decided = decision.ok ? { events: decision.events, projection: projectCase(decision.events, context) } : decision;
        decisions.set(decidedKey, decided);
      }
      if ('ok' in decided) {
        throw new DomainError('INVALID_INPUT', decided.message, { reason: decided.code });
      }
      const { events, projection } = decided;
      // The files' bytes now (content-addressed, outside the transaction); their rows commit with the case.
      const source = input.attachmentSource ?? (input.channel === undefined ? 'online' : sourceOfChannel(checked.channel));
      const attachments = checked.files.length > 0 && deps.blobs !== undefined ? await storeBlobs(deps.blobs, checked.files, source) : [];
      return {
        attachments,
        agencyId: agency.id,
        entry: {
          agencyId: agency.id,
          externalId: null,
          applicant: checked.applicant,
          description: checked.description,
          delivery: checked.delivery,
          projection,
        },
        events,
        actor: input.actor,
      };
    });
    if (outcome.ok) {
      prepared.push({ index, application: outcome.value });
    } else {
      results[index] = outcome;
    }
  }
  if (prepared.length > 0) {
    const together = await settle(() =>
      writeApplications(
        deps,
        prepared.map((p) => p.application),
      ),
    );
    if (together.ok) {
      prepared.forEach((p, i) => {
        results[p.index] = { ok: true, value: together.value[i]! };
      });
    } else if (prepared.length === 1 || isDomainError(together.error, 'UNAVAILABLE')) {
      for (const p of prepared) {
        results[p.index] = together;
      }
    } else {
      // One row spoiled the batch: each on its own, so only that one fails.
      for (const p of prepared) {
        const alone = await settle(() => writeApplications(deps, [p.application]));
        results[p.index] = alone.ok ? { ok: true, value: alone.value[0]! } : alone;
      }
    }
  }
  return results;
}

/**
 * Registers an application: checks applicant (GB 11643 / GB 32100), request and delivery; records the
 * `received` event; stores the projection; audits — all in one transaction.
 *
 * @example
 * await createApplication(deps, { agencySlug: 'demo', applicant: {...}, description: '…', delivery: 'email', actor: 'public' });
 */
export async function createApplication(deps: CreateApplicationDeps, input: CreateApplicationInput): Promise<CreatedApplication> {
  const [result] = await createApplications(deps, [input]);
  if (!result!.ok) {
    throw result!.error;
  }
  return result!.value;
}
