// The compact vendor index, computed in Node from the same manifests and encoder the tests check.
// Both the script tag (consentry.min.js) and the service worker (consentry-sw.js) inline it as a
// literal; one build computes it once.
//
// Exports (a stable shape; stage 1's ahead-of-time config reads them):
//   vendorIndex()          → Promise<string>  the index of the whole catalog (`encodeCatalog(catalog)`)
//   vendorIndexOf(ids)     → Promise<string>  the index of these catalog vendors only, in catalog order
//   vendorIds()            → Promise<string[]> every catalog id
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

let catalogModule;
function load() {
  catalogModule ??= (async () => {
    const out = await build({
      stdin: { contents: "export { catalog, encodeCatalog } from './packages/vendors/src/index.ts';", resolveDir: fileURLToPath(new URL('..', import.meta.url)), loader: 'ts' },
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      write: false,
      logLevel: 'error',
    });
    return import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].contents).toString('base64')}`);
  })();
  return catalogModule;
}

let index;
export function vendorIndex() {
  index ??= load().then((mod) => mod.encodeCatalog(mod.catalog));
  return index;
}

export async function vendorIndexOf(ids) {
  const mod = await load();
  const wanted = new Set(ids);
  return mod.encodeCatalog(Object.fromEntries(Object.entries(mod.catalog).filter(([id]) => wanted.has(id))));
}

export async function vendorIds() {
  return Object.keys((await load()).catalog);
}
