// The "minimal loop" of issue #9's speed goal, as a process: reads every file of a folder, splits the
// table lines into cells and writes one JSON line per file — what any reader must at least do. The
// whole-process figure of `report check` is compared with this one, measured in the same run.
// Usage: node bench/minimal-loop.ts DIR > out.jsonl
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? '.';
const decoder = new TextDecoder('utf-8');
for (const name of readdirSync(dir).sort()) {
  const text = decoder.decode(readFileSync(join(dir, name)));
  const cells: string[][] = [];
  for (const line of text.split('\n')) {
    if (line.includes('|') || line.includes('\t') || line.includes('<td')) {
      cells.push(line.split(/\||\t|<\/?t[dh][^>]*>/).map((cell) => cell.trim()));
    }
  }
  process.stdout.write(`${JSON.stringify({ source: join(dir, name), cells })}\n`);
}
