// How `report read|check` write findings and evaluations for a person (issue #10): every cell by its
// place as the user sees it (XLSX `表三!D27`, row and column labels in Chinese), the value the
// arithmetic asks for, and one wrong cell with its consequences as one problem.

import type { ReportAnalysis } from '#core/reports/read/read-report.ts';
import type { RuleEvaluation, Severity } from '#core/reports/report-model.ts';
import { T3_COLUMN_IDS, TEMPLATES, type TemplateId, templateForYear } from '#core/reports/template.ts';
import { cellPlace, groupFindings } from '#core/reports/validate/finding-places.ts';

export const SEVERITY_LABEL: Record<Severity, string> = { error: '错误', warning: '警告', notice: '提示' };

/** The template whose labels name a reading's cells. */
export function labelTemplate(analysis: ReportAnalysis): TemplateId {
  const { template, year } = analysis.reading;
  return template === '2021' || template === '2019' ? template : year === null ? '2021' : templateForYear(year);
}

function placesOf(analysis: ReportAnalysis, cells: readonly string[], all: boolean): string {
  if (cells.length === 0) {
    return '';
  }
  const template = labelTemplate(analysis);
  const limit = all ? cells.length : 4;
  const shown = cells.slice(0, limit).map((id) => cellPlace(template, id, analysis.places));
  return `（位置：${shown.join('、')}${cells.length > limit ? ` 等${cells.length}处` : ''}）`;
}

/** Findings whose message already names its rows and columns: a batch listing leaves their cells out. */
const SELF_PLACED = new Set(['CELL-BLANK', 'LABEL-VARIANT', 'READ-ROW-SHAPE', 'READ-UNKNOWN-ROW']);

/**
 * The findings of one reading as indented lines. `full` (report read) adds where each finding's cells
 * are; a batch (report check) only where the message does not say it already.
 */
export function findingLines(
  analysis: ReportAnalysis,
  full: boolean,
  keep: (severity: Severity) => boolean = () => true,
  explain = false,
): string[] {
  const template = labelTemplate(analysis);
  const findings = analysis.reading.findings.filter((f) => keep(f.severity));
  const lines: string[] = [];
  for (const group of groupFindings(findings, analysis.evaluations, analysis.reading.cells)) {
    const first = group.findings[0]!;
    if (group.suspect !== undefined && group.findings.length > 1) {
      const { id, value, expected } = group.suspect;
      lines.push(
        `  [${SEVERITY_LABEL[first.severity]}] ${cellPlace(template, id, analysis.places)} 现为 ${value}，应为 ${expected}：这一处使以下 ${group.findings.length} 项核对不符`,
      );
      for (const f of group.findings) {
        lines.push(`      - ${f.rule} ${f.message}`);
      }
      continue;
    }
    const suggestion =
      group.suspect === undefined ? '' : `；${cellPlace(template, group.suspect.id, analysis.places)} 应为 ${group.suspect.expected}`;
    // A cell finding raised to an error (`--strict`) names every cell: each is to be filled in.
    const every = first.severity === 'error' && SELF_PLACED.has(first.rule);
    const withPlaces = full || every || (!SELF_PLACED.has(first.rule) && (first.cells.length <= 3 || analysis.places !== undefined));
    const places = withPlaces && suggestion === '' ? placesOf(analysis, first.cells, every) : '';
    const message = first.rule === 'READ-SOURCE' && !explain ? plainReason(first.message) : first.message;
    lines.push(`  [${SEVERITY_LABEL[first.severity]}] ${first.rule} ${message}${suggestion}${places}`);
  }
  return lines;
}

const STATUS_LABEL = { pass: '通过', fail: '不符', not_assessable: '无法核对' } as const;

/** An evaluation for `--explain`, its cell IDs replaced by the labels the report prints. */
export function evaluationLine(analysis: ReportAnalysis, e: RuleEvaluation): string {
  const template = labelTemplate(analysis);
  const name = (id: string) => {
    const definition = TEMPLATES[template];
    const row = definition.rowById.get(id.slice(0, id.lastIndexOf('.')));
    const known =
      definition.cellById.has(id) || (row?.kind === 'group' && row.id !== 'outcome' && T3_COLUMN_IDS.some((c) => id.endsWith(`.${c}`)));
    return known ? `〔${cellPlace(template, id, analysis.places)}〕` : id;
  };
  const expression = e.expression.replace(/(prev:)?[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+/g, (token, prev: string | undefined) =>
    prev === undefined ? name(token) : `上年${name(token.slice(5))}`,
  );
  const sides =
    e.status === 'not_assessable'
      ? `缺少：${(e.missing ?? []).map((id) => (id.startsWith('prev:') ? `上年${name(id.slice(5))}` : name(id))).join('、') || '—'}`
      : `左 ${e.left ?? '—'}，右 ${e.right ?? '—'}，差 ${e.delta ?? '—'}`;
  return `[${STATUS_LABEL[e.status]}] ${e.rule} ${expression}：${sides}`;
}

/**
 * A reason without the library's own words (`Corrupted zip: can't find end of central directory`,
 * `Invalid PDF structure.`, `ENOENT`): the Chinese sentence alone, for a person; `--explain` shows all.
 */
export function plainReason(reason: string): string {
  return reason.replace(/（[^（）]*(?:[A-Za-z]{2,}[\s:,.'-]+[A-Za-z]{2,}|\bE[A-Z]{3,}\b)[^（）]*）/gu, '').trim();
}
