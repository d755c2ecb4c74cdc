// One build for every package: ESM + .d.ts into packages/<name>/dist.
// The script-tag IIFE lives in packages/browser/rollup.browser.mjs (imported below) so this file stays readable.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dts } from 'rollup-plugin-dts';
import esbuild from 'rollup-plugin-esbuild';

const onlyArg = process.env.PACKAGES?.split(',');
// The server bundles itself for Node with its own esbuild script (see packages/server/package.json).
const skip = new Set(['server']);
const packages = readdirSync('packages').filter(
  (name) => existsSync(`packages/${name}/src/index.ts`) && !skip.has(name) && (!onlyArg || onlyArg.includes(name)),
);

function externals(name) {
  const pkg = JSON.parse(readFileSync(`packages/${name}/package.json`, 'utf8'));
  const deps = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies });
  // A Svelte component ships as source beside the entry; the app's Svelte compiler compiles it.
  return (id) => deps.some((d) => id === d || id.startsWith(`${d}/`)) || /^node:/.test(id) || id.endsWith('.svelte');
}

// Copies each src/*.svelte (and its hand-written .svelte.d.ts) into dist, where the entry imports it.
const svelteSources = (name) => ({
  name: 'consentry-svelte-sources',
  generateBundle() {
    for (const file of readdirSync(`packages/${name}/src`).filter((f) => /\.svelte(\.d\.ts)?$/.test(f))) {
      this.emitFile({ type: 'asset', fileName: file, source: readFileSync(`packages/${name}/src/${file}`, 'utf8') });
    }
  },
});

// Next.js App Router: the published React bindings must mark the client boundary themselves
// (rollup drops module-level directives from sources, so it goes in as a banner).
const banner = (name) => (name === 'react' ? { banner: "'use client';" } : {});

// ESM for bundlers and Node, CJS for `require` (Jest, older toolchains); same entry, same externals.
const js = (name) => ({
  input: `packages/${name}/src/index.ts`,
  output: [
    { file: `packages/${name}/dist/index.js`, format: 'es', sourcemap: true, ...banner(name) },
    { file: `packages/${name}/dist/index.cjs`, format: 'cjs', sourcemap: true, exports: 'named', ...banner(name) },
  ],
  external: externals(name),
  plugins: [...(name === 'svelte' ? [svelteSources(name)] : []), esbuild({ target: 'es2020', jsx: 'automatic', jsxImportSource: 'preact', tsconfig: 'tsconfig.base.json' })],
});

const types = (name) => ({
  input: `packages/${name}/src/index.ts`,
  // The same declarations twice: .d.ts types the ESM entry, .d.cts the CJS one ("type": "module").
  // (The Svelte entry's `./ConsentGate.svelte` is typed by the ConsentGate.svelte.d.ts copied beside it.)
  output: [
    { file: `packages/${name}/dist/index.d.ts`, format: 'es' },
    { file: `packages/${name}/dist/index.d.cts`, format: 'es' },
  ],
  external: externals(name),
  plugins: [dts({ tsconfig: 'tsconfig.base.json', compilerOptions: { noEmit: false } })],
});

const browser = existsSync('packages/browser/rollup.browser.mjs') && (!onlyArg || onlyArg.includes('browser'))
  ? (await import('./packages/browser/rollup.browser.mjs')).default
  : [];

// The network wall's service worker goes beside the script tag (packages/browser/dist/consentry-sw.js).
const serviceWorker = existsSync('packages/network-wall/rollup.sw.mjs') && (!onlyArg || onlyArg.includes('network-wall') || onlyArg.includes('browser'))
  ? (await import('./packages/network-wall/rollup.sw.mjs')).default
  : [];

// The opt-in TCF files go beside the script tag too (packages/browser/dist/tcf/, docs/tcf.md).
const tcf = existsSync('packages/tcf/rollup.tcf.mjs') && (!onlyArg || onlyArg.includes('tcf') || onlyArg.includes('browser'))
  ? (await import('./packages/tcf/rollup.tcf.mjs')).default
  : [];

export default [...packages.flatMap((name) => [js(name), types(name)]), ...browser, ...serviceWorker, ...tcf];
