// `gongkai db`: the database's migrations (applied on every start; `db migrate` as a release step with
// several nodes) and its status.
import { migrateDatabase, migrationStatus } from '#adapters/db/migrate.ts';
import { type CommandContext, EXIT, UsageError } from '../cli-context.ts';
import { withCliDatabase } from '../cli-database.ts';

const HELP = `用法：
  gongkai db migrate [--json]     执行尚未执行的数据库迁移（多个节点时作为发布步骤；服务启动时也会自动执行）
  gongkai db status [--json]      数据库位置、已执行和待执行的迁移

数据库：设置了 DATABASE_URL 时为该 PostgreSQL 数据库；否则为数据目录（GONGKAI_DATA_DIR）下 pg/ 中的内置数据库。
服务正在运行时也可执行这些命令：命令连接正在运行的内置数据库，不会另行打开数据目录。
`;

/** Runs `gongkai db`. */
export async function run(args: readonly string[], context: CommandContext): Promise<number> {
  const json = args.includes('--json');
  const [sub, ...params] = args.filter((arg) => arg !== '--json');
  if (sub === undefined || sub === '--help' || sub === '-h') {
    context.out(HELP);
    return sub === undefined ? EXIT.usage : EXIT.ok;
  }
  switch (sub) {
    case 'migrate': {
      if (params.length > 0) {
        throw new UsageError('用法：gongkai db migrate [--json]');
      }
      return withCliDatabase(
        context,
        async (database) => {
          const applied = await migrateDatabase(database.pool);
          const status = await migrationStatus(database.pool);
          if (json) {
            context.out(
              `${JSON.stringify({ engine: database.engine, location: database.location, applied, pending: status.pending }, null, 2)}\n`,
            );
          } else {
            context.out(
              applied.length === 0
                ? `数据库已是最新（${database.location}，共 ${status.applied.length} 个迁移）\n`
                : `已执行 ${applied.length} 个迁移：${applied.join('、')}（${database.location}）\n`,
            );
          }
          return EXIT.ok;
        },
        { migrate: false },
      );
    }
    case 'status': {
      if (params.length > 0) {
        throw new UsageError('用法：gongkai db status [--json]');
      }
      return withCliDatabase(
        context,
        async (database) => {
          const status = await migrationStatus(database.pool);
          if (json) {
            context.out(`${JSON.stringify({ engine: database.engine, location: database.location, ...status }, null, 2)}\n`);
            return EXIT.ok;
          }
          const lines = [
            `数据库：${database.engine === 'pglite' ? '内置（PGlite）' : 'PostgreSQL'}，${database.location}`,
            `已执行迁移（${status.applied.length}）：`,
            ...status.applied.map((m) => `  ${m.tag}  ${m.appliedAt}`),
            status.pending.length === 0 ? '待执行迁移：无' : `待执行迁移（${status.pending.length}）：${status.pending.join('、')}`,
          ];
          if (status.unknown.length > 0) {
            lines.push(`注意：数据库中有 ${status.unknown.length} 个本版本不认识的迁移（由更新的版本执行），请升级 gongkai`);
          }
          context.out(`${lines.join('\n')}\n`);
          return EXIT.ok;
        },
        { migrate: false },
      );
    }
    default:
      throw new UsageError(`未知子命令“${sub}”。可用：migrate、status`);
  }
}
