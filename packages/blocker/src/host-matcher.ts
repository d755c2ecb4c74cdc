import type { VendorRule } from './types.js';

interface HostEntry {
  rule: VendorRule;
  path: string;
}

/** A URL as the browser will request it (`href`, resolved once) and the rules holding it. */
export interface Resolved {
  href: string;
  rules: VendorRule[] | null;
}

export interface HostMatcher {
  /** The rules owning `url`, resolved against `base` (default: the document's base URL) as the browser does. */
  (url: string, base?: string): VendorRule[] | null;
  /**
   * For the request interceptors: the same, plus endpoint rules (host `*`, `/g/collect?tid`) on any host, the page's own
   * included. `href` is what the native call must be given, so what was checked is what is requested.
   */
  request(url: string, base?: () => string): Resolved;
}

const WEB = /^(http|ws)s?:$/;
/** What the URL parser rewrites inside a path: escapes, backslashes, tabs and newlines. */
const REWRITTEN = /[%\\\t\n\r]/;
/** `scheme://…`: the base URL plays no part (`https:x` and `https:/x` are relative to a same-scheme base). */
const ABSOLUTE = /^[a-z][a-z\d+.-]*:\/\//i;
const noDot = (host: string) => (host.endsWith('.') ? host.slice(0, -1) : host);

/** A path entry matches on a segment boundary (`/gtag/` → `/gtag/js`; `/a` → `/a`, not `/ads`). */
function under(pathname: string, path: string): boolean {
  return pathname === path || pathname.startsWith(path.endsWith('/') ? path : `${path}/`);
}

/** The path as a server reads it: percent-decoded and lower-cased, so `/GTM%2Ejs` is `/gtm.js`. */
function plainPath(u: URL): string {
  let path = u.pathname;
  if (path.includes('%')) {
    try {
      path = decodeURIComponent(path);
    } catch {
      // malformed escapes: compare as written
    }
  }
  return path.toLowerCase();
}

/**
 * Maps a URL to the rules whose hosts it belongs to, reading the URL the way the browser will: one
 * `new URL(url, base)` (backslashes, tabs and newlines, `<base href>`, trailing dots, case,
 * percent-encoding and userinfo all come out as the request will), then one map lookup per hostname
 * label. A path like `/api` costs no parse while the base URL is the page's own host. The page's own
 * host is never held by a host rule; endpoint rules (host `*`) are for the request interceptors only.
 */
export function createHostMatcher(rules: readonly VendorRule[], pageHost: () => string): HostMatcher {
  const byHost = new Map<string, HostEntry[]>();
  const endpoints: Array<{ path: string; param: string; rule: VendorRule }> = [];
  for (const rule of rules) {
    for (const raw of rule.hosts) {
      const slash = raw.indexOf('/');
      if (raw.startsWith('*/')) {
        const [path = '', param = ''] = raw.slice(1).toLowerCase().split('?');
        endpoints.push({ path: path.replace(/(.)\/$/, '$1'), param, rule });
        continue;
      }
      const host = (slash < 0 ? raw : raw.slice(0, slash)).toLowerCase().replace(/^\*?\./, '');
      const path = slash < 0 ? '' : raw.slice(slash).toLowerCase();
      if (!host) continue;
      const list = byHost.get(host) ?? [];
      list.push({ rule, path });
      byHost.set(host, list);
    }
  }

  let lastBase = '';
  let baseIsPage = false;
  /** A path-absolute, query or fragment URL on a base of the page's own host: same-origin, nothing to parse. */
  function samePage(url: string, base: string): boolean {
    const c0 = url.charCodeAt(0);
    const c1 = url.charCodeAt(1);
    // "//host", "/\host" and "/<tab>/host" are scheme-relative to the URL parser.
    const relative = (c0 === 47 && c1 !== 47 && c1 !== 92 && c1 !== 9 && c1 !== 10 && c1 !== 13) || c0 === 63 || c0 === 35;
    if (!relative) return false;
    if (base !== lastBase) {
      lastBase = base;
      try {
        const u = new URL(base);
        baseIsPage = WEB.test(u.protocol) && noDot(u.hostname) === noDot(pageHost());
      } catch {
        baseIsPage = false;
      }
    }
    return baseIsPage;
  }

  function parse(url: string, base?: string): URL | null {
    try {
      return new URL(url, base);
    } catch {
      return null;
    }
  }

  function owners(u: URL): VendorRule[] | null {
    const hostname = noDot(u.hostname);
    if (!hostname || hostname === noDot(pageHost()) || !WEB.test(u.protocol)) return null;
    let found: VendorRule[] | null = null;
    let path: string | undefined;
    let label = hostname;
    for (;;) {
      const entries = byHost.get(label);
      if (entries) {
        // A path entry is more specific than a bare host in the same list: when one matches, it decides.
        let bare: VendorRule[] | null = null;
        let specific: VendorRule[] | null = null;
        for (const e of entries) {
          if (!e.path) (bare ??= []).push(e.rule);
          else if (under((path ??= plainPath(u)), e.path)) (specific ??= []).push(e.rule);
        }
        const hit = specific ?? bare;
        if (hit) found = found ? found.concat(hit) : hit;
      }
      const dot = label.indexOf('.');
      if (dot < 0) break;
      label = label.slice(dot + 1);
    }
    return found;
  }

  function atEndpoint(u: URL, found: VendorRule[] | null): VendorRule[] | null {
    if (!WEB.test(u.protocol)) return found;
    let path = plainPath(u);
    if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
    for (const e of endpoints) {
      if (path.endsWith(e.path) && (!e.param || u.searchParams.has(e.param))) found = found ? [...found, e.rule] : [e.rule];
    }
    return found;
  }

  const docBase = () => document.baseURI;
  /** Worth an endpoint check: the URL names an endpoint's path, or the parser may rewrite its path. */
  const hint = (url: string) => REWRITTEN.test(url) || endpoints.some((e) => url.toLowerCase().includes(e.path));

  const match = ((url: string, base?: string) => {
    if (byHost.size === 0 || !url) return null;
    if (ABSOLUTE.test(url)) {
      const u = parse(url);
      return u && owners(u);
    }
    const b = base ?? docBase();
    if (samePage(url, b)) return null;
    const u = parse(url, b);
    return u && owners(u);
  }) as HostMatcher;

  match.request = (url, base = docBase) => {
    if (!url || (byHost.size === 0 && endpoints.length === 0)) return { href: url, rules: null };
    // An absolute URL is requested as written (the browser parses the same string the same way);
    // a relative one is given to the native call resolved, against the base it was checked with.
    const absolute = ABSOLUTE.test(url);
    const b = absolute ? '' : base();
    if (!absolute && samePage(url, b)) {
      if (!endpoints.length || !hint(url)) return { href: url, rules: null };
      const u = parse(url, b);
      return { href: u ? u.href : url, rules: u && atEndpoint(u, null) };
    }
    const u = absolute ? parse(url) : parse(url, b);
    if (!u) return { href: url, rules: null };
    const rules = owners(u);
    return { href: absolute ? url : u.href, rules: endpoints.length && hint(url) ? atEndpoint(u, rules) : rules };
  };
  return match;
}
