import { catalog, encodeCatalog } from '@consentry/vendors';

// Tests and Node read the catalog at run time; the built worker (consentry-sw.js) gets this as a
// precomputed literal (rollup.sw.mjs), so no vendor loader or disclosure text is bundled into it.
export const VENDOR_INDEX = encodeCatalog(catalog);
