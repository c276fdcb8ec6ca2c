// An engine-neutral logical backup (`gongkai db backup FILE` / `db restore FILE`): JSON Lines, one
// header line, one line per row of every table of the `public` schema (parents before children, rows
// in primary-key order, read in one repeatable-read snapshot), and a trailer with the row counts so a
// truncated file is refused. It works the same on PGlite (which has no pg_dump) and PostgreSQL, and a
// backup from one engine restores on the other. Values travel as PostgreSQL renders them in JSON
// (row_to_json) and come back through json_populate_recordset, so every type round-trips exactly.
// The attachments' files travel in the same file: after the rows, every blob an `attachments` row
// of the snapshot names, as base64 lines of at most 1 MiB (`{"b": sha256, "i": part, "n": parts,
// "d": base64}`), checked against its hash on the way out and on the way in; the trailer counts them.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type pg from 'pg';
import type { BlobStore } from '#app/attachments/blob-store.ts';
import { DomainError } from '#core/shared/domain-error.ts';
import { migrationStatus, readMigrations } from './migrate.ts';

export const BACKUP_FORMAT = 'gongkai/db-backup@1';

/** A backup cannot be made or restored for a reason the user must be told (Chinese message). */
export class BackupError extends DomainError {
  constructor(message: string, kind: 'invalid' | 'conflict') {
    super(kind === 'invalid' ? 'INVALID_INPUT' : 'CONFLICT', message);
  }
}

interface BackupHeader {
  readonly format: typeof BACKUP_FORMAT;
  readonly createdAt: string;
  readonly engine: string;
  /** Hashes of the migrations the database had, in order. */
  readonly migrations: readonly string[];
  readonly tables: readonly string[];
}

interface BackupTrailer {
  readonly end: true;
  readonly rows: Readonly<Record<string, number>>;
  /** Attachment files written (absent in backups made before attachments existed). */
  readonly blobs?: { readonly count: number; readonly bytes: number; readonly missing: readonly string[] };
}

/** The attachment files a backup carried, or could not find in the blob store. */
export interface BlobsInBackup {
  readonly count: number;
  readonly bytes: number;
  /** SHA-256 of files rows refer to that were missing from the blob store (the backup lacks them too). */
  readonly missing: readonly string[];
}

const BLOB_PART = 1024 * 1024;
const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

interface ForeignKey {
  readonly child: string;
  readonly parent: string;
  readonly childColumns: readonly string[];
  readonly parentColumns: readonly string[];
}

type Queryable = Pick<pg.PoolClient, 'query'>;

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function publicTables(client: Queryable): Promise<string[]> {
  const result = await client.query<{ name: string }>(
    `SELECT c.relname::text AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY c.relname`,
  );
  return result.rows.map((row) => row.name);
}

async function foreignKeys(client: Queryable): Promise<ForeignKey[]> {
  const columns = (key: string, rel: string) =>
    `(SELECT array_agg(a.attname::text ORDER BY k.i) FROM unnest(c.${key}) WITH ORDINALITY AS k(n, i)
       JOIN pg_attribute a ON a.attrelid = c.${rel} AND a.attnum = k.n)`;
  const result = await client.query<{ child: string; parent: string; child_columns: string[]; parent_columns: string[] }>(
    `SELECT cl.relname::text AS child, pl.relname::text AS parent,
            ${columns('conkey', 'conrelid')} AS child_columns, ${columns('confkey', 'confrelid')} AS parent_columns
       FROM pg_constraint c JOIN pg_class cl ON cl.oid = c.conrelid JOIN pg_class pl ON pl.oid = c.confrelid
       JOIN pg_namespace n ON n.oid = cl.relnamespace
      WHERE c.contype = 'f' AND n.nspname = 'public' ORDER BY c.conname`,
  );
  return result.rows.map((row) => ({
    child: row.child,
    parent: row.parent,
    childColumns: row.child_columns,
    parentColumns: row.parent_columns,
  }));
}

/** Tables with every referenced table before its referrers (self-references aside); ties by name. */
export function dependencyOrder(tables: readonly string[], keys: readonly ForeignKey[]): string[] {
  const ordered: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (table: string, path: readonly string[]) => {
    if (state.get(table) === 'done') {
      return;
    }
    if (state.get(table) === 'visiting') {
      throw new Error(`foreign keys form a cycle: ${[...path, table].join(' → ')}`);
    }
    state.set(table, 'visiting');
    for (const key of keys) {
      if (key.child === table && key.parent !== table && tables.includes(key.parent)) {
        visit(key.parent, [...path, table]);
      }
    }
    state.set(table, 'done');
    ordered.push(table);
  };
  for (const table of [...tables].sort()) {
    visit(table, []);
  }
  return ordered;
}

async function primaryKeyColumns(client: Queryable, table: string): Promise<string[]> {
  const result = await client.query<{ name: string }>(
    `SELECT a.attname::text AS name FROM pg_index i
       JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(n, pos) ON true
       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.n
      WHERE i.indrelid = $1::regclass AND i.indisprimary ORDER BY k.pos`,
    [`public.${quote(table)}`],
  );
  return result.rows.map((row) => row.name);
}

async function appliedMigrationHashes(pool: pg.Pool): Promise<string[]> {
  const status = await migrationStatus(pool);
  const byTag = new Map(readMigrations().map((m) => [m.tag, m.hash]));
  return status.applied.map((m) => byTag.get(m.tag) ?? '');
}

/** Writes a backup of every table to `path` (via a temporary file, renamed when complete). */
export async function backupDatabase(
  pool: pg.Pool,
  path: string,
  options: { engine: string; now: Date; blobs?: BlobStore; onBlobs?: (blobs: BlobsInBackup) => void },
): Promise<Record<string, number>> {
  const migrations = await appliedMigrationHashes(pool);
  const temp = `${path}.${process.pid}.partial`;
  const file = await open(temp, 'wx');
  const client = await pool.connect();
  const rows: Record<string, number> = {};
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const tables = dependencyOrder(await publicTables(client), await foreignKeys(client));
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      createdAt: options.now.toISOString(),
      engine: options.engine,
      migrations,
      tables,
    };
    await file.write(`${JSON.stringify(header)}\n`);
    for (const table of tables) {
      const order = await primaryKeyColumns(client, table);
      const orderBy = order.length > 0 ? ` ORDER BY ${order.map(quote).join(', ')}` : '';
      await client.query(
        `DECLARE backup_rows NO SCROLL CURSOR FOR SELECT json_build_object('t', $1::text, 'r', row_to_json(x))::text AS line FROM public.${quote(table)} AS x${orderBy}`,
        [table],
      );
      let count = 0;
      for (;;) {
        const batch = await client.query<{ line: string }>('FETCH 1000 FROM backup_rows');
        if (batch.rows.length === 0) {
          break;
        }
        count += batch.rows.length;
        await file.write(`${batch.rows.map((row) => row.line).join('\n')}\n`);
      }
      await client.query('CLOSE backup_rows');
      rows[table] = count;
    }
    // The files of the attachments in this snapshot (a blob added later belongs to a later backup).
    const hashes = tables.includes('attachments')
      ? (await client.query<{ sha256: string }>('SELECT DISTINCT sha256 FROM public.attachments ORDER BY sha256')).rows.map((r) => r.sha256)
      : [];
    await client.query('COMMIT');
    let blobs: BlobsInBackup | undefined;
    if (options.blobs !== undefined) {
      const missing: string[] = [];
      let written = 0;
      let bytes = 0;
      for (const sha256 of hashes) {
        const content = await options.blobs.read(sha256);
        if (content === undefined || sha256Of(content) !== sha256) {
          missing.push(sha256); // absent, or damaged on disk: never carried under a hash it does not have
          continue;
        }
        const parts = Math.max(1, Math.ceil(content.length / BLOB_PART));
        for (let part = 0; part < parts; part += 1) {
          const slice = content.subarray(part * BLOB_PART, (part + 1) * BLOB_PART);
          await file.write(`${JSON.stringify({ b: sha256, i: part, n: parts, d: Buffer.from(slice).toString('base64') })}\n`);
        }
        written += 1;
        bytes += content.length;
      }
      blobs = { count: written, bytes, missing };
      options.onBlobs?.(blobs);
    }
    const trailer: BackupTrailer = { end: true, rows, ...(blobs === undefined ? {} : { blobs }) };
    await file.write(`${JSON.stringify(trailer)}\n`);
    await file.sync();
    await file.close();
    await rename(temp, path);
    return rows;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    await file.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw error;
  } finally {
    client.release();
  }
}

interface TableShape {
  readonly insertable: ReadonlySet<string>;
  readonly identity: readonly string[];
}

async function tableShape(client: Queryable, table: string): Promise<TableShape> {
  const result = await client.query<{ column_name: string; is_generated: string; is_identity: string }>(
    `SELECT column_name::text, is_generated::text, is_identity::text FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
    [table],
  );
  return {
    insertable: new Set(result.rows.filter((r) => r.is_generated === 'NEVER').map((r) => r.column_name)),
    identity: result.rows.filter((r) => r.is_identity === 'YES').map((r) => r.column_name),
  };
}

/** Rows of a self-referencing table with every referenced row first. */
function parentsFirst(rows: readonly Record<string, unknown>[], keys: readonly ForeignKey[]): Record<string, unknown>[] {
  if (keys.length === 0) {
    return [...rows];
  }
  const keyOf = (row: Record<string, unknown>, columns: readonly string[]) => JSON.stringify(columns.map((c) => row[c] ?? null));
  const ordered: Record<string, unknown>[] = [];
  const done = new Set<Record<string, unknown>>();
  const visiting = new Set<Record<string, unknown>>();
  const byKey = keys.map((key) => new Map(rows.map((row) => [keyOf(row, key.parentColumns), row])));
  const place = (row: Record<string, unknown>) => {
    if (done.has(row) || visiting.has(row)) {
      return;
    }
    visiting.add(row);
    keys.forEach((key, index) => {
      if (key.childColumns.every((c) => row[c] !== null && row[c] !== undefined)) {
        const parent = byKey[index]?.get(keyOf(row, key.childColumns));
        if (parent !== undefined) {
          place(parent);
        }
      }
    });
    visiting.delete(row);
    done.add(row);
    ordered.push(row);
  };
  for (const row of rows) {
    place(row);
  }
  return ordered;
}

async function insertRows(client: Queryable, table: string, shape: TableShape, rows: readonly Record<string, unknown>[]): Promise<void> {
  for (let start = 0; start < rows.length; start += 500) {
    const batch = rows.slice(start, start + 500);
    const columns = [...new Set(batch.flatMap((row) => Object.keys(row)))].filter((c) => shape.insertable.has(c));
    const list = columns.map(quote).join(', ');
    await client.query(
      `INSERT INTO public.${quote(table)} (${list}) OVERRIDING SYSTEM VALUE
       SELECT ${list} FROM json_populate_recordset(NULL::public.${quote(table)}, $1::json)`,
      [JSON.stringify(batch)],
    );
  }
}

function parseLine(text: string, lineNumber: number): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BackupError(`备份文件第 ${lineNumber} 行不是有效的 JSON，未恢复任何数据`, 'invalid');
  }
}

/**
 * Restores a backup in one transaction: the database must be empty unless `replace` (then every table
 * is emptied first). The database must have every migration the backup had (it may have newer ones:
 * columns added since take their defaults). Nothing changes when anything is wrong.
 */
export async function restoreDatabase(
  pool: pg.Pool,
  path: string,
  options: { replace: boolean; blobs?: BlobStore; onBlobs?: (blobs: BlobsInBackup) => void },
): Promise<Record<string, number>> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Number.POSITIVE_INFINITY });
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next();
  const header = (first.done === true ? undefined : parseLine(first.value, 1)) as BackupHeader | undefined;
  if (header?.format !== BACKUP_FORMAT || !Array.isArray(header.migrations) || !Array.isArray(header.tables)) {
    lines.close();
    throw new BackupError(`“${path}”不是 gongkai 数据库备份（应为 ${BACKUP_FORMAT} 格式）`, 'invalid');
  }
  const have = await appliedMigrationHashes(pool);
  const missing = header.migrations.filter((hash) => !have.includes(hash));
  if (missing.length > 0) {
    lines.close();
    throw new BackupError(`备份来自更新版本的 gongkai（含本版本没有的 ${missing.length} 个数据库迁移），请先升级后再恢复`, 'invalid');
  }
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const tables = dependencyOrder(await publicTables(client), await foreignKeys(client));
    const unknown = header.tables.filter((table) => !tables.includes(table));
    if (unknown.length > 0) {
      throw new BackupError(`备份中的数据表在本数据库中不存在：${unknown.join('、')}`, 'invalid');
    }
    const nonEmpty: string[] = [];
    for (const table of tables) {
      const result = await client.query<{ present: boolean }>(`SELECT EXISTS (SELECT 1 FROM public.${quote(table)}) AS present`);
      if (result.rows[0]?.present === true) {
        nonEmpty.push(table);
      }
    }
    if (nonEmpty.length > 0 && !options.replace) {
      throw new BackupError(`数据库中已有数据（${nonEmpty.join('、')}），恢复将覆盖这些数据；确认覆盖请加 --replace`, 'conflict');
    }
    if (nonEmpty.length > 0) {
      await client.query(`TRUNCATE ${tables.map((t) => `public.${quote(t)}`).join(', ')} RESTART IDENTITY CASCADE`);
    }
    const keys = await foreignKeys(client);
    const shapes = new Map<string, TableShape>();
    const restored: Record<string, number> = {};
    let trailer: BackupTrailer | undefined;
    let current: string | undefined;
    let pending: Record<string, unknown>[] = [];
    // Attachment files: parts of the blob being read, and what was restored.
    let blobParts: { sha256: string; parts: Buffer[]; count: number } | undefined;
    let blobCount = 0;
    let blobBytes = 0;
    const flush = async (all: boolean) => {
      if (current === undefined || pending.length === 0) {
        return;
      }
      const selfKeys = keys.filter((k) => k.child === current && k.parent === current);
      if (selfKeys.length > 0 && !all) {
        return; // a self-referencing table is inserted whole, parents first
      }
      let shape = shapes.get(current);
      if (shape === undefined) {
        shape = await tableShape(client, current);
        shapes.set(current, shape);
      }
      await insertRows(client, current, shape, parentsFirst(pending, selfKeys));
      restored[current] = (restored[current] ?? 0) + pending.length;
      pending = [];
    };
    let lineNumber = 1;
    for (;;) {
      const next = await iterator.next();
      if (next.done === true) {
        break;
      }
      lineNumber += 1;
      if (next.value.trim() === '') {
        continue;
      }
      if (trailer !== undefined) {
        throw new BackupError(`备份文件在结束标记之后还有内容（第 ${lineNumber} 行），未恢复任何数据`, 'invalid');
      }
      const value = parseLine(next.value, lineNumber) as {
        t?: unknown;
        r?: unknown;
        end?: unknown;
        rows?: unknown;
        b?: unknown;
        i?: unknown;
        n?: unknown;
        d?: unknown;
      };
      if (typeof value.b === 'string') {
        await flush(true);
        current = undefined;
        const part = typeof value.i === 'number' ? value.i : -1;
        const count = typeof value.n === 'number' ? value.n : -1;
        if (!/^[0-9a-f]{64}$/.test(value.b) || typeof value.d !== 'string' || part < 0 || count < 1 || part >= count) {
          throw new BackupError(`备份文件第 ${lineNumber} 行不是有效的附件数据，未恢复任何数据`, 'invalid');
        }
        if (part === 0) {
          blobParts = { sha256: value.b, parts: [], count };
        }
        if (blobParts === undefined || blobParts.sha256 !== value.b || blobParts.parts.length !== part || blobParts.count !== count) {
          throw new BackupError(`备份文件第 ${lineNumber} 行：附件数据不连续（文件可能被改动），未恢复任何数据`, 'invalid');
        }
        blobParts.parts.push(Buffer.from(value.d, 'base64'));
        if (blobParts.parts.length === count) {
          const content = new Uint8Array(Buffer.concat(blobParts.parts));
          if (sha256Of(content) !== blobParts.sha256) {
            throw new BackupError(`备份文件中的附件 ${blobParts.sha256} 与其校验值不符（文件已损坏），未恢复任何数据`, 'invalid');
          }
          // Written before COMMIT: a restore that then fails leaves blobs no row names (the sweep removes them).
          await options.blobs?.put(content);
          blobCount += 1;
          blobBytes += content.length;
          blobParts = undefined;
        }
        continue;
      }
      if (value.end === true) {
        trailer = value as BackupTrailer;
        continue;
      }
      if (typeof value.t !== 'string' || typeof value.r !== 'object' || value.r === null || !header.tables.includes(value.t)) {
        throw new BackupError(`备份文件第 ${lineNumber} 行不是备份的数据行，未恢复任何数据`, 'invalid');
      }
      if (value.t !== current) {
        await flush(true);
        current = value.t;
      }
      pending.push(value.r as Record<string, unknown>);
      if (pending.length >= 500) {
        await flush(false);
      }
    }
    await flush(true);
    if (trailer === undefined) {
      throw new BackupError('备份文件不完整（缺少结束标记，可能被截断），未恢复任何数据', 'invalid');
    }
    if (blobParts !== undefined || (trailer.blobs !== undefined && trailer.blobs.count !== blobCount)) {
      throw new BackupError(
        `备份文件不完整：应有 ${trailer.blobs?.count ?? 0} 个附件文件，读到 ${blobCount} 个，未恢复任何数据`,
        'invalid',
      );
    }
    if (options.blobs !== undefined) {
      // Every file a restored row names must be in the blob store now (from this backup or already there).
      const named = await client.query<{ sha256: string }>(
        tables.includes('attachments')
          ? 'SELECT DISTINCT sha256 FROM public.attachments ORDER BY sha256'
          : 'SELECT NULL::text AS sha256 WHERE false',
      );
      const missing: string[] = [];
      for (const { sha256 } of named.rows) {
        if (!(await options.blobs.has(sha256))) {
          missing.push(sha256);
        }
      }
      const knownMissing = new Set(trailer.blobs?.missing ?? []);
      const unexpected = missing.filter((sha256) => !knownMissing.has(sha256));
      if (unexpected.length > 0) {
        throw new BackupError(
          `备份中缺少 ${unexpected.length} 个附件文件（${unexpected.slice(0, 3).join('、')}${unexpected.length > 3 ? '…' : ''}），未恢复任何数据`,
          'invalid',
        );
      }
      options.onBlobs?.({ count: blobCount, bytes: blobBytes, missing });
    }
    for (const [table, count] of Object.entries(trailer.rows)) {
      if ((restored[table] ?? 0) !== count) {
        throw new BackupError(
          `备份文件不完整：数据表 ${table} 应有 ${count} 行，读到 ${restored[table] ?? 0} 行，未恢复任何数据`,
          'invalid',
        );
      }
    }
    for (const table of tables) {
      const shape = shapes.get(table) ?? (await tableShape(client, table));
      for (const column of shape.identity) {
        await client.query(
          `SELECT setval(pg_get_serial_sequence($1, $2), coalesce((SELECT max(${quote(column)}) FROM public.${quote(table)}), 0) + 1, false)`,
          [`public.${quote(table)}`, column],
        );
      }
    }
    await client.query('COMMIT');
    return restored;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
    lines.close();
  }
}
