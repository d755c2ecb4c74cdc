// @vitest-environment-options {"url":"https://www.shop.example.com/","settings":{"disableJavaScriptFileLoading":true,"handleDisabledFileLoadingAsSuccess":true}}
// Consent Mode "advanced" (opt-in): Google's own tags load before a decision with every type denied;
// basic (the default) holds them until consent. Nothing else changes between the two.
import { createBlocker } from '@consentry/blocker';
import { ConsentryConfigError, resolveConfig } from '@consentry/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toBlockerRules } from './adapters.js';
import { catalog } from './catalog.js';
import { ADVANCED_MODE_VENDORS, consentModeRules, createConsentMode, loadsBeforeConsent } from './consent-mode.js';
import { createVendorLoader } from './create-vendor-loader.js';
import { dataLayerEntries, makeConsent, resetPage, scriptUrls, DENIED } from './test-utils/helpers.js';

const cleanups: Array<() => void> = [];
beforeEach(() => {
  resetPage();
  for (const name of document.cookie.split('; ').map((c) => c.split('=')[0])) document.cookie = `${name}=; max-age=0; path=/`;
});
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

const VENDORS = { 'google-analytics': { id: 'G-ADV12345' }, 'google-ads': { id: 'AW-123456789' }, 'google-tag-manager': { id: 'GTM-ADV1234' }, hotjar: { id: '1234567' } };

/** The script tag's wiring with the one Consent Mode call on the rules. */
function wire(mode: 'basic' | 'advanced' | undefined) {
  const consent = makeConsent({ googleConsentMode: mode ? { mode } : true, vendors: VENDORS });
  cleanups.push(createConsentMode(consent).destroy);
  const blocker = createBlocker(consent, { rules: consentModeRules(toBlockerRules(catalog, consent.config.vendors), consent.config) });
  cleanups.push(blocker.destroy);
  cleanups.push(createVendorLoader(consent, catalog).destroy);
  return { consent, blocker };
}

describe('config', () => {
  it('takes mode "basic" or "advanced"; absent means basic', () => {
    expect(resolveConfig({ googleConsentMode: { mode: 'advanced' } }).googleConsentMode?.mode).toBe('advanced');
    expect(resolveConfig({ googleConsentMode: true }).googleConsentMode?.mode ?? 'basic').toBe('basic');
    expect(() => resolveConfig({ googleConsentMode: { mode: 'fast' } })).toThrow(ConsentryConfigError);
    expect(() => resolveConfig({ googleConsentMode: { mode: 'fast' } })).toThrow(/googleConsentMode\.mode: expected basic \| advanced/);
  });
});

describe('basic mode (default)', () => {
  it('loads no Google tag before consent and holds its hosts', () => {
    const { blocker } = wire(undefined);
    expect(scriptUrls()).toEqual([]);
    expect(blocker.blockedBy('https://www.googletagmanager.com/gtag/js?id=G-ADV12345')?.id).toBeTruthy();
    expect(blocker.blockedBy('https://www.googletagmanager.com/gtm.js?id=GTM-ADV1234')?.id).toBe('google-tag-manager');
    expect(blocker.blockedBy('https://region1.google-analytics.com/g/collect?v=2')?.id).toBe('google-analytics');
    expect(dataLayerEntries()).toEqual([{ gtag: ['consent', 'default', { ...DENIED, wait_for_update: 500 }] }, { gtag: ['set', 'ads_data_redaction', true] }]);
  });
});

describe('advanced mode', () => {
  it('is only for Google tags that read Consent Mode', () => {
    expect([...ADVANCED_MODE_VENDORS].sort()).toEqual(['google-ads', 'google-analytics', 'google-floodlight', 'google-tag-manager']);
    const config = makeConsent({ googleConsentMode: { mode: 'advanced' }, vendors: VENDORS }).config;
    expect(loadsBeforeConsent(config, 'google-analytics')).toBe(true);
    expect(loadsBeforeConsent(config, 'hotjar')).toBe(false);
    expect(loadsBeforeConsent(makeConsent({ googleConsentMode: true }).config, 'google-analytics')).toBe(false);
    expect(loadsBeforeConsent(makeConsent({ googleConsentMode: false }).config, 'google-analytics')).toBe(false);
  });

  it('loads the Google tags before a decision, after the all-denied defaults; other vendors wait', () => {
    const { consent } = wire('advanced');
    expect(consent.getState().status).toBe('undecided');
    expect(scriptUrls()).toEqual([
      'https://www.googletagmanager.com/gtag/js?id=G-ADV12345',
      'https://www.googletagmanager.com/gtag/js?id=AW-123456789',
      'https://www.googletagmanager.com/gtm.js?id=GTM-ADV1234',
    ]);
    const entries = dataLayerEntries().map((e) => ((e as { gtag?: unknown[] }).gtag ? (e as { gtag: unknown[] }).gtag : e));
    expect(entries[0]).toEqual(['consent', 'default', { ...DENIED, wait_for_update: 500 }]);
    expect(entries[1]).toEqual(['set', 'ads_data_redaction', true]);
    expect(entries.slice(2).map((e) => (Array.isArray(e) ? `${e[0]} ${e[0] === 'js' ? '' : e[1]}`.trim() : (e as { event: string }).event))).toEqual(['js', 'config G-ADV12345', 'js', 'config AW-123456789', 'gtm.js']);
  });

  it('lets Google tag requests through before consent, but still refuses their cookies and other vendors', () => {
    const { blocker } = wire('advanced');
    expect(blocker.blockedBy('https://www.googletagmanager.com/gtag/js?id=G-ADV12345')).toBeNull();
    expect(blocker.blockedBy('https://www.googletagmanager.com/gtm.js?id=GTM-ADV1234')).toBeNull();
    expect(blocker.blockedBy('https://region1.google-analytics.com/g/collect?v=2&gcs=G100')).toBeNull();
    expect(blocker.blockedBy('https://www.googleadservices.com/pagead/conversion/123456789/')).toBeNull();
    // Shared with AdSense and Ad Manager, which do not read Consent Mode the same way: held.
    expect(blocker.blockedBy('https://googleads.g.doubleclick.net/pagead/viewthroughconversion/1')?.id).toMatch(/^google-ad(sense|-manager)$/);
    expect(blocker.blockedBy('https://static.hotjar.com/c/hotjar-1234567.js')?.id).toBe('hotjar');
    document.cookie = '_ga=GA1.1.1.1; path=/';
    expect(document.cookie).not.toContain('_ga=');
  });

  it('a decision then updates the types as in basic mode, and a tag loads once', () => {
    const { consent } = wire('advanced');
    consent.acceptAll();
    expect(scriptUrls().filter((u) => u.includes('G-ADV12345'))).toHaveLength(1);
    const updates = dataLayerEntries().filter((e) => (e as { gtag?: unknown[] }).gtag?.[1] === 'update');
    expect(updates).toHaveLength(1);
  });

  it('consentModeRules leaves basic mode and non-Google rules untouched', () => {
    const rules = toBlockerRules(catalog, {});
    const basic = makeConsent({ googleConsentMode: true }).config;
    expect(consentModeRules(rules, basic)).toEqual(rules);
    const advanced = consentModeRules(rules, makeConsent({ googleConsentMode: { mode: 'advanced' } }).config);
    for (const rule of advanced) {
      const original = rules.find((r) => r.id === rule.id)!;
      expect(rule.cookies).toEqual(original.cookies);
      if (ADVANCED_MODE_VENDORS.includes(rule.id)) expect(rule.hosts).toEqual([]);
      else expect(rule.hosts).toEqual(original.hosts);
    }
  });
});
