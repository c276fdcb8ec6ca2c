// Seeded mutations of real and generated reports for fuzzing the reader (issue #9): the suite's small
// fuzz test and scripts/fuzz-reader.ts draw from the same generator, so a failure found by the large
// run is reproduced by its seed and index.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { type RenderFormat, renderReport } from '#adapters/documents/render-report.ts';
import type { ReportDocument } from '#core/reports/report-model.ts';
import { arbitraryValidReport } from './arbitrary-report.ts';

export interface FuzzInput {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** What was done to the base, for a failure message. */
  readonly mutation: string;
}

/** A small fast PRNG (mulberry32): the same seed gives the same inputs on every machine. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEEDS_DIR = new URL('../fixtures/seeds/', import.meta.url);
const FORMATS: readonly [RenderFormat, string][] = [
  ['pipe', 'txt'],
  ['tab', 'txt'],
  ['cells', 'txt'],
  ['md', 'md'],
  ['html', 'html'],
  ['json', 'json'],
  ['docx', 'docx'],
  ['xlsx', 'xlsx'],
];

/** The unmutated inputs: the five seed reports and one generated report in every format. */
export async function fuzzBases(): Promise<FuzzInput[]> {
  const bases: FuzzInput[] = readdirSync(SEEDS_DIR)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, bytes: new Uint8Array(readFileSync(new URL(name, SEEDS_DIR))), mutation: 'none' }));
  const [doc] = fc.sample(arbitraryValidReport({ narrative: true }), { seed: 7, numRuns: 1 }) as ReportDocument[];
  for (const [format, extension] of FORMATS) {
    const rendered = await renderReport(doc as ReportDocument, format);
    bases.push({
      name: `generated.${extension}`,
      bytes: typeof rendered === 'string' ? Buffer.from(rendered) : rendered,
      mutation: 'none',
    });
  }
  // A CSV save of the tab rendering, quoted as Excel quotes (the reader's .csv path).
  const tab = String(await renderReport(doc as ReportDocument, 'tab'));
  const field = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  const csv = tab
    .split('\n')
    .map((line) => line.split('\t').map(field).join(','))
    .join('\r\n');
  bases.push({ name: 'generated.csv', bytes: Buffer.from(csv), mutation: 'none' });
  // A Word 97–2003 file (compound file, piece table, paragraph properties): no package of ours writes one.
  const doc97 = new URL('../fixtures/documents/seed-004.doc', import.meta.url);
  bases.push({ name: 'seed-004.doc', bytes: new Uint8Array(readFileSync(doc97)), mutation: 'none' });
  return bases;
}

// Fragments hostile to a reader: separators in runs, deep or wide markup, numbers that overflow,
// stray encodings, control characters.
const SNIPPETS = [
  '|'.repeat(500),
  '|||\n'.repeat(200),
  '\t'.repeat(300),
  '<td colspan="1000" rowspan="0">9</td>',
  '<table><tr><td>'.repeat(300),
  '<div>'.repeat(2000),
  '9'.repeat(400),
  '（一）予以公开 | 1 | 2 | 3 | 4 | 5 | 6 | 7\n'.repeat(50),
  '表三 收到和处理政府信息公开申请情况\n',
  '\u0000\u001b[2J\u202e',
  '\r\r\n\u2028',
  '\ufeff',
  '-'.repeat(300),
  '一、总体情况\n'.repeat(100),
  '<!--',
  '<![CDATA[',
  '&#xFFFFFF;&#0;&nbsp;'.repeat(50),
];

/** The `index`-th mutated input of a run with `seed` (independent of every other index). */
export function mutatedInput(bases: readonly FuzzInput[], seed: number, index: number): FuzzInput {
  const next = random((seed * 0x9e3779b1) ^ (index * 0x85ebca6b));
  const pick = (n: number) => Math.floor(next() * n);
  const base = bases[pick(bases.length)] as FuzzInput;
  let bytes: Uint8Array = base.bytes;
  const done: string[] = [];
  const steps = 1 + pick(3);
  // Text is cut at character boundaries (a cut inside a UTF-8 character makes the whole file
  // undecodable, which would hide every other mutation); flips and noise still break encodings.
  const boundary = (offset: number) => {
    let at = offset;
    while (at < bytes.length && ((bytes[at] as number) & 0xc0) === 0x80) {
      at += 1;
    }
    return at;
  };
  for (let step = 0; step < steps; step++) {
    const at = boundary(pick(bytes.length + 1));
    switch (pick(7)) {
      case 0: {
        const copy = new Uint8Array(bytes);
        const flips = 1 + pick(20);
        for (let i = 0; i < flips && copy.length > 0; i++) {
          copy[pick(copy.length)] = pick(256);
        }
        bytes = copy;
        done.push(`flip×${flips}`);
        break;
      }
      case 1:
        bytes = bytes.subarray(0, at);
        done.push(`cut@${at}`);
        break;
      case 2: {
        const end = boundary(at + 1 + pick(Math.min(4096, Math.max(1, bytes.length - at))));
        const length = end - at;
        const times = 2 + pick(7);
        const slice = bytes.subarray(at, end);
        bytes = concat([bytes.subarray(0, at), ...Array.from({ length: times }, () => slice), bytes.subarray(at)]);
        done.push(`repeat ${length}B×${times}@${at}`);
        break;
      }
      case 3: {
        const noise = new Uint8Array(1 + pick(64)).map(() => pick(256));
        bytes = concat([bytes.subarray(0, at), noise, bytes.subarray(at)]);
        done.push(`noise ${noise.length}B@${at}`);
        break;
      }
      case 4: {
        const snippet = Buffer.from(SNIPPETS[pick(SNIPPETS.length)] as string);
        bytes = concat([bytes.subarray(0, at), snippet, bytes.subarray(at)]);
        done.push(`snippet ${snippet.length}B@${at}`);
        break;
      }
      case 5: {
        const other = boundary(pick(bytes.length + 1));
        const [a, b] = at < other ? [at, other] : [other, at];
        bytes = concat([bytes.subarray(0, a), bytes.subarray(b), bytes.subarray(a, b)]);
        done.push(`swap@${a}-${b}`);
        break;
      }
      default: {
        const length = boundary(at + pick(Math.min(2048, Math.max(1, bytes.length - at)))) - at;
        bytes = concat([bytes.subarray(0, at), bytes.subarray(at + length)]);
        done.push(`delete ${length}B@${at}`);
      }
    }
  }
  return { name: base.name, bytes, mutation: `${base.name}: ${done.join(', ')}` };
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts));
}
