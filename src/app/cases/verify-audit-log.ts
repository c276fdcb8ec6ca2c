// verifyAuditLog (`gongkai audit verify [--agency SLUG]`): recomputes each agency's audit hash chain and
// reports, per agency, the first broken link with a Chinese reason. The chain makes changes to past
// entries evident (a changed entry no longer matches its hash; a recomputed hash no longer matches the
// next entry's link; a deleted entry leaves a gap in seq); a cut-off tail is evident only against a
// head (seq and hash) noted outside the database, which this report prints.

import type { AuditChainState, CaseDeps } from '../case-ports.ts';
import { requireAgency } from './case-context.ts';

export interface AuditChainReport {
  readonly agency: string;
  readonly entries: number;
  readonly head: AuditChainState['head'];
  readonly intact: boolean;
  readonly firstBreak: (NonNullable<AuditChainState['firstBreak']> & { readonly message: string }) | null;
}

function reasonOf(found: NonNullable<AuditChainState['firstBreak']>): string {
  const at = `第 ${found.seq} 条记录（id ${found.id}）`;
  switch (found.fault) {
    case 'gap':
      return `${at}之前缺少记录：此处应为第 ${found.expectedSeq} 条（有记录被删除）`;
    case 'link':
      return `${at}与上一条记录的链接断开：它记下的上一条哈希与上一条的实际哈希不符（上一条被改动后重算了哈希，或被替换）`;
    case 'content':
      return `${at}的内容与其哈希不符（该记录被改动）`;
  }
}

/** The chain of one agency, or of every agency with entries; `intact` false when any link is broken. */
export async function verifyAuditLog(
  deps: Pick<CaseDeps, 'cases'>,
  input: { readonly agencySlug?: string },
): Promise<{ intact: boolean; agencies: AuditChainReport[] }> {
  const agency = input.agencySlug === undefined ? undefined : await requireAgency(deps as CaseDeps, input.agencySlug);
  const states = await deps.cases.verifyAuditChain(agency?.id ?? null);
  const found =
    agency !== undefined && states.length === 0
      ? [{ agencyId: agency.id, agencySlug: agency.slug, entries: 0, head: null, firstBreak: null } satisfies AuditChainState]
      : states;
  const agencies = found.map((state) => ({
    agency: state.agencySlug,
    entries: state.entries,
    head: state.head,
    intact: state.firstBreak === null,
    firstBreak: state.firstBreak === null ? null : { ...state.firstBreak, message: reasonOf(state.firstBreak) },
  }));
  return { intact: agencies.every((a) => a.intact), agencies };
}
