import type { VendorRule } from '@consentry/blocker';
import type { CatalogEntry, ResolvedVendor, VendorCatalogLookup } from '@consentry/core';
import type { VendorDefinition } from './types.js';

type Entries = Readonly<Record<string, VendorDefinition>> | readonly VendorDefinition[];

function list(entries: Entries): VendorDefinition[] {
  return Array.isArray(entries) ? [...entries] : Object.values(entries as Readonly<Record<string, VendorDefinition>>);
}

/** The host of a config param that is a URL (a self-hosted Matomo), or null: config validation reports a bad one. */
export function hostOfParam(value: unknown): string | null {
  try {
    return new URL(String(value)).hostname;
  } catch {
    return null;
  }
}

/** What core needs to validate `vendors` config: category, name, id and param specs. */
export function toCatalogLookup(entries: Entries): VendorCatalogLookup {
  const out: Record<string, CatalogEntry> = {};
  for (const def of list(entries)) {
    const entry: CatalogEntry = { category: def.category, name: def.name };
    if (def.idParam) entry.id = def.idParam;
    if (def.params) entry.params = { ...def.params };
    out[def.id] = entry;
  }
  return out;
}

/**
 * The blocker's rules: hosts (plus config-dependent ones, e.g. a self-hosted Matomo), first-party cookies
 * and storage keys. Third-party cookies are left out: a page can neither read nor delete them.
 * A configured vendor's category override is honoured.
 */
export function toBlockerRules(entries: Entries, configured: Readonly<Record<string, ResolvedVendor>> = {}): VendorRule[] {
  return list(entries).map((def) => {
    const vendor = configured[def.id];
    const hosts = [...def.hosts];
    if (vendor && def.hostParam) {
      const host = hostOfParam(vendor.params[def.hostParam.name] || def.hostParam.default);
      if (host) hosts.push(host);
    }
    const rule: VendorRule = {
      id: def.id,
      name: def.name,
      category: vendor?.category ?? def.category,
      hosts,
      cookies: def.cookies.filter((c) => !c.thirdParty).map((c) => (c.prefix ? { prefix: c.name } : c.name)),
    };
    if (def.storage) rule.storage = [...def.storage];
    if (def.indexedDB) rule.indexedDB = [...def.indexedDB];
    return rule;
  });
}

/** What a preferences dialog shows about a vendor (the shape of @consentry/ui's `VendorInfo`). */
export function toVendorInfo(def: VendorDefinition) {
  return {
    id: def.id,
    name: def.name,
    category: def.category,
    purpose: def.purpose,
    privacyPolicy: def.privacyPolicy,
    cookies: def.cookies.map((c) => ({ name: c.prefix ? `${c.name}*` : c.name, duration: c.lifetime })),
  };
}
