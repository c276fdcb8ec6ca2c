// Issue #10, deadlines as a case officer pastes them: the text output in Chinese dates with the
// original and extended due dates, working days left or overdue, the receipt date as recorded beside
// the one counted, the default channel said, setting keys only under --explain, refusals first.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { makeDataDir, runCli } from './clock-cli-harness.ts';

const deadline = async (...args: string[]) => runCli(['deadline', ...args], { dataDir: await makeDataDir() });

describe('gongkai deadline, text output', () => {
  test('a missing --channel is said on the first line; dates read 2025年10月31日; overdue working days are counted', async () => {
    const run = await deadline('--received', '2025-09-28', '--today', '2025-11-05');
    assert.equal(run.code, 0, run.err);
    const lines = run.out.split('\n');
    assert.equal(lines[0], '渠道：未指定，按互联网（在线平台、电子邮件）计算（默认：互联网）');
    assert.equal(lines[1], '收到日：2025年9月28日');
    assert.equal(lines[2], '答复期限：2025年10月31日（如经批准延期，最迟 2025年11月28日）');
    assert.equal(lines[3], '状态：已逾期（截至 2025年11月5日：已逾期 3 个工作日）');
    assert.doesNotMatch(run.out, /\d{4}-\d{2}-\d{2}/u);
    const given = await deadline('--received', '2025-09-28', '--channel', '在线', '--today', '2025-10-20');
    assert.match(given.out.split('\n')[0]!, /^收到日：/u);
    assert.match(given.out, /状态：正常（截至 2025年10月20日：已用 11 个工作日，剩余 9 个工作日）/u);
  });

  test('setting keys, rule IDs and flags appear only under --explain', async () => {
    const plain = await deadline('--received', '2025-09-28', '--channel', 'online', '--today', '2025-10-20');
    assert.doesNotMatch(plain.out, /clock\.due-soon-working-days|适用设置|［|statute\.md/u);
    const explained = await deadline('--received', '2025-09-28', '--channel', 'online', '--today', '2025-10-20', '--explain');
    assert.match(explained.out, /适用设置：clock\.due-soon-working-days=3［默认］/u);
  });

  test('the receipt date as recorded stands beside the one counted', async () => {
    const run = await deadline(
      '--received',
      '2025-09-27',
      '--channel',
      'online',
      '--set',
      'receipt.rest-day=next-working-day',
      '--today',
      '2025-10-09',
    );
    assert.match(run.out, /^收到日：2025年9月27日（按设置计为 2025年9月28日）$/mu);
    assert.doesNotMatch(run.out, /receipt\.rest-day/u);
  });

  test('an approved extension shows the extended and the original due date', async () => {
    const run = await deadline(
      '--received',
      '2025-09-26',
      '--channel',
      'online',
      '--event',
      'extension_approved:2025-10-28:10',
      '--today',
      '2025-10-30',
    );
    assert.match(run.out, /^答复期限：2025年11月13日（已延期 10 个工作日；原答复期限 2025年10月30日）$/mu);
  });

  test('挂号, EMS, 快递 and 邮政 are the signed-post channel; dates may be written 2025/09/28, 2025-9-28 or 2025年9月28日', async () => {
    const reference = JSON.parse((await deadline('--received', '2025-09-28', '--channel', 'post_signed', '--json')).out) as { due: string };
    for (const channel of ['挂号', 'EMS', '快递', '邮政']) {
      const run = await deadline('--received', '2025-09-28', '--channel', channel, '--today', '2025-10-09');
      assert.equal(run.code, 0, `${channel}: ${run.err}`);
      assert.match(run.out, /第三十一条（二）：行政机关签收之日/u, channel);
    }
    for (const date of ['2025/09/28', '2025-9-28', '2025年9月28日']) {
      const run = await deadline('--received', date, '--channel', 'post_signed', '--json');
      assert.equal(run.code, 0, `${date}: ${run.err}`);
      assert.equal((JSON.parse(run.out) as { due: string }).due, reference.due, date);
    }
  });

  test('a refused event stops the command: non-zero exit, the reason first, nothing on standard output', async () => {
    const over = await deadline('--received', '2025-09-26', '--channel', 'online', '--event', 'extension_approved:2025-10-28:25');
    assert.equal(over.code, 64);
    assert.equal(over.out, '');
    assert.match(over.err, /^gongkai deadline：未登记：申请延期 25 个工作日，超过20个工作日上限：不予登记（第三十三条）。/u);
    const afterReply = await deadline(
      '--received',
      '2025-09-26',
      '--channel',
      'online',
      '--event',
      'replied:2025-10-10',
      '--event',
      'correction_requested:2025-10-12',
    );
    assert.equal(afterReply.code, 64);
    assert.equal(afterReply.out, '');
    assert.match(afterReply.err, /^gongkai deadline：案件已于 2025-10-10 结案（已答复），不能再登记“补正发出”/u);
  });
});
