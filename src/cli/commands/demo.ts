// `gongkai demo`: the product's main job until the server exists — read and audit the five sample
// reports (real published reports shipped with the project) and print what is wrong with them.
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CommandContext } from '../cli-context.ts';
import { run as runReport } from './report.ts';

const SAMPLES = fileURLToPath(new URL('../../../test/fixtures/seeds/', import.meta.url));

export async function run(args: readonly string[], context: CommandContext): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    context.out(
      '用法：gongkai demo\n读取并审核 test/fixtures/seeds/ 中的五份政府信息公开工作年度报告（黄石、卫辉、定海、攀枝花东区、嘉兴民政局），\n等同于 gongkai report check test/fixtures/seeds/\n',
    );
    return 0;
  }
  const samples = relative(context.cwd, SAMPLES) || '.';
  context.out(`gongkai 演示：审核 ${samples} 中的政府信息公开工作年度报告\n\n`);
  const code = await runReport(['check', samples, ...args], context);
  context.out('\n说明：“错误”表示报告自相矛盾或违反表格勾稽关系；“警告”很可能有误，需要人工核实；“提示”为格式不规范，数据仍可使用。\n');
  context.out('逐项核对明细：gongkai report read --explain 文件；机器可读输出：gongkai report check --json 目录\n');
  return code;
}
