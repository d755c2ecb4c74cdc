import { expect, it } from 'vitest';
import * as blocker from './index.js';

it('exports exactly the public API', () => {
  expect(Object.keys(blocker).sort()).toEqual(['DEFAULT_TEXTS', 'cookieDomains', 'createBlocker', 'createGuardBlocker', 'createHostMatcher', 'createIframeGate']);
});
