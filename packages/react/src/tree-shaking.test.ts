// @vitest-environment node
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

/** Bundles `source` as a site's bundler would (resolving workspace packages by name, honouring sideEffects). */
async function bundle(source: string): Promise<string> {
  const result = await build({
    stdin: { contents: source, resolveDir: packageDir, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    // React is the app's own peer; leaving it out keeps the check about our code.
    external: ['react', 'react-dom'],
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

// Strings that survive minification and only the UI has: its custom element, its shadow root,
// a translation, and Preact's SVG namespace.
const uiMarkers = ['consentry-ui', 'attachShadow', 'Accept all', 'http://www.w3.org/2000/svg'];
const present = (code: string) => uiMarkers.filter((m) => code.includes(m));

describe('tree-shaking', () => {
  it('an app importing only createConsent from @consentry/core gets no UI code', async () => {
    const code = await bundle(`import { createConsent } from '@consentry/core'; globalThis.c = createConsent;`);
    // The engine itself is there (its config error code and the cookie name default)...
    expect(code).toContain('CONSENTRY_CONFIG');
    expect(code).toContain('consentry');
    // ...and nothing of the banner.
    expect(present(code)).toEqual([]);
  });

  it('an unused import of @consentry/ui next to it is dropped (ui is free of top-level side effects)', async () => {
    const code = await bundle(
      `import { createConsent } from '@consentry/core'; import { createConsentUI } from '@consentry/ui'; import '@consentry/ui'; globalThis.c = createConsent;`,
    );
    expect(code).toContain('CONSENTRY_CONFIG');
    expect(present(code)).toEqual([]);
  });

  it('control: importing @consentry/react does bring the UI in, so the markers do detect it', async () => {
    const code = await bundle(`import { ConsentProvider } from './src/index.ts'; globalThis.p = ConsentProvider;`);
    expect(present(code)).toEqual(uiMarkers);
  });
});
