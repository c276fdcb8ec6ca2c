// Use case: add an agency (机关) to this instance. A bad slug, name or kind is INVALID_INPUT, an unknown
// parent NOT_FOUND, a slug in use CONFLICT; none of them writes anything.
import { AGENCY_KINDS, type AgencyKind, agencyNameProblem, agencySlugProblem, isAgencyKind } from '#core/agencies/agency.ts';
import { DomainError } from '#core/shared/domain-error.ts';
import type { Agency, AgencyStore } from './ports.ts';

export interface AddAgencyInput {
  readonly slug: string;
  readonly name: string;
  /** The parent's slug (上级机关). */
  readonly parent?: string | undefined;
  /** `department` (default) or `government`. */
  readonly kind?: string | undefined;
}

/** Checks the input and stores the agency; returns it as stored. */
export async function addAgency(deps: { readonly agencies: AgencyStore }, input: AddAgencyInput): Promise<Agency> {
  const fields: Record<string, string> = {};
  const slugProblem = agencySlugProblem(input.slug);
  if (slugProblem !== undefined) {
    fields['slug'] = slugProblem;
  }
  const nameProblem = agencyNameProblem(input.name);
  if (nameProblem !== undefined) {
    fields['name'] = nameProblem;
  }
  const kind = input.kind ?? 'department';
  if (!isAgencyKind(kind)) {
    fields['kind'] = `机关类型应为 ${AGENCY_KINDS.join(' 或 ')}（部门 / 人民政府），收到“${kind}”`;
  }
  if (input.parent !== undefined) {
    const parentProblem = agencySlugProblem(input.parent);
    if (parentProblem !== undefined) {
      fields['parent'] = `上级${parentProblem}`;
    } else if (input.parent === input.slug) {
      fields['parent'] = '上级机关不能是本机关';
    }
  }
  const problems = Object.values(fields);
  if (problems.length > 0) {
    throw new DomainError('INVALID_INPUT', problems.join('；'), { fields });
  }
  return deps.agencies.add({
    slug: input.slug,
    name: input.name.trim(),
    kind: kind as AgencyKind,
    ...(input.parent === undefined ? {} : { parent: input.parent }),
  });
}
