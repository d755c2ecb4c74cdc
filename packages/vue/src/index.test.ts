import { createConsent, createMemoryCookies, type ConsentConfig } from '@consentry/core';
import { googleAnalytics, toCatalogLookup, youtube } from '@consentry/vendors';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/vue';
import { renderToString } from '@vue/server-renderer';
import { createSSRApp, defineComponent, h, nextTick } from 'vue';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { ConsentGate, ConsentProvider, useConsent, useIsGranted, type ConsentOptions } from './index.js';

const config: ConsentConfig = {
  revision: 1,
  language: 'en',
  categories: { statistics: {}, targeting: {} },
  vendors: { youtube: { category: 'targeting' }, 'google-analytics': { id: 'G-TEST123' } },
};
const vendors = [googleAnalytics, youtube];

const Status = defineComponent(() => {
  const { state, showPreferences } = useConsent();
  const stats = useIsGranted('statistics');
  return () => h('button', { onClick: () => showPreferences() }, `${state.value.status} ${String(stats.value)}`);
});
const app = (options: ConsentOptions) =>
  defineComponent(() => () =>
    h(ConsentProvider, { config, options: { vendors, ...options } }, () => [
      h(ConsentGate, { vendor: 'youtube' }, { default: () => h('p', 'video'), fallback: () => h('p', 'Video blocked') }),
      h(Status),
    ]),
  );

const banner = () => within(document.querySelector('consentry-ui')!.shadowRoot as unknown as HTMLElement);
const decidedCookie = () => {
  const cookies = createMemoryCookies();
  createConsent(config, { cookies, gpc: false, secure: false, catalog: toCatalogLookup(vendors) }).acceptAll();
  return cookies.get('consentry')!;
};

let warnings: MockInstance;
beforeEach(() => {
  warnings = vi.spyOn(console, 'warn');
});
afterEach(() => {
  document.cookie = 'consentry=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('@consentry/vue', () => {
  it('shows the banner; the gate opens on "Accept all" and useConsent follows', async () => {
    const { unmount } = render(app({ cookies: createMemoryCookies(), gpc: false, secure: false }));
    expect(screen.getByText('Video blocked')).toBeTruthy();
    expect(screen.getByRole('button').textContent).toBe('undecided false');
    await waitFor(() => expect(banner().getByRole('button', { name: 'Accept all' })).toBeTruthy());
    await fireEvent.click(banner().getByRole('button', { name: 'Accept all' }));
    await nextTick();
    expect(screen.getByText('video')).toBeTruthy();
    expect(screen.getByRole('button').textContent).toBe('decided true');
    unmount();
    expect(document.querySelector('consentry-ui')).toBeNull(); // the UI goes with the provider
  });

  it('outside a provider nothing is granted, and one error says why', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    render(defineComponent(() => () => h(ConsentGate, { category: 'statistics' }, { default: () => 'stats', fallback: () => 'no stats' })));
    expect(screen.getByText('no stats')).toBeTruthy();
    expect(String(errors.mock.calls[0]?.[0])).toMatch(/need a <ConsentProvider>/);
  });

  it('renders on the server from the Cookie header and hydrates without a flash or a mismatch', async () => {
    const cookie = decidedCookie();
    // The server reads the request's Cookie header; the hydrating client reads the same cookie.
    const html = await renderToString(createSSRApp(app({ cookie: `theme=dark; consentry=${encodeURIComponent(cookie)}` })));
    expect(html).toContain('<p>video</p>');
    expect(html).not.toContain('Video blocked');
    expect(html).not.toContain('consentry-ui');

    document.cookie = `consentry=${cookie}; path=/`;
    const container = document.body.appendChild(document.createElement('div'));
    container.innerHTML = html;
    const video = container.querySelector('p');
    const client = createSSRApp(app({ cookie: document.cookie }));
    client.mount(container);
    await nextTick();
    expect(warnings.mock.calls.filter((c) => /hydrat|mismatch/i.test(String(c[0])))).toEqual([]);
    expect(container.querySelector('p')).toBe(video); // the same node: hydrated, not replaced
    await waitFor(() => expect(document.querySelector('consentry-ui')).not.toBeNull());
    expect(banner().queryByRole('button', { name: 'Customize' })).toBeNull(); // decided: no banner
    client.unmount();
  });

  it('control: a render that reads the cookie directly is caught as a hydration mismatch', async () => {
    const Naive = defineComponent(() => () => h('p', typeof document !== 'undefined' && document.cookie.includes('consentry=') ? 'video' : 'Video blocked'));
    const html = await renderToString(createSSRApp(Naive));
    document.cookie = `consentry=${decidedCookie()}; path=/`;
    const container = document.body.appendChild(document.createElement('div'));
    container.innerHTML = html;
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    warnings.mockImplementation(() => {});
    createSSRApp(Naive).mount(container);
    expect([...warnings.mock.calls, ...errors.mock.calls].some((c) => /hydrat|mismatch/i.test(String(c[0])))).toBe(true);
  });
});
