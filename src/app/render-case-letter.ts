// Use case: the reply letter (告知书) of a replied case, with its 文号 (statute.md §4 "Every reply
// letter carries …", §5 remedy notice). The 文号 is the one allocated when the reply was recorded;
// a case replied without one (imported history) gets the next number of its letter year now, once.
import type { LocalDate } from '#core/calendar/local-date.ts';
import type { OutcomeFamily } from '#core/cases/outcome-codes.ts';
import { composeReplyLetter } from '#core/letters/compose-reply-letter.ts';
import { type LetterSettingValues, resolveLetterSettings } from '#core/letters/letter-settings.ts';
import type { LetterTemplate } from '#core/letters/letter-template.ts';
import type { LetterTemplateError, MergedLetter } from '#core/letters/merge-letter.ts';
import { DomainError } from '#core/shared/domain-error.ts';

/** What a letter needs of a case (personal data: the letter goes to the applicant only). */
export interface ReplyFacts {
  readonly caseCode: string;
  readonly applicantName: string;
  readonly request: string;
  readonly receivedOn: LocalDate;
  readonly correctionReceivedOn?: LocalDate;
  /** Null while the case has not been replied. */
  readonly outcome: string | null;
  readonly repliedOn: LocalDate | null;
  /** The officer's text recorded with the reply, if any. */
  readonly details?: string;
}

export interface IssuedLetter {
  readonly docNumber: string;
  readonly year: number;
  readonly number: number;
  readonly outcome: string;
  readonly letterDate: string;
}

/** The ports this use case needs (implemented by adapters/db). */
export interface CaseLetterPorts {
  findAgency(slug: string): Promise<{ readonly id: number; readonly slug: string; readonly name: string } | undefined>;
  /** The agency of a case code (case codes are unique in the instance). */
  findAgencyOfCase(caseCode: string): Promise<{ readonly id: number; readonly slug: string; readonly name: string } | undefined>;
  loadAgencySettings(agencyId: number): Promise<LetterSettingValues>;
  findReplyFacts(agencyId: number, caseCode: string): Promise<ReplyFacts | undefined>;
  listLetterTemplates(agencyId: number): Promise<readonly LetterTemplate[]>;
  /** The letters issued for the case, oldest first. */
  listIssuedLetters(agencyId: number, caseCode: string): Promise<readonly IssuedLetter[]>;
  /** Allocates the next 文号 of the year and records the letter, in one transaction. */
  issueLetter(letter: {
    agencyId: number;
    year: number;
    prefix: string;
    caseCode: string;
    outcome: string;
    letterDate: string;
    createdBy: string;
  }): Promise<IssuedLetter>;
}

export interface CaseLetter {
  readonly caseCode: string;
  readonly docNumber: string;
  readonly letter: MergedLetter;
  /** True when this call allocated the 文号 (no letter had been issued for the reply). */
  readonly newlyIssued: boolean;
}

const SETTING_OF_FIELD: Readonly<Record<string, string>> = {
  reviewOrgan: 'letter.review-organ',
  court: 'letter.court',
};

function refuse(errors: readonly LetterTemplateError[]): never {
  const fields = Object.fromEntries(errors.map((e) => [SETTING_OF_FIELD[e.field ?? ''] ?? e.field ?? e.code, e.message]));
  const hint = errors.some((e) => e.field !== undefined && e.field in SETTING_OF_FIELD)
    ? '（用 gongkai settings set 设置本机关的行政复议机关和人民法院）'
    : '';
  throw new DomainError('INVALID_INPUT', `无法出具告知书：${errors.map((e) => e.message).join('；')}${hint}`, { fields });
}

/** The reply letter of a replied case, ready to render. Refuses (nothing written) when the letter cannot be made. */
export async function renderCaseLetter(
  ports: CaseLetterPorts,
  input: {
    readonly agency?: string;
    readonly caseCode: string;
    readonly actor: string;
    /** False for a caller who may only read: a letter whose 文号 is not yet drawn is then FORBIDDEN, not issued. */
    readonly mayIssue?: boolean;
  },
): Promise<CaseLetter> {
  const agency = input.agency === undefined ? await ports.findAgencyOfCase(input.caseCode) : await ports.findAgency(input.agency);
  if (agency === undefined) {
    throw new DomainError('NOT_FOUND', input.agency === undefined ? `未找到申请“${input.caseCode}”` : `未找到机关“${input.agency}”`);
  }
  const facts = await ports.findReplyFacts(agency.id, input.caseCode);
  if (facts === undefined) {
    throw new DomainError('NOT_FOUND', `未找到申请“${input.caseCode}”`);
  }
  if (facts.outcome === null || facts.repliedOn === null) {
    throw new DomainError('INVALID_TRANSITION', `申请 ${facts.caseCode} 尚未答复，不能出具告知书（先记录答复事件 replied）`);
  }
  const settings = resolveLetterSettings(await ports.loadAgencySettings(agency.id));
  const overrides: Partial<Record<OutcomeFamily, LetterTemplate>> = {};
  for (const template of await ports.listLetterTemplates(agency.id)) {
    overrides[template.family] = template;
  }
  const compose = (docNumber: string) =>
    composeReplyLetter(
      {
        caseCode: facts.caseCode,
        applicantName: facts.applicantName,
        receivedOn: facts.receivedOn,
        ...(facts.correctionReceivedOn === undefined ? {} : { correctionReceivedOn: facts.correctionReceivedOn }),
        request: facts.request,
        outcome: facts.outcome ?? '',
        ...(facts.details === undefined ? {} : { details: facts.details }),
        docNumber,
        letterDate: facts.repliedOn ?? facts.receivedOn,
        agencyName: agency.name,
        reviewOrgan: settings.reviewOrgan,
        court: settings.court,
        partialReviewFirst: settings.partialReviewFirst,
        ...(settings.complaintChannel === '' ? {} : { complaintChannel: settings.complaintChannel }),
      },
      overrides,
    );
  // The letter must compose before a 文号 is spent on it.
  const trial = compose('〔0000〕第0号');
  if (!trial.ok) {
    refuse(trial.errors);
  }
  const issued = (await ports.listIssuedLetters(agency.id, facts.caseCode)).filter(
    (l) => l.outcome === facts.outcome && l.letterDate === facts.repliedOn,
  );
  let letter = issued.at(-1);
  const newlyIssued = letter === undefined;
  if (newlyIssued && input.mayIssue === false) {
    throw new DomainError('FORBIDDEN', `申请 ${facts.caseCode} 的告知书尚未出具（未分配文号），您的角色只能查看，不能出具`);
  }
  letter ??= await ports.issueLetter({
    agencyId: agency.id,
    year: Number(facts.repliedOn.slice(0, 4)),
    prefix: settings.docNumberPrefix,
    caseCode: facts.caseCode,
    outcome: facts.outcome,
    letterDate: facts.repliedOn,
    createdBy: input.actor,
  });
  const merged = compose(letter.docNumber);
  if (!merged.ok) {
    refuse(merged.errors);
  }
  return { caseCode: facts.caseCode, docNumber: letter.docNumber, letter: merged.letter, newlyIssued };
}
