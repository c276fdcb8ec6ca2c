// Reads every import under src/ and fails on an arrow pointing the wrong way (architecture.md):
// core imports only core (no node:*, no packages); app imports only core and app.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';

const root = new URL('../', import.meta.url).pathname;

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      return sourceFiles(path);
    }
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

function importsOf(text: string): string[] {
  const specifiers: string[] = [];
  const pattern = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const match of text.matchAll(pattern)) {
    specifiers.push((match[1] ?? match[2]) as string);
  }
  return specifiers;
}

function violations(area: string, allowed: (specifier: string, file: string) => boolean): string[] {
  return sourceFiles(join(root, 'src', area)).flatMap((file) =>
    importsOf(readFileSync(file, 'utf8'))
      .filter((specifier) => !allowed(specifier, file))
      .map((specifier) => `${relative(root, file)} imports ${specifier}`),
  );
}

const staysInside = (area: string) => (specifier: string, file: string) => {
  if (specifier.startsWith('.')) {
    const target = join(file, '..', specifier);
    return relative(join(root, 'src', area), target).startsWith('..') === false;
  }
  return false;
};

describe('dependency direction', () => {
  test('core imports only core: no node:*, no packages', () => {
    const inCore = staysInside('core');
    assert.deepEqual(
      violations('core', (s, f) => inCore(s, f) || s.startsWith('#core/')),
      [],
    );
  });
  test('app imports only core and app', () => {
    const inApp = staysInside('app');
    assert.deepEqual(
      violations('app', (s, f) => inApp(s, f) || s.startsWith('#core/') || s.startsWith('#app/')),
      [],
    );
  });
  test('core reads no clock, environment or process', () => {
    const offending = sourceFiles(join(root, 'src', 'core')).filter((file) =>
      /\b(Date\.now\(|new Date\(\)|process\.|globalThis\.process|require\()/.test(readFileSync(file, 'utf8')),
    );
    assert.deepEqual(
      offending.map((f) => relative(root, f)),
      [],
    );
  });
  test('the scanner finds imports (guards against a vacuous pass)', () => {
    assert.ok(importsOf("import { a } from './b.ts';\nexport { c } from '#core/d.ts';").length === 2);
  });
});
