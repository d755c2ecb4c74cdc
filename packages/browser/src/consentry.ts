import { indexReader, type CompactCatalog } from '@consentry/assembly';
import { createApi, type ConsentryApi, type LazyParts } from './api.js';
import { VENDOR_INDEX } from './vendor-index.js';

export { autoInit, fileParts, type ConsentryApi, type EventName } from './api.js';

/**
 * Where the parts that are not in consentry.min.js come from; the script-tag build fetches files
 * beside itself (promises). A part may also be handed over as a value, as a bundle that holds it would.
 */
export interface ConsentryParts extends LazyParts {
  /** Blocking and validation data for every catalog vendor. */
  index?: CompactCatalog;
}

/** `window.Consentry` of the drop-in `consentry.min.js` (the config inline, checked in the page against the whole catalog's index). */
export function createConsentryApi(parts: ConsentryParts = {}): ConsentryApi {
  return createApi(indexReader(parts.index ?? VENDOR_INDEX), parts);
}
