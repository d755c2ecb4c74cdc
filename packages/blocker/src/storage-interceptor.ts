import { holdingRule } from './context.js';
import { patchAccessor, patchMethod } from './patch.js';
import type { BlockerContext } from './context.js';

const proxies = new WeakMap<Storage, Storage>();
const reals = new WeakMap<Storage, Storage>();

/**
 * localStorage / sessionStorage writes of a non-granted vendor's keys are dropped: `setItem` on the
 * prototype, and named-property writes (`localStorage.k = v`, `Object.assign`, `Reflect.set` /
 * `defineProperty`) through a Proxy that every way of reaching a Storage hands out instead of the
 * Storage itself: the window's getters and a `storage` event's `storageArea`.
 */
export function interceptStorage(ctx: BlockerContext, w: Window & typeof globalThis): void {
  if (!w.Storage) return;
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
    const k = String(key);
    if (!refused(k)) original.call(real(this), k, value);
  });
  for (const name of ['getItem', 'removeItem', 'key', 'clear'] as const) {
    patchMethod(proto, name, (original) => function (this: Storage, ...a: unknown[]) {
      return (original as (...a: unknown[]) => unknown).apply(real(this), a);
    } as never);
  }
  // Reads use the real Storage as receiver (its `length` getter); methods stay the prototype's own.
  const handler: ProxyHandler<Storage> = {
    get: (t, k) => Reflect.get(t, k),
    set: (t, k, v) => refused(k) || Reflect.set(t, k, v),
    defineProperty: (t, k, d) => refused(k) || Reflect.defineProperty(t, k, d),
  };
  const view = (store: Storage | null): Storage | null => {
    if (!store || reals.has(store)) return store;
    let proxy = proxies.get(store);
    if (!proxy) {
      proxies.set(store, (proxy = new Proxy(store, handler)));
      reals.set(proxy, store);
    }
    return proxy;
  };
  for (const prop of ['localStorage', 'sessionStorage']) {
    patchAccessor(w, prop, (get) => function (this: unknown) {
      return view(get.call(this) as Storage);
    });
  }
  if (w.StorageEvent) {
    patchAccessor(w.StorageEvent.prototype, 'storageArea', (get) => function (this: unknown) {
      return view(get.call(this) as Storage | null);
    });
  }
}
