/** @jsxImportSource react */
// The npm path as good as the script tag: blocking, vendor loading, Consent Mode and proofs.
import { act, cleanup, render } from '@testing-library/react';
import { StrictMode, useEffect } from 'react';
import { googleAnalytics, metaPixel } from '@consentry/vendors';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConsentProvider } from './consent-provider';
import { useConsent } from './use-consent';
import { memoryOptions } from './test-utils/fixtures';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  document.head.querySelectorAll('script').forEach((s) => s.remove());
  delete (window as { dataLayer?: unknown }).dataLayer;
  delete (window as { gtag?: unknown }).gtag;
  delete (window as { fbq?: unknown }).fbq;
});

const config = {
  language: 'en',
  categories: { statistics: {}, targeting: {} },
  vendors: { 'google-analytics': { id: 'G-REACT123' }, 'meta-pixel': { id: '1234567890' } },
  proof: { endpoint: 'https://consent.example.com/v1/consents' },
};
const scriptSrcs = () => [...document.querySelectorAll('script[src]')].map((s) => s.getAttribute('src'));
const consentCalls = () =>
  ((window as { dataLayer?: unknown[] }).dataLayer ?? [])
    .filter((e): e is IArguments => typeof (e as IArguments).length === 'number')
    .map((e) => `${e[0]}:${e[1]}`);

describe('ConsentProvider integrations', () => {
  it('pushes Consent Mode defaults, loads nothing before consent, then loads the granted vendors and sends a proof', async () => {
    const posts: string[] = [];
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (url, init) => {
      posts.push(`${init?.method} ${String(url)}`);
      return new Response(JSON.stringify({ recordId: 'r', seq: 1, hash: 'h', signature: 's', keyId: 'k', noticeOnFile: true }), { status: 201 });
    });
    const { options } = memoryOptions();
    document.body.innerHTML = '<script type="text/plain" data-category="statistics" id="gated">window.__gated = 1</script>';
    render(
      <StrictMode>
        <ConsentProvider config={config} options={options} vendors={[googleAnalytics, metaPixel]} />
      </StrictMode>,
    );
    expect(consentCalls()[0]).toBe('consent:default');
    expect(scriptSrcs()).toEqual([]);
    expect(document.querySelector('script[type="text/plain"]')).not.toBeNull();

    const accept = [...document.querySelector('consentry-ui')!.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Accept all')!;
    await act(async () => {
      accept.click();
      await new Promise((r) => setTimeout(r, 20));
    });
    expect(scriptSrcs()).toEqual(
      expect.arrayContaining(['https://www.googletagmanager.com/gtag/js?id=G-REACT123', 'https://connect.facebook.net/en_US/fbevents.js']),
    );
    expect(consentCalls()).toContain('consent:update');
    expect(document.querySelector('script[type="text/plain"]')).toBeNull(); // released by the blocker
    // The proof client is its own chunk (imported when the config has `proof`), so it may land a little later.
    await vi.waitFor(() => expect(posts).toContain('POST https://consent.example.com/v1/consents'));
  });

  it('records a decision made in a child effect, which runs before the provider has mounted anything', async () => {
    // Records an earlier test left queued in this browser's storage would be sent first.
    localStorage.clear();
    const posts: { recordId?: string }[] = [];
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (url, init) => {
      const body = String(url).endsWith('/v1/consents') ? JSON.parse(String(init?.body)) : {};
      if (String(url).endsWith('/v1/consents')) posts.push(body);
      // A receipt is for the record posted (the client keeps a record answered with anything else).
      return new Response(JSON.stringify({ recordId: body.recordId ?? 'r', seq: 1, hash: 'h', signature: 's', keyId: 'k', noticeOnFile: true }), { status: 201 });
    });
    function DecidesAtOnce() {
      const { rejectAll } = useConsent();
      useEffect(() => rejectAll({ source: 'api' }), [rejectAll]); // a child's effect runs before its parent's
      return null;
    }
    const { options } = memoryOptions();
    render(
      <ConsentProvider config={config} options={options} vendors={[googleAnalytics, metaPixel]}>
        <DecidesAtOnce />
      </ConsentProvider>,
    );
    await vi.waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0]).toMatchObject({ method: 'reject-all', source: 'api' });
  });

  it('reports a malformed vendor id with its path and fails closed', () => {
    const errors: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((...a) => void errors.push(a.map(String).join(' ')));
    const { options } = memoryOptions();
    render(<ConsentProvider config={{ ...config, vendors: { 'google-analytics': { id: 'UA-1-1' } } }} options={options} vendors={[googleAnalytics]} />);
    expect(errors.join('\n')).toContain('vendors.google-analytics.id: malformed value "UA-1-1"');
    expect(document.querySelector('consentry-ui')).toBeNull();
  });
});
