// Faster loading of drizzle-orm for the commands that open the database. Node's ESM resolver looks up
// the package scope of every file it resolves or loads (to learn its format), and each lookup spreads the
// package's data — which JSON-parses drizzle-orm's 179 KB `exports` map again, once for each of the ~450
// files drizzle loads: drizzle-orm's entry alone took 0.57 s to import, the database stores 1.4–1.5 s; with
// these hooks 0.3–0.4 s (docs/benchmarks.md, eleventh round). The hooks answer only for drizzle-orm's own
// relative `.js` imports, whose format its package.json fixes (`"type": "module"`): the URL the default
// resolver would give, and the format it would find. Everything else goes to Node's resolver unchanged.

import * as nodeModule from 'node:module';

const DRIZZLE = '/node_modules/drizzle-orm/';

const isDrizzleFile = (url: string): boolean => url.includes(DRIZZLE) && url.endsWith('.js');

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
      return nextResolve(specifier, context);
    },
    load(url, context, nextLoad) {
      return isDrizzleFile(url) ? nextLoad(url, { ...context, format: 'module' }) : nextLoad(url, context);
    },
  });
}
