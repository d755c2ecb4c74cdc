import { ConsentryConfigError, type ConfigIssue } from './errors.js';
import { validateJurisdictions } from './jurisdiction.js';
import {
  CATEGORIES,
  OPTIONAL_CATEGORIES,
  type Category,
  type OptionalCategory,
  type ResolvedConfig,
  type ResolvedVendor,
  type SiteItem,
  type SiteService,
  type VendorCatalogLookup,
  type VendorParamSpec,
} from './types.js';

type Obj = Record<string, unknown>;
type Report = (path: string, message: string) => void;
/** A validator reads one value at a path, reports what is wrong and returns the value or its default. */
type V<T = unknown> = (value: unknown, path: string, report: Report) => T;

/** 13 months: the longest any decision may be remembered (CNIL, TCF). */
export const MAX_DAYS = 395;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
const keysOf = Object.keys;

/** Edit distance, for "did you mean …?" hints on typos. */
function distance(a: string, b: string): number {
  let prev = [...Array(b.length + 1).keys()];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + +(a[i - 1] !== b[j - 1]));
    }
    prev = row;
  }
  return prev[b.length]!;
}

export function didYouMean(key: string, options: readonly string[]): string {
  const best = options.find((o) => distance(key.toLowerCase(), o.toLowerCase()) < 3);
  return best ? `; did you mean ${best}?` : `; expected one of ${options.join(', ')}`;
}

function checkKeys(value: Obj, allowed: readonly string[], path: string, report: Report, what: string): void {
  for (const key of keysOf(value)) {
    if (!allowed.includes(key)) report(join(path, key), `unknown ${what}${didYouMean(key, allowed)}`);
  }
}

// Validator builders: the config's shape below reads like its documentation.
const check =
  <T>(ok: (v: unknown) => boolean, expected: string, fallback?: T): V<T> =>
  (v, path, report) => {
    if (v === undefined) return fallback as T;
    if (ok(v)) return v as T;
    report(path, `expected ${expected}, got ${JSON.stringify(v)}`);
    return fallback as T;
  };
const bool = (fallback?: boolean) => check((v) => typeof v === 'boolean', 'true or false', fallback);
const int = (min: number, max: number, fallback?: number, unit = 'a whole number') =>
  check((v) => Number.isInteger(v) && (v as number) >= min && (v as number) <= max, `${unit} from ${min} to ${max}`, fallback);
const oneOf = <T extends string>(options: readonly T[], fallback?: T) =>
  check<T>((v) => options.includes(v as T), options.join(' | '), fallback);
const matching = (re: RegExp, expected: string, fallback?: string) =>
  check((v) => typeof v === 'string' && v.length <= 4000 && re.test(v), expected, fallback);
// Config URLs become links: only web and relative URLs are safe there.
const url = matching(/^(https?:\/\/|(?!\s*[a-z][a-z\d+.-]*:))./i, 'an http(s) or relative URL');

/** An object with known keys; `true` stands for `{}`; absent keys with no default are left out. */
const obj =
  (shape: Record<string, V>, what = 'option'): V<Obj> =>
  (v, path, report) => {
    if (v === undefined || v === true) v = {};
    if (!isObj(v)) {
      report(path, 'expected an object');
      v = {};
    }
    checkKeys(v as Obj, keysOf(shape), path, report, what);
    const out: Obj = {};
    for (const key of keysOf(shape)) {
      const value = shape[key]!((v as Obj)[key], join(path, key), report);
      if (value !== undefined) out[key] = value;
    }
    return out;
  };
/** `false` (and, for `proof`, absence) switches a feature off. */
const off =
  (inner: V, absentToo = false): V =>
  (v, path, report) =>
    v === false || (absentToo && v === undefined) ? null : inner(v, path, report);
/** A map from validated keys to validated values. */
const record =
  (keyRe: RegExp, keyExpected: string, value: V, lower = false): V<Obj> =>
  (v, path, report) => {
    const out: Obj = {};
    if (v === undefined) return out;
    if (!isObj(v)) report(path, 'expected an object');
    else
      for (const [key, item] of Object.entries(v)) {
        if (keyRe.test(key)) out[lower ? key.toLowerCase() : key] = value(item, join(path, key), report);
        else report(join(path, key), `expected ${keyExpected}`);
      }
    return out;
  };

const LANG = /^[a-z]{2,3}(-[a-z\d]{2,8})*$/i;
const VENDOR_ID = /^[a-z\d][a-z\d-]{0,63}$/;
const categoryFlags = Object.fromEntries(OPTIONAL_CATEGORIES.map((c) => [c, bool()]));

const shape = {
  revision: int(0, 1e9, 1),
  language: matching(/^(auto|browser)$|^[a-z]{2,3}(-[a-z\d]{2,8})*$/i, '"auto", "browser" or a language tag like lv', 'auto'),
  categories: (v: unknown, path: string, report: Report) => {
    // `hidden` would grant a category the visitor never saw; it is refused with the way out.
    const category = obj({ hidden: (x: unknown, p: string, r: Report) => void (x === undefined || r(p, 'removed: every listed category is shown; leave it out of "categories" instead')) });
    const given = obj(Object.fromEntries(CATEGORIES.map((c) => [c, (x: unknown, p: string, r: Report) => x === undefined ? x : category(x, p, r)])), 'category')(
      v ?? Object.fromEntries(CATEGORIES.map((c) => [c, {}])),
      path,
      report,
    );
    return CATEGORIES.filter((c) => c === 'necessary' || given[c] !== undefined);
  },
  vendors: (v: unknown) => v, // needs the categories and the catalog: checked in resolveVendors
  cookie: obj({
    name: matching(/^[\w-]{1,64}$/, 'letters, digits, _ or -', 'consentry'),
    domain: matching(/^\.?[a-z\d.-]+$/i, 'a domain like .example.com'),
    path: matching(/^\//, 'a path starting with /', '/'),
    expiresDays: int(1, MAX_DAYS, 365, 'days'),
    refusalExpiresDays: int(1, MAX_DAYS, 182, 'days'),
  }),
  proof: off(obj({ endpoint: url, queueLimit: int(1, 1000, 50) }), true),
  googleConsentMode: off(
    obj({
      // Absent means basic; left out of the resolved config like developerId.
      mode: oneOf(['basic', 'advanced']),
      waitForUpdate: int(0, 1e4, 500, 'milliseconds'),
      urlPassthrough: bool(false),
      adsDataRedaction: bool(true),
      developerId: matching(/^[\w.-]+$/, 'a developer id'),
      regions: (v: unknown, path: string, report: Report) =>
        check<unknown[]>(Array.isArray, 'an array', [])(v, path, report).map((r, i) =>
          obj({ region: check((x) => Array.isArray(x) && x.length > 0 && x.every((c) => /^[A-Z]{2}(-[A-Z\d]{1,3})?$/.test(c)), 'ISO 3166 codes like ["US", "US-CA"]'), ...categoryFlags })(r, `${path}.${i}`, report),
        ),
    }),
  ),
  gpc: bool(true),
  theme: oneOf(['light', 'dark', 'auto'], 'auto'),
  layout: oneOf(['bar', 'box', 'modal'], 'bar'),
  reopenButton: off(obj({ position: oneOf(['bottom-left', 'bottom-right'], 'bottom-left') })),
  links: obj({ privacyPolicy: url, cookiePolicy: url }),
  texts: record(LANG, 'a language tag like en, lv or pt-BR', record(/./, 'a text key', matching(/[^]/, 'a string (plain text)')), true),
  autoBlock: bool(true),
  reloadOnWithdraw: bool(false),
  nonce: matching(/^[\w+/=-]+$/, 'a base64 nonce'),
  // The network wall's worker (docs/service-worker.md): same origin only, as a worker's scope must be.
  serviceWorker: off(matching(/^\/(?![/\\])/, 'a path on this site like /sw.js')),
  jurisdictions: validateJurisdictions,
  // The opt-in IAB TCF module validates its own section (@consentry/tcf, docs/tcf.md); core only carries it.
  tcf: (v: unknown) => v,
};

// A site's own service (a vendor outside the catalog) declares what it is and what it writes.
const SERVICE_KEYS = ['name', 'purpose', 'privacyPolicy', 'cookies', 'localStorage', 'sessionStorage'];
const LIFETIMES = '"1 year", "30 days", "session" or "persistent"';
/** Shapes every shipped language can phrase (format-duration.ts). */
const LIFETIME = /^(session|persistent|unknown|\d{1,6} (second|minute|hour|day|week|month|year)s?)$/i;
const required =
  <T>(inner: V<T>, hint: string): V<T> =>
  (v, path, report) => {
    if (v === undefined) report(path, `required; ${hint}`);
    return inner(v, path, report);
  };
const siteItem = obj({
  name: required(matching(/^[^\s;,=]{1,200}$/, 'a cookie or storage key name (no spaces, ; , or =)'), 'the cookie or storage key name'),
  prefix: bool(),
  lifetime: required(matching(LIFETIME, `like ${LIFETIMES}`), `like ${LIFETIMES}`),
});
const siteItems: V<SiteItem[]> = (v, path, report) =>
  check<unknown[]>(Array.isArray, 'an array', [])(v, path, report).map((item, i) => siteItem(item, `${path}.${i}`, report) as unknown as SiteItem);
/** A text for every language (key '') or texts by language tag. */
const localText: V<Record<string, string> | undefined> = (v, path, report) => {
  if (v === undefined) return undefined;
  if (typeof v === 'string' && v.length <= 4000) return { '': v };
  if (isObj(v)) return record(LANG, 'a language tag like en, lv or pt-BR', matching(/[^]/, 'a string (plain text)'), true)(v, path, report) as Record<string, string>;
  report(path, `expected a text, or texts by language like { "en": "…", "lv": "…" }, got ${JSON.stringify(v)}`);
  return undefined;
};

/**
 * Reads the service keys of a site's own vendor. The texts in English (or the only or first language
 * given) are the service's own; the other languages go to `texts` as `vendor.<id>.name` / `.purpose`,
 * where the dialog, the proof's notice and the declaration already look.
 */
function siteService(id: string, cfg: Obj, path: string, report: Report, texts: Record<string, Record<string, string>>): SiteService {
  const own: Record<string, string> = {};
  const local = (key: 'name' | 'purpose', fallback: string): string => {
    const given = localText(cfg[key], `${path}.${key}`, report) ?? {};
    const main = given[''] ?? given['en'] ?? Object.values(given)[0] ?? fallback;
    for (const [lang, text] of Object.entries(given)) {
      if (lang && text !== main) (texts[lang] ??= {})[`vendor.${id}.${key}`] = text;
    }
    return (own[key] = main);
  };
  const service: SiteService = {
    name: local('name', id),
    purpose: local('purpose', ''),
    cookies: siteItems(cfg.cookies, `${path}.cookies`, report),
    localStorage: siteItems(cfg.localStorage, `${path}.localStorage`, report),
    sessionStorage: siteItems(cfg.sessionStorage, `${path}.sessionStorage`, report),
  };
  const policy = url(cfg.privacyPolicy, `${path}.privacyPolicy`, report);
  if (policy) service.privacyPolicy = policy;
  return service;
}

function vendorParam(spec: VendorParamSpec, value: unknown, path: string, report: Report): void {
  if (value === undefined) {
    if (spec.required) report(path, `required${spec.example ? `; expected something like ${spec.example}` : ''}`);
  } else if (typeof value !== spec.type || (spec.pattern && !spec.pattern.test(String(value)))) {
    report(path, `malformed value ${JSON.stringify(value)}; expected ${spec.example ?? `a ${spec.type}`}`);
  }
}

function resolveVendors(
  input: unknown,
  categories: readonly Category[],
  catalog: VendorCatalogLookup | undefined,
  report: Report,
  texts: Record<string, Record<string, string>> = {},
): Record<string, ResolvedVendor> {
  const out: Record<string, ResolvedVendor> = {};
  const all = record(VENDOR_ID, 'a vendor id of lower-case letters, digits and dashes', (v) => v)(input, 'vendors', report);
  for (const [id, raw] of Object.entries(all)) {
    const path = `vendors.${id}`;
    const cfg = raw === true ? {} : raw;
    if (!isObj(cfg)) {
      report(path, 'expected an object like { "id": "…" }');
      continue;
    }
    const entry = catalog && Object.prototype.hasOwnProperty.call(catalog, id) ? catalog[id] : undefined;
    const category = oneOf(OPTIONAL_CATEGORIES, entry?.category)(cfg.category, `${path}.category`, report);
    if (!category) {
      report(path, `unknown vendor${catalog ? didYouMean(id, keysOf(catalog)) : '; declare its "category" or load the vendor catalog'}`);
      continue;
    }
    const enabled = bool(true)(cfg.enabled, `${path}.enabled`, report);
    // A site's own vendor outside the catalog may carry any options, and declare itself (SERVICE_KEYS).
    const own = !entry && SERVICE_KEYS.some((k) => cfg[k] !== undefined);
    const specs: Record<string, VendorParamSpec> = entry
      ? { id: entry.id ?? { type: 'string' }, ...entry.params }
      : Object.fromEntries(keysOf(cfg).filter((k) => !own || !SERVICE_KEYS.includes(k)).map((k) => [k, { type: typeof cfg[k] as VendorParamSpec['type'] }]));
    checkKeys(cfg, ['enabled', 'category', ...keysOf(specs), ...(own ? SERVICE_KEYS : [])], path, report, 'vendor option');
    const service = own ? siteService(id, cfg, path, report, enabled ? texts : {}) : undefined;
    const params: ResolvedVendor['params'] = {};
    for (const [key, spec] of Object.entries(specs)) {
      if (key === 'enabled' || key === 'category') continue;
      // A switched-off vendor may keep a half-filled config without breaking the site.
      if (enabled) vendorParam(spec, cfg[key], `${path}.${key}`, report);
      if (cfg[key] !== undefined) params[key] = cfg[key] as string;
    }
    if (!categories.includes(category)) report(`${path}.category`, `category ${category} is not listed in "categories"`);
    if (enabled) out[id] = { id, category: category as OptionalCategory, params, ...(service ? { service } : {}) };
  }
  return out;
}

/**
 * Validates a whole config (docs/architecture.md, section 3) in one pass and fills in defaults.
 * Every problem is collected, so a site sees all its mistakes at once.
 */
export function resolveConfig(input: unknown, catalog?: VendorCatalogLookup): ResolvedConfig {
  const issues: ConfigIssue[] = [];
  const report: Report = (path, message) => void issues.push({ path, message });
  if (!isObj(input)) throw new ConsentryConfigError([{ path: '', message: 'expected a config object' }]);
  const resolved = obj(shape, 'key')(input, '', report) as unknown as ResolvedConfig;
  const serviceTexts: Record<string, Record<string, string>> = {};
  resolved.vendors = resolveVendors(input.vendors, resolved.categories, catalog, report, serviceTexts);
  // The config's own `texts` win over a service's.
  for (const [lang, table] of Object.entries(serviceTexts)) resolved.texts[lang] = { ...table, ...resolved.texts[lang] };
  if (resolved.proof && !resolved.proof.endpoint) {
    report('proof.endpoint', 'required; the URL of your consent server, like https://consent.example.com/v1/consents');
  }
  if (issues.length) throw new ConsentryConfigError(issues);
  return resolved;
}
