// `gongkai audit verify [--agency SLUG] [--json]`: recomputes the audit log's hash chain of each agency
// (app/cases/verify-audit-log.ts) and reports the first broken link; exit 1 when a chain is broken.
import { verifyAuditLog } from '#app/cases/verify-audit-log.ts';
import { type CommandContext, EXIT, UsageError } from '../cli-context.ts';
import { parseCommandLine } from '../command-options.ts';

const HELP = `用法：gongkai audit verify [--agency 机关] [--json]

核验审计日志的哈希链（每个机关一条链：每条记录的哈希覆盖上一条记录的哈希和本条内容）。
逐个机关报告记录条数、末条记录（序号和哈希）和第一处断开的位置及原因：
  内容与哈希不符（记录被改动）、与上一条的链接断开、序号不连续（有记录被删除）。
末条哈希可另行记录（如打印存档）：日后核验时末条不同，说明末尾的记录被删除或替换。
退出码：0 全部完好；1 有断开；3 机关不存在。
`;

export async function run(args: readonly string[], context: CommandContext): Promise<number> {
  const line = parseCommandLine('audit', args, { values: ['--agency'], flags: ['--json'] });
  const [sub, ...extra] = line.positional;
  if (line.flags.has('--help') || sub === undefined) {
    context.out(HELP);
    return sub === undefined && !line.flags.has('--help') ? EXIT.usage : EXIT.ok;
  }
  if (sub !== 'verify' || extra.length > 0) {
    throw new UsageError(`audit：未知子命令或多余参数“${[sub, ...extra].join(' ')}”（可用：verify）`);
  }
  const agency = line.values.get('--agency');
  const result = await verifyAuditLog({ cases: context.deps.cases }, agency === undefined ? {} : { agencySlug: agency });
  if (line.flags.has('--json')) {
    context.out(`${JSON.stringify(result, null, 2)}\n`);
  } else if (result.agencies.length === 0) {
    context.out('审计日志中尚无记录\n');
  } else {
    for (const a of result.agencies) {
      const head = a.head === null ? '' : `，末条第 ${a.head.seq} 条，哈希 ${a.head.hash}`;
      if (a.firstBreak === null) {
        context.out(`${a.agency}：${a.entries} 条记录，哈希链完好${head}\n`);
      } else {
        context.out(`${a.agency}：${a.entries} 条记录，哈希链断开——${a.firstBreak.message}${head}\n`);
      }
    }
  }
  if (!result.intact) {
    context.err('审计日志的哈希链已断开：记录在写入后被改动或删除，请核查数据库的访问记录\n');
  }
  return result.intact ? EXIT.ok : EXIT.findings;
}
