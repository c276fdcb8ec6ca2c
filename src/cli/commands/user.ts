// `gongkai user add USERNAME --agency SLUG --role ROLE --password-stdin` (issue #7 contract): a staff
// user with a role in an agency; the password is read from stdin and stored as an argon2id hash.
import { addUser, checkEmail, setUserEmail } from '#app/identity/manage-users.ts';
import { ROLE_LABEL, ROLES } from '#core/identity/access-policy.ts';
import { type CommandContext, EXIT, UsageError } from '../cli-context.ts';
import { parseCommandLine } from '../command-options.ts';

const HELP = `用法：gongkai user add 用户名 --agency 机构slug --role 角色 [--password-stdin] [--email 邮箱] [--json]
      gongkai user email 用户名 邮箱|--clear [--json]

在机构中增加一名工作人员（或为已有用户增加一个角色）。角色：
${ROLES.map((role) => `  ${role.padEnd(13)} ${ROLE_LABEL[role]}`).join('\n')}
--password-stdin 从标准输入读取密码（第一行，至少 10 个字符），以 argon2id 散列保存；
不给出时该用户只能使用 API 令牌（gongkai token create 用户名）。
监督员可查看本机构及下级机构的案件；系统管理员可查看和办理全部机构的案件。
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
  if (sub === 'email') {
    return emailCommand(username, extra, line.flags, context);
  }
  if (sub !== 'add') {
    throw new UsageError(`user：未知子命令“${sub}”（可用：add、email）`);
  }
  if (username === undefined || extra.length > 0) {
    throw new UsageError('user add：需要且只需要一个用户名');
  }
  const agency = line.values.get('--agency');
  const role = line.values.get('--role');
  if (agency === undefined || role === undefined) {
    throw new UsageError('user add：需要 --agency 机构slug 和 --role 角色');
  }
  const password = line.flags.has('--password-stdin') ? await readStdinLine() : null;
  if (password === '') {
    throw new UsageError('user add：--password-stdin 未从标准输入读到密码');
  }
  const email = line.values.get('--email');
  const result = await context.deps.withIdentity(async (identity) => {
    if (email !== undefined) {
      checkEmail(email); // before the user is added, so a bad address adds nothing
    }
    const added = await addUser(identity, { username, agency, role, password });
    if (email !== undefined) {
      await setUserEmail(identity, { username, email });
    }
    return added;
  });
  if (line.flags.has('--json')) {
    context.out(`${JSON.stringify({ username, agency, role, userId: result.userId, created: result.created })}\n`);
  } else {
    context.out(
      `${result.created ? '已创建用户' : '已为用户增加角色'} ${username}：${agency} 的${ROLE_LABEL[role as keyof typeof ROLE_LABEL] ?? role}\n`,
    );
  }
  return EXIT.ok;
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
