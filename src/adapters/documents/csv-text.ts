// A report saved as CSV (Excel, WPS, a statistics system's export) → the tab-separated text the reader
// already reads: one line per record, cells joined by tabs. RFC 4180 quoting (`"1,234"`, `""` for a
// quote, line breaks inside quotes); Excel pads every record to the sheet's widest with empty cells, so
// trailing empty cells are dropped. A line break inside a table cell is where a long label wrapped (joined
// as the pipe layouts join it); inside a record of one cell it separates paragraphs (kept).

/** The delimiter of a CSV text: `,`, or `;` (Excel in locales with a decimal comma) when that is what its first lines use. */
function delimiterOf(text: string): ',' | ';' {
  const head = text.slice(0, 4096);
  let commas = 0;
  let semicolons = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c === 0x2c) {
      commas++;
    } else if (c === 0x3b) {
      semicolons++;
    }
  }
  return semicolons > commas ? ';' : ',';
}

/**
 * The records of a CSV text (line breaks already `\n`). A quote opens a quoted field only at a field's
 * start; a text whose quotes never close (a hand-written file quoting a phrase) is read with quotes as
 * plain characters instead, so one stray `"` cannot swallow the rest of the report.
 */
export function csvRecords(text: string, quoting = true): string[][] {
  const delimiter = delimiterOf(text);
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c !== '"') {
        field += c;
      } else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else {
        quoted = false;
      }
    } else if (c === '"' && quoting && field === '') {
      quoted = true;
    } else if (c === delimiter) {
      record.push(field);
      field = '';
    } else if (c === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else {
      field += c;
    }
  }
  if (quoted) {
    return csvRecords(text, false);
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** The CSV text as tab-separated lines (see the file's head). */
export function csvAsTabText(text: string): string {
  const lines: string[] = [];
  for (const record of csvRecords(text)) {
    let end = record.length;
    while (end > 0 && (record[end - 1] as string).trim() === '') {
      end--;
    }
    if (end <= 1) {
      lines.push(end === 0 ? '' : (record[0] as string));
    } else {
      lines.push(
        record
          .slice(0, end)
          .map((cell) => cell.replace(/\s*\n\s*/g, '').replace(/\t/g, ' '))
          .join('\t'),
      );
    }
  }
  // A file that ends with a line break says it was not cut there (SourceDocument.openEnd): keep it.
  return text.endsWith('\n') ? `${lines.join('\n')}\n` : lines.join('\n');
}
