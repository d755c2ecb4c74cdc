// @vitest-environment-options {"url":"https://www.shop.example.com/page","settings":{"enableJavaScriptEvaluation":true,"suppressInsecureJavaScriptEnvironmentWarning":true,"disableJavaScriptFileLoading":true,"handleDisabledFileLoadingAsSuccess":true}}
import { createConsent, createMemoryCookies } from '@consentry/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBlocker } from './create-blocker.js';
import { CONFIGURED, RULES, recordExecution, resetDom } from './test-utils/fixtures.js';
import type { Blocker } from './types.js';

const GA_HIT = 'https://region1.google-analytics.com/g/collect?v=2';
const nativeFetch = vi.fn(async (_input: unknown, _init?: unknown) => new Response('ok'));
const savedFetch = globalThis.fetch;
let blockers: Blocker[] = [];
let rec: ReturnType<typeof recordExecution>;

beforeEach(() => {
  resetDom();
  rec = recordExecution();
  nativeFetch.mockClear();
  globalThis.fetch = nativeFetch as unknown as typeof fetch;
});
afterEach(() => {
  for (const b of blockers.reverse()) b.destroy();
  blockers = [];
  rec.stop();
  globalThis.fetch = savedFetch;
});

/** Two engines over one cookie store: what two React providers (or a second init) on one page are. */
function twoEngines() {
  const cookies = createMemoryCookies();
  const make = () => createConsent({ categories: { statistics: {}, targeting: {} }, vendors: CONFIGURED }, { cookies, gpc: false, secure: true });
  return [make(), make()] as const;
}

describe('a second blocker on the same page', () => {
  it('shares the one set of interceptors instead of doing nothing: its own markup is gated and released', () => {
    const [a, b] = twoEngines();
    blockers.push(createBlocker(a, { rules: RULES }));
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    blockers.push(createBlocker(b, { rules: RULES }));
    expect(error).not.toHaveBeenCalled();
    error.mockRestore();
    document.body.innerHTML = `<script type="text/plain" data-category="statistics">window.__log.push('stats')</script>`;
    b.update({ statistics: true });
    expect(rec.log).toEqual(['stats']);
  });

  it('wraps the platform once, and a request goes only when every engine on the page grants its vendor', async () => {
    const [a, b] = twoEngines();
    blockers.push(createBlocker(a, { rules: RULES }));
    const wrapped = globalThis.fetch;
    blockers.push(createBlocker(b, { rules: RULES }));
    expect(globalThis.fetch).toBe(wrapped);
    a.update({ statistics: true });
    // b re-reads the shared cookie when a decides, so both agree without a reload.
    expect(b.isGranted('statistics')).toBe(true);
    await fetch(GA_HIT);
    expect(nativeFetch).toHaveBeenCalledTimes(1);
    b.update({ statistics: false });
    await expect(fetch(GA_HIT)).rejects.toThrow(/not granted/);
    expect(nativeFetch).toHaveBeenCalledTimes(1);
  });

  it('keeps the interceptors while any blocker lives and puts the native functions back after the last', async () => {
    const [a, b] = twoEngines();
    const first = createBlocker(a, { rules: RULES });
    const second = createBlocker(b, { rules: RULES });
    first.destroy();
    await expect(fetch(GA_HIT)).rejects.toThrow(/not granted/);
    second.destroy();
    expect(globalThis.fetch).toBe(nativeFetch);
  });
});
