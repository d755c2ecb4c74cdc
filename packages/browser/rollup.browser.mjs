// The script-tag builds, in two stages (docs/size.md):
//   dist/consentry.min.js        stage 1, the guard (IIFE, synchronous in <head>): engine, Consent Mode,
//                                blocker, the compact vendor index, the proof recorder, window.Consentry
//   dist/consentry.esm.js        the same entry as a module
//   dist/chunks/experience.js    stage 2, fetched by the guard at once: vendor loaders, banner, dialog, Preact
//   dist/i18n/<lang>.js          one translation table, for a visitor who gets that language (at once)
//   dist/vendors/<id>.js         one vendor's full definition (loader + disclosure), per configured vendor (at once)
//   dist/consentry.compiled.js   stage 1 for a config checked ahead of time (consentry-build bakes it in)
//   dist/compile.mjs             consentry-build's validator and baker, for Node
//   dist/chunks/proof.js         the proof client, when config has `proof` (on idle or at the first decision)
import { readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import { vendorIndex } from '../../scripts/vendor-index.mjs';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const dir = 'packages/browser';
const LANGUAGES = ['lv', 'ru', 'et', 'lt', 'de', 'fr', 'es', 'pl'];
const VENDORS = readdirSync(here('../vendors/src/vendors'))
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => f.slice(0, -3));
const camel = (id) => id.replace(/-(\w)/g, (_, c) => c.toUpperCase());

// js-cookie's module only defines its API; unused (the proof file needs core's randomId, not the
// cookie store), it must not be kept for "side effects" it does not have.
const treeshake = { moduleSideEffects: (id) => !/[\\/]js-cookie[\\/]/.test(id) };

// The door's bundled parts (stage 2 imported, the proof client a dynamic import) are for apps that
// bundle Consentry; the script tag always hands over files, so its builds get `null` in their place.
const noBundledParts = {
  name: 'consentry-no-bundled-parts',
  resolveId: (source, importer) => (source === './bundled.js' && importer?.includes('packages/assembly/src/') ? '\0bundled' : null),
  load: (id) => (id === '\0bundled' ? 'export const bundled = null;' : null),
};

const plugins = () => [
  noBundledParts,
  nodeResolve({ extensions: ['.ts', '.tsx', '.mjs', '.js'], browser: true }),
  esbuild({ target: 'es2020', jsx: 'automatic', jsxImportSource: 'preact', tsconfig: 'tsconfig.base.json', minify: false }),
  terser({
    ecma: 2020,
    module: true,
    compress: { passes: 3, pure_getters: true, unsafe_arrows: true },
    format: { comments: false },
  }),
];

// src/vendor-index.ts derives the index from the whole catalog at run time (tests, npm); the script-tag
// build swaps in the precomputed literal so no vendor definition is bundled inline.
const inlineVendorIndex = {
  name: 'consentry-vendor-index',
  resolveId: (source, importer) => (source === './vendor-index.js' && importer?.includes(`${dir}/src/`) ? '\0vendor-index' : null),
  async load(id) {
    if (id !== '\0vendor-index') return null;
    return `export const VENDOR_INDEX = ${JSON.stringify(await vendorIndex())};`;
  },
};

// scriptBase() prefers document.currentScript; only the module build needs import.meta.url, so the
// IIFE does not carry rollup's import.meta polyfill.
const importMetaUrl = {
  name: 'consentry-import-meta',
  // A UI chunk left by an earlier build (before stage 2 existed) would be deployed (and measured) for nothing.
  buildStart: () => rmSync(here('dist/chunks/ui.js'), { force: true }),
  resolveImportMeta: (prop, { format }) => (format === 'iife' && prop === 'url' ? 'undefined' : null),
};

// A virtual entry per lazy file: registers one export (or an object of several) on window.__consentry[kind][name].
// `merge` ({ exportName: file }) adds more tables into that one export (a language file's vendor purposes).
const lazyEntry = (kind, name, file, exported, merge = {}) => ({
  // The printable name is what rollup's log shows; it resolves to a \0 id so no other plugin touches it.
  input: `lazy:${kind}/${name}`,
  treeshake,
  output: { file: `${dir}/dist/${kind}/${name}.js`, format: 'iife' },
  plugins: [
    {
      name: 'consentry-lazy-entry',
      resolveId: (id) => (id === `lazy:${kind}/${name}` ? `\0${id}` : null),
      load: (id) =>
        id === `\0lazy:${kind}/${name}`
          ? `import { ${[exported].flat().join(', ')} } from ${JSON.stringify(file)};\n${Object.entries(merge).map(([n, f]) => `import { ${n} } from ${JSON.stringify(f)};\n`).join('')}const r = (window.__consentry = window.__consentry || {});\n(r[${JSON.stringify(kind)}] = r[${JSON.stringify(kind)}] || {})[${JSON.stringify(name)}] = ${Array.isArray(exported) ? `{ ${exported.join(', ')} }` : Object.keys(merge).length ? `Object.assign({}, ${[exported, ...Object.keys(merge)].join(', ')})` : exported};`
          : null,
    },
    ...plugins(),
  ],
});

export default [
  {
    input: `${dir}/src/global.ts`,
    treeshake,
    output: [
      { file: `${dir}/dist/consentry.min.js`, format: 'iife', sourcemap: true },
      { file: `${dir}/dist/consentry.esm.js`, format: 'es', sourcemap: true },
    ],
    plugins: [inlineVendorIndex, importMetaUrl, ...plugins()],
  },
  // The compiled guard (docs/configuration.md "Checked ahead of time"): the same stage 1 on a config
  // consentry-build checked and compiled, so it carries no validator and no catalog index.
  {
    input: `${dir}/src/compiled-global.ts`,
    treeshake,
    output: { file: `${dir}/dist/consentry.compiled.js`, format: 'iife', sourcemap: true },
    plugins: [importMetaUrl, ...plugins()],
  },
  // consentry-build's code, for Node (bin/consentry-build.mjs): the validator, the catalog and bakeGuard.
  {
    input: `${dir}/src/compile.ts`,
    output: { file: `${dir}/dist/compile.mjs`, format: 'es' },
    plugins: [nodeResolve({ extensions: ['.ts', '.mjs', '.js'] }), esbuild({ target: 'node20', tsconfig: 'tsconfig.base.json' })],
  },
  lazyEntry('chunks', 'experience', here('src/parts/experience.ts'), 'stage2'),
  lazyEntry('chunks', 'proof', here('src/parts/proof.ts'), ['createProofClient', 'getNoticeTexts']),
  ...LANGUAGES.map((lang) => lazyEntry('i18n', lang, here(`../ui/src/i18n/${lang}.ts`), lang, { [`${lang}VendorTexts`]: here(`../vendors/src/i18n/${lang}.ts`) })),
  ...VENDORS.map((id) => lazyEntry('vendors', id, here(`../vendors/src/vendors/${id}.ts`), camel(id))),
];
