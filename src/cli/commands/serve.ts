// `gongkai serve [--port 8080] [--host 127.0.0.1]`: starts the server (embedded database unless
// DATABASE_URL), prints its URL at once; /healthz says ok once migrations are done.
import { type CliContext, EXIT } from '../cli-context.ts';
import { parseCommandLine, portOption } from '../command-options.ts';

const HELP = `用法：gongkai serve [--port 8080] [--host 127.0.0.1]

启动 gongkai 服务并打印其网址。未设置 DATABASE_URL 时使用数据目录（GONGKAI_DATA_DIR）中的内置数据库。
  GET  /healthz                                  数据库迁移完成后答复 {"status":"ok"}
  POST /api/agencies/{机构}/applications          公开受理（依申请公开）
  GET  /api/applications/{案件编号}?v={验证码}     申请人查询办理状态
  GET  /api/cases …                              工作人员接口（Authorization: Bearer 令牌）
  GET  /api/openapi.json                         OpenAPI 文档
  GET  /console/login                            工作人员登录工作台（用户由 gongkai user add 建立）
  GET  /                                         公开平台（政府信息公开）
--port 0 表示任选一个空闲端口。按 Ctrl+C 停止。
`;

/** Keeps the process serving until SIGINT/SIGTERM; then closes the server and the database. */
export function untilSignal(context: CliContext, close: () => Promise<void>): Promise<number> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      context.err('gongkai：正在停止服务…\n');
      close().then(
        () => resolve(EXIT.ok),
        () => resolve(EXIT.defect),
      );
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export async function run(args: readonly string[], context: CliContext): Promise<number> {
  const line = parseCommandLine('serve', args, { values: ['--port', '--host'] });
  if (line.flags.has('--help')) {
    context.out(HELP);
    return EXIT.ok;
  }
  if (line.positional.length > 0) {
    context.err(`gongkai serve：多余的参数“${line.positional.join(' ')}”\n`);
    return EXIT.usage;
  }
  const port = portOption('serve', line.values.get('--port'));
  const host = line.values.get('--host');
  const { startServer } = await import('../../main.ts');
  const server = await startServer({
    env: context.env,
    cwd: context.cwd,
    ...(port === undefined ? {} : { port }),
    ...(host === undefined ? {} : { host }),
  });
  context.out(`gongkai 服务已启动：${server.url}\n`);
  const done = untilSignal(context, () => server.close());
  try {
    await server.ready;
  } catch (error) {
    await server.close();
    throw error;
  }
  context.err(`gongkai：数据库已就绪（${server.config.db.url === null ? '内置数据库' : 'PostgreSQL'}），${server.url}/healthz 答复 ok\n`);
  return done;
}
