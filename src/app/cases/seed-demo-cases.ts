// The demo agency's cases (`gongkai demo`, issue #7): hundreds of deterministic applications across
// the current and the previous year — every outcome represented, some overdue, some waiting for 补正 —
// plus review and litigation cases and table 二 entries for last year's report. Idempotent: a second
// run imports nothing new (cases by externalId; appeals and entries only when absent).

import { addWorkingDays, countWorkingDays } from '#core/calendar/add-working-days.ts';
import { type LocalDate, plusDays } from '#core/calendar/local-date.ts';
import { type CaseEvent, caseEventToJson } from '#core/cases/case-event.ts';
import { generateCaseHistories } from '#core/cases/generate-case-histories.ts';
import { projectCase } from '#core/cases/project-case.ts';
import type { CaseDeps } from '../case-ports.ts';
import { caseContextFor, requireAgency, todayOf } from './case-context.ts';
import { importCases } from './import-cases.ts';
import { decideAppeal, recordAppeal, setReportEntry } from './record-appeal.ts';

export interface SeedDemoInput {
  readonly agencySlug: string;
  /** Default 360 generated cases. */
  readonly count?: number;
  readonly seed?: number;
  readonly actor?: string;
}

export interface SeedDemoResult {
  readonly imported: number;
  readonly unchanged: number;
  readonly appeals: number;
}

function line(externalId: string, events: readonly CaseEvent[], outcome: string | null): string {
  const received = events[0] as CaseEvent & { type: 'received' };
  return JSON.stringify({
    externalId,
    channel: received.channel,
    received: received.on,
    applicantType: received.applicantType,
    events: events.slice(1).map(caseEventToJson),
    outcome,
  });
}

/** Seeds (or tops up) the demo cases of an existing agency. */
export async function seedDemoCases(deps: CaseDeps, input: SeedDemoInput): Promise<SeedDemoResult> {
  const agency = await requireAgency(deps, input.agencySlug);
  const { today } = todayOf(deps);
  const context = await caseContextFor(deps, agency.id, today);
  const year = Number(today.slice(0, 4));
  const from = `${year - 1}-01-02` as LocalDate;
  const to = plusDays(today, -1);
  const histories = generateCaseHistories({ seed: input.seed ?? 2021_30, count: input.count ?? 360, from, to, context });
  const lines = histories.map((events, i) => line(`demo-${String(i + 1).padStart(4, '0')}`, events, projectCase(events, context).outcome));
  // Some cases waiting for 补正 now, and some overdue: received long enough ago and never answered.
  const recent =
    countWorkingDays(plusDays(today, -21), today, context.calendar) > 5
      ? addWorkingDays(plusDays(today, -21), 1, context.calendar)
      : plusDays(today, -21);
  for (let i = 0; i < 3; i += 1) {
    const received: CaseEvent = { type: 'received', on: plusDays(recent, i), channel: 'online', applicantType: 'natural_person' };
    const requested: CaseEvent = { type: 'correction_requested', on: plusDays(recent, i + 2) };
    lines.push(line(`demo-correction-${i + 1}`, [received, requested], null));
    const old: CaseEvent = {
      type: 'received',
      on: plusDays(today, -60 - 7 * i),
      channel: 'post_signed',
      applicantType: i === 0 ? 'commercial_enterprise' : 'natural_person',
    };
    lines.push(line(`demo-overdue-${i + 1}`, [old], null));
  }
  const imported = await importCases(deps, { agencySlug: agency.slug, text: lines.join('\n'), actor: input.actor ?? 'demo' });
  let appeals = 0;
  if ((await deps.cases.listAppeals(agency.id)).length === 0) {
    const seeds = [
      { kind: 'review', filedOn: `${year - 1}-03-10`, decidedOn: `${year - 1}-05-08`, decision: 'upheld' },
      { kind: 'review', filedOn: `${year - 1}-09-01`, decidedOn: `${year - 1}-10-20`, decision: 'revoked' },
      { kind: 'review', filedOn: `${year - 1}-12-01`, decidedOn: null, decision: null },
      { kind: 'litigation_direct', filedOn: `${year - 1}-06-15`, decidedOn: `${year - 1}-11-30`, decision: 'request_dismissed' },
      { kind: 'litigation_after_review', filedOn: `${year - 1}-07-01`, decidedOn: null, decision: null },
    ] as const;
    for (const appeal of seeds) {
      if (appeal.filedOn > today) {
        continue;
      }
      const { id } = await recordAppeal(deps, {
        agencySlug: agency.slug,
        kind: appeal.kind,
        filedOn: appeal.filedOn,
        actor: input.actor ?? 'demo',
      });
      if (appeal.decidedOn !== null && appeal.decidedOn <= today) {
        await decideAppeal(deps, {
          agencySlug: agency.slug,
          id,
          decidedOn: appeal.decidedOn,
          decision: appeal.decision,
          actor: input.actor ?? 'demo',
        });
      }
      appeals += 1;
    }
    const entries: Record<string, string> = {
      'cell:rules.issued': '0',
      'cell:rules.repealed': '0',
      'cell:rules.in_force': '0',
      'cell:normative_documents.issued': '4',
      'cell:normative_documents.repealed': '1',
      'cell:normative_documents.in_force': '37',
      'cell:licensing.decisions': '1268',
      'cell:penalties.decisions': '56',
      'cell:coercion.decisions': '3',
      'cell:fees.amount_wan': '0',
      'section:overview': `（一）主动公开情况。${year - 1}年，本机关通过门户网站主动公开政府信息。\n（二）依申请公开情况。依法办理政府信息公开申请，按期答复。`,
    };
    for (const [key, value] of Object.entries(entries)) {
      await setReportEntry(deps, { agencySlug: agency.slug, year: year - 1, key, value, actor: input.actor ?? 'demo' });
    }
  }
  return { imported: imported.imported, unchanged: imported.unchanged, appeals };
}
