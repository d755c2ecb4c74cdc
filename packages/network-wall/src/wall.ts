import { createHostMatcher, type VendorRule } from '@consentry/blocker';
import { isGrantedIn, readConsent, resolveConfig, type ResolvedConfig } from '@consentry/core';
import { compactLookup, compactRules, consentModeRules, type CompactCatalog } from '@consentry/vendors';

/**
 * The config keys the wall reads: enough to decode the consent cookie exactly as the page's engine
 * does (revision, categories, vendors, cookie) and to know which hosts Consent Mode "advanced" lets
 * through. The guard hands these (and only these) to the service worker in its URL.
 */
export const WALL_KEYS = ['revision', 'categories', 'vendors', 'cookie', 'googleConsentMode'] as const;

export interface Wall {
  readonly config: ResolvedConfig;
  /** Every catalog vendor's rule, with the hosts a configured vendor adds (a self-hosted Matomo). */
  readonly rules: readonly VendorRule[];
  /** The rules this `Cookie` header does not grant: all of them when the cookie is absent, stale or tampered. */
  denied(cookieHeader: string | null | undefined): VendorRule[];
}

/** Throws `ConsentryConfigError` for an invalid config; `failClosedWall` never throws. */
export function createWall(input: unknown, index: CompactCatalog, now: () => number = Date.now): Wall {
  const config = resolveConfig(input, compactLookup(index));
  const rules = consentModeRules(compactRules(index, config.vendors), config).filter((r) => r.hosts.length > 0);
  return {
    config,
    rules,
    denied(cookieHeader) {
      const state = readConsent(cookieHeader, config, { now });
      // Core's grant rule, as in the page (a catalog tracker the config does not list is never granted).
      return rules.filter((r) => !isGrantedIn(state, config, { vendor: r.id }));
    },
  };
}

/** A config the wall cannot read grants nothing: every catalog vendor's hosts stay refused. */
export function failClosedWall(input: unknown, index: CompactCatalog, onError: (error: unknown) => void = () => {}): Wall {
  try {
    return createWall(input, index);
  } catch (error) {
    onError(error);
    return createWall({}, index);
  }
}

export type RuleMatcher = (url: string) => VendorRule | null;

/**
 * The first rule a URL belongs to, with the blocker's own matcher (first party is never held). A
 * trailing-dot host (`www.facebook.com.`) is the same host to DNS, so it is matched without the dot.
 */
export function ruleMatcher(rules: readonly VendorRule[], base: string): RuleMatcher {
  const pageHost = new URL(base).hostname;
  const match = createHostMatcher(rules, () => pageHost);
  return (url) => {
    let href: string;
    try {
      const parsed = new URL(url, base);
      if (parsed.hostname.endsWith('.')) parsed.hostname = parsed.hostname.replace(/\.+$/, '');
      href = parsed.href;
    } catch {
      return null;
    }
    return match(href)?.[0] ?? null;
  };
}
