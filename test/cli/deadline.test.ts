import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { promisify } from 'node:util';
import { type ClockRefusalCode, NOT_REGISTERED_CODES } from '#core/statute/clock-refusal.ts';
import { expectedReferenceSteps, isSubsequence } from '#test/factories/clock-vectors.ts';
import vectors from '#test/fixtures/test-vectors.json' with { type: 'json' };
import { makeDataDir, runCli } from './clock-cli-harness.ts';

const LATER = '2030-06-28';
const ROOT = new URL('../../', import.meta.url).pathname;

interface VectorInput {
  channel: string;
  submittedOn?: string;
  signedOn?: string;
  confirmedOn?: string;
  correction?: { noticeSentOn: string; noticeDeliveredOn?: string; periodWorkingDays: number; receivedOn: string | null };
  consultations?: { kind: string; sentOn: string; consulteeReceivedOn?: string; answeredOn: string | null }[];
  extension?: { workingDays: number; approvedOn: string };
  fee?: { noticeSentOn: string; noticeReceivedOn: string; paidOn: string | null };
}

/** The command line a person would type for a vector's input (statute.md IDs, documented grammar). */
function toFlags(input: VectorInput, options?: { feePause?: boolean }): string[] {
  const received = input.submittedOn ?? input.signedOn ?? input.confirmedOn;
  const args = ['--received', received!, '--channel', input.channel];
  if (input.correction) {
    const c = input.correction;
    args.push(
      '--event',
      `correction_requested:${c.noticeSentOn}:period=${c.periodWorkingDays}${c.noticeDeliveredOn ? `,delivered=${c.noticeDeliveredOn}` : ''}`,
    );
    if (c.receivedOn) {
      args.push('--event', `correction_received:${c.receivedOn}`);
    }
  }
  (input.consultations ?? []).forEach((c, i) => {
    args.push('--event', `consultation_sent:${c.sentOn}:received=${c.consulteeReceivedOn ?? c.sentOn},kind=${c.kind},id=k${i}`);
    if (c.answeredOn) {
      args.push('--event', `consultation_answered:${c.answeredOn}:k${i}`);
    }
  });
  if (input.extension) {
    args.push('--event', `extension_approved:${input.extension.approvedOn}:${input.extension.workingDays}`);
  }
  if (input.fee) {
    args.push('--event', `fee_notice_sent:${input.fee.noticeSentOn}:${input.fee.noticeReceivedOn}`);
    if (input.fee.paidOn) {
      args.push('--event', `fee_paid:${input.fee.paidOn}`);
    }
  }
  if (options?.feePause === false) {
    args.push('--set', 'fee.pause=off');
  }
  return args;
}

function assertMatchesVector(json: Record<string, unknown>, expected: Record<string, unknown>, input: object) {
  const { explanation, warnings, receivedOn, ...fields } = expected as { explanation: string[]; warnings: string[]; receivedOn: string };
  assert.equal(json['received'], receivedOn);
  for (const [key, value] of Object.entries(fields)) {
    assert.deepEqual(json[key], value, key);
  }
  assert.deepEqual(
    (json['warnings'] as { code: string; message: string }[]).map((w) => w.code),
    warnings,
  );
  for (const warning of json['warnings'] as { message: string }[]) {
    assert.match(warning.message, /[\u4e00-\u9fff]/);
  }
  assert.ok(
    isSubsequence(expectedReferenceSteps(explanation, input), json['explanation'] as string[]),
    (json['explanation'] as string[]).join('\n'),
  );
}

const replyVectors = vectors.dueDates.filter((v) => v.kind === 'reply_due');

describe('gongkai deadline --json: every reply vector through the command line flags', () => {
  for (const vector of replyVectors) {
    test(`${vector.id} gives the vector's dates, notes, warnings and reference steps`, async () => {
      const dataDir = await makeDataDir();
      const flags = toFlags(vector.input as VectorInput, (vector as { options?: { feePause?: boolean } }).options);
      const run = await runCli(['deadline', ...flags, '--today', LATER, '--json'], { dataDir });
      // A request not registered (不予登记), entered on the command line, stops the command with its
      // reason first (issue #10); the case-file tests below check the recorded history's result.
      const notRegistered = ((vector.expected as { notes?: string[] }).notes ?? []).filter(
        (code) => NOT_REGISTERED_CODES.has(code as ClockRefusalCode) && code !== 'EXTENSION_NOTICE_AFTER_DUE',
      );
      if (notRegistered.length > 0) {
        assert.equal(run.code, 64, run.out);
        assert.match(run.err, /^gongkai deadline：未登记：[^\n]*不予登记/u);
        assert.equal(run.out, '');
        return;
      }
      assert.equal(run.code, 0, run.err);
      assertMatchesVector(JSON.parse(run.out), vector.expected as Record<string, unknown>, vector.input);
    });
  }
});

describe('gongkai deadline --case FILE: every reply vector through a case file', () => {
  for (const vector of replyVectors) {
    test(`${vector.id} from its input object gives the vector's result`, async () => {
      const dataDir = await makeDataDir();
      const file = join(dataDir, 'case.json');
      await writeFile(file, JSON.stringify(vector.input));
      const options = (vector as { options?: { feePause?: boolean } }).options;
      const extra = options?.feePause === false ? ['--set', 'fee.pause=off'] : [];
      const run = await runCli(['deadline', '--case', file, '--today', LATER, '--json', ...extra], { dataDir });
      assert.equal(run.code, 0, run.err);
      assertMatchesVector(JSON.parse(run.out), vector.expected as Record<string, unknown>, vector.input);
    });
  }
});

describe('gongkai workdays: every period vector (民法典第二百零一条至第二百零三条)', () => {
  for (const vector of vectors.dueDates.filter((v) => v.kind === 'period')) {
    test(`${vector.id} gives ${vector.expected.due}`, async () => {
      const input = vector.input as { kind: string; start: string; workingDays?: number; days?: number; months?: number };
      const args =
        input.kind === 'working_days'
          ? ['workdays', 'add', input.start, String(input.workingDays)]
          : input.kind === 'calendar_days'
            ? ['workdays', 'calendar-days', input.start, String(input.days)]
            : ['workdays', 'months', input.start, String(input.months)];
      const run = await runCli([...args, '--json'], { dataDir: await makeDataDir() });
      assert.equal(run.code, 0, run.err);
      const json = JSON.parse(run.out) as { date: string; rawEnd?: string; warnings: { code: string }[] };
      assert.equal(json.date, vector.expected.due);
      if ('rawEnd' in vector.expected) {
        assert.equal(json.rawEnd, vector.expected.rawEnd);
      }
      assert.deepEqual(
        json.warnings.map((w) => w.code),
        vector.expected.warnings,
      );
    });
  }
});

describe('gongkai deadline: contract details', () => {
  test('with no events, due is the 20th and extendedDue the 40th working day after receipt', async () => {
    const run = await runCli(['deadline', '--received', '2025-09-26', '--channel', 'in_person', '--today', '2025-09-26', '--json'], {
      dataDir: await makeDataDir(),
    });
    const json = JSON.parse(run.out);
    assert.equal(json.due, '2025-10-30');
    assert.equal(json.extendedDue, '2025-11-27');
    assert.equal(json.state, 'on_time');
    assert.equal(json.workingDaysUsed, 0);
    assert.equal(json.workingDaysLeft, 20);
  });

  test('state follows --today: due soon within 3 working days, overdue after the due date', async () => {
    const dataDir = await makeDataDir();
    const at = async (today: string) =>
      JSON.parse((await runCli(['deadline', '--received', '2024-09-27', '--today', today, '--json'], { dataDir })).out);
    assert.equal((await at('2024-10-25')).state, 'due_soon');
    assert.equal((await at('2024-10-25')).workingDaysLeft, 3);
    assert.equal((await at('2024-10-24')).state, 'on_time');
    assert.equal((await at('2024-10-31')).state, 'overdue');
  });

  test('Chinese event and channel names are aliases of the IDs', async () => {
    const dataDir = await makeDataDir();
    const ids = await runCli(
      [
        'deadline',
        '--received',
        '2025-03-03',
        '--channel',
        'in_person',
        '--event',
        'correction_requested:2025-03-06:15',
        '--event',
        'correction_received:2025-03-20',
        '--today',
        LATER,
        '--json',
      ],
      { dataDir },
    );
    const chinese = await runCli(
      [
        'deadline',
        '--received',
        '2025-03-03',
        '--channel',
        '当面',
        '--event',
        '补正发出:2025-03-06:15',
        '--event',
        '收到补正:2025-03-20',
        '--today',
        LATER,
        '--json',
      ],
      {
        dataDir,
      },
    );
    assert.equal(chinese.code, 0, chinese.err);
    assert.deepEqual(JSON.parse(chinese.out), JSON.parse(ids.out));
    assert.equal(JSON.parse(ids.out).due, '2025-04-18');
  });

  test('an approved extension records approver, reason and notice in the explanation', async () => {
    const run = await runCli(
      [
        'deadline',
        '--received',
        '2025-09-26',
        '--event',
        'extension_approved:2025-10-28:days=20,by=王主任,reason=需调取档案,notified=2025-10-29',
        '--today',
        '2025-10-29',
        '--json',
      ],
      { dataDir: await makeDataDir() },
    );
    const json = JSON.parse(run.out);
    assert.equal(json.due, '2025-11-27');
    assert.ok(json.explanation.some((s: string) => s.includes('王主任') && s.includes('需调取档案') && s.includes('2025-10-29')));
  });

  test('a receipt after office hours keeps its date by default and moves with receipt.after-hours=next-working-day', async () => {
    const dataDir = await makeDataDir();
    // 10:00 UTC is 18:00 in Beijing, after the default 17:30 end of office hours; 09-28 is a Saturday, 09-29 a 调休 Sunday.
    const base = ['deadline', '--received-at', '2024-09-27T10:00:00Z', '--today', '2024-10-08', '--json'];
    const kept = JSON.parse((await runCli(base, { dataDir })).out);
    assert.equal(kept.received, '2024-09-27');
    assert.ok(kept.settingsUsed.includes('receipt.after-hours'));
    const moved = JSON.parse((await runCli([...base, '--set', 'receipt.after-hours=next-working-day'], { dataDir })).out);
    assert.equal(moved.received, '2024-09-29');
    assert.equal(moved.due, '2024-10-31');
  });

  test('an open consultation pauses the clock', async () => {
    const run = await runCli(
      ['deadline', '--received', '2024-03-01', '--event', 'consultation_sent:2024-03-05:2024-03-06', '--today', '2024-03-12', '--json'],
      {
        dataDir: await makeDataDir(),
      },
    );
    assert.equal(JSON.parse(run.out).state, 'paused');
  });

  test('bad input exits 64 with a Chinese message and prints no result', async () => {
    const dataDir = await makeDataDir();
    const cases = [
      ['deadline', '--received', '2025-02-30'],
      ['deadline', '--received', '2025-03-03', '--channel', 'pigeon'],
      ['deadline', '--received', '2025-03-03', '--event', 'teleport:2025-03-04'],
      ['deadline', '--received', '2025-03-03', '--event', 'extension_approved:2025-03-04'],
      ['deadline', '--received', '2025-03-03', '--event', 'correction_received:2025-03-01'],
      ['deadline'],
      ['deadline', '--case', join(dataDir, 'missing.json')],
      ['deadline', '--received', '2025-03-03', '--set', 'fee.pause=maybe'],
      ['workdays', 'add', '2025-03-03', '0'],
      ['workdays', 'add', '2025-03-03', 'x'],
    ];
    for (const args of cases) {
      const run = await runCli(args, { dataDir });
      assert.equal(run.code, 64, args.join(' '));
      assert.equal(run.out, '', args.join(' '));
      assert.match(run.err, /[\u4e00-\u9fff]/, args.join(' '));
    }
  });

  test('dates, years and periods out of bounds exit 64 at once with a Chinese reason (issue #7)', async () => {
    const dataDir = await makeDataDir();
    const file = join(dataDir, '9999.json');
    await writeFile(
      file,
      JSON.stringify({
        notices: ['x'],
        breaks: [{ name: '元旦', from: '2027-01-01', to: '9999-12-31', workdays: [] }],
        holidays: ['2027-01-01'],
        workdays: [],
      }),
    );
    const cases: [string[], RegExp][] = [
      [['workdays', 'count', '2024-01-01', '9999-12-31'], /9999-12-31.*超出支持的范围（1900年至2200年）/],
      [['calendar', 'show', '9999'], /9999/],
      [['calendar', 'import', file, '--year', '2027'], /9999-12-31.*超出支持的范围/],
      [['deadline', '--received', '0001-01-01'], /0001-01-01.*超出支持的范围/],
      [['deadline', '--received', '2024-01-02', '--event', 'correction_requested:2024-01-03:99999999'], /1 至 60 个工作日/],
      [['deadline', '--received-at', '2024-01-02T10:00+99:99'], /时区偏移“\+99:99”无效/],
    ];
    for (const [args, message] of cases) {
      const run = await runCli(args, { dataDir });
      assert.equal(run.code, 64, `${args.join(' ')}: ${run.err}`);
      assert.equal(run.out, '', args.join(' '));
      assert.match(run.err, message, args.join(' '));
    }
  });

  test('an event the clock refuses exits 64 naming the rule; the next day is accepted', async () => {
    const dataDir = await makeDataDir();
    const base = [
      'deadline',
      '--received',
      '2024-09-27',
      '--event',
      'correction_requested:2024-10-08:10',
      '--today',
      '2024-11-30',
      '--json',
    ];
    const early = await runCli([...base, '--event', 'correction_expired:2024-10-21'], { dataDir });
    assert.equal(early.code, 64);
    assert.match(early.err, /补正期限 2024-10-21 尚未届满.*CORRECTION_NOT_EXPIRED/);
    const onTime = await runCli([...base, '--event', 'correction_expired:2024-10-22'], { dataDir });
    assert.equal(onTime.code, 0, onTime.err);
    assert.equal(JSON.parse(onTime.out).closedOn, '2024-10-22');
    const afterReply = await runCli(
      ['deadline', '--received', '2024-09-27', '--event', 'replied:2024-10-10:outcome.disclosed', '--event', 'withdrawn:2024-10-11'],
      { dataDir },
    );
    assert.equal(afterReply.code, 64);
    assert.match(afterReply.err, /EVENT_AFTER_CLOSE/);
  });

  test('a late correction with its justifiable reason restarts the clock; a replied case shows its outcome', async () => {
    const dataDir = await makeDataDir();
    const base = ['deadline', '--received', '2025-03-03', '--channel', 'in_person', '--event', 'correction_requested:2025-03-06:15'];
    const late = await runCli([...base, '--event', 'correction_received:2025-03-31', '--json'], { dataDir });
    assert.equal(late.code, 64);
    assert.match(late.err, /正当理由/);
    const justified = await runCli(
      [...base, '--event', 'correction_received:2025-03-31:reason=申请人住院', '--event', 'replied:2025-04-10:outcome.disclosed', '--json'],
      {
        dataDir,
      },
    );
    assert.equal(justified.code, 0, justified.err);
    const json = JSON.parse(justified.out);
    assert.equal(json.clockStart, '2025-03-31');
    assert.equal(json.outcome, 'outcome.disclosed');
    assert.equal(json.closedOn, '2025-04-10');
  });

  test('a one-day break prints as one date, in the explanation and in calendar show', async () => {
    const dataDir = await makeDataDir();
    const file = join(dataDir, '2027.json');
    await writeFile(
      file,
      JSON.stringify({
        notices: ['测试'],
        breaks: [{ name: '清明节', from: '2027-04-05', to: '2027-04-05', workdays: [] }],
        holidays: ['2027-04-05'],
        workdays: [],
      }),
    );
    const imported = await runCli(['calendar', 'import', file, '--year', '2027', '--effective', '2026-01-01'], { dataDir });
    assert.equal(imported.code, 0, imported.err);
    const shown = await runCli(['calendar', 'show', '2027'], { dataDir });
    assert.match(shown.out, /清明节：2027-04-05 放假/);
    const run = await runCli(['deadline', '--received', '2027-04-01', '--today', '2027-04-02', '--json'], { dataDir });
    assert.equal(run.code, 0, run.err);
    const explanation = JSON.parse(run.out).explanation as string[];
    assert.ok(explanation.includes('2027-04-05 清明节放假，不计入'), explanation.join('\n'));
  });

  test('--help documents the event grammar', async () => {
    const run = await runCli(['deadline', '--help'], { dataDir: await makeDataDir() });
    assert.equal(run.code, 0);
    for (const word of ['correction_requested', 'consultation_sent', 'extension_approved', 'fee_notice_sent', '补正发出', '--case']) {
      assert.ok(run.out.includes(word), word);
    }
  });
});

describe('./gongkai deadline as a real process', () => {
  test('DD-01 from the shell prints the JSON contract', async () => {
    const dataDir = await makeDataDir();
    const { stdout } = await promisify(execFile)(
      join(ROOT, 'gongkai'),
      ['deadline', '--received', '2024-09-27', '--channel', 'online', '--today', '2024-10-08', '--json'],
      {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: '', GONGKAI_DATA_DIR: dataDir },
      },
    );
    const json = JSON.parse(stdout);
    assert.deepEqual(Object.keys(json).slice(0, 8), [
      'received',
      'due',
      'extendedDue',
      'state',
      'workingDaysUsed',
      'workingDaysLeft',
      'explanation',
      'warnings',
    ]);
    assert.equal(json.due, '2024-10-30');
    assert.equal(json.state, 'on_time');
    assert.ok(json.explanation.includes('2024-09-29（周日）调休上班（国庆节），计为第1个工作日'));
  });

  test('a bad date exits 64 from the shell', async () => {
    await assert.rejects(
      promisify(execFile)(join(ROOT, 'gongkai'), ['deadline', '--received', '2024-13-01'], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: '', GONGKAI_DATA_DIR: await makeDataDir() },
      }),
      (error: { code?: number; stderr?: string }) => error.code === 64 && /日期/.test(error.stderr ?? ''),
    );
  });
});
