// `gongkai agency`: the agencies (机关) this instance serves. Contract (issue #7):
//   gongkai agency add SLUG --name 名称 [--parent SLUG] [--kind department|government]
import { addAgency } from '#app/add-agency.ts';
import { listAgencies } from '#app/list-agencies.ts';
import type { Agency } from '#app/ports.ts';
import { AGENCY_KIND_LABELS } from '#core/agencies/agency.ts';
import { type CommandContext, EXIT, UsageError } from '../cli-context.ts';
import { takeOption } from '../command-options.ts';

const HELP = `用法：
  gongkai agency add 标识 --name 名称 [--parent 上级机关标识] [--kind department|government] [--json]
                      添加机关。标识用于命令和网址：小写英文字母、数字和连字符（如 city-edu）；
                      --kind：department（部门，默认）或 government（人民政府）
  gongkai agency list [--json]     列出全部机关
`;

function describe(agency: Agency): string {
  return `${agency.slug}  ${agency.name}（${AGENCY_KIND_LABELS[agency.kind]}${agency.parent === null ? '' : `，上级：${agency.parent}`}）`;
}

/** Runs `gongkai agency`. */
export async function run(args: readonly string[], context: CommandContext): Promise<number> {
  const json = args.includes('--json');
  const params = args.filter((arg) => arg !== '--json');
  const [sub, ...rest] = params;
  if (sub === undefined || sub === '--help' || sub === '-h') {
    context.out(HELP);
    return sub === undefined ? EXIT.usage : EXIT.ok;
  }
  switch (sub) {
    case 'add': {
      const options = [...rest];
      const name = takeOption(options, '--name');
      const parent = takeOption(options, '--parent');
      const kind = takeOption(options, '--kind');
      const unknown = options.find((arg) => arg.startsWith('--'));
      if (unknown !== undefined) {
        throw new UsageError(`未知选项“${unknown}”。${HELP.split('\n')[1]?.trim()}`);
      }
      if (options.length !== 1 || name === undefined) {
        throw new UsageError('用法：gongkai agency add 标识 --name 名称 [--parent 上级机关标识] [--kind department|government]');
      }
      const agency = await addAgency(context.deps, { slug: options[0]!, name, parent, kind });
      context.out(json ? `${JSON.stringify(agency, null, 2)}\n` : `已添加机关：${describe(agency)}\n`);
      return EXIT.ok;
    }
    case 'list': {
      if (rest.length > 0) {
        throw new UsageError('用法：gongkai agency list [--json]');
      }
      const agencies = await listAgencies(context.deps);
      context.out(
        json
          ? `${JSON.stringify(agencies, null, 2)}\n`
          : agencies.length === 0
            ? '尚未添加机关。添加：gongkai agency add 标识 --name 名称\n'
            : `${agencies.map(describe).join('\n')}\n`,
      );
      return EXIT.ok;
    }
    default:
      throw new UsageError(`未知子命令“${sub}”。可用：add、list`);
  }
}
