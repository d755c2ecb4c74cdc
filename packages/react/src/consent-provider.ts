import { createConsentry, type ConsentConfig, type ConsentOptions, type ConsentState, type UIOptions, type VendorDefinition, type VendorTexts } from '@consentry/assembly';
import { createElement, useEffect, useState, type ReactElement, type ReactNode } from 'react';
import { ConsentContext } from './consent-context.js';

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
 * Opens the door once (`createConsentry` owns validation, fail-closed and the parts) and starts the
 * browser parts after the first commit. Renders only its children into the React tree.
 */
export function ConsentProvider({ config, initialState, options, ui, vendors, vendorTexts, blocking, children }: ConsentProviderProps): ReactElement {
  // useState, not useMemo: React may drop memoised values, and the engine must stay one per provider.
  const [door] = useState(() =>
    createConsentry(config, { ...options, ...(vendors ? { vendors } : {}), ...(vendorTexts ? { vendorTexts } : {}), ...(ui !== undefined ? { ui } : {}), ...(blocking === false ? { blocking } : {}), ...(initialState ? { initialState } : {}), autoStart: false }),
  );
  // Everything exists only while mounted, so StrictMode's mount, unmount, mount leaves one banner and one blocker.
  useEffect(() => door.start(), [door]);
  return createElement(ContextProvider, { value: door }, children);
}
const ContextProvider = ConsentContext.Provider;
