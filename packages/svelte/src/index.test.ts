import { createConsent, createMemoryCookies, type ConsentConfig } from '@consentry/core';
import { googleAnalytics, toCatalogLookup, youtube } from '@consentry/vendors';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { flushSync, hydrate, unmount } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import App from './test-utils/App.svelte';
import Orphan from './test-utils/Orphan.svelte';

const config: ConsentConfig = {
  revision: 1,
  language: 'en',
  categories: { statistics: {}, targeting: {} },
  vendors: { youtube: { category: 'targeting' }, 'google-analytics': { id: 'G-TEST123' } },
};
const banner = () => within(document.querySelector('consentry-ui')!.shadowRoot as unknown as HTMLElement);
const decidedCookie = () => {
  const cookies = createMemoryCookies();
  createConsent(config, { cookies, gpc: false, secure: false, catalog: toCatalogLookup([googleAnalytics, youtube]) }).acceptAll();
  return cookies.get('consentry')!;
};

afterEach(() => {
  document.cookie = 'consentry=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('@consentry/svelte', () => {
  it('shows the banner; the gate opens on "Accept all" and the store follows', async () => {
    const { unmount: stop } = render(App, { config, options: { cookies: createMemoryCookies(), gpc: false, secure: false } });
    expect(screen.getByText('Video blocked')).toBeTruthy();
    expect(screen.getByRole('button').textContent).toBe('undecided false');
    await waitFor(() => expect(banner().getByRole('button', { name: 'Accept all' })).toBeTruthy());
    await fireEvent.click(banner().getByRole('button', { name: 'Accept all' }));
    await waitFor(() => expect(screen.getByText('video')).toBeTruthy());
    expect(screen.getByRole('button').textContent).toBe('decided true');
    stop();
    expect(document.querySelector('consentry-ui')).toBeNull(); // the UI goes with the provider
  });

  it('outside a provider nothing is granted, and one error says why', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    render(Orphan);
    expect(document.body.textContent).toContain('no stats');
    expect(String(errors.mock.calls[0]?.[0])).toMatch(/need provideConsent\(\)/);
  });

  it('hydrates the server render of a decided visitor without a flash or a mismatch', { timeout: 60_000 }, async () => {
    // The server half (svelte/server) is in ssr.test.ts; here its output for the same cookie.
    const { serverHtml } = await import('./test-utils/server-html.js');
    const cookie = decidedCookie();
    const html = await serverHtml(config, `theme=dark; consentry=${encodeURIComponent(cookie)}`);
    expect(html).toContain('<p>video</p>');
    expect(html).not.toContain('Video blocked');
    document.cookie = `consentry=${cookie}; path=/`;
    const target = document.body.appendChild(document.createElement('div'));
    target.innerHTML = html;
    const video = target.querySelector('p');
    const warnings = vi.spyOn(console, 'warn');
    const app = hydrate(App, { target, props: { config, options: { cookie: document.cookie } } });
    flushSync();
    expect(warnings.mock.calls.filter((c) => /hydrat|mismatch/i.test(String(c[0])))).toEqual([]);
    expect(target.querySelector('p')).toBe(video); // the same node: hydrated, not replaced
    await waitFor(() => expect(document.querySelector('consentry-ui')).not.toBeNull());
    expect(banner().queryByRole('button', { name: 'Customize' })).toBeNull(); // decided: no banner
    void unmount(app);
  });
});
