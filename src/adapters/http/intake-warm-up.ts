// The HTTP half of the server's start-up warm-up (src/warm-up.ts; issue #7: the first burst of 1,000
// concurrent intakes after a start waited for V8 to compile and optimise the intake path). Synthetic
// public applications go, each on its own connection as real clients send them, over loopback to an
// internal listener on 127.0.0.1 with an ephemeral port that only this function knows and closes
// again before the server reports ready — so node:http's parser and the fast path
// (intake-fast-path.ts), JSON, the schema, the use case and the store run as they will for users. The
// listener handles nothing but the intake given to it (anything else: 404); where those applications
// are written is the caller's business (a transaction that is rolled back).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { residentIdCheckCharacter, usccCheckCharacter } from '#core/cases/applicant.ts';
import type { DirectHandler } from './intake-fast-path.ts';

export interface IntakeWarmUpOptions {
  /** The fast path over the services the synthetic applications may be written to. */
  readonly handler: DirectHandler;
  /** The agency the applications name. */
  readonly agencySlug: string;
  /** Applications sent at most. */
  readonly requests: number;
  /** Sent together (one wave); the next wave starts when the previous one is answered. */
  readonly concurrency: number;
  /** No wave starts after this `performance.now()` instant. */
  readonly deadline: number;
}

export interface IntakeWarmUpResult {
  readonly sent: number;
  /** Answers by HTTP status (`error`: no answer). */
  readonly statuses: Readonly<Record<string, number>>;
}

/** The n-th synthetic application: natural persons (valid resident IDs) and organisations (valid 统一社会信用代码), in turn. */
export function warmUpApplication(n: number): Record<string, unknown> {
  const delivery = (['online', 'email', 'post', 'pickup'] as const)[n % 4];
  const description = `请公开本机关${2020 + (n % 6)}年度政府信息公开工作年度报告所列第${n}项支出的明细（启动预热）`;
  if (n % 3 === 2) {
    const first17 = `91110000${String(100_000_000 + n).slice(-9)}`;
    return {
      applicant: {
        type: 'commercial_enterprise',
        name: `预热企业${n}有限公司`,
        uscc: `${first17}${usccCheckCharacter(first17)}`,
        phone: '01000000000',
        email: `warm-up${n}@example.org`,
        address: `北京市东城区预热路${n}号`,
      },
      description,
      delivery,
    };
  }
  const first17 = `1101051980${String(101 + (n % 12) * 100 + (n % 28)).padStart(4, '0')}${String(n % 1000).padStart(3, '0')}`;
  return {
    applicant: {
      type: 'natural_person',
      name: `预热申请人${n}`,
      idType: 'resident_id',
      idNumber: `${first17}${residentIdCheckCharacter(first17)}`,
      phone: '13800000000',
      email: `warm-up${n}@example.org`,
      address: `北京市西城区预热街${n}号`,
    },
    description,
    delivery,
  };
}

/** One request on its own connection (`Connection: close`); answers the status code, or `error`. */
function post(port: number, path: string, body: string): Promise<string> {
  const bytes = Buffer.from(body, 'utf8');
  const head =
    `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\n` +
    `Content-Length: ${bytes.length}\r\nConnection: close\r\n\r\n`;
  return new Promise((resolve) => {
    let status = 'error';
    // write, not end: a client that half-closes its side has its request aborted by node:http.
    const socket = connect(port, '127.0.0.1', () => socket.write(Buffer.concat([Buffer.from(head, 'latin1'), bytes])));
    socket.once('data', (chunk: Buffer) => {
      status = /^HTTP\/1\.1 (\d{3})/.exec(chunk.toString('latin1', 0, 16))?.[1] ?? 'error';
    });
    socket.on('data', () => undefined);
    socket.once('error', () => undefined);
    socket.once('close', () => resolve(status));
  });
}

/** Sends the synthetic applications through `handler` on an internal loopback listener; closes it before answering. */
export async function driveIntakeWarmUp(options: IntakeWarmUpOptions): Promise<IntakeWarmUpResult> {
  const server = createServer((incoming: IncomingMessage, outgoing: ServerResponse) => {
    if (!options.handler(incoming, outgoing)) {
      outgoing.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: 0, backlog: 4096 }, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const path = `/api/agencies/${options.agencySlug}/applications`;
  const statuses: Record<string, number> = {};
  let sent = 0;
  try {
    while (sent < options.requests && performance.now() < options.deadline) {
      const wave = Math.min(options.concurrency, options.requests - sent);
      const answers = await Promise.all(
        Array.from({ length: wave }, (_, i) => post(port, path, JSON.stringify(warmUpApplication(sent + i)))),
      );
      sent += wave;
      for (const status of answers) {
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    }
  } finally {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }
  return { sent, statuses };
}
