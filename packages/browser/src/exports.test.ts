import { expect, it } from 'vitest';
import * as browser from './index.js';

it('exports exactly the public API', () => {
  expect(Object.keys(browser).sort()).toEqual(['BAKE_MARKER', 'COMPILED_FORMAT', 'autoInit', 'bakeGuard', 'compileConfig', 'createConsentryApi', 'fileParts']);
});
