import { holdingRule } from './context.js';
import { patchAccessor, patchMethod, patchSetter, patches, unpatch } from './patch.js';
import type { BlockerContext } from './context.js';
import type { Restore } from './patch.js';

function requestUrl(input: unknown): string {
  if (typeof input === 'string') return input;
  if (input instanceof URL) return input.href;
  if (input && typeof (input as Request).url === 'string') return (input as Request).url;
  return String(input);
}

export function cookieName(cookie: string): string {
  const eq = cookie.indexOf('=');
  return (eq < 0 ? cookie : cookie.slice(0, eq)).trim();
}

/** A write that removes a cookie is always allowed: it can only reduce tracking. */
export function isCookieDeletion(cookie: string): boolean {
  const maxAge = /;\s*max-age\s*=\s*(-?\d+)/i.exec(cookie);
  if (maxAge) return Number(maxAge[1]) <= 0;
  const expires = /;\s*expires\s*=\s*([^;]+)/i.exec(cookie);
  if (!expires?.[1]) return false;
  const at = Date.parse(expires[1]);
  return !Number.isNaN(at) && at <= Date.now();
}

const xhrTargets = new WeakMap<XMLHttpRequest, string>();
const proxies = new WeakMap<Storage, Storage>();
const reals = new WeakMap<Storage, Storage>();

/**
 * "Withdrawal holds": after a vendor is revoked (and before it is ever granted) the code it left running
 * cannot send to its hosts nor write its cookies and storage keys again. Everything else goes straight
 * to the native function after one hostname (or name) lookup.
 */
export function installGuards(ctx: BlockerContext, w: Window & typeof globalThis = globalThis as Window & typeof globalThis): Restore {
  const start = patches.length;
  const blocked = (url: string) => holdingRule(ctx, ctx.hosts(url));
  const networkError = (url: string, vendor: string) => new TypeError(`Consentry blocked a request to ${url}: vendor "${vendor}" is not granted`);

  patchMethod(w, 'fetch', (original) => function (this: unknown, input: RequestInfo | URL, init?: RequestInit) {
    const url = requestUrl(input);
    const rule = blocked(url);
    if (rule) {
      ctx.report('fetch', rule, url);
      return Promise.reject(networkError(url, rule.id));
    }
    return original.call(this, input, init);
  } as typeof fetch);

  // Connections by constructor: refused the way a blocked port is, with an exception at construction.
  for (const name of ['WebSocket', 'EventSource', 'WebTransport']) {
    patchMethod(w as unknown as Record<string, new (...a: unknown[]) => object>, name, (Original) =>
      new Proxy(Original, {
        construct(target, args, newTarget) {
          const url = requestUrl(args[0]);
          const rule = blocked(url);
          if (rule) {
            ctx.report('fetch', rule, url);
            throw new DOMException(networkError(url, rule.id).message, 'SecurityError');
          }
          return Reflect.construct(target, args, newTarget) as object;
        },
      }),
    );
  }

  if (w.XMLHttpRequest) {
    const proto = w.XMLHttpRequest.prototype;
    patchMethod(proto, 'open', (original) => function (this: XMLHttpRequest, ...args: unknown[]) {
      xhrTargets.set(this, String(args[1]));
      return (original as (...a: unknown[]) => void).apply(this, args);
    } as XMLHttpRequest['open']),
    patchMethod(proto, 'send', (original) => function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
      const url = xhrTargets.get(this) ?? '';
      const rule = blocked(url);
      if (rule) {
        ctx.report('xhr', rule, url);
        // What a network failure looks like to the caller: no response, then error and loadend.
        setTimeout(() => {
          this.dispatchEvent(new ProgressEvent('error'));
          this.dispatchEvent(new ProgressEvent('loadend'));
        }, 0);
        return;
      }
      return original.call(this, body);
    });
  }

  if (typeof w.navigator?.sendBeacon === 'function') {
    const proto = Object.getPrototypeOf(w.navigator) as Navigator;
    patchMethod(proto, 'sendBeacon', (original) => function (this: Navigator, url: string | URL, data?: BodyInit | null) {
      const href = requestUrl(url);
      const rule = blocked(href);
      if (rule) {
        ctx.report('beacon', rule, href);
        return false; // the spec's answer when the user agent will not queue the data
      }
      return original.call(this, url, data);
    });
  }

  const cookieRule = (name: string) => (ctx.inInternal ? null : holdingRule(ctx, ctx.cookieNames(name)));
  // On the prototype: a realm reused for its frame's next document keeps the guard.
  if (w.document) {
    patchSetter(Object.getPrototypeOf(w.document) as object, 'cookie', (set) => function (this: unknown, value: unknown) {
      const cookie = String(value);
      if (!isCookieDeletion(cookie)) {
        const name = cookieName(cookie);
        const rule = cookieRule(name);
        if (rule) {
          ctx.report('cookie', rule, name);
          return;
        }
      }
      set.call(this, value);
    });
  }

  // The Cookie Store API writes the same jar: a vendor's cookie is dropped, its promise still resolves.
  const store = w.CookieStore?.prototype;
  if (store) {
    patchMethod(store, 'set', (original) => function (this: CookieStore, ...args: unknown[]) {
      const name = String(typeof args[0] === 'string' ? args[0] : (args[0] as { name?: unknown } | null)?.name);
      const rule = cookieRule(name);
      if (rule) {
        ctx.report('cookie', rule, name);
        return Promise.resolve();
      }
      return (original as (...a: unknown[]) => Promise<void>).apply(this, args);
    } as CookieStore['set']);
  }

  if (w.Storage) {
    const refused = (key: unknown) => {
      const rule = typeof key == 'string' && !ctx.inInternal && holdingRule(ctx, ctx.storageNames(key));
      if (rule) ctx.report('storage', rule, key as string);
      return !!rule;
    };
    const proto = w.Storage.prototype;
    // A native Storage method called on the proxy below (`Storage.prototype.getItem.call(localStorage)`)
    // gets the real Storage as `this`.
    const real = (s: unknown) => reals.get(s as Storage) ?? s;
    patchMethod(proto, 'setItem', (original) => function (this: Storage, key: string, value: string) {
      if (!refused(String(key))) original.call(real(this), key, value);
    });
    for (const name of ['getItem', 'removeItem', 'key', 'clear'] as const) {
      patchMethod(proto, name, (original) => function (this: Storage, ...a: unknown[]) {
        return (original as (...a: unknown[]) => unknown).apply(real(this), a);
      } as never);
    }
    // `localStorage.k = v`, `Object.assign`, `Reflect.set`/`defineProperty` reach the Storage's named
    // setter, not setItem: the window hands out a Proxy that drops those writes for a held key. Reads
    // use the real Storage as receiver (its `length` getter); methods stay the prototype's own.
    const handler: ProxyHandler<Storage> = {
      get: (t, k) => Reflect.get(t, k),
      set: (t, k, v) => refused(k) || Reflect.set(t, k, v),
      defineProperty: (t, k, d) => refused(k) || Reflect.defineProperty(t, k, d),
    };
    for (const prop of ['localStorage', 'sessionStorage']) {
      patchAccessor(w, prop, (get) => function (this: unknown) {
        const store = get.call(this) as Storage;
        let proxy = proxies.get(store);
        if (!proxy) {
          proxies.set(store, (proxy = new Proxy(store, handler)));
          reals.set(proxy, store);
        }
        return proxy;
      });
    }
  }

  return () => unpatch(start);
}
