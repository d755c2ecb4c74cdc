// Injected into every frame before the page's own scripts: reports who writes cookies and storage
// (the first http(s) URL on the writer's stack that is not a wrapper), and makes form submission a
// no-op, since a scan must never send a site's forms. A wrapper is a script that replaced the
// cookie accessor or Storage#setItem after us (a CMP's guard, like Consentry's blocker): every write
// passes through it, so it is skipped unless it is the only script on the stack (its own cookie).
export const WRITE_BINDING = '__consentryScanWrite';

export const HOOKS = `(() => {
  try {
    const wrappers = new Set();
    const scripts = () => {
      const out = [];
      for (const line of String(new Error().stack || '').split('\\n').slice(1)) {
        const m = /(https?:\\/\\/[^\\s()]+?):\\d+:\\d+\\)?\\s*$/.exec(line);
        if (m) out.push(m[1]);
      }
      return out;
    };
    const wrapper = () => { const s = scripts()[0]; if (s) wrappers.add(s); };
    const send = (kind, name, attrs) => {
      try {
        const stack = scripts();
        const src = stack.find((u) => !wrappers.has(u)) || stack[0] || null;
        const fn = window['${WRITE_BINDING}'];
        if (typeof fn === 'function') fn(kind, name, src, location.href, attrs || '').catch(() => {});
      } catch (e) {}
    };
    const d = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
    if (d && d.set) {
      Object.defineProperty(Document.prototype, 'cookie', {
        configurable: true,
        enumerable: d.enumerable,
        get: d.get,
        set(v) { const parts = String(v).split(';'); send('cookie', parts[0].split('=')[0].trim(), parts.slice(1).join(';')); return d.set.call(this, v); },
      });
    }
    const setItem = Storage.prototype.setItem;
    let current = function (k, v) {
      let area = 'localStorage';
      try { if (this === window.sessionStorage) area = 'sessionStorage'; } catch (e) {}
      send(area, String(k));
      return setItem.call(this, k, v);
    };
    // An accessor, so a script that replaces setItem after us is known as a wrapper.
    Object.defineProperty(Storage.prototype, 'setItem', { configurable: true, enumerable: true, get() { return current; }, set(fn) { wrapper(); current = fn; } });
    const define = Object.defineProperty;
    Object.defineProperty = function (target, key, desc) {
      try {
        if ((key === 'cookie' && (target === Document.prototype || target instanceof Document)) || (key === 'setItem' && target === Storage.prototype)) wrapper();
      } catch (e) {}
      return define.call(this, target, key, desc);
    };
    const open = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function (name, version) {
      send('indexedDB', String(name));
      return version === undefined ? open.call(this, name) : open.call(this, name, version);
    };
    addEventListener('submit', (e) => e.preventDefault(), true);
    HTMLFormElement.prototype.submit = function () {};
    HTMLFormElement.prototype.requestSubmit = function () {};
  } catch (e) {}
})();`;
