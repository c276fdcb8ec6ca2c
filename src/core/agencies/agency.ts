// Agencies (机关): the unit every case, setting and report belongs to. A department (部门, e.g. 市教育局)
// or a government (人民政府, e.g. 某市人民政府), with an optional parent (上级机关) for supervision.

export const AGENCY_KINDS = ['department', 'government'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export const AGENCY_KIND_LABELS: Readonly<Record<AgencyKind, string>> = { department: '部门', government: '人民政府' };

/** Slugs name an agency in URLs and commands: lower-case Latin letters, digits and hyphens, 1–63 characters. */
export const AGENCY_SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** Longest agency name accepted (the longest official names are well under it). */
export const AGENCY_NAME_MAX = 200;

export function isAgencyKind(value: string): value is AgencyKind {
  return (AGENCY_KINDS as readonly string[]).includes(value);
}

/** Why a slug is not acceptable (Chinese), or undefined when it is. */
export function agencySlugProblem(slug: string): string | undefined {
  return AGENCY_SLUG_PATTERN.test(slug)
    ? undefined
    : `机关标识应由小写英文字母、数字和连字符组成（以字母或数字开头，最长63个字符），收到“${slug}”`;
}

/** Why a name is not acceptable (Chinese), or undefined when it is. */
export function agencyNameProblem(name: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed === '') {
    return '机关名称不能为空';
  }
  return [...trimmed].length > AGENCY_NAME_MAX ? `机关名称过长（最多${AGENCY_NAME_MAX}个字）` : undefined;
}
