import { isGrantedIn as coreIsGrantedIn } from '@consentry/core';
import type { Category, ConsentState, ResolvedConfig } from '@consentry/core';

/** What the React tree may show: a category or vendor checked against a rendered snapshot. */
export type GrantTarget = Category | { vendor: string };

/**
 * Grant check against a snapshot rather than the live engine, so the server render (from
 * `initialState`) and the hydrating client answer the same. Core's rule; a failed-closed store
 * has no config, and then only categories can be asked about.
 */
export function isGrantedIn(state: ConsentState, config: ResolvedConfig | null, target: GrantTarget): boolean {
  if (config) return coreIsGrantedIn(state, config, target);
  return typeof target === 'string' && state.choices[target] === true;
}
