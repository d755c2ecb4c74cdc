// @vitest-environment node
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

/** Bundles `source` as a site's bundler would (resolving workspace packages by name, honouring sideEffects). */
async function bundle(source: string): Promise<string> {
  return (await bundleSplit(source)).entry;
}

/**
 * The same with code splitting, as Vite and webpack do by default: `entry` is what the page loads
 * first, `lazy` every chunk it fetches only when the code asks for it (a dynamic import).
 */
async function bundleSplit(source: string): Promise<{ entry: string; lazy: string[] }> {
  const result = await build({
    stdin: { contents: source, resolveDir: packageDir, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    splitting: true,
    outdir: '/virtual-out',
    platform: 'browser',
    write: false,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    // React is the app's own peer; leaving it out keeps the check about our code.
    external: ['react', 'react-dom'],
    logLevel: 'silent',
  });
  const [entry, ...lazy] = result.outputFiles;
  return { entry: entry!.text, lazy: lazy.map((f) => f.text) };
}

// Strings only the proof client has (its storage keys), and only the record hashing has.
const proofMarkers = ['consentry.proof.queue', 'consentry.proof.receipts', 'SHA-256'];
const proofIn = (code: string) => proofMarkers.filter((m) => code.includes(m));

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

  it('a React app whose config has no `proof` does not load the proof client with the page', async () => {
    const { entry, lazy } = await bundleSplit(
      `import { ConsentProvider } from './src/index.ts'; import { googleAnalytics, youtube, lv } from './src/test-utils/bundle-imports.ts'; globalThis.p = [ConsentProvider, googleAnalytics, youtube, lv];`,
    );
    expect(present(entry)).toEqual(uiMarkers); // the banner is there (control)...
    expect(proofIn(entry)).toEqual([]); // ...the proof client is not
    // It is a chunk of its own, which only a config with `proof` makes the page fetch.
    expect(lazy.filter((c) => proofIn(c).length === proofMarkers.length)).toHaveLength(1);
  });

  it('control: importing @consentry/react does bring the UI in, so the markers do detect it', async () => {
    const code = await bundle(`import { ConsentProvider } from './src/index.ts'; globalThis.p = ConsentProvider;`);
    expect(present(code)).toEqual(uiMarkers);
  });
});
