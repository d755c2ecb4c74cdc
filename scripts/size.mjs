// Size budget: every byte of the browser packages is paid on every page view.
// Bundles each entry the way a site would get it (minified, tree-shaken) and checks brotli size.
import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const KB = 1024;
const budgets = [
  // The issue asked 3.5 KB; whole-config validation with path messages costs ~2.2 KB of it.
  // See docs/core.md "Size" for the breakdown and why the limit is what it is.
  { name: '@consentry/core (with js-cookie)', entry: 'packages/core/src/index.ts', external: [], limit: 5.25 * KB },
  // Issue 13 (dialog footer and folding, the phone layout, localised lifetimes, empty categories) took
  // the UI from 5.75 to ~6.9 KB; docs/ui.md "Size".
  { name: '@consentry/ui (English, without Preact)', entry: 'packages/ui/src/index.ts', external: ['preact', 'preact/*', '@consentry/core'], limit: 7 * KB, stdin: "export { createConsentUI } from './packages/ui/src/index.ts';" },
  // The issue's target is 16 KB; with the first layer (Preact + banner) inline the file is ~22 KB
  // (docs/size.md). This ceiling stops regressions; the target is printed below and not met yet.
  { name: '@consentry/browser consentry.min.js', file: 'packages/browser/dist/consentry.min.js', limit: 24 * KB, target: 16 * KB },
  // Each extra language beside the English UI (issue: "well under 1 KB brotli" each).
  ...['lv', 'ru', 'et', 'lt', 'de', 'fr', 'es', 'pl'].map((l) => ({
    name: `@consentry/ui + ${l} table`,
    entry: 'packages/ui/src/index.ts',
    external: ['preact', 'preact/*', '@consentry/core'],
    limit: 8 * KB,
    stdin: `export { createConsentUI, ${l} } from './packages/ui/src/index.ts';`,
  })),
];

// The lazy files beside consentry.min.js (docs/size.md): printed, not budgeted, each fetched only when
// a page needs it. chunks/ui.js exists only in a CONSENTRY_UI=lazy build, and then the banner needs it.
const DIST = 'packages/browser/dist';
for (const kind of ['chunks', 'vendors', 'i18n']) {
  if (!existsSync(`${DIST}/${kind}`)) continue;
  for (const f of readdirSync(`${DIST}/${kind}`).filter((n) => n.endsWith('.js')).sort()) {
    budgets.push({ name: `  lazy ${kind}/${f}`, file: `${DIST}/${kind}/${f}`, limit: Infinity });
  }
}

const brotli = (buf) => brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

async function bundle(b) {
  if (b.file) return existsSync(b.file) ? readFileSync(b.file) : null;
  if (!existsSync(b.entry)) return null;
  const result = await build({
    ...(b.stdin ? { stdin: { contents: b.stdin, resolveDir: '.', loader: 'ts' } } : { entryPoints: [b.entry] }),
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2020',
    platform: 'browser',
    write: false,
    external: b.external,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    charset: 'utf8',
    logLevel: 'error',
  });
  return Buffer.from(result.outputFiles[0].contents);
}

let failed = false;
const rows = [];
for (const b of budgets) {
  const code = await bundle(b);
  if (!code) {
    rows.push(`${b.name.padEnd(44)} (not built yet, skipped)`);
    continue;
  }
  const size = brotli(code);
  const ok = size <= b.limit;
  failed ||= !ok;
  rows.push(
    `${b.name.padEnd(44)} ${String(code.length).padStart(7)} B min  ${String(gzipSync(code, { level: 9 }).length).padStart(6)} B gzip  ${String(size).padStart(6)} B brotli${b.limit === Infinity ? '' : `  / ${b.limit} B  ${ok ? 'ok' : 'OVER BUDGET'}`}${b.target && size > b.target ? `  (target ${b.target} B not met)` : ''}`,
  );
}
console.log('Size budget (minified + brotli):');
for (const r of rows) console.log(`  ${r}`);
if (failed) {
  console.error('size budget exceeded');
  process.exit(1);
}
