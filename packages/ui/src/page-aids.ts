const HIDDEN = 'position:absolute;left:-9999px';
const SHOWN = 'position:fixed;left:8px;top:8px;z-index:2147483001;padding:8px 16px;background:#fff;color:#1a1c20;outline:3px solid #0b4fc4';

export interface PageAids {
  /** Pass the non-modal banner while it shows, `null` when it is gone: adds or removes the aids. */
  update(banner: HTMLElement | null): void;
}

/**
 * What a non-modal banner needs from the host page:
 * - a skip link as the first focusable element of <body>, so the banner is reachable first by
 *   keyboard although it sits at the end of the DOM (WCAG 2.1.1, 2.4.3);
 * - the banner's height added to <html>'s `scroll-padding-bottom`, so the browser scrolls a focused
 *   element clear of the banner (WCAG 2.4.11), and to its `padding-bottom`, so the last elements of
 *   the page can scroll clear too. Padding on <html> lengthens the document after <body>: nothing
 *   on the page moves. Both are restored to the page's own values after. Set from a ResizeObserver,
 *   so the mount itself reads no layout.
 * Styles are set through CSSOM, which a strict CSP allows, and never through markup.
 */
export function createPageAids(shadow: ShadowRoot, label: string, language: string): PageAids {
  const html = document.documentElement;
  let current: HTMLElement | null = null;
  let link: HTMLAnchorElement | null = null;
  let observer: ResizeObserver | null = null;
  let saved: [string, string] = ['', ''];
  let base: [number, number] | null = null;

  // Runs in the ResizeObserver's callback, after the browser has laid the frame out: reading the
  // page's computed padding there costs no extra layout, and the entry carries the banner's height.
  // Doing either during the mount would force a synchronous layout of the whole page.
  const pad = (entries: ResizeObserverEntry[]) => {
    const entry = entries[entries.length - 1];
    if (!current || !entry || entry.target !== current) return;
    if (!base) {
      // Add to what the page already reserves (say, for its own sticky footer); `auto` counts as 0.
      const computed = getComputedStyle(html);
      base = [parseFloat(computed.scrollPaddingBottom) || 0, parseFloat(computed.paddingBottom) || 0];
    }
    const height = Math.ceil(entry.borderBoxSize?.[0]?.blockSize ?? entry.contentRect.height);
    html.style.scrollPaddingBottom = `${base[0] + height}px`;
    html.style.paddingBottom = `${base[1] + height}px`;
  };

  const remove = () => {
    observer?.disconnect();
    observer = null;
    link?.remove();
    link = null;
    [html.style.scrollPaddingBottom, html.style.paddingBottom] = saved;
  };

  const add = () => {
    // Inline values only (no layout): what to put back when the banner goes.
    saved = [html.style.scrollPaddingBottom, html.style.paddingBottom];
    base = null;
    link = document.createElement('a');
    link.href = '#';
    link.lang = language;
    link.textContent = label;
    link.style.cssText = HIDDEN;
    link.addEventListener('focus', () => link && (link.style.cssText = SHOWN));
    link.addEventListener('blur', () => link && (link.style.cssText = HIDDEN));
    link.addEventListener('click', (event) => {
      event.preventDefault();
      shadow.querySelector<HTMLElement>('.b')?.focus();
    });
    document.body.insertBefore(link, document.body.firstChild);
    // The banner's height changes with its text, the viewport width and zoom; one observer sees all
    // three, and its first callback (after the banner's first layout) sets the padding.
    if (typeof ResizeObserver === 'function') {
      observer = new ResizeObserver(pad);
      observer.observe(current as HTMLElement, { box: 'border-box' });
    }
  };

  return {
    update(banner) {
      if (banner !== current) {
        if (current) remove();
        current = banner;
        if (banner) add();
      }
    },
  };
}
