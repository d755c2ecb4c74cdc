// @vitest-environment-options {"url":"https://www.shop.example.com/","settings":{"handleDisabledFileLoadingAsSuccess":true}}
import { beforeEach, describe, expect, it } from 'vitest';
import { toBlockerRules } from './adapters.js';
import { catalog } from './catalog.js';
import { dataLayerEntries, resetPage, scriptUrls } from './test-utils/helpers.js';
import { SAMPLES } from './test-utils/samples.js';
import type { VendorParams } from './types.js';

beforeEach(resetPage);
const w = window as unknown as Record<string, any>;

const PARAMS: Record<string, VendorParams> = {
  'google-analytics': { id: 'G-ABC1234' },
  'google-tag-manager': { id: 'GTM-ABC1234' },
  'google-ads': { id: 'AW-123456789' },
  'google-adsense': { id: 'ca-pub-1234567890123456' },
  'meta-pixel': { id: '1234567890123456' },
  hotjar: { id: '1234567' },
  'microsoft-clarity': { id: 'abcde12345' },
  'linkedin-insight': { id: '1234567' },
  'tiktok-pixel': { id: 'C4A1B2C3D4E5F6G7H8I9' },
  'pinterest-tag': { id: '2612345678901' },
  'x-pixel': { id: 'o1a2b' },
  'microsoft-uet': { id: '12345678' },
  criteo: { id: '12345' },
  taboola: { id: '1234567' },
  'yandex-metrica': { id: '12345678' },
  matomo: { url: 'https://stats.example.org/', siteId: '3' },
  mixpanel: { id: '0123456789abcdef0123456789abcdef' },
  amplitude: { id: '0123456789abcdef0123456789abcdef' },
  posthog: { id: 'phc_AbCdEfGhIjKlMnOpQrStUvWxYz0123' },
  segment: { id: '9XyZabcdEFGH1234ijklMNOP' },
  hubspot: { id: '1234567', region: 'eu1' },
  intercom: { id: 'abc12345' },
  youtube: {},
  vimeo: {},
  'google-maps': { id: 'AIzaSyA1234567890abcdefghijklmnopqrstuv' },
  adform: { id: '1234567' },
  gemius: { id: 'nSblbvtw7aVjNpcxPZ.TJtX1XtUR2EeBQ.1WqmWQ4n.n7', collector: 'galv.hit.gemius.pl' },
  'snapchat-pixel': { id: '0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d' },
  'reddit-pixel': { id: 'a2_abc123def' },
  outbrain: { id: '00a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6' },
  'crazy-egg': { id: '00123456' },
  'tawk-to': { id: '5f1a2b3c4d5e6f7a8b9c0d1e/1abcdefgh' },
  ...Object.fromEntries(Object.entries(SAMPLES).map(([id, s]) => [id, s.params])),
};
const withLoader = Object.keys(catalog).filter((id) => catalog[id]!.load);

const EXPECTED_URL: Record<string, string> = {
  'google-analytics': 'https://www.googletagmanager.com/gtag/js?id=G-ABC1234',
  'google-tag-manager': 'https://www.googletagmanager.com/gtm.js?id=GTM-ABC1234',
  'meta-pixel': 'https://connect.facebook.net/en_US/fbevents.js',
  hotjar: 'https://static.hotjar.com/c/hotjar-1234567.js?sv=6',
  'microsoft-clarity': 'https://www.clarity.ms/tag/abcde12345',
  'tiktok-pixel': 'https://analytics.tiktok.com/i18n/pixel/events.js?sdkid=C4A1B2C3D4E5F6G7H8I9&lib=ttq',
  matomo: 'https://stats.example.org/matomo.js',
  hubspot: 'https://js-eu1.hs-scripts.com/1234567.js',
  gemius: 'https://galv.hit.gemius.pl/xlgemius.js',
  'crazy-egg': 'https://script.crazyegg.com/pages/scripts/0012/3456.js',
  'matomo-cookieless': 'https://stats.example.org/matomo.js',
  'adobe-analytics': 'https://assets.adobedtm.com/0a1b2c3d4e5f/6a7b8c9d0e1f/launch-2a3b4c5d6e7f.min.js',
  disqus: 'https://my-blog.disqus.com/embed.js',
  'crisp': 'https://client.crisp.chat/l.js',
  zendesk: 'https://static.zdassets.com/ekr/snippet.js?key=0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d',
  'lucky-orange': 'https://tools.luckyorange.com/core/lo.js?site-id=1a2b3c4d',
  convert: 'https://cdn-4.convertexperiments.com/js/10012345-10012345.js',
};

describe('vendor loaders', () => {
  it.each(withLoader)('%s injects an async script its own hosts cover (so automatic blocking would hold it)', (id) => {
    const def = catalog[id]!;
    // YouTube adds its player API only for a page that scripts players (embed-loading.test.ts).
    if (id === 'youtube') document.body.innerHTML = '<iframe title="v" data-src="https://www.youtube.com/embed/x?enablejsapi=1"></iframe>';
    def.load!(PARAMS[id]!, { nonce: 'abc' });
    const scripts = Array.from(document.querySelectorAll('script'));
    expect(scripts).toHaveLength(1);
    const script = scripts[0]!;
    expect(script.async).toBe(true);
    expect(script.nonce).toBe('abc');
    const [rule] = toBlockerRules([def], { [id]: { id, category: def.category, params: PARAMS[id]! } });
    const url = new URL(script.src);
    const covered = rule!.hosts.some((h) => {
      const [host, ...path] = h.split('/');
      return (url.hostname === host || url.hostname.endsWith(`.${host}`)) && url.pathname.startsWith(path.length ? `/${path.join('/')}` : '/');
    });
    expect(covered, `${url.href} is covered by ${rule!.hosts.join(', ')}`).toBe(true);
    if (EXPECTED_URL[id]) expect(script.getAttribute('src')).toBe(EXPECTED_URL[id]);
  });

  it('GA4: gtag stub pushes js and config as Arguments before gtag.js', () => {
    catalog['google-analytics']!.load!({ id: 'G-ABC1234' }, {});
    const entries = dataLayerEntries();
    expect(entries).toHaveLength(2);
    expect((entries[0] as { gtag: unknown[] }).gtag[0]).toBe('js');
    expect((entries[0] as { gtag: unknown[] }).gtag[1]).toBeInstanceOf(Date);
    expect(entries[1]).toEqual({ gtag: ['config', 'G-ABC1234'] });
  });

  it('GTM: pushes gtm.start before the container, honouring a custom data layer name', () => {
    catalog['google-tag-manager']!.load!({ id: 'GTM-ABC1234' }, { dataLayerName: 'dl2' });
    expect(w.dl2[0]).toMatchObject({ event: 'gtm.js' });
    expect(typeof w.dl2[0]['gtm.start']).toBe('number');
    expect(scriptUrls()).toEqual(['https://www.googletagmanager.com/gtm.js?id=GTM-ABC1234&l=dl2']);
  });

  it.each([
    ['google-tag-manager', { id: 'GTM-ABC1234' }, 'https://www.googletagmanager.com/gtm.js?id=GTM-ABC1234'],
    ['google-analytics', { id: 'G-ABC1234' }, 'https://www.googletagmanager.com/gtag/js?id=G-ABC1234'],
  ] as const)('%s pasted by the site as well (held as text/plain) is not loaded a second time', (id, params, src) => {
    const held = document.createElement('script');
    held.type = 'text/plain';
    held.setAttribute('src', src);
    document.head.append(held);
    catalog[id]!.load!(params, {});
    expect(scriptUrls()).toEqual([src]);
    expect(dataLayerEntries()).toEqual([]);
  });

  it('Meta: fbq stub queues init and PageView for fbevents.js', () => {
    catalog['meta-pixel']!.load!({ id: '1234567890123456' }, {});
    expect(w.fbq.queue.map((args: unknown[]) => Array.from(args))).toEqual([
      ['init', '1234567890123456'],
      ['track', 'PageView'],
    ]);
    expect(w._fbq).toBe(w.fbq);
    expect(w.fbq.version).toBe('2.0');
  });

  it('Matomo: queues the tracker set-up for the self-hosted URL', () => {
    catalog.matomo!.load!({ url: 'https://stats.example.org', siteId: '3' }, {});
    expect(w._paq).toEqual([['trackPageView'], ['enableLinkTracking'], ['setTrackerUrl', 'https://stats.example.org/matomo.php'], ['setSiteId', '3']]);
  });

  it('Hotjar: sets _hjSettings and the hj queue', () => {
    catalog.hotjar!.load!({ id: '1234567' }, {});
    expect(w._hjSettings).toEqual({ hjid: 1234567, hjsv: 6 });
    w.hj('event', 'x');
    expect(w.hj.q).toEqual([['event', 'x']]);
  });

  it('builds snippets without eval or innerHTML (scripts have a src and no inline text)', () => {
    for (const id of withLoader) {
      resetPage();
      catalog[id]!.load!(PARAMS[id]!, {});
      for (const s of Array.from(document.querySelectorAll('script'))) expect(s.text, id).toBe('');
    }
  });
});
