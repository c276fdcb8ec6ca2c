// The server-drawn charts: a readable axis top, shares that add up in words, an empty chart that
// still says what it shows, and labels escaped like any other text.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { axisTop, renderBarChart, renderColumnChart, shareText } from '#web/console/admin/svg-charts.ts';

test('axisTop: 1, 2 or 5 times a power of ten at or above the largest value', () => {
  assert.deepEqual([0, 1, 3, 7, 10, 11, 48, 120, 501].map(axisTop), [1, 1, 5, 10, 10, 20, 50, 200, 1000]);
});

test('shareText: one decimal, no trailing .0, 0% of nothing', () => {
  assert.deepEqual([shareText(1, 3), shareText(2, 4), shareText(0, 0), shareText(7, 7)], ['33.3%', '50%', '0%', '100%']);
});

test('an empty chart is still an image with its title and description; bars of zero height', () => {
  const svg = String(
    renderColumnChart({
      id: 'c',
      title: '每月申请',
      desc: '没有收到申请。',
      unit: '件',
      bars: [
        { label: '1月', value: 0 },
        { label: '2月', value: 0 },
      ],
    }),
  );
  assert.match(svg, /^<svg class="chart" role="img" aria-labelledby="c-title c-desc"/);
  assert.match(svg, /<title id="c-title">每月申请<\/title><desc id="c-desc">没有收到申请。<\/desc>/);
  assert.equal(svg.match(/height="0\.0"/g)?.length, 2);
  assert.match(svg, /<title>1月：0件<\/title>/);
});

test('labels are escaped; the longest bar spans the plot and the others in proportion', () => {
  const svg = String(
    renderBarChart({
      id: 'b',
      title: '<结果>',
      desc: 'a & b',
      unit: '件',
      bars: [
        { label: '予以公开', value: 4 },
        { label: '<b>x</b>', value: 1 },
      ],
    }),
  );
  assert.match(svg, /<title id="b-title">&lt;结果&gt;<\/title><desc id="b-desc">a &amp; b<\/desc>/);
  assert.match(svg, /&lt;b&gt;x&lt;\/b&gt;/);
  // Plot width 640 - 110 - 110 = 420: 4 of 4 → 420, 1 of 4 → 105.
  assert.match(svg, /<rect x="110" y="10" width="420\.0"/);
  assert.match(svg, /<rect x="110" y="40" width="105\.0"/);
  assert.match(svg, /4件（80%）/);
});
