import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { arbitraryValidReport } from '#test/factories/arbitrary-report.ts';
import { READ_SCHEMA, type ReportReading } from '../report-model.ts';
import { TEMPLATE_2019, TEMPLATE_2021 } from '../template.ts';
import {
  documentToReading,
  parseReadingJson,
  readingToDocument,
  renderDocumentJson,
  renderReadingJson,
  renderReadingJsonLine,
  renderReadingJsonLineBytes,
} from './render-json.ts';

// Deliberately built with keys out of contract order, to show the renderer imposes the order.
const reading = {
  findings: [{ cells: ['received.total'], message: '表三“总计”列：不平衡', severity: 'error', rule: 'T3-BALANCE', fingerprint: 'abc' }],
  narrative: [{ value: 9, text: '收到政府信息公开申请9件' }],
  cells: [{ raw: '9', value: 9, id: 'received.total', column: '总计', row: '一、本年新收政府信息公开申请数量', table: '三' }],
  template: '2021',
  year: 2023,
  agency: '黄石市民政局',
  source: 'seeds/000.txt',
  schema: READ_SCHEMA,
} as unknown as ReportReading;

describe('renderReadingJson', () => {
  test('writes the contract keys in contract order, then the extra keys', () => {
    const object = JSON.parse(renderReadingJson(reading, { evaluations: [], schema: 'ignored' }));
    assert.deepEqual(Object.keys(object), [
      'schema',
      'source',
      'agency',
      'year',
      'template',
      'cells',
      'narrative',
      'findings',
      'evaluations',
    ]);
    assert.equal(object.schema, READ_SCHEMA);
  });

  test('orders the keys of cells, narrative values and findings as the contract does, fingerprint last', () => {
    const object = JSON.parse(renderReadingJson(reading));
    assert.deepEqual(Object.keys(object.cells[0]), ['table', 'row', 'column', 'id', 'value', 'raw']);
    assert.deepEqual(Object.keys(object.narrative[0]), ['text', 'value']);
    assert.deepEqual(Object.keys(object.findings[0]), ['rule', 'severity', 'message', 'cells', 'fingerprint']);
  });

  test('is one compact line with Chinese text unescaped', () => {
    const line = renderReadingJson(reading);
    assert.ok(!line.includes('\n'));
    assert.ok(!line.includes(': ') && !line.includes(', '));
    assert.ok(line.includes('黄石市民政局'));
    assert.ok(!line.includes('\\u'));
  });

  test('a finding without a fingerprint gets no fingerprint key', () => {
    const plain = {
      ...reading,
      findings: [{ rule: 'CELL-BLANK', severity: 'notice', message: '表四有15个单元格为空', cells: [] }],
    } as ReportReading;
    assert.deepEqual(Object.keys(JSON.parse(renderReadingJson(plain)).findings[0]), ['rule', 'severity', 'message', 'cells']);
  });
});

describe('renderReadingJson is JSON.stringify of the contract object (issue #9: written piece by piece)', () => {
  /** The contract object as the renderer built it before, stringified whole: the reference text. */
  const reference = (r: ReportReading, extra: Record<string, unknown> = {}): string =>
    JSON.stringify({
      schema: r.schema,
      source: r.source,
      agency: r.agency,
      year: r.year,
      template: r.template,
      cells: r.cells.map((c) => ({ table: c.table, row: c.row, column: c.column, id: c.id, value: c.value, raw: c.raw })),
      narrative: r.narrative.map((n) => ({ text: n.text, value: n.value })),
      findings: r.findings.map((f) => ({
        rule: f.rule,
        severity: f.severity,
        message: f.message,
        cells: [...f.cells],
        ...('fingerprint' in f ? { fingerprint: f.fingerprint } : {}),
      })),
      ...Object.fromEntries(Object.entries(extra).filter(([key]) => !['schema', 'cells', 'findings'].includes(key))),
    });

  const cell = (id: string, value: number | null, raw: string, row = '一、本年新收政府信息公开申请数量') =>
    ({ table: '三', row, column: '总计', id, value, raw }) as const;

  test('odd values and texts: null, -0, NaN, Infinity, decimals, quotes, backslashes, controls, lone surrogates', () => {
    const odd = {
      ...reading,
      source: 'a "quoted"\\path\u0001.txt',
      agency: null,
      year: null,
      cells: [
        cell('received.total', null, '—'),
        cell('carried_in.total', -0, '-0'),
        cell('outcome.total.total', Number.NaN, 'NaN'),
        cell('carried_out.total', Number.POSITIVE_INFINITY, '∞'),
        cell('fees.amount_wan', 712.187895, '712.187895万元'),
        cell('review.total', 1e21, '1e21'),
        cell('litigation.total', 3, 'a "b" \\ \n \u0007 \ud800 \u2028 end'),
      ],
    } as unknown as ReportReading;
    assert.equal(renderReadingJson(odd), reference(odd));
    assert.equal(
      renderReadingJson(odd, { evaluations: [{ a: 1, b: undefined }], text: undefined }),
      reference(odd, { evaluations: [{ a: 1 }] }),
    );
    // The JSON Lines form `report check --json` writes: the same text and one line break.
    assert.equal(renderReadingJsonLine(odd, { evaluations: [{ a: 1 }] }), `${reference(odd, { evaluations: [{ a: 1 }] })}\n`);
    const noSchema = { ...odd, schema: undefined } as unknown as ReportReading;
    assert.equal(renderReadingJsonLine(noSchema), `${reference(noSchema)}\n`);
  });

  test('the UTF-8 bytes form is the line as Node encodes it, in a buffer reused from call to call', () => {
    const bytesOf = (r: ReportReading, extra?: Record<string, unknown>): Buffer => Buffer.from(renderReadingJsonLineBytes(r, extra));
    const odd = {
      ...reading,
      source: 'a "quoted"\\path\u0001 é ß 中文 😀.txt',
      agency: '黄石市\u00a0民政局 \ud83d\ude00',
      cells: [
        cell('received.total', null, '—'),
        cell('carried_in.total', -0, '-0'),
        cell('outcome.total.total', Number.NaN, 'NaN'),
        cell('fees.amount_wan', 712.187895, '712.187895万元'),
        cell('litigation.total', 3, 'a "b" \\ \n \u0007 \ud800 \u2028 \udfff end 😀'),
        cell('review.total', 12, '12'),
      ],
    } as unknown as ReportReading;
    const extra = { evaluations: [{ a: 1, s: 'x\ud800y' }] };
    assert.deepEqual(bytesOf(odd, extra), Buffer.from(renderReadingJsonLine(odd, extra), 'utf8'));
    // Larger than the first buffer (64 KB): it grows; a shorter line after it is not followed by the old tail.
    const long = { ...odd, source: '长'.repeat(40_000) } as unknown as ReportReading;
    assert.deepEqual(bytesOf(long), Buffer.from(renderReadingJsonLine(long), 'utf8'));
    assert.deepEqual(bytesOf(reading), Buffer.from(renderReadingJsonLine(reading), 'utf8'));
    fc.assert(
      fc.property(arbitraryValidReport(), fc.string({ unit: 'binary' }), (doc, source) => {
        const r = documentToReading(doc, source);
        assert.deepEqual(bytesOf(r), Buffer.from(renderReadingJsonLine(r), 'utf8'));
      }),
      { numRuns: 30, seed: 11 },
    );
  });

  test('a cell ID seen before with another row label is written with its own label (the cached head is checked)', () => {
    const first = { ...reading, cells: [cell('received.total', 1, '1')] } as unknown as ReportReading;
    const second = { ...reading, cells: [cell('received.total', 2, '2', '（一）新收申请')] } as unknown as ReportReading;
    assert.equal(renderReadingJson(first), reference(first));
    assert.equal(renderReadingJson(second), reference(second));
    assert.ok(renderReadingJson(second).includes('"row":"（一）新收申请"'));
  });

  test('generated readings of both templates', () => {
    fc.assert(
      fc.property(arbitraryValidReport(), (doc) => {
        const r = documentToReading(doc, 'x.txt');
        assert.equal(renderReadingJson(r), reference(r));
      }),
      { numRuns: 30, seed: 9 },
    );
  });
});

describe('parseReadingJson', () => {
  test('reads back what renderReadingJson wrote', () => {
    const parsed = parseReadingJson(renderReadingJson(reading));
    assert.ok(parsed.ok);
    assert.equal(renderReadingJson(parsed.reading), renderReadingJson(reading));
  });

  test('accepts a line with a byte-order mark and a trailing newline, as files saved on Windows have', () => {
    assert.ok(parseReadingJson(`\uFEFF${renderReadingJson(reading)}\r\n`).ok);
  });

  const bad: readonly (readonly [string, string, RegExp])[] = [
    ['text that is not JSON', '{"schema":', /^不是有效的JSON：内容在结尾处不完整$/],
    [
      'JSON with a syntax error, placed by line and column (no English parser detail)',
      '{\n  "schema": x}',
      /^不是有效的JSON：第2行第13列附近有语法错误$/,
    ],
    ['an array', '[]', /应为一个对象/],
    ['another schema', JSON.stringify({ ...reading, schema: 'gongkai/report-read@2' }), /不支持的格式“gongkai\/report-read@2”/],
    ['a missing source', JSON.stringify({ ...reading, source: undefined }), /“source”应为字符串/],
    ['a year as text', JSON.stringify({ ...reading, year: '2023' }), /“year”应为正整数或null/],
    ['an unknown template', JSON.stringify({ ...reading, template: '2017' }), /“template”/],
    [
      'a cell value as text',
      JSON.stringify({ ...reading, cells: [{ ...reading.cells[0], value: '9' }] }),
      /“cells\[0\]\.value”应为数字或null/,
    ],
    ['a cell of table 一', JSON.stringify({ ...reading, cells: [{ ...reading.cells[0], table: '一' }] }), /“cells\[0\]\.table”/],
    ['an unknown rule', JSON.stringify({ ...reading, findings: [{ ...reading.findings[0], rule: 'NO-SUCH-RULE' }] }), /规则“NO-SUCH-RULE”/],
    [
      'a bad severity',
      JSON.stringify({ ...reading, findings: [{ ...reading.findings[0], severity: 'fatal' }] }),
      /“findings\[0\]\.severity”/,
    ],
    ['narrative not a list', JSON.stringify({ ...reading, narrative: {} }), /“narrative”应为数组/],
  ];
  for (const [what, text, message] of bad) {
    test(`rejects ${what} with a Chinese message`, () => {
      const parsed = parseReadingJson(text);
      assert.equal(parsed.ok, false);
      assert.match(parsed.ok ? '' : parsed.error, message);
    });
  }

  test('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
        const parsed = parseReadingJson(text);
        assert.equal(typeof parsed.ok, 'boolean');
      }),
    );
  });
});

describe('readingToDocument and renderDocumentJson', () => {
  test('a document survives document → JSON → reading → document with the same template and cells', () => {
    fc.assert(
      fc.property(arbitraryValidReport({ blanks: true }), (doc) => {
        const parsed = parseReadingJson(renderDocumentJson(doc, 'x.json'));
        assert.ok(parsed.ok);
        const back = readingToDocument(parsed.reading);
        assert.equal(back.template, doc.template);
        assert.equal(back.agency, doc.agency);
        assert.equal(back.year, doc.year);
        assert.deepEqual(new Map([...back.cells].sort()), new Map([...doc.cells].sort()));
      }),
      { numRuns: 30 },
    );
  });

  test('a document JSON lists cells in contract order with official labels, no narrative and no findings', () => {
    const doc = readingToDocument({ ...reading, cells: [] });
    const cells = new Map([
      ['outcome.withheld.total', { value: 2, raw: '2' }],
      ['received.total', { value: 9, raw: '9' }],
      ['rules.issued', { value: 1, raw: '1' }],
    ]);
    const object = documentToReading({ ...doc, cells }, 'a.txt');
    assert.deepEqual(
      object.cells.map((c) => [c.table, c.row, c.column, c.id]),
      [
        ['二', '规章', '本年制发件数', 'rules.issued'],
        ['三', '一、本年新收政府信息公开申请数量', '总计', 'received.total'],
        ['三', '三、本年度办理结果/（三）不予公开', '总计', 'outcome.withheld.total'],
      ],
    );
    assert.deepEqual([object.narrative, object.findings], [[], []]);
  });

  test('an unknown or mixed template becomes the template the report year prescribes, else 2021', () => {
    assert.equal(readingToDocument({ ...reading, template: 'unknown', year: 2020 }).template, TEMPLATE_2019.id);
    assert.equal(readingToDocument({ ...reading, template: 'mixed', year: 2022 }).template, TEMPLATE_2021.id);
    assert.equal(readingToDocument({ ...reading, template: 'unknown', year: null }).template, TEMPLATE_2021.id);
    assert.equal(readingToDocument({ ...reading, template: '2019', year: 2023 }).template, TEMPLATE_2019.id);
  });
});
