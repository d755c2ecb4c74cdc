// Size of @consentry/ui as a site gets it: minified + brotli, Preact and core external.
// Prints the English-only figure and what each extra language adds when imported next to it.
// Run from the repo root: node packages/ui/scripts/size.mjs
import { build } from 'esbuild';
import { brotliCompressSync, constants } from 'node:zlib';

const LANGS = ['lv', 'ru', 'et', 'lt', 'de', 'fr', 'es', 'pl'];
const brotli = (text) => brotliCompressSync(Buffer.from(text), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

async function bundle(names, charset) {
  const result = await build({
    stdin: { contents: `export { ${names.join(', ')} } from './packages/ui/src/index.ts';`, resolveDir: '.', loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2020',
    platform: 'browser',
    write: false,
    external: ['preact', 'preact/*', '@consentry/core'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    logLevel: 'error',
    ...(charset ? { charset } : {}),
  });
  return result.outputFiles[0].text;
}

for (const charset of [undefined, 'utf8']) {
  const base = await bundle(['createConsentUI'], charset);
  const withNotice = await bundle(['createConsentUI', 'getNoticeTexts'], charset);
  const baseSize = brotli(base);
  console.log(`charset ${charset ?? 'ascii (esbuild default)'}`);
  console.log(`  createConsentUI, English only: ${Buffer.byteLength(base)} B min, ${baseSize} B brotli`);
  console.log(`  + getNoticeTexts: ${brotli(withNotice)} B brotli`);
  for (const lang of LANGS) {
    const code = await bundle(['createConsentUI', lang], charset);
    console.log(`  + ${lang}: +${brotli(code) - baseSize} B brotli (alone: ${brotli(await bundle([lang], charset))} B)`);
  }
}
