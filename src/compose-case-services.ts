// Binds the case use cases (src/app/cases) over one database to what the HTTP routes call
// (CaseServices): agency slugs become the ids the use cases filter by, the public intake records as
// `public`, staff events as the token's user.
import { createAttachmentStore } from '#adapters/db/attachment-store.ts';
import { createCaseStore } from '#adapters/db/case-store.ts';
import type { Db } from '#adapters/db/open-database.ts';
import { agencies } from '#adapters/db/schema/agencies.ts';
import type { AttachmentServices, CaseServices } from '#adapters/http/http-services.ts';
import type { AttachmentDeps } from '#app/attachments/attachment-ports.ts';
import { attachFiles, listAttachments, parseAttachmentSource, readAttachment } from '#app/attachments/manage-attachments.ts';
import type { CaseDeps } from '#app/case-ports.ts';
import { assignCaseOfficer } from '#app/cases/assign-case-officer.ts';
import { createApplications } from '#app/cases/create-application.ts';
import { getCase, listCases, lookupApplicationStatus } from '#app/cases/query-cases.ts';
import { recordCaseEvent } from '#app/cases/record-case-event.ts';
import { groupCommit } from '#app/group-commit.ts';

/** Most intakes written in one transaction (group commit); more wait for the next one. */
export const INTAKE_BATCH = 256;

/** The blob store and limits of this instance (none: applications carry no files, uploads answer 503). */
export type AttachmentWiring = Pick<AttachmentDeps, 'blobs' | 'limits'>;

export function composeCaseServices(db: Db, now: () => Date, files?: AttachmentWiring): CaseServices {
  const deps: CaseDeps = { cases: createCaseStore(db), clock: { now } };
  // Concurrent public intakes are written together (app/group-commit.ts): each answered after the
  // COMMIT of its batch, an invalid or failing one refused on its own.
  const intake = groupCommit(
    (inputs: readonly Parameters<typeof createApplications>[1][number][]) =>
      createApplications(files === undefined ? deps : { ...deps, ...files }, inputs),
    INTAKE_BATCH,
  );
  const agencyIds = async (readable: 'all' | ReadonlySet<string>, only: string | undefined): Promise<number[]> => {
    const rows = await db.select({ id: agencies.id, slug: agencies.slug }).from(agencies);
    return rows
      .filter((row) => (readable === 'all' || readable.has(row.slug)) && (only === undefined || row.slug === only))
      .map((row) => row.id);
  };
  return {
    createApplication: ({ agency, body, attachments }) =>
      intake({
        agencySlug: agency,
        ...(attachments === undefined || attachments.length === 0 ? {} : { attachments, attachmentSource: 'online' as const }),
        applicant: body.applicant,
        description: body.description,
        delivery: body.delivery,
        actor: 'public',
        submittedAt: now(),
      }),
    async lookupApplicationStatus(input) {
      const status = await lookupApplicationStatus(deps, input);
      return { ...status, outcome: status.outcome ?? null };
    },
    async listCases(input) {
      const ids = await agencyIds(input.agencies, input.agency);
      if (ids.length === 0) {
        return { items: [], total: 0 };
      }
      const page = await listCases(deps, {
        agencyIds: ids,
        ...(input.state === undefined ? {} : { status: input.state }),
        ...(input.officer === undefined ? {} : { officer: input.officer }),
        limit: input.limit,
        offset: input.offset,
      });
      return { items: page.items, total: page.total };
    },
    getCase: ({ caseCode }) => getCase(deps, { caseCode }),
    recordCaseEvent: ({ actor, caseCode, event }) => recordCaseEvent(deps, { caseCode, event, actor: actor.username }),
    assignCaseOfficer: ({ actor, caseCode, officer }) => assignCaseOfficer(deps, { caseCode, officer, actor: actor.username }),
  };
}

/** The attachment use cases over the same database, the blob store and the limits. */
export function composeAttachmentServices(db: Db, now: () => Date, files: AttachmentWiring): AttachmentServices {
  const deps: AttachmentDeps = { cases: createCaseStore(db), clock: { now }, attachments: createAttachmentStore(db), ...files };
  return {
    limits: files.limits,
    attachFiles: ({ actor, caseCode, files: incoming, channel }) =>
      attachFiles(deps, { caseCode, files: incoming, source: parseAttachmentSource(channel) ?? 'staff', actor: actor.username }),
    listAttachments: ({ caseCode }) => listAttachments(deps, { caseCode }),
    readAttachment: (input) => readAttachment(deps, input),
  };
}
