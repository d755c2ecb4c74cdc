import type { Category, OptionalCategory } from '@consentry/core';
import type { Draft, VendorInfo } from './types';

export interface VendorRow {
  id: string;
  category: OptionalCategory;
  info: VendorInfo | undefined;
}

/** Everything the stateless views need; the controller rebuilds it on each paint. */
export interface ViewModel {
  t: (key: string) => string;
  layout: 'bar' | 'box' | 'modal';
  /** What the first layer is for the visitor's region (docs/jurisdictions.md): it asks, or it informs. */
  kind: 'consent' | 'opt-out' | 'notice';
  categories: Category[];
  vendors: VendorRow[];
  banner: boolean;
  prefs: Draft | null;
  reopen: 'bottom-left' | 'bottom-right' | null;
  status: string;
  acceptAll: (source: 'banner' | 'preferences') => void;
  rejectAll: (source: 'banner' | 'preferences') => void;
  customize: (event: Event) => void;
  /** "Do not sell or share my personal information": targeting off, the rest as it is. */
  doNotSell: () => void;
  toggleCategory: (category: OptionalCategory) => void;
  toggleVendor: (id: string) => void;
  save: () => void;
  closePrefs: () => void;
}
