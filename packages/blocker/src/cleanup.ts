import { closeConnections } from './indexed-db.js';
import type { NameMatcher } from './name-matcher.js';
import type { CookieJar, VendorRule } from './types.js';

const EXPIRED = 'Thu, 01 Jan 1970 00:00:00 GMT';

/**
 * Every Domain a cookie visible on `hostname` may have been set with: host-only, the host itself and
 * each parent (`a.b.example.lv` → `a.b.example.lv`, `b.example.lv`, `example.lv`). A public suffix
 * (`co.uk`) is tried too when it has a dot: browsers refuse cookies there, so the delete is a no-op.
 */
export function cookieDomains(hostname: string): Array<string | null> {
  const domains: Array<string | null> = [null];
  if (!hostname || /^[\d.]+$/.test(hostname) || hostname.includes(':')) return domains; // IPs: host-only
  const labels = hostname.split('.');
  for (let i = 0; i < labels.length - 1; i++) domains.push(labels.slice(i).join('.'));
  return domains;
}

export function listCookieNames(jar: CookieJar): string[] {
  const names: string[] = [];
  for (const part of jar.read().split(';')) {
    const eq = part.indexOf('=');
    const name = (eq < 0 ? part : part.slice(0, eq)).trim();
    if (name) names.push(name);
  }
  return names;
}

function matchesAny(matches: VendorRule[] | null, targets: ReadonlySet<VendorRule>): boolean {
  return !!matches && matches.some((rule) => targets.has(rule));
}

/**
 * Deletes the targets' IndexedDB databases: exact names straight away, prefixes from `indexedDB.databases()`
 * (Chromium, Firefox 126+, Safari 14+; elsewhere only exact names go). The page's own connections to them
 * are closed first (indexed-db.ts tracks them), or the browser would keep the database while they are open.
 */
export function cleanIndexedDB(targets: ReadonlySet<VendorRule>): void {
  const patterns = [...targets].flatMap((rule) => rule.indexedDB ?? []);
  if (patterns.length === 0) return;
  const drop = (name: string): void => {
    closeConnections(name);
    try {
      indexedDB.deleteDatabase(name);
    } catch {
      // no IndexedDB here (storage disabled, a sandboxed frame): nothing was kept
    }
  };
  for (const p of patterns) if (typeof p === 'string') drop(p);
  try {
    indexedDB.databases().then((list) => {
      for (const { name } of list) if (name && patterns.some((p) => typeof p !== 'string' && name.startsWith(p.prefix))) drop(name);
    }, () => {});
  } catch {
    // no databases() to list (older Firefox): exact names were enough
  }
}

/** Delete the cookies (every parent domain, path /), storage keys and IndexedDB databases of `targets`. Returns what was removed synchronously. */
export function cleanUp(
  targets: ReadonlySet<VendorRule>,
  cookieNames: NameMatcher,
  storageNames: NameMatcher,
  jar: CookieJar,
  hostname: string,
): { cookies: string[]; storage: string[] } {
  return { cookies: cleanCookies(targets, cookieNames, jar, hostname), storage: cleanStores(targets, storageNames) };
}

/** Delete the targets' cookies on the host and every parent domain; returns their names. */
export function cleanCookies(targets: ReadonlySet<VendorRule>, cookieNames: NameMatcher, jar: CookieJar, hostname: string): string[] {
  const removed: string[] = [];
  if (targets.size === 0) return removed;
  const domains = cookieDomains(hostname);
  for (const name of new Set(listCookieNames(jar))) {
    if (!matchesAny(cookieNames(name), targets)) continue;
    for (const domain of domains) {
      jar.write(`${name}=; expires=${EXPIRED}; path=/${domain ? `; domain=${domain}` : ''}`);
    }
    removed.push(name);
  }
  return removed;
}

/**
 * Delete the targets' localStorage and sessionStorage keys and IndexedDB databases; returns the keys.
 * Apart from the cookies because the first read of a Storage loads its whole area synchronously
 * (about 90 ms at 4x CPU in Chromium), which start-up must not pay before the first paint.
 */
export function cleanStores(targets: ReadonlySet<VendorRule>, storageNames: NameMatcher): string[] {
  const removed: string[] = [];
  if (targets.size === 0) return removed;
  for (const kind of ['localStorage', 'sessionStorage'] as const) {
    let store: Storage;
    try {
      store = window[kind];
      if (!store) continue;
    } catch {
      continue; // storage disabled (privacy settings, sandboxed iframe)
    }
    const keys: string[] = [];
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i);
      if (key !== null && matchesAny(storageNames(key), targets)) keys.push(key);
    }
    for (const key of keys) store.removeItem(key);
    removed.push(...keys);
  }
  cleanIndexedDB(targets);
  return removed;
}
