// The built service worker, dist/consentry-sw.js (packages/network-wall/rollup.sw.mjs). Registered by
// the guard with its config in the URL, or imported into a site's own worker after it sets
// `self.consentryConfig` (docs/service-worker.md).
import { VENDOR_INDEX } from './catalog-index.js';
import { startServiceWorker, type WorkerScope } from './service-worker.js';

const scope = self as unknown as WorkerScope & { consentryConfig?: unknown };
startServiceWorker(scope, VENDOR_INDEX, scope.consentryConfig === undefined ? undefined : { config: scope.consentryConfig });
