/**
 * The platform's own DOM methods, taken before any hook is installed. The blocker writes with these,
 * never through the element (`el.setAttribute` may be the page's own function, or a customised built-in
 * whose callbacks run inside the call), so no page code runs on the blocker's behalf.
 */
type Fn = (this: unknown, ...a: unknown[]) => unknown;

export interface Natives {
  setAttribute: Fn;
  getAttribute: Fn;
  hasAttribute: Fn;
  removeAttribute: Fn;
  localName: Fn;
  insertBefore: Fn;
  removeChild: Fn;
  createElement: Fn;
  /** The `src` setter of frames, and `innerHTML` of a template (parsing into its inert document). */
  iframeSrc: Fn;
  innerHTML: Fn;
  innerHTMLGet: Fn;
}

let taken: Natives | undefined;

const getter = (proto: object, key: string, set = false): Fn => {
  for (let o: object | null = proto; o; o = Object.getPrototypeOf(o) as object | null) {
    const d = Object.getOwnPropertyDescriptor(o, key);
    if (d) return (set ? d.set : d.get) as Fn;
  }
  return () => undefined;
};

/** Called before the first realm is hooked; later calls keep the first (unhooked) set. */
export function takeNatives(w: Window & typeof globalThis): Natives {
  if (taken) return taken;
  const E = w.Element.prototype as unknown as Record<string, Fn>;
  const N = w.Node.prototype as unknown as Record<string, Fn>;
  return (taken = {
    setAttribute: E.setAttribute!,
    getAttribute: E.getAttribute!,
    hasAttribute: E.hasAttribute!,
    removeAttribute: E.removeAttribute!,
    localName: getter(w.Element.prototype, 'localName'),
    insertBefore: N.insertBefore!,
    removeChild: N.removeChild!,
    createElement: (w.Document.prototype as unknown as Record<string, Fn>).createElement!,
    iframeSrc: getter(w.HTMLIFrameElement.prototype, 'src', true),
    innerHTML: getter(w.Element.prototype, 'innerHTML', true),
    innerHTMLGet: getter(w.Element.prototype, 'innerHTML'),
  });
}

export function natives(): Natives {
  return taken ?? takeNatives(globalThis as Window & typeof globalThis);
}

/** Forget the set (the last blocker was destroyed: the next one takes them again). */
export function dropNatives(): void {
  taken = undefined;
}

const TRUSTED = ['TrustedHTML', 'TrustedScript', 'TrustedScriptURL'];

/**
 * The string a value becomes, computed once: the check looks at it and the native setter gets the
 * same string (an object whose `toString` changes between the two cannot slip past). A Trusted Types
 * object is passed on as itself (its text cannot change), so pages enforcing Trusted Types keep working.
 */
export function once(v: unknown): { text: string; pass: unknown } {
  if (typeof v === 'string') return { text: v, pass: v };
  if (v !== null && typeof v === 'object') {
    for (const name of TRUSTED) {
      const proto = (globalThis as unknown as Record<string, { prototype: { toString: Fn } } | undefined>)[name]?.prototype;
      if (proto && v instanceof (globalThis as unknown as Record<string, new () => object>)[name]!) {
        try {
          return { text: proto.toString.call(v) as string, pass: v };
        } catch {
          // a look-alike object: converted like any other
        }
      }
    }
  }
  const text = String(v);
  return { text, pass: text };
}
