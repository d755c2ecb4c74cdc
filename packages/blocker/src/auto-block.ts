import type { Restore } from './patch.js';

/**
 * The observer half of automatic blocking: parser-inserted elements are checked before they run.
 * For a parser-inserted script the observer's microtask runs before the parser prepares the script
 * (the parser performs a microtask checkpoint at `</script>`), so turning it to text/plain stops it.
 * `check` returns true when the element is or holds a script or iframe (gated content to scan).
 * The document itself is observed, so a `document.open()` that replaces the root stays covered.
 */
export function observeInsertions(check: (el: Element) => boolean, onFound: () => void): Restore {
  if (typeof MutationObserver === 'undefined') return () => {};
  const observer = new MutationObserver((records) => {
    let found = false;
    for (const record of records) {
      const added = record.addedNodes;
      for (let i = 0; i < added.length; i++) {
        const node = added[i]!;
        if (node.nodeType === 1 && check(node as Element)) found = true;
      }
    }
    if (found) onFound();
  });
  observer.observe(document, { childList: true, subtree: true });
  return () => observer.disconnect();
}
