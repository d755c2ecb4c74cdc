import type { VendorRule } from '@consentry/blocker';
import { isVendorListed, resolveConfig, type ResolvedConfig } from '@consentry/core';
import { checkVendorConfig, compactLookup, compactRules, type CompactCatalog } from '@consentry/vendors';

/**
 * What a config turns into before anything starts: a checked, resolved config, the blocker's rules,
 * the configured catalog vendors' names (for the dialog until a vendor's file arrives), and, for the
 * script tag's service worker, the config keys it decodes the cookie with.
 */
export interface Boot {
  config: ResolvedConfig;
  rules: VendorRule[];
  vendors: Array<[id: string, name: string]>;
  wall?: string;
}

/**
 * How a shell's config becomes a Boot. The drop-in script tag validates the page's config against
 * the catalog index (`indexReader`); the compiled guard trusts a config checked ahead of time and
 * carries no validator; a bundle reads through the vendors it imports.
 */
export interface ConfigReader {
  /** Throws a readable error (a `ConsentryConfigError` naming each path) when the config cannot be read. */
  read(config: unknown): Boot;
  /** The engine behind an unreadable config: nothing listed, nothing stored, nothing granted. */
  inert(): ResolvedConfig;
  /** The rules that hold known trackers without a usable config. */
  holdRules(config: unknown): VendorRule[];
  /** A configured vendor's options against its full definition, when its file arrives (`() => null` when checked ahead). */
  check: typeof checkVendorConfig;
}

/** The drop-in guard's reader: the page's own config, checked here with the full validator against the compact index. */
export function indexReader(index: CompactCatalog): ConfigReader {
  return {
    read(raw) {
      const lookup = compactLookup(index);
      const config = resolveConfig(raw, lookup);
      return {
        config,
        rules: compactRules(index, config.vendors),
        vendors: Object.keys(config.vendors)
          .filter((id) => Object.prototype.hasOwnProperty.call(lookup, id))
          .map((id) => [id, lookup[id]!.name!]),
      };
    },
    holdRules: () => compactRules(index),
    inert: () => resolveConfig({}),
    check: checkVendorConfig,
  };
}

/** The engine behind a config that could not be read: nothing listed, nothing stored, nothing granted. */
export const INERT_CONFIG: ResolvedConfig = {
  revision: 1,
  language: 'auto',
  categories: ['necessary'],
  vendors: {},
  cookie: { name: 'consentry', path: '/', expiresDays: 1, refusalExpiresDays: 1 },
  proof: null,
  googleConsentMode: null,
  gpc: true,
  theme: 'auto',
  layout: 'bar',
  reopenButton: null,
  links: {},
  texts: {},
  autoBlock: true,
  reloadOnWithdraw: false,
};
