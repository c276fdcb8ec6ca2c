// The SMTP user and password settings reach the server (issue #8: agency SMTP settings): `gongkai jobs
// daily` logs in to a sink that refuses anonymous mail; a wrong password is a failed reminder; the
// password never appears in `letter settings show` or in the change output.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { forEachEngine } from '#test/db-harness.ts';
import { type SmtpSink, startSmtpSink } from '#test/smtp-sink.ts';
import { runInProcess } from './run-in-process.ts';

let dir: string;
let sink: SmtpSink;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gongkai-smtp-auth-'));
  sink = await startSmtpSink({ auth: { user: 'gongkai-mailer', password: 'smtp secret 1' } });
});
after(async () => {
  await sink.close();
  await rm(dir, { recursive: true, force: true });
});

forEachEngine('SMTP authentication from the agency settings', ({ database, engine }) => {
  test('jobs daily logs in with mail.smtp-user / mail.smtp-password; a wrong password fails the reminder; the password is never shown', async () => {
    const { url } = await database();
    const gongkai = (...args: string[]) =>
      runInProcess(args, {
        env: { GONGKAI_DATA_DIR: dir, DATABASE_URL: url, GONGKAI_USER: 'tester' },
        cwd: dir,
        isTTY: false,
        now: () => new Date('2025-10-10T02:00:00Z'),
      });
    const slug = `smtp-${engine}`;
    assert.equal((await gongkai('agency', 'add', slug, '--name', '某市邮件测试局')).code, 0);
    const { writeFile } = await import('node:fs/promises');
    // Received 2025-08-01: long overdue on 2025-10-10, so the first run sends one overdue reminder.
    await writeFile(
      join(dir, `${slug}.jsonl`),
      `${JSON.stringify({ externalId: 'M-1', channel: 'online', received: '2025-08-01', applicantType: 'natural_person', events: [], outcome: null })}\n`,
    );
    assert.equal((await gongkai('case', 'import', `${slug}.jsonl`, '--agency', slug)).code, 0);
    for (const [key, value] of [
      ['mail.smtp-host', '127.0.0.1'],
      ['mail.smtp-port', String(sink.port)],
      ['mail.from', 'gongkai@example.gov.cn'],
      ['mail.reminders-to', `${slug}@example.gov.cn`],
      ['mail.smtp-user', 'gongkai-mailer'],
      ['mail.smtp-password', 'wrong password'],
    ]) {
      const set = await gongkai('letter', 'settings', 'set', key as string, value as string, '--agency', slug);
      assert.equal(set.code, 0, set.err);
      assert.ok(!set.out.includes('wrong password'), set.out);
    }
    const mine = () => sink.messages.filter((m) => m.to.includes(`${slug}@example.gov.cn`));
    const failed = await gongkai('jobs', 'daily', '--json');
    assert.equal(failed.code, 1, failed.err); // a failed reminder: exit 1
    assert.equal(mine().length, 0, JSON.stringify([failed.out, mine()[0]?.user]));
    const summary = (out: string) =>
      (JSON.parse(out) as { agencies: { agency: string; reminders: { sent: number; failed: number } }[] }).agencies.find(
        (a) => a.agency === slug,
      )?.reminders;
    assert.equal(summary(failed.out)?.failed, 1);
    assert.equal((await gongkai('letter', 'settings', 'set', 'mail.smtp-password', 'smtp secret 1', '--agency', slug)).code, 0);
    const sent = await gongkai('jobs', 'daily', '--json');
    assert.equal(sent.code, 0, sent.err);
    assert.equal(summary(sent.out)?.sent, 1, sent.out);
    assert.equal(mine().length, 1, sent.out);
    assert.equal(mine()[0]?.user, 'gongkai-mailer');
    const shown = await gongkai('letter', 'settings', 'show', '--agency', slug, '--json');
    assert.ok(!shown.out.includes('smtp secret 1') && !shown.out.includes('wrong password'), 'the password shown back');
    const row = (JSON.parse(shown.out) as { key: string; value: string }[]).find((r) => r.key === 'mail.smtp-password');
    assert.equal(row?.value, '（已设置）');
  });
});
