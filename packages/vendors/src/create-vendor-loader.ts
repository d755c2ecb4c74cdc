import { isVendorGranted } from '@consentry/blocker';
import type { Consent } from '@consentry/core';
import { loadsBeforeConsent } from './consent-mode.js';
import type { LoadContext, VendorDefinition } from './types.js';

export interface VendorLoader {
  /** Ids of the vendors loaded so far, in load order. */
  loaded(): string[];
  destroy(): void;
}

/**
 * Loads each configured, enabled catalog vendor once it is granted, and never before (except Google's
 * tags in Consent Mode "advanced", which load at once with every type denied). A loaded vendor
 * is not unloaded on withdrawal (a page cannot unload a script): the blocker's guards and clean-up
 * stop it from sending or storing anything, and `reloadOnWithdraw` removes it for good.
 */
export function createVendorLoader(
  consent: Consent,
  entries: Readonly<Record<string, VendorDefinition>>,
  context: LoadContext = {},
): VendorLoader {
  const loaded: string[] = [];

  function run(): void {
    for (const vendor of Object.values(consent.config.vendors)) {
      const def = Object.prototype.hasOwnProperty.call(entries, vendor.id) ? entries[vendor.id] : undefined;
      if (!def?.load || loaded.includes(vendor.id)) continue;
      if (!isVendorGranted(consent, vendor.id, vendor.category) && !loadsBeforeConsent(consent.config, vendor.id)) continue;
      loaded.push(vendor.id);
      try {
        def.load(vendor.params, context);
      } catch (error) {
        console.error(`Consentry: loading vendor "${vendor.id}" failed`, error);
      }
    }
  }

  run();
  const unsubscribe = consent.subscribe(run);
  return {
    loaded: () => [...loaded],
    destroy: unsubscribe,
  };
}
