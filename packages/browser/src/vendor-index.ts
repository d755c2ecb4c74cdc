// Blocking and validation data for every catalog vendor. In the script-tag build rollup replaces this
// module with the same value precomputed as a literal (packages/browser/rollup.browser.mjs), so the
// full catalog is not bundled; vendor definitions arrive as dist/vendors/<id>.js when configured.
import { catalogIndex } from '@consentry/assembly';

export const VENDOR_INDEX = catalogIndex();
