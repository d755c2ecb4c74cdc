import { build } from 'esbuild';
import { expect, it } from 'vitest';

// vitest provides the test file's directory; happy-dom gives import.meta.url a non-file scheme.
const dir = import.meta.dirname;

async function bundle(contents: string): Promise<string> {
  const result = await build({
    stdin: { contents, resolveDir: dir, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    external: ['preact', 'preact/*', '@consentry/core'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

it('keeps every non-English table out of a bundle that does not import it', async () => {
  const code = await bundle("export { createConsentUI } from './index';");
  expect(code).toContain('Reject all');
  expect(code).not.toMatch(/Noraid|Отклонить|\\u041E\\u0442|Keeldu|Atmesti|ablehnen|Tout refuser|Rechazar|Odrzuć|Odrzu\\u0107/);
});

it('adds only the table that is imported', async () => {
  const code = await bundle("export { createConsentUI, lv } from './index';");
  expect(code).toMatch(/Noraid/);
  expect(code).not.toMatch(/ablehnen|Rechazar/);
});
