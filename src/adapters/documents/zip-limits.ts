// Limits a DOCX or XLSX must keep before its parser (our DOCX reader, exceljs through JSZip) sees it: a
// zip bomb (3 MB that unpacks to 1 GB took 3.3 GB of memory) or a 200 MB sharedStrings.xml is refused
// with a reason, in time linear in the file. The sizes are checked as the parts really inflate,
// not as the zip declares them (a bomb can declare anything).
import { readZipEntry, zipEntries } from './zip-entries.ts';

/** More entries than this is no office document (a real DOCX/XLSX has tens to a few hundred). */
export const MAX_ZIP_ENTRIES = 5000;
/** One XML part (document.xml, sharedStrings.xml, a sheet) unpacked; real annual reports stay under 5 MB. */
export const MAX_XML_PART_BYTES = 16 * 1024 * 1024;
/** All XML parts together, unpacked. */
export const MAX_XML_TOTAL_BYTES = 48 * 1024 * 1024;

/** Why the package may not be opened, or undefined when it keeps every limit (or is not a readable zip: its parser says why). */
export function zipLimitProblem(bytes: Uint8Array): string | undefined {
  const listed = zipEntries(bytes);
  if ('problem' in listed) {
    // ZIP64 is refused here; a package cut short or damaged gets its parser's own reason.
    return listed.problem.includes('ZIP64') ? listed.problem : undefined;
  }
  if (listed.entries.length > MAX_ZIP_ENTRIES) {
    return `压缩包内文件过多（${listed.entries.length} 个，上限 ${MAX_ZIP_ENTRIES}），不像是 Office 文档`;
  }
  let total = 0;
  for (const entry of listed.entries) {
    if (!/\.(?:xml|rels)$/i.test(entry.name)) {
      continue; // media and the like: never inflated by the readers
    }
    const part = readZipEntry(bytes, entry, MAX_XML_PART_BYTES);
    if (part === undefined) {
      return undefined;
    }
    if (part === 'too-large') {
      return `文档内容过大（${entry.name} 解压后超过 ${MAX_XML_PART_BYTES / 1024 / 1024} MB），可能是压缩炸弹或异常文件，未读取`;
    }
    total += entry.method === 0 ? Math.max(entry.declaredSize, part.length) : part.length;
    if (total > MAX_XML_TOTAL_BYTES) {
      return `文档内容过大（解压后超过 ${MAX_XML_TOTAL_BYTES / 1024 / 1024} MB），可能是压缩炸弹或异常文件，未读取`;
    }
  }
  return undefined;
}
