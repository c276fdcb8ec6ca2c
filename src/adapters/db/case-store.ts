// The case tier's store over drizzle (app/case-ports.ts): cases and their events, appeals, the audit
// log, report entries, and tables 三/四 as ONE SQL aggregation (count(*) FILTER … ::int per outcome,
// grouped by applicant type, UNION ALL the appeals grouped by kind).
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { and, asc, count, desc, eq, gt, inArray, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type pg from 'pg';
import type {
  AgencyRef,
  AggregatedYear,
  AuditChainFault,
  AuditEntry,
  CaseFilter,
  CaseStore,
  CaseTransaction,
  NewCase,
  NewCaseWithAudit,
  StoredAppeal,
  StoredCase,
} from '#app/case-ports.ts';
import type { LocalDate } from '#core/calendar/local-date.ts';
import { readCalendarYear } from '#core/calendar/read-calendar-year.ts';
import { SHIPPED_CALENDAR } from '#core/calendar/shipped-calendar.ts';
import { type WorkingDayCalendar, withCalendarYear } from '#core/calendar/working-day-calendar.ts';
import type { AppealDecision } from '#core/cases/appeal-case.ts';
import type { CaseEvent } from '#core/cases/case-event.ts';
import { OUTCOME_CODES } from '#core/cases/outcome-codes.ts';
import type { CaseProjection } from '#core/cases/project-case.ts';
import { DomainError } from '#core/shared/domain-error.ts';
import { type ClockSettingValues, isClockSettingKey, resolveClockSettings } from '#core/statute/clock-settings.ts';
import { attachmentTransactionOf } from './attachment-store.ts';
import type { DbAccess } from './lazy-database.ts';
import { docNumberPrefixOf, issueReplyLetter } from './letter-store.ts';
import type { Db } from './open-database.ts';
import { writeReportEntry } from './report-store.ts';
import {
  agencies,
  appealCases,
  auditLog,
  caseAssignments,
  caseEvents,
  cases,
  reportEntries,
  reportWorkflows,
  userRoles,
  users,
} from './schema.ts';

/** Verification codes: 10 characters without look-alikes (0/O, 1/I/L): 31^10 ≈ 8·10^14 codes. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const VERIFICATION_LENGTH = 10;

export function newVerificationCode(): string {
  let code = '';
  for (let i = 0; i < VERIFICATION_LENGTH; i += 1) {
    code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  }
  return code;
}

/** SHA-256 of the code as entered (upper-cased, spaces removed): a high-entropy code needs no slow hash. */
export function hashVerificationCode(code: string): string {
  return createHash('sha256').update(code.replace(/\s+/gu, '').toUpperCase()).digest('hex');
}

/** Errors of a connection that failed or broke (node errno codes, pg's own, SQLSTATE classes 08 and 57P). */
const CONNECTION_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTCONN']);
export function connectionLost(error: unknown): boolean {
  // drizzle wraps the driver's error ("Failed query: …") with the driver's error as its cause.
  for (let current = error, depth = 0; typeof current === 'object' && current !== null && depth < 4; depth += 1) {
    if (current instanceof DomainError) {
      return false;
    }
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (CONNECTION_ERRNOS.has(code) || code.startsWith('08') || code.startsWith('57P'))) {
      return true;
    }
    if (current instanceof Error && /^Connection terminated|not queryable|Client was closed/u.test(current.message)) {
      return true;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Handle = Db | Tx;

/** Every column of a case row as the stores read it (the console queue reads the same minus personal data). */
export const caseColumns = {
  agencyId: cases.agencyId,
  agencySlug: agencies.slug,
  id: cases.id,
  caseCode: cases.caseCode,
  externalId: cases.externalId,
  channel: cases.channel,
  applicantType: cases.applicantType,
  applicant: cases.applicant,
  description: cases.description,
  delivery: cases.delivery,
  receivedOn: cases.receivedOn,
  status: cases.status,
  isOpen: cases.isOpen,
  due: cases.due,
  clockState: cases.clockState,
  correctionDeadline: cases.correctionDeadline,
  feePaymentDue: cases.feePaymentDue,
  outcome: cases.outcome,
  closedOn: cases.closedOn,
  repliedOn: cases.repliedOn,
  eventCount: cases.eventCount,
  officer: users.username,
  createdAt: cases.createdAt,
  updatedAt: cases.updatedAt,
};

const toStored = (row: Record<string, unknown>): StoredCase => row as unknown as StoredCase;

function selectCases(handle: Handle) {
  return handle
    .select(caseColumns)
    .from(cases)
    .innerJoin(agencies, eq(agencies.id, cases.agencyId))
    .leftJoin(users, eq(users.id, cases.assignedUserId));
}

function projectionColumns(projection: CaseProjection) {
  return {
    receivedOn: projection.receivedOn,
    status: projection.status,
    isOpen: projection.open,
    due: projection.due,
    clockState: projection.clockState,
    correctionDeadline: projection.correctionDeadline,
    feePaymentDue: projection.feePaymentDue,
    outcome: projection.outcome,
    closedOn: projection.closedOn,
    repliedOn: projection.repliedOn,
  };
}

async function lockOne(tx: Tx, where: SQL | undefined): Promise<StoredCase | null> {
  // FOR UPDATE OF cases: the row lock a concurrent writer of the same case waits for.
  const rows = await selectCases(tx).where(where).for('update', { of: cases });
  return rows[0] === undefined ? null : toStored(rows[0]);
}

async function eventsOf(handle: Handle, agencyId: number, caseId: number): Promise<CaseEvent[]> {
  const rows = await handle
    .select({ data: caseEvents.data })
    .from(caseEvents)
    .where(and(eq(caseEvents.agencyId, agencyId), eq(caseEvents.caseId, caseId)))
    .orderBy(asc(caseEvents.seq));
  return rows.map((r) => r.data as CaseEvent);
}

function transactionOf(tx: Tx): CaseTransaction {
  return {
    ...attachmentTransactionOf(tx),
    async insertCase(entry, events, actor) {
      const [inserted] = await this.insertCases([{ entry, events, actor }]);
      return inserted!;
    },
    async insertCases(entries) {
      if (entries.length === 0) {
        return [];
      }
      // The row's identity numbers the code: one sequence for the instance (two intakes never share a
      // number), and the one a restore resets with every identity (adapters/db/backup.ts). All numbers
      // of the batch in one statement.
      const numbers = (
        await tx.execute<{ n: string }>(
          sql`select nextval(pg_get_serial_sequence('cases', 'id'))::text as n from generate_series(1, ${entries.length}::int)`,
        )
      ).rows.map((row) => row.n);
      const created = entries.map(({ entry }, i) => {
        const n = numbers[i]!;
        const verificationCode = newVerificationCode();
        return {
          id: Number(n),
          caseCode: `GK${entry.projection.receivedOn.slice(0, 4)}-${n.padStart(6, '0')}`,
          verificationCode,
          verificationHash: hashVerificationCode(verificationCode),
        };
      });
      const column = <T>(pick: (entry: NewCase, i: number) => T) => sql.param(entries.map(({ entry }, i) => pick(entry, i)));
      const events = entries.flatMap(({ entry, events: caseEvents, actor }, i) =>
        caseEvents.map((event, k) => ({ agencyId: entry.agencyId, caseId: created[i]!.id, seq: k + 1, event, actor })),
      );
      const eventColumn = <T>(pick: (row: (typeof events)[number]) => T) => sql.param(events.map(pick));
      // Cases and their events in ONE statement (multi-row inserts from arrays; the events' foreign key
      // is checked at the end of the statement, when the cases are there).
      await tx.execute(sql`
        with inserted as (
          insert into cases (agency_id, id, case_code, verification_hash, external_id, channel, applicant_type, applicant,
            description, delivery, event_count, received_on, status, is_open, due, clock_state, correction_deadline,
            fee_payment_due, outcome, closed_on, replied_on)
          select * from unnest(
            ${column((e) => e.agencyId)}::int[], ${column((_, i) => created[i]!.id)}::bigint[],
            ${column((_, i) => created[i]!.caseCode)}::text[], ${column((_, i) => created[i]!.verificationHash)}::text[],
            ${column((e) => e.externalId)}::text[], ${column((e) => e.projection.channel)}::text[],
            ${column((e) => e.projection.applicantType)}::text[],
            ${column((e) => (e.applicant === null ? null : JSON.stringify(e.applicant)))}::jsonb[],
            ${column((e) => e.description)}::text[], ${column((e) => e.delivery)}::text[],
            ${column((_, i) => entries[i]!.events.length)}::int[], ${column((e) => e.projection.receivedOn)}::date[],
            ${column((e) => e.projection.status)}::text[], ${column((e) => e.projection.open)}::boolean[],
            ${column((e) => e.projection.due)}::date[], ${column((e) => e.projection.clockState)}::text[],
            ${column((e) => e.projection.correctionDeadline)}::date[], ${column((e) => e.projection.feePaymentDue)}::date[],
            ${column((e) => e.projection.outcome)}::text[], ${column((e) => e.projection.closedOn)}::date[],
            ${column((e) => e.projection.repliedOn)}::date[])
          returning 1
        )
        insert into case_events (agency_id, case_id, seq, type, "on", data, actor)
        select * from unnest(
          ${eventColumn((r) => r.agencyId)}::int[], ${eventColumn((r) => r.caseId)}::bigint[], ${eventColumn((r) => r.seq)}::int[],
          ${eventColumn((r) => r.event.type)}::text[], ${eventColumn((r) => r.event.on)}::date[],
          ${eventColumn((r) => JSON.stringify(r.event))}::jsonb[], ${eventColumn((r) => r.actor)}::text[])`);
      return created.map(({ id, caseCode, verificationCode }) => ({ id, caseCode, verificationCode }));
    },
    lockCase: (caseCode) => lockOne(tx, eq(cases.caseCode, caseCode)),
    lockCaseByExternalId: (agencyId, externalId) => lockOne(tx, and(eq(cases.agencyId, agencyId), eq(cases.externalId, externalId))),
    listEvents: (agencyId, caseId) => eventsOf(tx, agencyId, caseId),
    async appendEvents(agencyId, caseId, fromSeq, events, actor) {
      if (events.length === 0) {
        return;
      }
      await tx
        .insert(caseEvents)
        .values(events.map((event, i) => ({ agencyId, caseId, seq: fromSeq + i, type: event.type, on: event.on, data: event, actor })));
    },
    async updateProjection(agencyId, caseId, projection, eventCount) {
      await tx
        .update(cases)
        .set({ ...projectionColumns(projection), eventCount, updatedAt: sql`now()` })
        .where(and(eq(cases.agencyId, agencyId), eq(cases.id, caseId)));
    },
    async auditAll(given) {
      if (given.length === 0) {
        return;
      }
      // In agency order: each row takes its agency's audit-chain lock (migration 0006), so two writers
      // never wait on each other crosswise.
      const entries = [...given].sort((a, b) => a.agencyId - b.agencyId);
      const column = <T>(pick: (entry: AuditEntry) => T) => sql.param(entries.map(pick));
      const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));
      await tx.execute(sql`
        insert into audit_log (agency_id, actor, action, subject, before, after)
        select * from unnest(${column((e) => e.agencyId)}::int[], ${column((e) => e.actor)}::text[], ${column((e) => e.action)}::text[],
          ${column((e) => e.subject)}::text[], ${column((e) => json(e.before))}::jsonb[], ${column((e) => json(e.after))}::jsonb[])`);
    },
    async audit(entry) {
      await tx.insert(auditLog).values({
        agencyId: entry.agencyId,
        actor: entry.actor,
        action: entry.action,
        subject: entry.subject,
        before: entry.before ?? null,
        after: entry.after ?? null,
      });
    },
    async assignOfficer(agencyId, caseId, userId, actor) {
      await tx
        .update(cases)
        .set({ assignedUserId: userId, updatedAt: sql`now()` })
        .where(and(eq(cases.agencyId, agencyId), eq(cases.id, caseId)));
      await tx.insert(caseAssignments).values({ agencyId, caseId, userId, actor });
    },
    async issueReplyLetter(letter) {
      const prefix = await docNumberPrefixOf(tx, letter.agencyId);
      const issued = await issueReplyLetter(tx, {
        agencyId: letter.agencyId,
        year: Number(letter.letterDate.slice(0, 4)),
        prefix,
        caseCode: letter.caseCode,
        outcome: letter.outcome,
        letterDate: letter.letterDate,
        createdBy: letter.actor,
      });
      return { docNumber: issued.docNumber };
    },
    async insertAppeal(appeal) {
      const [row] = await tx
        .insert(appealCases)
        .values({
          agencyId: appeal.agencyId,
          kind: appeal.kind,
          caseId: appeal.caseId,
          reference: appeal.reference,
          filedOn: appeal.filedOn,
          decidedOn: appeal.decidedOn,
          decision: appeal.decision,
          result: appeal.result,
        })
        .returning({ id: appealCases.id });
      return row!.id;
    },
    async lockAppeal(agencyId, id) {
      const rows = await tx
        .select()
        .from(appealCases)
        .where(and(eq(appealCases.agencyId, agencyId), eq(appealCases.id, id)))
        .for('update');
      const row = rows[0];
      return row === undefined ? null : appealOf(row, null);
    },
    async decideAppeal(agencyId, id, decidedOn, decision, result) {
      await tx
        .update(appealCases)
        .set({ decidedOn, decision, result })
        .where(and(eq(appealCases.agencyId, agencyId), eq(appealCases.id, id)));
    },
    async lockReportDraft(agencyId, year, actor) {
      const rows = await tx
        .insert(reportWorkflows)
        .values({ agencyId, year, state: 'draft', revision: 1, updatedBy: actor })
        .onConflictDoUpdate({
          target: [reportWorkflows.agencyId, reportWorkflows.year],
          set: { revision: sql`${reportWorkflows.revision} + 1`, updatedBy: actor, updatedAt: sql`now()` },
        })
        .returning({ state: reportWorkflows.state });
      return rows[0]?.state ?? 'draft';
    },
    setReportEntry: (agencyId, year, key, value, actor) => writeReportEntry(tx, agencyId, year, key, value, actor),
  };
}

function appealOf(row: typeof appealCases.$inferSelect, caseCode: string | null): StoredAppeal {
  return {
    agencyId: row.agencyId,
    id: row.id,
    kind: row.kind,
    caseCode,
    reference: row.reference,
    filedOn: row.filedOn as LocalDate,
    decidedOn: row.decidedOn as LocalDate | null,
    decision: row.decision as AppealDecision | null,
  };
}

/** The one aggregation of tables 三 and 四 for an agency and year (statute.md §7.1, §7.2). */
export function aggregationSql(agencyId: number, year: number): SQL {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  // The inner query is one GROUP BY over the year's cases on plain columns and comparisons (so PostgreSQL
  // runs it in parallel like a bare GROUP BY): per applicant type, new or carried in, closed in the year
  // or not, and outcome — a few hundred groups at most. The outer one builds table 三's columns from
  // those groups, so the 21 outcome FILTERs run over the groups, not over every case (when they ran per
  // case: 2.1× a bare GROUP BY on PGlite, 1.6× on PostgreSQL without a parallel plan).
  const closed = sql`g.closed_in and g.outcome is not null`;
  const outcomes = OUTCOME_CODES.map(
    (code) => sql`${code}::text, coalesce(sum(g.n) filter (where g.closed_in and g.outcome = ${code}), 0)::int`,
  );
  return sql`
    select 'application' as part, g.applicant_type as grp, jsonb_build_object(
      'received', coalesce(sum(g.n) filter (where g.is_new), 0)::int,
      'carried_in', coalesce(sum(g.n) filter (where not g.is_new), 0)::int,
      'outcome.total', coalesce(sum(g.n) filter (where ${closed}), 0)::int,
      'carried_out', coalesce(sum(g.n) filter (where not coalesce(${closed}, false)), 0)::int,
      ${sql.join(outcomes, sql`, `)}
    ) as counts
    from (
      select applicant_type, received_on >= ${start}::date as is_new, closed_on <= ${end}::date as closed_in, outcome, count(*) as n
      from cases
      where agency_id = ${agencyId} and received_on <= ${end}::date and (closed_on is null or closed_on >= ${start}::date)
      group by 1, 2, 3, 4
    ) g
    group by g.applicant_type
    union all
    select 'appeal', a.kind, jsonb_build_object(
      'upheld', count(*) filter (where a.decided_on <= ${end}::date and a.result = 'upheld')::int,
      'corrected', count(*) filter (where a.decided_on <= ${end}::date and a.result = 'corrected')::int,
      'other', count(*) filter (where a.decided_on <= ${end}::date and a.result = 'other')::int,
      'pending', count(*) filter (where a.decided_on is null or a.decided_on > ${end}::date)::int
    )
    from appeal_cases a
    where a.agency_id = ${agencyId} and a.filed_on <= ${end}::date and (a.decided_on is null or a.decided_on >= ${start}::date)
    group by a.kind`;
}

interface AgencyBasisRow extends Record<string, unknown> {
  id: number;
  slug: string;
  name: string;
  changes: { year: number; entry: unknown }[];
  settings: { key: string; value: string; own: boolean }[];
}

/** The calendar (shipped years + the changes, in order) and the clock settings (instance default, then the agency's own). */
function clockBasisOf(
  changes: readonly { year: number; entry: unknown }[],
  settingRows: readonly { key: string; value: string; own: boolean }[],
): { calendar: WorkingDayCalendar; settings: ReturnType<typeof resolveClockSettings> } {
  let calendar: WorkingDayCalendar = SHIPPED_CALENDAR;
  for (const change of changes) {
    const read = readCalendarYear(Number(change.year), change.entry);
    if (read.ok) {
      calendar = withCalendarYear(calendar, read.value);
    }
  }
  const values: Record<string, string> = {};
  for (const own of [false, true]) {
    for (const row of settingRows.filter((r) => r.own === own)) {
      if (isClockSettingKey(row.key)) {
        values[row.key] = row.value;
      }
    }
  }
  return { calendar, settings: resolveClockSettings(values as ClockSettingValues) };
}

/**
 * The intake's batch in ONE statement (no transaction block: a statement is atomic and commits when
 * it answers): case numbers from the cases' identity sequence, the cases, their events and one
 * `case.create` audit entry each (chained in agency order like auditAll, all in one call of
 * `gongkai_audit_chain_batch` — migration 0010 — instead of the trigger once per entry) as
 * data-modifying CTEs. The events' foreign key is checked at the end of the statement, when the cases
 * are there. The batch travels as ONE jsonb parameter (an array of rows, `JSON.stringify` once):
 * pg's serialisation of array parameters (an array literal built character by character, every JSON
 * value escaped again inside it) was a fifth of the server's allocations under 1,000 concurrent
 * intakes; its null fields are left out (jsonb_to_record reads a missing key as null), a fifth less
 * JSON for the database to parse. The SQL text is the same for every batch size. Only the audit
 * entries are sorted (their order is the chain's); the cases and events go in as they come (the
 * answer is matched by `ord`): the sorts were ~7 % of the embedded database's CPU per intake.
 */
const INSERT_NEW_CASES = `
  with input as materialized (
    select x.*, u.ord, nextval(pg_get_serial_sequence('cases', 'id')) as id
    from jsonb_array_elements($1::jsonb) with ordinality as u(row, ord)
    cross join lateral jsonb_to_record(u.row) as x(agency_id int, verification_hash text, external_id text, channel text,
      applicant_type text, applicant jsonb, description text, delivery text, received_on date, status text, is_open boolean,
      due date, clock_state text, correction_deadline date, fee_payment_due date, outcome text, closed_on date, replied_on date,
      actor text, audit_after jsonb, events jsonb)
  ),
  coded as materialized (
    select input.*, 'GK' || to_char(received_on, 'YYYY') || '-' || lpad(id::text, greatest(6, length(id::text)), '0') as case_code
    from input
  ),
  new_cases as (
    insert into cases (agency_id, id, case_code, verification_hash, external_id, channel, applicant_type, applicant,
      description, delivery, event_count, received_on, status, is_open, due, clock_state, correction_deadline,
      fee_payment_due, outcome, closed_on, replied_on)
    select agency_id, id, case_code, verification_hash, external_id, channel, applicant_type, applicant, description, delivery,
      jsonb_array_length(events), received_on, status, is_open, due, clock_state, correction_deadline, fee_payment_due, outcome,
      closed_on, replied_on
    from coded
  ),
  new_events as (
    insert into case_events (agency_id, case_id, seq, type, "on", data, actor)
    select coded.agency_id, coded.id, e.seq, e.data->>'type', (e.data->>'on')::date, e.data, coded.actor
    from coded cross join lateral jsonb_array_elements(coded.events) with ordinality as e(data, seq)
  ),
  audit_rows as materialized (
    select agency_id, actor, 'case:' || case_code as subject, audit_after,
      row_number() over (order by agency_id, ord)::int as n
    from coded
  ),
  chain as materialized (
    select * from gongkai_audit_chain_batch(
      (select array_agg(agency_id order by n) from audit_rows), now(),
      (select array_agg(actor order by n) from audit_rows),
      (select array_agg('case.create'::text) from audit_rows),
      (select array_agg(subject order by n) from audit_rows),
      (select array_agg(null::jsonb) from audit_rows),
      (select array_agg(audit_after order by n) from audit_rows))
  ),
  new_audit as (
    insert into audit_log (agency_id, at, actor, action, subject, before, after, seq, prev_hash, hash)
    select r.agency_id, now(), r.actor, 'case.create', r.subject, null, r.audit_after, chain.seq, chain.prev_hash, chain.hash
    from audit_rows r join chain on chain.ord = r.n
    order by r.n
  )
  select ord::int as ord, id::text as id, case_code from coded`;

/**
 * The batch statement's prepared name on each connection. Prepared once per connection, it saves
 * parsing and planning the statement per batch (~12 % of the embedded database's CPU per batch). The
 * embedded engine serves every connection from ONE backend, whose prepared statements every connection
 * shares (a CLI process's too): a fixed name would be "already prepared" for the second connection, or
 * stand for another process's text; so each connection gets a name of its own, random, for as long as
 * it lives (a connection that is replaced prepares under its new name; the old one's statement stays
 * in the embedded backend until it stops, a few kilobytes).
 */
const insertStatementNames = new WeakMap<pg.ClientBase, string>();

function insertStatementName(client: pg.ClientBase): string {
  let name = insertStatementNames.get(client);
  if (name === undefined) {
    name = `gongkai_insert_new_cases_${randomBytes(8).toString('hex')}`;
    insertStatementNames.set(client, name);
  }
  return name;
}

/** Runs `work` on one client: a pool's (checked out and back in, dropped after an error as pool.query does) or the one given. */
async function withClient<T>(handle: pg.Pool | pg.PoolClient, work: (client: pg.ClientBase) => Promise<T>): Promise<T> {
  if (!('totalCount' in handle)) {
    return work(handle);
  }
  const client = await handle.connect();
  try {
    const answer = await work(client);
    client.release();
    return answer;
  } catch (error) {
    client.release(error instanceof Error ? error : new Error(String(error)));
    throw error;
  }
}

async function insertNewCases(
  db: Db,
  entries: readonly NewCaseWithAudit[],
): Promise<{ id: number; caseCode: string; verificationCode: string }[]> {
  if (entries.length === 0) {
    return [];
  }
  const codes = entries.map(() => newVerificationCode());
  const rows = entries.map(({ entry, events, actor, auditAfter }, i) => ({
    agency_id: entry.agencyId,
    verification_hash: hashVerificationCode(codes[i]!),
    external_id: entry.externalId ?? undefined,
    channel: entry.projection.channel,
    applicant_type: entry.projection.applicantType,
    applicant: entry.applicant,
    description: entry.description,
    delivery: entry.delivery,
    received_on: entry.projection.receivedOn,
    status: entry.projection.status,
    is_open: entry.projection.open,
    due: entry.projection.due ?? undefined,
    clock_state: entry.projection.clockState,
    correction_deadline: entry.projection.correctionDeadline ?? undefined,
    fee_payment_due: entry.projection.feePaymentDue ?? undefined,
    outcome: entry.projection.outcome ?? undefined,
    closed_on: entry.projection.closedOn ?? undefined,
    replied_on: entry.projection.repliedOn ?? undefined,
    actor,
    audit_after: auditAfter ?? undefined,
    events,
  }));
  // Straight on the pool drizzle wraps (drizzle(pool) keeps it as $client; the warm-up's sandbox wraps
  // one client): a fixed text, one parameter, as a named prepared statement.
  const handle = (db as unknown as { $client: pg.Pool | pg.PoolClient }).$client;
  let result: { ord: number; id: string; case_code: string }[];
  try {
    result = await withClient(handle, async (client) => {
      const query = { name: insertStatementName(client), text: INSERT_NEW_CASES, values: [JSON.stringify(rows)] };
      return (await client.query<{ ord: number; id: string; case_code: string }>(query)).rows;
    });
  } catch (error) {
    // Shaped like drizzle's errors (the driver's error as the cause; no parameters: they are personal data).
    throw new Error('Failed query: insert new cases (intake batch)', { cause: error });
  }
  const created = new Array<{ id: number; caseCode: string; verificationCode: string }>(entries.length);
  for (const row of result) {
    created[row.ord - 1] = { id: Number(row.id), caseCode: row.case_code, verificationCode: codes[row.ord - 1]! };
  }
  return created;
}

/** The case store over a database opened on first use (the composition root's lazy database). */
export function createLazyCaseStore(access: DbAccess): CaseStore {
  let store: CaseStore | undefined;
  const ready = async () => {
    store ??= createCaseStore(await access.write());
    return store;
  };
  return {
    findAgency: async (...a) => (await ready()).findAgency(...a),
    clockBasis: async (...a) => (await ready()).clockBasis(...a),
    agencyWithBasis: async (...a) => (await ready()).agencyWithBasis(...a),
    insertNewCases: async (...a) => (await ready()).insertNewCases(...a),
    transaction: async (work) => (await ready()).transaction(work),
    findCase: async (...a) => (await ready()).findCase(...a),
    findCaseByVerification: async (...a) => (await ready()).findCaseByVerification(...a),
    listEvents: async (...a) => (await ready()).listEvents(...a),
    listAssignments: async (...a) => (await ready()).listAssignments(...a),
    findStaffUser: async (...a) => (await ready()).findStaffUser(...a),
    listCases: async (...a) => (await ready()).listCases(...a),
    listOpenOn: async (...a) => (await ready()).listOpenOn(...a),
    aggregateYear: async (...a) => (await ready()).aggregateYear(...a),
    listAppeals: async (...a) => (await ready()).listAppeals(...a),
    reportEntries: async (...a) => (await ready()).reportEntries(...a),
    verifyAuditChain: async (...a) => (await ready()).verifyAuditChain(...a),
  };
}

/** The case store on a drizzle handle (PostgreSQL or the embedded PGlite, one code path). */
export function createCaseStore(db: Db): CaseStore {
  return {
    async findAgency(slug): Promise<AgencyRef | null> {
      const rows = await db
        .select({ id: agencies.id, slug: agencies.slug, name: agencies.name })
        .from(agencies)
        .where(eq(agencies.slug, slug));
      return rows[0] ?? null;
    },
    async clockBasis(agencyId, today) {
      const changes = await db.execute<{ year: number; entry: unknown }>(
        sql`select year, entry from calendar_changes where effective_from <= ${today}::date order by seq`,
      );
      const settingRows = await db.execute<{ key: string; value: string; own: boolean }>(
        sql`select key, value, false as own from instance_settings union all select key, value, true from agency_settings where agency_id = ${agencyId}`,
      );
      return clockBasisOf(changes.rows, settingRows.rows);
    },
    async agencyWithBasis(slug, today) {
      // findAgency + clockBasis's two reads in one statement (one round trip per intake batch).
      const { rows } = await db.execute<AgencyBasisRow>(sql`
        select a.id, a.slug, a.name,
          coalesce((select json_agg(json_build_object('year', c.year, 'entry', c.entry) order by c.seq)
            from calendar_changes c where c.effective_from <= ${today}::date), '[]'::json) as changes,
          coalesce((select json_agg(json_build_object('key', s.key, 'value', s.value, 'own', s.own))
            from (select key, value, false as own from instance_settings
                  union all select key, value, true from agency_settings where agency_id = a.id) s), '[]'::json) as settings
        from agencies a where a.slug = ${slug}`);
      const row = rows[0];
      if (row === undefined) {
        return null;
      }
      return { agency: { id: row.id, slug: row.slug, name: row.name }, ...clockBasisOf(row.changes, row.settings) };
    },
    async insertNewCases(entries) {
      try {
        return await insertNewCases(db, entries);
      } catch (error) {
        throw connectionLost(error) ? new DomainError('UNAVAILABLE', '数据库连接中断，请稍后再试', {}) : error;
      }
    },
    async transaction(work) {
      try {
        return await db.transaction((tx) => work(transactionOf(tx)));
      } catch (error) {
        throw connectionLost(error) ? new DomainError('UNAVAILABLE', '数据库连接中断，请稍后再试', {}) : error;
      }
    },
    async findCase(caseCode) {
      const rows = await selectCases(db).where(eq(cases.caseCode, caseCode));
      return rows[0] === undefined ? null : toStored(rows[0]);
    },
    async findCaseByVerification(caseCode, verificationCode) {
      const rows = await db
        .select({ ...caseColumns, verificationHash: cases.verificationHash })
        .from(cases)
        .innerJoin(agencies, eq(agencies.id, cases.agencyId))
        .leftJoin(users, eq(users.id, cases.assignedUserId))
        .where(eq(cases.caseCode, caseCode));
      const row = rows[0];
      const given = Buffer.from(hashVerificationCode(verificationCode), 'hex');
      // Compare even when the case is unknown, so both answers take the same time.
      const stored = Buffer.from(row?.verificationHash ?? '0'.repeat(64), 'hex');
      const match = timingSafeEqual(given, stored);
      if (row === undefined || !match) {
        return null;
      }
      const { verificationHash: _hash, ...rest } = row;
      return toStored(rest);
    },
    listEvents: (agencyId, caseId) => eventsOf(db, agencyId, caseId),
    async listAssignments(agencyId, caseId) {
      const rows = await db
        .select({ officer: users.username, actor: caseAssignments.actor, at: caseAssignments.at })
        .from(caseAssignments)
        .leftJoin(users, eq(users.id, caseAssignments.userId))
        .where(and(eq(caseAssignments.agencyId, agencyId), eq(caseAssignments.caseId, caseId)))
        .orderBy(asc(caseAssignments.id));
      return rows;
    },
    async findStaffUser(username) {
      const [user] = await db
        .select({ id: users.id, username: users.username, email: users.email })
        .from(users)
        .where(and(eq(users.username, username), isNull(users.disabledAt)));
      if (user === undefined) {
        return null;
      }
      const roles = await db
        .select({ agencyId: userRoles.agencyId, role: userRoles.role })
        .from(userRoles)
        .where(eq(userRoles.userId, user.id));
      return { ...user, roles };
    },
    async listCases(filter: CaseFilter) {
      if (filter.agencyIds.length === 0) {
        return { items: [], total: 0 };
      }
      const where = and(
        inArray(cases.agencyId, [...filter.agencyIds]),
        filter.status === undefined ? undefined : eq(cases.status, filter.status),
        filter.open === undefined ? undefined : eq(cases.isOpen, filter.open),
        filter.dueBy === undefined ? undefined : and(eq(cases.isOpen, true), lte(cases.due, filter.dueBy)),
        filter.officer === undefined
          ? undefined
          : inArray(cases.assignedUserId, db.select({ id: users.id }).from(users).where(eq(users.username, filter.officer))),
      );
      const [items, totals] = await Promise.all([
        selectCases(db).where(where).orderBy(desc(cases.receivedOn), desc(cases.id)).limit(filter.limit).offset(filter.offset),
        db.select({ n: count() }).from(cases).where(where),
      ]);
      return { items: items.map(toStored), total: Number(totals[0]?.n ?? 0) };
    },
    async listOpenOn(agencyId, day) {
      const rows = await selectCases(db)
        .where(and(eq(cases.agencyId, agencyId), lte(cases.receivedOn, day), or(isNull(cases.closedOn), gt(cases.closedOn, day))))
        .orderBy(asc(cases.receivedOn), asc(cases.id));
      return rows.map(toStored);
    },
    async aggregateYear(agencyId, year): Promise<AggregatedYear> {
      const result = await db.execute<{ part: string; grp: string; counts: Record<string, number> }>(aggregationSql(agencyId, year));
      const applications: AggregatedYear['applications'][number][] = [];
      const appeals: AggregatedYear['appeals'][number][] = [];
      for (const row of result.rows) {
        if (row.part === 'application') {
          applications.push({ applicantType: row.grp as StoredCase['applicantType'], counts: row.counts });
        } else {
          appeals.push({ kind: row.grp as StoredAppeal['kind'], counts: row.counts });
        }
      }
      return { applications, appeals };
    },
    async listAppeals(agencyId) {
      const rows = await db
        .select({ appeal: appealCases, caseCode: cases.caseCode })
        .from(appealCases)
        .leftJoin(cases, and(eq(cases.agencyId, appealCases.agencyId), eq(cases.id, appealCases.caseId)))
        .where(eq(appealCases.agencyId, agencyId))
        .orderBy(asc(appealCases.id));
      return rows.map((r) => appealOf(r.appeal, r.caseCode));
    },
    async reportEntries(agencyId, year) {
      const rows = await db
        .select({ key: reportEntries.key, value: reportEntries.value })
        .from(reportEntries)
        .where(and(eq(reportEntries.agencyId, agencyId), eq(reportEntries.year, year)));
      return new Map(rows.map((r) => [r.key, r.value]));
    },
    async verifyAuditChain(agencyId) {
      // Every entry's hash recomputed from its content and its stored predecessor hash, and compared
      // with the previous entry's seq and hash (one pass in SQL, window over each agency's chain).
      const only = agencyId === null ? sql`true` : sql`a.agency_id = ${agencyId}`;
      const [faults, heads] = await Promise.all([
        db.execute<{ agency_id: number; id_text: string; seq_text: string; expected_text: string; fault: AuditChainFault }>(sql`
          select distinct on (chain.agency_id) chain.agency_id, chain.id::text as id_text, chain.seq::text as seq_text,
            chain.expected_seq::text as expected_text,
            case when seq <> expected_seq then 'gap' when prev_hash <> expected_prev then 'link' else 'content' end as fault
          from (
            select a.agency_id, a.id, a.seq, a.prev_hash, a.hash,
              gongkai_audit_entry_hash(a.prev_hash, a.agency_id, a.seq, a.at, a.actor, a.action, a.subject, a.before, a.after) as recomputed,
              coalesce(lag(a.seq) over w, 0) + 1 as expected_seq,
              coalesce(lag(a.hash) over w, repeat('0', 64)) as expected_prev
            from audit_log a where ${only}
            window w as (partition by a.agency_id order by a.seq)
          ) chain
          where seq <> expected_seq or prev_hash <> expected_prev or hash <> recomputed
          order by chain.agency_id, chain.seq`),
        db.execute<{ agency_id: number; slug: string; entries: number; seq: string | null; hash: string | null }>(sql`
          select g.agency_id, ag.slug, g.entries, last.seq::text as seq, last.hash
          from (select a.agency_id, count(*)::int as entries, max(a.seq) as max_seq from audit_log a where ${only} group by a.agency_id) g
          join agencies ag on ag.id = g.agency_id
          left join audit_log last on last.agency_id = g.agency_id and last.seq = g.max_seq
          order by ag.slug`),
      ]);
      const breaks = new Map(faults.rows.map((f) => [Number(f.agency_id), f]));
      return heads.rows.map((row) => {
        const found = breaks.get(Number(row.agency_id));
        return {
          agencyId: Number(row.agency_id),
          agencySlug: row.slug,
          entries: Number(row.entries),
          head: row.seq === null || row.hash === null ? null : { seq: Number(row.seq), hash: row.hash },
          firstBreak:
            found === undefined
              ? null
              : { seq: Number(found.seq_text), id: Number(found.id_text), expectedSeq: Number(found.expected_text), fault: found.fault },
        };
      });
    },
  };
}
