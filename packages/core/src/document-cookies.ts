import type { CookieAttributes, CookieStore } from './types.js';

/**
 * The default store: `document.cookie`, read and written directly (a cookie library would ship in
 * the guard, before the first paint). Values are URL-encoded, as js-cookie wrote them, so a cookie
 * written by an earlier version reads the same. Without a document (SSR) nothing is stored.
 */
export const documentCookies: CookieStore = {
  get(name) {
    if (typeof document === 'undefined') return undefined;
    for (const part of document.cookie.split('; ')) {
      const eq = part.indexOf('=');
      if (part.slice(0, eq) !== name) continue;
      try {
        return decodeURIComponent(part.slice(eq + 1));
      } catch {
        return part.slice(eq + 1); // not URL-encoded by us: the codec rejects what it cannot read
      }
    }
    return undefined;
  },
  set(name, value, attributes) {
    if (typeof document === 'undefined') return;
    const { expires, path, domain, secure, sameSite } = attributes;
    const date = typeof expires === 'number' ? new Date(Date.now() + expires * 864e5) : expires;
    document.cookie =
      `${name}=${encodeURIComponent(value)}` +
      (date ? `; expires=${date.toUTCString()}` : '') +
      (path ? `; path=${path}` : '') +
      (domain ? `; domain=${domain}` : '') +
      (sameSite ? `; samesite=${sameSite}` : '') +
      (secure ? '; secure' : '');
  },
  remove(name, attributes: CookieAttributes = {}) {
    documentCookies.set(name, '', { ...attributes, expires: -1 });
  },
};
