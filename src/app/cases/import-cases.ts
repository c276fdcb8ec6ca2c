// importCases: `gongkai case import FILE.jsonl --agency SLUG` (issue #7 Contracts). One case per line,
// each line checked whole and written in its own transaction: a bad line is reported with its line
// number and nothing of it is written; the other lines are imported. Idempotent by externalId: a line
// already imported is unchanged; one that extends the stored events appends the new ones; one that
// contradicts them is rejected.

import { parseCaseImportLine } from '#core/cases/case-import-line.ts';
import { projectCase } from '#core/cases/project-case.ts';
import type { CaseDeps } from '../case-ports.ts';
import { caseContextFor, requireAgency, todayOf } from './case-context.ts';
import { auditSnapshot } from './case-views.ts';

export interface ImportCasesInput {
  readonly agencySlug: string;
  /** The JSONL text; blank lines are skipped. */
  readonly text: string;
  readonly actor: string;
}

export interface ImportLineReport {
  readonly line: number;
  readonly externalId: string | null;
  readonly status: 'imported' | 'updated' | 'unchanged' | 'rejected';
  readonly caseCode?: string;
  readonly problems?: readonly string[];
}

export interface ImportCasesResult {
  readonly imported: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly rejected: number;
  readonly lines: readonly ImportLineReport[];
}

/** JSON with object keys sorted: jsonb does not keep key order, so stored and parsed events compare by this. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonical).join(',')}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

/** Imports every valid line; the result lists each line's fate (rejected lines with their problems in Chinese). */
export async function importCases(deps: CaseDeps, input: ImportCasesInput): Promise<ImportCasesResult> {
  const agency = await requireAgency(deps, input.agencySlug);
  const { today } = todayOf(deps);
  const context = await caseContextFor(deps, agency.id, today);
  const lines: ImportLineReport[] = [];
  const rows = input.text.split(/\r?\n/u);
  for (const [index, text] of rows.entries()) {
    const line = index + 1;
    if (text.trim() === '') {
      continue;
    }
    const parsed = parseCaseImportLine(text, context);
    if (!parsed.ok) {
      lines.push({ line, externalId: parsed.externalId, status: 'rejected', problems: parsed.problems });
      continue;
    }
    const item = parsed.case;
    const report = await deps.cases.transaction(async (tx): Promise<ImportLineReport> => {
      const existing = await tx.lockCaseByExternalId(agency.id, item.externalId);
      if (existing === null) {
        const inserted = await tx.insertCase(
          {
            agencyId: agency.id,
            externalId: item.externalId,
            applicant: null,
            description: null,
            delivery: null,
            projection: item.projection,
          },
          item.events,
          input.actor,
        );
        await tx.audit({
          agencyId: agency.id,
          actor: input.actor,
          action: 'case.import',
          subject: `case:${inserted.caseCode}`,
          before: null,
          after: {
            externalId: item.externalId,
            status: item.projection.status,
            outcome: item.projection.outcome,
            eventCount: item.events.length,
          },
        });
        return { line, externalId: item.externalId, status: 'imported', caseCode: inserted.caseCode };
      }
      const stored = await tx.listEvents(existing.agencyId, existing.id);
      const prefix = item.events.slice(0, stored.length);
      if (!same(prefix, stored)) {
        return {
          line,
          externalId: item.externalId,
          status: 'rejected',
          caseCode: existing.caseCode,
          problems: [`externalId“${item.externalId}”已导入（${existing.caseCode}），但本行的事件与已登记的事件不一致；未作任何修改`],
        };
      }
      if (item.events.length === stored.length) {
        return { line, externalId: item.externalId, status: 'unchanged', caseCode: existing.caseCode };
      }
      const added = item.events.slice(stored.length);
      await tx.appendEvents(existing.agencyId, existing.id, stored.length + 1, added, input.actor);
      const projection = projectCase(item.events, context);
      await tx.updateProjection(existing.agencyId, existing.id, projection, item.events.length);
      await tx.audit({
        agencyId: agency.id,
        actor: input.actor,
        action: 'case.import.update',
        subject: `case:${existing.caseCode}`,
        before: auditSnapshot(existing),
        after: {
          status: projection.status,
          due: projection.due,
          outcome: projection.outcome,
          closedOn: projection.closedOn,
          eventCount: item.events.length,
          events: added,
        },
      });
      return { line, externalId: item.externalId, status: 'updated', caseCode: existing.caseCode };
    });
    lines.push(report);
  }
  const count = (status: ImportLineReport['status']) => lines.filter((l) => l.status === status).length;
  return { imported: count('imported'), updated: count('updated'), unchanged: count('unchanged'), rejected: count('rejected'), lines };
}
