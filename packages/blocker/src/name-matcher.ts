import type { NamePattern, VendorRule } from './types.js';

export type NameMatcher = (name: string) => VendorRule[] | null;

/** Exact names through a Map, prefixes through a short scan. */
export function createNameMatcher(rules: readonly VendorRule[], pick: (rule: VendorRule) => readonly NamePattern[] | undefined): NameMatcher {
  const exact = new Map<string, VendorRule[]>();
  const prefixes: Array<[string, VendorRule]> = [];
  for (const rule of rules) {
    for (const p of pick(rule) ?? []) {
      if (typeof p === 'string') {
        const list = exact.get(p) ?? [];
        list.push(rule);
        exact.set(p, list);
      } else if (p.prefix) {
        prefixes.push([p.prefix, rule]);
      }
    }
  }
  return (name) => {
    let found = exact.get(name) ?? null;
    for (const [prefix, rule] of prefixes) {
      if (name.startsWith(prefix)) found = found ? [...found, rule] : [rule];
    }
    return found;
  };
}
