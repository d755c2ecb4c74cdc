/** @jsxImportSource react */
import { readConsent } from '@consentry/core';
import type { ConsentState } from '@consentry/core';
import { act } from '@testing-library/react';
import type { ReactNode } from 'react';
import { hydrateRoot, type Root } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { ConsentGate } from './consent-gate';
import { ConsentProvider } from './consent-provider';
import { useConsent } from './use-consent';
import { bannerShown, config, decidedCookie, uiHosts } from './test-utils/fixtures';

// These tests use the real browser cookie (js-cookie on document.cookie), as a page would.
function App() {
  const { state } = useConsent();
  return (
    <main>
      <p>status: {state.status}</p>
      <ConsentGate category="targeting" fallback={<p>Video blocked</p>}>
        <p>video</p>
      </ConsentGate>
    </main>
  );
}
const page = (initialState?: ConsentState, children: ReactNode = <App />) => (
  <ConsentProvider config={config} {...(initialState ? { initialState } : {})}>
    {children}
  </ConsentProvider>
);

let errors: MockInstance;
let recoverable: unknown[];
let container: HTMLElement;
let root: Root | undefined;

beforeEach(() => {
  errors = vi.spyOn(console, 'error');
  recoverable = [];
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  container.remove();
  document.cookie = 'consentry=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
  vi.restoreAllMocks();
});

/** What a server does per request: read the Cookie header, render to a string. */
function serverRender(cookieHeader: string | null, withInitialState = true): { html: string; initialState: ConsentState } {
  const initialState = readConsent(cookieHeader, config);
  // The "server" here has a document, but no cookie in it: only initialState can tell it the decision.
  expect(document.cookie).not.toContain('consentry=');
  return { html: renderToString(page(withInitialState ? initialState : undefined)), initialState };
}

async function hydrate(html: string, node: ReactNode) {
  container.innerHTML = html;
  await act(async () => {
    root = hydrateRoot(container, node, { onRecoverableError: (error) => void recoverable.push(error) });
  });
}

describe('server render and hydration', () => {
  it('renders a decided visitor from the Cookie header and hydrates without mismatch or banner', async () => {
    const cookie = decidedCookie('acceptAll');
    const { html, initialState } = serverRender(`theme=dark; consentry=${encodeURIComponent(cookie)}`);
    expect(initialState.status).toBe('decided');
    expect(html).toContain('video');
    expect(html).not.toContain('Video blocked');
    expect(html).not.toContain('consentry-ui');

    document.cookie = `consentry=${cookie}; path=/`;
    await hydrate(html, page(initialState));

    expect(recoverable).toEqual([]);
    expect(errors).not.toHaveBeenCalled();
    expect(container.innerHTML).toBe(html);
    expect(uiHosts()).toHaveLength(1);
    expect(bannerShown()).toBe(false);
  });

  it('renders an undecided visitor with the fallback and shows the banner only after hydration', async () => {
    const { html, initialState } = serverRender('theme=dark');
    expect(initialState.status).toBe('undecided');
    expect(html).toContain('Video blocked');
    await hydrate(html, page(initialState));
    expect(recoverable).toEqual([]);
    expect(errors).not.toHaveBeenCalled();
    expect(bannerShown()).toBe(true);
  });

  it('treats a tampered cookie as undecided on both sides', async () => {
    const cookie = decidedCookie('acceptAll').replace(/\.[^.]+$/, '.0000');
    const { html, initialState } = serverRender(`consentry=${cookie}`);
    expect(initialState.status).toBe('undecided');
    document.cookie = `consentry=${cookie}; path=/`;
    await hydrate(html, page(initialState));
    expect(recoverable).toEqual([]);
    expect(errors).not.toHaveBeenCalled();
    expect(container.textContent).toContain('Video blocked');
    expect(bannerShown()).toBe(true);
  });

  it('without initialState hydrates as undecided, then shows the stored decision after hydration', async () => {
    const cookie = decidedCookie('acceptAll');
    const { html } = serverRender(`consentry=${cookie}`, false);
    expect(html).toContain('Video blocked');
    document.cookie = `consentry=${cookie}; path=/`;
    await hydrate(html, page());
    expect(recoverable).toEqual([]);
    expect(errors).not.toHaveBeenCalled();
    expect(container.textContent).toContain('status: decided');
    expect(container.textContent).not.toContain('Video blocked');
    expect(bannerShown()).toBe(false);
  });

  it('control: reading the cookie directly during render is caught as a mismatch by these checks', async () => {
    function Naive() {
      const granted = typeof document !== 'undefined' && document.cookie.includes('consentry=');
      return <p>{granted ? 'video' : 'Video blocked'}</p>;
    }
    const html = renderToString(<Naive />);
    document.cookie = `consentry=${decidedCookie('acceptAll')}; path=/`;
    errors.mockImplementation(() => {});
    await hydrate(html, <Naive />);
    expect(recoverable.length + errors.mock.calls.length).toBeGreaterThan(0);
    expect(String(recoverable[0] ?? errors.mock.calls[0]?.[0])).toMatch(/hydrat/i);
  });
});
