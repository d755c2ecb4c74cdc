// @vitest-environment-options {"url":"https://www.shop.example.com/","settings":{"handleDisabledFileLoadingAsSuccess":true}}
import { createMemoryCookies } from '@consentry/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { catalog } from './catalog.js';
import { createConsentMode } from './consent-mode.js';
import { createVendorLoader } from './create-vendor-loader.js';
import { dataLayerEntries, makeConsent, resetPage, DENIED } from './test-utils/helpers.js';

const cleanups: Array<() => void> = [];
beforeEach(resetPage);
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

const GRANTED = {
  ad_storage: 'granted',
  ad_user_data: 'granted',
  ad_personalization: 'granted',
  analytics_storage: 'granted',
  functionality_storage: 'granted',
  personalization_storage: 'granted',
  security_storage: 'granted',
};
const event = (functional: boolean, statistics: boolean, targeting: boolean) => ({
  event: 'consentry_consent_update',
  consentry: { functional, statistics, targeting },
});

function start(config: Parameters<typeof makeConsent>[0] = {}, cookies = createMemoryCookies()) {
  const consent = makeConsent({ googleConsentMode: true, ...config }, cookies);
  const mode = createConsentMode(consent);
  cleanups.push(mode.destroy);
  return { consent, mode };
}

describe('Google Consent Mode v2', () => {
  it('pushes denied defaults with wait_for_update and ads_data_redaction, as real Arguments objects', () => {
    start();
    expect(dataLayerEntries()).toEqual([
      { gtag: ['consent', 'default', { ...DENIED, wait_for_update: 500 }] },
      { gtag: ['set', 'ads_data_redaction', true] },
    ]);
    for (const entry of (window as unknown as { dataLayer: unknown[] }).dataLayer) {
      expect(Object.prototype.toString.call(entry)).toBe('[object Arguments]');
    }
  });

  it('pushes an update for each decision, lifting redaction with ad storage', () => {
    const { consent } = start();
    consent.update({ statistics: true });
    consent.acceptAll();
    consent.rejectAll();
    expect(dataLayerEntries().slice(2)).toEqual([
      { gtag: ['consent', 'update', { ...DENIED, analytics_storage: 'granted' }] },
      event(false, true, false),
      { gtag: ['consent', 'update', GRANTED] },
      { gtag: ['set', 'ads_data_redaction', false] },
      event(true, true, true),
      { gtag: ['consent', 'update', DENIED] },
      { gtag: ['set', 'ads_data_redaction', true] },
      event(false, false, false),
    ]);
  });

  it('applies a stored decision immediately after the defaults', () => {
    const cookies = createMemoryCookies();
    makeConsent({ googleConsentMode: true }, cookies).acceptAll();
    start({}, cookies);
    expect(dataLayerEntries()).toEqual([
      { gtag: ['consent', 'default', { ...DENIED, wait_for_update: 500 }] },
      { gtag: ['set', 'ads_data_redaction', true] },
      { gtag: ['consent', 'update', GRANTED] },
      { gtag: ['set', 'ads_data_redaction', false] },
      event(true, true, true),
    ]);
  });

  it('adds region defaults, url_passthrough and the developer id from config', () => {
    start({
      googleConsentMode: {
        waitForUpdate: 1000,
        urlPassthrough: true,
        adsDataRedaction: false,
        developerId: 'dAbCdEf',
        regions: [{ region: ['US-CA', 'US'], statistics: true, targeting: true }],
      },
    });
    expect(dataLayerEntries()).toEqual([
      { gtag: ['consent', 'default', { ...DENIED, wait_for_update: 1000 }] },
      {
        gtag: [
          'consent',
          'default',
          { ...DENIED, analytics_storage: 'granted', ad_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted', wait_for_update: 1000, region: ['US-CA', 'US'] },
        ],
      },
      { gtag: ['set', 'url_passthrough', true] },
      { gtag: ['set', 'developer_id.dAbCdEf', true] },
    ]);
  });

  it('keeps a Google type denied when that Google vendor is switched off inside a granted category', () => {
    const { consent } = start({ vendors: { 'google-analytics': { id: 'G-ABC1234' }, 'google-ads': { id: 'AW-123456789' }, hotjar: { id: '1234567' } } });
    consent.update({ statistics: true, targeting: true, vendors: { 'google-analytics': false } });
    expect(dataLayerEntries()[2]).toEqual({
      gtag: ['consent', 'update', { ...DENIED, analytics_storage: 'denied', ad_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted' }],
    });
    consent.update({ vendors: { 'google-analytics': true, 'google-ads': false } });
    expect(dataLayerEntries().at(-3)).toEqual({ gtag: ['consent', 'update', { ...DENIED, analytics_storage: 'granted' }] });
  });

  it('pushes one update per decision, even one that changes nothing', () => {
    const { consent } = start();
    consent.acceptAll();
    consent.acceptAll();
    const updates = dataLayerEntries().filter((e) => (e as { gtag?: unknown[] }).gtag?.[1] === 'update');
    expect(updates).toEqual([{ gtag: ['consent', 'update', GRANTED] }, { gtag: ['consent', 'update', GRANTED] }]);
  });

  it('pushes an update when consent is reset without a decision', () => {
    const { consent } = start();
    consent.acceptAll();
    consent.reset();
    expect(dataLayerEntries().slice(-3)).toEqual([
      { gtag: ['consent', 'update', DENIED] },
      { gtag: ['set', 'ads_data_redaction', true] },
      event(false, false, false),
    ]);
  });

  it('comes before the GTM container: defaults and the grant update, then gtm.js', () => {
    const { consent } = start({ vendors: { 'google-tag-manager': { id: 'GTM-ABC1234' } } });
    cleanups.push(createVendorLoader(consent, catalog).destroy);
    consent.acceptAll();
    const entries = dataLayerEntries();
    const names = entries.map((e) => ('gtag' in (e as object) ? (e as { gtag: unknown[] }).gtag.slice(0, 2).join(' ') : (e as { event: string }).event));
    expect(names).toEqual(['consent default', 'set ads_data_redaction', 'consent update', 'set ads_data_redaction', 'consentry_consent_update', 'gtm.js']);
  });

  it('comes before gtag.js config when the site uses gtag directly, the update included', () => {
    const { consent } = start({ vendors: { 'google-analytics': { id: 'G-ABC1234' } } });
    cleanups.push(createVendorLoader(consent, catalog).destroy);
    consent.update({ statistics: true });
    const commands = dataLayerEntries().flatMap((e) => ('gtag' in (e as object) ? [(e as { gtag: unknown[] }).gtag.slice(0, 2).join(' ')] : []));
    expect(commands.map((c) => c.replace(/^js .*/, 'js'))).toEqual(['consent default', 'set ads_data_redaction', 'consent update', 'js', 'config G-ABC1234']);
  });

  it('warns when a Google tag already ran before the defaults', () => {
    (window as unknown as Record<string, unknown>).google_tag_manager = {};
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    start();
    expect(error).toHaveBeenCalledWith(expect.stringContaining('first in <head>'));
    error.mockRestore();
  });

  it('does nothing when Consent Mode is switched off', () => {
    const mode = createConsentMode(makeConsent({ googleConsentMode: false }));
    expect(dataLayerEntries()).toEqual([]);
    mode.destroy();
  });
});

describe('Consent Mode in a region whose rule lets things run before a decision', () => {
  it('an opt-out region (US-CA) updates to granted at start; an opt-in region (DE) stays denied', async () => {
    const { createConsent } = await import('@consentry/core');
    const jurisdictions = { EEA: 'opt-in', 'US-CA': 'opt-out' } as const;
    const us = createConsent({ googleConsentMode: true, jurisdictions }, { cookies: createMemoryCookies(), region: 'US-CA', gpc: false });
    cleanups.push(createConsentMode(us).destroy);
    expect(dataLayerEntries()).toContainEqual({ gtag: ['consent', 'update', expect.objectContaining({ ad_storage: 'granted', analytics_storage: 'granted' })] });
    resetPage();
    const de = createConsent({ googleConsentMode: true, jurisdictions }, { cookies: createMemoryCookies(), region: 'DE', gpc: false });
    cleanups.push(createConsentMode(de).destroy);
    expect(dataLayerEntries().some((e) => (e as { gtag?: unknown[] }).gtag?.[1] === 'update')).toBe(false);
  });
});
