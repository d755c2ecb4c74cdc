import type { Category, ConsentState, ResolvedConfig } from '@consentry/core';

/** What the React tree may show: a category or vendor checked against a rendered snapshot. */
export type GrantTarget = Category | { vendor: string };

/**
 * Grant check against a snapshot rather than the live engine, so the server render (from
 * `initialState`) and the hydrating client answer the same. Mirrors core's rule: a vendor needs
 * its category granted and its own switch on.
 */
export function isGrantedIn(state: ConsentState, config: ResolvedConfig | null, target: GrantTarget): boolean {
  if (typeof target === 'string') return state.choices[target] === true;
  // Plain-JS callers can pass nothing; that grants nothing rather than throwing into the page.
  const vendor = target ? config?.vendors[target.vendor] : undefined;
  return !!vendor && state.choices[vendor.category] === true && state.vendors[vendor.id] === true;
}
