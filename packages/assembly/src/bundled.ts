// How the door derives its parts from imports (React, Vue, Svelte, a plain npm app): stage 2
// imported, the proof client a dynamic import, rules and disclosures from the vendor definitions.
// The script-tag build swaps this module for `null` (packages/browser/rollup.browser.mjs): it always
// hands over files, so its stage 1 carries none of this.
import { readConsent, resolveConfig, type VendorCatalogLookup } from '@consentry/core';
import { getNoticeTexts } from '@consentry/ui';
import { checkVendorConfig, toBlockerRules, toCatalogLookup, type VendorDefinition } from '@consentry/vendors';
import { stage2 } from './experience.js';
import { log } from './maybe.js';
import type { ProofModule } from './proof.js';
import type { ConfigReader } from './readers.js';
import { withVendorTexts } from './vendor-texts.js';

export const bundled = {
  /** The config read through the vendors the app imports (or the catalog lookup it passes). */
  reader: (vendors: readonly VendorDefinition[], lookup?: VendorCatalogLookup): ConfigReader => ({
    read(raw) {
      const config = resolveConfig(raw, lookup ?? (vendors.length ? toCatalogLookup(vendors) : undefined));
      return { config, rules: toBlockerRules(vendors, config.vendors), vendors: vendors.filter((d) => config.vendors[d.id]).map((d) => [d.id, d.name]) };
    },
    inert: () => resolveConfig({}),
    holdRules: () => toBlockerRules(vendors),
    check: checkVendorConfig,
  }),
  experience: () => stage2,
  rules: toBlockerRules,
  catalog: toCatalogLookup,
  ui: withVendorTexts,
  /** What a server renders (and a hydrating client first shows). */
  read: readConsent,
  /**
   * The proof client is imported only when the config has `proof` (a dynamic import: the app's
   * bundler puts it in a chunk of its own that a site without a consent server never fetches).
   */
  proof: async (): Promise<ProofModule | null> => {
    try {
      const { createProofClient } = await import('@consentry/proof');
      return { createProofClient, getNoticeTexts };
    } catch (error) {
      log('the proof client could not be loaded; no record is sent', error);
      return null;
    }
  },
};
