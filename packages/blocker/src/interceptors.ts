import { holdingRule } from './context.js';
import { interceptStorage } from './storage-interceptor.js';
import { ownerOf, patchMethod, patchSetter, patches, unpatch } from './patch.js';
import type { BlockerContext } from './context.js';
import type { Restore } from './patch.js';
import type { VendorRule } from './types.js';

export function cookieName(cookie: string): string {
  const eq = cookie.indexOf('=');
  return (eq < 0 ? cookie : cookie.slice(0, eq)).trim();
}

const YEAR_1601 = Date.UTC(1601, 0, 1);

/**
 * A write that removes a cookie is always allowed: it can only reduce tracking. Read as the browser's
 * cookie parser does (the last `Max-Age` wins over `Expires`; a value it cannot parse is ignored, which
 * leaves a session cookie), so only a date the parser is sure to read as past counts.
 */
export function isCookieDeletion(cookie: string): boolean {
  let maxAge: string | undefined;
  let expires: string | undefined;
  for (const part of cookie.split(';').slice(1)) {
    const eq = part.indexOf('=');
    const key = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
    const value = eq < 0 ? '' : part.slice(eq + 1).trim();
    if (key === 'max-age') maxAge = value;
    else if (key === 'expires') expires = value;
  }
  if (maxAge !== undefined) return /^-?\d+$/.test(maxAge) && Number(maxAge) <= 0;
  if (expires === undefined) return false;
  const at = Date.parse(expires);
  // Only the canonical form (`Thu, 01 Jan 1970 00:00:00 GMT`), a real day, a year the parser accepts.
  return at >= YEAR_1601 && at <= Date.now() && new Date(at).toUTCString().slice(4).toLowerCase() === expires.slice(4).toLowerCase();
}

const xhrTargets = new WeakMap<XMLHttpRequest, [string, VendorRule[] | null]>();

type Win = Window & typeof globalThis;
type Fn = (...a: unknown[]) => unknown;

/**
 * "Withdrawal holds": after a vendor is revoked (and before it is ever granted) the code it left running
 * cannot send to its hosts nor write its cookies and storage keys again. Every URL is read once, the way
 * the browser reads it (`URL` against the document's base URL), and the native call gets that very value:
 * an object whose `toString`, `href` or `url` answers differently the second time has no second time.
 */
export function installInterceptors(ctx: BlockerContext, w: Win = globalThis as Win): Restore {
  const start = patches.length;
  const base = () => w.document.baseURI;
  // The native getter: an own `url` property on a Request cannot stand in for the URL it will fetch.
  const requestUrl = w.Request && Object.getOwnPropertyDescriptor(w.Request.prototype, 'url')?.get;

  /** [the argument for the native call, the rule holding it or null, the URL for messages]. */
  function check(input: unknown): [unknown, VendorRule | null, string] {
    if (typeof input === 'object' && input !== null) {
      let url: string | undefined;
      try {
        // (happy-dom has no prototype getter: its own instances only)
        url = requestUrl ? (requestUrl.call(input) as string) : input instanceof w.Request ? input.url : undefined;
      } catch {
        // not a Request: its string value below
      }
      if (url !== undefined) return [input, holdingRule(ctx, ctx.hosts.request(url, base).rules), url];
    }
    const { href, rules } = ctx.hosts.request(String(input), base);
    return [href, holdingRule(ctx, rules), href];
  }
  const networkError = (url: string, vendor: string) => new TypeError(`Consentry blocked a request to ${url}: vendor "${vendor}" is not granted`);
  /** Reports a held URL; the rule, or null when it may go. */
  const held = ([, rule, url]: [unknown, VendorRule | null, string]) => (rule && ctx.report('fetch', rule, url), rule);
  const refuse = ([, rule, url]: [unknown, VendorRule | null, string]) => {
    throw new DOMException(networkError(url, rule!.id).message, 'SecurityError');
  };

  // Promise-returning fetches: refused like a network failure. `fetchLater` throws (it returns no promise).
  for (const name of ['fetch', 'fetchLater'] as const) {
    patchMethod(w as unknown as Record<string, Fn>, name, (original) => function (this: unknown, input: unknown, ...rest: unknown[]) {
      let c: [unknown, VendorRule | null, string];
      try {
        c = check(input);
        if (held(c)) throw networkError(c[2], c[1]!.id);
      } catch (error) {
        if (name === 'fetch') return Promise.reject(error);
        throw error;
      }
      return original.call(this, c[0], ...rest);
    });
  }

  // Connections by constructor: refused the way a blocked port is, with an exception at construction.
  // `prototype.constructor` leads to the wrapper too: an instance's constructor is no way around it.
  for (const name of ['WebSocket', 'WebSocketStream', 'EventSource', 'WebTransport', 'PaymentRequest']) {
    const Native = (w as unknown as Record<string, { prototype: object } | undefined>)[name];
    patchMethod(w as unknown as Record<string, new (...a: unknown[]) => object>, name, (Original) =>
      new Proxy(Original, {
        construct(target, args: unknown[], newTarget) {
          let first: unknown;
          if (name === 'PaymentRequest') {
            // A URL payment method makes the browser fetch that URL's manifest; other names resolve first-party.
            first = Array.from(args[0] as Iterable<{ supportedMethods: unknown; data?: unknown }>, (m) => {
              const c = check(String(m.supportedMethods));
              if (held(c)) refuse(c);
              return { supportedMethods: c[0], data: m.data };
            });
          } else {
            const c = check(String(args[0]));
            if (held(c)) refuse(c);
            first = c[0];
          }
          return Reflect.construct(target, [first, ...args.slice(1)], newTarget) as object;
        },
      }),
    );
    const wrapped = (w as unknown as Record<string, unknown>)[name];
    if (Native && wrapped !== Native && Native.prototype) {
      patchMethod(Native.prototype as Record<string, unknown>, 'constructor', () => wrapped);
    }
  }

  /**
   * A promise-returning method whose first argument is a URL (`all`: a list of them), or an options
   * object (`config`) whose URLs `config` checks and copies: refused with a rejected promise.
   */
  const interceptMethod = (proto: object | undefined, method: string, all: boolean, config?: (first: unknown) => unknown) => {
    if (proto) patchMethod(proto as Record<string, Fn>, method, (original) => function (this: unknown, first: unknown, ...rest: unknown[]) {
      try {
        let arg = first;
        if (config) arg = config(first);
        else {
          const checked = all ? Array.from(first as Iterable<unknown>, check) : [check(first)];
          for (const c of checked) if (held(c)) throw networkError(c[2], c[1]!.id);
          arg = all ? checked.map((c) => c[0]) : checked[0]![0];
        }
        return original.call(this, arg, ...rest);
      } catch (error) {
        return Promise.reject(error);
      }
    });
  };
  // The Cache API fetches what it is given; worklets (audio, paint, …) fetch their module.
  interceptMethod(w.Cache?.prototype, 'add', false);
  interceptMethod(w.Cache?.prototype, 'addAll', true);
  interceptMethod((w as unknown as { Worklet?: { prototype: object } }).Worklet?.prototype, 'addModule', false);
  // FedCM: the browser fetches each identity provider's config URL (and its site's well-known file).
  interceptMethod((w as unknown as { CredentialsContainer?: { prototype: object } }).CredentialsContainer?.prototype, 'get', false, (options) => {
    const identity = (options as { identity?: { providers?: Iterable<Record<string, unknown>> } } | null | undefined)?.identity;
    if (!identity) return options;
    const providers = Array.from(identity.providers ?? [], (p) => {
      const c = check(String(p.configURL));
      if (held(c)) throw networkError(c[2], c[1]!.id);
      return { ...p, configURL: c[0] };
    });
    return { ...(options as object), identity: { ...identity, providers } };
  });

  if (w.XMLHttpRequest) {
    const proto = w.XMLHttpRequest.prototype;
    // The URL is read once at `open` and that value is what the native `open` gets; `send` decides.
    patchMethod(proto, 'open', (original) => function (this: XMLHttpRequest, ...args: unknown[]) {
      if (args.length > 1) {
        const { href, rules } = ctx.hosts.request(String(args[1]), base);
        xhrTargets.set(this, [href, rules]);
        args[1] = href;
      }
      return (original as Fn).apply(this, args);
    } as XMLHttpRequest['open']),
    patchMethod(proto, 'send', (original) => function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
      const [url = '', rules = null] = xhrTargets.get(this) ?? [];
      const rule = holdingRule(ctx, rules);
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
      const [href, rule] = check(String(url));
      if (rule) {
        ctx.report('beacon', rule, href as string);
        return false; // the spec's answer when the user agent will not queue the data
      }
      return original.call(this, href as string, data);
    });
  }

  const cookieRule = (name: string) => (ctx.inInternal ? null : holdingRule(ctx, ctx.cookieNames(name)));
  // Where the native accessor lives (Document.prototype), so no prototype above ours still has it, and
  // a realm reused for its frame's next document keeps the interceptors. The value is read once and that
  // string is what is written.
  const cookieOwner = w.document && ownerOf(w.document, 'cookie');
  if (cookieOwner) {
    patchSetter(cookieOwner, 'cookie', (set) => function (this: unknown, value: unknown) {
      const cookie = String(value);
      if (!isCookieDeletion(cookie)) {
        const name = cookieName(cookie);
        const rule = cookieRule(name);
        if (rule) {
          ctx.report('cookie', rule, name);
          return;
        }
      }
      set.call(this, cookie);
    });
  }

  // The Cookie Store API writes the same jar: a vendor's cookie is dropped, its promise still resolves.
  // The options are copied once (own and inherited fields alike), so the name checked is the name written.
  const store = w.CookieStore?.prototype;
  if (store) {
    patchMethod(store, 'set', (original) => function (this: CookieStore, ...args: unknown[]) {
      let call = args;
      let name: string;
      try {
        if (typeof args[0] === 'object' && args[0] !== null) {
          const given = args[0] as Record<string, unknown>;
          const copy: Record<string, unknown> = {};
          for (const key of ['name', 'value', 'expires', 'domain', 'path', 'sameSite', 'partitioned']) {
            const value = given[key];
            if (value !== undefined) copy[key] = value;
          }
          name = copy.name = String(copy.name ?? '');
          call = [copy];
        } else {
          name = String(args[0]);
          call = [name, ...args.slice(1)];
        }
      } catch (error) {
        return Promise.reject(error);
      }
      const rule = cookieRule(name.trim());
      if (rule) {
        ctx.report('cookie', rule, name);
        return Promise.resolve();
      }
      return (original as (...a: unknown[]) => Promise<void>).apply(this, call);
    } as CookieStore['set']);
  }

  interceptStorage(ctx, w);
  return () => unpatch(start);
}
