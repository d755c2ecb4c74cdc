import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The arrows of ARCHITECTURE section 1: which workspace packages each package may import.
// Anything not listed here is a design change and must be argued in docs/ first.
const allowed: Record<string, string[]> = {
  protocol: [],
  core: [],
  ui: ['core'],
  blocker: ['core'],
  vendors: ['core', 'blocker'],
  proof: ['core', 'protocol'],
  server: ['protocol'],
  // The one wiring of the browser parts (docs/design-changes.md, "Two stages, one assembly").
  assembly: ['core', 'ui', 'blocker', 'vendors', 'proof'],
  // The second wall, at the network level: a service worker and CSP policies (docs/service-worker.md).
  'network-wall': ['core', 'blocker', 'vendors'],
  // The guard registers the network wall's worker (only the config keys it reads come in).
  browser: ['protocol', 'core', 'ui', 'blocker', 'vendors', 'proof', 'assembly', 'network-wall'],
  react: ['protocol', 'core', 'ui', 'blocker', 'vendors', 'proof', 'assembly'],
  // A Node CLI: classifies with the catalog, checks its config skeleton with core.
  scanner: ['core', 'vendors'],
  // Opt-in IAB TCF v2.3 module (docs/tcf.md): follows core's decisions; nothing else imports it.
  tcf: ['core'],
};

// Third-party runtime dependencies a browser package may carry (ARCHITECTURE section 1).
const allowedThirdParty: Record<string, string[]> = {
  protocol: [],
  core: ['js-cookie'],
  ui: ['preact'],
  blocker: [],
  vendors: [],
  proof: [],
  assembly: [],
  'network-wall': [],
  browser: [],
  // Peer dependencies: the app's own React 18 or 19, never shipped by us.
  react: ['react', 'react-dom'],
  // Node only, never in a page: drives the machine's own Chromium.
  scanner: ['playwright-core'],
  // IAB Tech Lab's own TCF libraries (encoder, CMP API, stub), shipped only to TCF sites.
  tcf: ['@iabtechlabtcf/core', '@iabtechlabtcf/cmpapi', '@iabtechlabtcf/stub'],
};

const root = join(import.meta.dirname, '..', 'packages');
const packages = readdirSync(root).filter((d) => existsSync(join(root, d, 'package.json')));

function manifest(dir: string) {
  return JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) as {
    name: string;
    dependencies?: Record<string, string>;
    peerDependencies?: Record<string, string>;
    optionalDependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
  };
}

describe('package dependency arrows', () => {
  it('knows every package in packages/', () => {
    expect(packages.sort()).toEqual(Object.keys(allowed).sort());
  });

  for (const dir of packages) {
    it(`@consentry/${dir} depends only on what the architecture allows`, () => {
      const m = manifest(dir);
      expect(m.name).toBe(`@consentry/${dir}`);
      const runtime = { ...m.dependencies, ...m.peerDependencies, ...m.optionalDependencies };
      const all = { ...runtime, ...m.devDependencies };
      const internal = Object.keys(all)
        .filter((d) => d.startsWith('@consentry/'))
        .map((d) => d.slice('@consentry/'.length));
      const illegal = internal.filter((d) => !(allowed[dir] ?? []).includes(d));
      expect(illegal, `@consentry/${dir} must not depend on ${illegal.join(', ')}`).toEqual([]);
      const thirdParty = allowedThirdParty[dir];
      if (thirdParty) {
        const extra = Object.keys(runtime).filter((d) => !d.startsWith('@consentry/') && !thirdParty.includes(d));
        expect(extra, `browser package @consentry/${dir} carries runtime deps ${extra.join(', ')}`).toEqual([]);
      }
    });
  }

  it('no package source deep-imports another package', () => {
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.(ts|tsx)$/.test(e.name)) {
          const src = readFileSync(p, 'utf8');
          for (const m of src.matchAll(/from\s+['"](@consentry\/[^'"]+)['"]/g)) {
            const [, pkg, ...rest] = m[1]!.split('/');
            if (rest.length === 0) continue;
            const exportsMap = JSON.parse(readFileSync(join(root, pkg!, 'package.json'), 'utf8')).exports ?? {};
            if (!(`./${rest.join('/')}` in exportsMap)) offenders.push(`${p}: ${m[1]} is not in the exports map`);
          }
          if (/from\s+['"]\.\.\/\.\.\/(?!\.\.)[a-z]+\/src/.test(src)) offenders.push(`${p}: relative cross-package import`);
        }
      }
    };
    for (const d of packages) if (existsSync(join(root, d, "src"))) walk(join(root, d, "src"));
    expect(offenders).toEqual([]);
  });
});
