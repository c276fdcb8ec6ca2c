// Who a `gongkai case …` command acts as. Without `--as`, the operator: the CLI runs where the data
// directory and the database are reachable, so whoever runs it could change the data directly anyway
// and a role check would be theatre; nothing is checked and changes are recorded as GONGKAI_USER, else
// the OS user (config.actor). With `--as USERNAME`, a staff user: the command is recorded as that user
// and checked exactly as the staff API checks it (core/identity/access-policy.ts): reading needs a role
// that reads the case's agency (else NOT_FOUND, like an unknown case), writing one that writes there
// (else FORBIDDEN).
import { type CaseAction, mayAccessAgency } from '#core/identity/access-policy.ts';
import { DomainError } from '#core/shared/domain-error.ts';
import type { CommandContext } from './cli-context.ts';

export interface CaseAccess {
  /** The actor recorded in the case history and the audit log. */
  readonly actor: string;
  /** Throws unless the actor may `action` the cases of `agencySlug` (no-op for the operator). */
  require(agencySlug: string, action: CaseAction, caseCode?: string): Promise<void>;
}

export async function caseAccessOf(context: CommandContext, asUser: string | undefined): Promise<CaseAccess> {
  if (asUser === undefined) {
    return { actor: context.deps.actor, require: async () => {} };
  }
  const { user, tree } = await context.deps.withIdentity(async (identity) => ({
    user: await identity.store.findUser(asUser),
    tree: await identity.store.agencyTree(),
  }));
  if (user === undefined) {
    throw new DomainError('UNAUTHENTICATED', `--as：用户“${asUser}”不存在或已停用`);
  }
  return {
    actor: user.username,
    async require(agencySlug, action, caseCode) {
      if (!mayAccessAgency(user.grants, tree, agencySlug, 'read')) {
        throw caseCode === undefined
          ? new DomainError('FORBIDDEN', `用户“${user.username}”无权查看机关“${agencySlug}”的案件`)
          : new DomainError('NOT_FOUND', `未找到案件“${caseCode}”`);
      }
      if (action === 'write' && !mayAccessAgency(user.grants, tree, agencySlug, 'write')) {
        throw new DomainError('FORBIDDEN', `用户“${user.username}”在机关“${agencySlug}”只能查看案件，不能办理`);
      }
    },
  };
}
