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
