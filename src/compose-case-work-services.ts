// Binds the console's case-work use cases (issue #8) over one database to CaseWorkServices: agency
// slugs become ids, letters go through the render-case-letter use case on the letter ports, and the
// DOCX renderer is imported on first use.
import { createCaseStore } from '#adapters/db/case-store.ts';
import { createCaseWorkStore } from '#adapters/db/case-work-store.ts';
import { createLetterPorts } from '#adapters/db/letter-ports.ts';
import type { Db } from '#adapters/db/open-database.ts';
import { agencies } from '#adapters/db/schema/agencies.ts';
import { createApplication } from '#app/cases/create-application.ts';
import { getCaseWorkspace } from '#app/cases/get-case-workspace.ts';
import { type CaseWorkDeps, listCaseQueue } from '#app/cases/list-case-queue.ts';
import { recordCaseEvent } from '#app/cases/record-case-event.ts';
import { renderCaseLetter } from '#app/render-case-letter.ts';
import { shanghaiDateOf } from '#core/calendar/local-date.ts';
import type { CaseWorkServices } from '#web/console/cases/case-work-services.ts';

export function composeCaseWorkServices(db: Db, now: () => Date): CaseWorkServices {
  const deps: CaseWorkDeps = { cases: createCaseStore(db), clock: { now }, work: createCaseWorkStore(db) };
  const idsOf = async (slugs: 'all' | ReadonlySet<string> | readonly string[]): Promise<number[] | undefined> => {
    if (slugs === 'all') {
      return undefined;
    }
    const wanted = new Set(slugs);
    const rows = await db.select({ id: agencies.id, slug: agencies.slug }).from(agencies);
    return rows.filter((row) => wanted.has(row.slug)).map((row) => row.id);
  };
  return {
    today: () => shanghaiDateOf(now()),
    async queue({ agencies: slugs, ...rest }) {
      return listCaseQueue(deps, { ...rest, agencyIds: (await idsOf(slugs)) ?? [] });
    },
    async workspace({ caseCode, agencies: slugs }) {
      const agencyIds = await idsOf(slugs);
      return getCaseWorkspace(deps, { caseCode, ...(agencyIds === undefined ? {} : { agencyIds }) });
    },
    async recordEvent({ caseCode, agency, event, actor }) {
      return recordCaseEvent(deps, { caseCode, event, actor, agencyIds: (await idsOf([agency])) ?? [] });
    },
    enterApplication: ({ agency, ...input }) => createApplication(deps, { agencySlug: agency, ...input }),
    letter: ({ caseCode, agency, actor }) => renderCaseLetter(createLetterPorts(db), { caseCode, agency, actor }),
    async letterDocx(letter) {
      const { renderLetterDocx } = await import('#adapters/documents/letter-docx.ts');
      return renderLetterDocx(letter);
    },
  };
}
