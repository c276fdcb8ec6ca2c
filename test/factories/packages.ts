// Builders of the container formats the attachment tests need but no package of ours writes: a zip
// (stored entries, real local headers, CRC-32 and central directory — as OFD packages and a DOCX with
// macros are), and an OLE compound file (MS-CFB version 3: header, one FAT sector, one directory
// sector, one mini stream) with the named streams of a DOC, an XLS or any other compound document.
import { crc32, deflateRawSync } from 'node:zlib';

/** A zip archive of `entries` in order (names may repeat), stored (method 0) or deflated (method 8). */
export function zipArchive(
  entries: Iterable<readonly [string, string | Uint8Array]>,
  options: { readonly deflate?: boolean } = {},
): Uint8Array {
  const method = options.deflate === true ? 8 : 0;
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  let count = 0;
  for (const [name, content] of entries) {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
    const packed = method === 8 ? deflateRawSync(data) : data;
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
    count += 1;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/** A zip archive with the entries stored (method 0). */
export function storedZip(entries: Readonly<Record<string, string | Uint8Array>>): Uint8Array {
  return zipArchive(Object.entries(entries));
}

const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
const FAT_SECTOR = 0xfffffffd;

/**
 * An OLE compound file whose root storage holds the given streams (each under 4096 bytes, so in the
 * mini stream) and storages. Sector 0: FAT; 1: directory; 2…: the mini stream; then its mini FAT.
 */
export function compoundFile(streams: Readonly<Record<string, Uint8Array>>, storages: readonly string[] = []): Uint8Array {
  const SECTOR = 512;
  const names = [...Object.keys(streams), ...storages];
  if (names.length > 3) {
    throw new Error('compoundFile: at most 3 entries besides the root (one directory sector)');
  }
  // Mini stream: each stream padded to 64-byte mini sectors.
  const miniParts: Buffer[] = [];
  const miniStart: number[] = [];
  let miniSectors = 0;
  for (const data of Object.values(streams)) {
    miniStart.push(miniSectors);
    const padded = Buffer.alloc(Math.max(64, Math.ceil(data.length / 64) * 64));
    Buffer.from(data).copy(padded);
    miniParts.push(padded);
    miniSectors += padded.length / 64;
  }
  const mini = Buffer.concat(miniParts);
  const miniStreamSectors = Math.max(1, Math.ceil(mini.length / SECTOR));
  const miniFatSector = 2 + miniStreamSectors;
  const total = miniFatSector + 1;

  const header = Buffer.alloc(SECTOR);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 0x18); // minor version
  header.writeUInt16LE(0x0003, 0x1a); // major version 3
  header.writeUInt16LE(0xfffe, 0x1c); // little-endian
  header.writeUInt16LE(9, 0x1e); // 512-byte sectors
  header.writeUInt16LE(6, 0x20); // 64-byte mini sectors
  header.writeUInt32LE(1, 0x2c); // one FAT sector
  header.writeUInt32LE(1, 0x30); // first directory sector
  header.writeUInt32LE(4096, 0x38); // mini stream cutoff
  header.writeUInt32LE(miniFatSector, 0x3c);
  header.writeUInt32LE(1, 0x40);
  header.writeUInt32LE(END_OF_CHAIN, 0x44); // no DIFAT sectors
  for (let i = 0; i < 109; i += 1) {
    header.writeUInt32LE(i === 0 ? 0 : FREE, 0x4c + i * 4);
  }

  const fat = Buffer.alloc(SECTOR, 0xff);
  fat.writeUInt32LE(FAT_SECTOR, 0);
  fat.writeUInt32LE(END_OF_CHAIN, 4);
  for (let s = 0; s < miniStreamSectors; s += 1) {
    fat.writeUInt32LE(s === miniStreamSectors - 1 ? END_OF_CHAIN : 2 + s + 1, (2 + s) * 4);
  }
  fat.writeUInt32LE(END_OF_CHAIN, miniFatSector * 4);

  const directory = Buffer.alloc(SECTOR);
  const entry = (index: number, name: string, kind: number, start: number, size: number, child: number, right: number) => {
    const at = index * 128;
    const encoded = Buffer.from(`${name}\0`, 'utf16le');
    encoded.copy(directory, at);
    directory.writeUInt16LE(encoded.length, at + 0x40);
    directory[at + 0x42] = kind;
    directory[at + 0x43] = 1; // black
    directory.writeUInt32LE(FREE, at + 0x44); // left sibling
    directory.writeUInt32LE(right, at + 0x48);
    directory.writeUInt32LE(child, at + 0x4c);
    directory.writeUInt32LE(start, at + 0x74);
    directory.writeUInt32LE(size, at + 0x78);
  };
  entry(0, 'Root Entry', 5, mini.length > 0 ? 2 : END_OF_CHAIN, mini.length, names.length > 0 ? 1 : FREE, FREE);
  names.forEach((name, i) => {
    const isStream = i < Object.keys(streams).length;
    const data = Object.values(streams)[i];
    entry(
      i + 1,
      name,
      isStream ? 2 : 1,
      isStream ? (miniStart[i] as number) : END_OF_CHAIN,
      isStream ? (data?.length ?? 0) : 0,
      FREE,
      i + 2 <= names.length ? i + 2 : FREE,
    );
  });
  for (let i = names.length + 1; i < 4; i += 1) {
    directory.writeUInt32LE(FREE, i * 128 + 0x44);
    directory.writeUInt32LE(FREE, i * 128 + 0x48);
    directory.writeUInt32LE(FREE, i * 128 + 0x4c);
  }

  const miniStream = Buffer.alloc(miniStreamSectors * SECTOR);
  mini.copy(miniStream);
  const miniFat = Buffer.alloc(SECTOR, 0xff);
  let cursor = 0;
  for (const part of miniParts) {
    const count = part.length / 64;
    for (let k = 0; k < count; k += 1) {
      miniFat.writeUInt32LE(k === count - 1 ? END_OF_CHAIN : cursor + k + 1, (cursor + k) * 4);
    }
    cursor += count;
  }
  const file = Buffer.concat([header, fat, directory, miniStream, miniFat]);
  if (file.length !== (total + 1) * SECTOR) {
    throw new Error('compoundFile: size mismatch');
  }
  return new Uint8Array(file);
}
