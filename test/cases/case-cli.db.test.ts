// `gongkai case import` and `gongkai report compile` as the Contracts of issue #7 state them, run
// in-process against the test database (DATABASE_URL), on both engines.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { runInProcess } from '#test/cli/run-in-process.ts';
import { forEachEngine } from '#test/db-harness.ts';
import { addAgency, NOW } from './case-fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'gongkai-case-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const LINES = [
  {
    externalId: 'X-1',
    channel: 'in_person',
    received: '2024-12-20',
    applicantType: 'natural_person',
    events: [{ type: 'replied', date: '2025-01-10', outcome: 'outcome.disclosed' }],
    outcome: 'outcome.disclosed',
  },
  { externalId: 'X-2', channel: 'online', received: '2025-02-03', applicantType: 'legal_service_org', events: [], outcome: null },
  { externalId: 'X-3', channel: 'fax', received: '2025-02-30', applicantType: 'natural_person', events: [], outcome: null },
  {
    externalId: 'X-4',
    channel: 'fax',
    received: '2025-02-03',
    applicantType: 'natural_person',
    events: [{ type: 'replied', date: '2025-02-10', outcome: 'outcome.partial' }],
    outcome: 'outcome.disclosed',
  },
];

forEachEngine('gongkai case import / report compile', ({ database }) => {
  test('case import reports each bad line by number, imports the rest, exits 1; a rerun imports nothing new', async () => {
    const { pool, url } = await database();
    const agency = await addAgency(pool, '契约市民政局');
    const file = join(dir, `${agency.slug}.jsonl`);
    writeFileSync(file, `${LINES.map((l) => JSON.stringify(l)).join('\n')}\n{oops\n`);
    const env = { DATABASE_URL: url, GONGKAI_DATA_DIR: dir, GONGKAI_USER: 'tester' };
    const run = (args: string[]) => runInProcess(args, { env, cwd: dir, isTTY: false, now: () => NOW });
    const first = await run(['case', 'import', file, '--agency', agency.slug, '--json']);
    assert.equal(first.code, 1, first.err);
    const report = JSON.parse(first.out);
    assert.deepEqual([report.imported, report.rejected], [2, 3]);
    assert.deepEqual(
      report.lines.filter((l: { status: string }) => l.status === 'rejected').map((l: { line: number }) => l.line),
      [3, 4, 5],
    );
    const text = await run(['case', 'import', file, '--agency', agency.slug]);
    assert.equal(text.code, 1);
    assert.match(text.err, /第 3 行（X-3）：“received”不是有效日期/);
    assert.match(text.err, /第 4 行（X-4）：“outcome”（"outcome.disclosed"）与答复事件的结果（outcome.partial）不一致/);
    assert.match(text.err, /第 5 行：不是有效的 JSON/);
    assert.match(text.out, /导入 0 件，更新 0 件，未变 2 件，拒绝 3 行/);
    writeFileSync(file, `${JSON.stringify(LINES[0])}\n`);
    assert.equal((await run(['case', 'import', file, '--agency', agency.slug])).code, 0);
    assert.equal((await run(['case', 'import', join(dir, 'missing.jsonl'), '--agency', agency.slug])).code, 64);
    assert.equal((await run(['case', 'import', file, '--agency', 'no-such-agency'])).code, 3);

    const compiled = await run(['report', 'compile', '--agency', agency.slug, '--year', '2025', '--json']);
    assert.equal(compiled.code, 0, compiled.err);
    const outputLines = compiled.out.trim().split('\n');
    assert.equal(outputLines.length, 1);
    const reading = JSON.parse(outputLines[0]!);
    assert.equal(reading.schema, 'gongkai/report-read@1');
    assert.deepEqual([reading.agency, reading.year, reading.template], ['契约市民政局', 2025, '2021']);
    const cells = new Map<string, number>(reading.cells.map((c: { id: string; value: number }) => [c.id, c.value]));
    assert.equal(reading.cells.filter((c: { table: string }) => c.table === '三').length, 175);
    assert.equal(reading.cells.filter((c: { table: string }) => c.table === '四').length, 15);
    assert.deepEqual(
      [
        'received.legal_service_org',
        'received.total',
        'carried_in.natural_person',
        'outcome.disclosed.natural_person',
        'carried_out.legal_service_org',
        'review.total',
      ].map((id) => cells.get(id)),
      [1, 1, 1, 1, 1, 0],
    );
    assert.deepEqual(
      reading.findings.map((f: { rule: string }) => f.rule),
      ['CELL-BLANK'],
    );
    const table2 = {
      'rules.issued': '0',
      'rules.repealed': '0',
      'rules.in_force': '0',
      'normative_documents.issued': '2',
      'normative_documents.repealed': '1',
      'normative_documents.in_force': '30',
      'licensing.decisions': '120',
      'penalties.decisions': '7',
      'coercion.decisions': '0',
      'fees.amount_wan': '0.35',
    };
    for (const [id, value] of Object.entries(table2)) {
      const set = await run(['report', 'set', '--agency', agency.slug, '--year', '2025', `cell:${id}`, value]);
      assert.equal(set.code, 0, set.err);
    }
    assert.equal((await run(['report', 'set', '--agency', agency.slug, '--year', '2025', 'cell:outcome.total.total', '9'])).code, 64);
    const complete = JSON.parse((await run(['report', 'compile', '--agency', agency.slug, '--year', '2025', '--json'])).out);
    assert.deepEqual(complete.findings, []);
    assert.equal(complete.cells.find((c: { id: string }) => c.id === 'fees.amount_wan').raw, '0.35');
    const appeal = await run(['case', 'appeal', 'add', '--agency', agency.slug, '--kind', 'review', '--filed', '2025-03-01', '--json']);
    assert.equal(appeal.code, 0, appeal.err);
    const { id } = JSON.parse(appeal.out);
    assert.equal(
      (await run(['case', 'appeal', 'decide', '--agency', agency.slug, String(id), '--date', '2025-04-01', '--decision', 'revoked'])).code,
      0,
    );
    assert.equal(
      (await run(['case', 'appeal', 'decide', '--agency', agency.slug, String(id), '--date', '2025-04-02', '--decision', 'upheld'])).code,
      5,
    );
    const withAppeal = JSON.parse((await run(['report', 'compile', '--agency', agency.slug, '--year', '2025', '--json'])).out);
    assert.deepEqual(
      ['review.corrected', 'review.total'].map((cell) => withAppeal.cells.find((c: { id: string }) => c.id === cell).value),
      [1, 1],
    );
    assert.deepEqual(withAppeal.findings, []);
    const shown = await run(['case', 'list', '--agency', agency.slug, '--json']);
    assert.equal(JSON.parse(shown.out).total, 2);
  });

  test('case new, event, show: staff entry with its real arrival date, events with exit 5 on a refused one', async () => {
    const { pool, url } = await database();
    const agency = await addAgency(pool, '登记市民政局');
    const env = { DATABASE_URL: url, GONGKAI_DATA_DIR: dir, GONGKAI_USER: 'clerk' };
    const run = (args: string[]) => runInProcess(args, { env, cwd: dir, isTTY: false, now: () => NOW });
    const created = await run([
      'case',
      'new',
      '--agency',
      agency.slug,
      '--applicant-type',
      'commercial_enterprise',
      '--name',
      '某某有限公司',
      '--uscc',
      '91350100M000100Y43',
      '--phone',
      '0591-0000000',
      '--description',
      '某项目的环评批复',
      '--delivery',
      'post',
      '--channel',
      'post_signed',
      '--received',
      '2025-06-03',
      '--json',
    ]);
    assert.equal(created.code, 0, created.err);
    const { caseCode, due } = JSON.parse(created.out);
    assert.equal(due, '2025-07-01');
    const bad = await run([
      'case',
      'new',
      '--agency',
      agency.slug,
      '--applicant-type',
      'commercial_enterprise',
      '--name',
      'X',
      '--uscc',
      '91350100M000100Y44',
      '--phone',
      '1',
      '--description',
      'd',
      '--delivery',
      'post',
    ]);
    assert.equal(bad.code, 64);
    assert.match(bad.err, /applicant.uscc：统一社会信用代码校验码不正确/);
    const replied = await run([
      'case',
      'event',
      caseCode,
      'replied',
      '--date',
      '2025-06-20',
      '--outcome',
      'outcome.withheld.third_party',
      '--json',
    ]);
    assert.equal(replied.code, 0, replied.err);
    assert.equal(JSON.parse(replied.out).state, 'replied');
    const refused = await run(['case', 'event', caseCode, 'withdrawn', '--date', '2025-06-21']);
    assert.equal(refused.code, 5);
    assert.match(refused.err, /案件已办结/);
    const shown = await run(['case', 'show', caseCode]);
    assert.match(
      shown.out,
      /办理结果：三、本年度办理结果\/（三）不予公开\/4.保护第三方合法权益（outcome.withheld.third_party），2025-06-20 办结/,
    );
    assert.equal((await run(['case', 'show', 'GK2025-999999'])).code, 3);
  });
});
