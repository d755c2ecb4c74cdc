// One build for every package: ESM + .d.ts into packages/<name>/dist.
// The script-tag IIFE lives in packages/browser/rollup.browser.mjs (imported below) so this file stays readable.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dts } from 'rollup-plugin-dts';
import esbuild from 'rollup-plugin-esbuild';

const onlyArg = process.env.PACKAGES?.split(',');
// The server bundles itself for Node with its own esbuild script (see packages/server/package.json).
const skip = new Set(['server', 'browser']);
const packages = readdirSync('packages').filter(
  (name) => existsSync(`packages/${name}/src/index.ts`) && !skip.has(name) && (!onlyArg || onlyArg.includes(name)),
);

function externals(name) {
  const pkg = JSON.parse(readFileSync(`packages/${name}/package.json`, 'utf8'));
  const deps = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies });
  return (id) => deps.some((d) => id === d || id.startsWith(`${d}/`)) || /^node:/.test(id);
}

const js = (name) => ({
  input: `packages/${name}/src/index.ts`,
  output: { file: `packages/${name}/dist/index.js`, format: 'es', sourcemap: true },
  external: externals(name),
  plugins: [esbuild({ target: 'es2020', jsx: 'automatic', jsxImportSource: 'preact', tsconfig: 'tsconfig.base.json' })],
});

const types = (name) => ({
  input: `packages/${name}/src/index.ts`,
  output: { file: `packages/${name}/dist/index.d.ts`, format: 'es' },
  external: externals(name),
  plugins: [dts({ tsconfig: 'tsconfig.base.json', compilerOptions: { noEmit: false } })],
});

const browser = existsSync('packages/browser/rollup.browser.mjs') && (!onlyArg || onlyArg.includes('browser'))
  ? (await import('./packages/browser/rollup.browser.mjs')).default
  : [];

export default [...packages.flatMap((name) => [js(name), types(name)]), ...browser];
