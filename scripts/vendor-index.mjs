// The compact vendor index, computed in Node from the same catalog and encoder the tests check.
// Both the script tag (consentry.min.js) and the service worker (consentry-sw.js) inline it as a
// literal; one build computes it once.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

let index;
export function vendorIndex() {
  index ??= (async () => {
    const out = await build({
      stdin: { contents: "export { catalog, encodeCatalog } from './packages/vendors/src/index.ts';", resolveDir: fileURLToPath(new URL('..', import.meta.url)), loader: 'ts' },
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      write: false,
      logLevel: 'error',
    });
    const mod = await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].contents).toString('base64')}`);
    return mod.encodeCatalog(mod.catalog);
  })();
  return index;
}
