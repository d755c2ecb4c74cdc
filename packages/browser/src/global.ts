// The script-tag entry: the only module in Consentry that writes to `window`.
import { autoInit, createConsentryApi, type ConsentryApi } from './consentry.js';

declare global {
  interface Window {
    Consentry?: ConsentryApi;
  }
}

if (window.Consentry) {
  console.error('[consentry] consentry.min.js is included twice; the second copy does nothing.');
} else {
  const api = createConsentryApi();
  window.Consentry = api;
  autoInit(api);
}

export {};
