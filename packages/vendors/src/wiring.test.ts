// @vitest-environment-options {"url":"https://www.shop.example.com/","settings":{"enableJavaScriptEvaluation":true,"suppressInsecureJavaScriptEnvironmentWarning":true,"disableJavaScriptFileLoading":true,"handleDisabledFileLoadingAsSuccess":true}}
import { createBlocker } from '@consentry/blocker';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { toBlockerRules } from './adapters.js';
import { catalog } from './catalog.js';
import { createConsentMode } from './consent-mode.js';
import { createVendorLoader } from './create-vendor-loader.js';
import { dataLayerEntries, makeConsent, resetPage } from './test-utils/helpers.js';

const cleanups: Array<() => void> = [];
const network = vi.fn(async (_input: unknown, _init?: unknown) => new Response(''));
const savedFetch = globalThis.fetch;
beforeEach(() => {
  resetPage();
  network.mockClear();
  globalThis.fetch = network as unknown as typeof fetch;
  for (const name of document.cookie.split('; ').map((c) => c.split('=')[0])) {
    for (const d of ['', '; domain=example.com', '; domain=shop.example.com']) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/${d}`;
  }
});
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
  globalThis.fetch = savedFetch;
});

/** The script tag's wiring, in its order: Consent Mode, blocker, vendor loader. */
function wire(config: Parameters<typeof makeConsent>[0]) {
  const consent = makeConsent(config);
  cleanups.push(createConsentMode(consent).destroy);
  const blocker = createBlocker(consent, { rules: toBlockerRules(catalog, consent.config.vendors) });
  cleanups.push(blocker.destroy);
  cleanups.push(createVendorLoader(consent, catalog).destroy);
  return consent;
}

/** What a site pastes from Google, unmarked, after the SDK (parsed like markup; happy-dom never runs
 * fragment-parsed scripts, so the assertions are about the hold, the guards and the data layer). */
function pasteGa4Snippet(): void {
  const fragment = document.createRange().createContextualFragment(
    `<script async src="https://www.googletagmanager.com/gtag/js?id=G-PASTED1"></script>
     <script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} gtag('js', new Date()); gtag('config', 'G-PASTED1');</script>`,
  );
  document.head.append(fragment);
}
const tick = () => new Promise((r) => setTimeout(r, 0));
const realGtagScripts = () => Array.from(document.querySelectorAll<HTMLScriptElement>('script[src*="gtag/js"]')).filter((s) => !s.type);

describe('core + Consent Mode + blocker + vendor loader together', () => {
  it('an unmarked GA4 snippet pasted after the SDK loads nothing, sends nothing and sets no cookie before consent', async () => {
    wire({ vendors: { 'google-analytics': { id: 'G-ABC1234' } } });
    pasteGa4Snippet();
    await tick();
    expect(realGtagScripts()).toEqual([]);
    // What gtag.js would do if it ran anyway: a hit and a cookie.
    await expect(fetch('https://region1.google-analytics.com/g/collect?tid=G-PASTED1')).rejects.toThrow();
    document.cookie = '_ga=GA1.1.123.456; path=/; domain=example.com';
    expect(network).not.toHaveBeenCalled();
    expect(document.cookie).toBe('');
    // The page's own gtag calls queue behind the denied defaults.
    expect((dataLayerEntries()[0] as { gtag: unknown[] }).gtag.slice(0, 2)).toEqual(['consent', 'default']);
  });

  it('after "Accept all" the pasted tag and the configured one load; after revoking statistics the cookies go and stay gone', async () => {
    const consent = wire({ vendors: { 'google-analytics': { id: 'G-ABC1234' } } });
    pasteGa4Snippet();
    await tick();
    consent.acceptAll();
    expect(realGtagScripts().map((s) => new URL(s.src).searchParams.get('id')).sort()).toEqual(['G-ABC1234', 'G-PASTED1']);
    document.cookie = '_ga=GA1.1.123.456; path=/; domain=example.com';
    document.cookie = '_ga_ABC1234=GS1.1; path=/; domain=example.com';
    document.cookie = '_gid=GA1.1.9; path=/';
    await fetch('https://region1.google-analytics.com/g/collect?tid=G-ABC1234');
    expect(network).toHaveBeenCalledTimes(1);

    consent.update({ statistics: false });
    expect(document.cookie).toBe('');
    // gtag.js is still running in the page and keeps trying:
    (window as unknown as { gtag: (...a: unknown[]) => void }).gtag('event', 'page_view');
    document.cookie = '_ga=GA1.1.123.456; path=/; domain=example.com';
    await expect(fetch('https://region1.google-analytics.com/g/collect?tid=G-ABC1234&en=page_view')).rejects.toThrow();
    expect(navigator.sendBeacon('https://www.google-analytics.com/g/collect', 'x')).toBe(false);
    expect(document.cookie).toBe('');
    expect(network).toHaveBeenCalledTimes(1);
    const updates = dataLayerEntries().filter((e) => (e as { gtag?: unknown[] }).gtag?.[1] === 'update');
    expect((updates.at(-1) as { gtag: Array<Record<string, string>> }).gtag[2]?.analytics_storage).toBe('denied');
  });

  it('after "Reject all" nothing of a configured Meta Pixel or Hotjar loads', () => {
    const consent = wire({ vendors: { 'meta-pixel': { id: '1234567890123456' }, hotjar: { id: '1234567' } } });
    consent.rejectAll();
    expect(document.querySelectorAll('script')).toHaveLength(0);
    const pixel = new Image();
    pixel.src = 'https://www.facebook.com/tr?id=1234567890123456&ev=PageView';
    expect(pixel.getAttribute('src')).toBeNull();
  });
});

describe('host rules own all of a vendor’s traffic, not only its script', () => {
  it("GTM's own pings and diagnostics on its shared host are GTM's; gtag.js stays GA's and Ads'", () => {
    const consent = makeConsent({ vendors: { 'google-tag-manager': { id: 'GTM-ABC1234' }, 'google-analytics': { id: 'G-ABC1234' } } });
    const blocker = createBlocker(consent, { rules: toBlockerRules(catalog, consent.config.vendors) });
    cleanups.push(blocker.destroy);
    const owner = (url: string) => blocker.blockedBy(url)?.id ?? null;
    for (const url of [
      'https://www.googletagmanager.com/a?id=GTM-ABC1234&cv=1&v=3&t=t',
      'https://www.googletagmanager.com/td?id=GTM-ABC1234',
      'https://www.googletagmanager.com/gtm.js?id=GTM-ABC1234',
      'https://www.googletagmanager.com/ns.html?id=GTM-ABC1234',
      'https://www.googletagmanager.com/static/service_worker/5c00/sw_iframe.html',
    ]) {
      expect(owner(url), url).toBe('google-tag-manager');
    }
    expect(['google-analytics', 'google-ads']).toContain(owner('https://www.googletagmanager.com/gtag/js?id=G-ABC1234'));
    consent.update({ statistics: true, vendors: { 'google-tag-manager': true, 'google-analytics': false } });
    expect(owner('https://www.googletagmanager.com/a?id=GTM-ABC1234&v=3')).toBeNull();
    consent.update({ statistics: false });
    expect(owner('https://www.googletagmanager.com/a?id=GTM-ABC1234&v=3')).toBe('google-tag-manager');
  });

  it('first-party proxies of GA4 and Meta endpoints (server-side tagging) are held by the request guards', async () => {
    wire({ vendors: { 'google-analytics': { id: 'G-ABC1234' }, 'meta-pixel': { id: '1234567890' } } });
    await expect(fetch('/g/collect?v=2&tid=G-ABC1234&en=page_view')).rejects.toThrow(/google-analytics/);
    await expect(fetch('https://sgtm.shop.example.com/g/collect?v=2&tid=G-ABC1234')).rejects.toThrow(/google-analytics/);
    await expect(fetch('/tr/?id=1234567890&ev=PageView')).rejects.toThrow(/meta-pixel/);
    await fetch('/tr/'); // a Turkish page is not a pixel
    await fetch('/api/collect?tid=1');
    expect(network.mock.calls.map((c) => new URL(String(c[0]), location.href).href)).toEqual(['https://www.shop.example.com/tr/', 'https://www.shop.example.com/api/collect?tid=1']);
  });
});
