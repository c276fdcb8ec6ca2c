// Reads one part of a ZIP package (DOCX, XLSX) in tests, through the central directory (the reader's
// own zip code, src/adapters/documents/zip-entries.ts).
import assert from 'node:assert/strict';
import { readZipEntry, zipEntries } from '#adapters/documents/zip-entries.ts';

/** The entry of a ZIP archive (a DOCX package part) as text. */
export function zipEntry(bytes: Uint8Array, name: string): string {
  const listed = zipEntries(bytes);
  if ('problem' in listed) {
    return assert.fail(`not a readable package: ${listed.problem}`);
  }
  const entry = listed.entries.find((e) => e.name === name) ?? assert.fail(`no ${name} in the package`);
  const part = readZipEntry(bytes, entry, 64 * 1024 * 1024);
  return part instanceof Uint8Array ? Buffer.from(part).toString('utf8') : assert.fail(`${name} cannot be unpacked`);
}
