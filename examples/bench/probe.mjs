// Runs in the page before any of its scripts (context.addInitScript). Records, on performance.now()
// (0 = navigation start): when the banner is first in the DOM *and* visible with a non-zero size,
// long tasks, long-animation-frame script attribution, layout shifts, and the LCP element.

/** @param {{ host: string | null, selector: string }} banner */
export function probe(banner) {
  if (window.top !== window) return;
  const r = (window.__bench = { banner: null, longTasks: [], scripts: [], shifts: [], errors: [] });

  const find = () => {
    if (!banner) return null;
    let root = document;
    if (banner.host) {
      const host = document.querySelector(banner.host);
      if (!host || !host.shadowRoot) return null;
      root = host.shadowRoot;
    }
    return root.querySelector(banner.selector);
  };
  const visible = (el) => {
    if (!el.isConnected) return false;
    const box = el.getBoundingClientRect();
    if (box.width <= 0 || box.height <= 0) return false;
    if (box.bottom <= 0 || box.right <= 0 || box.top >= innerHeight || box.left >= innerWidth) return false;
    // checkVisibility walks the flat tree (through the shadow host): display, visibility, opacity.
    return el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  };
  let observer = null;
  const check = () => {
    if (r.banner !== null) return true;
    const el = find();
    if (!el || !visible(el)) return false;
    r.banner = performance.now();
    const box = el.getBoundingClientRect();
    r.box = { w: Math.round(box.width), h: Math.round(box.height) };
    observer?.disconnect();
    return true;
  };
  // Mutations catch light-DOM banners as soon as they are inserted or shown by a class change;
  // the rAF poll catches what mutations cannot see (shadow roots, CSS transitions) once per frame.
  observer = new MutationObserver(() => check());
  observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['class', 'style', 'hidden', 'open'] });
  const frame = () => {
    if (!check()) requestAnimationFrame(frame);
  };
  if (banner) requestAnimationFrame(frame);
  else observer.disconnect();

  const watch = (type, fn) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(fn)).observe({ type, buffered: true });
    } catch {
      r.errors.push(`no PerformanceObserver for ${type}`);
    }
  };
  watch('longtask', (e) => r.longTasks.push({ start: e.startTime, duration: e.duration }));
  watch('layout-shift', (e) => {
    if (e.hadRecentInput) return;
    const name = (n) => (n ? `${n.nodeName.toLowerCase()}${n.id ? `#${n.id}` : ''}${n.className && typeof n.className === 'string' ? `.${n.className.split(' ')[0]}` : ''}` : '?');
    r.shifts.push({ start: e.startTime, value: e.value, nodes: (e.sources ?? []).map((x) => name(x.node)) });
  });
  // Long animation frames name the scripts that ran in them: that is how a long task is attributed.
  watch('long-animation-frame', (e) => {
    for (const s of e.scripts) {
      r.scripts.push({ start: s.startTime, duration: s.duration, source: s.sourceURL, invoker: s.invoker });
    }
  });
  // The largest contentful paint so far, and whether it is the banner: an element in a shadow tree
  // is reported as null (not exposed to the page), so null counts as the banner for a shadow-root UI.
  watch('largest-contentful-paint', (e) => {
    const el = e.element;
    const inBanner = el ? !!(banner && !banner.host && el.closest(banner.selector)) || !!(banner?.host && el.closest(banner.host)) : !!banner?.host;
    r.lcp = { time: e.startTime, size: e.size, element: el ? el.nodeName.toLowerCase() : null, inBanner };
  });
  addEventListener('error', (e) => r.errors.push(String(e.message)));
}
