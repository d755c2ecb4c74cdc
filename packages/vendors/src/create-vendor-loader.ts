import { isVendorGranted } from '@consentry/blocker';
import type { Consent } from '@consentry/core';
import type { LoadContext, VendorDefinition } from './types.js';

export interface VendorLoader {
  /** Ids of the vendors loaded so far, in load order. */
  loaded(): string[];
  destroy(): void;
}

/**
 * Loads each configured, enabled catalog vendor once it is granted, and never before. A loaded vendor
 * is not unloaded on withdrawal (a page cannot unload a script): the blocker's guards and clean-up
 * stop it from sending or storing anything, and `reloadOnWithdraw` removes it for good.
 */
export function createVendorLoader(
  consent: Consent,
  entries: Readonly<Record<string, VendorDefinition>>,
  context: LoadContext = {},
): VendorLoader {
  const loaded: string[] = [];
  let watcher: MutationObserver | null = null;

  function run(): void {
    let waiting = false;
    for (const vendor of Object.values(consent.config.vendors)) {
      const def = Object.prototype.hasOwnProperty.call(entries, vendor.id) ? entries[vendor.id] : undefined;
      if (!def?.load || loaded.includes(vendor.id)) continue;
      if (!isVendorGranted(consent, vendor.id, vendor.category)) continue;
      // An embed vendor's page script (YouTube's IFrame API) is for pages that show its embeds only.
      if (def.kind === 'embed' && !hasEmbed(def)) {
        waiting = true;
        continue;
      }
      loaded.push(vendor.id);
      try {
        def.load(vendor.params, context);
      } catch (error) {
        console.error(`Consentry: loading vendor "${vendor.id}" failed`, error);
      }
    }
    // An embed rendered later (a single-page app's next view) brings its script then.
    if (waiting && !watcher && typeof MutationObserver !== 'undefined' && typeof document !== 'undefined') {
      watcher = new MutationObserver(run);
      watcher.observe(document.documentElement, { childList: true, subtree: true });
    } else if (!waiting && watcher) {
      watcher.disconnect();
      watcher = null;
    }
  }

  run();
  const unsubscribe = consent.subscribe(run);
  return {
    loaded: () => [...loaded],
    destroy() {
      unsubscribe();
      watcher?.disconnect();
      watcher = null;
    },
  };
}

/** An iframe of this vendor on the page: marked with its id, or pointing (src or gated data-src) at its hosts. */
function hasEmbed(def: VendorDefinition): boolean {
  if (typeof document === 'undefined') return false;
  for (const frame of Array.from(document.querySelectorAll('iframe'))) {
    if (frame.getAttribute('data-vendor') === def.id) return true;
    let url: URL;
    try {
      url = new URL(frame.getAttribute('data-src') ?? frame.getAttribute('src') ?? '', document.baseURI);
    } catch {
      continue;
    }
    for (const entry of def.hosts) {
      const [host = '', ...path] = entry.split('/');
      const prefix = path.length ? `/${path.join('/')}` : '';
      if ((url.hostname === host || url.hostname.endsWith(`.${host}`)) && url.pathname.startsWith(prefix)) return true;
    }
  }
  return false;
}
