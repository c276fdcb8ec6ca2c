// Limits a DOCX or XLSX must keep before its parser (mammoth, exceljs through JSZip) sees it: a zip
// bomb (3 MB that unpacks to 1 GB took 3.3 GB of memory) or a 200 MB sharedStrings.xml is refused
// with a reason, in time linear in the file. The sizes are checked as the parts really inflate,
// not as the zip declares them (a bomb can declare anything).
import { inflateRawSync } from 'node:zlib';

/** More entries than this is no office document (a real DOCX/XLSX has tens to a few hundred). */
export const MAX_ZIP_ENTRIES = 5000;
/** One XML part (document.xml, sharedStrings.xml, a sheet) unpacked; real annual reports stay under 5 MB. */
export const MAX_XML_PART_BYTES = 16 * 1024 * 1024;
/** All XML parts together, unpacked. */
export const MAX_XML_TOTAL_BYTES = 48 * 1024 * 1024;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Why the package may not be opened, or undefined when it keeps every limit (or is not a readable zip: its parser says why). */
export function zipLimitProblem(bytes: Uint8Array): string | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd === undefined) {
    return undefined; // cut short or damaged: the parser's own reason is better
  }
  const entries = view.getUint16(eocd + 10, true);
  const offset = view.getUint32(eocd + 16, true);
  if (entries === 0xffff || offset === 0xffffffff) {
    return '压缩包过大（ZIP64），不是常见的年度报告文件';
  }
  if (entries > MAX_ZIP_ENTRIES) {
    return `压缩包内文件过多（${entries} 个，上限 ${MAX_ZIP_ENTRIES}），不像是 Office 文档`;
  }
  let total = 0;
  let at = offset;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > view.byteLength || view.getUint32(at, true) !== CENTRAL) {
      return undefined;
    }
    const method = view.getUint16(at + 10, true);
    const compressed = view.getUint32(at + 20, true);
    const declared = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = Buffer.from(bytes.buffer, bytes.byteOffset + at + 46, Math.min(nameLength, view.byteLength - at - 46)).toString('latin1');
    at += 46 + nameLength + extraLength + commentLength;
    if (!/\.(?:xml|rels)$/i.test(name)) {
      continue; // media and the like: never inflated by the readers
    }
    const size = inflatedSize(bytes, view, local, method, compressed, declared);
    if (size === undefined) {
      return undefined;
    }
    if (size > MAX_XML_PART_BYTES) {
      return `文档内容过大（${name} 解压后超过 ${MAX_XML_PART_BYTES / 1024 / 1024} MB），可能是压缩炸弹或异常文件，未读取`;
    }
    total += size;
    if (total > MAX_XML_TOTAL_BYTES) {
      return `文档内容过大（解压后超过 ${MAX_XML_TOTAL_BYTES / 1024 / 1024} MB），可能是压缩炸弹或异常文件，未读取`;
    }
  }
  return undefined;
}

/** The real unpacked size of one entry, at most MAX_XML_PART_BYTES + 1 (inflating stops there). */
function inflatedSize(
  bytes: Uint8Array,
  view: DataView,
  local: number,
  method: number,
  compressed: number,
  declared: number,
): number | undefined {
  if (local + 30 > view.byteLength || view.getUint32(local, true) !== LOCAL) {
    return undefined;
  }
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  const end = Math.min(view.byteLength, start + compressed);
  if (method === 0) {
    return Math.max(declared, end - start);
  }
  if (method !== 8) {
    return undefined; // a method JSZip cannot read either: it says so
  }
  try {
    return inflateRawSync(bytes.subarray(start, end), { maxOutputLength: MAX_XML_PART_BYTES + 1 }).length;
  } catch (error) {
    // ERR_BUFFER_TOO_LARGE: more than the limit came out.
    return (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? MAX_XML_PART_BYTES + 1 : undefined;
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
