import { isVendorGranted } from '@consentry/blocker';
import type { Consent, ConsentEvent } from '@consentry/core';
import type { LoadContext, VendorDefinition } from './types.js';

export interface VendorLoader {
  /** Ids of the vendors loaded so far, in load order. */
  loaded(): string[];
  destroy(): void;
}

/**
 * Loads each configured, enabled catalog vendor once it is granted, and never before. A loaded vendor
 * is not unloaded on withdrawal (a page cannot unload a script): the blocker's guards and clean-up
 * stop it from sending or storing anything, the vendor's own consent API (where it has one) is told on
 * every decision, and `reloadOnWithdraw` removes it for good.
 */
export function createVendorLoader(
  consent: Consent,
  entries: Readonly<Record<string, VendorDefinition>>,
  context: LoadContext = {},
): VendorLoader {
  const loaded: string[] = [];
  const told = new Map<string, boolean>();
  const defOf = (id: string) => (Object.prototype.hasOwnProperty.call(entries, id) ? entries[id] : undefined);

  function load(): void {
    for (const vendor of Object.values(consent.config.vendors)) {
      const def = defOf(vendor.id);
      if (!def?.load || loaded.includes(vendor.id)) continue;
      if (!isVendorGranted(consent, vendor.id)) continue;
      loaded.push(vendor.id);
      try {
        def.load(vendor.params, context);
      } catch (error) {
        console.error(`Consentry: loading vendor "${vendor.id}" failed`, error);
      }
    }
  }

  /** Every decision reaches the vendor's own API; other changes (lapse, another tab) only when they flip it. */
  function tell(everyVendor: boolean, skip: ReadonlySet<string> = new Set()): Set<string> {
    const done = new Set<string>();
    for (const vendor of Object.values(consent.config.vendors)) {
      const def = defOf(vendor.id);
      if (!def?.consent || skip.has(vendor.id)) continue;
      const granted = isVendorGranted(consent, vendor.id);
      if (!everyVendor && told.get(vendor.id) === granted) continue;
      told.set(vendor.id, granted);
      done.add(vendor.id);
      try {
        def.consent(granted, vendor.params);
      } catch (error) {
        console.error(`Consentry: telling vendor "${vendor.id}" the decision failed`, error);
      }
    }
    return done;
  }

  load();
  // A client pasted by the site may already be running: a stored decision reaches it straight away.
  if (consent.getState().status === 'decided') tell(true);
  // A decision announces `change` then `decision`: a vendor told on the first is not told twice.
  let toldOnChange = new Set<string>();
  const unsubscribe = consent.subscribe((event: ConsentEvent) => {
    load();
    if (event.type === 'change') toldOnChange = tell(false);
    else {
      tell(true, toldOnChange);
      toldOnChange = new Set();
    }
  });
  return {
    loaded: () => [...loaded],
    destroy: unsubscribe,
  };
}
