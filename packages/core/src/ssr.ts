import { decodeDecision } from './codec.js';
import { resolveConfig } from './config.js';
import { transition, undecided } from './machine.js';
import type { ConsentConfig, ConsentState, ResolvedConfig, VendorCatalogLookup } from './types.js';

/** Finds one cookie in a `Cookie` request header; a malformed value counts as absent, never thrown on. */
export function getCookie(header: string | null | undefined, name: string): string | undefined {
  // Cookie names are validated to [\w-], so the name is safe inside the expression.
  const m = new RegExp(`(?:^|;)\\s*${name}=\\s*"?([^";]*)`).exec(header ?? '');
  try {
    return m ? decodeURIComponent(m[1]!.trim()) : undefined;
  } catch {
    return undefined;
  }
}

export interface ReadConsentOptions {
  now?: () => number;
  catalog?: VendorCatalogLookup;
}

/**
 * Server-side read of the consent cookie (no DOM needed): the same state the browser
 * engine would start with, so the first render matches the client.
 * Throws `ConsentryConfigError` only for an invalid config, never for a bad cookie.
 */
export function readConsent(
  cookieHeader: string | null | undefined,
  config: ConsentConfig | ResolvedConfig,
  options: ReadConsentOptions = {},
): ConsentState {
  const resolved = isResolved(config) ? config : resolveConfig(config, options.catalog);
  const now = (options.now ?? Date.now)();
  const stored = decodeDecision(getCookie(cookieHeader, resolved.cookie.name), resolved, now);
  return transition(undecided(resolved, null), { type: 'restore', stored, now }, resolved);
}

function isResolved(config: ConsentConfig | ResolvedConfig): config is ResolvedConfig {
  return Array.isArray((config as ResolvedConfig).categories);
}
