// Ports of the staff console's case work (issue #8): the queue (filters, search, due-date order) and
// a case's events with who recorded them and when. Declared by their consumers (list-case-queue.ts,
// get-case-workspace.ts); adapters/db/case-work-store.ts implements them.

import type { LocalDate } from '#core/calendar/local-date.ts';
import type { CaseEvent } from '#core/cases/case-event.ts';
import type { CaseStatus } from '#core/cases/project-case.ts';
import type { StoredCase } from '../case-ports.ts';

export interface CaseQueueFilter {
  /** The agencies to list (already limited to the caller's). */
  readonly agencyIds: readonly number[];
  readonly status?: CaseStatus;
  readonly open?: boolean;
  /** Open cases overdue on this date (core/cases/case-urgency.ts isOverdueOn). */
  readonly overdueOn?: LocalDate;
  /** Open cases not overdue on `today` whose queue deadline falls from `today` to their agency's `by`. */
  readonly dueSoon?: { readonly today: LocalDate; readonly by: readonly { readonly agencyId: number; readonly by: LocalDate }[] };
  /** Case codes containing this text (case-insensitive). */
  readonly codeContains?: string;
  /** The case officer (承办人): a username, or null for unassigned cases. */
  readonly officer?: string | null;
  readonly limit: number;
  readonly offset: number;
}

/** A queue row: the stored case without personal data. */
export type QueueCase = Omit<StoredCase, 'applicant' | 'description' | 'delivery'>;

/** One recorded event with its sequence number, who recorded it and when (an ISO instant). */
export interface CaseEventRecord {
  readonly seq: number;
  readonly event: CaseEvent;
  readonly actor: string;
  readonly recordedAt: string;
}

export interface CaseWorkStore {
  /** Open cases first, then by queue deadline (due date, or the 补正 deadline), earliest first; case code breaks ties. */
  listQueue(filter: CaseQueueFilter): Promise<{ items: QueueCase[]; total: number }>;
  listEventRecords(agencyId: number, caseId: number): Promise<CaseEventRecord[]>;
  /** The usernames that are the officer of some case of these agencies, sorted. */
  listOfficers(agencyIds: readonly number[]): Promise<string[]>;
  /** Enabled users holding one of `roles` in this agency (who may be its cases' officer), sorted. */
  listOfficerCandidates(agencyId: number, roles: readonly string[]): Promise<string[]>;
}
