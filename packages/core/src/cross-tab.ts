/**
 * Consent across the site's open tabs. The cookie stays the only truth: a message from another tab
 * is just a hint to re-read it (a forged message can make a tab re-read a cookie, nothing more), and
 * re-reading goes through the same tamper checks and emits the same `change` event as any other
 * state move, so the blocker, vendor loaders, Consent Mode and the UI react as in the deciding tab.
 *
 * Three signals, because none is everywhere: BroadcastChannel (instant, every modern browser),
 * `cookieStore` change events (Chromium, secure contexts; also catches a cookie written by a page
 * that is not running Consentry), and becoming visible or focused (a backstop for everything else,
 * e.g. a tab that was frozen while the other decided).
 */
export interface CrossTab {
  /** Tell the other tabs that this one wrote or removed the decision. */
  announce(): void;
  stop(): void;
}

const inert: CrossTab = { announce() {}, stop() {} };

export function startCrossTab(cookieName: string, reread: () => void): CrossTab {
  if (typeof window === 'undefined' || typeof document === 'undefined') return inert;
  const stops: Array<() => void> = [];
  const on = (target: EventTarget | undefined, type: string, fn: (event: any) => void) => {
    if (!target?.addEventListener) return;
    target.addEventListener(type, fn as EventListener);
    stops.push(() => target.removeEventListener(type, fn as EventListener));
  };

  let channel: BroadcastChannel | null = null;
  try {
    if (typeof BroadcastChannel === 'function') {
      channel = new BroadcastChannel(`consentry:${cookieName}`);
      // Node's BroadcastChannel (SSR test runs) must not keep the process alive.
      (channel as { unref?: () => void }).unref?.();
      channel.onmessage = () => reread();
      stops.push(() => channel?.close());
    }
  } catch {
    channel = null; // sandboxed iframes and old browsers: the other signals still work
  }

  const store = (window as { cookieStore?: EventTarget }).cookieStore;
  type CookieChange = { changed?: Array<{ name?: string }>; deleted?: Array<{ name?: string }> };
  on(store, 'change', (event: CookieChange) => {
    if ([...(event.changed ?? []), ...(event.deleted ?? [])].some((c) => c.name === cookieName)) reread();
  });
  on(document, 'visibilitychange', () => {
    if (document.visibilityState === 'visible') reread();
  });
  on(window, 'focus', () => reread());
  on(window, 'pageshow', () => reread()); // back/forward cache: the page missed every message

  return {
    announce() {
      try {
        channel?.postMessage('changed');
      } catch {
        // a closed channel: the other tabs fall back to visibility and focus
      }
    },
    stop() {
      for (const fn of stops.splice(0)) fn();
    },
  };
}
