import { expect, it } from 'vitest';
import * as wall from './index.js';

it('exports exactly the public API', () => {
  expect(Object.keys(wall).sort()).toEqual([
    'WALL_KEYS', 'buildPolicy', 'configFromUrl', 'createCspPolicy', 'createWall', 'cspFor', 'cspMiddleware', 'failClosedWall', 'hostSources', 'ruleMatcher', 'startServiceWorker', 'staticRoutes', 'strictMetaCsp',
  ]);
});
