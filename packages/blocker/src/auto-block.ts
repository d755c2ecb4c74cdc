import type { Restore } from './patch.js';

/** Whether an inserted node is, or holds, a script or an iframe (gated content to scan). */
export function holdsGated(node: unknown): boolean {
  if (node === null || typeof node !== 'object') return false;
  const n = node as Element;
  if (n.nodeType === 1) {
    const tag = n.localName;
    if (tag === 'script' || tag === 'iframe') return true;
    return n.firstElementChild !== null && n.querySelector('script,iframe') !== null;
  }
  return n.nodeType === 11 && n.querySelector('script,iframe') !== null;
}

/**
 * The observer half of automatic blocking: parser-inserted elements are checked before they run.
 * For a parser-inserted script the observer's microtask runs before the parser prepares the script
 * (the parser performs a microtask checkpoint at `</script>`), so turning it to text/plain stops it.
 * `check` returns true when the element is or holds a script or iframe (gated content to scan).
 *
 * Only while the document is parsing: afterwards every node arrives through a hooked API (insertion,
 * the string sinks), which reports gated content itself, and an observer would add a record to every
 * mutation the page makes (5,000 appended images cost 3.5× with one). `onDone` says when it stopped.
 */
export function observeInsertions(check: (el: Element) => boolean, onFound: () => void, onDone: () => void): Restore {
  if (typeof MutationObserver === 'undefined' || document.readyState !== 'loading') {
    onDone();
    return () => {};
  }
  const handle = (records: MutationRecord[]): void => {
    let found = false;
    for (const record of records) {
      const added = record.addedNodes;
      for (let i = 0; i < added.length; i++) {
        const node = added[i]!;
        if (node.nodeType === 1 && check(node as Element)) found = true;
      }
    }
    if (found) onFound();
  };
  const observer = new MutationObserver(handle);
  // The document itself is observed, so a `document.open()` that replaces the root stays covered.
  observer.observe(document, { childList: true, subtree: true });
  const done = (): void => {
    // Records of the parser's last insertions may still be queued: handled before stopping.
    handle(observer.takeRecords());
    observer.disconnect();
    onDone();
  };
  document.addEventListener('DOMContentLoaded', done, { once: true });
  return () => {
    observer.disconnect();
    document.removeEventListener('DOMContentLoaded', done);
  };
}
