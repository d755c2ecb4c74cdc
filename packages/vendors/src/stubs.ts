import type { Consent } from '@consentry/core';

/**
 * The globals a catalog vendor's snippet defines and site code calls (`fbq('track', …)`,
 * `_hsq.push(…)`, `mixpanel.track(…)`). Google's `gtag`/`dataLayer` are Consent Mode's (they queue).
 */
export const STUBBED_GLOBALS: Readonly<Record<string, readonly string[]>> = {
  'meta-pixel': ['fbq'],
  hubspot: ['_hsq'],
  'tiktok-pixel': ['ttq'],
  mixpanel: ['mixpanel'],
  posthog: ['posthog'],
  amplitude: ['amplitude'],
  segment: ['analytics'],
  'linkedin-insight': ['lintrk'],
  'x-pixel': ['twq'],
  'reddit-pixel': ['rdt'],
  'snapchat-pixel': ['snaptr'],
  'pinterest-tag': ['pintrk'],
  'microsoft-uet': ['uetq'],
  'microsoft-clarity': ['clarity'],
  matomo: ['_paq'],
  hotjar: ['hj'],
  'yandex-metrica': ['ym'],
  taboola: ['_tfa'],
  outbrain: ['obApi'],
  criteo: ['criteo_q'],
  intercom: ['Intercom'],
};

/**
 * A callable that takes any call or property chain (`mixpanel.people.set(…)`, `_hsq.push(…)`) and
 * drops it: calls made before consent are not kept, so nothing reaches a vendor the visitor may refuse.
 */
function dropAll(): unknown {
  const stub: unknown = new Proxy(function consentryStub() {}, {
    get: (_t, key) => (key === 'toString' ? () => '' : key === 'then' || typeof key === 'symbol' ? undefined : stub),
    apply: () => stub,
  });
  return stub;
}

/**
 * From the end of parsing on, each configured vendor not yet granted has its globals defined as
 * no-throw stubs, so site code that calls them before consent never throws. A vendor's stubs are removed
 * the moment it is granted (before its loader or a released snippet runs: Meta's base code and
 * others only install themselves when their global is undefined). A global the page already has is
 * left alone. Returns the clean-up.
 */
export function startStubs(consent: Consent): () => void {
  const w = globalThis as unknown as Record<string, unknown>;
  const ours = new Map<string, unknown>();
  const granted = (id: string) => consent.isGranted({ vendor: id });
  const release = () => {
    for (const id of Object.keys(consent.config.vendors)) {
      if (!granted(id)) continue;
      for (const name of STUBBED_GLOBALS[id] ?? []) {
        if (ours.has(name) && w[name] === ours.get(name)) delete w[name];
        ours.delete(name);
      }
    }
  };
  let stopped = false;
  const install = () => {
    if (stopped) return;
    for (const id of Object.keys(consent.config.vendors)) {
      if (granted(id)) continue;
      for (const name of STUBBED_GLOBALS[id] ?? []) {
        if (w[name] !== undefined) continue;
        const stub = dropAll();
        ours.set(name, stub);
        w[name] = stub;
      }
    }
  };
  // Once the page is parsed, not before: a snippet pasted in the page (`if (f.fbq) return`,
  // `if (!b.__SV)`) must find its global undefined and install itself, or it would never load
  // after consent. Site code that calls a vendor from a click or after load finds the stub.
  const doc = (globalThis as { document?: Document }).document;
  if (doc?.readyState === 'loading') doc.addEventListener('DOMContentLoaded', install, { once: true });
  else install();
  const unsubscribe = consent.subscribe(release);
  return () => {
    stopped = true;
    doc?.removeEventListener('DOMContentLoaded', install);
    unsubscribe();
    for (const [name, stub] of ours) if (w[name] === stub) delete w[name];
    ours.clear();
  };
}
