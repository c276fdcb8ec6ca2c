// Findings as a reviewer reads them (issue #10): each cell named by its row and column labels in
// Chinese (`表三 （七）总计 / 自然人`), the value the arithmetic asks for (`应为 11`), and one wrong cell
// that breaks several sums shown as one problem with its consequences rather than unrelated errors.

import type { Finding, ReadCell, RuleEvaluation, RuleId } from '../report-model.ts';
import { splitCellId, T3_COLUMNS, T4_COLUMNS, TEMPLATES, type TemplateId } from '../template.ts';

/** The row and column labels of a cell ID as the printed form shows them: `（七）总计 / 自然人`. */
export function cellLabels(template: TemplateId, id: string): { readonly table: string; readonly text: string } {
  const definition = TEMPLATES[template];
  const cell = definition.cellById.get(id) ?? TEMPLATES[template === '2021' ? '2019' : '2021'].cellById.get(id);
  const { rowId, colId } = splitCellId(id);
  const row = definition.rowById.get(cell?.rowId ?? rowId) ?? TEMPLATES[template === '2021' ? '2019' : '2021'].rowById.get(rowId);
  if (row === undefined) {
    return { table: '', text: id };
  }
  const table = cell?.table ?? (row.id.startsWith('review') || row.id.startsWith('litigation') ? '四' : '三');
  const parent = row.parent === undefined ? undefined : definition.rowById.get(row.parent);
  // `（二）部分公开（区分处理的，只计这一情形，不计其他情形）` is named by its head, as people say it.
  const short = (label: string) => label.replace(/^(（[一二三四五六七八九十]+）[^（]+)（.{6,}）$/u, '$1');
  const rowText = row.depth >= 2 && parent !== undefined ? `${short(parent.shortLabel)} ${row.shortLabel}` : short(row.shortLabel);
  const column =
    cell?.column ??
    row.columns.find((c) => c.id === (cell?.colId ?? colId))?.label ??
    [...T3_COLUMNS, ...T4_COLUMNS].find((c) => c.id === colId)?.label ??
    colId;
  return { table: `表${table}`, text: `${rowText} / ${column}` };
}

/** A cell as a message names it: `表三!E27（（七）总计 / 自然人）` when its address is known, else `表三 （七）总计 / 自然人`. */
export function cellPlace(template: TemplateId, id: string, places?: ReadonlyMap<string, string>): string {
  const labels = cellLabels(template, id);
  const address = places?.get(id);
  return address === undefined ? `${labels.table} ${labels.text}`.trim() : `${address}（${labels.text}）`;
}

/** The sums whose two sides are plain additions of cells: where a suggested value can be computed. */
const SUM_RULES: ReadonlySet<RuleId> = new Set(['T3-BALANCE', 'T3-ROW-TOTAL', 'T3-OUTCOME-TOTAL', 'T3-GROUP-SUM', 'T4-SUM']);

/** The cells on the left of `=` in an evaluation's expression (the total; for 勾稽关系 items 一 and 二). */
function leftCells(evaluation: RuleEvaluation): ReadonlySet<string> {
  const left = evaluation.expression.split(' = ')[0] ?? '';
  const tokens = new Set(left.split(/[\s+=Σ()]+/u));
  return new Set(evaluation.cells.filter((id) => tokens.has(id)));
}

/** One problem as shown: a suspected cell with the value that would make its sums hold, and the findings it explains. */
export interface FindingGroup {
  /** The wrong cell the arithmetic points to, with its value and the value that fixes every sum below. */
  readonly suspect?: { readonly id: string; readonly value: number; readonly expected: number };
  readonly findings: readonly Finding[];
}

/**
 * Groups the findings of a reading: a cell whose single correction would make two or more failing sums
 * hold becomes one problem with those findings as its consequences; a lone failing sum names the value
 * its total should have; every other finding stands alone. Order follows the findings' own order.
 */
export function groupFindings(
  findings: readonly Finding[],
  evaluations: readonly RuleEvaluation[],
  cells: readonly ReadCell[],
): readonly FindingGroup[] {
  const values = new Map(cells.map((c) => [c.id, c.value]));
  const failing = evaluations.filter(
    (e) => e.status === 'fail' && SUM_RULES.has(e.rule) && typeof e.left === 'number' && typeof e.right === 'number',
  );
  // For each cell of a failing sum: the value it would need for that sum to hold.
  const needs = new Map<string, Map<number, RuleEvaluation[]>>();
  for (const e of failing) {
    const delta = (e.left as number) - (e.right as number);
    const left = leftCells(e);
    for (const id of e.cells) {
      const value = values.get(id);
      if (typeof value !== 'number') {
        continue;
      }
      const expected = left.has(id) ? value - delta : value + delta;
      const byValue = needs.get(id) ?? new Map<number, RuleEvaluation[]>();
      byValue.set(expected, [...(byValue.get(expected) ?? []), e]);
      needs.set(id, byValue);
    }
  }
  const suspectOf = new Map<string, { id: string; value: number; expected: number }>();
  const explained = new Set<string>();
  for (;;) {
    let best: { id: string; expected: number; evaluations: RuleEvaluation[] } | undefined;
    for (const [id, byValue] of needs) {
      for (const [expected, list] of byValue) {
        const open = list.filter((e) => !explained.has(e.fingerprint));
        if (open.length >= 2 && expected >= 0 && (best === undefined || open.length > best.evaluations.length)) {
          best = { id, expected, evaluations: open };
        }
      }
    }
    if (best === undefined) {
      break;
    }
    for (const e of best.evaluations) {
      explained.add(e.fingerprint);
      suspectOf.set(e.fingerprint, { id: best.id, value: values.get(best.id) as number, expected: best.expected });
    }
  }
  // A lone failing sum: the total (left side) should equal the parts.
  const lone = new Map<string, { id: string; value: number; expected: number }>();
  for (const e of failing) {
    const total = e.rule === 'T3-BALANCE' ? undefined : [...leftCells(e)][0];
    if (!explained.has(e.fingerprint) && total !== undefined && e.rule !== 'T3-BALANCE') {
      lone.set(e.fingerprint, { id: total, value: e.left as number, expected: e.right as number });
    }
  }
  const groups: FindingGroup[] = [];
  const bySuspect = new Map<string, { suspect: { id: string; value: number; expected: number }; findings: Finding[] }>();
  for (const f of findings) {
    const fingerprint = 'fingerprint' in f && typeof f.fingerprint === 'string' ? f.fingerprint : '';
    const suspect = suspectOf.get(fingerprint);
    if (suspect === undefined) {
      const single = lone.get(fingerprint);
      groups.push(single === undefined ? { findings: [f] } : { suspect: single, findings: [f] });
      continue;
    }
    const key = `${suspect.id}=${suspect.expected}`;
    const group = bySuspect.get(key);
    if (group === undefined) {
      const created = { suspect, findings: [f] };
      bySuspect.set(key, created);
      groups.push(created);
    } else {
      group.findings.push(f);
    }
  }
  return groups;
}
