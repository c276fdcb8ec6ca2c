// The reader on other layouts of the same real reports (issue #9: "read by structure, not by layout"; the
// second set of real reports is kept apart, so the corpus's tables are re-laid out here the ways agencies
// publish them). Each variant of each report in test/fixtures/corpus/reports must give exactly the cells the
// report itself gives: pipes → tabs, one cell per line, leading pipes, an HTML table (alone or inside a page's
// layout table), full-width bars, a box-drawing grid; CRLF and no-break
// spaces; half-width punctuation; label typos; traditional characters; page numbers and running page
// headers inside the tables.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadSource } from '#adapters/documents/load-source.ts';
import { readReport } from '#core/reports/read/read-report.ts';

const CORPUS = fileURLToPath(new URL('./fixtures/corpus/reports/', import.meta.url));

// Run-together pages (g004–g010) have no layout to vary; PDFs are read from their bytes.
const FILES = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.txt') && !/^g0(?:0[4-9]|10)/.test(f))
  .sort();

const cellsOfRow = (line: string): string[] => {
  const cells = line.split('|').map((c) => c.trim());
  if (cells[0] === '') {
    cells.shift();
  }
  if (cells[cells.length - 1] === '') {
    cells.pop();
  }
  return cells;
};
/** A table row written with pipes: two cells with content at least. */
const isPipeRow = (line: string): boolean => line.split('|').filter((c) => c.trim() !== '').length >= 2;
const eachPipeRow = (text: string, write: (cells: string[]) => string[]): string =>
  text
    .split('\n')
    .flatMap((line) => (isPipeRow(line) ? write(cellsOfRow(line)) : [line]))
    .join('\n');
const everyNthLine = (text: string, n: number, insert: (k: number) => string[]): string =>
  text
    .split('\n')
    .flatMap((line, i) => ((i + 1) % n === 0 ? [line, ...insert((i + 1) / n)] : [line]))
    .join('\n');
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
/** The report as a page's article: pipe rows as `<table>`s, every other line a `<p>`. */
const asHtml = (text: string): string => {
  const html: string[] = [];
  let open = false;
  for (const line of text.split('\n')) {
    if (isPipeRow(line)) {
      html.push(
        `${open ? '' : '<table border="1">'}<tr>${cellsOfRow(line)
          .map((c) => `<td>${escapeHtml(c)}</td>`)
          .join('')}</tr>`,
      );
      open = true;
    } else {
      html.push(`${open ? '</table>' : ''}${line.trim() === '' ? '' : `<p>${escapeHtml(line)}</p>`}`);
      open = false;
    }
  }
  return `${html.join('\n')}${open ? '</table>' : ''}`;
};

// Traditional forms of the characters in the tables' labels (what a converter of a 繁體 page produces).
const TRADITIONAL = new Map(
  [
    ...'數数開开發发處处請请結结轉转總总計计許许罰罚強强費费務务規规範范廢废現现項项類类門门機机關关業业構构織织組组會会應应區区別别國国險险穩稳護护權权內内過过執执詢询無无沒没確确訪访舉举報报訴诉議议維维糾纠審审單单萬万額额條条經经產产對对與与為为這这個个來来時时間间後后問问題题說说認认識识進进長长獲获辦办證证縣县鄉乡鎮镇聯联網网頁页標标準准動动戶户屬属復复',
  ].flatMap((ch, i, all) => (i % 2 === 0 ? [[all[i + 1]!, ch] as const] : [])),
);

interface Variant {
  readonly name: string;
  readonly file: string;
  /** Only reports whose tables are pipe rows change under it. */
  readonly pipes?: boolean;
  readonly make: (text: string) => string;
}

const VARIANTS: readonly Variant[] = [
  { name: 'tabs', file: 'x.txt', pipes: true, make: (t) => eachPipeRow(t, (cells) => [cells.join('\t')]) },
  { name: 'one cell per line', file: 'x.txt', pipes: true, make: (t) => eachPipeRow(t, (cells) => [...cells, '']) },
  {
    name: 'leading pipes, one cell per line',
    file: 'x.txt',
    pipes: true,
    make: (t) => eachPipeRow(t, (cells) => cells.map((c) => `| ${c}`)),
  },
  { name: 'HTML table', file: 'x.html', pipes: true, make: (t) => `<html><body>${asHtml(t)}</body></html>` },
  {
    // Many agency sites put the article in one cell of a layout table, or beside a column of links.
    name: 'the whole page inside a layout table (the article in one cell)',
    file: 'x.html',
    make: (t) =>
      `<html><body><table width="100%"><tr><td class="content"><div id="zoom">${asHtml(t)}</div></td></tr></table></body></html>`,
  },
  {
    name: 'the article beside a column of links in a layout table',
    file: 'x.html',
    make: (t) =>
      `<html><body><table><tr><td width="200"><a href="/">首页</a><br><a href="/xxgk">政务公开</a></td><td>${asHtml(t)}</td></tr></table></body></html>`,
  },
  {
    name: 'full-width vertical bars (｜)',
    file: 'x.txt',
    pipes: true,
    make: (t) => eachPipeRow(t, (cells) => [`｜${cells.join('｜')}｜`]),
  },
  {
    name: 'a box-drawing grid (┌─┬─┐ │ │ ├─┼─┤)',
    file: 'x.txt',
    pipes: true,
    make: (t) => {
      const border = (cells: string[], [l, m, r]: string) => `${l}${cells.map((c) => '─'.repeat(c.length + 2)).join(m)}${r}`;
      return eachPipeRow(t, (cells) => [border(cells, '┌┬┐'), `│ ${cells.join(' │ ')} │`, border(cells, '└┴┘')]);
    },
  },
  {
    name: 'one cell per line ending in ` |`, with `|||` spacer lines',
    file: 'x.txt',
    pipes: true,
    make: (t) => eachPipeRow(t, (cells) => [...cells.map((c) => `${c} |`), '|||']),
  },
  {
    name: 'pipes on lines of their own',
    file: 'x.txt',
    pipes: true,
    make: (t) => eachPipeRow(t, (cells) => [...cells.flatMap((c) => ['|', c]), '|']),
  },
  {
    name: 'pipe rows then one cell per line, alternating in one table',
    file: 'x.txt',
    pipes: true,
    make: (t) => {
      let row = 0;
      return eachPipeRow(t, (cells) => (row++ % 2 === 0 ? [`| ${cells.join(' | ')} |`] : [...cells, '']));
    },
  },
  {
    // A `<br>` in a cell as a crawler writes the page: `| 信息内容 | 本年新` / `制作数量 | …`.
    name: 'a line break inside every text cell of more than three characters',
    file: 'x.txt',
    pipes: true,
    make: (t) =>
      eachPipeRow(t, (cells) => [
        `| ${cells.map((c) => (c.length > 3 && !/^[\d.,]/.test(c) ? `${c.slice(0, 3)}\n${c.slice(3)}` : c)).join(' | ')} |`,
      ]),
  },
  {
    // The same in the report's own layout (mostly bars after the cells only: `行政规范` / `性文件 | 0 | 0 | 3 |`).
    name: 'a line break inside long row labels and column headings, layout kept',
    file: 'x.txt',
    pipes: true,
    make: (t) =>
      t
        .split('\n')
        .map((line) =>
          isPipeRow(line)
            ? line
                .replace(/^(\s*\|?\s*)([^|]{9,}?)(\s*\|)/, (_, open, label, bar) => `${open}${label.slice(0, 5)}\n${label.slice(5)}${bar}`)
                .replace(/(\|\s*)([^|\s]{2,3})([^|\s]*(?:数量|件数))/g, '$1$2\n$3')
            : line,
        )
        .join('\n'),
  },
  {
    // Excel's "CSV (逗号分隔)": every line a record padded to the widest, RFC 4180 quoting, CRLF, a BOM.
    name: 'a CSV export of the whole report',
    file: 'x.csv',
    make: (t) => {
      const records = t.split('\n').map((line) => (isPipeRow(line) ? cellsOfRow(line) : [line]));
      const width = Math.max(...records.map((r) => r.length));
      const field = (c: string) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
      return `\ufeff${records.map((r) => [...r, ...Array(width - r.length).fill('')].map(field).join(',')).join('\r\n')}`;
    },
  },
  { name: 'CRLF and no-break spaces', file: 'x.txt', make: (t) => t.replace(/ \| /g, ' |\u00a0').replace(/\n/g, '\r\n') },
  {
    name: 'half-width brackets and punctuation',
    file: 'x.txt',
    make: (t) => t.replace(/（/g, '(').replace(/）/g, ')').replace(/：/g, ':').replace(/，/g, ','),
  },
  {
    name: 'label typos (申请数 for 申请数量, 上年结转的, 三安全一稳定 without its quotes)',
    file: 'x.txt',
    make: (t) =>
      t
        .replace(/本年新收政府信息公开申请数量/g, '本年新收政府信息公开申请数')
        .replace(/上年结转政府信息公开申请数量/g, '上年结转的政府信息公开申请数量')
        .replace(/危及“三安全一稳定”/g, '危及三安全一稳定'),
  },
  { name: 'traditional characters', file: 'x.txt', make: (t) => [...t].map((ch) => TRADITIONAL.get(ch) ?? ch).join('') },
  { name: 'page numbers inside the tables', file: 'x.txt', make: (t) => everyNthLine(t, 11, (k) => ['', `— ${k} —`, '']) },
  {
    name: 'running page headers inside the tables',
    file: 'x.txt',
    make: (t) => everyNthLine(t, 13, (k) => [`第 ${k} 页 共 9 页`, '某县人民政府办公室政府信息公开工作年度报告']),
  },
];

async function cellsOf(bytes: Uint8Array, name: string): Promise<Map<string, string>> {
  const loaded = await loadSource(bytes, name);
  assert.ok(loaded.ok, `${name} could not be loaded`);
  const { reading } = readReport(loaded.document, name);
  return new Map(reading.cells.map((c) => [c.id, `${c.value ?? c.raw}`]));
}

describe('the reader on other layouts of the corpus reports', async () => {
  const originals = new Map<string, { text: string; cells: Map<string, string> }>();
  for (const file of FILES) {
    const bytes = readFileSync(join(CORPUS, file));
    originals.set(file, { text: bytes.toString('utf8'), cells: await cellsOf(bytes, file) });
  }

  it('reads the originals (the baseline the variants are held to)', () => {
    const total = [...originals.values()].reduce((n, o) => n + o.cells.size, 0);
    // g011–g013 alone hold 3 × 200 cells.
    assert.ok(total > 1200, `only ${total} cells in the originals`);
  });

  for (const variant of VARIANTS) {
    it(`gives the same cells with ${variant.name}`, async () => {
      const differences: string[] = [];
      let compared = 0;
      for (const [file, original] of originals) {
        if (original.cells.size === 0 || (variant.pipes === true && !original.text.split('\n').some(isPipeRow))) {
          continue;
        }
        const text = variant.make(original.text);
        const name = file.replace(/\.txt$/, variant.file.slice(1));
        const cells = await cellsOf(new TextEncoder().encode(text), name);
        compared++;
        for (const [id, value] of original.cells) {
          if (cells.get(id) !== value) {
            differences.push(`${file} ${id}: ${value} → ${cells.get(id) ?? 'absent'}`);
          }
        }
        for (const id of cells.keys()) {
          if (!original.cells.has(id)) {
            differences.push(`${file} ${id}: absent → ${cells.get(id)}`);
          }
        }
      }
      assert.ok(compared >= 10, `only ${compared} reports vary under ${variant.name}`);
      assert.deepEqual(differences.slice(0, 20), [], `${differences.length} cells differ`);
    });
  }
});

// Full-width digits (`２０２３年`, `２１７１０`) as some word processors and crawlers write them: every text
// report, the run-together pages g004–g010 and the pdftotext pages (page numbers `- ３ -`) included.
describe('the reader on the corpus reports with full-width digits', () => {
  const all = readdirSync(CORPUS)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const fullWidth = (text: string) => text.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
  it('gives the same cells, year and template', async () => {
    const differences: string[] = [];
    let cells = 0;
    for (const file of all) {
      const text = readFileSync(join(CORPUS, file), 'utf8');
      const read = async (t: string) => {
        const loaded = await loadSource(new TextEncoder().encode(t), file);
        assert.ok(loaded.ok, file);
        return readReport(loaded.document, file).reading;
      };
      const original = await read(text);
      const variant = await read(fullWidth(text));
      const values = new Map(variant.cells.map((c) => [c.id, c.value]));
      for (const cell of original.cells) {
        cells++;
        if (values.get(cell.id) !== cell.value) {
          differences.push(`${file} ${cell.id}: ${cell.value} → ${values.get(cell.id) ?? 'absent'}`);
        }
      }
      if (variant.cells.length !== original.cells.length || variant.year !== original.year || variant.template !== original.template) {
        differences.push(`${file}: ${variant.cells.length} cells, ${variant.year}, ${variant.template}`);
      }
    }
    assert.ok(cells > 2000, `${cells} cells`);
    assert.deepEqual(differences.slice(0, 20), [], `${differences.length} differences`);
  });
});
