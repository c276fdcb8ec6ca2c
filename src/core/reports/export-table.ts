// Many readings as one table for a researcher (`report export`, issue #10): per report its file,
// agency, year, template and finding counts, then its cells under Chinese labels in template order —
// one row per report and cell (long), or one column per cell (wide). CSV text is written here;
// XLSX by the documents adapter from the same rows.

import type { ReportReading, Severity } from './report-model.ts';
import { type CellDef, TEMPLATES, type TemplateId, templateForYear } from './template.ts';
import { cellLabels } from './validate/finding-places.ts';

export type ExportValue = string | number | null;
export type ExportRows = readonly (readonly ExportValue[])[];

const REPORT_HEADER = ['文件', '机关', '年度', '模板', '错误', '警告', '提示'] as const;

function templateOf(reading: ReportReading): TemplateId {
  const { template, year } = reading;
  return template === '2021' || template === '2019' ? template : year === null ? '2021' : templateForYear(year);
}

function templateText(reading: ReportReading): string {
  if (reading.findings.some((f) => f.rule === 'READ-SOURCE')) {
    return '无法读取';
  }
  if (reading.findings.some((f) => f.rule === 'NOT-A-REPORT')) {
    return '不是年度报告';
  }
  return reading.template === '2021' || reading.template === '2019'
    ? `模板 ${reading.template}`
    : reading.template === 'mixed'
      ? '混合'
      : '未识别';
}

function reportColumns(reading: ReportReading): ExportValue[] {
  const counts: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  for (const f of reading.findings) {
    counts[f.severity] += 1;
  }
  return [reading.source, reading.agency, reading.year, templateText(reading), counts.error, counts.warning, counts.notice];
}

/** `表三 （七）总计 / 自然人`: the heading of a cell's column in the wide table. */
function cellHeading(template: TemplateId, cell: CellDef): string {
  const labels = cellLabels(template, cell.id);
  return `${labels.table} ${labels.text}`;
}

/**
 * One row per report and template cell, in template order (absent cells with an empty value, so
 * missing is never zero): report columns, then 表, 行, 列, 单元格编号, 数值, 原文.
 */
export function exportLong(readings: readonly ReportReading[]): ExportRows {
  const rows: ExportValue[][] = [[...REPORT_HEADER, '表', '行', '列', '单元格编号', '数值', '原文']];
  for (const reading of readings) {
    const report = reportColumns(reading);
    const unreadable = reading.findings.some((f) => f.rule === 'READ-SOURCE' || f.rule === 'NOT-A-REPORT');
    if (unreadable) {
      rows.push([...report, null, null, null, null, null, null]);
      continue;
    }
    const template = templateOf(reading);
    const present = new Map(reading.cells.map((c) => [c.id, c]));
    for (const cell of TEMPLATES[template].cells) {
      const labels = cellLabels(template, cell.id);
      const read = present.get(cell.id);
      rows.push([...report, labels.table, labels.text.split(' / ')[0] ?? '', cell.column, cell.id, read?.value ?? null, read?.raw ?? '']);
    }
  }
  return rows;
}

/** One row per report, one column per cell (2021 template cells, then those only the 2019 template has). */
export function exportWide(readings: readonly ReportReading[]): ExportRows {
  const columns: { id: string; heading: string }[] = [];
  const seen = new Set<string>();
  for (const template of ['2021', '2019'] as const) {
    for (const cell of TEMPLATES[template].cells) {
      if (!seen.has(cell.id)) {
        seen.add(cell.id);
        columns.push({ id: cell.id, heading: cellHeading(template, cell) });
      }
    }
  }
  const rows: ExportValue[][] = [[...REPORT_HEADER, ...columns.map((c) => c.heading)]];
  for (const reading of readings) {
    const values = new Map(reading.cells.map((c) => [c.id, c.value ?? c.raw]));
    rows.push([...reportColumns(reading), ...columns.map((c) => values.get(c.id) ?? null)]);
  }
  return rows;
}

const csvField = (value: ExportValue): string => {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
};

/** CSV as Excel and WPS open it without mojibake: UTF-8 with a BOM, CRLF line ends, RFC 4180 quoting. */
export function exportCsv(rows: ExportRows): string {
  return `\uFEFF${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
