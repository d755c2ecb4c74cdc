// Injected into every frame before the page's own scripts: reports who writes cookies and storage
// (the first http(s) URL on the writer's stack), and makes form submission a no-op, since a scan
// must never send a site's forms.
export const WRITE_BINDING = '__consentryScanWrite';

export const HOOKS = `(() => {
  try {
    const send = (kind, name, attrs) => {
      try {
        const lines = String(new Error().stack || '').split('\\n').slice(1);
        let src = null;
        for (const line of lines) {
          const m = /(https?:\\/\\/[^\\s()]+?):\\d+:\\d+\\)?\\s*$/.exec(line);
          if (m) { src = m[1]; break; }
        }
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
    Storage.prototype.setItem = function (k, v) {
      let area = 'localStorage';
      try { if (this === window.sessionStorage) area = 'sessionStorage'; } catch (e) {}
      send(area, String(k));
      return setItem.call(this, k, v);
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
