/**
 * Consent across the site's open tabs. The deciding tab posts the cookie value it just wrote ('' for
 * a reset): another tab's own cookie jar may not have it yet (cookies reach other renderers
 * asynchronously). The value goes through the same decoding and tamper checks as the cookie, so a
 * message can do no more than a same-origin script writing the cookie could, and it emits the same
 * `change` event as any other state move: the blocker, vendor loaders, Consent Mode and the UI react
 * as in the deciding tab.
 *
 * Two signals: a BroadcastChannel hint (instant, every modern browser) and the tab being focused or
 * becoming visible (a backstop for frames or browsers without the channel, a tab frozen while the
 * other decided, a page restored from the back/forward cache). Kept small: it ships before first paint.
 */
export interface CrossTab {
  /** Tell the other tabs the cookie value this one wrote ('' when it removed it). */
  announce(value: string): void;
}

export function startCrossTab(cookieName: string, reread: () => void, adopt: (value: string) => void): CrossTab | null {
  if (typeof document === 'undefined') return null;
  let channel: BroadcastChannel | undefined;
  let opened = false;
  // Opened when the browser is idle (or at this tab's first announcement), not in the guard's
  // synchronous run; what another tab decided meanwhile is in the cookie, read again once open.
  const open = (): BroadcastChannel | undefined => {
    if (opened) return channel;
    opened = true;
    try {
      channel = new BroadcastChannel(`consentry:${cookieName}`);
      // Node's BroadcastChannel (tests, SSR tooling) must not keep the process alive.
      (channel as { unref?: () => void }).unref?.();
      channel.onmessage = (e) => typeof e.data === 'string' && adopt(e.data);
    } catch {
      // no BroadcastChannel (old browsers, some sandboxes): focus and visibility still work
    }
    return channel;
  };
  const later = (fn: () => void) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(fn, { timeout: 1000 }) : setTimeout(fn, 1));
  later(() => opened || (open(), reread()));
  document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && reread());
  addEventListener('focus', reread);
  return {
    // The channel is never closed, so posting cannot throw.
    announce: (value) => open()?.postMessage(value),
  };
}
