// The entries of a zip package (DOCX, XLSX) from its central directory, and one entry unpacked with a
// ceiling on its size: what the limits check (zip-limits.ts) and the DOCX reader (docx-to-blocks.ts)
// need, in time linear in the file, without a zip library.
import { inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  /** The entry's path in the package (CP437/UTF-8 bytes read as latin1 for ASCII part names). */
  readonly name: string;
  /** 0 stored, 8 deflated (anything else is not read). */
  readonly method: number;
  readonly compressedSize: number;
  readonly declaredSize: number;
  /** Offset of the entry's local header. */
  readonly localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The entries, or a reason when the package cannot be listed (cut short, damaged, ZIP64). */
export function zipEntries(bytes: Uint8Array): { readonly entries: readonly ZipEntry[] } | { readonly problem: string } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd === undefined) {
    return { problem: '找不到压缩包目录，文件不完整或不是 ZIP 压缩包' };
  }
  const count = view.getUint16(eocd + 10, true);
  const offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || offset === 0xffffffff) {
    return { problem: '压缩包过大（ZIP64），不是常见的年度报告文件' };
  }
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > view.byteLength || view.getUint32(at, true) !== CENTRAL) {
      return { problem: '压缩包目录已损坏' };
    }
    const nameLength = view.getUint16(at + 28, true);
    entries.push({
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      declaredSize: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
      name: Buffer.from(bytes.buffer, bytes.byteOffset + at + 46, Math.max(0, Math.min(nameLength, view.byteLength - at - 46))).toString(
        'latin1',
      ),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return { entries };
}

/**
 * One entry unpacked, at most `maxBytes` (past it: 'too-large', nothing more is inflated), or
 * undefined when the entry cannot be read (damaged data, an unknown method).
 */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): Uint8Array | 'too-large' | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const local = entry.localOffset;
  if (local + 30 > view.byteLength || view.getUint32(local, true) !== LOCAL) {
    return undefined;
  }
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  const end = Math.min(view.byteLength, start + entry.compressedSize);
  if (start > end) {
    return undefined;
  }
  if (entry.method === 0) {
    return end - start > maxBytes ? 'too-large' : bytes.subarray(start, end);
  }
  if (entry.method !== 8) {
    return undefined;
  }
  try {
    const out = inflateRawSync(bytes.subarray(start, end), { maxOutputLength: maxBytes + 1 });
    return out.length > maxBytes ? 'too-large' : out;
  } catch (error) {
    // ERR_BUFFER_TOO_LARGE: more than the limit came out.
    return (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? 'too-large' : undefined;
  }
}

function findEndOfCentralDirectory(view: DataView): number | undefined {
  const stop = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let at = view.byteLength - 22; at >= stop; at--) {
    if (view.getUint32(at, true) === EOCD) {
      return at;
    }
  }
  return undefined;
}
