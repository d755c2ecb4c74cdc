import type { VendorRule } from '@consentry/blocker';
import { loadsBeforeConsent as policyLoadsBeforeConsent, type Consent, type ConsentEvent, type OptionalCategory, type ResolvedConfig } from '@consentry/core';
import { grantsAnything } from '@consentry/core';
import { gtagFor, win } from './dom.js';

export type ConsentType =
  | 'ad_storage'
  | 'ad_user_data'
  | 'ad_personalization'
  | 'analytics_storage'
  | 'functionality_storage'
  | 'personalization_storage'
  | 'security_storage';
export type ConsentTypes = Record<ConsentType, 'granted' | 'denied'>;

/** docs/architecture.md, section 8. `security_storage` is necessary: always granted. */
export const CONSENT_MODE_MAPPING: Readonly<Record<OptionalCategory, readonly ConsentType[]>> = {
  functional: ['functionality_storage', 'personalization_storage'],
  statistics: ['analytics_storage'],
  targeting: ['ad_storage', 'ad_user_data', 'ad_personalization'],
};

/**
 * Google products whose own switch narrows their consent types: with statistics on but Google
 * Analytics switched off, `analytics_storage` stays denied (the visitor refused Google's analytics
 * storage, and the blocker holds the tag anyway); likewise Google Ads / AdSense for the ad types.
 * GTM is a container, not a consumer of a type, so its switch changes no type.
 */
export const GOOGLE_VENDOR_TYPES: Readonly<Record<string, readonly ConsentType[]>> = {
  'google-analytics': ['analytics_storage'],
  'google-ads': ['ad_storage', 'ad_user_data', 'ad_personalization'],
  'google-adsense': ['ad_storage', 'ad_user_data', 'ad_personalization'],
};

type ConsentModeConfig = NonNullable<ResolvedConfig['googleConsentMode']>;

/**
 * Google's tags that read Consent Mode and so may run, denied, before a decision in advanced mode.
 * AdSense is not among them: loading it serves ads. Maps and YouTube do not read Consent Mode.
 */
export const ADVANCED_MODE_VENDORS: readonly string[] = ['google-analytics', 'google-ads', 'google-floodlight', 'google-tag-manager'];

/** Whether this vendor's loader runs before consent: core's advanced-mode rule, with Google's tags as the declared input. */
export function loadsBeforeConsent(config: Pick<ResolvedConfig, 'googleConsentMode'>, vendorId: string): boolean {
  return policyLoadsBeforeConsent(config, vendorId, ADVANCED_MODE_VENDORS);
}

/**
 * The blocker's rules for the chosen mode; the one call a wiring needs (`createBlocker(consent,
 * { rules: consentModeRules(rules, consent.config) })`). Basic: unchanged. Advanced: Google's tags
 * lose their hosts, so their scripts and cookieless pings pass before consent, while their cookies
 * and storage stay guarded until granted and a host they share with another vendor (AdSense's
 * doubleclick.net) stays held by that vendor's rule.
 */
export function consentModeRules(rules: readonly VendorRule[], config: Pick<ResolvedConfig, 'googleConsentMode'>): VendorRule[] {
  return rules.map((rule) => (loadsBeforeConsent(config, rule.id) ? { ...rule, hosts: [] } : rule));
}

export interface ConsentModeOptions {
  /** Defaults to `consent.config.googleConsentMode`; nothing happens when both are absent. */
  config?: ConsentModeConfig;
  dataLayerName?: string;
}

export interface ConsentMode {
  /** The consent types as last pushed. */
  current(): ConsentTypes;
  destroy(): void;
}

function typesFor(granted: (category: OptionalCategory) => boolean, typeAllowed: (type: ConsentType) => boolean = () => true): ConsentTypes {
  const out = { security_storage: 'granted' } as ConsentTypes;
  for (const [category, types] of Object.entries(CONSENT_MODE_MAPPING) as Array<[OptionalCategory, readonly ConsentType[]]>) {
    for (const type of types) out[type] = granted(category) && typeAllowed(type) ? 'granted' : 'denied';
  }
  return out;
}

/** The consent types for the current state, including the vendor-level rule above. */
export function consentTypesOf(consent: Consent): ConsentTypes {
  const configured = consent.config.vendors;
  return typesFor(
    (category) => consent.isGranted(category),
    (type) =>
      Object.entries(GOOGLE_VENDOR_TYPES).every(
        ([id, types]) => !types.includes(type) || !configured[id] || consent.isGranted({ vendor: id }),
      ),
  );
}

const ORDER: readonly ConsentType[] = ['ad_storage', 'ad_user_data', 'ad_personalization', 'analytics_storage', 'functionality_storage', 'personalization_storage', 'security_storage'];
const ordered = (t: ConsentTypes) => Object.fromEntries(ORDER.map((k) => [k, t[k]])) as ConsentTypes;

const inert: ConsentMode = { current: () => typesFor(() => false), destroy() {} };

/**
 * Google Consent Mode v2. Call it before any Google tag can run (the SDK's first synchronous step):
 * it pushes the denied defaults into `dataLayer`, then an `update` for a stored decision, then one per
 * decision or change. Works the same for gtag.js and GTM (the defaults precede the container's `gtm.js`).
 */
export function createConsentMode(consent: Consent, options: ConsentModeOptions = {}): ConsentMode {
  const config = options.config ?? consent.config.googleConsentMode;
  if (!config || typeof window === 'undefined') return inert;
  const w = win();
  if (w.google_tag_manager || w.google_tag_data) {
    console.error('Consentry: a Google tag ran before the Consent Mode defaults. Put the Consentry script first in <head>, above GTM and gtag.js.');
  }
  const gtag = gtagFor(options.dataLayerName);
  // The site's own gtag('event', …) calls (a button's onclick) must not throw once its pasted snippet
  // is gone: they queue in the data layer, which gtag.js reads once it is granted and loaded.
  if (typeof w.gtag !== 'function' && Object.keys(consent.config.vendors).some((id) => id in GOOGLE_VENDOR_TYPES)) w.gtag = gtag;
  const wait = { wait_for_update: config.waitForUpdate };

  gtag('consent', 'default', { ...typesFor(() => false), ...wait });
  for (const { region, ...flags } of config.regions) {
    gtag('consent', 'default', { ...typesFor((c) => flags[c] === true), ...wait, region: [...region] });
  }
  let redacted: boolean | null = null;
  const redact = (types: ConsentTypes): void => {
    const value = types.ad_storage === 'denied';
    if (!config.adsDataRedaction || redacted === value) return;
    redacted = value;
    gtag('set', 'ads_data_redaction', value);
  };
  let last = typesFor(() => false);
  redact(last);
  if (config.urlPassthrough) gtag('set', 'url_passthrough', true);
  if (config.developerId) gtag('set', `developer_id.${config.developerId}`, true);

  const update = (): void => {
    last = consentTypesOf(consent);
    gtag('consent', 'update', ordered(last));
    redact(last);
    const choices = consent.getState().choices;
    // The GTM event channel: lets custom-event triggers fire tags without a reload.
    (w[options.dataLayerName ?? 'dataLayer'] as unknown[]).push({
      event: 'consentry_consent_update',
      consentry: { functional: choices.functional, statistics: choices.statistics, targeting: choices.targeting },
    });
  };
  // A stored decision, or a region whose rule lets things run before one (docs/jurisdictions.md).
  if (grantsAnything(consent.getState())) update();

  // Core emits `change` (grants moved) and then `decision`. The update goes out on `change`, before
  // listeners registered later (the vendor loader) inject a tag; a decision that moved nothing still
  // pushes one, so every decision is reflected.
  let changed = false;
  const unsubscribe = consent.subscribe((event: ConsentEvent) => {
    if (event.type === 'change') {
      update();
      changed = true;
      queueMicrotask(() => (changed = false));
    } else if (changed) changed = false;
    else update();
  });
  return { current: () => ({ ...last }), destroy: unsubscribe };
}
