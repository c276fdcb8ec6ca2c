// Shared by the case-tier database tests: an agency per test, a fixed clock, deps on a test database,
// and generated histories as `case import` lines.

import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { createCaseStore } from '#adapters/db/case-store.ts';
import type { Db } from '#adapters/db/open-database.ts';
import type { CaseDeps } from '#app/case-ports.ts';
import type { LocalDate } from '#core/calendar/local-date.ts';
import { type CaseEvent, caseEventToJson } from '#core/cases/case-event.ts';
import type { CaseContext } from '#core/cases/project-case.ts';
import { projectCase } from '#core/cases/project-case.ts';

/** 2025-06-30 10:00 in Shanghai. */
export const NOW = new Date('2025-06-30T02:00:00Z');

export function depsOn(db: Db, now: Date = NOW): CaseDeps {
  return { cases: createCaseStore(db), clock: { now: () => now } };
}

/** A new agency with a unique slug; returns slug and id. */
export async function addAgency(pool: pg.Pool, name = '测试市民政局'): Promise<{ slug: string; id: number }> {
  const slug = `t-${randomBytes(5).toString('hex')}`;
  const result = await pool.query<{ id: number }>('insert into agencies (slug, name) values ($1, $2) returning id', [slug, name]);
  return { slug, id: result.rows[0]!.id };
}

/** One `case import` line for a history (outcome as its projection has it). */
export function importLine(externalId: string, events: readonly CaseEvent[], context: CaseContext): string {
  const received = events[0] as CaseEvent & { type: 'received' };
  const projection = projectCase(events, context);
  return JSON.stringify({
    externalId,
    channel: received.channel,
    received: received.on,
    applicantType: received.applicantType,
    events: events.slice(1).map(caseEventToJson),
    outcome: projection.outcome,
  });
}

export const VALID_PERSON = {
  type: 'natural_person',
  name: '张三',
  idType: 'resident_id',
  idNumber: '11010519491231002X',
  phone: '13800000000',
  email: 'zhang@example.cn',
  address: '北京市西城区',
} as const;

export const date = (text: string) => text as LocalDate;
