import type { NamePattern, VendorRule } from '@consentry/blocker';
import type { OptionalCategory, ResolvedVendor, SiteItem } from '@consentry/core';

/** The dialog's view of a service (the shape of @consentry/ui's `VendorInfo`). */
export interface SiteServiceInfo {
  id: string;
  name: string;
  category: OptionalCategory;
  purpose: string;
  privacyPolicy?: string;
  /** The site itself is the provider. */
  own: true;
  cookies: Array<{ name: string; duration: string; kind?: 'localStorage' | 'sessionStorage' }>;
}

const pattern = (item: SiteItem): NamePattern => (item.prefix ? { prefix: item.name } : item.name);

/**
 * The one place where a site's own services (config vendors outside the catalog that declare what they
 * write) become what the rest already handles for catalog vendors: a blocker rule (their writes refused
 * and their keys deleted while not granted, markup gated by `data-vendor`) and the dialog's vendor info
 * (named, disclosed, recorded in the proof's notice, listed in the declaration).
 */
export function siteServices(vendors: Readonly<Record<string, ResolvedVendor>>): { rules: VendorRule[]; infos: SiteServiceInfo[] } {
  const rules: VendorRule[] = [];
  const infos: SiteServiceInfo[] = [];
  for (const { id, category, service } of Object.values(vendors)) {
    if (!service) continue;
    const storage = [...service.localStorage, ...service.sessionStorage];
    rules.push({ id, name: service.name, category, hosts: [], cookies: service.cookies.map(pattern), ...(storage.length ? { storage: storage.map(pattern) } : {}) });
    const shown = (item: SiteItem, kind?: 'localStorage' | 'sessionStorage') => ({ name: item.prefix ? `${item.name}*` : item.name, duration: item.lifetime, ...(kind ? { kind } : {}) });
    infos.push({
      id,
      name: service.name,
      category,
      purpose: service.purpose,
      ...(service.privacyPolicy ? { privacyPolicy: service.privacyPolicy } : {}),
      own: true,
      cookies: [
        ...service.cookies.map((c) => shown(c)),
        ...service.localStorage.map((c) => shown(c, 'localStorage')),
        ...service.sessionStorage.map((c) => shown(c, 'sessionStorage')),
      ],
    });
  }
  return { rules, infos };
}
