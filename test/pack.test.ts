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
});

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
