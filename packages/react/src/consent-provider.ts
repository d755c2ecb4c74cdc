import type { ConsentConfig, ConsentOptions, ConsentState } from '@consentry/core';
import type { UIOptions } from '@consentry/ui';
import type { VendorDefinition } from '@consentry/vendors';
import { createElement, useEffect, useState, type ReactElement, type ReactNode } from 'react';
import { ConsentContext } from './consent-context.js';
import { createConsentStore, type VendorTexts } from './consent-store.js';

export interface ConsentProviderProps {
  /** The same JSON config as the script tag. Read once: remount (change `key`) to apply another. */
  config: ConsentConfig;
  /** The request's state from `readConsent(cookieHeader, config)`, so the server render matches the client. */
  initialState?: ConsentState;
  /** Engine options (`cookies`, `now`, `gpc`, `catalog`, `secure`), read once. */
  options?: ConsentOptions;
  /** `false` skips the built-in banner and dialog; an object passes options to it (read once). */
  ui?: false | UIOptions;
  /** Catalog vendors the app uses, imported one by one so only they are bundled (read once). */
  vendors?: readonly VendorDefinition[];
  /**
   * The catalog's purposes in the languages of `ui.texts`, imported next to the UI table:
   * `ui={{ texts: { lv } }} vendorTexts={{ lv: lvVendorTexts }}` (read once).
   */
  vendorTexts?: VendorTexts;
  /** `false` turns off gating of marked-up scripts and iframes, automatic blocking and the guards. */
  blocking?: boolean;
  children?: ReactNode;
}

/**
 * Creates the consent engine once and mounts the built-in UI (Preact, in its own shadow root on
 * `document.body`) after the first commit. Renders only its children into the React tree.
 */
export function ConsentProvider({ config, initialState, options, ui, vendors, vendorTexts, blocking, children }: ConsentProviderProps): ReactElement {
  // useState, not useMemo: React may drop memoised values, and the engine must stay one per provider.
  const [store] = useState(() => createConsentStore(config, options, initialState, vendors));
  const [uiOptions] = useState(ui);
  const [integrations] = useState(() => ({ vendors: vendors ?? [], ...(vendorTexts ? { vendorTexts } : {}), ...(blocking === false ? { blocking } : {}) }));
  // Everything exists only while mounted, so StrictMode's mount, unmount, mount leaves one banner and one blocker.
  useEffect(() => store.mount(uiOptions, integrations), [store, uiOptions, integrations]);
  return createElement(ConsentContext.Provider, { value: store }, children);
}
