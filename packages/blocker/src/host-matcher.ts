import type { VendorRule } from './types.js';

interface HostEntry {
  rule: VendorRule;
  path: string;
}

export type HostMatcher = (url: string) => VendorRule[] | null;

/**
 * Maps a URL to the rules whose hosts it belongs to. One `URL` parse and one map lookup per hostname
 * label; the page's own host and relative URLs return at once (first party is never held).
 */
export function createHostMatcher(rules: readonly VendorRule[], pageHost: () => string): HostMatcher {
  const byHost = new Map<string, HostEntry[]>();
  for (const rule of rules) {
    for (const raw of rule.hosts) {
      const slash = raw.indexOf('/');
      const host = (slash < 0 ? raw : raw.slice(0, slash)).toLowerCase().replace(/^\*?\./, '');
      const path = slash < 0 ? '' : raw.slice(slash);
      if (!host) continue;
      const list = byHost.get(host) ?? [];
      list.push({ rule, path });
      byHost.set(host, list);
    }
  }
  return (url) => {
    if (byHost.size === 0 || !url) return null;
    const c0 = url.charCodeAt(0);
    // "/path" (not "//host") and "?q" / "#h" are same-origin: no parsing needed.
    if ((c0 === 47 && url.charCodeAt(1) !== 47) || c0 === 63 || c0 === 35) return null;
    let parsed: URL;
    try {
      parsed = new URL(url, location.href);
    } catch {
      return null;
    }
    const hostname = parsed.hostname;
    if (!hostname || hostname === pageHost() || !/^(http|ws)s?:$/.test(parsed.protocol)) return null;
    let found: VendorRule[] | null = null;
    let label = hostname;
    for (;;) {
      const entries = byHost.get(label);
      if (entries) {
        for (const e of entries) {
          if (e.path && !parsed.pathname.startsWith(e.path)) continue;
          (found ??= []).push(e.rule);
        }
      }
      const dot = label.indexOf('.');
      if (dot < 0) break;
      label = label.slice(dot + 1);
    }
    return found;
  };
}
