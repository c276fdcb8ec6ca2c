// The HTML path on real government web pages. The run-together pages g004–g010 of the corpus (平潭综合实验区,
// 2019–2025) were read by hand from the companion page.html that the archive stores beside each page text;
// test/fixtures/corpus/html holds those pages' article regions with their markup verbatim (real CMS output:
// <p> and nested <span>s inside <td>, inline styles with line breaks inside them, <br/>, colspan/rowspan,
// &nbsp;, a table 三 label cell repeated with its rowspan, one character per paragraph in table 四's headers,
// the site's title/source/tabs chrome before the article). Each page must give exactly the truth's cells
// (matched as the corpus test matches them: scripts/score-reader.mjs), and its year, agency and template.

import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { CORPUS, ROOT, runScorer, type Scored } from './corpus-scorer.ts';

const PAGES = join(ROOT, 'test/fixtures/corpus/html');
/** The pages kept so far (2019 template: g004; 2021 template: the others). */
const EXPECTED = ['g004.html', 'g007.html', 'g008.html', 'g009.html', 'g010.html'];

test('real government web pages (HTML) give exactly the hand-read cells, year, agency and template', async () => {
  const pages = readdirSync(PAGES)
    .filter((f) => f.endsWith('.html'))
    .sort();
  assert.deepEqual(pages, EXPECTED);
  const dir = await mkdtemp(join(tmpdir(), 'gongkai-real-html-'));
  try {
    const jsonPath = join(dir, 'score.json');
    // the truth of gNNN.html is the corpus's gNNN.json (read from the same page)
    const run = await runScorer({ jsonPath, corpus: PAGES, expected: CORPUS });
    assert.ok(run.code === 0 || run.code === 1, `scorer failed (${run.code}): ${run.err}\n${run.out}`);
    const scored = JSON.parse(await readFile(jsonPath, 'utf8')) as Scored;
    assert.deepEqual(
      scored.files.map((f) => f.file),
      pages,
    );
    const problems: string[] = [];
    let cells = 0;
    for (const f of scored.files) {
      const say = (what: string) => problems.push(`${f.file}: ${what}`);
      if (!f.readerOk) {
        say('no reader output');
        continue;
      }
      if (!f.template.ok) say(`template ${f.template.got}, truth ${f.template.gt}`);
      if (!f.year.ok) say(`year ${f.year.got}, truth ${f.year.gt}`);
      if (f.agency.ok !== true) say(`agency ${f.agency.got}, truth ${f.agency.gt}`);
      for (const [table, [hit, total]] of Object.entries(f.tables)) {
        // every page shows all three tables in full
        if (total === 0) say(`no cell of table ${table} in the truth`);
        cells += hit;
      }
      for (const w of f.wrong) say(`wrong ${w}`);
      for (const c of f.falseCells) say(`false ${c}`);
      if (f.duplicates > 0) say(`${f.duplicates} cells reported twice`);
    }
    assert.deepEqual(problems, [], run.out);
    // 2019 template: 21 + 161 + 15 cells; 2021 template: 10 + 175 + 15
    assert.ok(cells >= 198 * pages.length, `only ${cells} cells matched`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
