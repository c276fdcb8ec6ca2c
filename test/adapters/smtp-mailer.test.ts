import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createSmtpMailer } from '#adapters/mail/smtp-mailer.ts';
import { type SmtpSink, startSmtpSink } from '#test/smtp-sink.ts';

let sink: SmtpSink;
const mailer = createSmtpMailer({ timeoutMs: 5000 });
before(async () => {
  sink = await startSmtpSink();
});
after(async () => {
  mailer.close();
  await sink.close();
});

test('a message goes over SMTP with its Chinese subject and text intact', async () => {
  const settings = { host: '127.0.0.1', port: sink.port, from: '政务公开办 <gongkai@example.gov.cn>' };
  const sent = await mailer.send(settings, {
    to: 'officer@example.gov.cn',
    subject: '【即将到期】申请 SQ-1 答复期限',
    text: '第一行\n第二行：2025年3月5日',
  });
  assert.deepEqual(sent.accepted, ['officer@example.gov.cn']);
  const mail = sink.messages.at(-1);
  assert.ok(mail);
  assert.equal(mail.from, 'gongkai@example.gov.cn');
  assert.deepEqual(mail.to, ['officer@example.gov.cn']);
  assert.equal(mail.subject, '【即将到期】申请 SQ-1 答复期限');
  assert.equal(mail.text, '第一行\n第二行：2025年3月5日');
});

test('a refusal by the server rejects the send, and nothing is kept', async () => {
  const before = sink.messages.length;
  sink.refuseNext(1);
  await assert.rejects(
    mailer.send({ host: '127.0.0.1', port: sink.port, from: 'a@example.gov.cn' }, { to: 'b@example.gov.cn', subject: 's', text: 't' }),
    /451|mailbox busy/,
  );
  assert.equal(sink.messages.length, before);
});
