import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SourceDocument } from '../report-model.ts';
import { readReport } from './read-report.ts';
import { withoutRunningHeaders } from './running-headers.ts';

const text = (doc: SourceDocument): string => doc.blocks.map((b) => (b.kind === 'text' ? b.text : '')).join('\n');

// One cell per line, cut by a page break whose header repeats the title.
const PAGED = [
  '二、主动公开政府信息情况',
  '第二十条第（一）项',
  '信息内容',
  '本年制发件数',
  '本年废止件数',
  '现行有效件数',
  '规章',
  '0',
  '某县民政局2023年政府信息公开工作年度报告  第2页',
  '0',
  '3',
  '行政规范性文件',
  '4',
  '1',
  '某县民政局2023年政府信息公开工作年度报告  第3页',
  '12',
].join('\n');

describe('running page headers', () => {
  it('drops every repeat of a header that names the report and puts one copy first, as the title', () => {
    const doc = withoutRunningHeaders({ blocks: [{ kind: 'text', text: PAGED }] });
    assert.equal(
      text(doc),
      `某县民政局2023年政府信息公开工作年度报告\n${PAGED.replace(/某县民政局2023年政府信息公开工作年度报告 {2}第\d页\n/g, '')}`,
    );
    const { reading } = readReport({ blocks: [{ kind: 'text', text: PAGED }] }, 'paged.txt');
    const v = Object.fromEntries(reading.cells.filter((c) => c.table === '二').map((c) => [c.id, c.value]));
    assert.deepEqual(v, {
      'rules.issued': 0,
      'rules.repealed': 0,
      'rules.in_force': 3,
      'normative_documents.issued': 4,
      'normative_documents.repealed': 1,
      'normative_documents.in_force': 12,
    });
    assert.equal(reading.agency, '某县民政局');
    assert.equal(reading.year, 2023);
  });

  it('leaves a document alone when no such line recurs: a title once, 特此报告 twice, other repeated lines', () => {
    const once: SourceDocument = {
      blocks: [{ kind: 'text', text: `某县民政局2023年政府信息公开工作年度报告\n${PAGED.split('\n').slice(0, 8).join('\n')}` }],
    };
    assert.equal(withoutRunningHeaders(once), once);
    const other: SourceDocument = { blocks: [{ kind: 'text', text: '特此报告\n0\n特此报告\n联系电话：12345\n联系电话：12345' }] };
    assert.equal(withoutRunningHeaders(other), other);
  });

  it('counts a header across blocks (a PDF gives one block per page)', () => {
    const doc = withoutRunningHeaders({
      blocks: [
        { kind: 'text', text: '区政务公开年度报告\n规章\n0' },
        { kind: 'text', text: '区政务公开年度报告\n0\n0' },
      ],
    });
    assert.deepEqual(
      doc.blocks.map((b) => (b.kind === 'text' ? b.text : '')),
      ['区政务公开年度报告', '规章\n0', '0\n0'],
    );
  });

  it('keeps a title naming no organ under its organ’s line, where the page’s header showed it too (probeI10 012)', () => {
    const page = [
      '365体育官网',
      '',
      '2019年度政府信息公开年度报告',
      '发布时间:2020-01-19 10:56??????来源:办公室?????浏览量:次',
      '字体:',
      '',
      '衡阳市国资委',
      '',
      '2019年度政府信息公开年度报告',
      '',
      '  编制说明:本年度报告根据国家、省、市政府信息公开相关法律、法规的规定编制,内容包括:总体情况、行政机关主动公开政府信息情况、行政机关收到和处理政府信息公开申请情况、因政府信息公开工作被申请行政复议、提起行政诉讼情况、政府信息公开工作存在的主要问题及改进情况、其他需要报告的事项等六项内容。',
      '  一、总体情况 ',
      '  2019年,我委的政府信息公开工作在深化政府信息公开内容、完善政府信息公开配套工作、加强政府信息公开基础性工作,做好公开解读回应及推进政务公开工作要点等方面取得了新的进展。',
    ].join('\n');
    // the header's copy goes; the title under 衡阳市国资委 stays, and no copy is put first
    assert.equal(
      text(withoutRunningHeaders({ blocks: [{ kind: 'text', text: page }] })),
      page.replace('2019年度政府信息公开年度报告\n发布时间', '发布时间'),
    );
    const { reading } = readReport({ blocks: [{ kind: 'text', text: page }] }, 'page.txt');
    assert.deepEqual([reading.agency, reading.year], ['衡阳市国资委', 2019]);
  });

  it('still drops a title naming no organ from a table, under a cell’s line (its copy put first)', () => {
    const header = '2023年政府信息公开工作年度报告';
    const cells = ['规章', '0', header, '0', '3', '行政规范性文件', header, '4', '1', '12'].join('\n');
    const doc = withoutRunningHeaders({ blocks: [{ kind: 'text', text: cells }] });
    assert.equal(text(doc), [header, '规章', '0', '0', '3', '行政规范性文件', '4', '1', '12'].join('\n'));
  });
});
