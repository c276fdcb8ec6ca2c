// Test factory: ReportFacts from transcribed cells, with official labels filled from the templates
// (annual-report.md §3, §4) and a minimal DocumentText. Shared by rule, reader and renderer tests.

import type { DocumentText, TruncatedAt } from '#core/reports/read/reading-parts.ts';
import type { ReadCell } from '#core/reports/report-model.ts';
import {
  type DetectedTemplate,
  splitCellId,
  T3_COLUMNS,
  type TableId,
  TEMPLATE_2019,
  TEMPLATE_2021,
  TEMPLATES,
} from '#core/reports/template.ts';
import type { ReportFacts } from '#core/reports/validate/rule.ts';

/**
 * A cell as a test writes it: a number (raw = its digits), null (present without a number, raw `/`),
 * a string (raw text; value parsed loosely like annual-report.md §6.3), or both given explicitly.
 */
export type CellInput = number | null | string | { readonly raw: string; readonly value: number | null };

export interface FactsOverrides {
  readonly template?: DetectedTemplate;
  readonly year?: number | null;
  readonly agency?: string | null;
  readonly cells?: Readonly<Record<string, CellInput>>;
  /** Default: all three tables (a table with every cell blank is still found). */
  readonly tablesFound?: readonly TableId[];
  readonly truncatedIn?: TableId | null;
  readonly truncatedAt?: TruncatedAt;
  readonly text?: Partial<DocumentText>;
  readonly narrativeLines?: readonly string[];
}

/** A loose reading of a cell text, enough for tests: sign words, full-width digits, one unit. */
export function looseCellValue(raw: string): number | null {
  const text = raw
    .trim()
    .replace(/[\uff10-\uff19]/g, (ch) => String(ch.charCodeAt(0) - 0xff10))
    .replace(/,/g, '');
  const match = /^(增|\+|减|-|−|－)?(\d+(?:\.\d+)?)(件|条|个|项|万元|元)?$/.exec(text);
  if (match === null) {
    return null;
  }
  const negative = match[1] !== undefined && match[1] !== '增' && match[1] !== '+';
  return (negative ? -1 : 1) * Number(match[2]);
}

function labelsOf(template: DetectedTemplate, id: string): { table: TableId; row: string; column: string } {
  const order = template === '2019' ? [TEMPLATE_2019, TEMPLATE_2021] : [TEMPLATE_2021, TEMPLATE_2019];
  for (const t of order) {
    const def = t.cellById.get(id);
    if (def !== undefined) {
      return { table: def.table, row: def.row, column: def.column };
    }
  }
  // A group-row value a report printed itself (`outcome.withheld.total`): table 三, the group's path.
  const { rowId, colId } = splitCellId(id);
  for (const t of order) {
    const row = t.rowById.get(rowId);
    const column = T3_COLUMNS.find((c) => c.id === colId);
    if (row !== undefined && column !== undefined) {
      return { table: '三', row: row.label, column: column.label };
    }
  }
  throw new Error(`buildFacts: unknown cell ID ${id}`);
}

function toCell(template: DetectedTemplate, id: string, input: CellInput): ReadCell {
  const labels = labelsOf(template, id);
  if (typeof input === 'number') {
    return { ...labels, id, value: input, raw: String(input) };
  }
  if (input === null) {
    return { ...labels, id, value: null, raw: '/' };
  }
  if (typeof input === 'string') {
    return { ...labels, id, value: looseCellValue(input), raw: input };
  }
  return { ...labels, id, value: input.value, raw: input.raw };
}

function cellOrder(template: DetectedTemplate, id: string): number {
  const t = template === '2019' ? TEMPLATES['2019'] : TEMPLATES['2021'];
  return t.cellById.get(id)?.order ?? TEMPLATE_2019.cellById.get(id)?.order ?? Number.MAX_SAFE_INTEGER;
}

/** A DocumentText that says nothing beyond agency and year. */
export function buildDocumentText(overrides: Partial<DocumentText> = {}): DocumentText {
  return {
    agency: null,
    year: null,
    yearSource: null,
    titleYear: null,
    period: null,
    signature: null,
    malformedDates: [],
    headings: [],
    sections: [],
    narrative: [],
    findings: [],
    ...overrides,
  };
}

/** ReportFacts for a test: defaults to an empty 2021-template report of 2023 with all tables found. */
export function buildFacts(overrides: FactsOverrides = {}): ReportFacts {
  const template = overrides.template ?? '2021';
  const year = overrides.year === undefined ? 2023 : overrides.year;
  const agency = overrides.agency === undefined ? '某县民政局' : overrides.agency;
  const entries = Object.entries(overrides.cells ?? {}).sort(([a], [b]) => cellOrder(template, a) - cellOrder(template, b));
  return {
    template,
    year,
    agency,
    cells: new Map(entries.map(([id, input]) => [id, toCell(template, id, input)])),
    tablesFound: overrides.tablesFound ?? ['二', '三', '四'],
    truncatedIn: overrides.truncatedIn ?? null,
    ...(overrides.truncatedAt === undefined ? {} : { truncatedAt: overrides.truncatedAt }),
    text: buildDocumentText({ agency, year, yearSource: year === null ? null : 'title', titleYear: year, ...overrides.text }),
    narrativeLines: overrides.narrativeLines ?? [],
  };
}

/** Every data cell of a template table set to the same value (a consistent all-zero table by default). */
export function allCells(template: '2021' | '2019', table: TableId, value: CellInput = 0): Record<string, CellInput> {
  return Object.fromEntries(TEMPLATES[template].cells.filter((c) => c.table === table).map((c) => [c.id, value]));
}

// ---------------------------------------------------------------- the five seeds, as the reader must read them

const T2_2021_IDS = TEMPLATE_2021.cells.filter((c) => c.table === '二').map((c) => c.id);
const T2_2019_IDS = TEMPLATE_2019.cells.filter((c) => c.table === '二').map((c) => c.id);
const zeros = (ids: readonly string[]) => Object.fromEntries(ids.map((id) => [id, 0]));

/**
 * Cells transcribed from the seeds (validation-rules.md §5; shared/spec/tools/check-seeds.mjs): only cells
 * present in the text, blank cells absent. Keyed by seed number.
 */
interface SeedTranscription {
  readonly agency: string | null;
  readonly year: number;
  readonly template: '2021' | '2019';
  readonly cells: Readonly<Record<string, CellInput>>;
}

export const SEED_CELLS = {
  '000': {
    agency: '黄石市民政局',
    year: 2023,
    template: '2021',
    cells: {
      'rules.issued': 0,
      'normative_documents.issued': 1,
      'licensing.decisions': 93,
      'penalties.decisions': 0,
      'coercion.decisions': 0,
      'fees.amount_wan': 0,
      'received.natural_person': 9,
      'received.total': 9,
      'outcome.disclosed.natural_person': 9,
      'outcome.disclosed.total': 9,
      'outcome.total.natural_person': 9,
      'outcome.total.total': 9,
    },
  },
  '001': {
    agency: '卫辉市民政局',
    year: 2022,
    template: '2021',
    cells: {
      ...zeros(T2_2021_IDS),
      'normative_documents.issued': 1,
      'normative_documents.in_force': 1,
      ...allCells('2021', '三'),
      ...allCells('2021', '四'),
    },
  },
  '002': {
    agency: null,
    year: 2023,
    template: '2021',
    cells: { ...zeros(T2_2021_IDS), 'licensing.decisions': 92, ...allCells('2021', '三'), ...allCells('2021', '四') },
  },
  '003': {
    agency: '攀枝花市东区民政局',
    year: 2023,
    template: '2021',
    cells: { ...zeros(T2_2021_IDS), ...allCells('2021', '三'), ...allCells('2021', '四') },
  },
  '004': {
    agency: '嘉兴市民政局',
    year: 2020,
    template: '2019',
    cells: {
      ...zeros(T2_2019_IDS),
      'other_services.prior_items': 3,
      'other_services.items_change': 2,
      'other_services.decisions': 5,
      'procurement.procurement_items': 5,
      'procurement.procurement_amount': 799800,
      ...Object.fromEntries(TEMPLATE_2019.tables.三.rows.filter((r) => r.kind === 'data').map((r) => [`${r.id}.total`, 0])),
      'received.natural_person': 1,
      'received.total': 1,
      'outcome.not_processed.excessive.natural_person': 1,
      'outcome.not_processed.excessive.total': 1,
      'outcome.total.natural_person': 1,
      'outcome.total.total': 1,
      ...allCells('2019', '四'),
    },
  },
} as const satisfies Record<string, SeedTranscription>;

/** The seed numbers and their file names in test/fixtures/seeds/. */
export const SEED_FILES = {
  '000': '000_fa62d5864337d3a6.txt',
  '001': '001_90c37852d1e90522.txt',
  '002': '002_a69ef41056118676.txt',
  '003': '003_d3cf8b1128643171.txt',
  '004': '004_b8b917888f6bbb4a.txt',
} as const;

/** ReportFacts of each seed built from its transcription. */
export const SEED_FACTS = Object.fromEntries(
  Object.entries(SEED_CELLS).map(([seed, transcription]) => [seed, () => buildFacts(transcription)]),
) as Record<keyof typeof SEED_CELLS, () => ReportFacts>;
