// `gongkai db`: the database's migrations (applied on every start; `db migrate` as a release step with
// several nodes), its status, and an engine-neutral backup that restores on either engine.
import { resolve } from 'node:path';
import { backupDatabase, migrateDatabase, restoreDatabase, showDatabaseStatus, sweepUnreferencedBlobs } from '#app/maintain-database.ts';
import type { AttachmentFilesInBackup } from '#app/ports.ts';
import { formatBytes } from '#core/attachments/check-attachment.ts';
import { type CommandContext, EXIT, UsageError } from '../cli-context.ts';

const HELP = `用法：
  gongkai db migrate [--json]              执行尚未执行的数据库迁移（服务启动时也会自动执行；多节点时作为发布步骤）
  gongkai db status [--json]               数据库位置、已执行和待执行的迁移
  gongkai db backup 文件 [--json]          备份全部数据（JSON Lines 格式，内置数据库与 PostgreSQL 通用；不覆盖已有文件）
  gongkai db restore 文件 [--replace] [--json]
                                           从备份恢复（在一个事务中完成，出错则不作任何更改）；
                                           数据库已有数据时须加 --replace，原有数据将被备份中的数据取代
  gongkai db sweep-blobs [--dry-run] [--json]
                                           删除没有任何附件记录引用的附件文件（上传失败或恢复后遗留的），
                                           保留 24 小时内写入或复用的文件；--dry-run 只列出不删除

附件文件（数据目录下 blobs/，按 SHA-256 存放）随 db backup 写入同一个备份文件，db restore 时写回；
备份时数据目录中缺失的附件文件会被列出，命令以退出码 1 结束。

数据库：设置了 DATABASE_URL 时为该 PostgreSQL 数据库；否则为数据目录（GONGKAI_DATA_DIR）下 pg/ 中的内置数据库。
服务正在运行时也可执行这些命令：命令连接正在运行的内置数据库，不会另行打开数据目录。
`;

const engineName = (engine: string) => (engine === 'pglite' ? '内置数据库（PGlite）' : 'PostgreSQL');

function blobsText(blobs: AttachmentFilesInBackup | undefined): string {
  if (blobs === undefined) {
    return '';
  }
  return `；附件文件 ${blobs.count} 个（${formatBytes(blobs.bytes)}）${blobs.missing.length === 0 ? '' : `，缺失 ${blobs.missing.length} 个`}`;
}

function warnMissing(context: CommandContext, blobs: AttachmentFilesInBackup | undefined): number {
  if (blobs === undefined || blobs.missing.length === 0) {
    return EXIT.ok;
  }
  context.err(
    `注意：附件记录引用的 ${blobs.missing.length} 个文件在数据目录中缺失或已损坏，未能备份：\n${blobs.missing.map((sha) => `  ${sha}`).join('\n')}\n`,
  );
  return EXIT.findings;
}

function rowsText(rows: Readonly<Record<string, number>>): string {
  const total = Object.values(rows).reduce((sum, n) => sum + n, 0);
  return `${total} 行（${Object.entries(rows)
    .map(([table, n]) => `${table} ${n}`)
    .join('，')}）`;
}

/** Runs `gongkai db`. */
export async function run(args: readonly string[], context: CommandContext): Promise<number> {
  const json = args.includes('--json');
  const replace = args.includes('--replace');
  const dryRun = args.includes('--dry-run');
  const [sub, ...params] = args.filter((arg) => arg !== '--json' && arg !== '--replace' && arg !== '--dry-run');
  if (sub === undefined || sub === '--help' || sub === '-h') {
    context.out(HELP);
    return sub === undefined ? EXIT.usage : EXIT.ok;
  }
  const show = (value: unknown, text: string) => context.out(json ? `${JSON.stringify(value, null, 2)}\n` : `${text}\n`);
  const unknownOption = params.find((arg) => arg.startsWith('-'));
  if (unknownOption !== undefined) {
    throw new UsageError(`未知选项“${unknownOption}”。运行 gongkai db --help 查看用法`);
  }
  if (replace && sub !== 'restore') {
    throw new UsageError('--replace 只用于 gongkai db restore');
  }
  if (dryRun && sub !== 'sweep-blobs') {
    throw new UsageError('--dry-run 只用于 gongkai db sweep-blobs');
  }
  switch (sub) {
    case 'migrate': {
      if (params.length > 0) {
        throw new UsageError('用法：gongkai db migrate [--json]');
      }
      const result = await migrateDatabase(context.deps);
      show(
        result,
        result.applied.length === 0
          ? `数据库已是最新（${engineName(result.engine)}，${result.location}，共 ${result.total} 个迁移）`
          : `已执行 ${result.applied.length} 个迁移：${result.applied.join('、')}（${engineName(result.engine)}，${result.location}）`,
      );
      return EXIT.ok;
    }
    case 'status': {
      if (params.length > 0) {
        throw new UsageError('用法：gongkai db status [--json]');
      }
      const status = await showDatabaseStatus(context.deps);
      const lines = [
        `数据库：${engineName(status.engine)}，${status.location}`,
        `已执行迁移（${status.applied.length}）：`,
        ...status.applied.map((m) => `  ${m.tag}  ${m.appliedAt}`),
        status.pending.length === 0 ? '待执行迁移：无' : `待执行迁移（${status.pending.length}）：${status.pending.join('、')}`,
        ...(status.unknown.length > 0
          ? [`注意：数据库中有 ${status.unknown.length} 个本版本不认识的迁移（由更新的版本执行），请升级 gongkai`]
          : []),
      ];
      show(status, lines.join('\n'));
      return EXIT.ok;
    }
    case 'backup': {
      if (params.length !== 1) {
        throw new UsageError('用法：gongkai db backup 文件');
      }
      const path = resolve(context.cwd, params[0]!);
      const result = await backupDatabase(context.deps, path);
      show(
        { ...result, file: path },
        `已备份到 ${path}：${rowsText(result.rows)}${blobsText(result.blobs)}（${engineName(result.engine)}）`,
      );
      return warnMissing(context, result.blobs);
    }
    case 'restore': {
      if (params.length !== 1) {
        throw new UsageError('用法：gongkai db restore 文件 [--replace]');
      }
      const path = resolve(context.cwd, params[0]!);
      const result = await restoreDatabase(context.deps, path, replace);
      show(
        { ...result, file: path },
        `已从 ${path} 恢复：${rowsText(result.rows)}${blobsText(result.blobs)}（${engineName(result.engine)}，${result.location}）`,
      );
      return warnMissing(context, result.blobs);
    }
    case 'sweep-blobs': {
      if (params.length > 0) {
        throw new UsageError('用法：gongkai db sweep-blobs [--dry-run] [--json]');
      }
      const result = await sweepUnreferencedBlobs(
        { attachments: context.deps.attachmentStore, blobs: context.deps.blobs, clock: context.deps.clock },
        { dryRun },
      );
      const bytes = result.removed.reduce((sum, blob) => sum + blob.size, 0);
      show(
        { ...result, dryRun },
        `${dryRun ? '可删除' : '已删除'} ${result.removed.length} 个未被引用的附件文件（${formatBytes(bytes)}），保留 ${result.kept} 个（${result.location}）`,
      );
      return EXIT.ok;
    }
    default:
      throw new UsageError(`未知子命令“${sub}”。可用：migrate、status、backup、restore、sweep-blobs`);
  }
}
