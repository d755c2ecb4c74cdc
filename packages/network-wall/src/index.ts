export { createWall, failClosedWall, ruleMatcher, WALL_KEYS, type RuleMatcher, type Wall } from './wall.js';
export { buildPolicy, createCspPolicy, cspFor, cspMiddleware, hostSources, type CspOptions, type CspPolicy, type FetchDirective } from './csp.js';
export { strictMetaCsp, type ScanInventory, type StrictMeta } from './meta-csp.js';
export { configFromUrl, startServiceWorker, staticRoutes, type WorkerScope } from './service-worker.js';
