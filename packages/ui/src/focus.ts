const TABBABLE = 'a[href],button:not([disabled]),input:not([disabled]),[tabindex]:not([tabindex="-1"])';

export function tabbables(container: ParentNode): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(TABBABLE)].filter((el) => !el.closest('[inert]'));
}

/** The focused element as seen from inside our shadow root (document.activeElement is the host). */
export function activeIn(node: Node): Element | null {
  const root = node.getRootNode() as Document | ShadowRoot;
  return root.activeElement ?? null;
}

/** Keep Tab and Shift+Tab inside a modal dialog, wrapping at both ends (APG modal dialog). */
export function trapTab(event: KeyboardEvent, container: HTMLElement): void {
  if (event.key !== 'Tab') return;
  const items = tabbables(container);
  const first = items[0];
  const last = items[items.length - 1];
  const active = activeIn(container);
  const inside = items.includes(active as HTMLElement);
  if (!first || !last) {
    event.preventDefault();
    return;
  }
  if (event.shiftKey ? active === first || !inside : active === last || !inside) {
    event.preventDefault();
    (event.shiftKey ? last : first).focus();
  }
}
