// `gongkai report read|check|render|new` end to end: the reader contract (annual-report.md §6),
// exit codes, batch order, cross-year rules, --explain, format round trips and the authoring flow.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { cp, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import {
  cellMap,
  cellTriples,
  type JsonReading,
  jsonLines,
  makeTempDir,
  ROOT,
  ruleList,
  runCli,
  SEED_DIR,
  spawnCli,
} from './report-cli-harness.ts';

const SEEDS = readdirSync(join(ROOT, SEED_DIR))
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => `${SEED_DIR}/${name}`);
const seed = (prefix: string) => SEEDS.find((path) => path.startsWith(`${SEED_DIR}/${prefix}_`))!;
const seedText = (prefix: string) => readFileSync(join(ROOT, seed(prefix)), 'utf8');

const KEYS = ['schema', 'source', 'agency', 'year', 'template', 'cells', 'narrative', 'findings'];
const HAN = /[\u4e00-\u9fff]/u;

async function readOne(path: string, ...flags: string[]): Promise<JsonReading> {
  const run = await runCli(['report', 'read', '--json', ...flags, path]);
  const [reading] = jsonLines(run.out);
  assert.ok(reading, `no object for ${path}: ${run.err}`);
  return reading;
}

function assertUnreadable(reading: JsonReading | undefined, source: string): void {
  assert.ok(reading);
  assert.deepEqual(Object.keys(reading), KEYS);
  assert.equal(reading.source, source);
  assert.equal(reading.agency, null);
  assert.equal(reading.year, null);
  assert.equal(reading.template, 'unknown');
  assert.deepEqual(reading.cells, []);
  assert.deepEqual(reading.narrative, []);
  assert.deepEqual(ruleList(reading), ['READ-SOURCE']);
  assert.equal(reading.findings[0]?.severity, 'error');
  assert.match(reading.findings[0]?.message ?? '', /^无法读取文件：.+/u);
}

/** Seed 001 with the 总计 of table 三 row 一 changed, so table 三 no longer balances. */
function unbalancedSeed001(): string {
  const text = seedText('001');
  const broken = text.replace(
    '一、本年新收政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0',
    '一、本年新收政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t5',
  );
  assert.notEqual(broken, text);
  return broken;
}

describe('report read --json on the seeds', () => {
  test('prints one contract object per seed, in input order, with the keys in contract order, and exits 0', async () => {
    const order = [SEEDS[3]!, SEEDS[0]!, SEEDS[4]!, SEEDS[1]!, SEEDS[2]!];
    const run = await runCli(['report', 'read', '--json', ...order]);
    assert.equal(run.code, 0, run.err);
    const readings = jsonLines(run.out);
    assert.deepEqual(
      readings.map((r) => r.source),
      order,
    );
    for (const reading of readings) {
      assert.deepEqual(Object.keys(reading), KEYS);
      assert.equal(reading.schema, 'gongkai/report-read@1');
      for (const cell of reading.cells) {
        assert.deepEqual(Object.keys(cell), ['table', 'row', 'column', 'id', 'value', 'raw']);
      }
      for (const f of reading.findings) {
        assert.deepEqual(Object.keys(f), ['rule', 'severity', 'message', 'cells', 'fingerprint']);
      }
    }
    // Compact JSON, CJK not escaped.
    assert.ok(run.out.includes('"agency":"黄石市民政局"'));
    assert.ok(!run.out.includes('\\u'));
  });

  test('reads the cells, identity and template the worked examples give (validation-rules.md §5)', async () => {
    const [r000, r001, r002, r003, r004] = jsonLines((await runCli(['report', 'read', '--json', ...SEEDS])).out);
    assert.ok(r000 && r001 && r002 && r003 && r004);
    assert.deepEqual([r000.agency, r000.year, r000.template, r000.cells.length], ['黄石市民政局', 2023, '2021', 12]);
    assert.equal(cellMap(r000)['licensing.decisions'], 93);
    assert.equal(cellMap(r000)['received.total'], 9);
    assert.deepEqual([r001.agency, r001.year, r001.template, r001.cells.length], ['卫辉市民政局', 2022, '2021', 200]);
    assert.equal(cellMap(r001)['normative_documents.in_force'], 1);
    assert.deepEqual([r002.agency, r002.year, r002.template, r002.cells.length], [null, 2023, '2021', 200]);
    assert.equal(cellMap(r002)['licensing.decisions'], 92);
    assert.deepEqual([r003.agency, r003.year, r003.template, r003.cells.length], ['攀枝花市东区民政局', 2023, '2021', 200]);
    assert.deepEqual([r004.agency, r004.year, r004.template, r004.cells.length], ['嘉兴市民政局', 2020, '2019', 63]);
    assert.equal(cellMap(r004)['procurement.procurement_amount'], 799800);
    assert.equal(cellMap(r004)['other_services.items_change'], 2);
    assert.equal(cellMap(r004)['outcome.not_processed.excessive.natural_person'], 1);
  });

  test('raises the findings of the worked examples for each seed', async () => {
    const readings = jsonLines((await runCli(['report', 'read', '--json', ...SEEDS])).out);
    const found = readings.map((r) => r.findings.map((f) => `${f.severity} ${f.rule}`).sort());
    const expected = [
      ['notice CELL-BLANK', 'notice CELL-BLANK', 'notice CELL-BLANK', 'notice NARR-SUM-PARTIAL'],
      ['notice LABEL-VARIANT', 'notice LABEL-VARIANT'],
      ['notice META-IDENTITY', 'notice META-IDENTITY', 'warning NARR-SUM'],
      [...Array(5).fill('notice LABEL-VARIANT'), 'warning READ-ROW-SHAPE', 'warning READ-ROW-SHAPE'],
      ['notice CELL-BLANK', 'notice STRUCT-HEADING', 'notice STRUCT-HEADING', 'warning NARR-SUM', 'warning NARR-SUM'],
    ];
    assert.deepEqual(found, expected);
    const r004 = readings[4]!;
    assert.ok(
      r004.findings.some(
        (f) => f.message === '“门户网站全年共发布信息1151条，其中，日常动态…”：总数1151条，分项合计1008条（109+6+93+800）',
      ),
    );
  });

  // Issue #3 fixes the order: by table/row/column of the first cell, cell-less findings last in
  // rule-number order (this differs from annual-report.md §6.6; see ARCHITECTURE.md).
  test('lists findings by the table, row and column of their first cell, cell-less ones last by rule number', async () => {
    const readings = jsonLines((await runCli(['report', 'read', '--json', seed('003'), seed('004')])).out);
    assert.deepEqual(
      readings[0]!.findings.map((f) => `${f.rule} ${f.cells[0] ?? '—'}`),
      [
        'LABEL-VARIANT rules.issued',
        'LABEL-VARIANT normative_documents.issued',
        'LABEL-VARIANT fees.amount_wan',
        'READ-ROW-SHAPE received.natural_person',
        'LABEL-VARIANT received.public_interest_org',
        'READ-ROW-SHAPE carried_in.natural_person',
        'LABEL-VARIANT outcome.withheld.prohibited_by_law.natural_person',
      ],
    );
    assert.deepEqual(ruleList(readings[1]!), ['CELL-BLANK', 'STRUCT-HEADING', 'STRUCT-HEADING', 'NARR-SUM', 'NARR-SUM']);
  });
});

describe('exit codes', () => {
  test('unreadable inputs (empty, binary, missing, a directory) each give a READ-SOURCE object and exit 2', async () => {
    const dir = await makeTempDir();
    await writeFile(join(dir, 'empty.txt'), '');
    await writeFile(
      join(dir, 'junk.bin'),
      Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256),
    );
    await mkdir(join(dir, 'folder'));
    const inputs = [join(dir, 'empty.txt'), join(dir, 'junk.bin'), join(dir, 'missing.txt'), join(dir, 'folder')];
    const run = await runCli(['report', 'read', '--json', ...inputs]);
    assert.equal(run.code, 2);
    const readings = jsonLines(run.out);
    assert.equal(readings.length, 4);
    readings.forEach((reading, i) => {
      assertUnreadable(reading, inputs[i]!);
    });
    assert.match(readings[2]!.findings[0]!.message, /文件不存在/u);
    assert.match(readings[3]!.findings[0]!.message, /目录/u);
  });

  test('the READ-SOURCE finding of an unreadable file carries a fingerprint like every other finding', async () => {
    const run = await runCli(['report', 'read', '--json', 'no/such/file.txt']);
    assert.deepEqual(Object.keys(jsonLines(run.out)[0]!.findings[0]!), ['rule', 'severity', 'message', 'cells', 'fingerprint']);
  });

  test('a report with an error finding exits 1', async () => {
    const dir = await makeTempDir();
    const path = join(dir, 'unbalanced.txt');
    await writeFile(path, unbalancedSeed001());
    const run = await runCli(['report', 'read', '--json', path]);
    assert.equal(run.code, 1);
    const [reading] = jsonLines(run.out);
    assert.ok(reading?.findings.some((f) => f.rule === 'T3-BALANCE' && f.severity === 'error' && f.cells.includes('received.total')));
    assert.equal((await runCli(['report', 'read', '--json', seed('001')])).code, 0);
  });

  test('an unreadable file takes precedence over an error finding: exit 2', async () => {
    const dir = await makeTempDir();
    await writeFile(join(dir, 'unbalanced.txt'), unbalancedSeed001());
    const inputs = [join(dir, 'missing.txt'), join(dir, 'unbalanced.txt')];
    const run = await runCli(['report', 'check', '--json', ...inputs]);
    assert.equal(run.code, 2);
    // Input order is kept, the missing input included.
    assert.deepEqual(
      jsonLines(run.out).map((r) => r.source),
      inputs,
    );
  });

  const USAGE: readonly (readonly string[])[] = [
    ['report', 'read'],
    ['report', 'check'],
    ['report', 'read', '--bogus', 'x.txt'],
    ['report', 'check', '--jobs', '0', SEED_DIR],
    ['report', 'check', '--jobs', 'two', SEED_DIR],
    ['report', 'render', SEEDS[0]!],
    ['report', 'render', SEEDS[0]!, '--to', 'pdf'],
    ['report', 'render', SEEDS[0]!, '--to', 'docx'],
    ['report', 'render', SEEDS[0]!, '--to', 'xlsx'],
    ['report', 'render', '--to', 'md'],
    ['report', 'new', '--year', '20x6', '--to', 'md', '--out', 'OUT'],
    ['report', 'new', '--template', '2020', '--year', '2026', '--to', 'md', '--out', 'OUT'],
    ['report', 'new', '--year', '2026', '--to', 'md'],
    ['report', 'frobnicate'],
  ];
  for (const args of USAGE) {
    test(`a bad command line exits 64 with a Chinese message and writes nothing: ${args.slice(1).join(' ')}`, async () => {
      const dir = await makeTempDir();
      const out = join(dir, 'out.md');
      const run = await runCli(args.map((a) => (a === 'OUT' ? out : a)));
      assert.equal(run.code, 64);
      assert.equal(run.out, '');
      assert.match(run.err, /^gongkai report：/u);
      assert.match(run.err.split('\n')[0]!, HAN);
      await assert.rejects(stat(out));
    });
  }

  test('an unknown option is named in Chinese, not in the English of parseArgs', async () => {
    const run = await runCli(['report', 'read', '--bogus', 'x.txt']);
    assert.equal(run.err.split('\n')[0], 'gongkai report：未知选项“--bogus”。');
  });
});

describe('report check on directories', () => {
  test('recurses in sorted path order, keeps each source as found and never stops at an unreadable file', async () => {
    const dir = await makeTempDir();
    // Created in an order unlike the sorted one.
    await mkdir(join(dir, 'z-last'), { recursive: true });
    await writeFile(join(dir, 'z-last', 'b.txt'), seedText('001'));
    await writeFile(join(dir, 'm-empty.txt'), '');
    await mkdir(join(dir, 'a-first', 'inner'), { recursive: true });
    await writeFile(join(dir, 'a-first', 'inner', 'notes.txt'), '会议纪要\n本次会议讨论了档案整理工作。\n');
    await writeFile(join(dir, 'a-first', 'x.txt'), seedText('000'));
    await writeFile(join(dir, 'B-upper.txt'), seedText('004'));
    const run = await runCli(['report', 'check', '--json', dir]);
    assert.equal(run.code, 2);
    const readings = jsonLines(run.out);
    assert.deepEqual(
      readings.map((r) => r.source),
      [
        join(dir, 'B-upper.txt'),
        join(dir, 'a-first', 'inner', 'notes.txt'),
        join(dir, 'a-first', 'x.txt'),
        join(dir, 'm-empty.txt'),
        join(dir, 'z-last', 'b.txt'),
      ],
    );
    const [upper, notes, x, empty, b] = readings;
    assert.equal(upper?.agency, '嘉兴市民政局');
    // A text that is no report: read, one NOT-A-REPORT notice, not called unreadable.
    assert.ok(notes && !ruleList(notes).includes('READ-SOURCE'));
    assert.deepEqual(ruleList(notes), ['NOT-A-REPORT']);
    assert.equal(x?.agency, '黄石市民政局');
    assertUnreadable(empty, join(dir, 'm-empty.txt'));
    assert.equal(b?.agency, '卫辉市民政局');
    // The summary goes to stderr with --json, one row per file.
    assert.match(run.err, /文件\s+格式\s+年度\s+机关\s+错误\s+警告\s+提示/u);
    assert.match(run.err, /共 5 个文件（1 个无法读取）/u);
    assert.match(run.err, /notes\.txt\s+不是年度报告\s/u);
    assert.match(run.err, /m-empty\.txt\s+无法读取\s/u);
    assert.match(run.err, /B-upper\.txt\s+模板 2019\s+2020\s+嘉兴市民政局\s+0\s+2\s+3/u);
    assert.ok(!run.err.includes('{'));
  });

  test('shows a progress bar on a terminal, on stderr only, and clears it; --no-progress turns it off', async () => {
    const run = await runCli(['report', 'check', SEED_DIR], { isTTY: true });
    assert.equal(run.code, 0);
    assert.match(run.err, /^\r读取中 \[[█░]{30}\] 1\/5/u);
    assert.ok(run.err.includes('5/5'));
    assert.ok(run.err.endsWith('\r\u001b[2K'));
    assert.ok(!run.out.includes('\r'));
    assert.match(run.out, /共 5 个文件/u);
    const quiet = await runCli(['report', 'check', '--no-progress', SEED_DIR], { isTTY: true });
    assert.equal(quiet.err, '');
    assert.equal(quiet.out, run.out);
  });

  test('lists a directory given relative to the working directory of the command', async () => {
    const dir = await makeTempDir();
    await mkdir(join(dir, 'reports'));
    await writeFile(join(dir, 'reports', 'r.txt'), seedText('001'));
    const run = await runCli(['report', 'check', '--json', 'reports'], { cwd: dir });
    assert.equal(run.code, 0, run.err);
    assert.deepEqual(
      jsonLines(run.out).map((r) => [r.source, r.agency]),
      [[join('reports', 'r.txt'), '卫辉市民政局']],
    );
  });

  test('a batch of 30 files read by the worker pool gives the same JSON as one thread', { timeout: 120_000 }, async () => {
    const dir = await makeTempDir();
    for (let copy = 0; copy < 6; copy++) {
      await mkdir(join(dir, `copy-${copy}`));
      for (const path of SEEDS) {
        await cp(join(ROOT, path), join(dir, `copy-${copy}`, path.slice(SEED_DIR.length + 1)));
      }
    }
    // Unreadable files inside the pool are READ-SOURCE objects too, and the batch goes on.
    await writeFile(join(dir, 'copy-2', 'empty.txt'), '');
    await writeFile(
      join(dir, 'copy-4', 'junk.doc'),
      Uint8Array.from({ length: 2048 }, (_, i) => (i * 31 + 7) % 256),
    );
    const pooled = await runCli(['report', 'check', '--json', '--jobs', '4', dir]);
    const single = await runCli(['report', 'check', '--json', '--jobs', '1', dir]);
    assert.equal(pooled.code, 2, pooled.err);
    const readings = jsonLines(pooled.out);
    assert.equal(readings.length, 32);
    assert.deepEqual(
      readings.filter((r) => ruleList(r).includes('READ-SOURCE')).map((r) => r.source),
      [join(dir, 'copy-2', 'empty.txt'), join(dir, 'copy-4', 'junk.doc')],
    );
    assert.equal(pooled.out, single.out);
    assert.equal(pooled.err, single.err);
    // The workers send the evaluations back only under --explain; then they are all there.
    const pooledExplain = await runCli(['report', 'check', '--json', '--explain', '--jobs', '4', dir]);
    const singleExplain = await runCli(['report', 'check', '--json', '--explain', '--jobs', '1', dir]);
    assert.ok(jsonLines(pooledExplain.out).some((r) => Array.isArray(r.evaluations) && r.evaluations.length > 0));
    assert.equal(pooledExplain.out, singleExplain.out);
  });
});

describe('cross-year rules', () => {
  test('two consecutive years of one agency: a carry-over mismatch is a T3-CARRY error on the later year only', async () => {
    const dir = await makeTempDir();
    const base = (await readOne(seed('001'))) as JsonReading & Record<string, unknown>;
    const { findings: _findings, ...reading2022 } = base;
    // 2023: one application carried in (and carried out), so table 三 still balances; 2022 carried out 0.
    const bump = new Set(['carried_in.natural_person', 'carried_in.total', 'carried_out.natural_person', 'carried_out.total']);
    const reading2023 = {
      ...reading2022,
      year: 2023,
      cells: base.cells.map((c) => (bump.has(c.id) ? { ...c, value: 1, raw: '1' } : c)),
    };
    await writeFile(join(dir, '2023.json'), `${JSON.stringify({ ...reading2023, findings: [] })}\n`);
    await writeFile(join(dir, '2022.json'), `${JSON.stringify({ ...reading2022, findings: [] })}\n`);
    for (const order of [
      ['2023.json', '2022.json'],
      ['2022.json', '2023.json'],
    ]) {
      const run = await runCli(['report', 'read', '--json', ...order.map((name) => join(dir, name))]);
      assert.equal(run.code, 1);
      const byYear = new Map(jsonLines(run.out).map((r) => [r.year, r]));
      assert.ok(!ruleList(byYear.get(2022)!).includes('T3-CARRY'));
      assert.ok(!ruleList(byYear.get(2023)!).includes('T3-BALANCE'));
      const carry = byYear.get(2023)!.findings.filter((f) => f.rule === 'T3-CARRY');
      assert.deepEqual(
        carry.map((f) => [f.severity, f.message]),
        [
          ['error', '表三“自然人”列：上年结转1件，与2022年度报告“四、结转下年度继续办理”0件不一致'],
          ['error', '表三“总计”列：上年结转1件，与2022年度报告“四、结转下年度继续办理”0件不一致'],
        ],
      );
    }
    // Each year alone raises no error.
    assert.equal((await runCli(['report', 'read', '--json', join(dir, '2023.json')])).code, 0);
  });
});

describe('--explain', () => {
  test('adds every evaluation after the contract keys, with not_assessable ones for seed 000', async () => {
    const reading = await readOne(seed('000'), '--explain');
    assert.deepEqual(Object.keys(reading), [...KEYS, 'evaluations']);
    const evaluations = reading.evaluations ?? [];
    assert.ok(evaluations.length > 0);
    for (const e of evaluations) {
      for (const key of ['rule', 'expression', 'left', 'right', 'delta', 'status', 'fingerprint']) {
        assert.ok(key in e, `evaluation without ${key}: ${JSON.stringify(e)}`);
      }
    }
    assert.ok(evaluations.some((e) => e.status === 'not_assessable' && e.rule === 'T3-BALANCE'));
    const passing = (await readOne(seed('004'), '--explain')).evaluations ?? [];
    assert.ok(passing.some((e) => e.status === 'pass' && e.rule === 'T3-BALANCE' && e.left === 1 && e.right === 1));
    assert.ok(!('evaluations' in (await readOne(seed('000')))));
  });

  test('the text form lists each evaluation', async () => {
    const run = await runCli(['report', 'read', '--explain', seed('000')]);
    assert.equal(run.code, 0);
    assert.match(run.out, /核对明细（\d+项）/u);
    assert.match(run.out, /\[无法核对\] T3-BALANCE/u);
  });
});

describe('report render', () => {
  const FORMATS = ['html', 'md', 'json', 'pipe', 'tab', 'cells', 'docx', 'xlsx'] as const;
  const EXTENSION: Record<(typeof FORMATS)[number], string> = {
    html: 'html',
    md: 'md',
    json: 'json',
    pipe: 'txt',
    tab: 'txt',
    cells: 'txt',
    docx: 'docx',
    xlsx: 'xlsx',
  };
  for (const prefix of ['001', '004']) {
    for (const format of FORMATS) {
      test(`seed ${prefix} rendered as ${format} reads back with the same cells`, async () => {
        const dir = await makeTempDir();
        const target = join(dir, `report.${EXTENSION[format]}`);
        if (format === 'docx' || format === 'xlsx') {
          const run = await runCli(['report', 'render', seed(prefix), '--to', format, '--out', target]);
          assert.equal(run.code, 0, run.err);
          assert.equal(run.out, '');
        } else {
          const run = await runCli(['report', 'render', seed(prefix), '--to', format]);
          assert.equal(run.code, 0, run.err);
          assert.ok(run.out.length > 0);
          await writeFile(target, run.out);
        }
        const original = await readOne(seed(prefix));
        const back = await readOne(target);
        assert.deepEqual(cellTriples(back), cellTriples(original));
        assert.deepEqual([back.agency, back.year, back.template], [original.agency, original.year, original.template]);
      });
    }
  }

  test('renders from a rendered XLSX and DOCX again without losing a cell', async () => {
    const dir = await makeTempDir();
    const xlsx = join(dir, 'a.xlsx');
    const docx = join(dir, 'b.docx');
    assert.equal((await runCli(['report', 'render', seed('004'), '--to', 'xlsx', '--out', xlsx])).code, 0);
    assert.equal((await runCli(['report', 'render', xlsx, '--to', 'docx', '--out', docx])).code, 0);
    const html = await runCli(['report', 'render', docx, '--to', 'html']);
    assert.equal(html.code, 0, html.err);
    await writeFile(join(dir, 'c.html'), html.out);
    const back = await readOne(join(dir, 'c.html'));
    assert.deepEqual(cellTriples(back), cellTriples(await readOne(seed('004'))));
    assert.deepEqual([back.agency, back.year, back.template], ['嘉兴市民政局', 2020, '2019']);
  });

  test('keeps the numbers a report printed in a table 三 group row', async () => {
    const dir = await makeTempDir();
    const base = await readOne(seed('001'));
    const group = {
      table: '三',
      row: '三、本年度办理结果/（三）不予公开',
      column: '总计',
      id: 'outcome.withheld.total',
      value: 0,
      raw: '0',
    };
    const json = join(dir, 'group.json');
    await writeFile(json, `${JSON.stringify({ ...base, cells: [...base.cells, group], findings: [] })}\n`);
    for (const format of ['md', 'xlsx'] as const) {
      const target = join(dir, `group.${format}`);
      const run = await runCli(['report', 'render', json, '--to', format, '--out', target]);
      assert.equal(run.code, 0, run.err);
      const back = await readOne(target);
      assert.deepEqual(
        back.cells.find((c) => c.id === 'outcome.withheld.total'),
        group,
        format,
      );
      assert.equal(back.cells.length, base.cells.length + 1);
    }
  });

  test('renders a report-read@1 object (a line of read --json)', async () => {
    const dir = await makeTempDir();
    const json = join(dir, 'seed-004.json');
    await writeFile(json, (await runCli(['report', 'read', '--json', seed('004')])).out);
    const run = await runCli(['report', 'render', json, '--to', 'md']);
    assert.equal(run.code, 0, run.err);
    assert.match(run.out, /嘉兴市民政局/u);
    await writeFile(join(dir, 'back.md'), run.out);
    assert.deepEqual(cellTriples(await readOne(join(dir, 'back.md'))), cellTriples(await readOne(seed('004'))));
  });

  test('an --out that cannot be written is a Chinese message with exit 64, not an internal error', async () => {
    const dir = await makeTempDir();
    await writeFile(join(dir, 'file'), '');
    const intoDirectory = await runCli(['report', 'render', seed('001'), '--to', 'md', '--out', dir]);
    assert.deepEqual([intoDirectory.code, intoDirectory.out], [64, '']);
    assert.equal(intoDirectory.err, `gongkai report：无法写入“${dir}”：这是一个目录，请给出文件名。\n`);
    const underFile = await runCli(['report', 'new', '--year', '2026', '--to', 'xlsx', '--out', join(dir, 'file', 'new.xlsx')]);
    assert.equal(underFile.code, 64);
    assert.match(underFile.err, /^gongkai report：无法写入“.+”：路径中有一段不是目录。\n$/u);
  });

  test('an unreadable input is no usage error: exit 2 with the reason', async () => {
    const run = await runCli(['report', 'render', 'no/such/file.txt', '--to', 'md']);
    assert.equal(run.code, 2);
    assert.equal(run.out, '');
    assert.match(run.err, /文件不存在/u);
  });
});

describe('authoring: report new, fill in, report check', () => {
  const T3_COLUMNS = 7; // 自然人, five kinds of 法人或其他组织, 总计: sheet columns D…J

  async function filledWorkbook(path: string, carriedOut: number): Promise<void> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.worksheets.find((s) => s.name.startsWith('表三'));
    assert.ok(sheet, 'the workbook has a sheet for table 三');
    const rowOf = (label: string) => {
      for (let r = 1; r <= sheet.rowCount; r++) {
        if (sheet.getRow(r).getCell(3).text === label) {
          return r;
        }
      }
      assert.fail(`no row ${label}`);
    };
    // Natural persons only: 3 received + 1 carried in = 3 disclosed (= 总计) + carriedOut carried out.
    const fill: Record<string, number> = {
      '一、本年新收政府信息公开申请数量': 3,
      '二、上年结转政府信息公开申请数量': 1,
      '（一）予以公开': 3,
      '（七）总计': 3,
      '四、结转下年度继续办理': carriedOut,
    };
    for (const [label, n] of Object.entries(fill)) {
      const row = sheet.getRow(rowOf(label));
      for (let c = 0; c < T3_COLUMNS; c++) {
        row.getCell(4 + c).value = c === 0 || c === T3_COLUMNS - 1 ? n : 0;
      }
    }
    await workbook.xlsx.writeFile(path);
  }

  test('a blank XLSX filled in with a balanced table 三 passes; an unbalanced one fails with T3-BALANCE', async () => {
    const dir = await makeTempDir();
    const blank = join(dir, 'blank.xlsx');
    const made = await runCli([
      'report',
      'new',
      '--template',
      '2021',
      '--year',
      '2026',
      '--to',
      'xlsx',
      '--out',
      blank,
      '--agency',
      '某市民政局',
    ]);
    assert.equal(made.code, 0, made.err);
    assert.equal(made.err, `已写入 ${blank}\n`);

    const blankRun = await runCli(['report', 'check', '--json', blank]);
    assert.equal(blankRun.code, 0);
    const [blankReading] = jsonLines(blankRun.out);
    assert.deepEqual([blankReading?.agency, blankReading?.year, blankReading?.template], ['某市民政局', 2026, '2021']);
    assert.deepEqual([...new Set(ruleList(blankReading!))], ['CELL-BLANK']);

    const balanced = join(dir, 'balanced.xlsx');
    const unbalanced = join(dir, 'unbalanced.xlsx');
    await cp(blank, balanced);
    await cp(blank, unbalanced);
    await filledWorkbook(balanced, 1);
    await filledWorkbook(unbalanced, 2);

    const good = await runCli(['report', 'check', '--json', balanced]);
    assert.equal(good.code, 0, good.out);
    const [goodReading] = jsonLines(good.out);
    assert.equal(cellMap(goodReading!)['carried_out.natural_person'], 1);
    assert.deepEqual(
      goodReading!.findings.filter((f) => f.severity !== 'notice'),
      [],
    );

    const bad = await runCli(['report', 'check', '--json', unbalanced]);
    assert.equal(bad.code, 1);
    const balance = jsonLines(bad.out)[0]!.findings.filter((f) => f.rule === 'T3-BALANCE');
    assert.deepEqual(
      balance.map((f) => [f.severity, f.cells]),
      ['natural_person', 'total'].map((c) => ['error', [`received.${c}`, `carried_in.${c}`, `outcome.total.${c}`, `carried_out.${c}`]]),
    );
  });

  for (const format of ['docx', 'xlsx', 'html', 'md', 'pipe', 'tab', 'cells', 'json'] as const) {
    test(`a blank ${format} report from report new checks with CELL-BLANK notices only`, async () => {
      const dir = await makeTempDir();
      const path = join(dir, `blank.${format}`);
      const made = await runCli(['report', 'new', '--year', '2026', '--to', format, '--out', path, '--agency', '某市民政局']);
      assert.equal(made.code, 0, made.err);
      const run = await runCli(['report', 'check', '--json', path]);
      assert.equal(run.code, 0);
      const [reading] = jsonLines(run.out);
      assert.deepEqual([reading?.agency, reading?.year, reading?.template], ['某市民政局', 2026, '2021']);
      assert.deepEqual([...new Set(ruleList(reading!))], ['CELL-BLANK']);
    });
  }

  test('report new --to json writes a contract object that reads back as a blank report', async () => {
    const dir = await makeTempDir();
    const path = join(dir, 'new.json');
    const made = await runCli([
      'report',
      'new',
      '--template',
      '2019',
      '--year',
      '2020',
      '--to',
      'json',
      '--out',
      path,
      '--agency',
      '某县财政局',
    ]);
    assert.equal(made.code, 0, made.err);
    const written = JSON.parse(await readFile(path, 'utf8')) as JsonReading & { text?: { preamble: string[] } };
    // The contract keys in order, then the report's prose (an extra key, issue #10).
    assert.deepEqual(Object.keys(written), [...KEYS, 'text']);
    assert.equal(written.text?.preamble[1], '本报告统计期限自2020年1月1日起至2020年12月31日止。');
    const reading = await readOne(path);
    assert.deepEqual([reading.agency, reading.year, reading.template, reading.cells.length], ['某县财政局', 2020, '2019', 0]);
    assert.deepEqual([...new Set(ruleList(reading))], ['CELL-BLANK']);
  });
});

describe('robustness through the CLI', () => {
  test('a GB18030 seed reads the same cells as the UTF-8 one', async () => {
    const gb = await readOne('test/fixtures/documents/seed-000.gb18030.txt');
    const utf8 = await readOne(seed('000'));
    assert.deepEqual(cellTriples(gb), cellTriples(utf8));
    assert.deepEqual([gb.agency, gb.year], [utf8.agency, utf8.year]);
  });

  test('a PDF given on the command line is read (pdf.js gets a Uint8Array, not the Buffer of readFile)', async () => {
    const reading = await readOne('test/fixtures/documents/report.pdf');
    assert.ok(!ruleList(reading).includes('READ-SOURCE'), JSON.stringify(reading.findings));
    assert.deepEqual([reading.year, reading.template], [2023, '2021']);
    assert.deepEqual(
      cellTriples(reading).filter((c) => c.id.startsWith('normative_documents.')),
      [
        { id: 'normative_documents.issued', value: 3, raw: '3' },
        { id: 'normative_documents.repealed', value: 1, raw: '1' },
        { id: 'normative_documents.in_force', value: 12, raw: '12' },
      ],
    );
    // its table 三 has only 自然人 and 总计: each read under its own title, no other column guessed
    assert.deepEqual(
      cellTriples(reading).filter((c) => c.id.startsWith('received.')),
      [
        { id: 'received.natural_person', value: 5, raw: '5' },
        { id: 'received.total', value: 5, raw: '5' },
      ],
    );
  });

  test('a 10 MB text file is read to the end and gives one result', { timeout: 300_000 }, async () => {
    const dir = await makeTempDir();
    const path = join(dir, 'large.txt');
    const text = seedText('004');
    await writeFile(path, text.repeat(Math.ceil((10 * 1024 * 1024) / Buffer.byteLength(text))));
    const run = await runCli(['report', 'read', '--json', path]);
    const readings = jsonLines(run.out);
    assert.equal(readings.length, 1);
    assert.equal(readings[0]?.source, path);
    assert.ok(!ruleList(readings[0]!).includes('READ-SOURCE'));
    assert.ok([0, 1].includes(run.code));
  });

  test('a DOCX cut short is READ-SOURCE with a reason', async () => {
    const dir = await makeTempDir();
    const whole = join(dir, 'whole.docx');
    assert.equal((await runCli(['report', 'render', seed('001'), '--to', 'docx', '--out', whole])).code, 0);
    const bytes = await readFile(whole);
    const cut = join(dir, 'cut.docx');
    await writeFile(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const run = await runCli(['report', 'read', '--json', cut]);
    assert.equal(run.code, 2);
    assertUnreadable(jsonLines(run.out)[0], cut);
  });
});

describe('as a real process', () => {
  test('report check --json prints pure JSON Lines on stdout and the summary on stderr', { timeout: 120_000 }, async () => {
    const run = await spawnCli(['report', 'check', '--json', SEED_DIR]);
    assert.equal(run.code, 0, run.err);
    const readings = jsonLines(run.out);
    assert.deepEqual(
      readings.map((r) => r.source),
      SEEDS,
    );
    assert.match(run.err, /共 5 个文件；问题合计：错误 0，警告 \d+，提示 \d+/u);
    assert.equal(run.out, (await runCli(['report', 'check', '--json', '--jobs', '1', SEED_DIR])).out);
  });

  test('a batch of 600 files is read with few file handles (ulimit -n 256), none of them lost to EMFILE', {
    timeout: 300_000,
  }, async () => {
    const dir = await makeTempDir();
    const text = seedText('002');
    for (let i = 0; i < 600; i++) {
      await writeFile(join(dir, `r${i}.txt`), text);
    }
    const { stdout } = await promisify(execFile)('bash', ['-c', `ulimit -n 256 && exec ./gongkai report check --json --jobs 1 "$0"`, dir], {
      cwd: ROOT,
      timeout: 300_000,
      maxBuffer: 256 * 1024 * 1024,
    });
    const readings = jsonLines(stdout);
    assert.equal(readings.length, 600);
    assert.deepEqual(
      readings.filter((r) => ruleList(r).includes('READ-SOURCE')).map((r) => r.findings[0]?.message),
      [],
    );
  });

  test('exit codes reach the shell: 2 for an unreadable file, 64 for a bad command line', { timeout: 120_000 }, async () => {
    const unreadable = await spawnCli(['report', 'read', '--json', 'no/such/file.txt']);
    assert.equal(unreadable.code, 2);
    assertUnreadable(jsonLines(unreadable.out)[0], 'no/such/file.txt');
    const usage = await spawnCli(['report', 'read', '--jobs', '0', SEEDS[0]!]);
    assert.equal(usage.code, 64);
    assert.equal(usage.out, '');
    assert.match(usage.err, /--jobs 必须是正整数/u);
  });
});
