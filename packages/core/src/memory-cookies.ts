import type { CookieAttributes, CookieStore } from './types.js';

/** A CookieStore kept in memory: for SSR hosts, tests and environments without `document.cookie`. */
export function createMemoryCookies(initial: Record<string, string> = {}): CookieStore & {
  readonly jar: Map<string, { value: string; attributes: CookieAttributes }>;
} {
  const jar = new Map(Object.entries(initial).map(([k, value]) => [k, { value, attributes: {} as CookieAttributes }]));
  return {
    jar,
    get: (name) => jar.get(name)?.value,
    set(name, value, attributes) {
      jar.set(name, { value, attributes });
    },
    remove(name) {
      jar.delete(name);
    },
  };
}
