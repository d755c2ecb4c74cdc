// @vitest-environment-options {"url":"https://www.shop.example.com/page"}
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBlocker } from './create-blocker.js';
import { isCookieDeletion } from './interceptors.js';
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

describe('withdrawal interceptors', () => {
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

  it('does not wrap twice for a second blocker on the same page (it shares the interceptors: create-blocker.test.ts)', () => {
    start();
    const wrapped = globalThis.fetch;
    const second = createBlocker(makeConsent(), { rules: RULES });
    expect(globalThis.fetch).toBe(wrapped);
    second.destroy();
  });
});

describe('the interceptor reads each argument once, and the browser gets what was read', () => {
  const flipping = (url: string) => {
    let reads = 0;
    return { toString: () => (reads++ ? url : '/ok') };
  };

  // (URL subclasses and Requests with a shadowed `url`: happy-dom keeps both as plain overridable
  // properties, so they are measured in Chromium, packages/browser/e2e/routes-network.e2e.test.ts.)
  it('fetch: objects whose string value changes, and URLs the parser reads as another host', async () => {
    start();
    // Checked as '/ok', so '/ok' is what the browser is given, never the tracker it would say next.
    await fetch(flipping(GA_HIT) as unknown as string);
    await expect(fetch({ toString: () => GA_HIT } as unknown as string)).rejects.toThrow(TypeError);
    await expect(fetch('/\\www.google-analytics.com/g/collect')).rejects.toThrow(TypeError);
    await expect(fetch('/\t/www.google-analytics.com/g/collect')).rejects.toThrow(TypeError);
    await fetch('/api');
    await fetch('https://API.stripe.com./v1');
    // An absolute URL goes as written: the browser parses the same string the same way.
    expect(nativeFetch.mock.calls.map((c) => c[0])).toEqual(['/ok', '/api', 'https://API.stripe.com./v1']);
  });

  it('XMLHttpRequest.open gives the native open the URL it read, and send holds it', async () => {
    start();
    const nativeOpen = vi.spyOn(XMLHttpRequest.prototype, 'open');
    try {
      blocker?.destroy();
      start(); // wrap over the spy
      const x = new XMLHttpRequest();
      x.open('POST', flipping(GA_HIT) as unknown as string);
      x.send('x');
      const y = new XMLHttpRequest();
      y.open('POST', '/\\www.google-analytics.com/g/collect');
      y.send('x');
      expect(nativeOpen.mock.calls.map((c) => c[1])).toEqual(['/ok', 'https://www.google-analytics.com/g/collect']);
      expect(nativeSend).toHaveBeenCalledTimes(1);
      expect(nativeSend.mock.contexts[0]).toBe(x);
    } finally {
      nativeOpen.mockRestore();
    }
  });

  it('sendBeacon: the value read once is the value sent', () => {
    start();
    expect(navigator.sendBeacon(flipping('/metrics') as unknown as string, 'x')).toBe(true);
    expect(navigator.sendBeacon({ toString: () => GA_HIT } as unknown as string, 'x')).toBe(false);
    expect(nativeBeacon.mock.calls.map((c) => c[0])).toEqual(['/ok']);
  });

  it('first-party proxies of tracker endpoints are held by the request interceptors', async () => {
    const rules = RULES.map((r) => (r.id === 'google-analytics' ? { ...r, hosts: [...r.hosts, '*/g/collect?tid'] } : r));
    blocker = createBlocker(makeConsent(), { rules, onBlocked: (e) => blocked.push(e) });
    await expect(fetch('/g/collect?v=2&tid=G-1')).rejects.toThrow(TypeError);
    expect(navigator.sendBeacon('https://sgtm.shop.example.com/g/collect?tid=G-1', 'x')).toBe(false);
    await fetch('/g/collect-nothing?tid=1');
    expect(nativeFetch).toHaveBeenCalledTimes(1);
    expect(blocked.map((e) => `${e.kind}:${e.vendor}`)).toEqual(['fetch:google-analytics', 'beacon:google-analytics']);
  });
});

describe('primitives beside fetch', () => {
  const g = globalThis as unknown as Record<string, unknown>;
  const calls: unknown[][] = [];
  const fakes = {
    fetchLater: (...a: unknown[]) => void calls.push(['fetchLater', ...a]),
    Cache: class {
      add(...a: unknown[]) {
        calls.push(['add', ...a]);
        return Promise.resolve();
      }
      addAll(...a: unknown[]) {
        calls.push(['addAll', ...a]);
        return Promise.resolve();
      }
    },
    Worklet: class {
      addModule(...a: unknown[]) {
        calls.push(['addModule', ...a]);
        return Promise.resolve();
      }
    },
    PaymentRequest: class {
      constructor(...a: unknown[]) {
        calls.push(['PaymentRequest', ...a]);
      }
    },
    WebSocketStream: class {
      constructor(...a: unknown[]) {
        calls.push(['WebSocketStream', ...a]);
      }
    },
    CredentialsContainer: class {
      get(...a: unknown[]) {
        calls.push(['credentials.get', ...a]);
        return Promise.resolve(null);
      }
    },
  };
  beforeEach(() => {
    calls.length = 0;
    Object.assign(g, fakes);
  });
  afterEach(() => {
    blocker?.destroy();
    blocker = undefined;
    for (const k of Object.keys(fakes)) delete g[k];
  });

  it('fetchLater, Cache add/addAll, worklet modules, WebSocketStream, PaymentRequest and FedCM refuse a held vendor', async () => {
    start();
    const G = g as unknown as typeof fakes;
    expect(() => G.fetchLater(GA_HIT)).toThrow(TypeError);
    const cache = new G.Cache();
    await expect(cache.add(GA_HIT)).rejects.toThrow(TypeError);
    await expect(cache.addAll(['/own.css', GA_HIT])).rejects.toThrow(TypeError);
    await expect(new G.Worklet().addModule('https://www.facebook.com/w.js')).rejects.toThrow(/meta-pixel/);
    expect(() => new G.WebSocketStream('wss://in.hotjar.com/ws')).toThrow(/hotjar/);
    const Native = G.WebSocketStream.prototype.constructor as unknown as new (u: string) => object;
    expect(() => new Native('wss://in.hotjar.com/ws')).toThrow(/hotjar/);
    const total = { total: { label: 'x', amount: { currency: 'EUR', value: '1' } } };
    expect(() => new G.PaymentRequest([{ supportedMethods: 'https://www.facebook.com/pay' }], total)).toThrow(/meta-pixel/);
    const fedcm = { identity: { providers: [{ configURL: 'https://www.facebook.com/fedcm.json', clientId: '1' }] } };
    await expect(new G.CredentialsContainer().get(fedcm)).rejects.toThrow(/meta-pixel/);
    expect(calls).toEqual([]);
    // Others pass, with the value that was checked.
    G.fetchLater('/later');
    await cache.addAll(['/own.css']);
    new G.PaymentRequest([{ supportedMethods: 'basic-card' }], total);
    await new G.CredentialsContainer().get({ identity: { providers: [{ configURL: 'https://idp.example/c.json', clientId: '1' }] } });
    expect(calls.map((c) => c[0])).toEqual(['fetchLater', 'addAll', 'PaymentRequest', 'credentials.get']);
    expect(calls[1]?.[1]).toEqual(['/own.css']);
  });
});

describe('cookies', () => {
  it("holds the native setter wherever it lives up the document's prototype chain", () => {
    start();
    for (let proto = Object.getPrototypeOf(document) as object | null; proto; proto = Object.getPrototypeOf(proto) as object | null) {
      Object.getOwnPropertyDescriptor(proto, 'cookie')?.set?.call(document, '_ga=GA1.1.1.1; path=/; max-age=9999');
    }
    expect(document.cookie).not.toContain('_ga=');
  });

  it('writes the string it checked, not an object that changes its answer', () => {
    start();
    let reads = 0;
    document.cookie = { toString: () => (reads++ ? '_fbp=fb.1.1; path=/' : 'ok=1; path=/') } as unknown as string;
    expect(document.cookie).toBe('ok=1');
  });

  it('counts as a deletion only what the cookie parser reads as one', () => {
    expect(isCookieDeletion('_ga=; max-age=0')).toBe(true);
    expect(isCookieDeletion('_ga=; Max-Age=-1; path=/')).toBe(true);
    expect(isCookieDeletion('_ga=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/')).toBe(true);
    expect(isCookieDeletion('_ga=x; max-age=0x')).toBe(false); // ignored by the parser: a session cookie
    expect(isCookieDeletion('_ga=x; max-age=-1; max-age=9999')).toBe(false); // the last one wins
    expect(isCookieDeletion('_ga=x; max-age=9999; expires=Thu, 01 Jan 1970 00:00:00 GMT')).toBe(false);
    expect(isCookieDeletion('_ga=x; expires=1970')).toBe(false);
    expect(isCookieDeletion('_ga=x; expires=Thu, 31 Feb 2000 00:00:00 GMT')).toBe(false);
    expect(isCookieDeletion('_ga=x; expires=Wed, 01 Jan 1000 00:00:00 GMT')).toBe(false);
    expect(isCookieDeletion('_ga=x')).toBe(false);
  });

  it('cookieStore.set: the name checked is the name written, inherited fields included', async () => {
    const written: unknown[] = [];
    const g = globalThis as unknown as Record<string, unknown>;
    g.CookieStore = class {
      set(...a: unknown[]) {
        written.push(a);
        return Promise.resolve();
      }
    };
    try {
      start();
      const store = new (g.CookieStore as new () => CookieStore)();
      let reads = 0;
      await store.set({ get name() { return reads++ ? '_ga' : 'ok'; }, value: '1' } as CookieInit);
      await store.set(Object.create({ name: '_gid', value: '1' }) as CookieInit);
      await store.set('_ga_X', '1');
      await store.set(Object.create({ name: 'theme', value: 'dark', path: '/' }) as CookieInit);
      expect(written).toEqual([[{ name: 'ok', value: '1' }], [{ name: 'theme', value: 'dark', path: '/' }]]);
    } finally {
      delete g.CookieStore;
    }
  });
});
