// Use case: every change of an agency's settings — clock, letter and mail keys alike — and of the
// instance defaults it inherits, newest first, with who / when / from / to / why (issue #8 机构设置).
// A secret's values are shown masked whatever the row holds.
import { SECRET_MASK, SECRET_SETTING_KEYS } from '#core/letters/letter-settings.ts';
import { DomainError } from '#core/shared/domain-error.ts';

export interface SettingHistoryRow {
  readonly key: string;
  readonly from: string | null;
  readonly to: string;
  readonly who: string;
  /** ISO instant. */
  readonly when: string;
  readonly reason: string | null;
  /** `agency`: the agency's own value; `instance`: the default every agency inherits. */
  readonly scope: 'agency' | 'instance';
  /** True when the change removed the scope's own value (恢复默认); `to` is the value in force after it. */
  readonly reset: boolean;
}

export interface SettingHistoryPorts {
  findAgency(slug: string): Promise<{ readonly id: number } | undefined>;
  /** The agency's changes and the instance's, newest first, at most `limit`. */
  listSettingChanges(agencyId: number, limit: number): Promise<readonly SettingHistoryRow[]>;
}

export async function listAgencySettingHistory(
  ports: SettingHistoryPorts,
  input: { readonly agency: string; readonly limit?: number },
): Promise<readonly SettingHistoryRow[]> {
  const agency = await ports.findAgency(input.agency);
  if (agency === undefined) {
    throw new DomainError('NOT_FOUND', `未找到机关“${input.agency}”`);
  }
  const rows = await ports.listSettingChanges(agency.id, Math.min(Math.max(input.limit ?? 200, 1), 1000));
  const mask = (value: string | null) => (value === null || value === '' ? value : SECRET_MASK);
  return rows.map((row) => (SECRET_SETTING_KEYS.has(row.key) ? { ...row, from: mask(row.from), to: mask(row.to) ?? '' } : row));
}
