// The reader on the corpus's reports with a government web page's furniture around them, as a crawler
// or a user's copy of the whole page gives it (issue #9: the second set of real reports, kept apart, has
// pages the corpus's cleaned texts do not show): breadcrumbs, tool bars and publication lines above the
// title; previous/next links, related reports, attachments, the site's footer after the signature. Each
// must read as the report alone: the same cells, agency, year and template, and no new finding.
// What this caught: a breadcrumb taken for the organ above a title that names none (`首页 > 政务公开 >
// 政府信息公开年报`); on a page without section headings, an attachment's name or a related link after
// the tables taken for the title (`附件：1.2023年…年度报告.pdf`: agency `附件：1.`, year 2023 for a 2019
// report) and named as a report of another year (META-YEAR-TEXT).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { CORPUS_REPORTS, CORPUS_TEXTS, cellDifferences, readBytes } from './corpus-reading.ts';

const ABOVE: Readonly<Record<string, string>> = {
  breadcrumb: '首页 > 政务公开 > 政府信息公开年报',
  'breadcrumb with its label': '当前位置：首页>>信息公开>>年度报告',
  'breadcrumb with slashes': '您的位置：首页 / 政务公开 / 政府信息公开 / 年报',
  'breadcrumb with angle quotes': '首页 › 政府信息公开 › 政府信息公开年度报告',
  'tool bar': '【字体：大 中 小】 【打印】 【关闭】',
  'publication line': '发布时间：2024-01-18 09:30:21  来源：本网  浏览次数：1234',
  'share line': '分享到：微信 微博 QQ空间',
  'phone prompt': '扫一扫在手机打开当前页',
};

const BELOW: Readonly<Record<string, string>> = {
  'previous and next': '上一篇：关于2023年度部门预算公开的说明\n下一篇：2022年政府信息公开工作年度报告',
  'site footer':
    '主办单位：某县人民政府办公室 承办单位：某县大数据发展局\n网站标识码：5001020003 渝ICP备05003300号 渝公网安备 50011802001234号',
  'footer links': '联系我们 | 网站地图 | 使用帮助 | 隐私声明',
  attachment: '附件：1.2023年政府信息公开工作年度报告.pdf',
  'support line': '技术支持：某某信息技术有限公司  版权所有：某县人民政府',
  'related reports': '相关链接\n国务院办公厅2023年政府信息公开工作年度报告\n省人民政府2023年政府信息公开工作年度报告',
};

const VARIANTS: readonly (readonly [string, (text: string) => string])[] = [
  ...Object.entries(ABOVE).map(([name, lines]) => [name, (text: string) => `${lines}\n${text}`] as const),
  ...Object.entries(BELOW).map(([name, lines]) => [name, (text: string) => `${text}\n${lines}\n`] as const),
  ['all of them', (text: string) => `${Object.values(ABOVE).join('\n')}\n${text}\n${Object.values(BELOW).join('\n')}\n`],
];

// Lines after a text cut short inside a table (READ-TRUNCATED: the page ends there) show where the page
// ended: then the tables and sections after the cut are missing (STRUCT-TABLE, STRUCT-SECTION), the cells
// after the cut are blank cells of a table that goes on (CELL-BLANK; the cut text alone counts only those
// before the cut), and a footer's bar-separated links after a label cut before its values are read as that
// row's cells (CELL-TEXT).
const AFTER_A_CUT = new Set(['STRUCT-TABLE', 'STRUCT-SECTION', 'CELL-BLANK', 'CELL-TEXT']);

describe('the reader on the corpus with a web page around each report', () => {
  for (const file of CORPUS_TEXTS) {
    test(file, async () => {
      const bytes = readFileSync(`${CORPUS_REPORTS}${file}`);
      const text = new TextDecoder().decode(bytes);
      const alone = await readBytes(bytes, file);
      // Cut inside a table, or outside the tables (in a heading, mid-sentence in prose: probe round 18).
      const cut = alone.facts?.truncatedIn != null || alone.facts?.text.cutSection !== undefined;
      const rules = new Set(alone.reading.findings.map((f) => f.rule));
      const problems: string[] = [];
      for (const [name, withFurniture] of VARIANTS) {
        const page = await readBytes(new TextEncoder().encode(withFurniture(text)), file);
        const below = !Object.hasOwn(ABOVE, name);
        const cells = cut && below && (name === 'footer links' || name === 'all of them') ? [] : cellDifferences(alone, page);
        const added = [...new Set(page.reading.findings.map((f) => f.rule))].filter(
          (rule) => !rules.has(rule) && !(cut && below && AFTER_A_CUT.has(rule)),
        );
        for (const [what, want, got] of [
          ['agency', alone.reading.agency, page.reading.agency],
          ['year', alone.reading.year, page.reading.year],
          ['template', alone.reading.template, page.reading.template],
        ] as const) {
          if (want !== got) {
            problems.push(`${name}: ${what} ${want} → ${got}`);
          }
        }
        problems.push(...cells.map((d) => `${name}: ${d}`), ...added.map((rule) => `${name}: new finding ${rule}`));
      }
      assert.deepEqual(problems, []);
    });
  }
});
