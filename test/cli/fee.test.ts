import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { FEE_VECTORS } from '#test/factories/fee-vectors.ts';
import vectors from '#test/fixtures/test-vectors.json' with { type: 'json' };
import { makeTempDirSync } from '#test/temp-dir.ts';
import { type CliRun, runInProcess } from './run-in-process.ts';

const dataDir = makeTempDirSync('gongkai-fee-');

function runFee(...args: string[]): Promise<CliRun> {
  return runInProcess(['fee', ...args], {
    isTTY: false,
    env: { GONGKAI_DATA_DIR: dataDir },
    cwd: process.cwd(),
    now: () => new Date('2026-01-05T02:00:00Z'),
  });
}

interface FeeJson {
  readonly fen: number;
  readonly yuan: string;
  readonly explanation: readonly string[];
  readonly applications?: readonly { readonly receivedOn: string; readonly ordinalInMonth: number; readonly fen: number }[];
  readonly notice?: { readonly required: boolean; readonly payBy?: string | null; readonly paragraphs?: readonly string[] };
}

async function runFeeJson(...args: string[]): Promise<FeeJson> {
  const result = await runFee(...args, '--json');
  assert.equal(result.code, 0, result.err);
  assert.equal(result.err, '');
  return JSON.parse(result.out) as FeeJson;
}

// "4700.00" from whole 元, by text (no float formatting to mirror the implementation).
const yuanText = (yuan: number): string => `${yuan}.00`;

describe('gongkai fee reproduces every fee vector of test-vectors.json', () => {
  test('there are 26 fee vectors to run', () => {
    assert.equal(FEE_VECTORS.length, 26);
  });
  for (const vector of FEE_VECTORS) {
    test(`${vector.id} (${vector.kind}) gives the spec's amount through the CLI`, async () => {
      let output: FeeJson;
      let yuan: number;
      switch (vector.kind) {
        case 'per_application_rate':
          output = await runFeeJson('--count', String(vector.input.ordinalInMonth));
          yuan = vector.expected.feeYuan!;
          break;
        case 'per_application_month_total':
          output = await runFeeJson('--month-total', String(vector.input.applicationsInMonth));
          yuan = vector.expected.totalYuan!;
          break;
        case 'per_page':
          output = await runFeeJson('--pages', String(vector.input.pages));
          yuan = vector.expected.feeYuan!;
          break;
        case 'per_application_sequence':
          output = await runFeeJson('--receipts', vector.input.receipts!.join(','));
          yuan = vector.expected.totalYuan!;
          assert.deepEqual(
            output.applications,
            vector.expected.applications!.map((a) => ({
              receivedOn: a.receivedOn,
              ordinalInMonth: a.ordinalInMonth,
              fen: a.feeYuan * 100,
            })),
          );
          break;
        default:
          assert.fail(`unknown fee vector kind ${vector.kind}`);
      }
      assert.equal(output.fen, yuan * 100);
      assert.equal(output.yuan, yuanText(yuan));
      assert.ok(output.explanation.length >= 2, 'the amount comes with its steps');
    });
  }
});

describe('gongkai fee output', () => {
  test('--json has exactly fen, yuan and explanation for a page count', async () => {
    const output = await runFeeJson('--pages', '450');
    assert.deepEqual(Object.keys(output).sort(), ['explanation', 'fen', 'yuan']);
    assert.ok(Number.isInteger(output.fen));
    assert.ok(output.explanation.includes('第31—100页：70页 × 10元 = 700元'));
  });
  test('the text output shows the steps and the amount in Chinese', async () => {
    const result = await runFee('--pages', '450');
    assert.equal(result.code, 0);
    assert.match(result.out, /第201—450页：250页 × 40元 = 10000元/);
    assert.match(result.out, /信息处理费：12700\.00元/);
  });
  test('the 12th application of a month is charged the marginal rate of 100元', async () => {
    const result = await runFee('--count', '12');
    assert.match(result.out, /信息处理费：100\.00元/);
  });
  test('a free case says plainly that no fee is charged', async () => {
    const result = await runFee('--pages', '30');
    assert.equal(result.code, 0);
    assert.match(result.out, /不收费/);
    assert.match(result.out, /0\.00元/);
  });
  test('--option=value works like --option value', async () => {
    assert.equal((await runFeeJson('--month-total=35')).fen, (await runFeeJson('--month-total', '35')).fen);
  });
  test('--help lists the options and exits 0', async () => {
    const result = await runFee('--help');
    assert.equal(result.code, 0);
    for (const option of ['--pages', '--count', '--month-total', '--json']) {
      assert.ok(result.out.includes(option), option);
    }
  });
});

describe('gongkai fee waivers and the fee notice', () => {
  test('--waive records a full waiver with its reason and the fee becomes 0', async () => {
    const output = await runFeeJson('--pages', '450', '--waive', '申请人为低保对象');
    assert.equal(output.fen, 0);
    assert.ok(output.explanation.some((step) => step.includes('申请人为低保对象')));
  });
  test('--reduce with --waive takes off the given 元 exactly, in fen', async () => {
    const output = await runFeeJson('--pages', '450', '--waive', '部分已主动公开', '--reduce', '100.5');
    assert.equal(output.fen, 1270000 - 10050);
    assert.equal(output.yuan, '12599.50');
  });
  test('--reduce without a reason is a usage error', async () => {
    const result = await runFee('--pages', '450', '--reduce', '10');
    assert.equal(result.code, 64);
    assert.match(result.err, /理由/);
  });
  // The payment deadline of the spec's fee cases (DD-27, DD-29: feePaymentDue) from the notice's receipt date.
  const feeDueCases = vectors.dueDates.filter(
    (c): c is typeof c & { input: { fee: { noticeReceivedOn: string } }; expected: { feePaymentDue: string } } =>
      'fee' in c.input && 'feePaymentDue' in c.expected,
  );
  test('the spec has due-date cases with a fee payment deadline to check against', () => {
    assert.ok(feeDueCases.length >= 2);
  });
  for (const dueCase of feeDueCases) {
    test(`${dueCase.id}: notice received ${dueCase.input.fee.noticeReceivedOn} → pay by ${dueCase.expected.feePaymentDue}`, async () => {
      const output = await runFeeJson(
        '--pages',
        '450',
        '--notice-received',
        dueCase.input.fee.noticeReceivedOn,
        '--payment-method',
        '银行转账',
      );
      assert.equal(output.notice?.required, true);
      assert.equal(output.notice?.payBy, dueCase.expected.feePaymentDue);
      const text = output.notice?.paragraphs?.join('\n') ?? '';
      for (const item of ['收费依据', '收费标准', '收费数额', '缴纳方式', '银行转账']) {
        assert.ok(text.includes(item), item);
      }
    });
  }
  test('no fee means no notice', async () => {
    const output = await runFeeJson('--count', '3', '--notice-received', '2025-03-11');
    assert.deepEqual(output.notice, { required: false });
  });
  test('an impossible notice date is a usage error', async () => {
    const result = await runFee('--pages', '450', '--notice-received', '2025-02-30');
    assert.equal(result.code, 64);
    assert.match(result.err, /有效日期/);
  });
});

describe('gongkai fee refuses bad command lines with exit 64 and a Chinese message', () => {
  const cases: readonly [string, readonly string[], RegExp][] = [
    ['a negative page count', ['--pages', '-1'], /页数必须是非负整数/],
    ['a page count that is not a number', ['--pages', 'abc'], /页数必须是非负整数/],
    ['a fractional page count', ['--pages', '1.5'], /页数必须是非负整数/],
    ['no option', [], /请指定/],
    ['two options', ['--pages', '3', '--count', '4'], /只能指定/],
    ['an option without its value', ['--pages'], /需要一个值/],
    ['application number 0', ['--count', '0'], /正整数/],
    ['an unknown option', ['--colour'], /未知参数/],
    ['the same option twice', ['--pages', '3', '--pages', '4'], /只能指定一次/],
    ['an impossible receipt date', ['--receipts', '2025-13-01'], /有效日期/],
  ];
  for (const [what, args, message] of cases) {
    test(`${what} (${args.join(' ') || 'nothing'})`, async () => {
      const result = await runFee(...args);
      assert.equal(result.code, 64);
      assert.equal(result.out, '');
      assert.match(result.err, message);
      assert.match(result.err, /[\u4e00-\u9fff]/);
    });
  }
});

describe('./gongkai fee as a real process', () => {
  test('./gongkai fee --pages 450 --json prints 12700.00 and exits 0', async () => {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const { stdout } = await promisify(execFile)('./gongkai', ['fee', '--pages', '450', '--json'], {
      cwd: root,
      timeout: 120_000,
      env: { ...process.env, DATABASE_URL: '', GONGKAI_DATA_DIR: dataDir },
    });
    const output = JSON.parse(stdout) as FeeJson;
    assert.equal(output.fen, 1270000);
    assert.equal(output.yuan, '12700.00');
    assert.ok(output.explanation.length > 0);
  });
});
