import type { AtpProvider } from './config.js';

/**
 * Google's Additional Consent string v2: `2~<consented ids>~dv.<disclosed, not consented ids>`,
 * ids ascending and dot-separated. Only providers the site configured are ever named.
 */
export function acString(providers: readonly AtpProvider[], consented: readonly number[]): string {
  const ids = providers.map((p) => p.id).sort((a, b) => a - b);
  const yes = ids.filter((id) => consented.includes(id));
  const no = ids.filter((id) => !consented.includes(id));
  return `2~${yes.join('.')}~dv.${no.join('.')}`;
}

/** The consented ids of a stored AC string (any version); [] for anything unreadable. */
export function acConsented(value: string | undefined): number[] {
  const m = /^[12]~([\d.]*)(~dv\.[\d.]*)?$/.exec(value ?? '');
  return m && m[1] ? m[1].split('.').filter(Boolean).map(Number) : [];
}

export const TC_COOKIE = 'euconsent-v2';
export const AC_COOKIE = 'addtl_consent';
/** The TCF policy asks the visitor again at least every 13 months. */
const MAX_AGE = 395 * 86400;

export function readCookie(doc: Document, name: string): string | undefined {
  for (const part of doc.cookie.split(/;\s*/)) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq) === name) return part.slice(eq + 1);
  }
  return undefined;
}

/** A first-party cookie on the publisher's own domain (the third-party consensu.org cookie is gone since 2021). */
export function writeCookie(doc: Document, name: string, value: string, domain?: string): void {
  const secure = doc.location?.protocol === 'https:' ? '; Secure' : '';
  doc.cookie = `${name}=${value}; Path=/; Max-Age=${MAX_AGE}; SameSite=Lax${domain ? `; Domain=${domain}` : ''}${secure}`;
}

export function removeCookie(doc: Document, name: string, domain?: string): void {
  doc.cookie = `${name}=; Path=/; Max-Age=0; SameSite=Lax${domain ? `; Domain=${domain}` : ''}`;
}
