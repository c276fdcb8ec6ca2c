import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { unwrapLines, wrapWidth } from './unwrap-lines.ts';

// Lines of g011 (pdftotext -layout of 淮安市人民政府 2024), as wrapped at ~28 characters.
const WRAPPED = [
  '（二）依申请公开情况。定期对政府信息公开申请集中的领域和热',
  '点问题进行研判，探索从源头上解决实际问题。着力强化与申请人',
  '的直接沟通，准确了解申请人诉求，提高答复的及时性和针对性。',
  '2024 年，全市共受理政府信息公开申请 3119 件，答',
  '复 3050 件（含上年度结转申请 34 件，另有 103 件顺延到下年度',
  '答复），均在法定期限内予以答复。政府信息公开行政复议 351',
  '-2-',
  '件，其中结果维持 72 件，结果纠正 64 件，其他结果 178 件，尚',
  '未审结 37 件；政府信息公开行政诉讼 46 件，其中结果维持 25',
  '件，结果纠正 5 件，其他结果 9 件，尚未审结 7 件。',
  '（三）政府信息管理情况。在政府网站、政务新媒体、政府',
  '公报等公开平台发布信息时，坚持“先审查、后公开”“一事一',
  '审”工作原则，规范审查程序，建立健全重要事项公开保密审查',
  '协调机制，落实政府信息公开属性源头认定机制，加强政府信息',
  '源头管理工作。',
];

describe('wrapWidth', () => {
  test('a fixed-width text: its width', () => {
    assert.equal(wrapWidth(WRAPPED), 29);
  });

  test('paragraphs one per line, a cell per line, or too few full lines: not wrapped', () => {
    assert.equal(wrapWidth([WRAPPED.slice(0, 6).join(''), WRAPPED.slice(7, 10).join(''), ...WRAPPED.slice(10)]), undefined);
    assert.equal(wrapWidth(['规章', '0', '0', '15', '行政规范性文件', '1', '0', '12', '行政许可', '93', '行政处罚', '0']), undefined);
    assert.equal(wrapWidth(WRAPPED.slice(0, 6)), undefined);
  });

  test('full lines that end sentences (a list of items, each on a line) are not a wrap', () => {
    const items = Array.from({ length: 12 }, (_, i) => `${i + 1}.加强政府信息公开平台建设和日常监测管理工作第${i}项。`);
    assert.equal(wrapWidth(items), undefined);
  });
});

describe('unwrapLines', () => {
  test('joins each wrapped paragraph: a figure meets its unit, a page number inside is dropped, a new item starts a line', () => {
    // a paragraph's short last line ends it
    assert.deepEqual(unwrapLines(['第一段写满了一整行的文字内容，还没有写完这', '一句。', '第二段', '接着'], 20), [
      '第一段写满了一整行的文字内容，还没有写完这一句。',
      '第二段',
      '接着',
    ]);
    assert.deepEqual(unwrapLines(WRAPPED, 29), [
      '（二）依申请公开情况。定期对政府信息公开申请集中的领域和热点问题进行研判，探索从源头上解决实际问题。着力强化与申请人的直接沟通，准确了解申请人诉求，提高答复的及时性和针对性。',
      '2024 年，全市共受理政府信息公开申请 3119 件，答复 3050 件（含上年度结转申请 34 件，另有 103 件顺延到下年度答复），均在法定期限内予以答复。政府信息公开行政复议 351件，其中结果维持 72 件，结果纠正 64 件，其他结果 178 件，尚未审结 37 件；政府信息公开行政诉讼 46 件，其中结果维持 25件，结果纠正 5 件，其他结果 9 件，尚未审结 7 件。',
      '（三）政府信息管理情况。在政府网站、政务新媒体、政府公报等公开平台发布信息时，坚持“先审查、后公开”“一事一审”工作原则，规范审查程序，建立健全重要事项公开保密审查协调机制，落实政府信息公开属性源头认定机制，加强政府信息源头管理工作。',
    ]);
  });
});
