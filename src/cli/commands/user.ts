// `gongkai user add USERNAME --agency SLUG --role ROLE --password-stdin` (issue #7 contract): a staff
// user with a role in an agency; the password is read from stdin and stored as an argon2id hash.
// `user list|disable|enable|passwd|grant|revoke` administer the accounts (app/identity/administer-users.ts).
import {
  disableUser,
  enableUser,
  grantUserRole,
  listUserAccounts,
  revokeUserRole,
  setUserPassword,
} from '#app/identity/administer-users.ts';
import { addUser, checkEmail, setUserEmail } from '#app/identity/manage-users.ts';
import type { UserAccount } from '#app/identity/user-admin-ports.ts';
import { ROLE_LABEL, ROLES } from '#core/identity/access-policy.ts';
import { type CommandContext, EXIT, UsageError } from '../cli-context.ts';
import { type ParsedCommandLine, parseCommandLine } from '../command-options.ts';

const HELP = `用法：
  gongkai user add 用户名 --agency 机构slug --role 角色 [--password-stdin] [--email 邮箱] [--json]
      在机构中增加一名工作人员（或为已有用户增加一个角色）
  gongkai user email 用户名 邮箱|--clear [--json]     设置或清除电子邮箱（承办案件的到期、逾期提醒发往此邮箱）
  gongkai user list [--agency 机构slug] [--json]      列出用户、状态、角色和有效令牌数
  gongkai user disable 用户名                          停用：立即结束其全部登录会话；其 API 令牌在停用期间不能使用（不撤销）
  gongkai user enable 用户名                           重新启用：可以登录，未撤销的令牌恢复可用
  gongkai user passwd 用户名 --password-stdin          设置新密码（结束其全部登录会话）
  gongkai user grant 用户名 --agency 机构slug --role 角色    授予角色
  gongkai user revoke 用户名 --agency 机构slug --role 角色   撤销角色

角色：
${ROLES.map((role) => `  ${role.padEnd(13)} ${ROLE_LABEL[role]}`).join('\n')}
--password-stdin 从标准输入读取密码（第一行，至少 10 个字符），以 argon2id 散列保存；
add 不给出时该用户只能使用 API 令牌（gongkai token create 用户名）。
监督员可查看本机构及下级机构的案件；系统管理员可查看和办理全部机构的案件。
如需永久作废令牌：gongkai token revoke 用户名。
--email（或 user email）设置用户的电子邮箱：该用户承办的案件的到期、逾期提醒发往此邮箱；
未设置时发往机关邮箱（设置 mail.reminders-to）。user email 用户名 --clear 清除邮箱。
`;

/** The first line of stdin (a password piped in), without its line break. */
export async function readStdinLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  }
  return (Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '').trimEnd();
}

const roleLabel = (role: string): string => ROLE_LABEL[role as keyof typeof ROLE_LABEL] ?? role;

async function readPassword(sub: string, flags: ReadonlySet<string>): Promise<string | null> {
  if (!flags.has('--password-stdin')) {
    return null;
  }
  const password = await readStdinLine();
  if (password === '') {
    throw new UsageError(`user ${sub}：--password-stdin 未从标准输入读到密码`);
  }
  return password;
}

function requireGrantOptions(sub: string, values: ReadonlyMap<string, string>): { agency: string; role: string } {
  const agency = values.get('--agency');
  const role = values.get('--role');
  if (agency === undefined || role === undefined) {
    throw new UsageError(`user ${sub}：需要 --agency 机构slug 和 --role 角色`);
  }
  return { agency, role };
}

function accountJson(account: UserAccount) {
  return {
    username: account.username,
    disabled: account.disabledAt !== null,
    disabledAt: account.disabledAt,
    createdAt: account.createdAt,
    hasPassword: account.hasPassword,
    grants: account.grants,
    activeTokens: account.activeTokens,
  };
}

function accountLine(account: UserAccount): string {
  const grants = account.grants.map((g) => `${g.agency}:${roleLabel(g.role)}`).join('、') || '（无角色）';
  const state = account.disabledAt === null ? '启用' : `已停用（${account.disabledAt}）`;
  return `${account.username}\t${state}\t${grants}\t有效令牌 ${account.activeTokens}${account.hasPassword ? '' : '\t无密码（仅令牌）'}\n`;
}

async function add(username: string, line: ParsedCommandLine, context: CommandContext): Promise<number> {
  const { agency, role } = requireGrantOptions('add', line.values);
  const password = await readPassword('add', line.flags);
  const email = line.values.get('--email');
  if (email !== undefined) {
    checkEmail(email); // before the user is added, so a bad address adds nothing
  }
  const result = await context.deps.withIdentity(async (identity) => {
    const added = await addUser(identity, { username, agency, role, password });
    if (email !== undefined) {
      await setUserEmail(identity, { username, email });
    }
    return added;
  });
  if (line.flags.has('--json')) {
    context.out(`${JSON.stringify({ username, agency, role, userId: result.userId, created: result.created })}\n`);
  } else {
    context.out(`${result.created ? '已创建用户' : '已为用户增加角色'} ${username}：${agency} 的${roleLabel(role)}\n`);
  }
  return EXIT.ok;
}

async function list(line: ParsedCommandLine, context: CommandContext): Promise<number> {
  const agency = line.values.get('--agency');
  const accounts = await context.deps.withIdentity((identity) => listUserAccounts(identity, agency === undefined ? {} : { agency }));
  if (line.flags.has('--json')) {
    context.out(`${JSON.stringify(accounts.map(accountJson))}\n`);
    return EXIT.ok;
  }
  for (const account of accounts) {
    context.out(accountLine(account));
  }
  if (accounts.length === 0) {
    context.out(agency === undefined ? '还没有用户（gongkai user add 增加）\n' : `机构 ${agency} 还没有用户\n`);
  }
  return EXIT.ok;
}

async function change(sub: string, username: string, line: ParsedCommandLine, context: CommandContext): Promise<number> {
  const who = context.deps.actor;
  const json = line.flags.has('--json');
  const say = (text: string, value: unknown) => context.out(json ? `${JSON.stringify(value)}\n` : `${text}\n`);
  switch (sub) {
    case 'disable': {
      const result = await context.deps.withIdentity((identity) => disableUser(identity, { username, who }));
      say(
        `${result.changed ? '已停用' : '该用户此前已停用'} ${username}；结束登录会话 ${result.sessionsEnded} 个；` +
          `其 ${result.tokensSuspended} 个有效 API 令牌在停用期间不能使用（未撤销，重新启用后恢复；永久作废：gongkai token revoke ${username}）`,
        result,
      );
      return EXIT.ok;
    }
    case 'enable': {
      const result = await context.deps.withIdentity((identity) => enableUser(identity, { username, who }));
      say(
        result.changed ? `已启用 ${username}；其 ${result.tokensRestored} 个未撤销的 API 令牌恢复可用` : `${username} 未被停用，无需启用`,
        result,
      );
      return EXIT.ok;
    }
    case 'passwd': {
      const password = await readPassword('passwd', line.flags);
      if (password === null) {
        throw new UsageError('user passwd：需要 --password-stdin（从标准输入读取新密码）');
      }
      const result = await context.deps.withIdentity((identity) => setUserPassword(identity, { username, password, who }));
      say(`已为 ${username} 设置新密码；结束登录会话 ${result.sessionsEnded} 个`, result);
      return EXIT.ok;
    }
    case 'grant': {
      const grant = requireGrantOptions('grant', line.values);
      const result = await context.deps.withIdentity((identity) => grantUserRole(identity, { username, ...grant, who }));
      say(`${result.added ? '已授予' : '该用户已有此角色：'} ${username} ${grant.agency} 的${roleLabel(result.grant.role)}`, {
        username,
        ...result,
      });
      return EXIT.ok;
    }
    case 'revoke': {
      const grant = requireGrantOptions('revoke', line.values);
      const result = await context.deps.withIdentity((identity) => revokeUserRole(identity, { username, ...grant, who }));
      say(
        `已撤销 ${username} 在 ${grant.agency} 的${roleLabel(result.grant.role)}` +
          (result.remaining.length === 0 ? '；该用户已没有任何角色（仍可登录但看不到任何机构，可用 gongkai user disable 停用）' : ''),
        { username, ...result },
      );
      return EXIT.ok;
    }
    default:
      throw new UsageError(`user：未知子命令“${sub}”（可用：add、list、disable、enable、passwd、grant、revoke）`);
  }
}

export async function run(args: readonly string[], context: CommandContext): Promise<number> {
  const line = parseCommandLine('user', args, {
    values: ['--agency', '--role', '--email'],
    flags: ['--password-stdin', '--json', '--clear'],
  });
  const [sub, username, ...extra] = line.positional;
  if (line.flags.has('--help') || sub === undefined) {
    context.out(HELP);
    return sub === undefined && !line.flags.has('--help') ? EXIT.usage : EXIT.ok;
  }
  if (sub === 'list') {
    if (username !== undefined) {
      throw new UsageError('user list：不接受用户名（用 --agency 机构slug 筛选）');
    }
    return list(line, context);
  }
  if (sub === 'email') {
    return emailCommand(username, extra, line.flags, context);
  }
  if (!['add', 'disable', 'enable', 'passwd', 'grant', 'revoke'].includes(sub)) {
    throw new UsageError(`user：未知子命令“${sub}”（可用：add、list、email、disable、enable、passwd、grant、revoke）`);
  }
  if (username === undefined || extra.length > 0) {
    throw new UsageError(`user ${sub}：需要且只需要一个用户名`);
  }
  return sub === 'add' ? add(username, line, context) : change(sub, username, line, context);
}

async function emailCommand(
  username: string | undefined,
  extra: readonly string[],
  flags: ReadonlySet<string>,
  context: CommandContext,
): Promise<number> {
  const clear = flags.has('--clear');
  if (username === undefined || extra.length !== (clear ? 0 : 1)) {
    throw new UsageError('用法：gongkai user email 用户名 邮箱|--clear [--json]');
  }
  const email = clear ? null : extra[0]!;
  const result = await context.deps.withIdentity((identity) => setUserEmail(identity, { username, email }));
  context.out(
    flags.has('--json')
      ? `${JSON.stringify({ username, email: result.email })}\n`
      : result.email === null
        ? `已清除用户 ${username} 的电子邮箱（提醒将发往机关邮箱）\n`
        : `已将用户 ${username} 的电子邮箱设为 ${result.email}\n`,
  );
  return EXIT.ok;
}
