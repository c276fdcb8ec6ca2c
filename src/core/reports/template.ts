// The annual-report templates as typed data: 国办公开办函〔2021〕30号 (the 2021 template) and
// 国办公开办函〔2019〕60号 (the 2019 template). IDs and official labels follow
// annual-report.md §2–§4 exactly; they are a stable contract (reader output, cell IDs in findings).

/** The three report tables: 表二 主动公开, 表三 依申请公开, 表四 复议诉讼. */
export const TABLE_IDS = ['二', '三', '四'] as const;
export type TableId = (typeof TABLE_IDS)[number];

export const TEMPLATE_IDS = ['2021', '2019'] as const;
/** 2021 = 国办公开办函〔2021〕30号; 2019 = 国办公开办函〔2019〕60号（试行）. */
export type TemplateId = (typeof TEMPLATE_IDS)[number];
/** What the reader detects: a template, both (mixed) or none. */
export type DetectedTemplate = TemplateId | 'mixed' | 'unknown';

/** How a cell's value is constrained: count = integer ≥ 0; change = signed integer (本年增/减); amount = decimal ≥ 0. */
export type CellKind = 'count' | 'change' | 'amount';

export interface ColumnDef {
  readonly id: string;
  /** Official leaf label (the reader's `column`). */
  readonly label: string;
  readonly kind: CellKind;
}

export interface RowDef {
  readonly id: string;
  /** Official label: table 三 rows are paths joined with `/` (annual-report.md §3.3). */
  readonly label: string;
  /** The row's own label without its enclosing rows (the last path segment). */
  readonly shortLabel: string;
  /** data = carries cells in the template; group = a label row without cells of its own. */
  readonly kind: 'data' | 'group';
  readonly columns: readonly ColumnDef[];
  /** Table 二 only: the block (第二十条第（…）项) the row belongs to. */
  readonly block?: string;
  /** Table 三 only: the parent group row ID (e.g. `outcome.withheld`). */
  readonly parent?: string;
  /** Nesting depth in table 三 (0 = top level). */
  readonly depth: number;
}

export interface BlockDef {
  readonly id: string;
  readonly label: string;
  readonly columns: readonly ColumnDef[];
}

export interface TableDef {
  readonly table: TableId;
  readonly heading: string;
  readonly rows: readonly RowDef[];
  /** Table 二 only: the article blocks in order. */
  readonly blocks: readonly BlockDef[];
}

export interface SectionDef {
  readonly id: SectionId;
  readonly heading: string;
  readonly table?: TableId;
}

export const SECTION_IDS = ['overview', 'proactive', 'applications', 'appeals', 'problems', 'other_matters'] as const;
export type SectionId = (typeof SECTION_IDS)[number];

/** One cell of a template, with everything a renderer, reader or rule needs. */
export interface CellDef {
  readonly table: TableId;
  readonly id: string;
  readonly rowId: string;
  readonly colId: string;
  readonly row: string;
  readonly column: string;
  readonly kind: CellKind;
  /** Position in the contract's order (table 二, 三, 四; row order, then column order). */
  readonly order: number;
}

export interface ReportTemplate {
  readonly id: TemplateId;
  readonly name: string;
  readonly document: string;
  readonly sections: readonly SectionDef[];
  readonly tables: Readonly<Record<TableId, TableDef>>;
  /** Every data cell in contract order. */
  readonly cells: readonly CellDef[];
  readonly cellById: ReadonlyMap<string, CellDef>;
  readonly rowById: ReadonlyMap<string, RowDef>;
}

const count = (id: string, label: string): ColumnDef => ({ id, label, kind: 'count' });

// ---------------------------------------------------------------- table 三 (shared, §3.2–§3.3)

export const T3_TOP_LEFT = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

export const APPLICANT_COLUMN_IDS = [
  'natural_person',
  'commercial_enterprise',
  'research_institution',
  'public_interest_org',
  'legal_service_org',
  'other_org',
] as const;
export type ApplicantColumnId = (typeof APPLICANT_COLUMN_IDS)[number];
export const T3_COLUMN_IDS = [...APPLICANT_COLUMN_IDS, 'total'] as const;
export type T3ColumnId = (typeof T3_COLUMN_IDS)[number];

export const T3_COLUMNS: readonly ColumnDef[] = [
  count('natural_person', '自然人'),
  count('commercial_enterprise', '商业企业'),
  count('research_institution', '科研机构'),
  count('public_interest_org', '社会公益组织'),
  count('legal_service_org', '法律服务机构'),
  count('other_org', '其他'),
  count('total', '总计'),
];
/** Header labels above the leaf columns (rendering only). */
export const T3_HEADER = { applicant: '申请人情况', legal_person_or_org: '法人或其他组织' } as const;

const OUTCOME = '三、本年度办理结果';

/** The four table 三 groups and their sub-rows (ID suffix, own label) — 不予公开 8, 无法提供 3, 不予处理 5, 其他处理 3. */
export const T3_GROUPS = [
  {
    id: 'outcome.withheld',
    label: '（三）不予公开',
    subs: [
      ['state_secret', '1.属于国家秘密'],
      ['prohibited_by_law', '2.其他法律行政法规禁止公开'],
      ['security_stability', '3.危及“三安全一稳定”'],
      ['third_party', '4.保护第三方合法权益'],
      ['internal_affairs', '5.属于三类内部事务信息'],
      ['process_info', '6.属于四类过程性信息'],
      ['enforcement_file', '7.属于行政执法案卷'],
      ['inquiry_matter', '8.属于行政查询事项'],
    ],
  },
  {
    id: 'outcome.unavailable',
    label: '（四）无法提供',
    subs: [
      ['not_held', '1.本机关不掌握相关政府信息'],
      ['needs_creation', '2.没有现成信息需要另行制作'],
      ['unclear_after_correction', '3.补正后申请内容仍不明确'],
    ],
  },
  {
    id: 'outcome.not_processed',
    label: '（五）不予处理',
    subs: [
      ['petition_complaint', '1.信访举报投诉类申请'],
      ['repeat', '2.重复申请'],
      ['publication', '3.要求提供公开出版物'],
      ['excessive', '4.无正当理由大量反复申请'],
      ['reissue', '5.要求行政机关确认或重新出具已获取信息'],
    ],
  },
  {
    id: 'outcome.other',
    label: '（六）其他处理',
    subs: [
      ['no_correction', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
      ['fee_unpaid', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'],
      ['other', '3.其他'],
    ],
  },
] as const;
export type T3GroupId = (typeof T3_GROUPS)[number]['id'];

function table3Rows(template: TemplateId): RowDef[] {
  const top = (id: string, label: string, kind: 'data' | 'group' = 'data'): RowDef => ({
    id,
    label,
    shortLabel: label,
    kind,
    columns: kind === 'data' ? T3_COLUMNS : [],
    depth: 0,
  });
  const under = (id: string, parentLabel: string, label: string, kind: 'data' | 'group', parent: string, depth: number): RowDef => ({
    id,
    label: `${parentLabel}/${label}`,
    shortLabel: label,
    kind,
    columns: kind === 'data' ? T3_COLUMNS : [],
    parent,
    depth,
  });
  const rows: RowDef[] = [
    top('received', '一、本年新收政府信息公开申请数量'),
    top('carried_in', '二、上年结转政府信息公开申请数量'),
    top('outcome', OUTCOME, 'group'),
    under('outcome.disclosed', OUTCOME, '（一）予以公开', 'data', 'outcome', 1),
    under('outcome.partial', OUTCOME, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', 'data', 'outcome', 1),
  ];
  for (const group of T3_GROUPS) {
    const flat = template === '2019' && group.id === 'outcome.other';
    rows.push(under(group.id, OUTCOME, group.label, flat ? 'data' : 'group', 'outcome', 1));
    if (flat) {
      continue;
    }
    for (const [suffix, label] of group.subs) {
      rows.push(under(`${group.id}.${suffix}`, `${OUTCOME}/${group.label}`, label, 'data', group.id, 2));
    }
  }
  rows.push(under('outcome.total', OUTCOME, '（七）总计', 'data', 'outcome', 1));
  rows.push(top('carried_out', '四、结转下年度继续办理'));
  return rows;
}

// ---------------------------------------------------------------- table 四 (§3.4, same in both)

export const T4_COLUMNS: readonly ColumnDef[] = [
  count('upheld', '结果维持'),
  count('corrected', '结果纠正'),
  count('other', '其他结果'),
  count('pending', '尚未审结'),
  count('total', '总计'),
];
export const T4_HEADER = { review: '行政复议', litigation: '行政诉讼', direct: '未经复议直接起诉', after_review: '复议后起诉' } as const;

const TABLE4_ROWS: readonly RowDef[] = [
  { id: 'review', label: '行政复议', shortLabel: '行政复议', kind: 'data', columns: T4_COLUMNS, depth: 0 },
  {
    id: 'litigation_direct',
    label: '行政诉讼/未经复议直接起诉',
    shortLabel: '未经复议直接起诉',
    kind: 'data',
    columns: T4_COLUMNS,
    depth: 1,
  },
  { id: 'litigation_after_review', label: '行政诉讼/复议后起诉', shortLabel: '复议后起诉', kind: 'data', columns: T4_COLUMNS, depth: 1 },
];

// ---------------------------------------------------------------- table 二 (§3.1, §4.1)

const ART20 = {
  art20_1: '第二十条第（一）项',
  art20_5: '第二十条第（五）项',
  art20_6: '第二十条第（六）项',
  art20_8: '第二十条第（八）项',
  art20_9: '第二十条第（九）项',
} as const;

function table2(
  blocks: readonly { id: keyof typeof ART20; columns: readonly ColumnDef[]; rows: readonly (readonly [string, string])[] }[],
) {
  const blockDefs: BlockDef[] = blocks.map((b) => ({ id: b.id, label: ART20[b.id], columns: b.columns }));
  const rows: RowDef[] = blocks.flatMap((b) =>
    b.rows.map(([id, label]): RowDef => ({ id, label, shortLabel: label, kind: 'data', columns: b.columns, block: b.id, depth: 0 })),
  );
  return { blocks: blockDefs, rows };
}

const T2_2021 = (() => {
  const stock = [count('issued', '本年制发件数'), count('repealed', '本年废止件数'), count('in_force', '现行有效件数')];
  const decisions = [count('decisions', '本年处理决定数量')];
  return table2([
    {
      id: 'art20_1',
      columns: stock,
      rows: [
        ['rules', '规章'],
        ['normative_documents', '行政规范性文件'],
      ],
    },
    { id: 'art20_5', columns: decisions, rows: [['licensing', '行政许可']] },
    {
      id: 'art20_6',
      columns: decisions,
      rows: [
        ['penalties', '行政处罚'],
        ['coercion', '行政强制'],
      ],
    },
    {
      id: 'art20_8',
      columns: [{ id: 'amount_wan', label: '本年收费金额（单位：万元）', kind: 'amount' }],
      rows: [['fees', '行政事业性收费']],
    },
  ]);
})();

const T2_2019 = (() => {
  const made = [count('new_made', '本年新制作数量'), count('new_published', '本年新公开数量'), count('published_total', '对外公开总数量')];
  const items: ColumnDef[] = [
    count('prior_items', '上一年项目数量'),
    { id: 'items_change', label: '本年增/减', kind: 'change' },
    count('decisions', '处理决定数量'),
  ];
  return table2([
    {
      id: 'art20_1',
      columns: made,
      rows: [
        ['rules', '规章'],
        ['normative_documents', '规范性文件'],
      ],
    },
    {
      id: 'art20_5',
      columns: items,
      rows: [
        ['licensing', '行政许可'],
        ['other_services', '其他对外管理服务事项'],
      ],
    },
    {
      id: 'art20_6',
      columns: items,
      rows: [
        ['penalties', '行政处罚'],
        ['coercion', '行政强制'],
      ],
    },
    { id: 'art20_8', columns: items.slice(0, 2), rows: [['fees', '行政事业性收费']] },
    {
      id: 'art20_9',
      columns: [count('procurement_items', '采购项目数量'), { id: 'procurement_amount', label: '采购总金额', kind: 'amount' }],
      rows: [['procurement', '政府集中采购']],
    },
  ]);
})();

// ---------------------------------------------------------------- sections (§2)

const SECTIONS_2021: readonly SectionDef[] = [
  { id: 'overview', heading: '一、总体情况' },
  { id: 'proactive', heading: '二、主动公开政府信息情况', table: '二' },
  { id: 'applications', heading: '三、收到和处理政府信息公开申请情况', table: '三' },
  { id: 'appeals', heading: '四、政府信息公开行政复议、行政诉讼情况', table: '四' },
  { id: 'problems', heading: '五、存在的主要问题及改进情况' },
  { id: 'other_matters', heading: '六、其他需要报告的事项' },
];
const SECTIONS_2019: readonly SectionDef[] = SECTIONS_2021.map((s) =>
  s.id === 'problems' ? { ...s, heading: '五、政府信息公开工作存在的主要问题及改进情况' } : s,
);

function buildTemplate(id: TemplateId, t2: { blocks: BlockDef[]; rows: RowDef[] }, sections: readonly SectionDef[]): ReportTemplate {
  const headingOf = (table: TableId) => sections.find((s) => s.table === table)?.heading ?? '';
  const tables: Record<TableId, TableDef> = {
    二: { table: '二', heading: headingOf('二'), rows: t2.rows, blocks: t2.blocks },
    三: { table: '三', heading: headingOf('三'), rows: table3Rows(id), blocks: [] },
    四: { table: '四', heading: headingOf('四'), rows: TABLE4_ROWS, blocks: [] },
  };
  const cells: CellDef[] = [];
  const rowById = new Map<string, RowDef>();
  for (const table of TABLE_IDS) {
    for (const row of tables[table].rows) {
      rowById.set(row.id, row);
      for (const column of row.columns) {
        cells.push({
          table,
          id: `${row.id}.${column.id}`,
          rowId: row.id,
          colId: column.id,
          row: row.label,
          column: column.label,
          kind: column.kind,
          order: cells.length,
        });
      }
    }
  }
  return {
    id,
    name: id === '2021' ? '政府信息公开工作年度报告格式（2021年）' : '中华人民共和国政府信息公开工作年度报告格式（试行）',
    document: id === '2021' ? '国办公开办函〔2021〕30号' : '国办公开办函〔2019〕60号',
    sections,
    tables,
    cells,
    cellById: new Map(cells.map((c) => [c.id, c])),
    rowById,
  };
}

/** 国办公开办函〔2021〕30号: used from the 2021 report year. 10 + 175 + 15 cells. */
export const TEMPLATE_2021: ReportTemplate = buildTemplate('2021', T2_2021, SECTIONS_2021);
/** 国办公开办函〔2019〕60号: used for the 2019 and 2020 report years. 22 + 161 + 15 cells. */
export const TEMPLATE_2019: ReportTemplate = buildTemplate('2019', T2_2019, SECTIONS_2019);

export const TEMPLATES: Readonly<Record<TemplateId, ReportTemplate>> = { '2021': TEMPLATE_2021, '2019': TEMPLATE_2019 };

/** The template the law prescribes for a report year (annual-report.md §1). */
export function templateForYear(year: number): TemplateId {
  return year <= 2020 ? '2019' : '2021';
}

/** Splits a cell ID at its last dot: row IDs may contain dots, column IDs never do. */
export function splitCellId(cellId: string): { rowId: string; colId: string } {
  const at = cellId.lastIndexOf('.');
  return { rowId: cellId.slice(0, at), colId: cellId.slice(at + 1) };
}

/** Table 三 leaf outcome rows (statute.md §4): 21 in the 2021 template, 19 in the 2019 template. */
export function leafOutcomeRows(template: ReportTemplate): readonly RowDef[] {
  return template.tables.三.rows.filter((r) => r.kind === 'data' && r.id.startsWith('outcome.') && r.id !== 'outcome.total');
}
