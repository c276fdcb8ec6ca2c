// Ports of the annual report's workflow and publication use cases (issue #8), declared by their
// consumers; adapters/db/report-store.ts implements them. Entries (table 二 cells, narrative
// sections) stay in the case store's `report_entries`; this store adds the state, its history and the
// published snapshots.

import type { ReportAction, ReportState } from '#core/reports/report-workflow.ts';
import type { CaseDeps } from '../case-ports.ts';

export interface ReportWorkflowState {
  readonly state: ReportState;
  /** Grows with every change of entries or state; 0 while nothing was recorded. */
  readonly revision: number;
}

export interface ReportActionRecord {
  readonly seq: number;
  readonly action: ReportAction;
  readonly fromState: ReportState;
  readonly toState: ReportState;
  readonly actor: string;
  readonly comment: string | null;
  readonly version: number | null;
  /** ISO instant. */
  readonly at: string;
}

export interface PublicationSummary {
  readonly year: number;
  readonly version: number;
  readonly publishedBy: string;
  /** ISO instant. */
  readonly publishedAt: string;
}

export interface Publication extends PublicationSummary {
  /** The stored reader-contract object with its `text` key (JSON text). */
  readonly reading: string;
}

export interface ReportTransaction {
  /** The workflow row, created as an empty draft when absent, locked until COMMIT. */
  lockWorkflow(agencyId: number, year: number, actor: string): Promise<ReportWorkflowState>;
  setWorkflow(agencyId: number, year: number, state: ReportState, revision: number, actor: string): Promise<void>;
  /** Appends at the next seq of the agency and year (`at`: the use case's clock, an ISO instant). */
  appendAction(agencyId: number, year: number, action: Omit<ReportActionRecord, 'seq'>): Promise<void>;
  /** Sets (or with null removes) one entry; returns the value before. */
  setEntry(agencyId: number, year: number, key: string, value: string | null, actor: string): Promise<string | null>;
  /** Stores the next version of the year; returns its number. */
  insertPublication(agencyId: number, year: number, reading: string, actor: string, at: string): Promise<number>;
  audit(entry: { agencyId: number; actor: string; action: string; subject: string; before: unknown; after: unknown }): Promise<void>;
}

export interface ReportStore {
  /** The workflow of a year (an unrecorded year is a draft at revision 0). */
  workflow(agencyId: number, year: number): Promise<ReportWorkflowState>;
  actions(agencyId: number, year: number): Promise<readonly ReportActionRecord[]>;
  /** Published versions, newest year first and newest version first; of one year when given. */
  publications(agencyId: number, year?: number): Promise<readonly PublicationSummary[]>;
  /** One published version (the newest when `version` is absent), or null. */
  publication(agencyId: number, year: number, version?: number): Promise<Publication | null>;
  /** Years with any case received, appeal filed or entry recorded. */
  dataYears(agencyId: number): Promise<readonly number[]>;
  transaction<T>(work: (tx: ReportTransaction) => Promise<T>): Promise<T>;
}

export interface ReportDeps extends CaseDeps {
  readonly reports: ReportStore;
}
