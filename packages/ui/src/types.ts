import type { OptionalCategory } from '@consentry/core';
import type { en } from './i18n/en';

/** Every string the UI shows has a key in the English table; the other tables must match it. */
export type TextKey = keyof typeof en;
/** A complete translation table (one per language module under `src/i18n/`). */
export type Translation = Record<TextKey, string>;

export interface VendorCookie {
  name: string;
  /**
   * How long the cookie lasts: seconds as a number (0 = session), or the catalog's text such as
   * `"2 years"` / `"session"`, which is localised when it has that simple shape and shown as is otherwise.
   */
  duration: number | string;
  /** Where it is kept when not a cookie (a site's own service declares its storage keys too). */
  kind?: 'localStorage' | 'sessionStorage';
}

/** What the preferences dialog shows about one vendor; the browser package passes catalog data. */
export interface VendorInfo {
  id: string;
  name: string;
  category: OptionalCategory;
  purpose: string;
  privacyPolicy?: string;
  cookies: VendorCookie[];
  /** A site's own service: the site itself is the provider. */
  own?: boolean;
}

export interface UIOptions {
  /** Vendor metadata for the dialog; vendors configured without metadata are listed by id. */
  vendors?: VendorInfo[];
  /** Complete translation tables by language (e.g. `{ lv }`), for languages loaded on demand. */
  texts?: Record<string, Translation>;
  /** Where the host element is appended; defaults to `document.body`. */
  root?: HTMLElement;
  onError?: (error: unknown) => void;
  /** Settles once every vendor disclosure has arrived or failed; the cookie declaration redraws then. */
  settled?: Promise<unknown>;
}

export interface ConsentUI {
  /** Show the first layer (the banner), even when a decision is stored. */
  show(): void;
  /** Open the preferences dialog; focus returns to `opener` (or what had focus) when it closes. */
  showPreferences(opener?: HTMLElement): void;
  /** Hide banner and dialog without deciding anything. */
  hide(): void;
  /** Remove everything the UI added to the page. */
  destroy(): void;
  /** The language the UI renders in (primary subtag, e.g. `lv`). */
  readonly language: string;
}

/** The visitor's unsaved switches while the dialog is open. */
export type Draft = Record<OptionalCategory, boolean> & { vendors: Record<string, boolean> };
