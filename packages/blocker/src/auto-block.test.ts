// @vitest-environment-options {"url":"https://www.shop.example.com/page","settings":{"enableJavaScriptEvaluation":true,"suppressInsecureJavaScriptEnvironmentWarning":true,"disableJavaScriptFileLoading":true,"handleDisabledFileLoadingAsSuccess":true}}
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBlocker } from './create-blocker.js';
import { RULES, makeConsent, recordExecution, resetDom } from './test-utils/fixtures.js';
import type { BlockedEvent, Blocker } from './types.js';

let blocker: Blocker | undefined;
let rec: ReturnType<typeof recordExecution>;
beforeEach(() => {
  resetDom();
  rec = recordExecution();
});
afterEach(() => {
  blocker?.destroy();
  blocker = undefined;
  rec.stop();
});
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('automatic blocking', () => {
  it('holds a dynamically created vendor script before it is connected, whatever way src is set', () => {
    const blocked: BlockedEvent[] = [];
    blocker = createBlocker(makeConsent(), { rules: RULES, onBlocked: (e) => blocked.push(e) });
    const a = document.createElement('script');
    a.src = 'https://www.googletagmanager.com/gtag/js?id=G-ABC1234';
    const b = document.createElement('script');
    b.setAttribute('src', 'https://static.hotjar.com/c/hotjar-1.js');
    b.type = 'text/javascript'; // set after src: must not un-hold it
    document.head.append(a, b);
    expect(rec.log).toEqual([]);
    expect(a.type).toBe('text/plain');
    expect(b.getAttribute('type')).toBe('text/plain');
    expect(blocked.map((e) => [e.kind, e.vendor])).toEqual([['script', 'google-analytics'], ['script', 'hotjar']]);
  });

  it('releases held scripts in insertion order once granted, keeping the same nodes and their handlers', () => {
    const consent = makeConsent();
    blocker = createBlocker(consent, { rules: RULES });
    const seen: string[] = [];
    const urls = ['https://static.hotjar.com/c/hj.js', 'https://www.google-analytics.com/analytics.js', 'https://connect.facebook.net/en_US/fbevents.js'];
    const nodes = urls.map((url) => {
      const s = document.createElement('script');
      s.async = false;
      s.src = url;
      s.onload = () => seen.push(new URL(url).hostname);
      document.head.append(s);
      return s;
    });
    consent.update({ statistics: true });
    expect(rec.log).toEqual(['src:/c/hj.js', 'src:/analytics.js']);
    expect(seen).toEqual(['static.hotjar.com', 'www.google-analytics.com']);
    consent.update({ targeting: true });
    expect(seen).toEqual(['static.hotjar.com', 'www.google-analytics.com', 'connect.facebook.net']);
    expect(Array.from(document.head.querySelectorAll('script'))).toEqual(nodes);
    expect(nodes[0]?.hasAttribute('type')).toBe(false);
  });

  it('releases a URL shared by two vendors as soon as either is granted', () => {
    const ads = { id: 'google-ads', name: 'Google Ads', category: 'targeting' as const, hosts: ['www.googletagmanager.com/gtag/js', 'doubleclick.net'], cookies: [] };
    const consent = makeConsent({ vendors: { 'google-analytics': { id: 'G-ABC1234', category: 'statistics' } } });
    blocker = createBlocker(consent, { rules: [ads, ...RULES] });
    const s = document.createElement('script');
    s.src = 'https://www.googletagmanager.com/gtag/js?id=G-ABC1234';
    document.head.append(s);
    expect(s.getAttribute('data-vendor')).toBe('google-analytics'); // the configured owner names it
    consent.update({ statistics: true });
    expect(rec.log).toEqual(['src:/gtag/js']);
  });

  it('holds a fragment parsed from a string before the browser parses it, and releases it as markup', async () => {
    const consent = makeConsent();
    blocker = createBlocker(consent, { rules: RULES });
    const holder = document.createElement('div');
    document.body.append(holder);
    // A contextual fragment's scripts run when inserted and its <img> loads when parsed: the string is
    // cleaned before the native parser sees it, so no element ever has the vendor URL in an executable form.
    const fragment = document.createRange().createContextualFragment(
      '<script src="https://static.hotjar.com/c/x.js"></script><iframe src="https://www.youtube.com/embed/xyz"></iframe><img src="https://www.facebook.com/tr?id=1">',
    );
    const script = fragment.querySelector('script')!;
    expect(script.getAttribute('type')).toBe('text/plain');
    expect(script.getAttribute('data-vendor')).toBe('hotjar');
    const iframe = fragment.querySelector('iframe')!;
    expect(iframe.getAttribute('src')).toBe('about:blank');
    expect(iframe.getAttribute('data-src')).toBe('https://www.youtube.com/embed/xyz');
    expect(fragment.querySelector('img')!.hasAttribute('src')).toBe(false);
    holder.append(fragment);
    await tick(); // the observer shows the placeholder
    expect(holder.querySelector('.consentry-placeholder')?.textContent).toContain('YouTube');
    consent.acceptAll();
    expect(iframe.getAttribute('src')).toBe('https://www.youtube.com/embed/xyz');
    // Released as gated markup: a fresh script with the real URL replaces the held one.
    const released = holder.querySelector('script')!;
    expect(released.getAttribute('src')).toBe('https://static.hotjar.com/c/x.js');
    expect(released.hasAttribute('type')).toBe(false);
    expect(rec.log).toEqual(['src:/c/x.js']);
  });

  it('holds a dynamically created vendor iframe and shows its placeholder', () => {
    const consent = makeConsent();
    blocker = createBlocker(consent, { rules: RULES });
    const iframe = document.createElement('iframe');
    document.body.append(iframe);
    iframe.src = 'https://www.youtube.com/embed/1';
    expect(iframe.getAttribute('src')).toBeNull();
    expect(document.querySelector('.consentry-placeholder')).not.toBeNull();
    consent.update({ targeting: true });
    expect(iframe.getAttribute('src')).toBe('https://www.youtube.com/embed/1');
  });

  it('leaves first-party and unknown hosts untouched', () => {
    blocker = createBlocker(makeConsent(), { rules: RULES });
    const own = document.createElement('script');
    own.src = '/app.js';
    const cdn = document.createElement('script');
    cdn.src = 'https://cdn.example.net/lib.js';
    const inline = document.createElement('script');
    inline.text = `window.__log.push('inline')`;
    document.head.append(own, cdn, inline);
    expect(rec.log).toEqual(['src:/app.js', 'src:/lib.js', 'inline']);
  });

  it('lets a vendor load when it is already granted', () => {
    const consent = makeConsent();
    consent.update({ statistics: true });
    blocker = createBlocker(consent, { rules: RULES });
    const s = document.createElement('script');
    s.src = 'https://www.google-analytics.com/g.js';
    document.head.append(s);
    expect(rec.log).toEqual(['src:/g.js']);
  });

  it('holds nothing automatically with autoBlock: false', () => {
    blocker = createBlocker(makeConsent(), { rules: RULES, autoBlock: false });
    const s = document.createElement('script');
    s.src = 'https://static.hotjar.com/c/hj.js';
    document.head.append(s);
    expect(rec.log).toEqual(['src:/c/hj.js']);
  });

  it('restores the native setters on destroy', () => {
    const before = Object.getOwnPropertyDescriptor(HTMLScriptElement.prototype, 'src');
    const setAttribute = Element.prototype.setAttribute;
    createBlocker(makeConsent(), { rules: RULES }).destroy();
    expect(Object.getOwnPropertyDescriptor(HTMLScriptElement.prototype, 'src')).toEqual(before);
    expect(Element.prototype.setAttribute).toBe(setAttribute);
  });
});
