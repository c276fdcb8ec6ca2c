// Issue #10, the command line itself as a user meets it: --version, "did you mean", per-subcommand
// help, --to from --out, never overwriting without --force, library messages kept out of sight,
// a closed pipe, damaged data files, line breaks that could forge history, BOM and GB18030 inputs.
// The one test that starts ./gongkai as a process (the closed pipe) gives it its own GONGKAI_DATA_DIR.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { makeDataDir, runCli as runClock } from './clock-cli-harness.ts';
import { makeTempDir, ROOT, runCli, SEED_DIR } from './report-cli-harness.ts';

const SEED_000 = `${SEED_DIR}/000_fa62d5864337d3a6.txt`;
const ENGLISH_WORDS = /[A-Za-z]{3,}\s+[A-Za-z]{3,}|\bE[A-Z]{4,}\b|Unexpected|Expected property/u;
/** A message without its `gongkai <command>：` prefix, to look for a library's English in it. */
const body = (text: string) => text.replace(/^gongkai [a-z ]+：/gmu, '');

describe('help, version and suggestions', () => {
  test('--version prints the version of package.json', async () => {
    const { version } = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const run = await runCli(['--version']);
    assert.deepEqual([run.code, run.out], [0, `gongkai ${version}\n`]);
  });

  test('a misspelled command, subcommand or option gets a "did you mean"', async () => {
    assert.match((await runCli(['reprot'])).err, /未知命令“reprot”。是不是要输入“report”？/u);
    assert.match((await runCli(['chekc'])).err, /是不是要输入“report check”？/u);
    assert.match((await runCli(['report', 'chekc'])).err, /未知子命令“chekc”。是不是要输入“check”？/u);
    const option = await runCli(['report', 'check', '--exlpain', SEED_000]);
    assert.equal(option.code, 64);
    assert.match(option.err, /未知选项“--exlpain”。是不是要输入“--explain”？/u);
  });

  test('every command answers a misspelling with the closest word', async () => {
    const dataDir = await makeDataDir();
    const cases: [string[], RegExp][] = [
      [['fee', '--wiave', '1'], /未知参数“--wiave”。是不是要输入“--waive”？/u],
      [['calendar', 'shwo'], /未知子命令“shwo”。是不是要输入“show”？/u],
      [['settings', 'lsit'], /未知子命令“lsit”。是不是要输入“list”？/u],
      [['workdays', 'ad'], /未知子命令“ad”。是不是要输入“add”？/u],
      [['deadline', '--recieved', '2025-01-01'], /无法识别的参数“--recieved”。是不是要输入“--received”？/u],
    ];
    for (const [args, message] of cases) {
      const run = await runClock(args, { dataDir });
      assert.equal(run.code, 64, args.join(' '));
      assert.match(run.err, message);
    }
  });

  test('an unknown option shows that subcommand’s usage, not the whole report help; each subcommand has its --help', async () => {
    const option = await runCli(['report', 'render', '--bogus', SEED_000]);
    assert.match(option.err, /用法：gongkai report render FILE/u);
    assert.doesNotMatch(option.err, /report check|report new/u);
    for (const sub of ['read', 'check', 'render', 'new']) {
      const help = await runCli(['report', sub, '--help']);
      assert.equal(help.code, 0);
      assert.match(help.out, new RegExp(`^用法：gongkai report ${sub} `, 'u'));
    }
  });

  test('case, case attach and report compile explain a bad command line in Chinese, not in parseArgs English', async () => {
    const dataDir = await makeDataDir();
    const cases: [string[], RegExp][] = [
      [['case', 'list', '--agencyy', 'x'], /^gongkai case：未知选项“--agencyy”。是不是要输入“--agency”？\n用法：/u],
      [['case', 'list', '--agency'], /^gongkai case：选项“--agency”缺少参数值。\n/u],
      [
        ['case', 'attach', '--chanel', 'fax'],
        /^gongkai case：未知选项“--chanel”。是不是要输入“--channel”？\n {2}gongkai case attach CODE/u,
      ],
      [
        ['report', 'compile', '--agency', 'x', '--year', '2025', 'extra'],
        /^gongkai report：多余的参数“extra”。\n {2}gongkai report compile/u,
      ],
      [['report', 'compile', '--yaer', '2025'], /^gongkai report：未知选项“--yaer”。是不是要输入“--year”？/u],
    ];
    for (const [args, message] of cases) {
      const run = await runClock(args, { dataDir });
      assert.equal(run.code, 64, args.join(' '));
      assert.match(run.err, message, args.join(' '));
      assert.doesNotMatch(body(run.err.split('\n')[0] ?? ''), ENGLISH_WORDS, args.join(' '));
    }
  });

  test('deadline and fee show their own usage lines after an unknown option', async () => {
    const dataDir = await makeDataDir();
    const deadline = await runClock(['deadline', '--foo'], { dataDir });
    assert.equal(deadline.code, 64);
    assert.match(deadline.err, /无法识别的参数“--foo”[^\n]*\n用法：\n {2}gongkai deadline --received YYYY-MM-DD/u);
    assert.doesNotMatch(deadline.err, /事件与参数/u);
    const fee = await runClock(['fee', '--bogus'], { dataDir });
    assert.equal(fee.code, 64);
    assert.match(fee.err, /未知参数“--bogus”[^\n]*\n用法：\n {2}gongkai fee --pages N/u);
    assert.doesNotMatch(fee.err, /可选：/u);
  });
});

describe('help points to what the user has', () => {
  test('no help or listing names the spec files (statute.md, test-vectors.json) that are not shipped', async () => {
    const dataDir = await makeDataDir();
    for (const args of [
      ['--help'],
      ['deadline', '--help'],
      ['settings', 'list'],
      ['report', '--help'],
      ['fee', '--help'],
      ['workdays', '--help'],
    ]) {
      const run = await runClock(args, { dataDir });
      assert.doesNotMatch(`${run.out}${run.err}`, /statute\.md|test-vectors\.json|validation-rules\.md|annual-report\.md/u, args.join(' '));
    }
  });
});

describe('report render and new: output files', () => {
  test('--to comes from --out’s extension in any case; --to is case-insensitive; a contradiction is refused', async () => {
    const dir = await makeTempDir();
    const inferred = await runCli(['report', 'render', SEED_000, '--out', join(dir, 'a.MD')]);
    assert.equal(inferred.code, 0, inferred.err);
    assert.match(await readFile(join(dir, 'a.MD'), 'utf8'), /^# 黄石市民政局2023年政府信息公开工作年度报告/u);
    const upper = await runCli(['report', 'render', SEED_000, '--to', 'HTML']);
    assert.equal(upper.code, 0);
    assert.match(upper.out, /^<!DOCTYPE html>/iu);
    const contradiction = await runCli(['report', 'render', SEED_000, '--to', 'md', '--out', join(dir, 'b.xlsx')]);
    assert.equal(contradiction.code, 64);
    assert.match(contradiction.err, /--to md 与输出文件“b\.xlsx”的扩展名不一致（应为 xlsx）/u);
    assert.deepEqual((await readdir(dir)).sort(), ['a.MD']);
  });

  test('an existing file, the input included, is never overwritten without --force; no temporary file is left', async () => {
    const dir = await makeTempDir();
    const input = join(dir, 'report.txt');
    await cp(join(ROOT, SEED_000), input);
    const before = await readFile(input, 'utf8');
    const self = await runCli(['report', 'render', input, '--to', 'pipe', '--out', input]);
    assert.equal(self.code, 64);
    assert.match(self.err, /“.*report\.txt”已存在，未覆盖。如确需覆盖，请加 --force。/u);
    assert.equal(await readFile(input, 'utf8'), before);
    const out = join(dir, 'new.xlsx');
    assert.equal((await runCli(['report', 'new', '--year', '2026', '--out', out])).code, 0);
    const again = await runCli(['report', 'new', '--year', '2026', '--out', out]);
    assert.equal(again.code, 64);
    const forced = await runCli(['report', 'new', '--year', '2027', '--out', out, '--force']);
    assert.equal(forced.code, 0, forced.err);
    assert.deepEqual((await readdir(dir)).sort(), ['new.xlsx', 'report.txt']);
  });

  test('many files render into --out-dir, one unreadable file does not stop the others', async () => {
    const dir = await makeTempDir();
    const broken = join(dir, 'broken.xlsx');
    await writeFile(broken, Buffer.from('PK\u0003\u0004 cut short'));
    const out = join(dir, 'out');
    const run = await runCli([
      'report',
      'render',
      SEED_000,
      `${SEED_DIR}/004_b8b917888f6bbb4a.txt`,
      broken,
      '--to',
      'docx',
      '--out-dir',
      out,
    ]);
    assert.equal(run.code, 2);
    assert.deepEqual((await readdir(out)).sort(), ['000_fa62d5864337d3a6.docx', '004_b8b917888f6bbb4a.docx']);
    assert.match(run.err, /无法读取“.*broken\.xlsx”：XLSX 文件已损坏，无法打开。/u);
  });
});

describe('library messages stay out of sight', () => {
  test('a damaged XLSX is a Chinese sentence naming the file; the library’s words only under --explain', async () => {
    const dir = await makeTempDir();
    const broken = join(dir, 'broken.xlsx');
    await writeFile(broken, Buffer.from('PK\u0003\u0004xl/workbook.xml cut short'));
    const read = await runCli(['report', 'read', broken]);
    assert.equal(read.code, 2);
    assert.match(read.out, /文件：.*broken\.xlsx\n/u);
    assert.match(read.out, /\[错误\] READ-SOURCE 无法读取文件：XLSX 文件已损坏，无法打开\n/u);
    assert.doesNotMatch(read.out, ENGLISH_WORDS);
    const explained = await runCli(['report', 'read', '--explain', broken]);
    assert.match(explained.out, /XLSX 文件已损坏，无法打开（.*[A-Za-z]{3,}/u);
    const render = await runCli(['report', 'render', broken, '--to', 'md']);
    assert.equal(render.code, 2);
    assert.doesNotMatch(body(render.err), ENGLISH_WORDS);
  });

  test('output cut by a closed pipe still exits with the batch’s status', async () => {
    const dir = await makeTempDir();
    const text = await readFile(join(ROOT, `${SEED_DIR}/001_90c37852d1e90522.txt`), 'utf8');
    const broken = text.replace(
      '一、本年新收政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0',
      '一、本年新收政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t5',
    );
    assert.notEqual(broken, text);
    await writeFile(join(dir, 'z.txt'), broken);
    for (let i = 0; i < 20; i++) {
      await cp(join(ROOT, SEED_000), join(dir, `a${String(i).padStart(2, '0')}.txt`));
    }
    const status = await new Promise<string>((done) => {
      execFile(
        'bash',
        ['-c', `'${join(ROOT, 'gongkai')}' report check '${dir}' | head -1 >/dev/null; echo "\${PIPESTATUS[0]}"`],
        { env: { ...process.env, DATABASE_URL: '', GONGKAI_DATA_DIR: dir } },
        (_e, stdout) => done(stdout.trim()),
      );
    });
    assert.equal(status, '1');
  });
});

describe('standard output on a full disk', () => {
  test('output that cannot be written (/dev/full) is a Chinese message and exit 74, not success', async () => {
    const dataDir = await makeTempDir();
    const result = await new Promise<{ status: string; err: string }>((done) => {
      execFile(
        'bash',
        ['-c', `'${join(ROOT, 'gongkai')}' report render '${SEED_000}' --to md > /dev/full; echo "$?"`],
        { cwd: ROOT, env: { ...process.env, GONGKAI_DATA_DIR: dataDir } },
        (_e, stdout, stderr) => done({ status: stdout.trim(), err: stderr }),
      );
    });
    assert.equal(result.status, '74');
    assert.match(result.err, /gongkai：无法写入标准输出（磁盘空间已满）。/u);
  });
});

describe('standard output to a file', () => {
  test('report check --json written to a file (writeSync) is byte for byte what a pipe receives', async () => {
    const dataDir = await makeTempDir();
    const file = join(dataDir, 'out.jsonl');
    const env = { ...process.env, GONGKAI_DATA_DIR: dataDir };
    const check = `'${join(ROOT, 'gongkai')}' report check --json '${SEED_DIR}'`;
    const piped = await new Promise<string>((done) => {
      execFile('bash', ['-c', `${check} 2>/dev/null | cat`], { cwd: ROOT, env, maxBuffer: 64 * 1024 * 1024 }, (_e, stdout) => done(stdout));
    });
    const status = await new Promise<string>((done) => {
      execFile('bash', ['-c', `${check} > '${file}' 2>/dev/null; echo "$?"`], { cwd: ROOT, env }, (_e, stdout) => done(stdout.trim()));
    });
    assert.match(status, /^[01]$/u); // read and audited, written without an output error (74)
    assert.ok(piped.split('\n').length > 5);
    assert.equal(await readFile(file, 'utf8'), piped);
  });
});

describe('the data directory', () => {
  test('a damaged settings file is a Chinese message naming the file and what to do, exit 78; nothing is replaced', async () => {
    const dataDir = await makeDataDir();
    await writeFile(join(dataDir, 'settings.json'), '{"schema": "gongkai/settings@1", "values": {');
    const run = await runClock(['settings', 'show'], { dataDir });
    assert.equal(run.code, 78);
    assert.match(run.err, /数据目录中的文件“.*settings\.json”已损坏或被手工改坏（不是有效的 JSON）。请从备份恢复该文件/u);
    assert.doesNotMatch(body(run.err), ENGLISH_WORDS);
    assert.equal(await readFile(join(dataDir, 'settings.json'), 'utf8'), '{"schema": "gongkai/settings@1", "values": {');
  });

  test('a hand-edited value the setting does not allow is reported, not replaced by the default', async () => {
    const dataDir = await makeDataDir();
    await writeFile(
      join(dataDir, 'settings.json'),
      `\uFEFF${JSON.stringify({ schema: 'gongkai/settings@1', values: { 'receipt.rest-day': 'sometimes' }, history: [] })}`,
    );
    const run = await runClock(['deadline', '--received', '2025-09-28'], { dataDir });
    assert.equal(run.code, 78);
    assert.match(run.err, /设置“receipt\.rest-day”的值“sometimes”无效.*请用 gongkai settings set receipt\.rest-day <值> 改为有效的值/u);
    const fixed = await runClock(['settings', 'set', 'receipt.rest-day', 'as-is'], { dataDir });
    assert.equal(fixed.code, 0, fixed.err);
  });

  test('a data directory that cannot be written is a Chinese message, and no .tmp file is left', async () => {
    const parent = await makeDataDir();
    const notADir = join(parent, 'file');
    await writeFile(notADir, 'x');
    const run = await runClock(['settings', 'set', 'receipt.rest-day', 'next-working-day'], { dataDir: notADir });
    assert.equal(run.code, 78);
    // Settings live in the database now: the data directory itself is what cannot be used.
    assert.match(run.err, /数据目录“.*file”无法使用（路径中有一段不是目录）。请检查/u);
    assert.deepEqual(await readdir(parent), ['file']);
  });

  test('a line break in GONGKAI_USER is refused; one in --reason cannot pass for another history entry; times in Beijing time', async () => {
    const dataDir = await makeDataDir();
    const user = await runClock(['settings', 'set', 'receipt.rest-day', 'next-working-day'], { dataDir, user: 'a\n2026-01-01 mallory' });
    assert.equal(user.code, 78);
    assert.match(user.err, /GONGKAI_USER 不能包含换行或其他控制字符/u);
    const year = {
      notices: ['测试'],
      breaks: [{ name: '元旦', from: '2027-01-01', to: '2027-01-01', workdays: [] }],
      holidays: ['2027-01-01'],
      workdays: [],
    };
    const file = join(dataDir, 'y.json');
    await writeFile(file, JSON.stringify({ 2027: year }));
    const imported = await runClock(['calendar', 'import', file, '--reason', '通知\n#2 2026-01-01 伪造的记录'], { dataDir });
    assert.equal(imported.code, 0, imported.err);
    const history = await runClock(['calendar', 'history'], { dataDir });
    const entries = history.out.split('\n').filter((line) => line.startsWith('#'));
    assert.equal(entries.length, 1, history.out);
    assert.match(entries[0]!, /^#1 2026-11-23 10:00:00（北京时间） tester，.*（说明：通知⏎#2 2026-01-01 伪造的记录）$/u);
  });

  test('calendar files with a UTF-8 BOM or in GB18030 are read as text, not mojibake', async () => {
    const dataDir = await makeDataDir();
    const year = {
      notices: ['国务院办公厅关于2027年部分节假日安排的通知'],
      breaks: [{ name: '元旦', from: '2027-01-01', to: '2027-01-01', workdays: [] }],
      holidays: ['2027-01-01'],
      workdays: [],
    };
    const file = join(dataDir, 'bom.json');
    await writeFile(file, `\uFEFF${JSON.stringify({ 2027: year })}`);
    const bom = await runClock(['calendar', 'import', file], { dataDir });
    assert.equal(bom.code, 0, bom.err);
    const gb = join(dataDir, 'gb.json');
    const encoded = await gb18030(
      JSON.stringify({
        2028: { ...year, breaks: [{ name: '元旦', from: '2028-01-03', to: '2028-01-03', workdays: [] }], holidays: ['2028-01-03'] },
      }),
    );
    await writeFile(gb, encoded);
    const run = await runClock(['calendar', 'import', gb, '--json'], { dataDir });
    assert.equal(run.code, 0, run.err);
    const shown = await runClock(['calendar', 'show', '2028', '--json'], { dataDir });
    assert.match(shown.out, /国务院办公厅关于2027年部分节假日安排的通知/u);
  });
});

/** GB18030 bytes of a text: Node has no encoder, so a reverse table of the decoder's two-byte range. */
async function gb18030(text: string): Promise<Uint8Array> {
  const wanted = new Set([...text].filter((ch) => ch.charCodeAt(0) > 0x7f));
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gb18030');
  for (let lead = 0x81; lead <= 0xfe && table.size < wanted.size; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) {
        continue;
      }
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (wanted.has(ch) && !table.has(ch)) {
        table.set(ch, [lead, trail]);
      }
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    bytes.push(...(code <= 0x7f ? [code] : (table.get(ch) ?? assert.fail(`no GB18030 bytes for ${ch}`))));
  }
  return new Uint8Array(bytes);
}
