import { holdIframe, holdScript } from './element-hooks.js';
import type { BlockerContext } from './context.js';

/**
 * The observer half of automatic blocking: parser-inserted scripts and iframes are held before they run.
 * For a parser-inserted script the observer's microtask runs before the parser prepares the script
 * (the parser performs a microtask checkpoint at `</script>`), so turning it to text/plain stops it.
 */
export function observeInsertions(ctx: BlockerContext, onFound: () => void): () => void {
  if (typeof MutationObserver === 'undefined') return () => {};
  const check = (el: Element): boolean => {
    if (el instanceof HTMLScriptElement) {
      const src = el.getAttribute('src');
      if (src && !ctx.trusted.has(el)) holdScript(ctx, el, src);
      return true;
    }
    if (el instanceof HTMLIFrameElement) {
      holdIframe(ctx, el, el.getAttribute('src') ?? '');
      return true;
    }
    return false;
  };
  const observer = new MutationObserver((records) => {
    let found = false;
    for (const record of records) {
      for (const node of Array.from(record.addedNodes)) {
        if (node.nodeType !== 1) continue;
        const el = node as Element;
        if (check(el)) found = true;
        else if (el.firstElementChild) {
          for (const inner of Array.from(el.querySelectorAll('script,iframe'))) found = check(inner) || found;
        }
      }
    }
    if (found) onFound();
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  return () => observer.disconnect();
}
