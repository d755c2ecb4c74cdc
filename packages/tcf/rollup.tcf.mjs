// The opt-in TCF files a TCF site deploys beside consentry.min.js (docs/tcf.md):
//   dist/tcf/stub.js  IAB's own @iabtechlabtcf/stub, unchanged: synchronous in <head>, before any ad script
//   dist/tcf/tcf.js   the CMP (IAB's cmpapi + core), the TCF layers; after consentry.min.js
// A site without TCF never references either, so it pays no byte for them (`pnpm size` checks).
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';

import { fileURLToPath } from 'node:url';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const stub = createRequire(import.meta.url).resolve('@iabtechlabtcf/stub');

const copyStub = {
  name: 'consentry-tcf-stub',
  writeBundle() {
    mkdirSync(here('../browser/dist/tcf'), { recursive: true });
    copyFileSync(stub, here('../browser/dist/tcf/stub.js'));
  },
};

export default [
  {
    input: here('src/script-tag.ts'),
    output: { file: here('../browser/dist/tcf/tcf.js'), format: 'iife' },
    // IAB's own modules import each other in circles; harmless, and not ours to change.
    onwarn: (w, warn) => (w.code === 'CIRCULAR_DEPENDENCY' && /node_modules/.test(w.message) ? undefined : warn(w)),
    plugins: [
      nodeResolve({ extensions: ['.ts', '.mjs', '.js'], browser: true }),
      esbuild({ target: 'es2020', tsconfig: 'tsconfig.base.json' }),
      terser({ ecma: 2020, compress: { passes: 2 }, format: { comments: false } }),
      copyStub,
    ],
  },
];

