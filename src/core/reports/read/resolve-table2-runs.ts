// Run-together table 二 rows (issue #9): `行政规范性文件8855698` has no separators and table 二 has no row
// total to split it by. A cell is read only when every split that the report's own statements allow gives
// it the same value: the template's inequalities (rule 22 现行有效 ≥ 制发 − 废止; rule 31 对外公开总数 ≥
// 本年新公开; 2019: 上一年项目数量 + 本年增/减 ≥ 0, the items left after the year's change) and the
// narrative's table 二 figures (rules 27 and 45: `本年度制发的规范性文件88件`, `现行有效行政规范性文件698件`).
// A narrative figure that no split allows is not used: it contradicts the table whatever the split, which
// rules 27 and 45 report from the candidates kept here. Never a guess: the notice lists the splits that
// remain (docs/validation-rules-added.md, rule 39).

import type { ColumnDef, TemplateId } from '../template.ts';
import { TEMPLATES } from '../template.ts';
import { splitClauses, splitSentences } from './narrative-sentences.ts';
import { type Table2Statement, table2StatementCell, table2StatementOf } from './narrative-table2.ts';
import { foundLabelText } from './normalize-label.ts';
import type { RunCandidates } from './reading-parts.ts';
import { splitCellNumber } from './run-together.ts';
import type { PhysicalRow, RunTogetherRow, ScannedLayout } from './scan-layout.ts';

/** What became of one run-together table 二 row. */
export interface Table2RunOutcome {
  readonly row: RunTogetherRow;
  readonly columns: readonly ColumnDef[];
  /** Per column: the value every remaining split gives it, or null when the splits differ. */
  readonly determined: readonly (string | null)[];
  /** The narrative figures that narrowed the splits, as `本年制发件数88件`. */
  readonly narrative: readonly string[];
  /** The template's inequalities that narrowed the splits, as the notice states them. */
  readonly inequalities: readonly string[];
  /** Every split still allowed, in the tokenizer's order (the notice lists them when the row stays open). */
  readonly remaining: readonly (readonly string[])[];
}

export interface ResolvedTable2Runs {
  /** The layout with decided cells written into their rows; `runTogether` keeps the rows it did not handle. */
  readonly layout: ScannedLayout;
  readonly outcomes: readonly Table2RunOutcome[];
  /** Absent cells of the unsplit rows: the values the allowed splits give them (rules 27, 45). */
  readonly candidates: ReadonlyMap<string, RunCandidates>;
}

/** Decides what the table 二 rows of a run-together layout allow; the layout unchanged when it has none. */
export function resolveTable2Runs(layout: ScannedLayout): ResolvedTable2Runs | null {
  if (layout.runTogether === undefined || layout.runTogether.length === 0) {
    return null; // the usual layout: no run-together row at all
  }
  const runs = layout.runTogether.filter((r) => r.table2?.splits != null);
  if (runs.length === 0) {
    return null;
  }
  const statements = narrativeStatements(layout.lines);
  const rows = [...layout.rows];
  const outcomes: Table2RunOutcome[] = [];
  const candidates = new Map<string, RunCandidates>();
  for (const run of runs) {
    const { rowId, template, splits, rowIndex } = run.table2!;
    const columns = TEMPLATES[template].rowById.get(rowId)!.columns;
    let remaining = splits!;
    const inequalities: string[] = [];
    for (const { text, holds } of inequalitiesOf(rowId, template, columns)) {
      const narrowed = remaining.filter(holds);
      // None left: the row breaks the inequality whatever the split (its rule reports it); not used.
      if (narrowed.length > 0 && narrowed.length < remaining.length) {
        remaining = narrowed;
        inequalities.push(text);
      }
    }
    const narrative: string[] = [];
    for (const statement of statements) {
      const cell = table2StatementCell(statement, template);
      const column = cell === null ? -1 : columns.findIndex((c) => `${rowId}.${c.id}` === cell);
      if (column < 0) {
        continue;
      }
      const fitting = remaining.filter((split) => splitCellNumber(split[column]!) === statement.n);
      if (fitting.length > 0 && fitting.length < remaining.length) {
        remaining = fitting;
        narrative.push(`${columns[column]!.label}${statement.n}件`);
      }
    }
    const determined = columns.map((_, column) => {
      const first = remaining[0]?.[column];
      return first !== undefined && remaining.every((split) => split[column] === first) ? first : null;
    });
    columns.forEach((c, column) => {
      if (determined[column] === null && remaining.length > 0) {
        const values = [...new Set(remaining.map((split) => splitCellNumber(split[column]!)))];
        candidates.set(`${rowId}.${c.id}`, { run: run.run, values });
      }
    });
    if (determined.some((v) => v !== null)) {
      const label = rows[rowIndex]!.cells[0]!;
      rows[rowIndex] = { ...rows[rowIndex]!, cells: [label, ...determined.map((v) => v ?? '')] } satisfies PhysicalRow;
    }
    outcomes.push({ row: run, columns, determined, narrative, inequalities, remaining });
  }
  const handled = new Set<RunTogetherRow>(runs);
  const rest = (layout.runTogether ?? []).filter((r) => !handled.has(r));
  const { runTogether: _, ...base } = layout;
  return {
    layout: { ...base, rows, ...(rest.length > 0 ? { runTogether: rest } : {}) },
    outcomes,
    candidates,
  };
}

interface Inequality {
  readonly text: string;
  readonly holds: (split: readonly string[]) => boolean;
}

/**
 * What the template's meaning forbids in one split of a row, whatever the report: rule 22 (2021: 现行有效 ≥
 * 制发 − 废止), rule 31 (2019: 对外公开总数 ≥ 本年新公开), and for the 2019 item rows 上一年项目数量 + 本年增/减 ≥ 0
 * (the items left after the year's change cannot be fewer than none). Each was checked on every fully read
 * report of the corpus and the seeds (docs/validation-rules-added.md, rule 39).
 */
function inequalitiesOf(rowId: string, template: TemplateId, columns: readonly ColumnDef[]): Inequality[] {
  const at = (id: string) => columns.findIndex((c) => c.id === id);
  const n = (split: readonly string[], column: number) => splitCellNumber(split[column]!);
  const out: Inequality[] = [];
  if (rowId === 'rules' || rowId === 'normative_documents') {
    if (template === '2021') {
      const [issued, repealed, inForce] = [at('issued'), at('repealed'), at('in_force')];
      out.push({
        text: '“现行有效件数”不小于“本年制发件数”减“本年废止件数”',
        holds: (split) => n(split, inForce) >= n(split, issued) - n(split, repealed),
      });
    } else {
      const [published, total] = [at('new_published'), at('published_total')];
      out.push({ text: '“对外公开总数量”不小于“本年新公开数量”', holds: (split) => n(split, total) >= n(split, published) });
    }
  }
  const [prior, change] = [at('prior_items'), at('items_change')];
  if (prior >= 0 && change >= 0) {
    out.push({ text: '“上一年项目数量”加“本年增/减”不小于0', holds: (split) => n(split, prior) + n(split, change) >= 0 });
  }
  return out;
}

/** READ-RUN-TOGETHER for a table 二 row: what was read, on what grounds, and which splits remain. */
export function table2RunMessage({ row, columns, determined, narrative, inequalities, remaining }: Table2RunOutcome): string {
  const head = `表二“${foundLabelText(row.label ?? '')}”行的数字“${row.run}”连写无分隔`;
  const grounds = [...(narrative.length > 0 ? [`正文所述${narrative.join('、')}`] : []), ...inequalities];
  const basis = grounds.length > 0 ? `按${grounds.join('和')}` : '';
  if (determined.every((v) => v !== null)) {
    return `${head}，${basis}唯一拆分为${determined.join('、')}`;
  }
  const open = `可能的拆分仍有${remaining.length}种：${remaining.map((split) => split.join('、')).join('；')}`;
  const read = columns.flatMap((c, i) => (determined[i] === null ? [] : [`“${c.label}”${determined[i]}`]));
  if (read.length === 0) {
    return `${head}，无法唯一拆分为${columns.length}列（${basis === '' ? '' : `${basis}，`}${open}），未读取该行`;
  }
  return `${head}，无法唯一拆分为${columns.length}列，${basis}只能确定${read.join('、')}，其余未读取（${open}）`;
}

/** The table 二 figures the narrative states (rules 27, 45), in document order. */
function narrativeStatements(lines: readonly string[]): Table2Statement[] {
  const out: Table2Statement[] = [];
  for (const line of lines) {
    if (!line.includes('件')) {
      continue;
    }
    for (const sentence of splitSentences(line)) {
      if (!sentence.includes('件')) {
        continue;
      }
      for (const clause of splitClauses(sentence)) {
        const statement = table2StatementOf(clause);
        if (statement !== null) {
          out.push(statement);
        }
      }
    }
  }
  return out;
}
