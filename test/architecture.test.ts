import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The arrows of docs/architecture.md, section 1: which workspace packages each package may import.
// Anything not listed here is a design change and must be argued in docs/ first.
const allowed: Record<string, string[]> = {
  protocol: [],
  core: [],
  ui: ['core'],
  blocker: ['core'],
  vendors: ['core', 'blocker'],
  proof: ['core', 'protocol'],
  // The console validates configs with core and the catalog, and serves the built guard (docs/console.md).
  server: ['protocol', 'core', 'vendors', 'browser'],
  // The one wiring of the browser parts (docs/design-changes.md, "Two stages, one assembly").
  assembly: ['core', 'ui', 'blocker', 'vendors', 'proof'],
  // The second wall, at the network level: a service worker and CSP policies (docs/service-worker.md).
  'network-wall': ['core', 'blocker', 'vendors'],
  // The guard registers the network wall's worker (only the config keys it reads come in).
  browser: ['protocol', 'core', 'ui', 'blocker', 'vendors', 'proof', 'assembly', 'network-wall'],
  react: ['protocol', 'core', 'ui', 'blocker', 'vendors', 'proof', 'assembly'],
  vue: ['assembly', 'core', 'vendors'], // core and vendors for its tests only (the door test below checks)
  svelte: ['assembly', 'core', 'vendors'],
  // A Node CLI: classifies with the catalog, checks its config skeleton with core.
  scanner: ['core', 'ui', 'vendors'],
  // Opt-in IAB TCF v2.3 module (docs/tcf.md): follows core's decisions; nothing else imports it.
  tcf: ['core'],
};

// Third-party runtime dependencies a browser package may carry (docs/architecture.md, section 1).
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
  vue: ['vue'],
  svelte: ['svelte'],
  // Node only, never in a page: drives the machine's own Chromium.
  scanner: ['playwright-core'],
  // IAB Tech Lab's own TCF libraries (encoder, CMP API, stub), shipped only to TCF sites.
  tcf: ['@iabtechlabtcf/core', '@iabtechlabtcf/cmpapi', '@iabtechlabtcf/stub'],
};

// The shells: each reaches the browser parts only through the door (`createConsentry` in
// @consentry/assembly), never the blocker or the vendors themselves (their tests may, as devDependencies).
const shells = ['browser', 'react', 'vue', 'svelte'];
const behindTheDoor = ['@consentry/blocker', '@consentry/vendors'];

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

  /** Which of `names` a shell's shipped source (not its tests or test utilities) imports, file by file. */
  const shellImports = (dir: string, names: string[]): string[] => {
    const found: string[] = [];
    const walk = (d: string): void => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        const p = join(d, e.name);
        if (e.isDirectory()) {
          if (e.name !== 'test-utils') walk(p);
        } else if (/\.(ts|tsx|js|svelte)$/.test(e.name) && !/\.test\.(ts|tsx)$/.test(e.name)) {
          const src = readFileSync(p, 'utf8');
          for (const m of src.matchAll(/(?:from|import)\s*\(?\s*['"](@consentry\/[^'"/]+)/g)) if (names.includes(m[1]!)) found.push(`${p.slice(root.length + 1)}: ${m[1]}`);
        }
      }
    };
    if (existsSync(join(root, dir, 'src'))) walk(join(root, dir, 'src'));
    return found;
  };

  it.each(shells)('the %s shell goes through the door: no @consentry/blocker or @consentry/vendors in its dependencies or its source', (dir) => {
    const m = manifest(dir);
    const runtime = Object.keys({ ...m.dependencies, ...m.peerDependencies, ...m.optionalDependencies });
    expect(runtime.filter((d) => behindTheDoor.includes(d))).toEqual([]);
    expect(shellImports(dir, behindTheDoor)).toEqual([]);
  });

  it('control: the door check sees an import of the blocker', () => {
    // The assembly itself imports both (it is the door): the same scan must find them there.
    expect(shellImports('assembly', behindTheDoor).length).toBeGreaterThan(0);
  });
});
