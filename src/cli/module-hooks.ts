// Faster loading of drizzle-orm for the commands that open the database. Node's ESM resolver looks up
// the package scope of every file it resolves or loads (to learn its format), and each lookup spreads the
// package's data — which JSON-parses drizzle-orm's 179 KB `exports` map again, once for each of the ~450
// files drizzle loads: drizzle-orm's entry alone took 0.57 s to import, the database stores 1.4–1.5 s; with
// these hooks 0.3–0.4 s (docs/benchmarks.md, eleventh round). The hooks answer only for drizzle-orm's own
// relative `.js` imports, whose format its package.json fixes (`"type": "module"`): the URL the default
// resolver would give, and the format it would find. The project's own imports of drizzle's entry points
// (`drizzle-orm`, `drizzle-orm/pg-core`, … from ~30 files under src/) parse that map again each time too
// (~4–5 ms each, 0.14 s of a `deadline` with a data directory): their first resolution is remembered, as
// the same specifier from any file under src/ resolves to the same package. Everything else goes to Node's
// resolver unchanged.

import * as nodeModule from 'node:module';

const DRIZZLE = '/node_modules/drizzle-orm/';

const isDrizzleFile = (url: string): boolean => url.includes(DRIZZLE) && url.endsWith('.js');

/** The project's sources: every file here finds drizzle-orm in the project's own node_modules. */
const SOURCES = new URL('../', import.meta.url).href;

const isDrizzleEntry = (specifier: string): boolean => specifier === 'drizzle-orm' || specifier.startsWith('drizzle-orm/');

/** Resolutions of drizzle's entry points from the project's sources, by specifier and conditions. */
const entries = new Map<string, nodeModule.ResolveFnOutput>();

// module.registerHooks is in every supported Node (22.15+, 23.5+); without it, Node's own resolution.
if (typeof nodeModule.registerHooks === 'function') {
  nodeModule.registerHooks({
    resolve(specifier, context, nextResolve) {
      const parent = context.parentURL;
      if (
        parent !== undefined &&
        isDrizzleFile(parent) &&
        (specifier.startsWith('./') || specifier.startsWith('../')) &&
        specifier.endsWith('.js')
      ) {
        return { url: new URL(specifier, parent).href, format: 'module', shortCircuit: true };
      }
      if (parent?.startsWith(SOURCES) === true && isDrizzleEntry(specifier)) {
        const key = `${specifier}\0${context.conditions.join(',')}`;
        const known = entries.get(key);
        if (known !== undefined) {
          return known;
        }
        const resolved = nextResolve(specifier, context);
        entries.set(key, { ...resolved, shortCircuit: true });
        return resolved;
      }
      return nextResolve(specifier, context);
    },
    load(url, context, nextLoad) {
      return isDrizzleFile(url) ? nextLoad(url, { ...context, format: 'module' }) : nextLoad(url, context);
    },
  });
}
