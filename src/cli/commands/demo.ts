// `gongkai demo`: the README's first command. Seeds the demo agency once (hundreds of application
// cases over two years, every outcome, some overdue, some waiting for 补正) into the embedded
// database (or DATABASE_URL) and serves it; prints the URL, the staff account and an API token.
import { type CliContext, EXIT } from '../cli-context.ts';
import { parseCommandLine, portOption } from '../command-options.ts';
import { untilSignal } from './serve.ts';

/** The demo agency and the staff account printed for it. */
const DEMO = { agency: 'demo', agencyName: '示范市人民政府办公室', username: 'demo', password: 'gongkai-demo-2026' } as const;

const HELP = `用法：gongkai demo [--port 8080] [--host 127.0.0.1]

第一次运行时在数据目录（GONGKAI_DATA_DIR，未设置 DATABASE_URL 时为内置数据库）中建立示范机关“${DEMO.agencyName}”（${DEMO.agency}），
载入两年的依申请公开案件（覆盖全部办理结果，含逾期和等待补正的案件），之后每次运行直接使用已有数据。
然后启动服务（与 gongkai serve 相同），并打印工作人员账号和一个新的 API 令牌。按 Ctrl+C 停止。
审核随项目附带的五份真实年度报告：gongkai report check test/fixtures/seeds/
`;

export async function run(args: readonly string[], context: CliContext): Promise<number> {
  const line = parseCommandLine('demo', args, { values: ['--port', '--host'] });
  if (line.flags.has('--help')) {
    context.out(HELP);
    return EXIT.ok;
  }
  if (line.positional.length > 0) {
    context.err(`gongkai demo：多余的参数“${line.positional.join(' ')}”\n`);
    return EXIT.usage;
  }
  const port = portOption('demo', line.values.get('--port'));
  const host = line.values.get('--host');
  const { startDemoServer } = await import('../../main.ts');
  const server = await startDemoServer(
    {
      env: context.env,
      cwd: context.cwd,
      ...(port === undefined ? {} : { port }),
      ...(host === undefined ? {} : { host }),
    },
    DEMO,
  );
  context.out(`gongkai 演示服务已启动：${server.url}\n正在准备示范数据（第一次运行需要几秒到几十秒）…\n`);
  const done = untilSignal(context, () => server.close());
  let info: Awaited<typeof server.demo>;
  try {
    await server.ready;
    info = await server.demo;
  } catch (error) {
    await server.close();
    throw error;
  }
  const url = server.url;
  context.out(
    [
      '',
      `示范机关：${DEMO.agencyName}（${DEMO.agency}），共 ${info.cases} 件依申请公开案件${info.seeded ? '（本次新载入）' : ''}`,
      `工作人员账号：${DEMO.username} / ${DEMO.password}（机构管理员）`,
      `工作台登录：${url}/console/login  （用户名 ${DEMO.username}，密码 ${DEMO.password}）`,
      `公开平台：${url}/`,
      `API 令牌（本次新生成）：${info.token}`,
      '',
      '试一试：',
      `  curl ${url}/healthz`,
      `  curl ${url}/api/openapi.json`,
      `  curl -H "Authorization: Bearer ${info.token}" "${url}/api/cases?limit=5"`,
      `  curl -X POST ${url}/api/agencies/${DEMO.agency}/applications -H 'content-type: application/json' \\`,
      `    -d '{"applicant":{"type":"natural_person","name":"张三","idType":"resident_id","idNumber":"11010519491231002X","email":"z@example.org"},"description":"2025年部门预算","delivery":"email"}'`,
      '  再用返回的 caseCode 和 verificationCode 查询：curl "' + url + '/api/applications/案件编号?v=验证码"',
      '',
      '按 Ctrl+C 停止。',
      '',
    ].join('\n'),
  );
  return done;
}
