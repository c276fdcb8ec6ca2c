// Reads every import under src/ and fails on an arrow pointing the wrong way (architecture.md,
// "Dependency direction"):
//   core     → core only: no node:*, no packages, no clock, no environment
//   app      → app and core only: no node:*, no packages (no SQL, Hono, paths), no process, no clock
//   adapters → their own area, app (ports), core, node:*, packages; never another adapter area
//   cli      → cli, app, core, node:*; only cli/main.ts wires (config, composition root)
//   web      → web, app, core, adapters/http
//   config   → config, core, node:*
// and only the entry points (src/main.ts, src/cli/main.ts) read config/ or process.env.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';

const root = new URL('../', import.meta.url).pathname;
const src = join(root, 'src');

/** Source files (tests excluded: they may reach anything) under `directory`, absolute. */
function sourceFiles(directory: string): string[] {
  if (!existsSync(directory)) {
    return [];
  }
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      return sourceFiles(path);
    }
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The specifiers of static imports, re-exports, side-effect imports and literal dynamic imports. */
function importsOf(text: string): string[] {
  const specifiers: string[] = [];
  const pattern =
    /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|(?:^|\n)\s*import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const match of text.matchAll(pattern)) {
    specifiers.push((match[1] ?? match[2] ?? match[3]) as string);
  }
  return specifiers;
}

/** Where an import lands: a src-relative path for project files, `node:` or `package:NAME` otherwise. */
function target(specifier: string, file: string): string {
  if (specifier.startsWith('.')) {
    return relative(src, join(file, '..', specifier));
  }
  const alias = /^#(core|app|adapters|cli|config|web)\/(.*)$/.exec(specifier);
  if (alias) {
    return `${alias[1]}/${alias[2]}`;
  }
  if (specifier.startsWith('#test/')) {
    return `test:${specifier}`;
  }
  if (specifier.startsWith('node:')) {
    return 'node:';
  }
  return `package:${specifier}`;
}

const areaOf = (path: string): string => path.split('/')[0] ?? '';
/** `adapters/db/x.ts` → `adapters/db`. */
const adapterAreaOf = (path: string): string => path.split('/').slice(0, 2).join('/');

interface Arrow {
  readonly from: string;
  readonly specifier: string;
  readonly to: string;
}

function arrowsFrom(area: string): Arrow[] {
  return sourceFiles(join(src, area)).flatMap((file) =>
    importsOf(readFileSync(file, 'utf8')).map((specifier) => ({ from: relative(src, file), specifier, to: target(specifier, file) })),
  );
}

const show = (arrows: readonly Arrow[]) => arrows.map((a) => `${a.from} imports ${a.specifier}`);

// Imports we accept across adapter areas, each with its reason. Keep this short.
const ADAPTER_EXCEPTIONS: readonly { readonly from: string; readonly to: string; readonly why: string }[] = [
  { from: 'adapters/workers', to: 'adapters/documents', why: 'a reader worker runs the document reader on its thread' },
];

describe('dependency direction', () => {
  test('core imports only core: no node:*, no packages', () => {
    assert.deepEqual(show(arrowsFrom('core').filter((a) => areaOf(a.to) !== 'core')), []);
  });

  test('app imports only app and core: no node:*, no packages (no SQL, Hono, paths)', () => {
    assert.deepEqual(show(arrowsFrom('app').filter((a) => !['app', 'core'].includes(areaOf(a.to)))), []);
  });

  test('adapters import their own area, app, core, node:* and packages; never another adapter area', () => {
    const bad = arrowsFrom('adapters').filter((a) => {
      if (a.to === 'node:' || a.to.startsWith('package:') || ['app', 'core'].includes(areaOf(a.to))) {
        return false;
      }
      if (areaOf(a.to) !== 'adapters') {
        return true; // cli, config, web, src root
      }
      const from = adapterAreaOf(a.from);
      const to = adapterAreaOf(a.to);
      return from !== to && !ADAPTER_EXCEPTIONS.some((e) => e.from === from && e.to === to);
    });
    assert.deepEqual(show(bad), []);
  });

  test('cli imports cli, app, core and node:*; only cli/main.ts reaches config/ and the composition root', () => {
    const bad = arrowsFrom('cli').filter((a) => {
      if (a.from === 'cli/main.ts' && (areaOf(a.to) === 'config' || a.to === 'composition-root.ts')) {
        return false;
      }
      // `gongkai bench` runs the benchmark of bench/ (a developer tool, loaded only by that command).
      if (a.from === 'cli/commands/bench.ts' && a.to.startsWith('../bench/')) {
        return false;
      }
      // `gongkai serve` and `gongkai demo` start the server entry point (src/main.ts, the server's
      // composition root); they wire nothing themselves.
      if ((a.from === 'cli/commands/serve.ts' || a.from === 'cli/commands/demo.ts') && a.to === 'main.ts') {
        return false;
      }
      return !['cli', 'app', 'core', 'node:'].includes(areaOf(a.to));
    });
    assert.deepEqual(show(bad), []);
  });

  test('web imports only web, app, core and adapters/http', () => {
    const bad = arrowsFrom('web').filter(
      (a) => !['web', 'app', 'core'].includes(areaOf(a.to)) && adapterAreaOf(a.to) !== 'adapters/http' && !a.to.startsWith('package:'),
    );
    assert.deepEqual(show(bad), []);
  });

  test('config imports only config, core and node:*', () => {
    assert.deepEqual(show(arrowsFrom('config').filter((a) => !['config', 'core', 'node:'].includes(areaOf(a.to)))), []);
  });

  test('only the entry points and the composition root import config/', () => {
    const entryPoints = new Set(['main.ts', 'cli/main.ts', 'composition-root.ts']);
    const all = [...sourceFiles(src)].flatMap((file) =>
      importsOf(readFileSync(file, 'utf8')).map((specifier) => ({ from: relative(src, file), specifier, to: target(specifier, file) })),
    );
    assert.deepEqual(show(all.filter((a) => areaOf(a.to) === 'config' && areaOf(a.from) !== 'config' && !entryPoints.has(a.from))), []);
    assert.deepEqual(show(all.filter((a) => a.to === 'composition-root.ts' && !entryPoints.has(a.from))), []);
  });

  test('only the entry points read process.env', () => {
    const offending = sourceFiles(src)
      .filter((file) => /\bprocess\.env\b/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(src, file))
      .filter((file) => file !== 'main.ts' && file !== 'cli/main.ts');
    assert.deepEqual(offending, []);
  });

  test('core reads no clock, environment or process', () => {
    const offending = sourceFiles(join(src, 'core')).filter((file) =>
      /\b(Date\.now\(|new Date\(\)|process\.[a-zA-Z]|globalThis\.process|require\()/.test(readFileSync(file, 'utf8')),
    );
    assert.deepEqual(
      offending.map((f) => relative(root, f)),
      [],
    );
  });

  test('app reads no clock or process: the time comes through the Clock port', () => {
    const offending = sourceFiles(join(src, 'app')).filter((file) =>
      /\b(Date\.now\(|new Date\(\)|process\.[a-zA-Z]|globalThis\.process|require\()/.test(readFileSync(file, 'utf8')),
    );
    assert.deepEqual(
      offending.map((f) => relative(root, f)),
      [],
    );
  });

  test('app writes no SQL: queries live in the stores that implement its ports', () => {
    const offending = sourceFiles(join(src, 'app')).filter((file) =>
      /\b(SELECT\s+[\w*]|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+TABLE)\b|\bsql`/.test(readFileSync(file, 'utf8')),
    );
    assert.deepEqual(
      offending.map((f) => relative(root, f)),
      [],
    );
  });

  test('the scanner finds every kind of import (guards against a vacuous pass)', () => {
    const text =
      "import { a } from './b.ts';\nexport { c } from '#core/d.ts';\nimport type { E } from 'hono';\nimport 'node:fs';\nawait import('#adapters/x/y.ts');";
    assert.deepEqual(importsOf(text), ['./b.ts', '#core/d.ts', 'hono', 'node:fs', '#adapters/x/y.ts']);
    assert.ok(arrowsFrom('core').length > 100);
    assert.ok(arrowsFrom('adapters').some((a) => a.to === 'node:'));
  });
});
