import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, normalize, sep } from 'node:path';

/**
 * The published config and the guard as one script. Until the browser package's ahead-of-time bake
 * lands, this is the one place that joins them: a preamble puts the config where the drop-in guard
 * already reads it (`<script type="application/json" id="consentry-config">`, docs/configuration.md),
 * then the guard runs unchanged. The page's own `#consentry-config`, if any, is the fallback the
 * published config replaces. Swap this function for the bake function when it exists.
 */
export function bakeGuard(config: unknown, guardSource: string): string {
  // JSON.stringify twice: a JS string literal holding the JSON; no code is built from config text.
  const json = JSON.stringify(JSON.stringify(config)).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  const preamble =
    '(function(){var d=document,e=d.getElementById("consentry-config");' +
    'if(!e){e=d.createElement("script");e.type="application/json";e.id="consentry-config";(d.head||d.documentElement).appendChild(e)}' +
    `e.textContent=${json}})();\n`;
  return preamble + guardSource;
}

/** Where the built script-tag files are: CONSENTRY_GUARD_DIR, else @consentry/browser's dist (beside its entry when published). */
export function defaultGuardDir(): string | null {
  const set = process.env['CONSENTRY_GUARD_DIR'];
  if (set) return set;
  try {
    const entry = createRequire(import.meta.url).resolve('@consentry/browser');
    const dir = dirname(entry);
    const dist = basename(dir) === 'src' ? join(dir, '..', 'dist') : dir;
    return existsSync(join(dist, 'consentry.min.js')) ? dist : null;
  } catch {
    return null;
  }
}

/** The guard and the files it loads beside itself (chunks/, i18n/, vendors/), read once and kept. */
export function createGuardFiles(dir: string | null) {
  const cache = new Map<string, Buffer | null>();
  const read = (rel: string): Buffer | null => {
    if (!dir) return null;
    if (!cache.has(rel)) {
      const path = normalize(join(dir, rel));
      cache.set(rel, path.startsWith(dir + sep) && existsSync(path) ? readFileSync(path) : null);
    }
    return cache.get(rel)!;
  };
  const guard = read('consentry.min.js');
  return {
    available: guard !== null,
    guard: guard?.toString('utf8') ?? '',
    /** A short digest of the guard build: part of every ETag, so a new build is a new response. */
    build: guard ? createHash('sha256').update(guard).digest('hex').slice(0, 12) : 'none',
    /** Only the guard's own sibling folders, only `.js` files. */
    sibling(rel: string): Buffer | null {
      return /^(chunks|i18n|vendors)\/[a-z0-9-]+\.js$/.test(rel) ? read(rel) : null;
    },
  };
}

export type GuardFiles = ReturnType<typeof createGuardFiles>;

export const configEtag = (config: unknown) => createHash('sha256').update(JSON.stringify(config)).digest('hex').slice(0, 16);
