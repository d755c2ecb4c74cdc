import type { VendorRule } from '@consentry/blocker';
import { VENDOR_INDEX } from './catalog-index.js';
import { createWall } from './wall.js';

/**
 * The fetch directives the policies write. CSP checks each of them on every hop of a redirect, in
 * workers (which inherit the page's policy or carry their own), for CSS `url()`, `@import`, fonts and
 * `import()`: everything a script in the page cannot hold.
 */
const FETCH = ['default-src', 'script-src', 'style-src', 'img-src', 'connect-src', 'frame-src', 'font-src', 'media-src', 'worker-src'] as const;
export type FetchDirective = (typeof FETCH)[number];

export interface CspOptions {
  /** This response's nonce: inline scripts and styles carrying it run (else `'unsafe-inline'`). */
  nonce?: string;
  /** The site's other origins (a CDN, its API), allowed in every directive: `cdn.example.com`, `https://api.example.com`. */
  allow?: readonly string[];
  /** More sources for one directive: `{ 'img-src': ['https://images.example.net'] }`. */
  directives?: Partial<Record<FetchDirective, readonly string[]>>;
}

const SOURCE = /^(?:'[\w+/=-]+'|[a-z][a-z\d+.-]*:|(?:[a-z][a-z\d+.-]*:\/\/)?(?:\*\.)?[a-z\d.-]+(?::\d+)?(?:\/[\w./~%-]*)?)$/i;

/** A vendor's host rules as CSP sources: a host suffix with its subdomains, a path rule as that path. */
export function hostSources(rules: readonly VendorRule[]): string[] {
  const out = new Set<string>();
  for (const rule of rules) {
    for (const raw of rule.hosts) {
      const slash = raw.indexOf('/');
      const host = (slash < 0 ? raw : raw.slice(0, slash)).toLowerCase().replace(/^\*?\./, '');
      if (!host) continue;
      if (slash >= 0) out.add(`${host}${raw.slice(slash)}`);
      else out.add(host).add(`*.${host}`);
    }
  }
  return [...out];
}

/** One policy from the allowed third-party sources (already checked) and the options. */
export function buildPolicy(sources: readonly string[], options: CspOptions = {}): string {
  const extra = [...(options.allow ?? []), ...Object.values(options.directives ?? {}).flat()];
  // A source with a space or `;` would write a directive of its own: refused, like a bad config.
  const bad = extra.find((s) => !SOURCE.test(s));
  if (bad !== undefined) throw new TypeError(`Consentry CSP: ${JSON.stringify(bad)} is not a CSP source (a host like cdn.example.com, a scheme like data:, or a quoted keyword)`);
  if (options.nonce !== undefined && !/^[\w+/=-]+$/.test(options.nonce)) throw new TypeError('Consentry CSP: the nonce must be base64');
  const inline = options.nonce ? `'nonce-${options.nonce}'` : "'unsafe-inline'";
  const parts = FETCH.map((d) => {
    const list = ["'self'", ...(options.allow ?? []), ...sources, ...(options.directives?.[d] ?? [])];
    if (d === 'script-src' || d === 'style-src') list.push(inline);
    // Images and media drawn from the page's own data (the banner uses none; sites often do).
    if (d === 'img-src') list.push('data:', 'blob:');
    if (d === 'worker-src') list.push('blob:');
    return `${d} ${[...new Set(list)].join(' ')}`;
  });
  return [...parts, "object-src 'none'", "base-uri 'self'"].join('; ');
}

export type CspPolicy = (cookieHeader: string | null | undefined, nonce?: string) => string;

/**
 * A per-visitor `Content-Security-Policy` from the consent cookie: first party, the site's own
 * `allow` list, and the hosts of the vendors this visitor granted, nothing else. Built once per
 * config (throws `ConsentryConfigError` with the config paths for an invalid one); then per request.
 */
export function createCspPolicy(config: unknown, options: CspOptions = {}, now: () => number = Date.now): CspPolicy {
  const wall = createWall(config, VENDOR_INDEX, now);
  buildPolicy([], options);
  return (cookieHeader, nonce = options.nonce) => {
    const denied = new Set(wall.denied(cookieHeader));
    const granted = wall.rules.filter((r) => !denied.has(r));
    return buildPolicy(hostSources(granted), nonce === undefined ? { ...options } : { ...options, nonce });
  };
}

/** One call: the policy for this `Cookie` header and config. */
export function cspFor(cookieHeader: string | null | undefined, config: unknown, options: CspOptions = {}): string {
  return createCspPolicy(config, options)(cookieHeader);
}

interface NodeRequest {
  headers: { cookie?: string | undefined };
}
interface NodeResponse {
  setHeader(name: string, value: string): unknown;
  getHeader(name: string): unknown;
}

/**
 * Node middleware (plain `http`, Express, Connect): sets the visitor's policy on every response, and
 * `Vary: Cookie` so a shared cache never hands one visitor's policy to another.
 */
export function cspMiddleware(config: unknown, options: CspOptions & { nonceOf?: (req: NodeRequest, res: NodeResponse) => string | undefined } = {}) {
  const { nonceOf, ...rest } = options;
  const policy = createCspPolicy(config, rest);
  return (req: NodeRequest, res: NodeResponse, next?: () => void): void => {
    res.setHeader('Content-Security-Policy', policy(req.headers.cookie, nonceOf?.(req, res)));
    const vary = String(res.getHeader('Vary') ?? '');
    if (!/\bcookie\b/i.test(vary)) res.setHeader('Vary', vary ? `${vary}, Cookie` : 'Cookie');
    next?.();
  };
}
