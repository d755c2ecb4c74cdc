/** Undo function for one patch. */
export type Restore = () => void;

/** Every patch in place, oldest first: the blocker undoes them all, newest first, on destroy. */
export const patches: Restore[] = [];

/** Undo the patches made since `from` (an earlier `patches.length`). */
export function unpatch(from: number): void {
  for (const restore of patches.splice(from).reverse()) restore();
}

/** Replace a method, keeping the original for the wrapper; the restore puts the exact original back. */
export function patchMethod<T extends object, K extends keyof T>(
  target: T,
  key: K,
  wrap: (original: T[K]) => T[K],
): Restore {
  const own = Object.getOwnPropertyDescriptor(target, key);
  const original = target[key];
  if (typeof original !== 'function') return () => {};
  const wrapped = wrap(original);
  try {
    target[key] = wrapped;
  } catch {
    return () => {};
  }
  const restore = () => {
    if (target[key] !== wrapped) return; // someone patched over us; leave their chain intact
    if (own && 'value' in own) Object.defineProperty(target, key, own);
    else target[key] = original;
  };
  patches.push(restore);
  return restore;
}

type Accessor = (this: unknown, value?: unknown) => unknown;

/**
 * Wrap the getter and/or setter of an accessor found on `proto` or up its chain, defined on `proto`;
 * a part not wrapped stays native. The restore puts the exact descriptor back.
 */
export function patchAccessor(
  proto: object,
  key: string,
  wrapGet: ((get: Accessor) => Accessor) | null,
  wrapSet?: (set: Accessor) => Accessor,
): Restore {
  let owner: object | null = proto;
  let desc: PropertyDescriptor | undefined;
  while (owner && !(desc = Object.getOwnPropertyDescriptor(owner, key))) owner = Object.getPrototypeOf(owner) as object | null;
  if (!desc?.get || !desc.configurable) return () => {};
  const next = { ...desc };
  if (wrapGet) next.get = wrapGet(desc.get);
  if (wrapSet && desc.set) next.set = wrapSet(desc.set);
  Object.defineProperty(proto, key, next);
  const hadOwn = owner === proto;
  const saved = desc;
  const restore = () => {
    if (hadOwn) Object.defineProperty(proto, key, saved);
    else delete (proto as Record<string, unknown>)[key];
  };
  patches.push(restore);
  return restore;
}

/** Wrap only the setter (see patchAccessor). */
export const patchSetter = (proto: object, key: string, wrap: (set: Accessor) => Accessor): Restore => patchAccessor(proto, key, null, wrap);

/** The object up `obj`'s prototype chain that owns `key` (where a native accessor lives), or null. */
export function ownerOf(obj: object, key: string): object | null {
  let owner: object | null = obj;
  while (owner && !Object.getOwnPropertyDescriptor(owner, key)) owner = Object.getPrototypeOf(owner) as object | null;
  return owner;
}
