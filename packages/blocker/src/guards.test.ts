// @vitest-environment-options {"url":"https://www.shop.example.com/page"}
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBlocker } from './create-blocker.js';
import { RULES, makeConsent, resetDom } from './test-utils/fixtures.js';
import type { BlockedEvent, Blocker } from './types.js';

let blocker: Blocker | undefined;
let blocked: BlockedEvent[];
const nativeFetch = vi.fn(async (_input: unknown, _init?: unknown) => new Response('ok'));
const nativeSend = vi.fn();
const nativeBeacon = vi.fn((_url: unknown, _data?: unknown) => true);
const saved = {
  fetch: globalThis.fetch,
  send: XMLHttpRequest.prototype.send,
  beacon: Object.getPrototypeOf(navigator).sendBeacon as Navigator['sendBeacon'],
};

beforeEach(() => {
  resetDom();
  blocked = [];
  nativeFetch.mockClear();
  nativeSend.mockClear();
  nativeBeacon.mockClear();
  // Stand-ins for the network, installed before the blocker wraps them.
  globalThis.fetch = nativeFetch as unknown as typeof fetch;
  XMLHttpRequest.prototype.send = nativeSend;
  Object.getPrototypeOf(navigator).sendBeacon = nativeBeacon;
});
afterEach(() => {
  blocker?.destroy();
  blocker = undefined;
  globalThis.fetch = saved.fetch;
  XMLHttpRequest.prototype.send = saved.send;
  Object.getPrototypeOf(navigator).sendBeacon = saved.beacon;
});

function start(config = {}) {
  const consent = makeConsent(config);
  blocker = createBlocker(consent, { rules: RULES, onBlocked: (e) => blocked.push(e) });
  return consent;
}

const GA_HIT = 'https://region1.google-analytics.com/g/collect?v=2&tid=G-ABC1234';

describe('withdrawal guards', () => {
  it('refuses fetch to a non-granted vendor like a network error, and passes first-party and unknown hosts', async () => {
    start();
    await expect(fetch(GA_HIT)).rejects.toThrow(TypeError);
    await expect(fetch(new Request('https://connect.facebook.net/tr?id=1'))).rejects.toThrow(/meta-pixel/);
    await fetch('/api/cart');
    await fetch('https://www.shop.example.com/api');
    await fetch(new URL('https://api.stripe.com/v1'));
    expect(nativeFetch.mock.calls.map((c) => String(c[0]))).toEqual(['/api/cart', 'https://www.shop.example.com/api', 'https://api.stripe.com/v1']);
    expect(blocked.map((e) => e.kind)).toEqual(['fetch', 'fetch']);
  });

  it('lets a vendor through once granted and holds it again after withdrawal', async () => {
    const consent = start();
    consent.update({ statistics: true });
    await fetch(GA_HIT);
    expect(nativeFetch).toHaveBeenCalledTimes(1);
    consent.update({ statistics: false });
    await expect(fetch(GA_HIT)).rejects.toThrow();
    expect(nativeFetch).toHaveBeenCalledTimes(1);
  });

  it('does not send an XHR to a non-granted vendor and reports a network error', async () => {
    start();
    const xhr = new XMLHttpRequest();
    const events: string[] = [];
    xhr.addEventListener('error', () => events.push('error'));
    xhr.addEventListener('loadend', () => events.push('loadend'));
    xhr.open('POST', 'https://script.hotjar.com/api');
    xhr.send('x');
    const own = new XMLHttpRequest();
    own.open('GET', '/api/own');
    own.send();
    await new Promise((r) => setTimeout(r, 5));
    expect(nativeSend).toHaveBeenCalledTimes(1);
    expect(nativeSend.mock.contexts[0]).toBe(own);
    expect(events).toEqual(['error', 'loadend']);
  });

  it('refuses sendBeacon to a non-granted vendor', () => {
    start();
    expect(navigator.sendBeacon(GA_HIT, 'x')).toBe(false);
    expect(navigator.sendBeacon('/collect', 'x')).toBe(true);
    expect(nativeBeacon).toHaveBeenCalledTimes(1);
    expect(nativeBeacon.mock.calls[0]?.[0]).toBe('/collect');
  });

  it('drops image pixels to a non-granted vendor, by property and by attribute', () => {
    start();
    const pixel = new Image();
    pixel.src = 'https://www.facebook.com/tr?id=1&ev=PageView';
    const other = document.createElement('img');
    other.setAttribute('src', 'https://www.facebook.com/tr?id=2');
    const own = new Image();
    own.src = '/logo.png';
    expect(pixel.getAttribute('src')).toBeNull();
    expect(other.getAttribute('src')).toBeNull();
    expect(own.getAttribute('src')).toBe('/logo.png');
    expect(blocked.map((e) => e.kind)).toEqual(['image', 'image']);
  });

  it("refuses writes of a non-granted vendor's cookies and storage keys, and nothing else", () => {
    start();
    document.cookie = '_ga=GA1.1.1.1; path=/; max-age=63072000';
    document.cookie = '_ga_ABC1234=GS1; path=/';
    document.cookie = '_hjSessionUser_1=x; path=/';
    document.cookie = 'cart=3; path=/';
    document.cookie = '_gallery=1; path=/'; // shares a prefix with nothing in the catalog: _ga_ needs the underscore
    localStorage.setItem('_hjid', 'x');
    sessionStorage.setItem('hjViewportId', 'x');
    localStorage.setItem('theme', 'dark');
    expect(document.cookie).toBe('cart=3; _gallery=1');
    expect(localStorage.getItem('_hjid')).toBeNull();
    expect(sessionStorage.getItem('hjViewportId')).toBeNull();
    expect(localStorage.getItem('theme')).toBe('dark');
    expect(blocked.map((e) => `${e.kind}:${e.target}`)).toEqual([
      'cookie:_ga',
      'cookie:_ga_ABC1234',
      'cookie:_hjSessionUser_1',
      'storage:_hjid',
      'storage:hjViewportId',
    ]);
  });

  it("refuses a non-granted vendor's storage keys written as properties, and nothing else", () => {
    const consent = start();
    for (const store of [localStorage, sessionStorage]) {
      (store as unknown as Record<string, string>)._hjid = 'x';
      Object.assign(store, { _hjTLDTest: 'x', theme: 'dark' });
      Reflect.set(store, 'hjViewportId', 'x');
      Reflect.defineProperty(store, '_hjAbsoluteSessionInProgress', { value: 'x', writable: true, enumerable: true, configurable: true });
    }
    for (const store of [localStorage, sessionStorage]) {
      expect(['_hjid', '_hjTLDTest', 'hjViewportId', '_hjAbsoluteSessionInProgress'].map((k) => store.getItem(k))).toEqual([null, null, null, null]);
      expect(store.getItem('theme')).toBe('dark');
      expect(Object.keys(store)).toEqual(['theme']);
    }
    expect(blocked.filter((e) => e.kind === 'storage')).toHaveLength(8);
    consent.update({ statistics: true });
    (localStorage as unknown as Record<string, string>)._hjid = 'x';
    expect(localStorage.getItem('_hjid')).toBe('x');
  });

  it('allows those writes once the vendor is granted', () => {
    const consent = start();
    consent.update({ statistics: true });
    document.cookie = '_ga=GA1.1.1.1; path=/';
    localStorage.setItem('_hjid', 'x');
    expect(document.cookie).toContain('_ga=GA1.1.1.1');
    expect(localStorage.getItem('_hjid')).toBe('x');
  });

  it('follows the vendor switch, not only the category, for configured vendors', async () => {
    const consent = start({ vendors: { 'google-analytics': { id: 'G-ABC1234', category: 'statistics' }, hotjar: { category: 'statistics' } } });
    consent.update({ statistics: true, vendors: { 'google-analytics': false } });
    await expect(fetch(GA_HIT)).rejects.toThrow();
    await fetch('https://in.hotjar.com/api'); // Hotjar's switch followed its category
    expect(nativeFetch).toHaveBeenCalledTimes(1);
  });

  it('puts every native function back on destroy', () => {
    const b = createBlocker(makeConsent(), { rules: RULES });
    expect(globalThis.fetch).not.toBe(nativeFetch);
    b.destroy();
    expect(globalThis.fetch).toBe(nativeFetch);
    expect(XMLHttpRequest.prototype.send).toBe(nativeSend);
    expect(Object.getPrototypeOf(navigator).sendBeacon).toBe(nativeBeacon);
    expect(Object.getOwnPropertyDescriptor(document, 'cookie')).toBeUndefined();
  });

  it('does not wrap twice for a second blocker on the same page (it shares the guard: create-blocker.test.ts)', () => {
    start();
    const wrapped = globalThis.fetch;
    const second = createBlocker(makeConsent(), { rules: RULES });
    expect(globalThis.fetch).toBe(wrapped);
    second.destroy();
  });
});
