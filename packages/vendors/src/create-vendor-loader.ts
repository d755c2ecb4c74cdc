import type { Consent, ConsentEvent } from '@consentry/core';
import { grantsAnything } from '@consentry/core';
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
 * stop it from sending or storing anything, the vendor's own consent API (where it has one) is told on
 * every decision, and `reloadOnWithdraw` removes it for good.
 */
export function createVendorLoader(
  consent: Consent,
  entries: Readonly<Record<string, VendorDefinition>>,
  context: LoadContext = {},
): VendorLoader {
  const loaded: string[] = [];
  const defOf = (id: string) => (Object.prototype.hasOwnProperty.call(entries, id) ? entries[id] : undefined);
  let watcher: MutationObserver | null = null;

  function load(): void {
    let waiting = false;
    for (const vendor of Object.values(consent.config.vendors)) {
      const def = defOf(vendor.id);
      if (!def?.load || loaded.includes(vendor.id)) continue;
      if (!consent.isGranted({ vendor: vendor.id }) && !loadsBeforeConsent(consent.config, vendor.id)) continue;
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
      watcher = new MutationObserver(load);
      watcher.observe(document.documentElement, { childList: true, subtree: true });
    } else if (!waiting && watcher) {
      watcher.disconnect();
      watcher = null;
    }
  }

  /** Tells each configured vendor with a consent API where it stands now (its client may be running). */
  function tell(): void {
    for (const vendor of Object.values(consent.config.vendors)) {
      try {
        defOf(vendor.id)?.consent?.(consent.isGranted({ vendor: vendor.id }), vendor.params);
      } catch (error) {
        console.error(`Consentry: telling vendor "${vendor.id}" the decision failed`, error);
      }
    }
  }

  load();
  // A client pasted by the site may already be running: a stored decision reaches it straight away.
  if (grantsAnything(consent.getState())) tell();
  // Every decision is told once: one that changed something announces `change` then `decision`.
  let changed = false;
  const unsubscribe = consent.subscribe((event: ConsentEvent) => {
    load();
    if (event.type === 'change' || !changed) tell();
    changed = event.type === 'change';
  });
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
