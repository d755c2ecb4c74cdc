// The npm path outside this repository: pack every package as it would be published, install the
// tarballs into fresh apps in a temporary folder (no workspace, no links), then build and
// type-check them strictly and run them. Needs `pnpm build` first (the test command does it) and
// the npm registry for React, Vite and TypeScript.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const pkgRoot = join(root, 'packages');
const packages = readdirSync(pkgRoot).filter((d) => existsSync(join(pkgRoot, d, 'package.json')));
const manifest = (dir: string) => JSON.parse(readFileSync(join(pkgRoot, dir, 'package.json'), 'utf8'));
const rootDev = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies as Record<string, string>;
const reactDev = manifest('react').devDependencies as Record<string, string>;
const viteVersion = JSON.parse(readFileSync(join(root, 'examples/react-vite/package.json'), 'utf8')).devDependencies.vite;
const vueDev = manifest('vue').devDependencies as Record<string, string>;
const svelteDev = manifest('svelte').devDependencies as Record<string, string>;

let work = '';
const tarballs: Record<string, string> = {};
// A fresh app sees none of the settings pnpm hands its scripts (npm_config_*), as outside the repo.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_config_/i.test(k)));
const sh = (cmd: string, args: string[], cwd: string) =>
  execFileSync(cmd, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 240_000 });

function app(name: string, deps: string[], extra: { dependencies?: object; devDependencies?: object; files: Record<string, string> }) {
  const dir = join(work, name);
  mkdirSync(join(dir, 'src'), { recursive: true });
  const file = (n: string) => `file:${tarballs[n]}`;
  const consentry = Object.fromEntries(deps.map((n) => [`@consentry/${n}`, file(n)]));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({
    name, private: true, version: '0.0.0', type: 'module',
    dependencies: { ...consentry, ...extra.dependencies },
    devDependencies: extra.devDependencies ?? {},
    // The packages depend on each other by version; point those at the tarballs too.
    overrides: Object.fromEntries(deps.map((n) => [`@consentry/${n}`, `$@consentry/${n}`])),
  }, null, 2));
  for (const [path, text] of Object.entries(extra.files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  sh('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], dir);
  return dir;
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'consentry-pack-'));
  const out = join(work, 'tarballs');
  mkdirSync(out);
  for (const dir of packages) {
    const before = new Set(readdirSync(out));
    sh('pnpm', ['pack', '--pack-destination', out], join(pkgRoot, dir));
    const made = readdirSync(out).find((f) => !before.has(f));
    tarballs[dir] = join(out, made!);
  }
}, 240_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
}, 120_000);

describe('published tarballs', () => {
  it.each(packages)('@consentry/%s has its README, LICENSE and built entry, and no workspace: ranges', (dir) => {
    const list = sh('tar', ['-tzf', tarballs[dir]!], work).split('\n');
    expect(list).toContain('package/README.md');
    expect(list).toContain('package/LICENSE');
    expect(list).toContain('package/dist/index.js');
    const packed = JSON.parse(sh('tar', ['-xOzf', tarballs[dir]!, 'package/package.json'], work));
    expect(JSON.stringify(packed)).not.toContain('workspace:');
    expect(packed.exports['.']).not.toBe('./src/index.ts');
    const readme = sh('tar', ['-xOzf', tarballs[dir]!, 'package/README.md'], work);
    expect(readme).toMatch(/## Install/);
    expect(readme).toContain(`@consentry/${dir}`);
  });
});

// One install for both consumers: npm is the slow part.
let dir = '';

describe('a fresh app outside the workspace', () => {
  beforeAll(() => {
    dir = app('fresh-app', ['core', 'ui', 'blocker', 'vendors', 'proof', 'protocol', 'assembly', 'react'], {
      dependencies: { react: reactDev.react, 'react-dom': reactDev['react-dom'] },
      devDependencies: {
        vite: viteVersion, typescript: rootDev.typescript, '@types/node': rootDev['@types/node'],
        '@types/react': reactDev['@types/react'], '@types/react-dom': reactDev['@types/react-dom'],
      },
      files: {
        // Vite + React, bundler resolution, every strict flag.
        'tsconfig.json': JSON.stringify({
          compilerOptions: {
            target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', jsx: 'react-jsx',
            strict: true, noUncheckedIndexedAccess: true, exactOptionalPropertyTypes: true,
            skipLibCheck: false, noEmit: true, lib: ['ES2022', 'DOM', 'DOM.Iterable'], types: [],
          },
          include: ['src/**/*.tsx'],
        }),
        // Plain Node: node16 resolution picks the ESM or the CJS types by file kind.
        'tsconfig.node.json': JSON.stringify({
          compilerOptions: { target: 'ES2022', module: 'Node16', moduleResolution: 'Node16', strict: true, noEmit: true, types: ['node'], skipLibCheck: false },
          include: ['src/*.mts', 'src/*.cts'],
        }),
        'index.html': '<!doctype html><html lang="en"><body><div id="root"></div><script type="module" src="/src/main.tsx"></script></body></html>',
        'src/main.tsx': `
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ConsentGate, ConsentProvider, useConsent, useIsGranted, type ConsentConfig } from '@consentry/react';
import { googleAnalytics, youtube } from '@consentry/vendors';

const config: ConsentConfig = {
  revision: 1,
  categories: { statistics: {}, targeting: {} },
  vendors: { 'google-analytics': { id: 'G-TEST123' }, youtube: { category: 'targeting' } },
  links: { privacyPolicy: '/privacy' },
};

function Footer() {
  const { state, showPreferences } = useConsent();
  const stats = useIsGranted('statistics');
  return <button onClick={(e) => showPreferences(e.currentTarget)}>{state.status} {String(stats)}</button>;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConsentProvider config={config} vendors={[googleAnalytics, youtube]}>
      <ConsentGate vendor="youtube" fallback={<p>Video blocked</p>}>
        <iframe title="Tour" src="https://www.youtube-nocookie.com/embed/x" />
      </ConsentGate>
      <Footer />
    </ConsentProvider>
  </StrictMode>,
);
`,
        'src/esm.mts': `
import { readConsent, resolveConfig } from '@consentry/core';
import { canonicalJson, validateRecord } from '@consentry/protocol';
const config = resolveConfig({ revision: 1, categories: { statistics: {} } });
const state = readConsent(null, { revision: 1, categories: { statistics: {} } });
console.log(JSON.stringify({ esm: state.status, categories: Object.keys(config.categories), canon: canonicalJson({ b: 1, a: 2 }), valid: validateRecord({}).ok }));
`,
        'src/cjs.cts': `
import core = require('@consentry/core');
const state = core.readConsent(null, { revision: 1 });
console.log(JSON.stringify({ cjs: state.status }));
`,
        'esm.mjs': `import { readConsent } from '@consentry/core';\nconsole.log(JSON.stringify({ esm: readConsent(null, { revision: 1 }).status }));\n`,
        'cjs.cjs': `const { readConsent } = require('@consentry/core');\nconsole.log(JSON.stringify({ cjs: readConsent(null, { revision: 1 }).status }));\n`,
      },
    });
  }, 300_000);

  it('Vite + React: type-checks strictly and builds', () => {
    sh('npx', ['tsc', '-p', 'tsconfig.json'], dir);
    sh('npx', ['vite', 'build', '--logLevel', 'error'], dir);
    const assets = readdirSync(join(dir, 'dist', 'assets')).filter((f) => f.endsWith('.js'));
    expect(assets.length).toBeGreaterThan(0);
    const bundle = assets.map((f) => readFileSync(join(dir, 'dist', 'assets', f), 'utf8')).join('\n');
    expect(bundle).toContain('consentry');
  }, 300_000);

  it('plain Node: imports the packages as ESM and requires them as CJS, type-checked with node16 resolution', () => {
    sh('npx', ['tsc', '-p', 'tsconfig.node.json'], dir);
    expect(JSON.parse(sh('node', ['esm.mjs'], dir))).toEqual({ esm: 'undecided' });
    expect(JSON.parse(sh('node', ['cjs.cjs'], dir))).toEqual({ cjs: 'undecided' });
  }, 120_000);
});

// The Vue and Svelte bindings from their tarballs: a Vite build for the browser, and a server render in
// plain Node from a decided visitor's Cookie header (the gate's content is in the HTML: no flash).
const decided = async () => {
  const { createConsent, createMemoryCookies } = await import('../packages/core/src/index.js');
  const cookies = createMemoryCookies();
  createConsent(frameworkConfig, { cookies, gpc: false, secure: false }).acceptAll();
  return `consentry=${encodeURIComponent(cookies.get('consentry')!)}`;
};
const frameworkConfig = { revision: 1, categories: { statistics: {}, targeting: {} }, vendors: { youtube: { category: 'targeting' as const } } };
const appDeps = ['core', 'ui', 'blocker', 'vendors', 'proof', 'protocol', 'assembly'];

describe('a Vue app from the tarballs', () => {
  let vue = '';
  beforeAll(() => {
    vue = app('vue-app', [...appDeps, 'vue'], {
      dependencies: { vue: vueDev.vue, '@vue/server-renderer': vueDev['@vue/server-renderer'] },
      devDependencies: { vite: viteVersion },
      files: {
        'index.html': '<!doctype html><html lang="en"><body><div id="app"></div><script type="module" src="/src/main.js"></script></body></html>',
        'src/app.js': `
import { h } from 'vue';
import { ConsentGate, ConsentProvider } from '@consentry/vue';
import { youtube } from '@consentry/vendors';
export const config = ${JSON.stringify(frameworkConfig)};
export const App = (cookie) => ({
  render: () => h(ConsentProvider, { config, options: { vendors: [youtube], cookie } }, () =>
    h(ConsentGate, { vendor: 'youtube' }, { default: () => h('p', 'video'), fallback: () => h('p', 'Video blocked') })),
});
`,
        'src/main.js': `import { createSSRApp } from 'vue';\nimport { App } from './app.js';\ncreateSSRApp(App(document.cookie)).mount('#app');\n`,
        'ssr.mjs': `
import { createSSRApp } from 'vue';
import { renderToString } from '@vue/server-renderer';
import { App } from './src/app.js';
console.log(await renderToString(createSSRApp(App(process.argv[2] ?? ''))));
`,
      },
    });
  }, 300_000);

  it('builds with Vite, and renders on the server from the Cookie header', async () => {
    sh('npx', ['vite', 'build', '--logLevel', 'error'], vue);
    const bundle = readdirSync(join(vue, 'dist', 'assets')).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(vue, 'dist', 'assets', f), 'utf8')).join('\n');
    expect(bundle).toContain('consentry-ui'); // the banner is in the app
    expect(sh('node', ['ssr.mjs', ''], vue)).toContain('Video blocked');
    const html = sh('node', ['ssr.mjs', await decided()], vue);
    expect(html).toContain('<p>video</p>');
    expect(html).not.toContain('Video blocked');
  }, 300_000);
});

describe('a Svelte app from the tarballs', () => {
  let svelte = '';
  beforeAll(() => {
    svelte = app('svelte-app', [...appDeps, 'svelte'], {
      dependencies: { svelte: svelteDev.svelte },
      devDependencies: { vite: viteVersion, '@sveltejs/vite-plugin-svelte': svelteDev['@sveltejs/vite-plugin-svelte'] },
      files: {
        'vite.config.js': `import { svelte } from '@sveltejs/vite-plugin-svelte';\nexport default { plugins: [svelte()] };\n`,
        'index.html': '<!doctype html><html lang="en"><body><div id="app"></div><script type="module" src="/src/main.js"></script></body></html>',
        'src/App.svelte': `<script>
  import { ConsentGate, provideConsent } from '@consentry/svelte';
  import { youtube } from '@consentry/vendors';
  let { cookie } = $props();
  provideConsent(${JSON.stringify(frameworkConfig)}, { vendors: [youtube], cookie });
</script>
<ConsentGate vendor="youtube"><p>video</p>{#snippet fallback()}<p>Video blocked</p>{/snippet}</ConsentGate>
`,
        'src/main.js': `import { mount } from 'svelte';\nimport App from './App.svelte';\nmount(App, { target: document.getElementById('app'), props: { cookie: document.cookie } });\n`,
        // The server entry bundles Svelte's server runtime with the component (one copy, as SvelteKit's build).
        'src/ssr.js': `import { render } from 'svelte/server';\nimport App from './App.svelte';\nexport const html = (cookie) => render(App, { props: { cookie } }).body;\n`,
        'ssr.mjs': `const { html } = await import('./dist-ssr/ssr.js');\nconsole.log(html(process.argv[2] ?? ''));\n`,
      },
    });
  }, 300_000);

  it('builds with Vite (the component compiled by the app), and renders on the server from the Cookie header', async () => {
    sh('npx', ['vite', 'build', '--logLevel', 'error'], svelte);
    const bundle = readdirSync(join(svelte, 'dist', 'assets')).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(svelte, 'dist', 'assets', f), 'utf8')).join('\n');
    expect(bundle).toContain('consentry-ui');
    sh('npx', ['vite', 'build', '--ssr', 'src/ssr.js', '--outDir', 'dist-ssr', '--logLevel', 'error'], svelte);
    expect(sh('node', ['ssr.mjs', ''], svelte)).toContain('Video blocked');
    const html = sh('node', ['ssr.mjs', await decided()], svelte);
    expect(html).toContain('<p>video</p>');
    expect(html).not.toContain('Video blocked');
  }, 300_000);
});
