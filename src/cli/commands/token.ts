// `gongkai token create USERNAME` prints a new API token once (stored only as a hash);
// `gongkai token revoke USERNAME [--id N]` revokes one or all of the user's tokens; `token list`.
import { createApiToken, revokeApiTokens } from '#app/identity/manage-users.ts';
import { DomainError } from '#core/shared/domain-error.ts';
import { type CommandContext, EXIT, UsageError } from '../cli-context.ts';
import { parseCommandLine } from '../command-options.ts';

const HELP = `用法：
  gongkai token create 用户名 [--label 说明] [--json]   生成一个 API 令牌（只显示这一次）
  gongkai token revoke 用户名 [--id 编号]               撤销该用户的一个令牌（不给 --id 时撤销全部）
  gongkai token list 用户名 [--json]                    列出令牌编号、说明、创建和撤销时间（不含令牌本身）

调用工作人员接口时在请求头中给出：Authorization: Bearer 令牌
`;

export async function run(args: readonly string[], context: CommandContext): Promise<number> {
  const line = parseCommandLine('token', args, { values: ['--label', '--id'], flags: ['--json'] });
  const [sub, username, ...extra] = line.positional;
  if (line.flags.has('--help') || sub === undefined) {
    context.out(HELP);
    return sub === undefined && !line.flags.has('--help') ? EXIT.usage : EXIT.ok;
  }
  if (username === undefined || extra.length > 0) {
    throw new UsageError(`token ${sub}：需要且只需要一个用户名`);
  }
  const json = line.flags.has('--json');
  return context.deps.withIdentity(async (deps) => {
    switch (sub) {
      case 'create': {
        const label = line.values.get('--label');
        const { token, tokenId } = await createApiToken(deps, { username, ...(label === undefined ? {} : { label }) });
        if (json) {
          context.out(`${JSON.stringify({ username, tokenId, token })}\n`);
        } else {
          context.out(`${token}\n`);
          context.err(
            `已为 ${username} 生成令牌（编号 ${tokenId}）。令牌只显示这一次，请妥善保存；撤销：gongkai token revoke ${username} --id ${tokenId}\n`,
          );
        }
        return EXIT.ok;
      }
      case 'revoke': {
        const tokenId = line.values.get('--id');
        const { revoked } = await revokeApiTokens(deps, { username, ...(tokenId === undefined ? {} : { tokenId }) });
        context.out(json ? `${JSON.stringify({ username, revoked })}\n` : `已撤销 ${username} 的 ${revoked} 个令牌\n`);
        return EXIT.ok;
      }
      case 'list': {
        const user = await deps.store.findUser(username);
        if (user === undefined) {
          throw new DomainError('NOT_FOUND', `用户“${username}”不存在`);
        }
        const tokens = await deps.store.listTokens(user.id);
        if (json) {
          context.out(
            `${JSON.stringify(tokens.map((t) => ({ ...t, createdAt: t.createdAt.toISOString(), revokedAt: t.revokedAt?.toISOString() ?? null })))}\n`,
          );
        } else {
          for (const t of tokens) {
            context.out(
              `${t.tokenId}\t${t.label || '（无说明）'}\t创建 ${t.createdAt.toISOString()}\t${t.revokedAt === null ? '有效' : `已撤销 ${t.revokedAt.toISOString()}`}\n`,
            );
          }
          if (tokens.length === 0) {
            context.out(`${username} 没有令牌\n`);
          }
        }
        return EXIT.ok;
      }
      default:
        throw new UsageError(`token：未知子命令“${sub}”（可用：create、revoke、list）`);
    }
  });
}
