import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, normalize, sep } from 'node:path';
import { bakeGuard as bakeCompiled } from '@consentry/browser';

/**
 * The published config and the guard as one script: the compiled guard (`dist/consentry.compiled.js`)
 * with the site's config checked and compiled into it by the browser package's own `bakeGuard`
 * (consentry-build's code), so visitors run no validator and no catalog index. A published version
 * was checked with the same validator; should one still not compile (a catalog vendor dropped since),
 * the script logs why and starts nothing: fail closed, and the page itself is unaffected.
 */
export function bakeGuard(config: unknown, template: string): string {
  try {
    return bakeCompiled(config, template);
  } catch (error) {
    const why = JSON.stringify(`[consentry] the published config no longer compiles (${error instanceof Error ? error.message : String(error)}); publish it again from the console. Nothing optional will run.`);
    return `console.error(${why.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029').replace(/</g, '\\u003c')});\n`;
  }
}

/** Where the built script-tag files are: CONSENTRY_GUARD_DIR, else @consentry/browser's dist (beside its entry when published). */
export function defaultGuardDir(): string | null {
  const set = process.env['CONSENTRY_GUARD_DIR'];
  if (set) return set;
  try {
    const entry = createRequire(import.meta.url).resolve('@consentry/browser');
    const dir = dirname(entry);
    const dist = basename(dir) === 'src' ? join(dir, '..', 'dist') : dir;
    return existsSync(join(dist, 'consentry.compiled.js')) ? dist : null;
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
  const guard = read('consentry.compiled.js');
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
