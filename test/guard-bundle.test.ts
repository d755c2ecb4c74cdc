// What stage 1 (consentry.min.js, synchronous in <head>) is made of, bundled from source the way the
// script-tag build bundles it (minified, the vendor index inlined as its compact string): only the
// firewall. The UI, the proof client, the vendor definitions and their disclosure adapters are
// stage 2 files; a module that slips back in is paid on every page view before the first paint.
import { build, type Metafile, type PluginBuild } from 'esbuild';
import { brotliCompressSync, constants } from 'node:zlib';
import { beforeAll, expect, it } from 'vitest';
import { catalog, encodeCatalog } from '../packages/vendors/src/index.js';

let inputs: string[];

// As packages/browser/rollup.browser.mjs: the door's bundled parts are for apps, not the script tag.
const noBundledParts = {
  name: 'no-bundled-parts',
  setup(b: PluginBuild) {
    b.onResolve({ filter: /^\.\/bundled\.js$/ }, (a) => (a.importer.includes('packages/assembly/src/') ? { path: 'bundled', namespace: 'none' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'none' }, () => ({ contents: 'export const bundled = null;', loader: 'js' }));
  },
};
let brotli: number;

beforeAll(async () => {
  const index = JSON.stringify(encodeCatalog(catalog));
  const out = await build({
    entryPoints: ['packages/browser/src/global.ts'],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    write: false,
    metafile: true,
    logLevel: 'error',
    plugins: [
      {
        name: 'vendor-index',
        setup(b) {
          b.onResolve({ filter: /\/vendor-index\.js$/ }, () => ({ path: 'vendor-index', namespace: 'inline' }));
          b.onLoad({ filter: /.*/, namespace: 'inline' }, () => ({ contents: `export const VENDOR_INDEX = ${index};`, loader: 'js' }));
        },
      },
      noBundledParts,
    ],
  });
  // What made it into the file (the metafile's own inputs list every module parsed, shaken or not).
  const output = Object.values((out.metafile as Metafile).outputs)[0]!;
  inputs = Object.entries(output.inputs).filter(([, v]) => v.bytesInOutput > 0).map(([k]) => k);
  brotli = brotliCompressSync(out.outputFiles[0]!.contents, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
}, 30_000);

it('carries no UI, Preact, proof client, vendor definition or cookie library', () => {
  // Allowed from the UI package: choosing the visitor's language, so its table is fetched in
  // parallel with the page rather than after stage 2 has arrived.
  const offending = inputs.filter((f) => /packages\/(ui|proof)\/|packages\/vendors\/src\/(vendors|i18n)\/|preact|js-cookie/.test(f) && !f.endsWith('packages/ui/src/language.ts'));
  expect(offending).toEqual([]);
});

// Issue 22: the ceiling rises by 40 B brotli per catalog vendor added since the 32-vendor catalog (the
// inlined index grows with the catalog); scripts/size.mjs measures each vendor's share against the same 40 B.
it('stays under its size ceiling (esbuild here; scripts/size.mjs measures the rollup file)', () => {
  // Issue 24 (rules by jurisdiction) added ~0.9 KB, issue 22's one door ~0.6 KB, issue 20's no-throw stubs ~0.27 KB.
  const added = Object.keys(catalog).length - 32;
  expect(brotli, `guard: ${brotli} B brotli`).toBeLessThanOrEqual(23.75 * 1024 + 40 * added);
});

// The compiled guard (consentry.compiled.js): the config was checked ahead of time by consentry-build,
// so stage 1 carries neither the validator with its messages nor the catalog index and its names.
it('the compiled guard carries no validator, no catalog index and no vendor definition', async () => {
  const out = await build({
    entryPoints: ['packages/browser/src/compiled-global.ts'],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    write: false,
    metafile: true,
    logLevel: 'error',
    plugins: [noBundledParts],
  });
  const output = Object.values((out.metafile as Metafile).outputs)[0]!;
  const used = Object.entries(output.inputs).filter(([, v]) => v.bytesInOutput > 0).map(([k]) => k);
  const offending = used.filter((f) => /packages\/core\/src\/config\.ts|packages\/vendors\/src\/(catalog|compact)\.ts|packages\/vendors\/src\/(vendors|data|i18n)\/|vendor-index|packages\/(ui|proof)\/src\/(?!language\.ts)|preact/.test(f));
  expect(offending).toEqual([]);
  const text = new TextDecoder().decode(out.outputFiles[0]!.contents);
  expect(text).not.toContain('did you mean');
  expect(text).not.toContain('Hotjar');
}, 30_000);
