// What the console's case pages need from the application (issue #8), bound over one database by
// src/compose-case-work-services.ts. Agencies are slugs here; the binding turns them into the ids the
// use cases filter by. The routes decide access (core/identity/access-policy.ts) before calling.
import type { CaseDetail } from '#app/cases/case-views.ts';
import type { CreatedApplication } from '#app/cases/create-application.ts';
import type { CaseWorkspace } from '#app/cases/get-case-workspace.ts';
import type { CaseQueue, CaseQueueInput } from '#app/cases/list-case-queue.ts';
import type { CaseLetter } from '#app/render-case-letter.ts';
import type { LocalDate } from '#core/calendar/local-date.ts';
import type { MergedLetter } from '#core/letters/merge-letter.ts';

export interface CaseWorkServices {
  /** Today in Beijing (the services' clock). */
  today(): LocalDate;
  /** The queue of these agencies (the caller's readable ones, or the one chosen among them). */
  queue(input: Omit<CaseQueueInput, 'agencyIds'> & { readonly agencies: readonly string[] }): Promise<CaseQueue>;
  /** The case page's data; NOT_FOUND alike for an unknown case and one outside `agencies`. */
  workspace(input: { readonly caseCode: string; readonly agencies: 'all' | ReadonlySet<string> }): Promise<CaseWorkspace>;
  /** Records one event (recordCaseEvent) on a case of `agency`. */
  recordEvent(input: {
    readonly caseCode: string;
    readonly agency: string;
    readonly event: unknown;
    readonly actor: string;
  }): Promise<CaseDetail>;
  /** Staff entry of an application (createApplication with channel and arrival date/time). */
  enterApplication(input: {
    readonly agency: string;
    readonly applicant: unknown;
    readonly description: unknown;
    readonly delivery: unknown;
    readonly channel: unknown;
    readonly received: unknown;
    readonly receivedTime: unknown;
    readonly actor: string;
  }): Promise<CreatedApplication>;
  /** The reply letter of a replied case of `agency` (render-case-letter use case). */
  letter(input: { readonly caseCode: string; readonly agency: string; readonly actor: string }): Promise<CaseLetter>;
  letterDocx(letter: MergedLetter): Promise<Uint8Array>;
}
