// @vitest-environment-options {"url":"https://www.shop.example.com/page","settings":{"enableJavaScriptEvaluation":true,"suppressInsecureJavaScriptEnvironmentWarning":true,"disableJavaScriptFileLoading":true,"handleDisabledFileLoadingAsSuccess":true}}
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBlocker } from './create-blocker.js';
import { RULES, makeConsent, recordExecution, resetDom } from './test-utils/fixtures.js';
import type { Blocker } from './types.js';

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

function markup(html: string): void {
  // Parsed markup never executes through innerHTML: the same inert state as text/plain in a real page.
  document.body.innerHTML = html;
}

describe('gated scripts', () => {
  it('keeps text/plain scripts inert until their category is granted', () => {
    markup(`
      <script type="text/plain" data-category="statistics">window.__log.push('stats')</script>
      <script type="text/plain" data-category="targeting">window.__log.push('ads')</script>`);
    const consent = makeConsent();
    blocker = createBlocker(consent, { rules: RULES });
    expect(rec.log).toEqual([]);
    consent.update({ statistics: true });
    expect(rec.log).toEqual(['stats']);
    expect(document.querySelectorAll('script[type="text/plain"]')).toHaveLength(1);
  });

  it('releases in document order, external and inline interleaved', () => {
    markup(`
      <script type="text/plain" data-category="statistics" src="/a.js"></script>
      <script type="text/plain" data-category="statistics">window.__log.push('inline-1')</script>
      <script type="text/plain" data-category="targeting">window.__log.push('ads')</script>
      <script type="text/plain" data-category="statistics" src="/b.js"></script>
      <script type="text/plain" data-category="statistics">window.__log.push('inline-2')</script>`);
    const consent = makeConsent();
    blocker = createBlocker(consent, { rules: RULES });
    consent.acceptAll();
    expect(rec.log).toEqual(['src:/a.js', 'inline-1', 'ads', 'src:/b.js', 'inline-2']);
  });

  it('keeps attributes, restores the real type from data-type and applies the nonce', () => {
    markup(`
      <script type="text/plain" data-category="statistics" src="/m.js" data-type="module" async id="m" crossorigin="anonymous" referrerpolicy="no-referrer"></script>
      <script type="text/plain" data-vendor="google-analytics" src="/d.js" defer data-foo="bar"></script>
      <script type="text/plain" data-category="statistics" src="/o.js"></script>`);
    const consent = makeConsent({ vendors: { 'google-analytics': { id: 'G-ABC1234', category: 'statistics' } } });
    blocker = createBlocker(consent, { rules: RULES, nonce: 'n0nce' });
    consent.acceptAll();
    const [m, d, o] = Array.from(document.querySelectorAll('script'));
    expect(m?.getAttribute('type')).toBe('module');
    expect(m?.id).toBe('m');
    expect(m?.async).toBe(true);
    expect(m?.getAttribute('crossorigin')).toBe('anonymous');
    expect(m?.getAttribute('referrerpolicy')).toBe('no-referrer');
    expect(m?.getAttribute('data-category')).toBe('statistics');
    expect(d?.hasAttribute('defer')).toBe(true);
    expect(d?.getAttribute('data-foo')).toBe('bar');
    expect(d?.hasAttribute('type')).toBe(false);
    expect(o?.async).toBe(false); // ordered like a parser-inserted script
    for (const s of [m, d, o]) expect(s?.nonce).toBe('n0nce');
  });

  it('keeps the element nonce when the blocker has none', () => {
    markup(`<script type="text/plain" data-category="statistics" nonce="fromPage">window.__log.push('x')</script>`);
    const consent = makeConsent();
    blocker = createBlocker(consent, { rules: RULES });
    consent.update({ statistics: true });
    expect(document.querySelector('script')?.nonce).toBe('fromPage');
  });

  it('runs an inline script once, however often consent is toggled', () => {
    markup(`<script type="text/plain" data-category="statistics">window.__log.push('once')</script>`);
    const consent = makeConsent();
    blocker = createBlocker(consent, { rules: RULES });
    for (let i = 0; i < 4; i++) {
      consent.update({ statistics: true });
      consent.update({ statistics: false });
    }
    consent.acceptAll();
    blocker.scan();
    expect(rec.log).toEqual(['once']);
  });

  it('releases a data-vendor script only when that vendor is granted, not just its category', () => {
    markup(`<script type="text/plain" data-vendor="hotjar">window.__log.push('hj')</script>`);
    const consent = makeConsent({ vendors: { hotjar: { id: '123', category: 'statistics' } } });
    blocker = createBlocker(consent, { rules: RULES });
    consent.update({ statistics: true, vendors: { hotjar: false } });
    expect(rec.log).toEqual([]);
    consent.update({ vendors: { hotjar: true } });
    expect(rec.log).toEqual(['hj']);
  });

  it('needs both conditions when markup names a category and a vendor', () => {
    markup(`<script type="text/plain" data-category="targeting" data-vendor="hotjar">window.__log.push('both')</script>`);
    const consent = makeConsent();
    blocker = createBlocker(consent, { rules: RULES });
    consent.update({ statistics: true });
    expect(rec.log).toEqual([]);
    consent.update({ targeting: true });
    expect(rec.log).toEqual(['both']);
  });

  it('fails closed on an unknown category', () => {
    markup(`<script type="text/plain" data-category="marketing">window.__log.push('no')</script>`);
    const consent = makeConsent();
    blocker = createBlocker(consent, { rules: RULES });
    consent.acceptAll();
    expect(rec.log).toEqual([]);
  });

  it('releases markup added later as soon as the insertion is observed, without being asked to scan', async () => {
    const consent = makeConsent();
    blocker = createBlocker(consent, { rules: RULES });
    consent.update({ statistics: true });
    const late = document.createElement('div');
    late.innerHTML = `<script type="text/plain" data-category="statistics">window.__log.push('late')</script>`;
    document.body.append(late);
    expect(rec.log).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 0)); // the observer's callback
    expect(rec.log).toEqual(['late']);
  });

  it('releases markup added later on scan(root) when automatic blocking (and its observer) is off', () => {
    const consent = makeConsent();
    blocker = createBlocker(consent, { rules: RULES, autoBlock: false });
    consent.update({ statistics: true });
    const late = document.createElement('div');
    late.innerHTML = `<script type="text/plain" data-category="statistics">window.__log.push('late')</script>`;
    document.body.append(late);
    expect(rec.log).toEqual([]);
    blocker.scan(late);
    expect(rec.log).toEqual(['late']);
  });

  it('never releases markup naming a vendor the config does not list, and tells the site owner once', () => {
    markup(`
      <script type="text/plain" data-vendor="hotjar" data-category="statistics">window.__log.push('hj')</script>
      <script type="text/plain" data-vendor="hotjar">window.__log.push('hj2')</script>
      <script type="text/plain" data-vendor="acme-tracker" data-category="statistics">window.__log.push('acme')</script>`);
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const consent = makeConsent({ vendors: {} });
    blocker = createBlocker(consent, { rules: RULES });
    consent.acceptAll();
    blocker.scan();
    expect(rec.log).toEqual([]);
    expect(consent.isGranted({ vendor: 'hotjar' })).toBe(false);
    const messages = error.mock.calls.map((c) => String(c[0]));
    expect(messages.filter((m) => m.includes('"hotjar"'))).toHaveLength(1);
    expect(messages.find((m) => m.includes('"hotjar"'))).toMatch(/Add it to "vendors"/);
    expect(messages.some((m) => m.includes('"acme-tracker"'))).toBe(true);
    error.mockRestore();
  });

  it('keeps category-only markup held when its src belongs to a catalog vendor the visitor was not asked about', () => {
    markup(`
      <script type="text/plain" data-category="statistics" src="https://static.hotjar.com/c/hotjar-1.js"></script>
      <script type="text/plain" data-category="statistics">window.__log.push('own')</script>`);
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const consent = makeConsent({ vendors: { 'google-analytics': { category: 'statistics' } } });
    blocker = createBlocker(consent, { rules: RULES });
    consent.acceptAll();
    expect(rec.log).toEqual(['own']);
    expect(document.querySelector('script[src*="hotjar"]')?.getAttribute('type')).toBe('text/plain');
    expect(error.mock.calls.map((c) => String(c[0])).join('\n')).toMatch(/"hotjar"/);
    error.mockRestore();
  });

  it('releases category-only markup for a catalog vendor the config lists, once that vendor is granted', () => {
    markup(`<script type="text/plain" data-category="statistics" src="https://static.hotjar.com/c/hotjar-1.js"></script>`);
    const consent = makeConsent();
    blocker = createBlocker(consent, { rules: RULES });
    consent.update({ statistics: true, vendors: { hotjar: false } });
    expect(rec.log).toEqual([]);
    consent.update({ vendors: { hotjar: true } });
    expect(rec.log).toEqual(['src:/c/hotjar-1.js']);
  });

  it('does not release a category the config no longer lists, whatever an older cookie granted', () => {
    markup(`<script type="text/plain" data-category="targeting">window.__log.push('ads')</script>`);
    const consent = makeConsent({ categories: { statistics: {} }, vendors: {} });
    blocker = createBlocker(consent, { rules: RULES });
    consent.acceptAll();
    expect(rec.log).toEqual([]);
  });
});
