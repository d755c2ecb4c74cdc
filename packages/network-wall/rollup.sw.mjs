// The service worker file a site deploys beside consentry.min.js: packages/browser/dist/consentry-sw.js.
// Its bytes are never in a page's critical path (a worker loads it off the main thread, once per update),
// but the catalog goes in as the compact index (as in consentry.min.js), not as the vendor definitions.
import { fileURLToPath } from 'node:url';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import { vendorIndex } from '../../scripts/vendor-index.mjs';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

const inlineIndex = {
  name: 'consentry-sw-index',
  resolveId: (source, importer) => (source === './catalog-index.js' && importer?.includes('network-wall') ? '\0sw-index' : null),
  async load(id) {
    return id === '\0sw-index' ? `export const VENDOR_INDEX = ${JSON.stringify(await vendorIndex())};` : null;
  },
};

export default [
  {
    input: here('src/sw-entry.ts'),
    // js-cookie has no side effects the worker needs (it reads cookies through cookieStore).
    treeshake: { moduleSideEffects: (id) => !/[\\/]js-cookie[\\/]/.test(id) },
    output: { file: here('../browser/dist/consentry-sw.js'), format: 'iife' },
    plugins: [
      inlineIndex,
      nodeResolve({ extensions: ['.ts', '.mjs', '.js'], browser: true }),
      esbuild({ target: 'es2020', tsconfig: 'tsconfig.base.json' }),
      terser({ ecma: 2020, compress: { passes: 2 }, format: { comments: false } }),
    ],
  },
];
