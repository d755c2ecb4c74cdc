import { resolveConfig } from '@consentry/core';
import { checkVendorConfig, compactLookup, compactRules, type CompactCatalog } from '@consentry/vendors';
import { createApi, type ConsentryApi, type LazyParts, type Reader } from './api.js';
import { wallSlice } from './service-worker.js';
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

/**
 * The drop-in guard's reader: the page's own config, checked here with the full validator (path
 * messages) against the compact index of every catalog vendor, whose rules it also holds.
 */
export function dropInReader(index: CompactCatalog = VENDOR_INDEX): Reader {
  return {
    read(raw) {
      const lookup = compactLookup(index);
      const config = resolveConfig(raw, lookup);
      return {
        config,
        rules: compactRules(index, config.vendors),
        vendors: Object.keys(config.vendors)
          .filter((id) => Object.prototype.hasOwnProperty.call(lookup, id))
          .map((id) => [id, lookup[id]!.name!]),
        wall: wallSlice(raw),
      };
    },
    holdRules: () => compactRules(index),
    inert: () => resolveConfig({}),
    check: checkVendorConfig,
  };
}

/** `window.Consentry` of the drop-in `consentry.min.js` (the config inline, checked in the page). */
export function createConsentryApi(parts: ConsentryParts = {}): ConsentryApi {
  return createApi(dropInReader(parts.index), parts);
}
