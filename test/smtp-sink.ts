// A local SMTP server for tests (smtp-server on 127.0.0.1, ephemeral port) that keeps every message
// it accepts, with the envelope and the decoded subject and text.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface SunkMail {
  readonly from: string;
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly raw: string;
  /** The SMTP user the client authenticated as (a sink with `auth` only). */
  readonly user?: string;
}

export interface SmtpSink {
  readonly port: number;
  readonly messages: SunkMail[];
  /** Makes the server refuse the next `count` messages with a 451 (temporary failure). */
  refuseNext(count: number): void;
  close(): Promise<void>;
}

/** Decodes RFC 2047 encoded words (=?UTF-8?B?…?= and =?UTF-8?Q?…?=) of a header. */
function decodeHeader(value: string): string {
  return value.replace(/\?=\s+=\?/g, '?==?').replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_w, encoding: string, data: string) =>
    encoding.toLowerCase() === 'b'
      ? Buffer.from(data, 'base64').toString('utf8')
      : Buffer.from(
          data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
          'latin1',
        ).toString('utf8'),
  );
}

function parse(raw: string): { subject: string; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1] ?? '';
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  const text =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? Buffer.from(
            body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
            'latin1',
          ).toString('utf8')
        : body;
  return { subject: decodeHeader(header('Subject')), text: text.replace(/\r\n/g, '\n').trimEnd() };
}

/** Starts a sink on 127.0.0.1, port 0; with `auth`, it refuses mail from a client that did not log in with it. */
export async function startSmtpSink(
  options: { readonly auth?: { readonly user: string; readonly password: string } } = {},
): Promise<SmtpSink> {
  const messages: SunkMail[] = [];
  let refuse = 0;
  const { auth } = options;
  const server = new SMTPServer({
    authOptional: auth === undefined,
    ...(auth === undefined
      ? {}
      : {
          // Plain AUTH without TLS is acceptable on 127.0.0.1 in a test only.
          allowInsecureAuth: true,
          authMethods: ['PLAIN', 'LOGIN'],
          onAuth(credentials, _session, callback) {
            if (credentials.username === auth.user && credentials.password === auth.password) {
              callback(null, { user: credentials.username });
            } else {
              callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
            }
          },
        }),
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (refuse > 0) {
          refuse -= 1;
          const error = Object.assign(new Error('mailbox busy'), { responseCode: 451 });
          callback(error);
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        const envelope = session.envelope;
        messages.push({
          from: envelope.mailFrom === false ? '' : envelope.mailFrom.address,
          to: envelope.rcptTo.map((r) => r.address),
          ...parse(raw),
          raw,
          ...(typeof session.user === 'string' ? { user: session.user } : {}),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    messages,
    refuseNext(count) {
      refuse = count;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
