// The outcome of a closed application (statute.md §4): exactly one code, the leaf row ID of table 三
// of the 2021 template (annual-report.md §3.3), with the legal basis its reply letter cites.

import { leafOutcomeRows, TEMPLATE_2021 } from '#core/reports/template.ts';

/** The 21 leaf outcome rows of table 三 (国办公开办函〔2021〕30号), in table order. */
export const OUTCOME_CODES = [
  'outcome.disclosed',
  'outcome.partial',
  'outcome.withheld.state_secret',
  'outcome.withheld.prohibited_by_law',
  'outcome.withheld.security_stability',
  'outcome.withheld.third_party',
  'outcome.withheld.internal_affairs',
  'outcome.withheld.process_info',
  'outcome.withheld.enforcement_file',
  'outcome.withheld.inquiry_matter',
  'outcome.unavailable.not_held',
  'outcome.unavailable.needs_creation',
  'outcome.unavailable.unclear_after_correction',
  'outcome.not_processed.petition_complaint',
  'outcome.not_processed.repeat',
  'outcome.not_processed.publication',
  'outcome.not_processed.excessive',
  'outcome.not_processed.reissue',
  'outcome.other.no_correction',
  'outcome.other.fee_unpaid',
  'outcome.other.other',
] as const;
export type OutcomeCode = (typeof OUTCOME_CODES)[number];

export function isOutcomeCode(value: unknown): value is OutcomeCode {
  return typeof value === 'string' && (OUTCOME_CODES as readonly string[]).includes(value);
}

/** Outcome families: one reply-letter template each (issue #7), = the table 三 groups. */
export const OUTCOME_FAMILIES = ['disclosed', 'partial', 'withheld', 'unavailable', 'not_processed', 'other'] as const;
export type OutcomeFamily = (typeof OUTCOME_FAMILIES)[number];

export function outcomeFamily(code: OutcomeCode): OutcomeFamily {
  return code.split('.')[1] as OutcomeFamily;
}

export interface OutcomeDefinition {
  readonly code: OutcomeCode;
  readonly family: OutcomeFamily;
  /** The table 三 row's own label (e.g. `1.属于国家秘密`). */
  readonly label: string;
  /** The table 三 row path (the reader's `row`). */
  readonly row: string;
  /** What the reply letter cites (statute.md §4). */
  readonly basis: string;
  /** What the letter must also state. */
  readonly letterMustState: string;
  /** A 不予公开 decision: since 2024-01-01 复议前置 (复议法第二十三条第一款（四）), partial by convention for the withheld part. */
  readonly refusal: boolean;
}

const WITHHELD_STATE = '不予公开并说明理由（第三十六条（三））';

/** Legal basis and required content per outcome (statute.md §4). */
const BASIS: Readonly<Record<OutcomeCode, readonly [basis: string, mustState: string]>> = {
  'outcome.disclosed': [
    '《政府信息公开条例》第三十六条（二）；已主动公开的，第三十六条（一）',
    '提供该政府信息，或者告知获取的方式、途径和时间（第四十条）',
  ],
  'outcome.partial': ['《政府信息公开条例》第三十七条及不予公开部分的依据（第十四、十五、十六条）', '公开部分的内容；不予公开部分的理由'],
  'outcome.withheld.state_secret': ['《政府信息公开条例》第十四条（依法确定为国家秘密）', WITHHELD_STATE],
  'outcome.withheld.prohibited_by_law': ['《政府信息公开条例》第十四条及具体的法律、行政法规', WITHHELD_STATE],
  'outcome.withheld.security_stability': ['《政府信息公开条例》第十四条', WITHHELD_STATE],
  'outcome.withheld.third_party': ['《政府信息公开条例》第十五条（及第三十二条征求意见记录）', WITHHELD_STATE],
  'outcome.withheld.internal_affairs': ['《政府信息公开条例》第十六条第一款', WITHHELD_STATE],
  'outcome.withheld.process_info': ['《政府信息公开条例》第十六条第二款', WITHHELD_STATE],
  'outcome.withheld.enforcement_file': ['《政府信息公开条例》第十六条第二款', WITHHELD_STATE],
  'outcome.withheld.inquiry_matter': ['《政府信息公开条例》第三十六条（七）', '有关法律、行政法规对信息获取的规定及办理途径'],
  'outcome.unavailable.not_held': [
    '《政府信息公开条例》第三十六条（四）；不属于本机关负责公开的，第三十六条（五）',
    '经检索没有所申请公开信息；或者不属于本机关负责公开并告知负责机关的名称、联系方式',
  ],
  'outcome.unavailable.needs_creation': ['《政府信息公开条例》第三十八条', '需要对现有政府信息进行加工、分析'],
  'outcome.unavailable.unclear_after_correction': ['《政府信息公开条例》第三十条', '补正后仍不明确的内容'],
  'outcome.not_processed.petition_complaint': [
    '《政府信息公开条例》第三十九条第一款',
    '不作为政府信息公开申请处理，并告知通过相应渠道提出',
  ],
  'outcome.not_processed.repeat': ['《政府信息公开条例》第三十六条（六）', '此前答复的日期、文号'],
  'outcome.not_processed.publication': ['《政府信息公开条例》第三十九条第二款', '获取该出版物的途径'],
  'outcome.not_processed.excessive': ['《政府信息公开条例》第三十五条', '要求说明理由的情况及理由不合理的原因'],
  'outcome.not_processed.reissue': ['惯例（无具体条款，可配置）', '申请人已获取该信息'],
  'outcome.other.no_correction': ['《政府信息公开条例》第三十条', '（终止通知）补正告知及补正期限'],
  'outcome.other.fee_unpaid': ['国办函〔2020〕109号《政府信息公开信息处理费管理办法》', '（终止通知）收费通知及缴费期限'],
  'outcome.other.other': ['撤回申请及其他情形（惯例，可配置）', '—'],
};

const rows = new Map(leafOutcomeRows(TEMPLATE_2021).map((r) => [r.id, r]));

/** Every outcome code with its table 三 labels and legal basis, in table order. */
export const OUTCOMES: readonly OutcomeDefinition[] = OUTCOME_CODES.map((code) => {
  const row = rows.get(code);
  if (row === undefined) {
    throw new Error(`outcome ${code} is not a table 三 leaf row`);
  }
  const [basis, letterMustState] = BASIS[code];
  const family = outcomeFamily(code);
  return {
    code,
    family,
    label: row.shortLabel,
    row: row.label,
    basis,
    letterMustState,
    refusal: family === 'withheld' || family === 'partial',
  };
});

export const OUTCOME_BY_CODE: ReadonlyMap<OutcomeCode, OutcomeDefinition> = new Map(OUTCOMES.map((o) => [o.code, o]));
