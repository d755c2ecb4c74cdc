import type { NamePattern, VendorRule } from '@consentry/blocker';
import { resolveConfig, type CatalogEntry, type OptionalCategory, type ResolvedVendor, type VendorCatalogLookup } from '@consentry/core';
import { hostOfParam, toCatalogLookup } from './adapters.js';
import type { VendorDefinition } from './types.js';

/**
 * The catalog reduced to what blocking and the first pass of config validation need for every
 * vendor, as plain strings and numbers (no functions, patterns or disclosure texts), so the
 * script-tag build can inline all of it in about 1.5 kB and fetch a vendor's full definition
 * (loader, purpose, cookie lifetimes, the shape of its `id`) only when a site configures it.
 *
 * One string: vendors separated by `;`, and per vendor, separated by `|`:
 * `id|name|category index|hosts|first-party cookies|storage keys|params|host param|IndexedDB names`.
 * Lists are space-separated; a trailing `*` marks a prefix. `params` names the config options
 * besides `id` (all strings); their formats are checked against the full definition
 * (`checkVendorConfig`) before its loader may run. A string rather than nested arrays because it
 * is what the script-tag file carries: no quotes or brackets per value.
 */
export type CompactCatalog = string;
export type CompactVendor = [id: string, name: string, category: string, hosts: string, cookies: string, storage: string, params: string, hostParam: string, indexedDB?: string];

const CATEGORIES: readonly OptionalCategory[] = ['functional', 'statistics', 'targeting'];

const names = (list: readonly NamePattern[]): string => list.map((n) => (typeof n === 'string' ? n : `${n.prefix}*`)).join(' ');

/** Build time: the catalog as compact data (see `CompactVendor`). */
export function encodeCatalog(entries: Readonly<Record<string, VendorDefinition>>): CompactCatalog {
  const rows = Object.values(entries).map((def): CompactVendor => [
    def.id,
    def.name,
    String(CATEGORIES.indexOf(def.category)),
    def.hosts.join(' '),
    names(def.cookies.filter((c) => !c.thirdParty).map((c) => (c.prefix ? { prefix: c.name } : c.name))),
    names(def.storage ?? []),
    Object.keys(def.params ?? {}).join(' '),
    def.hostParam ? `${def.hostParam.name} ${def.hostParam.default ?? ''}`.trim() : '',
    names(def.indexedDB ?? []),
  ]);
  for (const row of rows) {
    if (row.some((field) => field !== undefined && /[|;]/.test(field))) throw new Error(`vendor ${row[0]}: | and ; are separators in the compact catalog`);
  }
  // Most vendors keep no database: their row stops at the host param.
  return rows.map((row) => (row[8] ? row : row.slice(0, 8)).join('|')).join(';');
}

/** The vendors of a compact catalog, as tuples. */
export const compactVendors = (compact: CompactCatalog): CompactVendor[] =>
  compact ? compact.split(';').map((row) => row.split('|') as CompactVendor) : [];

const split = (list: string): NamePattern[] =>
  list ? list.split(' ').map((n) => (n.endsWith('*') ? { prefix: n.slice(0, -1) } : n)) : [];

/**
 * What core needs for the first pass over `vendors` config: category, name and which options a
 * vendor takes (unknown vendors, typos, unknown options, wrong types). Formats come later.
 */
export function compactLookup(compact: CompactCatalog): VendorCatalogLookup {
  const out: Record<string, CatalogEntry> = {};
  for (const [id, name, category, , , , params] of compactVendors(compact)) {
    const entry: CatalogEntry = { category: CATEGORIES[+category] as OptionalCategory, name };
    if (params) entry.params = Object.fromEntries(params.split(' ').map((k) => [k, { type: 'string' as const }]));
    out[id] = entry;
  }
  return out;
}

/** The blocker's rules from compact data (same as `toBlockerRules`). */
export function compactRules(compact: CompactCatalog, configured: Readonly<Record<string, ResolvedVendor>> = {}): VendorRule[] {
  return compactVendors(compact).map(([id, name, category, hosts, cookies, storage, , hostParam, indexedDB]) => {
    const vendor = configured[id];
    const rule: VendorRule = { id, name, category: vendor?.category ?? (CATEGORIES[+category] as OptionalCategory), hosts: hosts ? hosts.split(' ') : [], cookies: split(cookies) };
    if (vendor && hostParam) {
      const [param, fallback] = hostParam.split(' ') as [string, string?];
      const host = hostOfParam(vendor.params[param] || fallback);
      if (host) rule.hosts.push(host);
    }
    if (storage) rule.storage = split(storage);
    if (indexedDB) rule.indexedDB = split(indexedDB);
    return rule;
  });
}

/**
 * The second pass: a configured vendor's options against its full definition (the shape of its `id`,
 * required options). Returns core's error message naming the path, or null when the loader may run.
 */
export function checkVendorConfig(vendor: ResolvedVendor, def: VendorDefinition): string | null {
  try {
    resolveConfig({ categories: { [vendor.category]: {} }, vendors: { [vendor.id]: { ...vendor.params, category: vendor.category } } }, toCatalogLookup([def]));
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
