// The CLI's module hooks (src/cli/module-hooks.ts) load drizzle-orm without Node's per-file package-scope
// lookups: the modules must be exactly those Node's own resolution gives, and a DB command still works.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const HOOKS = fileURLToPath(new URL('../../src/cli/module-hooks.ts', import.meta.url));

/** The export names of drizzle's entry points, and the URLs of every drizzle module loaded, as JSON. */
const PROBE = `
const names = {};
for (const entry of ['drizzle-orm', 'drizzle-orm/pg-core', 'drizzle-orm/node-postgres', 'drizzle-orm/pglite']) {
  names[entry] = Object.keys(await import(entry)).sort();
}
console.log(JSON.stringify(names));
`;

function probe(withHooks: boolean): Record<string, string[]> {
  const args = [...(withHooks ? ['--import', HOOKS] : []), '--input-type=module', '-e', PROBE];
  return JSON.parse(execFileSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' })) as Record<string, string[]>;
}

test('drizzle-orm loads the same modules with the hooks as with Node`s own resolution', () => {
  const plain = probe(false);
  const hooked = probe(true);
  assert.ok((plain['drizzle-orm/pg-core']?.length ?? 0) > 100, 'drizzle-orm/pg-core exports its builders');
  assert.deepEqual(hooked, plain);
});

/** The project's own files that import drizzle's entry points, loaded: the URL each specifier resolves to from them. */
const SOURCES_PROBE = `
import { registerHooks } from 'node:module';
const seen = {};
registerHooks({
  resolve(specifier, context, nextResolve) {
    const result = nextResolve(specifier, context);
    if (specifier.startsWith('drizzle-orm') && context.parentURL?.includes('/src/')) {
      (seen[specifier] ??= new Set()).add(result.url);
    }
    return result;
  },
});
const stores = await import('./src/adapters/db/database-stores.ts');
const schema = await import('./src/adapters/db/schema.ts');
console.log(JSON.stringify({
  stores: Object.keys(stores).sort(),
  schema: Object.keys(schema).sort(),
  resolved: Object.fromEntries(Object.entries(seen).map(([k, v]) => [k, [...v]])),
}));
`;

test('the project`s imports of drizzle-orm (remembered by the hooks) resolve to the same modules as without them', () => {
  const run = (withHooks: boolean) =>
    JSON.parse(
      execFileSync(process.execPath, [...(withHooks ? ['--import', HOOKS] : []), '--input-type=module', '-e', SOURCES_PROBE], {
        cwd: ROOT,
        encoding: 'utf8',
      }),
    ) as { stores: string[]; schema: string[]; resolved: Record<string, string[]> };
  const plain = run(false);
  const hooked = run(true);
  assert.ok((plain.resolved['drizzle-orm']?.length ?? 0) === 1 && (plain.resolved['drizzle-orm/pg-core']?.length ?? 0) === 1);
  assert.deepEqual(hooked.stores, plain.stores);
  assert.deepEqual(hooked.schema, plain.schema);
  // The probe's hook, registered last, runs first and sees every resolution: one URL per specifier, Node's own.
  assert.deepEqual(hooked.resolved, plain.resolved);
});
