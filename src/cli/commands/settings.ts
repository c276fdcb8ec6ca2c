// `gongkai settings`: the spec's configurable conventions (statute.md: every [convention — configurable]
// rule is a setting with the spec's default), stored in the data directory with who/when/what.
import { listSettingHistory } from '#app/list-setting-history.ts';
import { listSettings } from '#app/list-settings.ts';
import { resetSetting } from '#app/reset-setting.ts';
import { setSetting } from '#app/set-setting.ts';
import { showSettings } from '#app/show-settings.ts';
import { CLOCK_SETTING_DEFINITIONS, type ClockSettingKey } from '#core/statute/clock-settings.ts';
import { type CommandContext, EXIT, UsageError } from '../cli-context.ts';
import { takeOption } from '../command-options.ts';
import { beijingTime, oneLine } from '../show-text.ts';
import { didYouMean } from '../suggest.ts';

const HELP = `用法：
  gongkai settings list [--json]          列出全部设置：含义、默认值、可选值、规则来源
  gongkai settings show [--agency 机关] [--json]     当前生效的值（标明是默认还是本机关设置）
  gongkai settings set 键 值 [--agency 机关] [--reason 说明]
                                          修改一项设置（记录修改人 GONGKAI_USER、时间、新旧值和说明）
  gongkai settings reset 键 [--agency 机关] [--reason 说明]
                                          恢复默认：删除该机关自己的值（改用实例默认值）；不加 --agency 时
                                          删除实例默认值（改用内置默认值）。同样记入修改记录
  gongkai settings history [--agency 机关] [--json]  修改记录

不加 --agency：本实例的默认值（未自行设置的机关都使用它）；加 --agency 机关标识：该机关自己的设置。

设置保存在数据目录（GONGKAI_DATA_DIR，默认为每个用户一个：$XDG_DATA_HOME/gongkai 或 ~/.local/share/gongkai）；
settings list 显示当前使用的数据目录。
`;

const allowedText = (key: ClockSettingKey) => {
  const values = CLOCK_SETTING_DEFINITIONS[key].values;
  return values === 'time'
    ? 'HH:MM'
    : typeof values === 'string'
      ? values.replace('integer:', '整数 ').replace('-', '–')
      : values.join(' | ');
};

/** Runs `gongkai settings`. */
export async function run(args: readonly string[], context: CommandContext): Promise<number> {
  const json = args.includes('--json');
  const options = args.filter((arg) => arg !== '--json');
  const agency = takeOption(options, '--agency');
  const reason = takeOption(options, '--reason');
  const [sub, ...params] = options;
  if (sub === undefined || sub === '--help' || sub === '-h') {
    context.out(HELP);
    return sub === undefined ? EXIT.usage : EXIT.ok;
  }
  if (agency !== undefined && sub !== 'show' && sub !== 'set' && sub !== 'reset' && sub !== 'history') {
    throw new UsageError('--agency 只用于 settings show、set、reset、history');
  }
  if (reason !== undefined && sub !== 'set' && sub !== 'reset') {
    throw new UsageError('--reason 只用于 settings set、reset');
  }
  // An agency's own settings over the instance default; without --agency, the instance default.
  const deps = agency === undefined ? context.deps : { ...context.deps, settings: await context.deps.settingsOf(agency) };
  switch (sub) {
    case 'list': {
      const { definitions, storage } = listSettings(context.deps);
      if (json) {
        context.out(`${JSON.stringify(definitions, null, 2)}\n`);
      } else {
        context.out(
          `数据目录：${storage.dataDir}${storage.dataDirIsDefault ? '（默认；可用 GONGKAI_DATA_DIR 指定）' : '（GONGKAI_DATA_DIR）'}\n\n`,
        );
        for (const d of definitions) {
          context.out(
            `${d.key}\n  含义：${d.meaning}\n  默认：${d.defaultValue}    可选：${allowedText(d.key)}\n  规则：${d.rule}，${readerSource(d.source)}\n`,
          );
        }
      }
      return EXIT.ok;
    }
    case 'show': {
      const rows = await showSettings(deps);
      context.out(
        json
          ? `${JSON.stringify(rows, null, 2)}\n`
          : `${rows.map((r) => `${r.key.padEnd(32)} ${r.value.padEnd(18)} ${r.isDefault ? '（默认）' : '（本机关设置）'} ${r.rule}`).join('\n')}\n`,
      );
      return EXIT.ok;
    }
    case 'set': {
      const [key, value, ...extra] = params;
      if (key === undefined || value === undefined || extra.length > 0) {
        throw new UsageError('用法：gongkai settings set 键 值');
      }
      const change = await setSetting(deps, { key, value, who: context.deps.actor, reason });
      context.out(
        json
          ? `${JSON.stringify(change, null, 2)}\n`
          : `已将 ${change.key} 由 ${change.from ?? `${CLOCK_SETTING_DEFINITIONS[change.key].defaultValue}（默认）`} 改为 ${change.to}（${oneLine(change.who)}，${beijingTime(change.when)}）\n`,
      );
      return EXIT.ok;
    }
    case 'reset': {
      const [key, ...extra] = params;
      if (key === undefined || extra.length > 0) {
        throw new UsageError('用法：gongkai settings reset 键 [--agency 机关] [--reason 说明]');
      }
      const change = await resetSetting(deps, { key, who: context.deps.actor, reason });
      context.out(
        json
          ? `${JSON.stringify(change ?? { key, reset: false }, null, 2)}\n`
          : change === undefined
            ? `${key} 本来就没有${agency === undefined ? '实例默认值' : '本机关自己的值'}，未作修改\n`
            : `已将 ${change.key} 由 ${change.from} 恢复默认，现为 ${change.to}（${oneLine(change.who)}，${beijingTime(change.when)}）\n`,
      );
      return EXIT.ok;
    }
    case 'history': {
      const history = await listSettingHistory(deps);
      context.out(
        json
          ? `${JSON.stringify(history, null, 2)}\n`
          : history.length === 0
            ? '尚无设置修改记录\n'
            : `${history.map((h) => `${beijingTime(h.when)} ${oneLine(h.who)}：${h.key} ${h.from ?? '（默认）'} → ${h.reset === true ? `恢复默认（${h.to}）` : h.to}${h.reason === undefined ? '' : `（说明：${oneLine(h.reason)}）`}`).join('\n')}\n`,
      );
      return EXIT.ok;
    }
    default:
      throw new UsageError(
        `未知子命令“${sub}”。${didYouMean(sub, ['list', 'show', 'set', 'reset', 'history'])}可用：list、show、set、reset、history`,
      );
  }
}

/**
 * A rule's source as a user can look it up: the spec files are not shipped, so `statute.md §1`
 * points to the project's docs/statutory-clock.md instead (issue #10).
 */
function readerSource(source: string): string {
  return source.replace(/statute\.md\s*§[\d.]+/gu, '见 docs/statutory-clock.md').replace(/，见 §\d+ 第\d+项/gu, '');
}
