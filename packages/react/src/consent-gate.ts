import type { Category } from '@consentry/assembly';
import { createElement, Fragment, type ReactElement, type ReactNode } from 'react';
import { useIsGranted } from './use-is-granted.js';

interface GateCommon {
  /** Rendered while not granted (e.g. a placeholder with a button calling `showPreferences`). */
  fallback?: ReactNode;
  children?: ReactNode;
}
export type ConsentGateProps =
  | (GateCommon & { category: Category; vendor?: never })
  | (GateCommon & { vendor: string; category?: never });

/**
 * Renders its children only while the category or vendor is granted, else `fallback`: the React
 * way to gate an embed. Children mount on grant and unmount on withdrawal.
 */
export function ConsentGate(props: ConsentGateProps): ReactElement {
  const granted = useIsGranted(props.vendor !== undefined ? { vendor: props.vendor } : props.category);
  return createElement(Fragment, null, granted ? props.children : (props.fallback ?? null));
}
