// Deterministic case histories (a seeded generator, no Math.random): realistic lifecycles through
// decideCaseEvent — 补正, consultations, extensions, fees, 第三十五条, replies with every outcome,
// withdrawals, reopenings, cases left open or overdue. Used by property tests and the demo agency.

import { addWorkingDays } from '#core/calendar/add-working-days.ts';
import { daysBetween, type LocalDate, plusDays } from '#core/calendar/local-date.ts';
import { CHANNELS } from '#core/statute/receipt-date.ts';
import { APPLICANT_TYPES, type ApplicantType } from './applicant.ts';
import type { CaseEvent } from './case-event.ts';
import { decideCaseEvent } from './decide-case-event.ts';
import { OUTCOME_CODES, type OutcomeCode } from './outcome-codes.ts';
import { type CaseContext, projectCase } from './project-case.ts';

/** A small seeded PRNG (mulberry32): the same seed gives the same histories on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GenerateOptions {
  readonly seed: number;
  readonly count: number;
  /** Receipt dates are drawn from [from, to]. */
  readonly from: LocalDate;
  readonly to: LocalDate;
  /** No event after this date; cases received close to it stay open. */
  readonly context: CaseContext;
}

const REPLY_OUTCOMES = OUTCOME_CODES.filter((c) => c !== 'outcome.other.no_correction' && c !== 'outcome.other.fee_unpaid');

/** Histories whose every event decideCaseEvent accepted, in receipt order. */
export function generateCaseHistories(options: GenerateOptions): CaseEvent[][] {
  const random = seededRandom(options.seed);
  const span = Math.max(0, daysBetween(options.from, options.to));
  const histories: CaseEvent[][] = [];
  for (let i = 0; i < options.count; i += 1) {
    const on = plusDays(options.from, Math.floor(random() * (span + 1)));
    histories.push(generateCaseHistory(random, on, options.context, i));
  }
  return histories.sort((a, b) => (a[0]!.on < b[0]!.on ? -1 : a[0]!.on > b[0]!.on ? 1 : 0));
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

function applicantOf(random: () => number): ApplicantType {
  const r = random();
  return r < 0.72 ? 'natural_person' : pick(random, APPLICANT_TYPES.slice(1));
}

/** One history: each step is proposed and kept only when decideCaseEvent accepts it. */
export function generateCaseHistory(random: () => number, receivedOn: LocalDate, context: CaseContext, index = 0): CaseEvent[] {
  const { calendar, today } = context;
  const events: CaseEvent[] = [];
  const tryEvent = (event: CaseEvent): boolean => {
    if (event.on > today) {
      return false;
    }
    const decision = decideCaseEvent(events, event, context);
    if (decision.ok) {
      events.push(...decision.events);
    }
    return decision.ok;
  };
  const later = (min: number, max: number): LocalDate => {
    const from = events.at(-1)?.on ?? receivedOn;
    const n = min + Math.floor(random() * (max - min + 1));
    return n === 0 ? from : addWorkingDays(from, n, calendar);
  };
  tryEvent({ type: 'received', on: receivedOn, channel: pick(random, CHANNELS), applicantType: applicantOf(random) });
  if (events.length === 0) {
    return events;
  }
  // Every outcome appears: the first cases cycle through them, the rest draw at random.
  const cycling = index < REPLY_OUTCOMES.length * 2;
  const planned: OutcomeCode = cycling
    ? REPLY_OUTCOMES[index % REPLY_OUTCOMES.length]!
    : random() < 0.55
      ? 'outcome.disclosed'
      : pick(random, REPLY_OUTCOMES);
  const needsCorrection = planned === 'outcome.unavailable.unclear_after_correction';
  // 补正 (one in six): corrected, lapsed, or still pending.
  let corrected = false;
  if (needsCorrection || random() < 0.17) {
    tryEvent({ type: 'correction_requested', on: later(1, 8), ...(random() < 0.3 ? { periodWorkingDays: 10 } : {}) });
    const project = projectCase(events, { ...context, today: events.at(-1)!.on });
    const deadline = project.correctionDeadline;
    if (deadline !== null) {
      const r = needsCorrection ? 0 : random();
      if (r < 0.6) {
        corrected = tryEvent({ type: 'correction_received', on: later(1, 8) });
      } else if (r < 0.85) {
        tryEvent({ type: 'correction_expired', on: addWorkingDays(deadline, 1 + Math.floor(random() * 3), calendar) });
      }
    }
  }
  if (random() < 0.12) {
    const sentOn = later(1, 6);
    tryEvent({ type: 'consultation_sent', on: sentOn, kind: random() < 0.7 ? 'third_party' : 'organ' });
    if (random() < 0.7) {
      tryEvent({ type: 'consultation_answered', on: later(1, 12) });
    } else {
      tryEvent({ type: 'consultation_expired', on: addWorkingDays(sentOn, 16, calendar) });
    }
  }
  if (random() < 0.05) {
    tryEvent({ type: 'reasons_requested', on: later(1, 3) });
    if (random() < 0.6) {
      const due = projectCase(events, { ...context, today: events.at(-1)!.on }).due;
      if (due !== null) {
        tryEvent({ type: 'delayed_deadline_set', on: later(1, 3), deadline: addWorkingDays(due, 10, calendar) });
      }
    }
  }
  if (random() < 0.15) {
    const approvedOn = later(5, 15);
    tryEvent({
      type: 'extension_approved',
      on: approvedOn,
      workingDays: 5 + Math.floor(random() * 16),
      approvedBy: '办公室主任',
      reason: '需要检索的档案较多',
      noticeSentOn: approvedOn,
    });
  }
  if (random() < 0.06) {
    tryEvent({ type: 'fee_notice_sent', on: later(1, 5) });
    const due = projectCase(events, { ...context, today: events.at(-1)!.on }).feePaymentDue;
    if (due !== null && random() < 0.6) {
      tryEvent({ type: 'fee_paid', on: later(1, 15) });
    } else if (due !== null && random() < 0.7) {
      tryEvent({ type: 'fee_expired', on: addWorkingDays(due, 1 + Math.floor(random() * 3), calendar) });
    }
  }
  // A few cases nobody closes: overdue once their due date has passed.
  if (!cycling && random() < 0.03) {
    return events;
  }
  const close = (): void => {
    const r = random();
    if (r < 0.06 && !cycling) {
      tryEvent({ type: 'withdrawn', on: later(1, 10) });
      return;
    }
    // Some replies come late.
    const chosen = needsCorrection && !corrected ? 'outcome.unavailable.not_held' : planned;
    if (tryEvent({ type: 'replied', on: later(random() < 0.08 ? 18 : 2, random() < 0.08 ? 30 : 18), outcome: chosen })) {
      if (random() < 0.7) {
        tryEvent({ type: 'delivered', on: later(0, 3) });
      }
    }
  };
  close();
  if (random() < 0.02 && !projectCase(events, context).open) {
    tryEvent({ type: 'reopened', on: later(1, 10), reason: '答复有误，重新办理' });
    close();
  }
  return events;
}
