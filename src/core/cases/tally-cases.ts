// Tables 三 and 四 of the annual report computed in memory from cases (statute.md §7.1, §7.2). The SQL
// aggregation of compileAnnualReport must give the same cells; T3-BALANCE holds by construction:
// received + carried_in = outcome.total + carried_out in every column.

import type { LocalDate } from '#core/calendar/local-date.ts';
import {
  APPLICANT_COLUMN_IDS,
  type ReportTemplate,
  T3_COLUMN_IDS,
  T4_COLUMNS,
  TEMPLATES,
  templateForYear,
} from '#core/reports/template.ts';
import { APPEAL_DECISIONS, APPEAL_KINDS, type AppealTallyInput } from './appeal-case.ts';
import type { ApplicantType } from './applicant.ts';
import type { OutcomeCode } from './outcome-codes.ts';

/** What table 三 needs of one application (the projection's fields, or the `cases` row's columns). */
export interface CaseTallyInput {
  readonly applicantType: ApplicantType;
  /** Original receipt (before any 补正). */
  readonly receivedOn: LocalDate;
  readonly closedOn: LocalDate | null;
  readonly outcome: OutcomeCode | null;
}

/** The table 三 row a closed case counts in for a report year's template: 2019 folds （六）1.–3. into （六）. */
export function outcomeRowFor(outcome: OutcomeCode, template: ReportTemplate): string {
  return template.id === '2019' && outcome.startsWith('outcome.other.') ? 'outcome.other' : outcome;
}

/**
 * Every cell of tables 三 and 四 of the year's template, 0 where no case counts (a figure compiled from
 * data is a count). received: receipt in the year; carried_in: received before the year and not closed
 * before it; outcome.*: closed in the year; carried_out: open at the end of 31 December; table 四: decided
 * in the year by result, or pending when filed by 31 December and undecided then.
 */
export function tallyCases(cases: Iterable<CaseTallyInput>, year: number, appeals: Iterable<AppealTallyInput> = []): Map<string, number> {
  const template = TEMPLATES[templateForYear(year)];
  const cells = new Map<string, number>();
  for (const cell of template.cells) {
    if (cell.table === '三' || cell.table === '四') {
      cells.set(cell.id, 0);
    }
  }
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const add = (rowId: string, colId: string) => {
    for (const col of [colId, 'total']) {
      const id = `${rowId}.${col}`;
      cells.set(id, (cells.get(id) ?? 0) + 1);
    }
  };
  for (const c of cases) {
    const column = c.applicantType;
    if (c.receivedOn > end || (c.closedOn !== null && c.closedOn < start)) {
      continue;
    }
    add(c.receivedOn >= start ? 'received' : 'carried_in', column);
    if (c.closedOn !== null && c.closedOn <= end && c.outcome !== null) {
      add(outcomeRowFor(c.outcome, template), column);
      add('outcome.total', column);
    } else {
      add('carried_out', column);
    }
  }
  for (const a of appeals) {
    if (a.filedOn > end || (a.decidedOn !== null && a.decidedOn < start)) {
      continue;
    }
    const decided = a.decidedOn !== null && a.decidedOn <= end && a.decision !== null;
    add(a.kind, decided ? APPEAL_DECISIONS[a.decision!].result : 'pending');
  }
  return cells;
}

/** The table 三 and 四 cell IDs of a year's template, in contract order. */
export function tallyCellIds(year: number): string[] {
  return TEMPLATES[templateForYear(year)].cells.filter((c) => c.table !== '二').map((c) => c.id);
}

// Used by the SQL side to name its columns the same way.
export const TALLY_APPLICANT_COLUMNS = APPLICANT_COLUMN_IDS;
export const TALLY_T3_COLUMNS = T3_COLUMN_IDS;
export const TALLY_T4_ROWS = APPEAL_KINDS;
export const TALLY_T4_COLUMNS = T4_COLUMNS.map((c) => c.id);
