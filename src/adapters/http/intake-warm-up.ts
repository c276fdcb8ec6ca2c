// The HTTP half of the server's start-up warm-up (src/warm-up.ts; issue #7: the first burst of 1,000
// concurrent intakes after a start waited for V8 to compile and optimise the intake path). Synthetic
// public applications go, each on its own connection as real clients send them, over loopback to an
// internal listener on 127.0.0.1 with an ephemeral port that only this function knows and closes
// again before the server reports ready — so node:http's parser and the fast path
// (intake-fast-path.ts), JSON, the schema, the use case and the store run as they will for users. The
// listener handles nothing but the intake given to it (anything else: 404); where those applications
// are written is the caller's business (a transaction that is rolled back).
//
// Two things a first burst of 1,000 concurrent clients found cold although 512 applications had been
// through (issue #7, sixth round; a CPU profile of the server's first burst against its later ones):
// - node:http's HTTP parsers. The server takes one per connection from a free list of at most 1,000
//   (node:_http_common) and gives it back when the connection closes; the warm-up's waves had 256
//   connections open at a time, so a burst of 1,000 built the other ~750 parsers (C++ objects) in the
//   middle of the burst — the largest single item of the first burst's extra CPU. poolHttpParsers
//   opens PARSER_POOL connections at once to a listener of its own, waits until it accepted them all,
//   and closes them: their parsers go back to the free list (node:http's, one per process), and a
//   burst of that many connections finds them there.
// - the keep-alive path. The synthetic applications were sent with `Connection: close`; clients keep
//   their connection open (browsers, node:http's Agent), for which node:http writes and finishes the
//   response differently and arms the keep-alive timer. They are now sent as keep-alive requests and
//   the client closes the connection once it has the whole answer, as the benchmark's client does.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo, connect, type Socket } from 'node:net';
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
  /** No wave starts that would, taking as long as the one before, end after this `performance.now()` instant (the first always runs). */
  readonly deadline: number;
}

/** Connections opened at once before the applications: node:http keeps at most 1,000 free HTTP parsers (node:_http_common). */
export const PARSER_POOL = 1000;

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

/** Length of the HTTP answer in `bytes` once its head is complete (head + Content-Length), else undefined. */
function answerLength(bytes: Buffer): number | undefined {
  const end = bytes.indexOf('\r\n\r\n');
  if (end < 0) {
    return undefined;
  }
  const length = /\r\ncontent-length: *(\d+)/i.exec(bytes.toString('latin1', 0, end))?.[1];
  return end + 4 + Number(length ?? 0);
}

/**
 * One request on its own keep-alive connection, closed by this side once the whole answer is there (as
 * node:http's Agent does when it is destroyed); answers the status code, or `error`.
 */
function post(port: number, path: string, body: string): Promise<string> {
  const bytes = Buffer.from(body, 'utf8');
  const head =
    `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\n` +
    `Content-Length: ${bytes.length}\r\nConnection: keep-alive\r\n\r\n`;
  return new Promise((resolve) => {
    let status = 'error';
    let received: Buffer = Buffer.alloc(0);
    // write, not end: a client that half-closes its side has its request aborted by node:http.
    const socket = connect(port, '127.0.0.1', () => socket.write(Buffer.concat([Buffer.from(head, 'latin1'), bytes])));
    socket.on('data', (chunk: Buffer) => {
      received = received.length === 0 ? chunk : Buffer.concat([received, chunk]);
      const length = answerLength(received);
      if (length !== undefined && received.length >= length) {
        status = /^HTTP\/1\.1 (\d{3})/.exec(received.toString('latin1', 0, 16))?.[1] ?? 'error';
        socket.destroy();
      }
    });
    socket.once('error', () => undefined);
    socket.once('close', () => resolve(status));
  });
}

/**
 * Opens `count` connections to `server` at once, waits until it has accepted those that opened, then
 * closes them and waits until the server saw them close: node:http gave each an HTTP parser from its
 * free list, or a new one, and takes them all back. Connections that fail (a process short of file
 * descriptors) are left out; answers how many were open at once.
 */
async function poolParsers(server: Server, port: number, count: number): Promise<number> {
  const accepted: Socket[] = [];
  let progress: (() => void) | undefined;
  const onConnection = (socket: Socket) => {
    accepted.push(socket);
    progress?.();
  };
  server.on('connection', onConnection);
  const clients: Socket[] = [];
  try {
    const opened = await new Promise<number>((resolve) => {
      let settled = 0;
      let connected = 0;
      const settle = (ok: boolean) => {
        settled += 1;
        connected += ok ? 1 : 0;
        if (settled === count) {
          resolve(connected);
        }
      };
      for (let i = 0; i < count; i += 1) {
        const socket = connect(port, '127.0.0.1');
        clients.push(socket);
        socket.once('connect', () => settle(true));
        socket.once('error', () => settle(false));
      }
    });
    // The server accepts on its own schedule: wait for its side of every open connection (a second
    // without a new one ends the wait: a connection it could not accept).
    while (accepted.length < opened) {
      const before = accepted.length;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 1000);
        progress = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      if (accepted.length === before) {
        break;
      }
    }
    return Math.min(opened, accepted.length);
  } finally {
    progress = undefined;
    server.off('connection', onConnection);
    const closed = accepted.map((socket) =>
      socket.closed ? undefined : new Promise<void>((resolve) => socket.once('close', () => resolve())),
    );
    for (const socket of clients) {
      socket.destroy();
    }
    await Promise.all(closed);
  }
}

/**
 * Fills node:http's free list of HTTP parsers for a burst of `count` concurrent connections (see
 * above): `count` connections at once to a loopback listener of its own (ephemeral port, closed before
 * answering; it answers nothing), closed again. Answers how many were open at once.
 */
export async function poolHttpParsers(count: number = PARSER_POOL): Promise<number> {
  const server = createServer((_incoming, outgoing) => {
    outgoing.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: 0, backlog: 4096 }, resolve);
  });
  try {
    return await poolParsers(server, (server.address() as AddressInfo).port, count);
  } finally {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }
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
  let lastWaveMs = 0;
  try {
    while (sent < options.requests && (sent === 0 || performance.now() + lastWaveMs < options.deadline)) {
      const wave = Math.min(options.concurrency, options.requests - sent);
      const started = performance.now();
      const answers = await Promise.all(
        Array.from({ length: wave }, (_, i) => post(port, path, JSON.stringify(warmUpApplication(sent + i)))),
      );
      sent += wave;
      lastWaveMs = performance.now() - started;
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
