// Use cases: an agency's reply letter templates (one per outcome family; the shipped defaults apply
// where the agency has none). A template is checked before it is stored: unknown merge fields, stray
// braces and a missing remedy notice are refused with Chinese messages, and nothing is written.

import { OUTCOME_FAMILIES, type OutcomeFamily } from '#core/cases/outcome-codes.ts';
import { DEFAULT_LETTER_TEMPLATES, type LetterTemplate } from '#core/letters/letter-template.ts';
import { checkLetterTemplate } from '#core/letters/merge-letter.ts';
import { isOutcomeFamily, OUTCOME_FAMILY_LABEL } from '#core/letters/outcome-family.ts';
import { DomainError } from '#core/shared/domain-error.ts';

export interface LetterTemplatePorts {
  findAgency(slug: string): Promise<{ readonly id: number; readonly slug: string; readonly name: string } | undefined>;
  listLetterTemplates(agencyId: number): Promise<readonly LetterTemplate[]>;
  saveLetterTemplate(agencyId: number, template: LetterTemplate, who: string): Promise<void>;
  deleteLetterTemplate(agencyId: number, family: OutcomeFamily): Promise<boolean>;
}

export interface TemplateView extends LetterTemplate {
  readonly familyLabel: string;
  /** `agency`: the agency's own; `default`: the shipped one. */
  readonly source: 'agency' | 'default';
}

async function agencyOf(ports: LetterTemplatePorts, slug: string) {
  const agency = await ports.findAgency(slug);
  if (agency === undefined) {
    throw new DomainError('NOT_FOUND', `未找到机关“${slug}”`);
  }
  return agency;
}

function familyOf(value: string): OutcomeFamily {
  if (!isOutcomeFamily(value)) {
    throw new DomainError('INVALID_INPUT', `未知的告知书类别“${value}”（应为 ${OUTCOME_FAMILIES.join('、')} 之一）`, {
      fields: { family: '未知的告知书类别' },
    });
  }
  return value;
}

/** Every family's template as the agency's letters use it. */
export async function listLetterTemplates(ports: LetterTemplatePorts, input: { readonly agency: string }): Promise<TemplateView[]> {
  const agency = await agencyOf(ports, input.agency);
  const own = new Map((await ports.listLetterTemplates(agency.id)).map((t) => [t.family, t]));
  return OUTCOME_FAMILIES.map((family) => {
    const template = own.get(family);
    return {
      ...(template ?? DEFAULT_LETTER_TEMPLATES[family]),
      familyLabel: OUTCOME_FAMILY_LABEL[family],
      source: template === undefined ? 'default' : 'agency',
    };
  });
}

/** Stores the agency's template of a family after checking it; omitted parts keep the current text. */
export async function setLetterTemplate(
  ports: LetterTemplatePorts,
  input: {
    readonly agency: string;
    readonly family: string;
    readonly title?: string;
    readonly addressee?: string;
    readonly body?: string;
    readonly actor: string;
  },
): Promise<TemplateView> {
  const family = familyOf(input.family);
  const agency = await agencyOf(ports, input.agency);
  const current = (await ports.listLetterTemplates(agency.id)).find((t) => t.family === family) ?? DEFAULT_LETTER_TEMPLATES[family];
  const template: LetterTemplate = {
    family,
    title: input.title ?? current.title,
    addressee: input.addressee ?? current.addressee,
    body: (input.body ?? current.body).replace(/\r\n/g, '\n'),
  };
  if (template.title.length > 100 || template.addressee.length > 200 || template.body.length > 20_000) {
    throw new DomainError('INVALID_INPUT', '模板过长（标题不超过100字，称谓不超过200字，正文不超过20000字）');
  }
  const errors = checkLetterTemplate(template);
  if (errors.length > 0) {
    throw new DomainError('INVALID_INPUT', `模板有误：${errors.map((e) => e.message).join('；')}`, {
      // Every problem of a part, not only the last one.
      fields: errors.reduce<Record<string, string>>((fields, e) => {
        const part = e.part ?? 'body';
        fields[part] = fields[part] === undefined ? e.message : `${fields[part]}；${e.message}`;
        return fields;
      }, {}),
    });
  }
  await ports.saveLetterTemplate(agency.id, template, input.actor);
  return { ...template, familyLabel: OUTCOME_FAMILY_LABEL[family], source: 'agency' };
}

/** Removes the agency's template of a family: the shipped default applies again. */
export async function resetLetterTemplate(
  ports: LetterTemplatePorts,
  input: { readonly agency: string; readonly family: string },
): Promise<{ readonly removed: boolean }> {
  const family = familyOf(input.family);
  const agency = await agencyOf(ports, input.agency);
  return { removed: await ports.deleteLetterTemplate(agency.id, family) };
}
