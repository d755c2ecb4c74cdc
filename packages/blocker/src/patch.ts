/** Undo function for one patch. */
export type Restore = () => void;

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
  return () => {
    if (target[key] !== wrapped) return; // someone patched over us; leave their chain intact
    if (own && 'value' in own) Object.defineProperty(target, key, own);
    else target[key] = original;
  };
}

/** Wrap the setter of an accessor found on `proto` or up its chain; the getter stays native. */
export function patchSetter(
  proto: object,
  key: string,
  wrap: (originalSet: (this: unknown, value: unknown) => void) => (this: unknown, value: unknown) => void,
): Restore {
  let owner: object | null = proto;
  let desc: PropertyDescriptor | undefined;
  while (owner && !(desc = Object.getOwnPropertyDescriptor(owner, key))) owner = Object.getPrototypeOf(owner) as object | null;
  if (!desc?.set || !desc.configurable) return () => {};
  const originalSet = desc.set as (this: unknown, value: unknown) => void;
  Object.defineProperty(proto, key, { ...desc, set: wrap(originalSet) });
  const hadOwn = owner === proto;
  const saved = desc;
  return () => {
    if (hadOwn) Object.defineProperty(proto, key, saved);
    else delete (proto as Record<string, unknown>)[key];
  };
}
