// Puts a request, cookie or storage key in a category: our vendor catalog first (it names the vendor
// by its config id), then the Open Cookie Database (exact names, then wildcard prefixes, longest
// first), then a short list of consent managers' own records, which are necessary by definition.
import { catalog, type VendorDefinition } from '@consentry/vendors';
import { OCD_ROWS, type OcdRow } from './data/open-cookie-database.js';
import type { Category, Classification, RequestKind } from './types.js';

/** 13 months, the ceiling Consentry's own decision cookie obeys (core's MAX_DAYS). */
export const LIFETIME_CEILING_DAYS = 395;

const rows = OCD_ROWS;
const exact = new Map<string, OcdRow>();
const prefixes: OcdRow[] = [];
for (const r of rows) {
  if (r[3]) prefixes.push(r);
  else if (!exact.has(r[0])) exact.set(r[0], r);
}
prefixes.sort((a, b) => b[0].length - a[0].length);

/** Consent managers whose own cookie only stores the choice: necessary, whatever the database files it under. */
const CMP_PLATFORMS = new Set(['Cookiebot', 'OneTrust', 'Didomi', 'Complianz', 'CookieYes', 'Cookie Script', 'Usercentrics', 'Klaro', 'Klaro!', 'Tarteaucitron', 'tarteaucitron', 'Osano', 'Iubenda', 'iubenda', 'Quantcast', 'TrustArc', 'Borlabs', 'Borlabs Cookie', 'CookieFirst', 'Termly', 'consentmanager', 'Consentmanager', 'PrivacyPillar', 'CookieHub', 'Axeptio']);
const CMP_NAMES: Array<[RegExp, string]> = [
  [/^consentry($|\.)/, 'Consentry'],
  [/^cc_cookie$/, 'vanilla-cookieconsent'],
  [/^klaro$/, 'Klaro'],
  [/^tarteaucitron$/, 'tarteaucitron'],
  [/^(CookieConsent|CookieConsentBulkSetting-)/, 'Cookiebot'],
  [/^(OptanonConsent|OptanonAlertBoxClosed)$/, 'OneTrust'],
  [/^(uc_settings|uc_user_interaction|ucData|uc_gcm)$/, 'Usercentrics'],
  [/^cmplz_/, 'Complianz'],
  [/^(euconsent-v2|addtl_consent|__tcfapi)$/, 'IAB TCF'],
];

const UNKNOWN: Classification = { category: 'unknown', vendorId: null, vendor: null, source: null };

function vendorClass(def: VendorDefinition): Classification {
  return { category: def.category, vendorId: def.id, vendor: def.name, source: 'catalog' };
}

const defs = Object.values(catalog);

function nameMatches(pattern: string | { prefix: string }, name: string, prefix?: boolean): boolean {
  if (typeof pattern !== 'string') return name.startsWith(pattern.prefix);
  return prefix ? name.startsWith(pattern) : name === pattern;
}

export interface NameClassification extends Classification {
  retention: string | null;
}

/** A cookie or storage key by its name. */
export function classifyName(name: string, area: 'cookie' | 'storage'): NameClassification {
  for (const [re, cmp] of CMP_NAMES) {
    if (re.test(name)) return { category: 'necessary', vendorId: null, vendor: cmp, source: 'cmp', retention: null };
  }
  for (const def of defs) {
    if (area === 'cookie') {
      const c = def.cookies.find((k) => nameMatches(k.name, name, k.prefix));
      if (c) return { ...vendorClass(def), retention: c.lifetime };
    } else if (def.storage?.some((p) => nameMatches(p, name))) {
      return { ...vendorClass(def), retention: null };
    }
  }
  const row = exact.get(name) ?? prefixes.find((r) => name.startsWith(r[0]));
  if (!row) return { ...UNKNOWN, retention: null };
  const cmp = CMP_PLATFORMS.has(row[1]);
  return {
    category: cmp ? 'necessary' : row[2],
    vendorId: null,
    vendor: row[1],
    source: cmp ? 'cmp' : 'open-cookie-database',
    retention: row[4] || null,
  };
}

/** `www.googletagmanager.com/gtag/` matches the host (or a subdomain) and, when given, the path prefix. */
function hostMatches(rule: string, url: URL): boolean {
  const slash = rule.indexOf('/');
  const host = slash < 0 ? rule : rule.slice(0, slash);
  const path = slash < 0 ? '' : rule.slice(slash);
  const h = url.hostname;
  return (h === host || h.endsWith(`.${host}`)) && url.pathname.startsWith(path);
}

/** A third-party request by its URL. Hosts two vendors share (Google's gtag) are told apart by the tag id. */
export function classifyUrl(raw: string): Classification {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return UNKNOWN;
  }
  const hits = defs.filter((d) => d.hosts.some((h) => hostMatches(h, url)));
  if (hits.length === 0) return UNKNOWN;
  if (hits.length > 1) {
    const id = url.searchParams.get('id') ?? '';
    const byId = id.startsWith('AW-') ? hits.find((d) => d.id === 'google-ads') : id.startsWith('G-') ? hits.find((d) => d.id === 'google-analytics') : undefined;
    if (byId) return vendorClass(byId);
  }
  return vendorClass(hits[0]!);
}

const MULTI_PART_SUFFIX = /\.(co|com|org|net|gov|ac|edu)\.[a-z]{2}$/;

/** The registrable part of a host, near enough without a public-suffix list: `www.shop.example.co.uk` → `example.co.uk`. */
export function siteOf(host: string): string {
  const h = host.toLowerCase().replace(/\.$/, '');
  if (/^[\d.]+$/.test(h) || h.includes(':') || !h.includes('.')) return h;
  const labels = h.split('.');
  return labels.slice(MULTI_PART_SUFFIX.test(h) ? -3 : -2).join('.');
}

export function isThirdParty(host: string, pageHost: string): boolean {
  return siteOf(host) !== siteOf(pageHost);
}

/** Days from now until `expires` (seconds since epoch, as CDP and Playwright give it); null for session cookies. */
export function lifetimeDays(expires: number, now = Date.now()): number | null {
  if (!(expires > 0)) return null;
  return Math.max(0, Math.round(((expires * 1000 - now) / 86_400_000) * 10) / 10);
}

export function humanDays(days: number): string {
  if (days >= 365) {
    const y = Math.round((days / 365) * 10) / 10;
    return `${y} year${y === 1 ? '' : 's'}`;
  }
  if (days >= 60) return `${Math.round(days / 30.4)} months`;
  return `${Math.round(days)} day${Math.round(days) === 1 ? '' : 's'}`;
}

/** script / beacon / frame / other, from what Chromium says the request is for. */
export function kindOf(resourceType: string, method: string, url: string): RequestKind {
  if (resourceType === 'script') return 'script';
  if (resourceType === 'document') return 'frame';
  if (resourceType === 'ping' || resourceType === 'beacon') return 'beacon';
  if (['xhr', 'fetch', 'image', 'other'].includes(resourceType) && (method !== 'GET' || url.includes('?'))) return 'beacon';
  return 'other';
}

export const nonNecessary = (c: Category): boolean => c !== 'necessary' && c !== 'unknown';
