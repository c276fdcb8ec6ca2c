// What an uploaded file really is, from its bytes (issue #8: "type by content, not name"). Only the
// document and image formats an application or its scanned letters come in are accepted: PDF, JPEG,
// PNG, TIFF, OFD (GB/T 33190, the national fixed-layout format), DOCX/XLSX (an OOXML zip), DOC/XLS (an
// OLE compound file) and plain UTF-8 text. Executables, markup (HTML, SVG, XML), scripts, documents
// with macros and anything unknown are refused with a Chinese reason. Pure: bytes in, a value out.

/** The accepted types, in the order they are listed to users. */
export const ATTACHMENT_TYPES = ['pdf', 'ofd', 'jpeg', 'png', 'tiff', 'docx', 'xlsx', 'doc', 'xls', 'text'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

export interface AttachmentTypeInfo {
  /** The media type the file is stored and served as. */
  readonly mediaType: string;
  /** Extensions a name of this type may end with; the first is added when the name has none of them. */
  readonly extensions: readonly string[];
  readonly label: string;
}

export const ATTACHMENT_TYPE_INFO: Readonly<Record<AttachmentType, AttachmentTypeInfo>> = {
  pdf: { mediaType: 'application/pdf', extensions: ['pdf'], label: 'PDF' },
  ofd: { mediaType: 'application/ofd', extensions: ['ofd'], label: 'OFD' },
  jpeg: { mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'], label: 'JPEG 图片' },
  png: { mediaType: 'image/png', extensions: ['png'], label: 'PNG 图片' },
  tiff: { mediaType: 'image/tiff', extensions: ['tif', 'tiff'], label: 'TIFF 图片' },
  docx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    label: 'Word 文档（DOCX）',
  },
  xlsx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
    label: 'Excel 表格（XLSX）',
  },
  doc: { mediaType: 'application/msword', extensions: ['doc'], label: 'Word 文档（DOC）' },
  xls: { mediaType: 'application/vnd.ms-excel', extensions: ['xls'], label: 'Excel 表格（XLS）' },
  text: { mediaType: 'text/plain', extensions: ['txt'], label: '纯文本（UTF-8）' },
};

/** The media types a stored attachment may have (the table's check constraint lists the same). */
export const ATTACHMENT_MEDIA_TYPES = ATTACHMENT_TYPES.map((type) => ATTACHMENT_TYPE_INFO[type].mediaType);

/** What the accepted types are, for messages and form hints. */
export const ACCEPTED_TYPES_TEXT = 'PDF、OFD、JPEG、PNG、TIFF、Word（DOC/DOCX）、Excel（XLS/XLSX）或 UTF-8 纯文本';

export type RefusalReason = 'empty' | 'executable' | 'markup' | 'script' | 'macro' | 'encoding' | 'unknown';

export type Detection =
  | { readonly ok: true; readonly type: AttachmentType; readonly mediaType: string }
  | { readonly ok: false; readonly reason: RefusalReason; readonly message: string };

const refuse = (reason: RefusalReason, message: string): Detection => ({ ok: false, reason, message });
const accept = (type: AttachmentType): Detection => ({ ok: true, type, mediaType: ATTACHMENT_TYPE_INFO[type].mediaType });

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0): boolean =>
  bytes.length >= at + prefix.length && prefix.every((byte, i) => bytes[at + i] === byte);

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

const u16 = (b: Uint8Array, at: number): number => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, at: number): number =>
  ((b[at] ?? 0) | ((b[at + 1] ?? 0) << 8) | ((b[at + 2] ?? 0) << 16) | ((b[at + 3] ?? 0) << 24)) >>> 0;

/** Programs: Windows PE (MZ), ELF, Mach-O (32/64 bit, both byte orders, universal), Java class files share CAFEBABE. */
function isExecutable(bytes: Uint8Array): boolean {
  return (
    startsWith(bytes, [0x4d, 0x5a]) ||
    startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46]) ||
    startsWith(bytes, [0xfe, 0xed, 0xfa, 0xce]) ||
    startsWith(bytes, [0xfe, 0xed, 0xfa, 0xcf]) ||
    startsWith(bytes, [0xce, 0xfa, 0xed, 0xfe]) ||
    startsWith(bytes, [0xcf, 0xfa, 0xed, 0xfe]) ||
    startsWith(bytes, [0xca, 0xfe, 0xba, 0xbe]) ||
    startsWith(bytes, [0x00, 0x61, 0x73, 0x6d]) // WebAssembly
  );
}

/** The names in a zip's central directory, or undefined when it is not a readable zip. */
export function zipEntryNames(bytes: Uint8Array, maxEntries = 20_000): string[] | undefined {
  const EOCD = 0x06054b50;
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let at = bytes.length - 22; at >= lowest; at -= 1) {
    if (u32(bytes, at) === EOCD) {
      end = at;
      break;
    }
  }
  if (end < 0) {
    return undefined;
  }
  const entries = u16(bytes, end + 10);
  const size = u32(bytes, end + 12);
  const offset = u32(bytes, end + 16);
  if (entries === 0xffff || offset === 0xffffffff || offset + size > end || entries > maxEntries) {
    return undefined; // ZIP64 (far beyond any upload limit) or damaged
  }
  const names: string[] = [];
  let at = offset;
  for (let i = 0; i < entries; i += 1) {
    if (at + 46 > end || u32(bytes, at) !== 0x02014b50) {
      return undefined;
    }
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    if (at + 46 + nameLength > end) {
      return undefined;
    }
    names.push(String.fromCharCode(...bytes.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

function detectZip(bytes: Uint8Array): Detection {
  const names = zipEntryNames(bytes);
  if (names === undefined) {
    return refuse('unknown', '文件已损坏或不是可识别的文档（无法读取压缩包目录）');
  }
  const lower = names.map((name) => name.replaceAll('\\', '/').toLowerCase());
  const has = (name: string) => lower.includes(name);
  if (lower.some((name) => name.endsWith('vbaproject.bin'))) {
    return refuse('macro', '文档含有宏，出于安全原因不能上传；请另存为不含宏的 DOCX/XLSX 或 PDF 后再上传');
  }
  if (has('[content_types].xml')) {
    if (lower.some((name) => name.startsWith('word/'))) {
      return accept('docx');
    }
    if (lower.some((name) => name.startsWith('xl/'))) {
      return accept('xlsx');
    }
    return refuse('unknown', '不支持该类型的 Office 文档（只接受 Word 文档和 Excel 表格）');
  }
  if (has('ofd.xml')) {
    return accept('ofd');
  }
  return refuse('unknown', '不接受压缩包，请逐个上传其中的文件');
}

/** Directory entry names of an OLE compound file (MS-CFB), or undefined when it cannot be read. */
export function compoundFileNames(bytes: Uint8Array): string[] | undefined {
  const shift = u16(bytes, 0x1e);
  if (shift !== 9 && shift !== 12) {
    return undefined;
  }
  const sectorSize = 1 << shift;
  const sectorCount = Math.floor(bytes.length / sectorSize) - 1;
  const sectorAt = (n: number) => (n + 1) * sectorSize;
  const FREE_OR_END = 0xfffffffa;
  // FAT sectors: 109 in the header, the rest in the DIFAT chain.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i += 1) {
    const n = u32(bytes, 0x4c + i * 4);
    if (n < FREE_OR_END) {
      fatSectors.push(n);
    }
  }
  let difat = u32(bytes, 0x44);
  for (let guard = 0; difat < FREE_OR_END && guard < sectorCount; guard += 1) {
    if (difat >= sectorCount) {
      return undefined;
    }
    const base = sectorAt(difat);
    const perSector = sectorSize / 4 - 1;
    for (let i = 0; i < perSector; i += 1) {
      const n = u32(bytes, base + i * 4);
      if (n < FREE_OR_END) {
        fatSectors.push(n);
      }
    }
    difat = u32(bytes, base + perSector * 4);
  }
  const perFatSector = sectorSize / 4;
  const next = (sector: number): number => {
    const fat = fatSectors[Math.floor(sector / perFatSector)];
    if (fat === undefined || fat >= sectorCount) {
      return 0xfffffffe;
    }
    return u32(bytes, sectorAt(fat) + (sector % perFatSector) * 4);
  };
  const names: string[] = [];
  let sector = u32(bytes, 0x30);
  for (let guard = 0; sector < FREE_OR_END; guard += 1) {
    if (sector >= sectorCount || guard > sectorCount) {
      return undefined;
    }
    const base = sectorAt(sector);
    for (let entry = 0; entry < sectorSize / 128; entry += 1) {
      const at = base + entry * 128;
      const length = Math.min(u16(bytes, at + 0x40), 64);
      const kind = bytes[at + 0x42];
      if (length >= 2 && (kind === 1 || kind === 2 || kind === 5)) {
        let name = '';
        for (let i = 0; i + 2 < length; i += 2) {
          name += String.fromCharCode(u16(bytes, at + i));
        }
        names.push(name);
      }
    }
    sector = next(sector);
  }
  return names;
}

function detectCompoundFile(bytes: Uint8Array): Detection {
  const names = compoundFileNames(bytes);
  if (names === undefined) {
    return refuse('unknown', '文件已损坏或不是可识别的文档');
  }
  if (names.some((name) => name === 'Macros' || name === '_VBA_PROJECT_CUR' || name === 'VBA')) {
    return refuse('macro', '文档含有宏，出于安全原因不能上传；请另存为不含宏的文档或 PDF 后再上传');
  }
  if (names.includes('WordDocument')) {
    return accept('doc');
  }
  if (names.includes('Workbook') || names.includes('Book')) {
    return accept('xls');
  }
  return refuse('unknown', '不支持该类型的文件（只接受 Word 文档和 Excel 表格等常见文档）');
}

/** Whether the bytes are well-formed UTF-8 (no overlongs, no surrogates, nothing past U+10FFFF). */
export function isWellFormedUtf8(bytes: Uint8Array): boolean {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let need: number;
    let min: number;
    let cp: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
      cp = b & 0x1f;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
      cp = b & 0x0f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
      cp = b & 0x07;
    } else {
      return false;
    }
    for (let k = 1; k <= need; k += 1) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) {
        return false;
      }
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      return false;
    }
    i += need + 1;
  }
  return true;
}

const MARKUP = /<\s*(?:!doctype|html|head|body|script|svg|iframe|object|embed|meta|\?xml)\b/i;

function detectText(bytes: Uint8Array): Detection {
  for (const byte of bytes) {
    // Control characters other than tab, line feed, form feed and carriage return: binary.
    if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) || byte === 0x7f) {
      return refuse('unknown', `不支持该类型的文件（只接受 ${ACCEPTED_TYPES_TEXT}）`);
    }
  }
  if (!isWellFormedUtf8(bytes)) {
    return refuse('encoding', '文本文件须为 UTF-8 编码（可另存为 UTF-8 文本或 PDF 后再上传）');
  }
  const start = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  let first = start;
  while (first < bytes.length && [0x20, 0x09, 0x0a, 0x0c, 0x0d].includes(bytes[first] as number)) {
    first += 1;
  }
  if (startsWith(bytes, ascii('#!'), first)) {
    return refuse('script', '不接受脚本文件');
  }
  // Decoding is cheap next to the upload; markup anywhere in a "text" would be sniffed as HTML by old browsers.
  let text = '';
  for (let at = first; at < bytes.length; at += 8192) {
    text += String.fromCharCode(...bytes.subarray(at, Math.min(bytes.length, at + 8192)));
  }
  if (bytes[first] === 0x3c || MARKUP.test(text)) {
    return refuse('markup', '不接受网页、SVG 或 XML 等标记语言文件；请另存为 PDF 后再上传');
  }
  return accept('text');
}

/**
 * The type of a file from its bytes (never its name).
 *
 * @example
 * detectAttachmentType(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37])) // { ok: true, type: 'pdf', … }
 */
export function detectAttachmentType(bytes: Uint8Array): Detection {
  if (bytes.length === 0) {
    return refuse('empty', '文件是空的');
  }
  if (isExecutable(bytes)) {
    return refuse('executable', '不接受可执行文件（程序）');
  }
  if (startsWith(bytes, ascii('%PDF-'))) {
    return accept('pdf');
  }
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) {
    return accept('jpeg');
  }
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return accept('png');
  }
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) {
    return accept('tiff');
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    return detectZip(bytes);
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return detectCompoundFile(bytes);
  }
  return detectText(bytes);
}
