import type { ConsentConfig, ConsentOptions, ConsentState } from '@consentry/core';
import type { UIOptions } from '@consentry/ui';
import { createElement, useEffect, useState, type ReactElement, type ReactNode } from 'react';
import { ConsentContext } from './consent-context.js';
import { createConsentStore } from './consent-store.js';

export interface ConsentProviderProps {
  /** The same JSON config as the script tag. Read once: remount (change `key`) to apply another. */
  config: ConsentConfig;
  /** The request's state from `readConsent(cookieHeader, config)`, so the server render matches the client. */
  initialState?: ConsentState;
  /** Engine options (`cookies`, `now`, `gpc`, `catalog`, `secure`), read once. */
  options?: ConsentOptions;
  /** `false` skips the built-in banner and dialog; an object passes options to it (read once). */
  ui?: false | UIOptions;
  children?: ReactNode;
}

/**
 * Creates the consent engine once and mounts the built-in UI (Preact, in its own shadow root on
 * `document.body`) after the first commit. Renders only its children into the React tree.
 */
export function ConsentProvider({ config, initialState, options, ui, children }: ConsentProviderProps): ReactElement {
  // useState, not useMemo: React may drop memoised values, and the engine must stay one per provider.
  const [store] = useState(() => createConsentStore(config, options, initialState));
  const [uiOptions] = useState(ui);
  // The UI exists only while mounted, so StrictMode's mount, unmount, mount leaves one banner.
  useEffect(() => store.mount(uiOptions), [store, uiOptions]);
  return createElement(ConsentContext.Provider, { value: store }, children);
}
