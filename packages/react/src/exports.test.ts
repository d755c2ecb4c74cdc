import { expect, it } from 'vitest';
import * as react from './index.js';

it('exports exactly the public API', () => {
  expect(Object.keys(react).sort()).toEqual(['ConsentGate', 'ConsentProvider', 'useConsent', 'useIsGranted']);
});
