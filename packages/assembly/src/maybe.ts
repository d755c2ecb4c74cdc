/** A part that a bundle already holds (React: imported) or that arrives later (script tag: a file). */
export type Maybe<T> = T | Promise<T>;

/**
 * Runs `fn` with the value now when it is already there, else when it arrives, so a React app that
 * imports every part mounts in the same effect, and the script tag waits only for what it fetches.
 * A part that fails to arrive counts as null (that part stays off).
 */
export function settle<T>(value: Maybe<T>, fn: (value: T | null) => void): void {
  if (value instanceof Promise) void value.then(fn, (error) => (log(error), fn(null))).catch(log);
  else fn(value);
}

export const log = (...args: unknown[]): void => console.error('[consentry]', ...args);
