// The compiled guard's script-tag entry (dist/consentry.compiled.js): reads a config checked ahead of
// time by consentry-build, baked into this file (bakeGuard) or in `#consentry-config`.
import { autoInit, createApi, log, type ConsentryApi } from './api.js';
import { compiledReader } from './compiled.js';

declare global {
  interface Window {
    Consentry?: ConsentryApi;
  }
}
declare const __CONSENTRY_COMPILED__: unknown;

/** The config bakeGuard put in place of the marker; unbaked, the marker is an undefined global. */
function baked(): unknown {
  try {
    return __CONSENTRY_COMPILED__;
  } catch {
    return undefined;
  }
}

if (window.Consentry) {
  log('a Consentry guard is included twice; the second copy does nothing.');
} else {
  const api = createApi(compiledReader);
  window.Consentry = api;
  const config = baked();
  if (config !== undefined) api.init(config);
  else autoInit(api);
}
export {};
