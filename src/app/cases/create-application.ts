// createApplication: a new application (依申请公开) from the public intake or staff entry (issue #7).
// Answers only after COMMIT with the case code, the one-time verification code, the receipt date and
// the due date; invalid input writes nothing.

import { type AttachmentSource, sourceOfChannel } from '#core/attachments/check-attachment.ts';
import type { LocalDate } from '#core/calendar/local-date.ts';
import { checkApplicant } from '#core/cases/applicant.ts';
import { parseCaseDate, type ReceivedEvent } from '#core/cases/case-event.ts';
import { decideCaseEvent } from '#core/cases/decide-case-event.ts';
import { projectCase } from '#core/cases/project-case.ts';
import { DomainError } from '#core/shared/domain-error.ts';
import { CHANNELS, type Channel } from '#core/statute/receipt-date.ts';
import type { AttachmentDeps, IncomingFile } from '../attachments/attachment-ports.ts';
import { ATTACHMENTS_FIELD, type CheckedFile, checkIncomingFiles, storeBlobs } from '../attachments/check-incoming-files.ts';
import type { CaseDeps } from '../case-ports.ts';
import { caseContextFor, requireAgency, todayOf } from './case-context.ts';

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
  /** Files sent with the application (checked with the other fields; untrusted). */
  readonly attachments?: readonly IncomingFile[];
  /** How the files arrived; default `online` for the intake, else the channel's (core sourceOfChannel). */
  readonly attachmentSource?: AttachmentSource;
}

/** The case ports, plus the blob store and limits when the application may carry files. */
export type CreateApplicationDeps = CaseDeps & Partial<Pick<AttachmentDeps, 'blobs' | 'limits'>>;

export interface CreatedApplication {
  readonly caseCode: string;
  /** Shown once to the applicant; only its hash is stored. */
  readonly verificationCode: string;
  readonly received: LocalDate;
  readonly due: LocalDate | null;
}

/**
 * Registers an application: checks applicant (GB 11643 / GB 32100), request and delivery; records the
 * `received` event; stores the projection; audits — all in one transaction.
 *
 * @example
 * await createApplication(deps, { agencySlug: 'demo', applicant: {...}, description: '…', delivery: 'email', actor: 'public' });
 */
export async function createApplication(deps: CreateApplicationDeps, input: CreateApplicationInput): Promise<CreatedApplication> {
  const { today, minutes } = todayOf(deps);
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
    if (deps.blobs === undefined || deps.limits === undefined) {
      throw new Error('createApplication: attachments given without a blob store');
    }
    const checked = checkIncomingFiles(input.attachments ?? [], deps.limits, 0);
    if (checked.ok) {
      files = checked.files;
    } else {
      fields[ATTACHMENTS_FIELD] = checked.message;
    }
  }
  if (Object.keys(fields).length > 0 || !applicant.ok) {
    throw new DomainError('INVALID_INPUT', '申请内容有误，请按提示修改', { fields });
  }
  const agency = await requireAgency(deps, input.agencySlug);
  const context = await caseContextFor(deps, agency.id, today);
  const received: ReceivedEvent = {
    type: 'received',
    on: receivedOn,
    channel: channel as Channel,
    applicantType: applicant.applicant.type,
    // The office-hours rule reads the time of day: now for the intake, the recorded time for staff entry.
    ...(input.received === undefined ? { atMinutes: minutes } : atMinutes === undefined ? {} : { atMinutes }),
  };
  const decision = decideCaseEvent([], received, context);
  if (!decision.ok) {
    throw new DomainError('INVALID_INPUT', decision.message, { reason: decision.code });
  }
  const projection = projectCase(decision.events, context);
  // The files' bytes first (content-addressed, outside the transaction); their rows commit with the case.
  const source = input.attachmentSource ?? (input.channel === undefined ? 'online' : sourceOfChannel(channel as string));
  const attachmentRows = files.length > 0 && deps.blobs !== undefined ? await storeBlobs(deps.blobs, files, source) : [];
  const created = await deps.cases.transaction(async (tx) => {
    const inserted = await tx.insertCase(
      {
        agencyId: agency.id,
        externalId: null,
        applicant: applicant.applicant,
        description,
        delivery: input.delivery as string,
        projection,
      },
      decision.events,
      input.actor,
    );
    const added = await tx.insertAttachments(agency.id, inserted.id, attachmentRows, input.actor);
    await tx.audit({
      agencyId: agency.id,
      actor: input.actor,
      action: 'case.create',
      subject: `case:${inserted.caseCode}`,
      before: null,
      after: {
        status: projection.status,
        due: projection.due,
        received: projection.receivedOn,
        eventCount: 1,
        ...(added.length === 0 ? {} : { attachments: added.map((a) => ({ id: a.id, fileName: a.fileName, sha256: a.sha256 })) }),
      },
    });
    return inserted;
  });
  return { caseCode: created.caseCode, verificationCode: created.verificationCode, received: projection.receivedOn, due: projection.due };
}
