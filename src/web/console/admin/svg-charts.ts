// Charts drawn on the server as SVG (issue #8 dashboard): no script, no inline style (the CSP allows
// neither), presentation attributes only. Each chart is an image to assistive technology
// (role="img", labelled by its <title> and described by its <desc>, which states the figures in
// words), each bar carries its own <title>, and the page puts the same numbers in a data table.
import { html } from 'hono/html';
import type { Html } from '../../portal/layout.ts';

export interface ChartBar {
  readonly label: string;
  readonly value: number;
}

export interface ChartSpec {
  /** Unique on the page: the ids of <title> and <desc> derive from it. */
  readonly id: string;
  readonly title: string;
  /** The figures in words (what a screen reader says). */
  readonly desc: string;
  readonly bars: readonly ChartBar[];
  /** Unit after each number, e.g. 件. */
  readonly unit: string;
}

const INK = '#1a1a1a';
const BAR = '#1f4e8c';
const GRID = '#767676';

/** A "nice" top of the value axis (1, 2, 5 × 10ⁿ) at or above the largest value; 1 for an empty chart. */
export function axisTop(max: number): number {
  if (max <= 0) {
    return 1;
  }
  const magnitude = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 5, 10].find((m) => m * magnitude >= max) ?? 10;
  return step * magnitude;
}

const frame = (spec: ChartSpec, width: number, height: number, body: Html): Html =>
  html`<svg class="chart" role="img" aria-labelledby="${spec.id}-title ${spec.id}-desc" viewBox="0 0 ${width} ${height}" width="100%" preserveAspectRatio="xMidYMid meet" xmlns="http://www.w3.org/2000/svg" font-family="sans-serif" font-size="12"><title id="${spec.id}-title">${spec.title}</title><desc id="${spec.id}-desc">${spec.desc}</desc>${body}</svg>`;

/** Vertical bars (e.g. applications per month), the value above each bar, the label below. */
export function renderColumnChart(spec: ChartSpec): Html {
  const width = 640;
  const height = 260;
  const left = 40;
  const top = 20;
  const bottom = 40;
  const plotHeight = height - top - bottom;
  const slot = (width - left - 10) / Math.max(spec.bars.length, 1);
  const barWidth = Math.max(4, slot * 0.6);
  const max = axisTop(Math.max(0, ...spec.bars.map((bar) => bar.value)));
  const y = (value: number) => top + plotHeight - (value / max) * plotHeight;
  const ticks = [0, max / 2, max].filter((tick) => Number.isInteger(tick));
  return frame(
    spec,
    width,
    height,
    html`<g aria-hidden="true">${ticks.map(
      (tick) =>
        html`<line x1="${left}" x2="${width - 10}" y1="${y(tick).toFixed(1)}" y2="${y(tick).toFixed(1)}" stroke="${GRID}" stroke-width="0.5"/><text x="${left - 6}" y="${(y(tick) + 4).toFixed(1)}" text-anchor="end" fill="${INK}">${tick}</text>`,
    )}</g>${spec.bars.map((bar, i) => {
      const x = left + i * slot + (slot - barWidth) / 2;
      const barTop = y(bar.value);
      return html`<g><title>${bar.label}：${bar.value}${spec.unit}</title><rect x="${x.toFixed(1)}" y="${barTop.toFixed(1)}" width="${barWidth.toFixed(1)}" height="${(top + plotHeight - barTop).toFixed(1)}" fill="${BAR}"/><text x="${(x + barWidth / 2).toFixed(1)}" y="${(barTop - 4).toFixed(1)}" text-anchor="middle" fill="${INK}">${bar.value}</text><text x="${(x + barWidth / 2).toFixed(1)}" y="${height - bottom + 16}" text-anchor="middle" fill="${INK}">${bar.label}</text></g>`;
    })}`,
  );
}

/** Horizontal bars (e.g. the outcome mix): label on the left, value and share on the right. */
export function renderBarChart(spec: ChartSpec): Html {
  const rowHeight = 30;
  const width = 640;
  const labelWidth = 110;
  const valueWidth = 110;
  const height = spec.bars.length * rowHeight + 10;
  const total = spec.bars.reduce((sum, bar) => sum + bar.value, 0);
  const max = Math.max(1, ...spec.bars.map((bar) => bar.value));
  const plotWidth = width - labelWidth - valueWidth;
  return frame(
    spec,
    width,
    height,
    html`${spec.bars.map((bar, i) => {
      const yTop = 5 + i * rowHeight;
      const barWidth = (bar.value / max) * plotWidth;
      return html`<g><title>${bar.label}：${bar.value}${spec.unit}（${shareText(bar.value, total)}）</title><text x="${labelWidth - 8}" y="${yTop + 19}" text-anchor="end" fill="${INK}">${bar.label}</text><rect x="${labelWidth}" y="${yTop + 5}" width="${barWidth.toFixed(1)}" height="${rowHeight - 10}" fill="${BAR}"/><text x="${(labelWidth + barWidth + 6).toFixed(1)}" y="${yTop + 19}" fill="${INK}">${bar.value}${spec.unit}（${shareText(bar.value, total)}）</text></g>`;
    })}`,
  );
}

/** A share as a percentage with one decimal (`0%` when the total is 0). */
export function shareText(value: number, total: number): string {
  return total === 0 ? '0%' : `${((value / total) * 100).toFixed(1).replace(/\.0$/, '')}%`;
}
