// Serves one PGlite instance to many PostgreSQL-protocol connections on 127.0.0.1, safely.
//
// Why not PGLiteSocketServer (pglite-socket 0.2.17): it queues each protocol *message* separately and
// only keeps a connection's messages together inside an explicit transaction block. An extended-protocol
// query (Parse, Bind, Describe, Execute, Sync: what `pg` sends for every parameterised query) is
// several messages, so two connections' queries interleave in PGlite's single backend: we saw an
// INSERT … RETURNING answer another connection's statement and lose its row with 8 concurrent CLI
// processes. Here a connection owns the backend from its first message until a Sync or simple Query
// leaves no transaction open (or it disconnects, which rolls an open transaction back); every other
// connection waits its turn. Each group of messages up to a Sync/Query/Flush runs in one call.
import { createServer, type Server, type Socket } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;

interface Connection {
  readonly socket: Socket;
  started: boolean;
  buffer: Buffer;
  /** Messages received but not yet run (up to the next Sync/Query/Flush). */
  pending: Buffer[];
  /** The chain of this connection's work, so its groups run in order. */
  chain: Promise<void>;
  closed: boolean;
}

/** One owner of the backend at a time; the others wait in arrival order. */
class BackendTurn {
  private owner: Connection | undefined;
  private readonly waiting: { connection: Connection; grant: () => void }[] = [];

  async acquire(connection: Connection): Promise<void> {
    if (this.owner === connection) {
      return;
    }
    if (this.owner === undefined) {
      this.owner = connection;
      return;
    }
    await new Promise<void>((grant) => this.waiting.push({ connection, grant }));
  }

  holds(connection: Connection): boolean {
    return this.owner === connection;
  }

  release(connection: Connection): void {
    const index = this.waiting.findIndex((w) => w.connection === connection);
    if (index >= 0) {
      this.waiting.splice(index, 1);
    }
    if (this.owner !== connection) {
      return;
    }
    const next = this.waiting.shift();
    this.owner = next?.connection;
    next?.grant();
  }
}

export interface ProtocolServer {
  readonly port: number;
  /** Open client connections. */
  connections(): number;
  /**
   * Runs `work` on the backend between the clients' transactions (it waits for its turn like a
   * connection, so it never runs inside someone's transaction): the server's own maintenance.
   */
  exclusive<T>(work: (db: PGlite) => Promise<T>): Promise<T>;
  /** Message groups run for the clients so far (a cheap "has anything happened" counter). */
  groupsRun(): number;
  close(): Promise<void>;
}

/** Starts serving `db` on 127.0.0.1 (port 0: an ephemeral port). */
export async function serveProtocol(db: PGlite, options: { port?: number; log?: (text: string) => void } = {}): Promise<ProtocolServer> {
  await db.waitReady;
  const turn = new BackendTurn();
  const open = new Set<Connection>();
  const log = options.log ?? (() => undefined);
  let groups = 0;

  const run = async (connection: Connection, bytes: Uint8Array, ends: boolean): Promise<void> => {
    await turn.acquire(connection);
    if (connection.closed) {
      turn.release(connection);
      return;
    }
    groups += 1;
    try {
      await db.runExclusive(() =>
        db.execProtocolRawStream(bytes, {
          onRawData: (data) => {
            if (!connection.socket.destroyed) {
              connection.socket.write(Buffer.from(data));
            }
          },
        }),
      );
    } catch (error) {
      log(`connection error: ${error instanceof Error ? error.message : String(error)}`);
      connection.socket.destroy();
    }
    if (ends && !db.isInTransaction()) {
      turn.release(connection);
    }
  };

  const drop = async (connection: Connection) => {
    if (connection.closed) {
      return;
    }
    connection.closed = true;
    open.delete(connection);
    await connection.chain.catch(() => undefined);
    if (turn.holds(connection)) {
      if (db.isInTransaction()) {
        // The client went away inside a transaction: nothing of it may stay.
        await db.exec('ROLLBACK').catch(() => undefined);
      }
    }
    turn.release(connection);
  };

  const enqueue = (connection: Connection, bytes: Uint8Array, ends: boolean) => {
    connection.chain = connection.chain.then(() => run(connection, bytes, ends));
  };

  const onData = (connection: Connection, chunk: Buffer) => {
    connection.buffer = connection.buffer.length === 0 ? chunk : Buffer.concat([connection.buffer, chunk]);
    for (;;) {
      const buffer = connection.buffer;
      if (!connection.started) {
        if (buffer.length < 8) {
          return;
        }
        const length = buffer.readInt32BE(0);
        if (buffer.length < length) {
          return;
        }
        const code = buffer.readInt32BE(4);
        connection.buffer = buffer.subarray(length);
        if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
          connection.socket.write('N');
          continue;
        }
        if (code === CANCEL_REQUEST) {
          connection.socket.end();
          return;
        }
        connection.started = true;
        enqueue(connection, buffer.subarray(0, length), true);
        continue;
      }
      if (buffer.length < 5) {
        return;
      }
      const length = 1 + buffer.readInt32BE(1);
      if (buffer.length < length) {
        return;
      }
      const type = String.fromCharCode(buffer[0]!);
      const message = buffer.subarray(0, length);
      connection.buffer = buffer.subarray(length);
      if (type === 'X') {
        // Terminate: the backend is shared, so it is not passed on.
        connection.socket.end();
        void drop(connection);
        return;
      }
      connection.pending.push(message);
      if (type === 'S' || type === 'Q' || type === 'H') {
        const group = Buffer.concat(connection.pending);
        connection.pending = [];
        // After a Flush the client waits for answers but the query is not over: keep the backend.
        enqueue(connection, group, type !== 'H');
      }
    }
  };

  const server: Server = createServer((socket) => {
    socket.setNoDelay(true);
    const connection: Connection = {
      socket,
      started: false,
      buffer: Buffer.alloc(0),
      pending: [],
      chain: Promise.resolve(),
      closed: false,
    };
    open.add(connection);
    socket.on('data', (chunk) => onData(connection, chunk));
    socket.on('error', () => void drop(connection));
    socket.on('close', () => void drop(connection));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') {
    throw new Error('no TCP address');
  }
  return {
    port: address.port,
    connections: () => open.size,
    groupsRun: () => groups,
    async exclusive(work) {
      // A connection of its own in the turn queue: it gets the backend when no client holds it.
      const self: Connection = {
        socket: undefined as never,
        started: true,
        buffer: Buffer.alloc(0),
        pending: [],
        chain: Promise.resolve(),
        closed: false,
      };
      await turn.acquire(self);
      try {
        // (db.query/db.exec take PGlite's own mutexes: not inside runExclusive, which holds one of them)
        return await work(db);
      } finally {
        turn.release(self);
      }
    },
    async close() {
      const closing = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const connection of open) {
        connection.socket.destroy();
      }
      await Promise.all([...open].map((connection) => drop(connection)));
      await closing;
    },
  };
}
